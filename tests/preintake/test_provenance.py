"""Where answers came from (pre-intake, confirmed, corrected) and the consulent's Dutch rendering (issue 12)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.cli.main import main
from assistant.dialog.loader import load_dialog
from assistant.engine import provenance
from assistant.engine.session import Intake, SessionError
from assistant.i18n import translator
from assistant.pip import origin as pip_origin
from assistant.store.sqlite import Store
from tests.preintake.helpers import answer_alone, open_intake, seed_joint, seed_pre_intake
from tests.ui.conftest import TODAY

CODE = "KXR7M4TD"
TIGRINYA = "ኣብ ሕርሻ ክሰርሕ እየ ዝደሊ።"
DUTCH = "Ik wil in de landbouw werken."



def _handed_over(store_path, answers=None):
    sid = seed_pre_intake(store_path, CODE, answers=answers or {"werkwens": TIGRINYA})
    store = Store(store_path)
    it = open_intake(store, sid)
    it.handover()
    return store, it


def test_origins_follow_confirm_and_correct(store_path):
    store, it = _handed_over(store_path)
    state = it.state
    given = set(state.pre)
    assert given and given == state.alone  # all given alone, none confirmed yet
    assert {provenance.origin(state, q) for q in given} == {provenance.ALONE_OPEN}
    topic = it.dialog.find_question("werkwens").topic
    confirmed = it.confirm_topic(topic)
    assert "werkwens" in confirmed and provenance.origin(state, "werkwens") == provenance.ALONE_CONFIRMED
    corrected = next(q for q in sorted(given) if it.dialog.find_question(q).type == "text" and q not in confirmed)
    it.answer_question(corrected, "Anders")
    assert provenance.origin(state, corrected) == provenance.CORRECTED
    counts = provenance.Counts.of(provenance.origins(state, it.record))
    assert counts.corrected == 1 and counts.confirmed == len(confirmed)
    assert counts.open == len(given) - len(confirmed) - 1 and counts.total == len(given)
    it.close()
    reopened = open_intake(store, it.id)  # the fold gives the same after a reopen
    assert provenance.origins(reopened.state, reopened.record) == provenance.origins(state, it.record)
    reopened.close()
    store.close()


def test_a_joint_intake_has_no_origins(store_path):
    sid = seed_joint(store_path, {"werkwens": TIGRINYA})
    store = Store(store_path)
    it = open_intake(store, sid)
    assert provenance.origins(it.state, it.record) == {}
    it.answer_question("werkwens", "Anders")  # a change in a joint intake is not a "correction"
    assert provenance.origins(it.state, it.record) == {}
    it.close()
    store.close()


def test_origin_names_are_the_pips():
    assert set(provenance.ORIGINS) == set(pip_origin.MARKS)


def test_offer_dutch_for_free_text_from_the_pre_intake_or_another_script(store_path):
    store, it = _handed_over(store_path)
    q = it.dialog.find_question
    assert provenance.offer_dutch(q("werkwens"), it.state, it.record)
    assert not provenance.offer_dutch(q("geboortedatum"), it.state, it.record)  # not free text
    assert not provenance.offer_dutch(q("bsn"), it.state, it.record)  # a format, and not answered
    assert provenance.foreign_script(TIGRINYA) and provenance.foreign_script("مرحبا")
    assert not provenance.foreign_script("Één café, naïef")
    it.close()
    store.close()


def test_dutch_rendering_is_stored_cleaned_and_shown_as_the_consulents(store_path):
    store, it = _handed_over(store_path)
    text = it.render_dutch("werkwens", "  Ik wil\x1b[31m in de landbouw\u202e werken.\n")
    assert text == DUTCH and it.state.dutch == {"werkwens": DUTCH}
    assert it.record["werkwens"] == TIGRINYA  # the answer stays as typed
    last = it.events()[-1]
    assert (last.kind, last.actor, last.data) == ("rendered", "consulent", {"question": "werkwens", "text": DUTCH})
    it.close()
    again = open_intake(store, it.id)
    assert again.state.dutch == {"werkwens": DUTCH}  # folded again from the log
    again.close()
    store.close()


@pytest.mark.parametrize("qid, typed, says", [
    ("werkwens", "   ", "leeg"),
    ("werkwens", "x" * 301, "te lang: 301 tekens. Het mag 300"),
    ("geboortedatum", "twaalf maart", "eigen woorden"),
    ("lbt_reden_niet_afgenomen", "Ziek", "nog geen antwoord"),
    ("bestaat_niet", "x", "Onbekende vraag"),
])
def test_bad_renderings_are_refused_with_a_message_and_store_nothing(store_path, qid, typed, says):
    store, it = _handed_over(store_path)
    before = len(it.events())
    with pytest.raises(SessionError) as err:
        it.render_dutch(qid, typed)
    assert says in translator("nl")(err.value.msg)
    assert len(it.events()) == before and it.state.dutch == {}
    it.close()
    store.close()


def test_a_correction_drops_the_rendering_of_the_old_value(store_path):
    store, it = _handed_over(store_path)
    it.render_dutch("werkwens", DUTCH)
    it.answer_question("werkwens", TIGRINYA)  # the same answer again: confirmed, rendering kept
    assert it.state.dutch == {"werkwens": DUTCH} and "werkwens" not in it.state.alone
    it.answer_question("werkwens", "ኣብ ፋብሪካ")  # corrected: the rendering was of the old value
    assert it.state.dutch == {}
    assert [e.data["text"] for e in it.events() if e.kind == "rendered"] == [DUTCH]  # the log keeps it
    it.close()
    reopened = open_intake(store, it.id)
    assert reopened.state.dutch == {}
    reopened.close()
    store.close()


def test_the_rendering_is_sealed_in_the_store(store_path):
    store, it = _handed_over(store_path)
    it.render_dutch("werkwens", "Geheime landbouwwens")
    it.close()
    store.close()
    raw = sqlite3.connect(store_path)
    payloads = [row[0] for row in raw.execute("SELECT data FROM events WHERE kind = 'rendered'")]
    raw.close()
    assert len(payloads) == 1 and "Geheime" not in payloads[0] and payloads[0].startswith("e1:")


def test_show_json_has_origin_and_dutch(store_path, capsys):
    store, it = _handed_over(store_path)
    it.render_dutch("werkwens", DUTCH)
    it.confirm(["werkwens"])
    sid = it.id
    it.pause()
    it.close()
    store.close()
    assert main(["--store", str(store_path), "show", sid, "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)["answers"]
    assert answers["werkwens"] == {"value": TIGRINYA, "by": "inburgeraar", "confirmed": True,
                                   "origin": "alone_confirmed", "dutch": DUTCH}
    assert all(a["origin"] == "alone_open" for q, a in answers.items() if q != "werkwens")


def test_show_json_of_a_joint_intake_has_no_provenance_noise(store_path, capsys):
    sid = seed_joint(store_path, {})
    assert main(["--store", str(store_path), "show", sid, "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)["answers"]
    assert answers and all(set(a) == {"value", "by", "confirmed"} for a in answers.values())


def test_helpers_answer_every_pre_intake_question(store_path):
    """The seed above reaches werkwens (else the tests here would prove nothing)."""
    store = Store(store_path)
    it = Intake.start(store, load_dialog(), mode="pre_intake", actor="inburgeraar", today=lambda: TODAY)
    assert "werkwens" in answer_alone(it)
    it.close()
    store.close()


def test_export_md_marks_pre_intake_answers_and_duo_json_carries_nothing_extra(store_path, capsys):
    from assistant.outcome.compute import compute

    store, it = _handed_over(store_path)
    it.render_dutch("werkwens", DUTCH)
    confirmed = it.confirm_topic(it.dialog.find_question("werkwens").topic)
    answer_alone(it, actor=None)  # the consulent questions
    besluit = {"akkoord": True, "dagtekening_pip": TODAY.isoformat(), "gemeentecode": "0363"}
    it.decide(besluit, compute(dict(it.record), TODAY, besluit).decision.event())
    info = {q.id for q in it.dialog.questions if q.type == "info"}  # acknowledged, not answers to check
    assert it.state.alone & info
    open_ = len(it.state.alone - info)
    sid = it.id
    it.pause()
    it.close()
    store.close()
    assert main(["--store", str(store_path), "export", sid, "--format", "md"]) == 0
    md = capsys.readouterr().out.replace("\\", "")
    total = open_ + len(set(confirmed) - info)
    assert f"{total} antwoorden kwamen uit de voorbereiding. Samen nagekeken: {len(confirmed)}." in md
    assert f"{open_} antwoorden uit de voorbereiding zijn nog niet bevestigd" not in md  # "nagekeken", B1
    assert f"{open_} antwoorden uit de voorbereiding zijn nog niet nagekeken." in md
    row = next(line for line in md.splitlines() if TIGRINYA in line and "Nederlandse weergave" in line)
    assert DUTCH in row and "bevestigd door de consulent" in row
    assert main(["--store", str(store_path), "export", sid, "--format", "duo-json"]) == 0
    duo = capsys.readouterr().out
    appendix = md.split("### Antwoorden uit de voorbereiding")[1]
    assert "| werkwens |" in appendix and not any(f"| {q} |" in appendix for q in info)
    assert "voorbereiding:antwoorden" in md.split("## Bijlage")[1]  # the summary's trace: that table
    assert json.loads(duo) and DUTCH not in duo and "alone" not in duo and "voorbereiding" not in duo
