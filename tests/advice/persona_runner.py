"""Runs a persona case file through the advice API the way the replay does (no engine, no UI)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from assistant.advice.deadlines import termijnen
from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.duo.pip_export import pip_body
from assistant.i18n import translator

PERSONAS = Path(__file__).resolve().parents[1] / "cases" / "personas"


def load_cases() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(PERSONAS.glob("*.json"))}


def run(case: dict[str, Any]) -> dict[str, Any]:
    tr = translator(case.get("locale", "nl"))
    today = date.fromisoformat(case["today"])
    proposal = propose(case["answers"], today=today)
    out: dict[str, Any] = {"proposal": proposal.to_json(tr), "_proposal": proposal}
    dagtekening = None
    if "besluit" in case:
        decision = decide(proposal, case["besluit"])
        out["pip_duo"] = pip_body(decision, case["answers"])
        out["_decision"] = decision
        dagtekening = decision.dagtekening_pip
    out["termijnen"] = termijnen(case["answers"], today=today, dagtekening_pip=dagtekening).to_json(tr)
    return out


def subset_mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where `actual` differs from `expected` (dicts: only the expected keys; other values: equal)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out += subset_mismatches(value, actual[key], f"{path}.{key}")
        return out
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
