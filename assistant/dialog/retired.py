"""Retired questions: what the dialog says about ids it no longer asks.

When two questions are merged (`werk_nu` and `vrijwilligerswerk_of_club`
repeated options of `bezigheden_nu`), earlier data still carries the old ids.
The dialog file says, as data, what they become (`retired:` and `earlier:` at
its top; docs/dialog-format.md), so that nothing is lost and nothing crashes:

- A stored session begun with an `earlier` version opens with this one
  (`Dialog.opens`). Its events are read through `upgrade_events`: the last
  answer to a retired question becomes a note in the retired question's topic
  (Dutch, like every consulent note), so the overview, `intake show` and the
  PIP still show it. The stored events themselves are never changed.
- A replay case file (`upgrade_answers`) gets the mapped choices in
  `replaced_by`, but only when it does not answer `replaced_by` itself. A
  value the dialog cannot map is refused with a message naming the
  replacement; the output lists every retired id it met (`retired`).
- A practice case is refused by `check_answers` with the same message: it
  must say in the person's words what they answer to the new question.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Protocol, TypeVar

from assistant.i18n import Msg, _


class _Event(Protocol):
    """What the upgrade reads of a stored event (`assistant.store.contract.Event`, a dataclass)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def kind(self) -> str: ...

    @property
    def data(self) -> dict[str, Any]: ...


E = TypeVar("E", bound=_Event)


class Add(Protocol):
    """How a check reports a problem: at a raw node, for a question id, optionally at one of its keys."""

    def __call__(self, node: Any, qid: str | None, message: str, key: str | None = None) -> None: ...

KEYS = {"id", "topic", "note", "replaced_by", "values"}
VALUE_KEYS = {"value", "label", "choices"}


@dataclass(frozen=True)
class RetiredValue:
    value: Any
    label: str                          # Dutch, for the note ("Ja")
    choices: tuple[str, ...] | None     # None: this value cannot be mapped


@dataclass(frozen=True)
class Retired:
    id: str
    topic: str
    note: str
    replaced_by: str
    values: tuple[RetiredValue, ...]

    def of(self, value: Any) -> RetiredValue | None:
        """The declared value equal to this one (True is not 1 here)."""
        for v in self.values:
            if type(v.value) is type(value) and v.value == value:
                return v
        return None


class _Choice(Protocol):
    @property
    def id(self) -> str: ...


class _Question(Protocol):
    @property
    def choices(self) -> Sequence[_Choice]: ...


class _Dialog(Protocol):
    """What the upgrade reads of a dialog (`assistant.dialog.model.Dialog`, which imports this module)."""

    @property
    def retired(self) -> tuple[Retired, ...]: ...

    def retired_question(self, qid: str | None) -> Retired | None: ...

    def question(self, qid: str) -> _Question: ...


def build(raw: dict[str, Any]) -> tuple[tuple[str, ...], tuple[Retired, ...]]:
    """The `earlier` fingerprints and the `retired` questions of a validated raw dialog."""
    earlier = tuple(str(e["fingerprint"]) for e in raw.get("earlier") or ())
    retired = tuple(
        Retired(r["id"], r["topic"], r["note"], r["replaced_by"],
                tuple(RetiredValue(v["value"], v["label"],
                                   tuple(v["choices"]) if v.get("choices") is not None else None)
                      for v in r["values"]))
        for r in raw.get("retired") or ())
    return earlier, retired


def moved_message(qid: str, by: str) -> Msg:
    return _("De vraag '{id}' bestaat niet meer. Geef het antwoord bij '{by}'.", id=qid, by=by)


def upgrade_answers(dialog: _Dialog, answers: dict[str, Any]
                    ) -> tuple[dict[str, Any], list[tuple[str, Msg]], list[dict[str, Any]]]:
    """(answers without retired ids, problems, what was done with each retired id)."""
    if not dialog.retired or not any(dialog.retired_question(qid) for qid in answers):
        return dict(answers), [], []
    out = {qid: v for qid, v in answers.items() if dialog.retired_question(qid) is None}
    problems: list[tuple[str, Msg]] = []
    notices: list[dict[str, Any]] = []
    added: dict[str, set[str]] = {}
    for qid, value in answers.items():
        r = dialog.retired_question(qid)
        if r is None:
            continue
        if r.replaced_by in answers:  # the new question answered itself: it carries the information
            notices.append({"id": qid, "value": value, "replaced_by": r.replaced_by, "mapped": None})
            continue
        v = r.of(value)
        if v is None or v.choices is None:
            problems.append((qid, moved_message(qid, r.replaced_by)))
            continue
        added.setdefault(r.replaced_by, set()).update(v.choices)
        notices.append({"id": qid, "value": value, "replaced_by": r.replaced_by, "mapped": list(v.choices)})
    for target, chosen in added.items():
        if chosen:  # in the order of the question's choices, as a person would tick them
            out[target] = [c.id for c in dialog.question(target).choices if c.id in chosen]
    return out, problems, notices


def upgrade_events(dialog: _Dialog, events: Iterable[E]) -> Iterator[E]:
    """A stored session's events as this dialog reads them (see the module docstring)."""
    if not dialog.retired:
        yield from events
        return
    events = list(events)
    last: dict[str, int] = {}
    for i, e in enumerate(events):
        qid = _question_of(e)
        if qid is not None and dialog.retired_question(qid) is not None:
            last[qid] = i
    if not last and not any(e.kind == "moved" and dialog.retired_question(e.data.get("to")) for e in events):
        yield from events
        return
    value: dict[str, Any] = {}
    for i, e in enumerate(events):
        qid = _question_of(e)
        r = dialog.retired_question(qid) if qid is not None else None
        if qid is not None and r is not None:
            value[qid] = (e.data.get("value") if e.kind == "answered"
                          else e.data.get("new") if e.kind == "changed" else None)
            if last[qid] == i and value[qid] is not None:
                yield replace(e, kind="note", data={"topic": r.topic, "text": f"{r.note} {_label(r, value[qid])}"})
            continue
        moved_to = dialog.retired_question(e.data.get("to")) if e.kind == "moved" else None
        if moved_to is not None:
            e = replace(e, data={**e.data, "to": moved_to.replaced_by})
        yield e


def _question_of(event: _Event) -> str | None:
    if event.kind in ("answered", "changed", "skipped") and isinstance(event.data, dict):
        qid: str | None = event.data.get("question")
        return qid
    return None


def _label(r: Retired, value: Any) -> str:
    v = r.of(value)
    return v.label if v is not None else str(value)


def problems(raw: dict[str, Any], topic_ids: set[Any], questions: dict[str, dict[str, Any]], add: Add) -> None:
    """Check `earlier` and `retired` of a raw dialog; `add(node, qid, message, key)` as in validate."""
    earlier = raw.get("earlier", [])
    if not isinstance(earlier, list) or not all(
            isinstance(e, dict) and set(e) == {"version", "fingerprint"} and isinstance(e["fingerprint"], str)
            for e in earlier):
        add(raw, None, "'earlier' is a list of {version, fingerprint} of versions whose sessions this dialog opens",
            "earlier")
    retired = raw.get("retired", [])
    if not isinstance(retired, list):
        add(raw, None, "'retired' is a list of questions no longer asked (id, topic, note, replaced_by, values)",
            "retired")
        return
    for r in retired:
        if not isinstance(r, dict) or set(r) != KEYS:
            add(r if hasattr(r, "line") else raw, None,
                f"a retired question has exactly the keys {', '.join(sorted(KEYS))}")
            continue
        rid = r["id"]
        if rid in questions:
            add(r, rid, "a retired id is still asked; remove it from the topics or from 'retired'", "id")
        if r["topic"] not in topic_ids:
            add(r, rid, f"unknown topic '{r['topic']}' for the note with the earlier answer", "topic")
        if not isinstance(r["note"], str) or not r["note"].strip():
            add(r, rid, "'note' is the Dutch text put before the earlier answer", "note")
        target = questions.get(r["replaced_by"])
        if target is None:
            add(r, rid, f"'replaced_by' names no question of this dialog: {r['replaced_by']!r}", "replaced_by")
        _value_problems(r, rid, target, add)


def _value_problems(r: dict[str, Any], rid: str, target: dict[str, Any] | None, add: Add) -> None:
    values = r["values"]
    if not isinstance(values, list) or not values:
        add(r, rid, "'values' lists each earlier value with its label and the choices it maps to", "values")
        return
    allowed: set[Any] = {c.get("id") for c in (target or {}).get("choices") or () if isinstance(c, dict)}
    for v in values:
        if not isinstance(v, dict) or not {"value", "label"} <= set(v) <= VALUE_KEYS:
            add(r, rid, "each value is {value, label} with optional 'choices'", "values")
            continue
        choices = v.get("choices")
        if choices is None:
            continue
        if target is not None and target.get("type") != "multichoice":
            add(r, rid, "'choices' maps only into a multichoice question", "values")
        elif not isinstance(choices, list) or not set(choices) <= allowed:
            add(r, rid, f"'choices' must be choice ids of '{r['replaced_by']}': {', '.join(sorted(allowed))}", "values")
