"""Incremental progress: after an answer, re-evaluate only what depends on it.

`progress.FullView` recomputes which questions apply, what is open and how far
each topic is from scratch — about 600 condition checks per answer on the
brede intake, and most of the engine's time. `Tracker` answers the same
questions but keeps its state between events: an answer, change or skip of
question X re-evaluates only the conditions that read X (found through the
dialog's `DependencyIndex`), and transitively those reading a question whose
applicability just flipped, in dialog order so every condition sees final
inputs. Topic summaries are recomputed only for the topics touched.

Both classes have the same methods, and a property test
(tests/engine/test_tracker_equivalence.py) checks after every intent of random
intakes that they agree.
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush
from typing import Any

from assistant.dialog.conditions import evaluate
from assistant.dialog.model import Dialog, Question, Topic
from assistant.engine.progress import askable
from assistant.engine.state import SessionState
from assistant.engine.summaries import TopicSummaries

# What a tracker changes as events come (its own and its summaries'); everything else it
# holds is the dialog's and shared. A fresh tracker copies these from the first one made.
_PER_SESSION = ("_applies", "_topic_on", "_waiting", "_record", "_last", "_dirty_pos", "_dirty", "_relevant",
                "_flips", "version", "_cls", "_tally", "_t_status", "_plain", "_missing_pos", "_missing_ids",
                "_missing", "_overall", "_views")


def _copy(value: Any) -> Any:
    """A copy that shares nothing mutable (lists of lists: `_tally`); immutables as they are."""
    if isinstance(value, list):
        return [_copy(v) for v in value] if value and isinstance(value[0], list) else list(value)
    if isinstance(value, (set, dict)):
        return value.copy()
    return value


class Tracker(TopicSummaries):
    """The progress of one session, kept up to date event by event."""

    def __init__(self, dialog: Dialog, state: SessionState) -> None:
        self.dialog = dialog
        self.state = state                      # the SessionState whose answers/skips we follow
        self.ix = ix = dialog.deps()
        self._topics = dialog.topics
        self._qs: tuple[Question, ...] = ix.questions
        self._applies = [False] * len(ix.questions)
        self._topic_on = [False] * len(self._topics)
        self._waiting = [False] * len(self._topics)
        self._record: dict[str, Any] = {}
        self._last = -1                         # highest position in the record (keeps it in dialog order)
        self._dirty_pos = set(range(len(ix.questions)))  # questions whose summary class may have changed
        self._dirty = set(range(len(self._topics)))      # topics whose status may have changed
        self._relevant: tuple[Question, ...] | None = None
        self._init_summaries()
        self._flips: list[str] = []
        self.version = 0                        # bumped whenever the record changes
        if state.answers or state.skipped:
            self._recompute_all()
        else:  # a new session: the same start for every session of this dialog, computed once
            fresh = ix.memo.get("fresh_tracker")
            if fresh is None:
                self._recompute_all()
                self._flush()
                fresh = ix.memo["fresh_tracker"] = {k: _copy(getattr(self, k)) for k in _PER_SESSION}
            for k in _PER_SESSION:
                setattr(self, k, _copy(fresh[k]))

    # -- updates ------------------------------------------------------------------
    def _recompute_all(self) -> None:
        """The initial state: every topic and question evaluated once, in order."""
        heap = []
        for ti, (first, end) in enumerate(self.ix.topic_span):
            if first < end:
                heap.append(2 * first - 1)
            else:  # a topic without questions: its flags never matter for a question
                self._topic_on[ti] = evaluate(self._topics[ti].when, self._record)
        changed: list[str] = []
        self._run(heap, changed, force=True)
        self._record_changed([""])  # everything is new: every waiting topic evaluated

    def touch(self, qid: str) -> None:
        """The answer or skip of `qid` changed in the state: bring everything up to date."""
        ix = self.ix
        pos = ix.order[qid]
        self._dirty_pos.add(pos)  # its skip may have changed
        # Its own applicability cannot change: its condition reads only earlier answers.
        if not self._set_entry(pos, qid):
            return  # e.g. a skip of an unanswered question: only its topic's summary changes
        changed = [qid]
        if qid in ix.question_readers or qid in ix.topic_readers:
            self._run(self._readers(qid, set()), changed, force=False)
        self._record_changed(changed)

    def _readers(self, qid: str, queued: set[int]) -> list[int]:
        """Heap keys of what reads `qid`: 2*pos for a question, 2*first-1 for a topic's condition."""
        ix = self.ix
        keys = [2 * p for p in ix.question_readers.get(qid, ())]
        keys += [2 * ix.topic_span[t][0] - 1 for t in ix.topic_readers.get(qid, ())]
        return [k for k in keys if k not in queued]

    def _set_entry(self, pos: int, qid: str) -> bool:
        """Make the record entry of one question follow its applicability and answer; True if it changed."""
        record, answers = self._record, self.state.answers
        if self._applies[pos] and qid in answers:
            value = answers[qid]
            if qid in record:
                if record[qid] == value:
                    return False
                record[qid] = value
            else:
                record[qid] = value
                if pos > self._last:
                    self._last = pos
                else:
                    self._reorder()  # an answer that applies again: back in its place
        elif qid in record:
            del record[qid]
            if pos == self._last:
                self._last = max((self.ix.order[k] for k in record), default=-1)
        else:
            return False
        self._dirty_pos.add(pos)
        return True

    def _run(self, heap: list[int], changed: list[str], force: bool) -> None:
        """Work through affected nodes in dialog order (keys as in `_readers`), so every
        condition is evaluated once, after all it reads is final."""
        heapify(heap)
        ix, record = self.ix, self._record
        applies, topic_on, qs = self._applies, self._topic_on, self._qs
        queued = set(heap)
        while heap:
            key = heappop(heap)
            if key & 1:  # a topic's own condition
                first = (key + 1) // 2
                ti = ix.topic_of[first]
                on = evaluate(self._topics[ti].when, record)
                if on != topic_on[ti] or force:
                    topic_on[ti] = on
                    changed.append("")  # a topic flip may change what waits
                    for p in range(*ix.topic_span[ti]):
                        if 2 * p not in queued:
                            queued.add(2 * p)
                            heappush(heap, 2 * p)
                continue
            pos = key // 2
            q = qs[pos]
            now = topic_on[ix.topic_of[pos]] and (q.when is None or evaluate(q.when, record))
            if now != applies[pos]:
                applies[pos] = now
                self._flips.append(q.id)
                self._dirty_pos.add(pos)
                self._relevant = None
            if self._set_entry(pos, q.id):
                changed.append(q.id)
                for k in self._readers(q.id, queued):
                    queued.add(k)
                    heappush(heap, k)

    def _record_changed(self, changed: list[str]) -> None:
        self.version += 1
        ix = self.ix
        if not ix.waiting_topics or ix.waiting_reads.isdisjoint(changed):
            return
        for ti in ix.waiting_topics:
            topic = self._topics[ti]
            waiting = self._topic_on[ti] and evaluate(topic.waiting_when, self._record)
            if waiting != self._waiting[ti]:
                self._waiting[ti] = waiting
                self._dirty.add(ti)

    def _reorder(self) -> None:
        order = self.ix.order
        items = sorted(self._record.items(), key=lambda kv: order[kv[0]])
        self._record.clear()
        self._record.update(items)
        self._last = order[items[-1][0]]

    # -- rechecked questions ----------------------------------------------------------
    def begin(self) -> None:
        """Start collecting the questions whose applicability an intent changes."""
        self._flips.clear()

    def flipped(self) -> tuple[str, ...]:
        """Questions that apply now and did not at `begin`, or the other way round."""
        if not self._flips:
            return ()  # most answers flip nothing
        odd = {qid for qid in self._flips if self._flips.count(qid) % 2}
        return tuple(sorted(odd, key=self.ix.order.__getitem__))

    # -- queries --------------------------------------------------------------------
    @property
    def record(self) -> dict[str, Any]:
        """The answers that count, in dialog order (the live dict: copy it to keep it)."""
        return self._record

    def applies(self, qid: str) -> bool:
        return self._applies[self.ix.order[qid]]

    def relevant(self) -> tuple[Question, ...]:
        if self._relevant is None:
            self._relevant = tuple(q for q, on in zip(self._qs, self._applies, strict=True) if on)
        return self._relevant

    def waiting(self) -> bool:
        return any(self._waiting)

    def waiting_topics(self) -> list[Topic]:
        return [t for t, w in zip(self._topics, self._waiting, strict=True) if w]

    def next_open(self, mode: str, after: str | None) -> Question | None:
        """The first open question after `after` in dialog order, wrapping around once."""
        qs, applies, record, skipped = self._qs, self._applies, self._record, self.state.skipped
        alone = mode == "pre_intake"
        start = self.ix.order.get(after, -1) + 1 if after is not None else 0
        for pos, end in ((start, len(qs)), (0, start)):
            while pos < end:
                try:  # the next question that applies, found in C (conditional ones are often off)
                    pos = applies.index(True, pos, end)
                except ValueError:
                    break
                q = qs[pos]  # open: applies, neither answered nor skipped, asked in this mode
                if q.id not in record and q.id not in skipped and (not alone or q.pre_intake):
                    return q
                pos += 1
        return None

    def previous_relevant(self, mode: str, before: str) -> Question | None:
        for pos in range(self.ix.order[before] - 1, -1, -1):
            if self._applies[pos] and askable(self._qs[pos], mode):
                return self._qs[pos]
        return None
