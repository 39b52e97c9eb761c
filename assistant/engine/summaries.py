"""Per-topic summaries of a `Tracker`: status, open mandatory questions, counts.

Recomputed only for the topics an event touched (the tracker marks them
dirty); totals, the list of missing questions and the tuple of `TopicStatus`
objects are patched from those, so a step after an answer costs a few dict
lookups instead of a pass over the dialog. Split from tracker.py (one job
each): this mixin reads the tracker's `_applies`, `_record`, `_waiting`,
`_dirty`, `_qs`, `_topics`, `ix` and `state`, and keeps its own caches
(`_init_summaries`).
"""

from __future__ import annotations

from itertools import chain

from assistant.engine.progress import DONE, NOT_APPLICABLE, OPEN, SKIPPED, WAITING, TopicStatus


class TopicSummary:
    __slots__ = ("status", "missing", "applying", "answered", "objects")

    def __init__(self, status: str, missing: tuple, applying: int, answered: int) -> None:
        self.status, self.missing, self.applying, self.answered = status, missing, applying, answered
        self.objects: tuple[TopicStatus, TopicStatus] = ()  # type: ignore[assignment]  # (not current, current)


class TopicSummaries:
    """The summary half of `Tracker` (see the module docstring for what it reads)."""

    def _init_summaries(self) -> None:
        n = len(self._topics)
        self._summaries: list[TopicSummary | None] = [None] * n
        self._missing: tuple[str, ...] | None = None
        self._statuses: dict[str | None, tuple[int, tuple[TopicStatus, ...]]] = {}  # None: no current topic
        self._status_version = 0                # bumped whenever a topic's status changes
        self._counts = (0, 0)                   # (answered, applying), patched per dirty topic
        memo = self.ix.memo  # per dialog, not per session: both are the same for every session
        self._status_objects: dict[tuple[int, str, bool], TopicStatus] = memo.setdefault("status_objects", {})
        self._topic_index = memo.get("topic_index") or memo.setdefault(
            "topic_index", {t.id: i for i, t in enumerate(self._topics)})
        self._topic_rows = self.ix.topic_rows

    def missing(self) -> list[str]:
        return list(self.missing_ids())

    def missing_ids(self) -> tuple[str, ...]:
        """Mandatory questions that apply and are neither answered nor skipped, in dialog order."""
        self._all_summaries()
        if self._missing is None:
            self._missing = tuple(chain.from_iterable([s.missing for s in self._summaries]))
        return self._missing

    def progress(self, mode: str, current: str | None) -> tuple:
        """(answered, total, topic statuses, missing, waiting): what a `Step` shows, in one call."""
        if self._dirty:
            self._all_summaries()
        answered, total = self._counts
        return answered, total, self.topic_statuses(mode, current), self.missing_ids(), any(self._waiting)

    def counts(self) -> tuple[int, int]:
        """(answered or skipped, applying) over the whole dialog."""
        self._all_summaries()
        return self._counts

    def topic_statuses(self, mode: str, current: str | None) -> tuple[TopicStatus, ...]:
        summaries = self._all_summaries()
        cached = self._statuses.get(current)
        if cached is not None and cached[0] == self._status_version:
            return cached[1]  # no status changed: the same tuple, no new objects
        base = self._statuses.get(None)
        if base is None or base[0] != self._status_version:
            base = self._statuses[None] = (self._status_version, tuple(s.objects[0] for s in summaries))
        result = base[1]
        ti = self._topic_index.get(current)
        if ti is not None:
            result = result[:ti] + (summaries[ti].objects[1],) + result[ti + 1:]
        self._statuses[current] = (self._status_version, result)
        return result

    def _all_summaries(self) -> list[TopicSummary]:
        """Recompute the summaries of the topics marked dirty; keep totals and versions in step."""
        if self._dirty:
            answered, applying = self._counts
            for ti in self._dirty:
                old, new = self._summaries[ti], self._summarise(ti)
                self._summaries[ti] = new
                if old is None or old.status != new.status:
                    self._status_version += 1
                    new.objects = (self._status_object(ti, new.status, False),
                                   self._status_object(ti, new.status, True))
                else:
                    new.objects = old.objects
                if old is None or old.missing != new.missing:
                    self._missing = None
                if old is not None:
                    answered, applying = answered - old.answered, applying - old.applying
                answered, applying = answered + new.answered, applying + new.applying
            self._counts = (answered, applying)
            self._dirty.clear()
        return self._summaries  # type: ignore[return-value]

    def _status_object(self, ti: int, status: str, current: bool) -> TopicStatus:
        """One frozen `TopicStatus` per (topic, status, current), made once for the dialog and shared."""
        key = (ti, status, current)
        obj = self._status_objects.get(key)
        if obj is None:
            topic = self._topics[ti]
            obj = self._status_objects[key] = TopicStatus(topic.id, topic.title_msg(), status, current,
                                                          topic.required_by)
        return obj

    def _summarise(self, ti: int) -> TopicSummary:
        record, skipped, applies = self._record, self.state.skipped, self._applies
        applying = answered = n_open = n_skipped = 0
        missing: list[str] = []
        for pos, qid, mandatory in self._topic_rows[ti]:
            if not applies[pos]:
                continue
            applying += 1
            if qid in record:
                answered += 1
            elif qid in skipped:
                answered += 1
                n_skipped += 1
            else:
                n_open += 1
                if mandatory:
                    missing.append(qid)
        if self._waiting[ti]:
            status = WAITING
        elif not applying:
            status = NOT_APPLICABLE
        elif n_open:
            status = OPEN
        elif n_skipped:
            status = SKIPPED
        else:
            status = DONE
        return TopicSummary(status, tuple(missing), applying, answered)
