"""A pre-intake shows the texts written for someone alone; the joint intake the meeting's."""

from __future__ import annotations

import io

import pytest

from assistant.dialog.loader import load_dialog
from assistant.dialog.validate import validate_raw
from assistant.i18n import translator
from assistant.plain import conversation as plain


def test_in_mode_picks_the_alone_text_only_for_a_pre_intake():
    q = load_dialog().question("welkom_uitleg")
    alone = q.in_mode("pre_intake")
    assert alone.msg("text").context == "brede_intake.welkom_uitleg.text_alone"
    assert alone.msg("help").context == "brede_intake.welkom_uitleg.help_alone"
    assert alone.msg("label") == q.msg("label")  # no alone label: the joint one
    for mode in ("joint", "training", None):
        assert q.in_mode(mode) is q
    assert q.in_mode("pre_intake") is alone  # made once, not per turn


def test_a_question_without_alone_texts_is_itself_in_a_pre_intake():
    q = load_dialog().question("naam")
    assert q.in_mode("pre_intake") is q


def test_no_text_alone_says_we_talk_or_ask_the_consulent_now():
    for q in load_dialog().questions:
        if q.pre_intake:
            text = q.in_mode("pre_intake").msg("text").msgid + " " + (q.in_mode("pre_intake").msg("help").msgid
                                                                      if q.help else "")
            assert "We praten" not in text and "Vraag het aan de consulent" not in text, q.id


def _converse(store, lines, mode):
    feed = iter(lines)

    def input_fn(prompt):
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    plain.run(store, translator("nl"), mode=mode, input_fn=input_fn, out=out)
    return out.getvalue()


@pytest.mark.parametrize("mode, shown, hidden", [("pre_intake", "Nu komen de vragen.", "We praten over"),
                                                 ("joint", "We praten over", "Nu komen de vragen.")])
def test_plain_mode_words_the_welcome_for_its_mode(tmp_path, mode, shown, hidden):
    text = _converse(tmp_path / "s.sqlite3", ["?"], mode)
    assert shown in text and hidden not in text
    assert ("Sla de vraag over" in text) == (mode == "pre_intake")


@pytest.mark.parametrize("bad, problem", [({"text_alone": ""}, "'text_alone' is a Dutch text"),
                                          ({"help_alone": "Alleen hulp."}, "'help_alone' needs a 'help'")])
def test_a_bad_alone_text_is_named(bad, problem):
    raw = {"dialog": "d", "version": "1", "title": "T", "topics": [
        {"id": "t", "title": "T", "phase": "topic", "questions": [{"id": "q", "type": "yesno", "text": "Ja?", **bad}]}]}
    problems = validate_raw(raw, "d.yaml")
    assert any(problem in p.message for p in problems), [p.message for p in problems]
