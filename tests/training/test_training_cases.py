"""Every practice case is valid, covers the situations of issue 13, and replays to its expected outcome."""

from pathlib import Path

import pytest

from assistant.dialog.loader import load_dialog
from assistant.outcome.cases import parse_case, run
from assistant.outcome.compute import replay_extras
from assistant.training import expect
from assistant.training.cases import case_files
from assistant.training.library import load_all
from assistant.training.validate import SPOKEN, all_problems

CASES = load_all()
PERSONAS = Path(__file__).resolve().parents[1] / "cases" / "personas"


def test_the_shipped_cases_have_no_problems():
    assert all_problems() == []
    assert len(CASES) == len(case_files()), "a case file was dropped as invalid"


def test_at_least_twelve_cases():
    assert len(CASES) >= 12


def _by(pred):
    return [c.id for c in CASES.values() if pred(c)]


def test_the_cases_cover_every_situation_the_trainer_needs():
    exp = lambda c: c.expected  # noqa: E731
    ans = lambda c: c.answers  # noqa: E731
    covered = {
        "B1-route": _by(lambda c: exp(c)["leerroute"] == "B" and not exp(c).get("andere_route_mogelijk")),
        "onderwijsroute gekozen": _by(lambda c: exp(c)["leerroute"] == "O"),
        "onderwijsroute gewogen, niet gekozen": _by(
            lambda c: exp(c)["leerroute"] != "O" and "O" in (exp(c).get("andere_route_mogelijk") or [])),
        "Z-route analfabeet": _by(lambda c: exp(c)["leerroute"] == "Z" and ans(c)["geletterdheid"] == "analfabeet"),
        "Z-route gezinsmigrant": _by(lambda c: exp(c)["leerroute"] == "Z" and ans(c)["doelgroep"] == "gezinsmigrant"),
        "grensscore, kiezen en motiveren": _by(lambda c: "L-GRENS" in exp(c)["regels"]
                                                 and (exp(c).get("besluit") or {}).get("motivatie")),
        "vrijstelling": _by(lambda c: ans(c)["inburgeringsplichtig"] == "nee_vrijstelling"
                            and exp(c)["leerroute"] is None),
        "ontheffing": _by(lambda c: ans(c)["inburgeringsplichtig"] == "nee_ontheffing" and exp(c)["leerroute"] is None),
        "toets gepland": _by(lambda c: exp(c)["status"] == "awaiting_lbt"),
        "gezondheid, minder uren": _by(lambda c: ans(c)["gezondheid_beperking"] != "geen"
                                       and ans(c)["belastbaarheid_uren_per_week"] <= 16 and exp(c)["leerroute"]),
        "kinderen en vve": _by(lambda c: (exp(c).get("termijnen") or {}).get("vve_informeren") is True),
        "opleiding zonder vrijstelling": _by(lambda c: ans(c)["huidige_opleiding"]
                                             in ("entree", "praktijkonderwijs", "vso")),
        "termijn dichtbij": _by(lambda c: "pip_uiterlijk" in (exp(c).get("termijnen") or {})
                                and (c.today.toordinal() + 14) >= _ordinal(exp(c)["termijnen"]["pip_uiterlijk"])),
    }
    assert {k: v for k, v in covered.items() if not v} == {}


def _ordinal(iso):
    from datetime import date

    return date.fromisoformat(iso).toordinal()


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_case_replays_through_the_engine_to_its_expected_outcome(case_id):
    case = CASES[case_id]
    out = run(load_dialog(), parse_case(case.replay_input()), replay_extras)  # the path of `intake replay`
    assert expect.mismatches(case, out) == []
    assert out["missing"] == [], "the true answers leave mandatory questions open"


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_case_gives_the_words_for_every_spoken_answer(case_id):
    case = CASES[case_id]
    assert all(qid in case.speech for qid in SPOKEN if qid in case.answers)
    assert case.story and case.mistakes and case.expected["redenen"]


def test_cases_are_not_copies_of_the_test_personas():
    import json

    personas = [json.loads(p.read_text(encoding="utf-8"))["answers"] for p in PERSONAS.glob("*.json")]
    for case in CASES.values():
        own = {k: v for k, v in case.answers.items()
               if k in ("geboortedatum", "datum_kennisgeving", "lbt_behaalde_score")}
        assert all({k: p.get(k) for k in own} != own for p in personas), case.id


def test_a_case_that_no_longer_matches_the_rules_is_reported():
    case = CASES["b1_route_werk"]
    wrong = type(case)(**{**case.__dict__, "expected": {**case.expected, "leerroute": "Z", "regels": ["R-Z"]}})
    out = expect.replay(wrong)
    problems = expect.mismatches(wrong, out)
    assert "leerroute: expected Z, got B" in problems
    assert "rule R-Z not among the reasons" in problems
