"""The PIP says what was decided (issue 10): decision first, the proposal marked followed or not,
no reason row for the route not taken, readable sources in the body and ids only in the appendix,
and the second language filled for every row that has text in it."""

from __future__ import annotations

import re

import pytest
from pip_fixtures import make_document

from assistant.i18n import Msg
from assistant.pip.build import build_document
from assistant.pip.html import render_html
from assistant.pip.markdown import render_markdown
from assistant.pip.model import UserText

DEVIATION = "19_amal_afwijking_b1_route"  # onderwijsroute proposed, B1-route decided with a motivation
MOTIVATION = "Zorgt voor haar moeder en heeft 12 uur per week."
NOT_TAKEN = ("R-O", "O-VOORGESTELD", "N-O", "MAP-O")  # rules that argue for the onderwijsroute


def _body(md: str) -> str:
    """The Markdown without the consulent appendix."""
    return md.split("## Bijlage voor de consulent", 1)[0]


def test_decision_comes_first_then_the_proposal_marked_not_followed():
    doc = make_document(DEVIATION)
    ids = [s.id for s in doc.sections]
    assert ids[:3] == ["over", "leerroute", "voorstel"]
    decided, proposal = doc.sections[1], doc.sections[2]
    rows = {doc.render(it.label): it for it in decided.items}
    assert doc.render(rows["Leerroute"].value) == "B1-route"
    assert rows["Leerroute"].trace == ("besluit:leerroute",)  # not regel:R-O
    assert rows["Besloten door"].value and rows["Datum van het plan"].value == UserText("02-03-2026")
    assert MOTIVATION in rows["Waarom deze keuze"].value.text
    followed = next(it for it in proposal.items if doc.render(it.label) == "Voorstel gevolgd")
    assert doc.render(followed.value) == "Nee. De gemeente koos de B1-route."


def test_no_row_argues_for_the_route_not_taken():
    doc = make_document(DEVIATION)
    refs = {ref for it in doc.items() for ref in it.trace}
    proposal_row = next(it for it in doc.sections[2].items if doc.render(it.label) == "Voorstel")
    assert "regel:R-O" in proposal_row.trace  # the proposal itself stays traceable
    assert all(f"regel:{r}" not in refs for r in NOT_TAKEN if r != "R-O")
    assert not [it for it in doc.items() if doc.render(it.label) in ("Waarom", "Onderwijsroute bekeken")
                and any(f"regel:{r}" in it.trace for r in NOT_TAKEN)]
    assert "regel:MAP-B-Z" in refs  # the decided route's MAP, not the onderwijsroute's


def test_a_followed_proposal_keeps_its_reasons_and_says_so():
    doc = make_document("01_amal_onderwijsroute")
    followed = next(it for it in doc.items() if doc.render(it.label) == "Voorstel gevolgd")
    assert doc.render(followed.value) == "Ja."
    refs = {ref for it in doc.items() for ref in it.trace}
    assert {"regel:R-O", "regel:O-VOORGESTELD", "regel:O-LBT"} <= refs


def test_markdown_names_person_route_and_motivation_with_readable_sources_only_in_the_body():
    md = render_markdown(make_document(DEVIATION, second="ar", catalog=False))
    body, appendix = _body(md), md.split("## Bijlage voor de consulent", 1)[1]
    plain = body.replace("\\", "")
    assert "**Naam:** Amal" in plain and "14-05-2001" in plain
    assert "**Leerroute:** B1-route" in plain and MOTIVATION in plain
    assert "De gemeente stelt de onderwijsroute voor" not in md
    assert "Daarmee kunt u daarna naar het mbo" not in md  # R-O's reason
    assert not re.search(r"(regel|antwoord|besluit|beleid|bron):", plain)
    assert "nog controleren" not in plain and "Vastgesteld door de gemeente" in plain
    assert "Wet inburgering 2021, art. 15" in plain  # a source a person can look up
    assert "regel:R\\-O" in appendix and "antwoord:naam" in appendix and "nog controleren" in appendix


def test_every_decision_row_has_its_second_language_cell():
    doc = make_document(DEVIATION, second="ar", catalog=False)
    for section in doc.sections[:3]:
        for it in section.items:
            label, value = doc.second_cell(it)
            assert value, it
            if it.label is not None:
                assert label and label != doc.render(it.label), it  # translated label
            if isinstance(it.value, UserText):
                assert value == it.value.text  # typed values as typed, in both columns
    md = render_markdown(doc)
    row = next(line for line in md.splitlines() if "Waarom deze keuze" in line)
    assert row.count(MOTIVATION.split(".")[0].replace("-", "\\-")) == 2


def test_goals_unfinished_study_and_notes_have_their_own_sections():
    case_doc = make_document(DEVIATION)
    goals = next(s for s in case_doc.sections if s.id == "doelen")
    text = " ".join(case_doc.render(it.value) for it in goals.items)
    assert "Farmacie aan de universiteit" in text and "Studeren en een bijbaan" in text
    assert "Hogeschool of universiteit: 1 jaar gedaan, geen diploma." in text and "Leren op school" in text
    from persona_runner import load_cases, run

    from assistant.advice.deadlines import termijnen
    case = load_cases()[DEVIATION]
    out = run(case)
    t = termijnen(case["answers"], today=out["_proposal"].facts.today, dagtekening_pip=out["_decision"].dagtekening_pip)
    doc = build_document(case["answers"], out["_proposal"], t, out["_decision"],
                         notes=[(Msg("Gezin", "brede_intake.gezin.title"), "Moeder is ziek; <b>zorg</b> thuis.")])
    notes = next(s for s in doc.sections if s.id == "notities")
    assert [it.value for it in notes.items] == [UserText("Moeder is ziek; <b>zorg</b> thuis.")]
    assert "&lt;b&gt;zorg&lt;/b&gt;" in render_html(doc)


def test_a_draft_shows_the_proposal_as_the_route_and_no_decision_rows():
    doc = make_document(DEVIATION, decided=False)
    assert "Concept" in doc.render(doc.status)
    assert [s.id for s in doc.sections][:2] == ["over", "leerroute"]
    assert not any(ref.startswith("besluit:") for it in doc.items() for ref in it.trace)
    route = doc.sections[1].items[0]
    assert doc.render(route.value) == "Onderwijsroute" and "regel:R-O" in route.trace


@pytest.mark.parametrize("name", ["02_tesfay_z_route_ander_schrift", "10_analfabeet_z_route"])
def test_z_route_plan_names_learning_target_a1_and_no_duo_level(name):
    doc = make_document(name, second="ar", catalog=False)
    level = next(it for it in doc.items() if doc.render(it.label) == "Doel voor de taal")
    assert "niveau A1" in doc.render(level.value) and "regel:N-Z" in level.trace
    assert doc.second_cell(level)[1] and "A1" in doc.second_cell(level)[1]
    md = render_markdown(doc)
    assert "Voor DUO staat daar niveau A2" not in md and "Niveau A2" not in md
