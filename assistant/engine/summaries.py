"""Per-topic summaries of a `Tracker`: status, open mandatory questions, counts.

Recomputed only for the topics an event touched (the tracker marks them
dirty); totals, the list of missing questions and the tuple of `TopicStatus`
objects are patched from those, so a step after an answer costs one pass over
one topic instead of a pass over the dialog. Split from tracker.py (one job
each): this mixin reads the tracker's `_applies`, `_record`, `_waiting`,
`_dirty`, `_topics`, `ix` and `state`, and keeps its own caches
(`_init_summaries`).
"""

from __future__ import annotations

from itertools import chain

from assistant.engine.progress import DONE, NOT_APPLICABLE, OPEN, SKIPPED, WAITING, TopicStatus


class TopicSummaries:
    """The summary half of `Tracker` (see the module docstring for what it reads)."""

    def _init_summaries(self) -> None:
        n = len(self._topics)
        # Per topic, as of the last flush: status, open mandatory questions, applying, answered or skipped.
        self._t_status: list[str | None] = [None] * n
        self._t_missing: list[tuple[str, ...]] = [()] * n
        self._t_applying = [0] * n
        self._t_answered = [0] * n
        self._plain: list[TopicStatus | None] = [None] * n  # each topic's status object, not current
        self._missing: tuple[str, ...] | None = None         # all topics' missing, joined when asked
        self._counts = (0, 0)                                 # (answered or skipped, applying)
        self._views: dict[str | None, tuple[TopicStatus, ...]] = {}  # by current topic; cleared on a change
        memo = self.ix.memo  # per dialog, not per session: both are the same for every session
        self._status_objects: dict[tuple[int, str, bool], TopicStatus] = memo.setdefault("status_objects", {})
        self._topic_index = memo.get("topic_index") or memo.setdefault(
            "topic_index", {t.id: i for i, t in enumerate(self._topics)})
        self._topic_rows = self.ix.topic_rows

    def missing(self) -> list[str]:
        return list(self.missing_ids())

    def missing_ids(self) -> tuple[str, ...]:
        """Mandatory questions that apply and are neither answered nor skipped, in dialog order."""
        if self._dirty:
            self._flush()
        if self._missing is None:
            self._missing = tuple(chain.from_iterable(self._t_missing))
        return self._missing

    def counts(self) -> tuple[int, int]:
        """(answered or skipped, applying) over the whole dialog."""
        if self._dirty:
            self._flush()
        return self._counts

    def progress(self, mode: str, current: str | None) -> tuple:
        """(answered, total, topic statuses, missing, waiting): what a `Step` shows, in one call."""
        answered, total = self.counts()
        return answered, total, self.topic_statuses(mode, current), self.missing_ids(), any(self._waiting)

    def topic_statuses(self, mode: str, current: str | None) -> tuple[TopicStatus, ...]:
        if self._dirty:
            self._flush()
        result = self._views.get(current)
        if result is None:  # made once per current topic until a status changes: no new objects
            result = tuple(self._plain)  # type: ignore[arg-type]
            ti = self._topic_index.get(current)
            if ti is not None:
                result = result[:ti] + (self._status_object(ti, self._t_status[ti], True),) + result[ti + 1:]
            self._views[current] = result
        return result

    def _flush(self) -> None:
        """Recompute the summaries of the topics marked dirty; patch totals and caches from them."""
        answered_all, applying_all = self._counts
        status_changed = False
        for ti in self._dirty:
            status, missing, applying, answered = self._summarise(ti)
            answered_all += answered - self._t_answered[ti]
            applying_all += applying - self._t_applying[ti]
            self._t_answered[ti], self._t_applying[ti] = answered, applying
            if status != self._t_status[ti]:
                self._t_status[ti] = status
                self._plain[ti] = self._status_object(ti, status, False)
                status_changed = True
            if missing != self._t_missing[ti]:
                self._t_missing[ti] = missing
                self._missing = None
        self._counts = (answered_all, applying_all)
        if status_changed:
            self._views.clear()
        self._dirty.clear()

    def _status_object(self, ti: int, status: str, current: bool) -> TopicStatus:
        """One frozen `TopicStatus` per (topic, status, current), made once for the dialog and shared."""
        key = (ti, status, current)
        obj = self._status_objects.get(key)
        if obj is None:
            topic = self._topics[ti]
            obj = self._status_objects[key] = TopicStatus(topic.id, topic.title_msg(), status, current,
                                                          topic.required_by)
        return obj

    def _summarise(self, ti: int) -> tuple[str, tuple[str, ...], int, int]:
        """(status, open mandatory questions, applying, answered or skipped) of one topic."""
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
        return status, tuple(missing), applying, answered
