"""Per-topic summaries of a `Tracker`: status, open mandatory questions, counts.

Kept per question, not recomputed per topic: each question is in one class
(does not apply, answered, skipped, open), and each topic keeps a tally of its
questions per class. The tracker marks the questions an event may have
changed (`_dirty_pos`: the one answered or skipped, those whose record entry
or applicability changed) and the topics whose waiting flag flipped
(`_dirty`); a flush moves only those questions between classes and derives
the topics' statuses from their tallies. So a step after an answer costs a
few list updates instead of a pass over a topic, let alone the dialog.

A module of its own beside tracker.py (one job each): this half of `Tracker`
reads the tracker's `_applies`, `_record`, `_waiting`, `_dirty_pos`, `_dirty`,
`_topics`, `ix` and `state` (declared, with their types, in the class body
below) and keeps its own caches (`_init_summaries`). Both halves are one
object, whose per-session attributes a fresh tracker sets by name. The property
test tests/engine/test_tracker_equivalence.py holds it to `progress.FullView`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from assistant.dialog.dependencies import DependencyIndex
from assistant.dialog.model import Topic
from assistant.engine.progress import DONE, NOT_APPLICABLE, OPEN, SKIPPED, WAITING, Progress, TopicStatus
from assistant.engine.state import SessionState

_NA, _ANSWERED, _SKIPPED, _OPEN = range(4)  # a question's class


class TopicSummaries:
    """The summary half of `Tracker` (see the module docstring for what it reads)."""

    # Kept by the tracker, read here (set by `Tracker.__init__` before `_init_summaries`):
    ix: DependencyIndex
    state: SessionState
    _topics: tuple[Topic, ...]
    _record: dict[str, Any]
    _applies: list[bool]
    _waiting: list[bool]
    _dirty_pos: set[int]   # questions whose class may have changed
    _dirty: set[int]       # topics whose status may have changed

    def _init_summaries(self) -> None:
        n = len(self._topics)
        ix = self.ix
        self._cls = [_NA] * len(ix.questions)                    # each question's class
        self._tally = [[end - first, 0, 0, 0] for first, end in ix.topic_span]  # per topic: questions per class
        self._t_status: list[str | None] = [None] * n
        self._plain: list[TopicStatus | None] = [None] * n   # each topic's status object, not current
        self._missing_pos: list[int] = []                    # open mandatory questions: positions, sorted
        self._missing_ids: list[str] = []                    # ... and their ids, in the same order
        self._missing: tuple[str, ...] | None = None         # the tuple of those ids, made when asked
        self._overall = [len(ix.questions), 0, 0, 0]         # the whole dialog: questions per class
        self._views: dict[str | None, tuple[TopicStatus, ...]] = {}  # by current topic; cleared on a change
        memo = ix.memo  # per dialog, not per session: both are the same for every session
        self._status_objects: dict[tuple[int, str, bool], TopicStatus] = memo.setdefault("status_objects", {})
        self._topic_index = memo.get("topic_index") or memo.setdefault(
            "topic_index", {t.id: i for i, t in enumerate(self._topics)})
        self._mandatory = memo.get("mandatory") or memo.setdefault(
            "mandatory", tuple(q.mandatory for q in ix.questions))
        self._qids = memo.get("qids") or memo.setdefault("qids", tuple(q.id for q in ix.questions))

    def missing(self) -> list[str]:
        return list(self.missing_ids())

    def missing_ids(self) -> tuple[str, ...]:
        """Mandatory questions that apply and are neither answered nor skipped, in dialog order."""
        if self._dirty_pos or self._dirty:
            self._flush()
        if self._missing is None:
            self._missing = tuple(self._missing_ids)
        return self._missing

    def counts(self) -> tuple[int, int]:
        """(answered or skipped, applying) over the whole dialog."""
        if self._dirty_pos or self._dirty:
            self._flush()
        na, answered, skipped, _open = self._overall
        return answered + skipped, len(self._cls) - na

    def progress(self, mode: str, current: str | None) -> Progress:
        """(answered, total, topic statuses, missing, waiting): what a `Step` shows, in one call."""
        if self._dirty_pos or self._dirty:
            self._flush()
        na, answered, skipped, _open = self._overall
        missing = self._missing
        if missing is None:
            missing = self._missing = tuple(self._missing_ids)
        statuses = self._views.get(current) or self.topic_statuses(mode, current)
        return answered + skipped, len(self._cls) - na, statuses, missing, any(self._waiting)

    def topic_statuses(self, mode: str, current: str | None) -> tuple[TopicStatus, ...]:
        if self._dirty_pos or self._dirty:
            self._flush()
        result = self._views.get(current)
        if result is None:  # made once per current topic until a status changes: no new objects
            result = tuple(self._plain)  # type: ignore[arg-type]
            ti = self._topic_index.get(current)
            if ti is not None:
                result = (*result[:ti], self._status_object(ti, self._t_status[ti], True), *result[ti + 1:])
            self._views[current] = result
        return result

    def _flush(self) -> None:
        """Move the marked questions between classes, then restate the topics whose tally changed."""
        if self._dirty_pos:
            self._reclassify()
        if self._dirty:
            for ti in self._dirty:
                self._restate(ti)
            self._dirty.clear()

    def _restate(self, ti: int) -> None:
        """A topic's status from its tally (and waiting flag): none apply, any open, any skipped, else done."""
        _na, answered, skipped, open_ = self._tally[ti]
        if self._waiting[ti]:
            status = WAITING
        elif open_:
            status = OPEN
        elif skipped:
            status = SKIPPED
        elif answered:
            status = DONE
        else:
            status = NOT_APPLICABLE
        if status != self._t_status[ti]:
            self._t_status[ti] = status
            self._plain[ti] = self._status_object(ti, status, False)
            self._views.clear()

    def _reclassify(self) -> None:
        record, skipped, applies = self._record, self.state.skipped, self._applies
        cls, tally, overall, topic_of, qids = self._cls, self._tally, self._overall, self.ix.topic_of, self._qids
        mandatory = self._mandatory
        for pos in self._dirty_pos:
            qid = qids[pos]
            if not applies[pos]:
                new = _NA
            elif qid in record:
                new = _ANSWERED
            elif qid in skipped:
                new = _SKIPPED
            else:
                new = _OPEN
            old = cls[pos]
            if new != old:
                cls[pos] = new
                ti = topic_of[pos]
                counts = tally[ti]
                counts[old] -= 1
                counts[new] += 1
                overall[old] -= 1
                overall[new] += 1
                self._restate(ti)
                if mandatory[pos] and (old == _OPEN or new == _OPEN):
                    self._move_missing(pos, qid, new == _OPEN)
        self._dirty_pos.clear()

    def _move_missing(self, pos: int, qid: str, now_open: bool) -> None:
        i = bisect_left(self._missing_pos, pos)
        if now_open:
            self._missing_pos.insert(i, pos)
            self._missing_ids.insert(i, qid)
        else:
            del self._missing_pos[i], self._missing_ids[i]
        self._missing = None

    def _status_object(self, ti: int, status: str, current: bool) -> TopicStatus:
        """One frozen `TopicStatus` per (topic, status, current), made once for the dialog and shared."""
        key = (ti, status, current)
        obj = self._status_objects.get(key)
        if obj is None:
            topic = self._topics[ti]
            obj = self._status_objects[key] = TopicStatus(topic.id, topic.title_msg(), status, current,
                                                          topic.required_by)
        return obj
