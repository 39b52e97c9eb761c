"""The practice cases that pass their checks, by id (what `intake training` works with).

Invalid files are skipped here; `intake check` reports them with file and line.
"""

from __future__ import annotations

from pathlib import Path

from assistant.base.errors import AppError
from assistant.base.messages import _
from assistant.training.cases import PracticeCase, build, case_files, read_raw
from assistant.training.validate import case_problems


class CaseNotFound(AppError):
    """No practice case with this id; the message says how to list them."""

    def __init__(self, case_id: str) -> None:
        super().__init__(_("Er is geen oefencasus '{id}'. Bekijk de casussen met: intake training list.",
                           id=case_id))
        self.case_id = case_id


def load_all(directory: Path | None = None) -> dict[str, PracticeCase]:
    """Every valid case by id (invalid files are left to `intake check` to report)."""
    out: dict[str, PracticeCase] = {}
    for path in case_files(directory):
        raw, problems = read_raw(path)
        if problems or case_problems(raw, path):
            continue
        out[raw["id"]] = build(raw, path)
    return out


def load_case(case_id: str, directory: Path | None = None) -> PracticeCase:
    cases = load_all(directory)
    if case_id not in cases:
        raise CaseNotFound(case_id)
    return cases[case_id]
