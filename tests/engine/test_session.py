"""The engine's intents on a small dialog: answer, back, edit, skip, pause, wait."""

import pytest

from assistant.engine.session import Intake, SessionError
from assistant.engine.state import ANSWERED, CHANGED, LANGUAGE, PAUSED, RESUMED, SKIPPED


def start(store, dialog, today, **kw):
    return Intake.start(store, dialog, today=today, **kw)


def answer_all(intake, *answers):
    step = None
    for a in answers:
        step = intake.answer(a)
        assert step.error is None, (a, step.error)
    return step


def test_walks_the_dialog_in_order_with_phases(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    s = it.step()
    assert (s.kind, s.phase, s.question.id) == ("question", "welkom", "hallo")
    s = it.answer("")
    assert (s.phase, s.question.id) == ("taal_keuze", "voertaal")
    s = it.answer("2")
    assert s.second_locale == "ar" and s.phase == "privacy"
    kinds = [e.kind for e in it.events()]
    assert kinds[-2:] == [ANSWERED, LANGUAGE]  # the language switch is recorded


def test_refused_input_stores_nothing_and_keeps_the_question(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "")
    before = len(it.events())
    s = it.answer("31-02-1990")
    assert s.question.id == "geboortedatum" and "bestaat niet" in s.error.msgid
    assert len(it.events()) == before
    assert it.step().error is None  # the message is shown once


def test_back_and_change_records_old_and_new(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "", "14-05-2001")
    s = it.go_back()
    assert s.question.id == "geboortedatum" and s.value == "2001-05-14"
    s = it.answer("15-05-2001")
    assert s.question.id == "opmerking"
    change = [e for e in it.events() if e.kind == CHANGED][-1]
    assert change.data == {"question": "geboortedatum", "old": "2001-05-14", "new": "2001-05-15"}


def test_mandatory_skip_needs_a_reason_which_is_recorded(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "")
    s = it.skip("")
    assert (s.question.id == "geboortedatum" and "reden" in s.error.msgid.lower()) or "waarom" in s.error.msgid.lower()
    s = it.skip("Papieren nog niet binnen")
    assert s.question.id == "opmerking"
    skip = [e for e in it.events() if e.kind == SKIPPED][-1]
    assert skip.data == {"question": "geboortedatum", "reason": "Papieren nog niet binnen"}
    assert "geboortedatum" not in s.missing
    assert [t.status for t in s.topics if t.id == "persoon"] == ["open"]
    s = it.skip("")  # optional: no reason needed
    s = it.skip("")
    assert s.question.id == "lbt_status"
    assert [t.status for t in s.topics if t.id == "persoon"] == ["skipped"]


def test_edit_from_review_rechecks_dependents_and_keeps_later_answers(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "", "14-05-2001", "", "111222333", "niet_afgenomen", "Ziek", "ja", "3, 9", "", "10", "1")
    s = it.step()
    assert s.kind == "review" and s.missing == ()
    assert it.record["lbt_reden_niet_afgenomen"] == "Ziek"
    # The consulent corrects: the toets was taken after all.
    s = it.answer_question("lbt_status", "afgenomen")
    assert s.rechecked == ("lbt_reden_niet_afgenomen", "lbt_resultaat")
    assert s.question.id == "lbt_resultaat"  # the newly applying question is asked
    assert "lbt_reden_niet_afgenomen" not in it.record  # no longer applies ...
    assert it.state.answers["lbt_reden_niet_afgenomen"] == "Ziek"  # ... but nothing is lost
    assert it.record["kinderen_leeftijden"] == [3, 9] and it.record["onderwijs_jaren"] == 10
    s = it.answer("1")
    assert s.kind == "review"  # back to the review: later answers were kept


def test_waiting_for_the_lbt_while_other_topics_go_on(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    s = answer_all(it, "", "1", "", "14-05-2001", "", "", "gepland")
    assert s.waiting and s.question.id == "kinderen"  # other topics go on
    assert [t.status for t in s.topics if t.id == "leerbaarheid"] == ["waiting"]
    s = answer_all(it, "nee", "8", "")
    assert s.kind == "review"
    s = it.submit()
    assert (s.kind, s.phase) == ("awaiting_lbt", "awaiting_lbt")
    s = it.answer_question("lbt_status", "afgenomen", actor="duo")
    assert s.question.id == "lbt_resultaat" and not s.waiting
    s = it.answer("b1_haalbaar", actor="duo")
    assert s.kind == "review"
    s = it.submit()
    assert (s.kind, s.phase) == ("proposal", "proposal")
    assert [e.actor for e in it.events() if e.kind in (ANSWERED, CHANGED)][-2:] == ["duo", "duo"]


def test_submit_with_open_questions_is_refused_clearly(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    s = it.submit()
    assert s.kind == "review" and s.error is not None and s.error.params["n"] == len(s.missing)


def test_jump_to_topic_and_back_to_the_open_question(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "")
    s = it.jump("gezin")
    assert s.question.id == "kinderen" and s.phase == "gezin"
    s = it.answer("nee")
    assert s.question.id == "onderwijs_jaren"
    s = it.answer("5")
    assert s.question.id == "talen"
    s = it.answer("")  # optional: an empty answer skips it
    assert s.question.id == "geboortedatum"  # wraps to the first open question


def test_pause_and_resume_continue_at_the_same_question(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "2", "", "14-05-2001")
    it.go_back()
    it.pause()
    sid = it.id
    it.close()
    again = Intake.open(store, sid, mini_dialog, today=today)
    s = again.step()
    assert s.question.id == "geboortedatum" and s.value == "2001-05-14"
    assert s.second_locale == "ar" and s.phase == "persoon"
    assert [e.kind for e in again.events()][-2:] == [PAUSED, RESUMED]


def test_actor_is_recorded_and_pre_intake_asks_only_its_questions(store, mini_dialog, today):
    it = start(store, mini_dialog, today, mode="pre_intake")
    s = answer_all(it, "", "1", "")
    assert s.question.id == "opmerking"  # consulent questions (birth date, BSN) are left for later
    s = it.answer("")
    assert s.question.id == "kinderen"
    assert {e.actor for e in it.events() if e.kind == ANSWERED} == {"inburgeraar"}


def test_notes_are_kept_per_topic_and_cleaned(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    it.add_note("gezin", "Let op\x1b[31m: partner aanwezig")
    assert it.state.notes == {"gezin": ["Let op: partner aanwezig"]}
    with pytest.raises(SessionError):
        it.add_note("gezin", "  ")


def test_a_changed_dialog_is_refused_not_reinterpreted(store, mini_dialog, today, tmp_path):
    from pathlib import Path

    from assistant.dialog.loader import load_file

    it = start(store, mini_dialog, today)
    it.answer("")
    sid = it.id
    it.close()
    changed = tmp_path / "mini.yaml"
    changed.write_text(Path(mini_dialog.path).read_text().replace("max: 30\n        text: Hoeveel jaar",
                                                                  "max: 40\n        text: Hoeveel jaar"))
    newer = load_file(changed)
    assert newer.fingerprint != mini_dialog.fingerprint
    with pytest.raises(SessionError) as exc:
        Intake.open(store, sid, newer, today=today)
    assert "versie" in exc.value.msg.msgid
    assert [e.kind for e in store.events(sid)][-1] == ANSWERED  # nothing was written


def test_goto_from_review_edits_and_returns_to_the_review(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    answer_all(it, "", "1", "", "14-05-2001", "", "", "afgenomen", "1", "nee", "10", "")
    assert it.step().kind == "review"
    s = it.goto("onderwijs_jaren")
    assert s.question.id == "onderwijs_jaren" and s.value == 10
    s = it.answer("12")
    assert s.kind == "review" and it.record["onderwijs_jaren"] == 12
    with pytest.raises(SessionError):
        it.goto("lbt_reden_niet_afgenomen")  # does not apply


def test_closed_sessions_hand_their_phase_model_to_the_next_one_only_once(store, mini_dialog, today):
    a = start(store, mini_dialog, today)
    a.answer("")
    model = a._model
    a.close()
    a.close()  # closing twice must not put the model in the pool twice
    b, c = start(store, mini_dialog, today), start(store, mini_dialog, today)
    assert b._model is not c._model
    assert model in (b._model, c._model)
    assert a.step().phase == "taal_keuze"  # the closed session still shows its own phase
    for it in (b, c):  # a reused model starts where a new session starts
        assert it.step().phase == "welkom" and it._model.phase == "welkom"
    b.close(), c.close()


def test_step_of_builds_the_same_frozen_step_as_the_constructor():
    import dataclasses

    from assistant.engine.step import Step

    values = {"kind": "question", "phase": "persoon", "answered": 3, "total": 9, "missing": ("a",)}
    fast, slow = Step.of(**values), Step(**values)
    assert fast == slow and repr(fast) == repr(slow)
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)  # every field set, defaults included
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "review"
    with pytest.raises(TypeError):
        Step.of(kind="question", phase="x", bogus=1)
    with pytest.raises(TypeError):
        Step.of(kind="question")  # phase is required


def test_step_full_takes_exactly_the_fields_and_builds_the_same_step():
    import dataclasses
    import inspect

    from assistant.engine.step import Step

    names = [f.name for f in dataclasses.fields(Step)]
    params = inspect.signature(Step.full).parameters
    assert list(params) == names  # a new field must be given by the engine's step too
    assert all(p.kind is p.KEYWORD_ONLY and p.default is p.empty for p in params.values())
    values = dict(zip(names, ("question", "persoon", None, 3, "reden", None, (), ("a",), True, ("b",),
                              3, 9, "ar", "joint", False), strict=True))
    fast, slow = Step.full(**values), Step(**values)
    assert fast == slow and repr(fast) == repr(slow)
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "review"
    with pytest.raises(TypeError):
        Step.full(**{**values, "bogus": 1})


def test_answer_many_applies_in_dialog_order_and_stops_at_a_refused_answer(store, mini_dialog, today):
    it = start(store, mini_dialog, today)
    refused = it.answer_many({"geboortedatum": "2001-05-14", "hallo": True, "onderwijs_jaren": 99,
                              "voertaal": "nl"})
    assert refused is not None and refused[0] == "onderwijs_jaren"
    assert it.record == {"hallo": True, "voertaal": "nl", "geboortedatum": "2001-05-14"}
    assert it.answer_many({"kinderen": False}) is None
    assert it.step().phase == it._phase_for(it.state.position)  # the machine is synced after the batch
