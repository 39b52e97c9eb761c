"""The practice guards, for the front ends: the names of `assistant.engine.training_guard`.

The guards live in the engine layer because the export in `assistant.outcome`
calls them too, and outcome sits below training; the front ends may import
them from either module.
"""

from assistant.engine.training_guard import (
    MARK,
    TRAINING,
    TrainingRefused,
    is_training,
    mark_document,
    refuse_duo_export,
    refuse_lbt_import,
    store_for,
)

__all__ = ["MARK", "TRAINING", "TrainingRefused", "is_training", "mark_document", "refuse_duo_export",
           "refuse_lbt_import", "store_for"]
