"""A practice case through the engine, and how its outcome differs from what the case expects.

The case runs on exactly the code path of `intake replay` (`assistant.outcome.cases.run`
with `assistant.outcome.compute.replay_extras`), so a rule change that breaks a case
shows up in the per-case test and in the scoring of attempts.
"""

from __future__ import annotations

from typing import Any

from assistant.training.cases import PracticeCase

# The rules that decide the leerroute (the rest are flags and deadlines).
DECIDING_PREFIXES = ("P-", "L-", "R-", "O-VOORGESTELD", "O-TWIJFEL", "O-NIET")


def replay(case: PracticeCase, raw: dict | None = None) -> dict:
    """The replay output for the case (or for `raw`, an attempt in replay format)."""
    from assistant.dialog.loader import load_dialog
    from assistant.outcome.cases import parse_case, run
    from assistant.outcome.compute import replay_extras

    return run(load_dialog(), parse_case(raw if raw is not None else case.replay_input()), replay_extras)


def final_route(out: dict) -> tuple[str | None, str | None]:
    """The route and level after the decision, or the proposal's when there is none."""
    if "pip_duo" in out:
        pip = out["pip_duo"]["pip"]
        return pip.get("leerroute"), pip.get("niveau")
    return out["proposal"].get("leerroute"), out["proposal"].get("niveau")


def deciding_rules(out: dict) -> list[dict]:
    return [{"regel": r["regel"], "uitleg": r["uitleg"]} for r in out["proposal"]["redenen"]
            if r["regel"].startswith(DECIDING_PREFIXES)]


def mismatches(case: PracticeCase, out: dict) -> list[str]:
    """Every way `out` differs from the case's expected outcome (empty when it matches)."""
    exp = case.expected
    problems = []
    if out["status"] != exp["status"]:
        problems.append(f"status: expected {exp['status']}, got {out['status']}")
    route, level = final_route(out)
    if route != exp["leerroute"]:
        problems.append(f"leerroute: expected {exp['leerroute']}, got {route}")
    if level != exp["niveau"]:
        problems.append(f"niveau: expected {exp['niveau']}, got {level}")
    problems += _subset(exp.get("voorstel") or {}, out["proposal"], "voorstel")
    problems += _subset(exp.get("termijnen") or {}, out["termijnen"], "termijnen")
    rules = {r["regel"] for r in out["proposal"]["redenen"]}
    problems += [f"rule {r} not among the reasons" for r in exp["regels"] if r not in rules]
    return problems


def _subset(expected: dict, actual: Any, where: str) -> list[str]:
    if not isinstance(actual, dict):
        return [f"{where}: expected a mapping, got {actual!r}"]
    out = []
    for key, value in expected.items():
        if isinstance(value, dict):
            out += _subset(value, actual.get(key), f"{where}.{key}")
        elif actual.get(key) != value:
            out.append(f"{where}.{key}: expected {value!r}, got {actual.get(key)!r}")
    return out
