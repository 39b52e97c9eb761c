"""Replay on a small dialog: same engine, whole-case validation, nothing half-applied."""

from datetime import date

import pytest

from assistant.outcome.cases import Case, CaseInvalid, parse_case, run

TODAY = date(2026, 3, 2)


def case(answers, **kw):
    return Case("nl", TODAY, answers, None, **kw)


FULL = {"hallo": True, "voertaal": "ar", "privacy_uitleg": True, "geboortedatum": "2001-05-14",
        "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar", "kinderen": True,
        "kinderen_leeftijden": [3, 9], "vve_informatie": True, "onderwijs_jaren": 12}


def test_complete_case_reaches_the_proposal(mini_dialog):
    out = run(mini_dialog, case(FULL))
    assert out["status"] == "proposal" and out["missing"] == []
    assert out["answers"]["kinderen_leeftijden"] == [3, 9]


def test_open_mandatory_questions_are_listed(mini_dialog):
    partial = {k: v for k, v in FULL.items() if k not in ("onderwijs_jaren", "geboortedatum")}
    out = run(mini_dialog, case(partial))
    assert out["status"] == "in_progress"
    assert out["missing"] == ["geboortedatum", "onderwijs_jaren"]


def test_awaiting_the_lbt(mini_dialog):
    waiting = {k: v for k, v in FULL.items() if k != "lbt_resultaat"} | {"lbt_status": "gepland"}
    out = run(mini_dialog, case(waiting))
    assert out["status"] == "awaiting_lbt" and out["waiting"] is True


@pytest.mark.parametrize("answers, field, fragment", [
    (FULL | {"onbekend_veld": 1}, "onbekend_veld", "Onbekende vraag-id"),
    (FULL | {"onderwijs_jaren": 31}, "onderwijs_jaren", "tot en met"),
    (FULL | {"onderwijs_jaren": "12"}, "onderwijs_jaren", "heel getal"),
    (FULL | {"geboortedatum": "14-05-2001"}, "geboortedatum", "dag-maand-jaar"),
    (FULL | {"kinderen": "ja"}, "kinderen", "ja of nee"),
    (FULL | {"lbt_reden_niet_afgenomen": "ziek"}, "lbt_reden_niet_afgenomen", "hoort niet bij"),
    (FULL | {"voertaal": "fr"}, "voertaal", "uit de lijst"),
])
def test_bad_answers_are_refused_naming_the_id(mini_dialog, answers, field, fragment):
    with pytest.raises(CaseInvalid) as exc:
        run(mini_dialog, case(answers))
    problems = dict(exc.value.problems)
    assert field in problems and fragment in problems[field].msgid


def test_all_problems_are_reported_at_once(mini_dialog):
    with pytest.raises(CaseInvalid) as exc:
        run(mini_dialog, case(FULL | {"onderwijs_jaren": -1, "x": 1}))
    assert {f for f, _ in exc.value.problems} == {"onderwijs_jaren", "x"}


@pytest.mark.parametrize("raw, field", [
    ([], "case"), ({"answers": []}, "answers"), ({"answers": {}, "today": "2-3-2026"}, "today"),
    ({"answers": {}, "extra": 1}, "extra"), ({"answers": {}, "besluit": "ja"}, "besluit"),
])
def test_malformed_case_files_name_the_field(raw, field):
    with pytest.raises(CaseInvalid) as exc:
        parse_case(raw)
    assert field in dict(exc.value.problems)


def test_unknown_mode_is_refused_naming_the_field():
    with pytest.raises(CaseInvalid) as exc:
        parse_case({"answers": {}, "mode": "solo"})
    assert [f for f, _m in exc.value.problems] == ["mode"]
    assert parse_case({"answers": {}, "mode": "pre_intake"}).mode == "pre_intake"
    assert parse_case({"answers": {}}).mode == "joint"


def test_replay_without_save_stores_nothing_and_with_save_stores_a_session(mini_dialog, store):
    from assistant.engine.session import Intake

    out = run(mini_dialog, case(FULL))
    assert "session_id" not in out and store.sessions() == []
    saved = run(mini_dialog, case(FULL, mode="training"), save_to=store)
    assert {k: v for k, v in saved.items() if k != "session_id"} == out  # same result, plus the id
    (row,) = store.sessions()
    assert saved["session_id"] == row.id and row.mode == "training"
    events = list(store.events(row.id))
    assert {e.actor for e in events} == {"import"}
    reopened = Intake.open(store, row.id, mini_dialog, today=lambda: TODAY)
    assert reopened.record == out["answers"] and reopened.state.position == "proposal"
    reopened.close()


def test_pre_intake_import_keeps_the_import_actor(mini_dialog, store):
    run(mini_dialog, case(FULL, mode="pre_intake"), save_to=store)
    (row,) = store.sessions()
    answered = [e for e in store.events(row.id) if e.kind == "answered"]
    assert answered and {e.actor for e in answered} == {"import"}


def test_a_refused_case_stores_nothing(mini_dialog, store):
    with pytest.raises(CaseInvalid):
        run(mini_dialog, case({**FULL, "onderwijs_jaren": 99}), save_to=store)
    assert store.sessions() == []


def test_memory_store_gives_back_what_was_appended():
    from assistant.store.memory import MemoryStore
    from assistant.store.sqlite import StoreError

    mem = MemoryStore()
    row = mem.create_session("d", "1", "f", "joint")
    data = {"question": "q", "value": [1, 2]}
    first = mem.append(row.id, "import", "answered", "1", data)
    data["value"].append(3)  # the caller's dict is not the stored one
    assert [e.data for e in mem.events(row.id)] == [{"question": "q", "value": [1, 2]}]
    assert first.seq == 1 and mem.append(row.id, "import", "moved", "1", {"to": "x"}).seq == 2
    with pytest.raises(StoreError):
        mem.session("nope")


def test_memory_store_events_equal_events_built_by_the_constructor():
    import dataclasses

    from assistant.store.memory import _EVENT_FIELDS, _event
    from assistant.store.sqlite import Event

    assert tuple(f.name for f in dataclasses.fields(Event)) == _EVENT_FIELDS  # a new field: build it too
    fast = _event(3, "2026-03-02T10:00:00.000+00:00", "import", "answered", "1", {"question": "q", "value": 1})
    slow = Event(3, "2026-03-02T10:00:00.000+00:00", "import", "answered", "1", {"question": "q", "value": 1})
    assert tuple(vars(fast)) == _EVENT_FIELDS
    assert fast == slow and repr(fast) == repr(slow) and dataclasses.asdict(fast) == dataclasses.asdict(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "moved"


@pytest.mark.parametrize("data", [
    {"question": "q", "value": [1, 2, (3, 4)], "x": {"a": None, "b": True, "c": 1.5, "d": "é"}},
    {"besluit": {"akkoord": False, "niveau": None}, "beslissing": {"redenen": [["R-O", 1]]}},
])
def test_memory_store_data_equals_a_json_round_trip(data):
    import json

    from assistant.store.memory import _json_copy

    assert _json_copy(data) == json.loads(json.dumps(data))


@pytest.mark.parametrize("bad", [{"value": date(2026, 1, 1)}, {"value": {1, 2}}, {"value": object()}])
def test_memory_store_refuses_what_a_stored_event_could_not_hold(bad):
    from assistant.store.memory import MemoryStore

    mem = MemoryStore()
    row = mem.create_session("d", "1", "f", "joint")
    with pytest.raises((TypeError, ValueError)):
        mem.append(row.id, "import", "answered", "1", bad)
