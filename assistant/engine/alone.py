"""What the pre-intake counts: only the questions the inburgeraar is asked alone.

The tracker counts every question that applies; in a pre-intake the
consulent-only and sensitive ones are never asked, so "39/51" and topics that
stay "open" would tell the inburgeraar they did not finish. This view counts
the askable questions only and marks a topic without any as not applicable.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from assistant.dialog.model import Dialog
from assistant.engine.progress import ProgressView, TopicStatus, askable, status_of


def alone_view(dialog: Dialog, view: ProgressView, record: Mapping[str, Any], skipped: Collection[str],
               topics: tuple[TopicStatus, ...]) -> tuple[int, int, tuple[TopicStatus, ...]]:
    """(answered, total, topic statuses) over the questions a pre-intake asks."""
    asked = [q for q in view.relevant() if askable(q, "pre_intake")]
    answered = sum(1 for q in asked if q.id in record or q.id in skipped)
    by_topic: dict[str, list[str]] = {}
    for q in asked:
        by_topic.setdefault(q.topic, []).append(q.id)
    out = []
    for t in topics:
        status = status_of(by_topic.get(t.id, []), record, skipped)
        out.append(t if t.status == status else replace(t, status=status))
    return answered, len(asked), tuple(out)
