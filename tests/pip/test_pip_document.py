"""The PIP document model: every element of Wet art. 15 and the guidance, every value traced."""

from __future__ import annotations

import pytest
from persona_runner import load_cases
from pip_fixtures import make_document

from assistant.advice import lawdata, record, rules
from assistant.pip.model import DECISION_FIELDS, TRACE_KINDS, UserText

REQUIRED_SECTIONS = {"over", "leerroute", "voorstel", "doelen", "periode", "begeleiding", "pvt_map", "voortgang",
                     "open", "bezwaar"}


def _known_ref(ref: str, answers: set[str]) -> bool:
    kind, _, key = ref.partition(":")
    assert kind in TRACE_KINDS, ref
    return {
        "antwoord": key in answers or key in record.ANSWER_IDS,
        "regel": key in rules.ruleset().by_id,
        "beleid": key in lawdata.policy_defaults(),
        "besluit": key in DECISION_FIELDS,
        "bron": key in lawdata.articles(),
        "open_vraag": True,
        "notitie": key == "consulent",
        "voorbereiding": key == "antwoorden",
    }[kind]


@pytest.mark.parametrize("name", sorted(n for n, c in load_cases().items() if "besluit" in c))
def test_every_value_is_traced_to_an_answer_rule_policy_or_decision(name):
    doc = make_document(name)
    answers = set(load_cases()[name]["answers"]) | {"werk_beroep"}
    assert {s.id for s in doc.sections} >= REQUIRED_SECTIONS
    for it in doc.items():
        assert it.trace, it
        assert all(_known_ref(ref, answers) for ref in it.trace), it.trace


def test_z_route_plan_has_childcare_vve_hours_map_and_pvt():
    doc = make_document("02_tesfay_z_route_ander_schrift")
    traces = {ref for it in doc.items() for ref in it.trace}
    for rule_id in ("K-KINDEROPVANG", "K-VVE", "Z-UREN-ASIEL", "MAP-B-Z", "PVT-ALLE", "ONTZORGEN", "A-ANDER-SCHRIFT"):
        assert f"regel:{rule_id}" in traces
    assert "beleid:voortgangsgesprekken_per_jaar" in traces and "bron:awb_bezwaar" in traces


def test_onderwijsroute_plan_says_no_map_and_shows_the_weighing():
    doc = make_document("01_amal_onderwijsroute")
    traces = {ref for it in doc.items() for ref in it.trace}
    assert "regel:MAP-O" in traces and "regel:MAP-B-Z" not in traces
    assert {"regel:O-LEEFTIJD", "regel:O-LBT", "regel:O-DOEL"} <= traces


def test_a_draft_says_it_is_a_draft_and_lists_the_open_decision():
    doc = make_document("11_grensscore_consulent_kiest_b", decided=False)
    assert "Concept" in doc.render(doc.status)
    open_section = next(s for s in doc.sections if s.id == "open")
    assert any(ref == "regel:L-GRENS" for it in open_section.items for ref in it.trace)


def test_the_consulents_motivation_is_in_the_plan_as_typed_text():
    doc = make_document("11_grensscore_consulent_kiest_b")
    motivations = [it for it in doc.items() if "besluit:motivatie" in it.trace]
    assert len(motivations) == 1 and isinstance(motivations[0].value, UserText)


def test_sources_legend_marks_what_still_needs_verifying():
    doc = make_document("02_tesfay_z_route_ander_schrift")
    legend = {ref: verify for ref, _, verify in doc.sources}
    assert legend["regel:Z-UREN-ASIEL"] is True and legend["bron:wet_15"] is False


def test_user_text_direction_follows_its_script():
    assert UserText("أريد أن أدرس").direction == "rtl"
    assert UserText("ኣብ ሕርሻ").direction == "ltr"
    assert UserText("\u202eevil\x1b[2J").text == "evil"
