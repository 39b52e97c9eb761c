"""Scoring an attempt: clean when faithful; each kind of mistake named."""

import pytest

from assistant.i18n import translator
from assistant.outcome.cases import CaseInvalid
from assistant.training.feedback import lines
from assistant.training.library import load_all
from assistant.training.scoring import score

CASES = load_all()


def faithful(case_id):
    return CASES[case_id].replay_input()


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_a_faithful_attempt_scores_clean(case_id):
    result = score(CASES[case_id], faithful(case_id))
    assert result["mistakes"] == [] and result["clean"] and result["score"] == 100
    assert result["answer_errors"] == [] and result["missed_topics"] == []
    assert result["route_ok"] and result["route_chosen"] == CASES[case_id].expected["leerroute"]
    assert all(d["ok"] for d in result["deadlines"])


def test_one_wrong_answer_and_a_wrong_route_are_both_named():
    case = CASES["b1_route_werk"]
    attempt = faithful("b1_route_werk")
    attempt["answers"]["onderwijs_jaren"] = 12
    attempt["besluit"] = {"akkoord": False, "leerroute": "Z", "motivatie": "Hij lijkt mij traag te leren.",
                          "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"}
    result = score(case, attempt)
    assert result["answer_errors"] == [{"id": "onderwijs_jaren", "entered": 12, "expected": 9,
                                        "words": case.speech["onderwijs_jaren"]}]
    assert (result["route_expected"], result["route_chosen"], result["route_ok"]) == ("B", "Z", False)
    assert [r["regel"] for r in result["deciding_rules"]] == ["P-JA", "L-HAALBAAR", "O-NIET", "R-B"]
    assert result["mistakes"] == ["antwoord:onderwijs_jaren", "route"]
    assert result["deviation"] == {"from": "B", "to": "Z", "motivated": True}
    text = "\n".join(lines(case, result, translator("nl")))
    assert "Jaren school: u vulde in: 12. Goed is: 9." in text
    assert case.speech["onderwijs_jaren"] in text
    assert "Leerroute: u koos Zelfredzaamheidsroute (Z-route). De casus vraagt: B1-route." in text
    assert "R-B: " in text


def test_a_missed_topic_and_a_skip_without_good_reason_are_named():
    attempt = faithful("kinderen_vve")
    for qid in ("computer_telefoon", "digid", "email"):
        del attempt["answers"][qid]
    del attempt["answers"]["land_herkomst"]
    attempt["skipped"] = {"land_herkomst": "Vergeten te vragen."}
    result = score(CASES["kinderen_vve"], attempt)
    assert result["missed_topics"] == [{"topic": "digitaal", "title": "Computer en telefoon",
                                        "questions": ["computer_telefoon", "digid", "email"]}]
    assert [s["question"] for s in result["skipped_without_good_reason"]] == ["land_herkomst"]
    assert result["mistakes"] == ["onderwerp:digitaal", "overgeslagen:land_herkomst"]
    text = lines(CASES["kinderen_vve"], result, translator("nl"))
    assert "Niet besproken: Computer en telefoon. Open: Computer, DigiD, E-mail." in text
    assert "Overgeslagen zonder goede reden: Land. De persoon kon dit wel zeggen." in text
    english = lines(CASES["kinderen_vve"], result, translator("en"))
    assert any(line.startswith("Not discussed: ") for line in english)


def test_a_skip_the_case_allows_is_not_a_mistake():
    case = CASES["kinderen_vve"]
    case = type(case)(**{**case.__dict__, "skip_ok": {"land_herkomst": "Zij wil het niet zeggen."}})
    attempt = faithful("kinderen_vve")
    del attempt["answers"]["land_herkomst"]
    attempt["skipped"] = {"land_herkomst": "Wil ze niet zeggen."}
    assert score(case, attempt)["mistakes"] == []


def test_a_skip_without_any_reason_counts_as_missed():
    attempt = faithful("kinderen_vve")
    del attempt["answers"]["land_herkomst"]
    attempt["skipped"] = {"land_herkomst": "  "}
    assert score(CASES["kinderen_vve"], attempt)["mistakes"] == ["onderwerp:persoon"]


def test_a_borderline_choice_without_motivation_is_named():
    attempt = faithful("grensscore_kiezen")
    attempt["besluit"].pop("motivatie")
    result = score(CASES["grensscore_kiezen"], attempt)
    assert result["motivation_needed"] and not result["motivated"]
    assert result["mistakes"] == ["motivatie"]  # the route itself is right; the reason is missing
    assert result["decision_refused"]["field"] == "motivatie"


def test_the_other_defensible_route_with_motivation_is_right():
    attempt = faithful("grensscore_kiezen")
    attempt["besluit"].update(leerroute="Z", niveau=None, motivatie="Ze wil vooral meedoen in de buurt; B1 is veel.")
    result = score(CASES["grensscore_kiezen"], attempt)
    assert result["route_chosen"] == "Z" and result["route_ok"] and result["mistakes"] == []


def test_a_pip_dated_after_the_deadline_is_named():
    attempt = faithful("termijn_dichtbij")
    attempt["besluit"]["dagtekening_pip"] = "2026-03-16"
    result = score(CASES["termijn_dichtbij"], attempt)
    late = [d for d in result["deadlines"] if d["id"] == "dagtekening_pip"]
    assert late == [{"id": "dagtekening_pip", "expected": "2026-03-09", "got": "2026-03-16", "ok": False}]
    assert "termijn:dagtekening_pip" in result["mistakes"]


def test_a_wrong_registration_date_moves_the_pip_deadline():
    attempt = faithful("termijn_dichtbij")
    attempt["answers"]["datum_inschrijving_brp"] = "2026-01-29"
    attempt["answers"]["datum_kennisgeving"] = "2026-01-22"
    result = score(CASES["termijn_dichtbij"], attempt)
    assert {"id": "pip_uiterlijk", "expected": "2026-03-09", "got": "2026-04-09", "ok": False} in result["deadlines"]


def test_a_route_chosen_for_an_exempt_person_is_refused_and_named():
    attempt = faithful("vrijstelling_diploma")
    attempt["besluit"] = {"akkoord": False, "leerroute": "B", "niveau": "B1", "motivatie": "Toch maar een route.",
                          "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"}
    result = score(CASES["vrijstelling_diploma"], attempt)
    assert result["decision_refused"]["field"] == "inburgeringsplichtig"
    assert "besluit" in result["mistakes"]


def test_time_taken_is_reported_when_the_attempt_carries_timing():
    attempt = {**faithful("lbt_gepland"), "timing": {"gestart": "2026-03-02T10:00:00", "klaar": "2026-03-02T10:41:30"}}
    result = score(CASES["lbt_gepland"], attempt)
    assert result["duration_seconds"] == 2490
    assert "Tijd: 42 minuten." in lines(CASES["lbt_gepland"], result, translator("nl"))


@pytest.mark.parametrize("extra, field", [({"skipped": ["land_herkomst"]}, "skipped"),
                                          ({"timing": {"gestart": "gisteren"}}, "timing"),
                                          ({"onbekend": 1}, "onbekend")])
def test_a_malformed_attempt_is_refused_naming_the_field(extra, field):
    with pytest.raises(CaseInvalid) as exc:
        score(CASES["lbt_gepland"], {**faithful("lbt_gepland"), **extra})
    assert [f for f, _ in exc.value.problems] == [field]
