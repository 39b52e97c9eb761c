"""The hand-over: the consulent takes a pre-intake over; who did what stays true per event."""

from __future__ import annotations

import json

import pytest

from assistant.cli.main import main
from assistant.dialog.loader import load_dialog
from assistant.engine import progress
from assistant.engine.session import Intake, SessionError
from assistant.store.sqlite import Store
from tests.preintake.helpers import answer_alone, open_intake, seed_pre_intake
from tests.ui.conftest import TODAY

CODE = "KXR7M4TD"



def test_pre_intake_asks_and_counts_only_its_own_questions(store_path):
    store = Store(store_path)
    it = Intake.start(store, load_dialog(), mode="pre_intake", actor="inburgeraar", today=lambda: TODAY)
    asked = answer_alone(it)
    step = it.step()
    dialog = load_dialog()
    assert all(dialog.find_question(q).pre_intake for q in asked)
    assert step.answered == step.total  # not "39/51": only what this mode asks
    assert all(t.status != progress.OPEN for t in step.topics)
    it.close()
    store.close()


def test_handover_asks_consulent_questions_and_nothing_twice(store_path):
    store = Store(store_path)
    it = Intake.start(store, load_dialog(), mode="pre_intake", actor="inburgeraar", today=lambda: TODAY)
    dialog = it.dialog
    it.record_consent(True)
    skipped = [q for q in it.view.relevant() if q.pre_intake and q.type != "info"][2].id
    answer_alone(it, skip=(skipped,))
    assert skipped in it.state.skipped
    given_alone = set(it.state.alone)
    assert given_alone and it.state.mode == "pre_intake"
    it.handover()
    assert it.mode == "joint" and it.state.handed_over
    asked = answer_alone(it, actor=None)
    assert not given_alone & set(asked)  # nothing asked twice
    assert skipped in asked  # skipped alone: talked about in the meeting
    assert any(not dialog.find_question(q).pre_intake for q in asked)  # the consulent's questions now
    assert ("handover", "consulent") in [(e.kind, e.actor) for e in it.events()]
    it.close()
    store.close()


def test_confirm_and_correct_are_the_consulents(store_path):
    sid = seed_pre_intake(store_path, CODE)
    store = Store(store_path)
    it = open_intake(store, sid)
    with pytest.raises(SessionError):
        it.goto(next(q for q in it.view.relevant() if not q.pre_intake).id)  # not yet: still a pre-intake
    it.handover()
    dialog = it.dialog
    alone = [q for q in dialog.questions if q.id in it.state.alone]
    topic = alone[0].topic
    confirmed = it.confirm_topic(topic)
    assert confirmed and not set(confirmed) & it.state.alone
    corrected = next(q for q in alone if q.topic != topic and q.type == "text")
    it.goto(corrected.id)
    it.answer("Gecorrigeerd")
    last = [e for e in it.events() if e.kind == "changed"][-1]
    assert last.actor == "consulent" and last.data["question"] == corrected.id
    assert corrected.id not in it.state.alone
    again = next(q for q in alone if q.id in it.state.alone)
    it.answer_question(again.id, it.record[again.id], from_file=True)  # the same answer again: confirmed
    assert again.id not in it.state.alone
    actors = {e.kind: e.actor for e in it.events() if e.kind in ("confirmed", "handover", "changed")}
    assert actors == {"confirmed": "consulent", "handover": "consulent", "changed": "consulent"}
    alone_actors = {e.actor for e in it.events() if e.kind == "answered"}
    assert alone_actors == {"inburgeraar"}
    it.pause()
    it.close()
    store.close()


def test_show_json_has_provenance(store_path, capsys):
    sid = seed_pre_intake(store_path, CODE)
    assert main(["--store", str(store_path), "show", sid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {"session_id", "mode", "status", "answers", "events"} <= shown.keys()
    assert shown["session_id"] == sid and shown["mode"] == "pre_intake" and shown["status"] == "ready"
    one = next(iter(shown["answers"].values()))
    assert set(one) == {"value", "by", "confirmed", "origin"} and one["by"] == "inburgeraar"
    assert one["confirmed"] is False and one["origin"] == "alone_open"
    assert main(["--store", str(store_path), "handover", sid]) == 0
    capsys.readouterr()
    assert main(["--store", str(store_path), "show", sid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["mode"] == "joint" and shown["events"][-2]["kind"] == "handover"
    assert shown["events"][-2]["actor"] == "consulent"


def test_handover_of_a_joint_intake_is_refused(store_path):
    store = Store(store_path)
    it = Intake.start(store, load_dialog(), today=lambda: TODAY)
    with pytest.raises(SessionError):
        it.handover()
    it.close()
    store.close()


def test_replay_save_stores_a_pre_intake(store_path, tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"mode": "pre_intake", "answers": {"voertaal": "nl"}, "today": "2026-03-02"}))
    assert main(["--store", str(store_path), "replay", str(case), "--save"]) == 0
    sid = json.loads(capsys.readouterr().out)["session_id"]
    assert main(["--store", str(store_path), "show", sid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["mode"] == "pre_intake" and shown["answers"]["voertaal"] == {"value": "nl", "by": "import",
                                                                              "confirmed": False,
                                                                              "origin": "alone_open"}


def test_the_caseload_shows_the_mode_after_the_handover(store_path):
    from assistant.app.caseload import summaries

    sid = seed_pre_intake(store_path, CODE)
    assert [(s.id, s.mode, s.status) for s in summaries(store_path)] == [(sid, "pre_intake", "ready")]
    assert main(["--store", str(store_path), "handover", sid]) == 0
    assert [(s.mode, s.status) for s in summaries(store_path)] == [("joint", "paused")]
