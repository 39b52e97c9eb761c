"""Every persona case through the real replay: dialog, engine, advice, decision, DUO body."""

import json

import pytest

from assistant.dialog.loader import load_dialog
from assistant.duo.pip_export import validate_pip_body
from assistant.outcome.cases import CaseInvalid, parse_case, run
from assistant.outcome.compute import replay_extras
from tests.advice.persona_runner import PERSONAS, subset_mismatches

CASES = sorted(PERSONAS.glob("*.json"))


def test_at_least_twelve_personas():
    assert len(CASES) >= 12


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_persona_replays_to_the_expected_outcome(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    expect = raw["expect"]
    out = run(load_dialog(), parse_case(raw), replay_extras)
    problems = subset_mismatches(expect.get("proposal", {}), out["proposal"], "proposal")
    problems += subset_mismatches(expect.get("termijnen", {}), out["termijnen"], "termijnen")
    rules = {r["regel"] for r in out["proposal"]["redenen"]}
    problems += [f"rule {r} not among the reasons" for r in expect.get("regels", []) if r not in rules]
    assert problems == []
    dialog = load_dialog()
    for reason in out["proposal"]["redenen"]:  # reasons name real answer ids and a source
        assert reason["uitleg"] and reason["bron"]
        assert all(dialog.has_question(a) for a in reason["antwoorden"]), reason
    if "besluit" in raw:
        assert out["status"] == "confirmed"
        assert out["pip_duo"] == expect["pip_duo"]
        assert validate_pip_body(out["pip_duo"], doelgroep=raw["answers"].get("doelgroep")) == []
    else:
        assert "pip_duo" not in out


def test_deviation_without_motivation_is_refused_naming_the_field():
    raw = json.loads((PERSONAS / "11_grensscore_consulent_kiest_b.json").read_text(encoding="utf-8"))
    raw["besluit"].pop("motivatie")
    with pytest.raises(CaseInvalid) as exc:
        run(load_dialog(), parse_case(raw), replay_extras)
    assert [f for f, _ in exc.value.problems] == ["besluit.motivatie"]


@pytest.mark.parametrize("route, level, fragment", [("O", "A2", "A2"), ("Z", "B1", "B1"), ("B", "A2", "A2")])
def test_duo_rule_breaks_are_refused(route, level, fragment):
    raw = json.loads((PERSONAS / "04_li_wei_b1_route.json").read_text(encoding="utf-8"))
    raw["besluit"] = {"akkoord": False, "leerroute": route, "niveau": level,
                      "motivatie": "Proef van de regels van DUO.", "dagtekening_pip": "2026-03-02",
                      "gemeentecode": "0363"}
    with pytest.raises(CaseInvalid) as exc:
        run(load_dialog(), parse_case(raw), replay_extras)
    (field, msg), = exc.value.problems
    assert field.startswith("besluit") and fragment in msg.msgid.format(**msg.params)
