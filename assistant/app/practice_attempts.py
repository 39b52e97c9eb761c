"""Score an attempt and store the score first: shared by `training score` and `training start`.

The score is committed to the training store before any feedback is shown
(nothing is lost when the terminal closes while the report prints).
"""

from __future__ import annotations

from pathlib import Path

from assistant.training.cases import PracticeCase


def score_and_save(case: PracticeCase, raw, training_store: Path, trainee: str | None) -> dict:
    """Score, then store the score (durable before it is shown) under the trainee's name."""
    from assistant.training.scoring import score
    from assistant.store.practice import default_trainee, save_score

    result = score(case, raw)
    result["trainee"] = trainee or result.get("trainee") or default_trainee()
    save_score(training_store, result["trainee"], _plain(result))
    return result


def _plain(result: dict) -> dict:
    from assistant.i18n import translator
    from assistant.training.feedback import jsonable

    return jsonable(result, translator("nl"))
