"""Whose plan (issue 10 item 6): `naam` in the record contract, asked early and in B1, never read by
the advice, printed on the PIP with the birth date; unfinished education has its own questions."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from persona_runner import load_cases
from pip_fixtures import make_document

from assistant.advice.proposal import propose
from assistant.dialog.loader import load_dialog
from assistant.dialog.record_contract import RECORD_FIELDS, contract_problems
from assistant.i18n import translator
from assistant.i18n.readability import measure, problems_in

ROOT = Path(__file__).resolve().parents[2]
CASE = load_cases()["19_amal_afwijking_b1_route"]


def test_naam_is_a_text_field_of_the_record_contract_and_documented():
    assert RECORD_FIELDS["naam"] == ("text", None)
    assert "`naam`" in (ROOT / "docs" / "intake-record.md").read_text(encoding="utf-8")
    dialog = load_dialog()
    gone = dataclasses.replace(dialog, topics=tuple(
        dataclasses.replace(t, questions=tuple(q for q in t.questions if q.id != "naam")) for t in dialog.topics))
    assert any(p.qid == "naam" for p in contract_problems(gone))
    assert not contract_problems(dialog)


def test_naam_is_asked_early_to_the_person_in_plain_words():
    dialog = load_dialog()
    q = dialog.question("naam")
    assert q.who == "inburgeraar" and q.type == "text"
    order = [x.id for x in dialog.questions]
    assert order.index("naam") < order.index("geboortedatum") < order.index("lbt_status")
    assert translator("ar")(q.msg("text")) != q.text  # translated for the second line
    assert problems_in([measure("naam", t) for t in (q.text, q.help)]) == []  # B1


def test_the_advice_never_reads_naam():
    tr = translator("nl")
    with_name = propose(CASE["answers"], today=date(2026, 3, 2)).to_json(tr)
    without = propose({k: v for k, v in CASE["answers"].items() if k != "naam"}, today=date(2026, 3, 2)).to_json(tr)
    assert with_name == without
    assert all("naam" not in r["antwoorden"] for r in with_name["redenen"])


def test_the_plan_shows_name_and_birth_date_first():
    doc = make_document("19_amal_afwijking_b1_route")
    about = doc.sections[0]
    values = {doc.render(it.label): doc.render(it.value) for it in about.items if it.label is not None}
    assert values == {"Naam": "Amal", "Geboortedatum": "14-05-2001"}


def test_unfinished_education_keeps_highest_completed_apart():
    dialog = load_dialog()
    assert dialog.question("opleiding_niet_afgemaakt_niveau").choice_ids == ("voortgezet", "mbo", "hbo_wo")
    assert dialog.question("opleiding_niet_afgemaakt_jaren").type == "number"
    assert CASE["answers"]["hoogste_opleiding"] == "voortgezet"  # the pharmacy year is not a completed hbo_wo
    for goal in ("opleidingswens", "doel_over_drie_jaar", "hoofddoel"):
        assert dialog.has_question(goal)
