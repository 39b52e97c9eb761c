"""Persona cases (brief §9 and our own): expected route, flags, reasons, deadlines and DUO message."""

from __future__ import annotations

import pytest
from persona_runner import load_cases, run, subset_mismatches

from assistant.duo.pip_export import validate_pip_body

CASES = load_cases()
REPLAY_KEYS = {"locale", "today", "answers", "besluit", "expect"}


def test_there_are_at_least_twelve_personas_covering_the_required_situations():
    assert len(CASES) >= 12
    routes = {c["expect"]["proposal"].get("leerroute") for c in CASES.values()}
    assert {"B", "O", "Z", None} <= routes
    answers = [c["answers"] for c in CASES.values()]
    assert any(a.get("inburgeringsplichtig") == "nee_tijdelijk_verblijf" for a in answers)
    assert any(a.get("inburgeringsplichtig") == "nee_vrijstelling" for a in answers)
    assert any(a.get("geletterdheid") == "analfabeet" for a in answers)
    assert any(a.get("huidige_opleiding") == "entree" for a in answers)
    assert any(a.get("doelgroep") == "gezinsmigrant" and c["expect"]["proposal"].get("leerroute") == "Z"
               for a, c in zip(answers, CASES.values(), strict=True))


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_file_has_the_replay_input_shape(name):
    case = CASES[name]
    assert set(case) <= REPLAY_KEYS
    assert {"locale", "today", "answers", "expect"} <= set(case)


@pytest.mark.parametrize("name", sorted(CASES))
def test_persona_gets_the_expected_proposal_reasons_and_deadlines(name):
    case = CASES[name]
    out = run(case)
    expect = case["expect"]
    problems = subset_mismatches(expect["proposal"], out["proposal"], "proposal")
    problems += subset_mismatches(expect.get("termijnen", {}), out["termijnen"], "termijnen")
    rule_ids = [r["regel"] for r in out["proposal"]["redenen"]]
    problems += [f"rule {r} not among the reasons {rule_ids}" for r in expect["regels"] if r not in rule_ids]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if "besluit" in c))
def test_persona_with_a_decision_exports_the_expected_valid_duo_pip(name):
    case = CASES[name]
    out = run(case)
    assert out["pip_duo"] == case["expect"]["pip_duo"]
    assert validate_pip_body(out["pip_duo"], doelgroep=case["answers"]["doelgroep"]) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_reason_names_its_source_and_rests_on_answers_that_were_given(name):
    case = CASES[name]
    proposal = run(case)["proposal"]
    for reason in proposal["redenen"]:
        assert reason["bron"] and reason["uitleg"] and "{" not in reason["uitleg"]
        if reason["regel"] != "ONVOLLEDIG":
            assert set(reason["antwoorden"]) <= set(case["answers"]), reason
