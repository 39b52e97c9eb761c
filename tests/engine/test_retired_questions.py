"""Questions merged away (issue 12: werk_nu and vrijwilligerswerk_of_club into bezigheden_nu).

Earlier data keeps working, one test per path: a session stored with the
earlier dialog (open, resume, list, show, export), a replay case file with the
old ids (mapped as the dialog says, or refused naming the replacement), and a
practice case with the old ids (refused; tests/fixtures/training/broken/
retired_question.yaml is checked by tests/training/test_training_check.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.base import yaml_lines
from assistant.dialog.loader import load_dialog, load_file
from assistant.dialog.retired import upgrade_events
from assistant.dialog.validate import validate_raw
from assistant.engine.session import Intake
from assistant.outcome.cases import Case, CaseInvalid, run
from assistant.store.sqlite import Event, Store

ROOT = Path(__file__).resolve().parents[2]
EARLIER = ROOT / "tests" / "fixtures" / "dialogs" / "brede_intake-2026.1.yaml"
PERSONA = ROOT / "tests" / "cases" / "personas" / "02_tesfay_z_route_ander_schrift.json"
TODAY = date(2026, 3, 2)
WERK_NOTE = "Vraag uit een eerdere versie: Heeft u nu werk? Ja"
CLUB_NOTE = "Vraag uit een eerdere versie: Doet u mee aan een club of vrijwilligerswerk? Nee"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "assistant.cli.main", "--lang", "nl", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def earlier():
    return load_file(EARLIER)


def test_the_fixture_is_the_earlier_version_the_dialog_opens(earlier):
    dialog = load_dialog()
    assert earlier.fingerprint != dialog.fingerprint
    assert dialog.opens(earlier.fingerprint) and dialog.opens(dialog.fingerprint)
    assert not dialog.opens("0000000000000000")
    assert {"werk_nu", "vrijwilligerswerk_of_club"} <= {q.id for q in earlier.questions}
    assert not {"werk_nu", "vrijwilligerswerk_of_club"} & {q.id for q in dialog.questions}
    assert dialog.question("bezigheden_nu").topic == "werk"  # art. 14 lid 3: work is asked where the law wants it
    assert {"werk", "vrijwilligerswerk", "club"} <= set(dialog.question("bezigheden_nu").choice_ids)


def _paused_before_bezigheden(store: Store, earlier) -> str:
    """An earlier session: answered up to and including werk_nu and the club question, then paused."""
    case = json.loads(PERSONA.read_text(encoding="utf-8"))["answers"]
    intake = Intake.start(store, earlier, today=lambda: TODAY)
    for q in earlier.questions:
        if q.id == "bezigheden_nu":
            break
        if q.id == "werk_nu":
            intake.answer_question(q.id, False, from_file=True)
            intake.answer_question(q.id, True, from_file=True)  # changed: the last answer counts
        elif q.id == "vrijwilligerswerk_of_club":
            intake.answer_question(q.id, False, from_file=True)
        elif q.id in case:
            intake.answer_question(q.id, case[q.id], from_file=True)
    intake.pause()
    sid = intake.id
    intake.close()
    return sid


def test_a_session_stored_before_the_merge_opens_resumes_and_keeps_its_old_answers(store, earlier):
    sid = _paused_before_bezigheden(store, earlier)
    intake = Intake.open(store, sid, load_dialog(), today=lambda: TODAY)
    try:
        assert intake.state.notes["werk"] == [WERK_NOTE]  # the last value, once
        assert intake.state.notes["netwerk"] == [CLUB_NOTE]
        assert "werk_nu" not in intake.record and "bezigheden_nu" not in intake.record
        assert "bezigheden_nu" in intake.missing()  # asked, not made up from the old answer
        while (step := intake.step()).kind == "question" and step.question.id != "bezigheden_nu":
            intake.skip("later") if step.question.mandatory else intake.skip("")
        assert step.question.id == "bezigheden_nu"
        intake.answer("1, 3")
        assert intake.record["bezigheden_nu"] == ["werk", "club"]
    finally:
        intake.close()
    raw = [e for e in store.events(sid) if e.kind == "answered" and e.data["question"] == "werk_nu"]
    assert [e.data["value"] for e in raw] == [False]  # the stored events are never rewritten


def test_a_session_stored_before_the_merge_lists_shows_and_exports(tmp_path, earlier):
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    case = json.loads(PERSONA.read_text(encoding="utf-8"))
    intake = Intake.start(store, earlier, second_locale="ti")
    for q in earlier.questions:
        if q.id in case["answers"]:
            intake.answer_question(q.id, case["answers"][q.id], from_file=True)
    intake.answer_question("werk_nu", True, from_file=True)
    intake.answer_question("vrijwilligerswerk_of_club", False, from_file=True)
    intake.answer_question("bezigheden_nu", ["werk"], from_file=True)
    intake.review()
    intake.decide(case["besluit"], decide(propose(intake.record, today=date.today()), case["besluit"]).event())
    sid = intake.id
    intake.close()
    store.close()

    listed = cli("--store", str(path), "list")
    assert listed.returncode == 0 and sid in listed.stdout and "andere versie" not in listed.stdout, listed.stdout
    shown = cli("--store", str(path), "show", sid, "--json")
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)
    assert body["notes"]["werk"] == [WERK_NOTE] and body["answers"]["bezigheden_nu"]["value"] == ["werk"]
    assert any(e["data"].get("question") == "werk_nu" for e in body["events"])  # the log as it was stored
    md = cli("--store", str(path), "export", sid, "--format", "md")
    assert md.returncode == 0, md.stderr
    assert WERK_NOTE in md.stdout and CLUB_NOTE in md.stdout
    duo = cli("--store", str(path), "export", sid, "--format", "duo-json")
    assert duo.returncode == 0, duo.stderr
    assert json.loads(duo.stdout)["pip"]["leerroute"] == "Z"


def _event(seq, kind, data):
    return Event(seq, "2026-03-02T10:00:00", "consulent", kind, "2026.1", data)


def test_events_of_retired_questions_become_one_note_with_the_last_value():
    dialog = load_dialog()
    events = [_event(1, "answered", {"question": "werk_nu", "value": True}),
              _event(2, "moved", {"to": "werk_nu"}),
              _event(3, "changed", {"question": "werk_nu", "old": True, "new": False}),
              _event(4, "answered", {"question": "vrijwilligerswerk_of_club", "value": True}),
              _event(5, "skipped", {"question": "vrijwilligerswerk_of_club", "reason": "later"}),
              _event(6, "answered", {"question": "cv", "value": True})]
    out = list(upgrade_events(dialog, events))
    assert [(e.seq, e.kind) for e in out] == [(2, "moved"), (3, "note"), (6, "answered")]
    assert out[0].data == {"to": "bezigheden_nu"}
    assert out[1].data == {"topic": "werk", "text": "Vraag uit een eerdere versie: Heeft u nu werk? Nee"}
    plain = [_event(1, "answered", {"question": "cv", "value": True})]
    assert list(upgrade_events(dialog, plain)) == plain


def _case(answers):
    return Case("nl", TODAY, answers, None)


def test_an_old_case_file_is_mapped_as_the_dialog_says():
    dialog = load_dialog()
    out = run(dialog, _case({"werk_nu": True, "vrijwilligerswerk_of_club": False}))
    assert out["answers"]["bezigheden_nu"] == ["werk"]
    assert {r["id"]: r["mapped"] for r in out["retired"]} == {"werk_nu": ["werk"], "vrijwilligerswerk_of_club": []}
    out = run(dialog, _case({"werk_nu": False}))
    assert "bezigheden_nu" not in out["answers"] and "bezigheden_nu" in out["missing"]
    assert out["retired"] == [{"id": "werk_nu", "value": False, "replaced_by": "bezigheden_nu", "mapped": []}]


def test_an_old_case_file_that_answers_the_new_question_keeps_that_answer():
    out = run(load_dialog(), _case({"werk_nu": True, "vrijwilligerswerk_of_club": True,
                                    "bezigheden_nu": ["cursus"]}))
    assert out["answers"]["bezigheden_nu"] == ["cursus"]
    assert [r["mapped"] for r in out["retired"]] == [None, None]


def test_an_old_value_the_dialog_cannot_map_is_refused_naming_the_replacement():
    with pytest.raises(CaseInvalid) as exc:  # volunteer work or a club: which one is not known
        run(load_dialog(), _case({"vrijwilligerswerk_of_club": True, "werk_nu": "ja"}))
    problems = {field: msg.msgid.format(**msg.params) for field, msg in exc.value.problems}
    assert set(problems) == {"vrijwilligerswerk_of_club", "werk_nu"}
    assert "'bezigheden_nu'" in problems["vrijwilligerswerk_of_club"]


def test_replay_of_an_old_case_file_on_the_command_line(tmp_path):
    case = json.loads(PERSONA.read_text(encoding="utf-8"))
    old = tmp_path / "oud.json"
    old.write_text(json.dumps({**case, "answers": {**case["answers"], "werk_nu": True}}), encoding="utf-8")
    out = cli("replay", str(old), "--json")
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert body["answers"]["bezigheden_nu"] == ["werk"] and body["retired"][0]["id"] == "werk_nu"
    old.write_text(json.dumps({**case, "answers": {**case["answers"], "vrijwilligerswerk_of_club": True}}),
                   encoding="utf-8")
    out = cli("replay", str(old), "--json")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "vrijwilligerswerk_of_club" in out.stderr and "bezigheden_nu" in out.stderr


def _retired_problems(text: str) -> list[str]:
    raw = yaml_lines.load(EARLIER.read_text(encoding="utf-8").replace("title: Brede intake\n", text, 1))
    return [p.message for p in validate_raw(raw, "d.yaml")]


def test_the_retired_section_is_checked():
    ok = ("title: Brede intake\nretired:\n  - {id: oud, topic: werk, note: 'Oud:', replaced_by: bezigheden_nu,"
          " values: [{value: true, label: Ja, choices: [werk]}]}\n")
    assert _retired_problems(ok) == []
    still_asked = ok.replace("id: oud", "id: werk_nu")
    assert any("still asked" in m for m in _retired_problems(still_asked))
    bad_choice = ok.replace("choices: [werk]", "choices: [baan]")
    assert any("choice ids of 'bezigheden_nu'" in m for m in _retired_problems(bad_choice))
    no_target = ok.replace("replaced_by: bezigheden_nu", "replaced_by: niets_hier")
    assert any("names no question" in m for m in _retired_problems(no_target))
    not_multi = ok.replace("replaced_by: bezigheden_nu", "replaced_by: cv")
    assert any("only into a multichoice" in m for m in _retired_problems(not_multi))
