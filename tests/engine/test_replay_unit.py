"""Replay on a small dialog: same engine, whole-case validation, nothing half-applied."""

from datetime import date

import pytest

from assistant.replay import Case, CaseInvalid, parse_case, run

TODAY = date(2026, 3, 2)


def case(answers, **kw):
    return Case("nl", TODAY, answers, None, **kw)


FULL = {"hallo": True, "voertaal": "ar", "privacy_uitleg": True, "geboortedatum": "2001-05-14",
        "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar", "kinderen": True,
        "kinderen_leeftijden": [3, 9], "vve_informatie": True, "onderwijs_jaren": 12}


def test_complete_case_reaches_the_proposal(mini_dialog):
    out = run(mini_dialog, case(FULL))
    assert out["status"] == "proposal" and out["missing"] == []
    assert out["answers"]["kinderen_leeftijden"] == [3, 9]


def test_open_mandatory_questions_are_listed(mini_dialog):
    partial = {k: v for k, v in FULL.items() if k not in ("onderwijs_jaren", "geboortedatum")}
    out = run(mini_dialog, case(partial))
    assert out["status"] == "in_progress"
    assert out["missing"] == ["geboortedatum", "onderwijs_jaren"]


def test_awaiting_the_lbt(mini_dialog):
    waiting = {k: v for k, v in FULL.items() if k != "lbt_resultaat"} | {"lbt_status": "gepland"}
    out = run(mini_dialog, case(waiting))
    assert out["status"] == "awaiting_lbt" and out["waiting"] is True


@pytest.mark.parametrize("answers, field, fragment", [
    (FULL | {"onbekend_veld": 1}, "onbekend_veld", "Onbekende vraag-id"),
    (FULL | {"onderwijs_jaren": 31}, "onderwijs_jaren", "tot en met"),
    (FULL | {"onderwijs_jaren": "12"}, "onderwijs_jaren", "heel getal"),
    (FULL | {"geboortedatum": "14-05-2001"}, "geboortedatum", "dag-maand-jaar"),
    (FULL | {"kinderen": "ja"}, "kinderen", "ja of nee"),
    (FULL | {"lbt_reden_niet_afgenomen": "ziek"}, "lbt_reden_niet_afgenomen", "hoort niet bij"),
    (FULL | {"voertaal": "fr"}, "voertaal", "uit de lijst"),
])
def test_bad_answers_are_refused_naming_the_id(mini_dialog, answers, field, fragment):
    with pytest.raises(CaseInvalid) as exc:
        run(mini_dialog, case(answers))
    problems = dict(exc.value.problems)
    assert field in problems and fragment in problems[field].msgid


def test_all_problems_are_reported_at_once(mini_dialog):
    with pytest.raises(CaseInvalid) as exc:
        run(mini_dialog, case(FULL | {"onderwijs_jaren": -1, "x": 1}))
    assert {f for f, _ in exc.value.problems} == {"onderwijs_jaren", "x"}


@pytest.mark.parametrize("raw, field", [
    ([], "case"), ({"answers": []}, "answers"), ({"answers": {}, "today": "2-3-2026"}, "today"),
    ({"answers": {}, "extra": 1}, "extra"), ({"answers": {}, "besluit": "ja"}, "besluit"),
])
def test_malformed_case_files_name_the_field(raw, field):
    with pytest.raises(CaseInvalid) as exc:
        parse_case(raw)
    assert field in dict(exc.value.problems)
