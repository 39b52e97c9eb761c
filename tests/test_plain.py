"""Plain mode's overview speaks words, not codes (issue 10, item 9).

The overview numbers the topics it asks the person to choose by number,
shows each status in words of the screen language, and names open mandatory
questions by their text, never by an internal id.
"""

from __future__ import annotations

import io

from assistant.app.caseload import summaries
from assistant.app.records import open_readonly
from assistant.dialog.loader import load_dialog
from assistant.engine import progress
from assistant.i18n import translator
from assistant.plain import conversation as plain


def converse(store, lines: list[str], lang: str = "nl") -> str:
    """Run the plain conversation on scripted input; end of input pauses, as a closed pipe does."""
    feed = iter(lines)

    def input_fn(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    assert plain.run(store, translator(lang), input_fn=input_fn, out=out) == 0
    return out.getvalue()


def overview(text: str) -> str:
    """The first overview block in the output, up to the end of what it printed."""
    start = text.index("Overzicht:")
    return text[start:]


def test_overview_numbers_topics_and_shows_status_in_words(tmp_path):
    out = converse(tmp_path / "s.sqlite3", ["", "="])  # acknowledge the welcome, then the overview
    shown = overview(out)
    dialog = load_dialog()
    tr = translator("nl")
    assert f"  1. {tr(dialog.topics[0].title_msg())}: klaar" in shown  # the welcome, acknowledged
    assert f"  2. {tr(dialog.topics[1].title_msg())}: open" in shown
    assert f"  {len(dialog.topics)}. {tr(dialog.topics[-1].title_msg())}: " in shown  # every topic numbered
    for code in (progress.DONE, progress.NOT_APPLICABLE, progress.SKIPPED, progress.WAITING):
        assert f": {code}" not in shown


def test_overview_lists_open_mandatory_questions_by_their_text(tmp_path):
    out = converse(tmp_path / "s.sqlite3", ["", "="])
    shown = overview(out)
    dialog = load_dialog()
    tr = translator("nl")
    assert "Deze verplichte vragen zijn nog open:" in shown
    mandatory_open = [q for q in progress.relevant(dialog, {}) if q.mandatory and q.type != "info"]
    assert mandatory_open, "the shipped dialog has mandatory questions"
    q = mandatory_open[0]
    assert f"    • {tr(q.msg('text')).strip()}" in shown
    listed = shown.split("Deze verplichte vragen zijn nog open:")[1]
    assert q.id + "," not in listed and f" {q.id}\n" not in listed  # no internal ids


def test_typing_a_topic_number_opens_that_topic(tmp_path):
    store = tmp_path / "s.sqlite3"
    dialog = load_dialog()
    number = next(i for i, t in enumerate(dialog.topics, 1) if t.id == "opleiding")
    first_q = dialog.topics[number - 1].questions[0]
    out = converse(store, ["", "=", str(number)])
    after = out.split("Enter: verder.")[-1]
    assert translator("nl")(first_q.msg("text")).strip() in after  # that topic's first question is asked
    (sid,) = [s.id for s in summaries(store)]
    assert open_readonly(store, sid)["position"] == first_q.id


def test_overview_in_arabic_uses_the_arabic_status_words(tmp_path):
    out = converse(tmp_path / "s.sqlite3", ["", "="], lang="ar")
    tr = translator("ar")
    assert f"  1. {tr(load_dialog().topics[0].title_msg())}: {tr(plain.STATUS_WORDS[progress.DONE])}" in out
    assert tr(plain.STATUS_WORDS[progress.DONE]) != "klaar"
