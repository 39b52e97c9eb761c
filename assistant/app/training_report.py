"""The trainer's overview: per trainee and case the scores over time, and the mistakes most made.

Read from the training store only; nothing here touches real sessions.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from assistant.store.practice import ScoreRow, scores

TOP_MISTAKES = 5


def build(rows: list[ScoreRow], trainee: str | None = None) -> dict[str, Any]:
    rows = [r for r in rows if trainee is None or r.trainee == trainee]
    people: dict[str, dict[str, Any]] = {}
    for r in rows:
        person = people.setdefault(r.trainee, {"trainee": r.trainee, "cases": {}, "mistakes": Counter()})
        case = person["cases"].setdefault(r.case_id, {"case": r.case_id, "scores": []})
        case["scores"].append({"at": r.at, "score": r.score})
        person["mistakes"].update(r.mistakes)
    all_mistakes = Counter(m for r in rows for m in r.mistakes)
    return {
        "trainees": [{"trainee": p["trainee"], "cases": list(p["cases"].values()),
                      "most_made_mistakes": _top(p["mistakes"])} for p in people.values()],
        "most_made_mistakes": _top(all_mistakes),
    }


def _top(counter: Counter[str]) -> list[dict[str, Any]]:
    return [{"mistake": m, "count": n} for m, n in counter.most_common(TOP_MISTAKES)]


def report(training_store: Path, trainee: str | None = None) -> dict[str, Any]:
    """The overview of every scored attempt in the training store (for one trainee)."""
    return build(scores(training_store), trainee)
