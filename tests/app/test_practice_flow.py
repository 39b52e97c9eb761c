"""One practice flow: a practice paused in plain mode is resumed by the app's flow, on the same session."""

from __future__ import annotations

import io

from assistant.app import practice
from assistant.i18n import translator
from assistant.plain.practice import practise
from assistant.store.practice import scores, training_store_path
from assistant.training.library import load_all


def test_a_plain_practice_paused_is_unfinished_for_the_app_and_resumed_on_the_same_session(tmp_path):
    real = tmp_path / "sessions.sqlite3"
    case = load_all()["b1_route_werk"]
    out = io.StringIO()
    typed = iter(["q"])  # pause at the first question
    practise(case, training_store_path(real), translator("nl"), input_fn=lambda _p: next(typed), out=out)
    assert "De oefening is bewaard" in out.getvalue()
    assert scores(training_store_path(real)) == []  # a pause is not an attempt: nothing scored
    _cases, unfinished = practice.cases_and_unfinished(real)
    sid = unfinished[case.id][0]
    run, conv = practice.begin(real, case, translator("nl"))  # what the app's list does
    try:
        assert conv.id == sid and conv.mode == "training"
    finally:
        conv.leave()
        run.close()
