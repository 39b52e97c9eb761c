"""Valid typed input for any question, for scripted intakes, kill tests and benchmarks."""

from __future__ import annotations

import random

from assistant.dialog.model import Question


def sample_input(q: Question, rng: random.Random, prefer: dict | None = None) -> str:
    """A string a person could type that the engine accepts for `q`."""
    if prefer and q.id in prefer:
        return prefer[q.id]
    if q.type == "info":
        return ""
    if q.type == "text":
        fmt = q.opt("format")
        if fmt == "bsn":
            return "111222333"
        if fmt == "duo_score":
            return f"{rng.randint(10, 99)},{rng.randint(0, 99):02d}"
        return rng.choice(["Ja, dat klopt.", "مرحبا", "ሰላም", "Bakker in Aleppo", "[bold]niet vet[/]"])
    if q.type == "number":
        lo, hi = q.opt("min"), q.opt("max")
        return str(rng.randint(lo, min(hi, lo + 40)))
    if q.type == "date":
        lo = q.opt("age_min")
        if lo is not None:
            return f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{1990 + rng.randint(0, 5)}"
        return f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2025"
    if q.type == "yesno":
        return rng.choice(["ja", "nee"])
    if q.type == "choice":
        return str(rng.randint(1, len(q.choices)))
    if q.type == "multichoice":
        return str(rng.randint(1, len(q.choices)))
    if q.type == "list":
        return ", ".join(str(rng.randint(q.opt("item_min", 0), min(q.opt("item_max", 30), 17)))
                         for _ in range(rng.randint(max(1, q.opt("min_items", 0)), 3)))
    raise AssertionError(f"no sample for type {q.type}")
