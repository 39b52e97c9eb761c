"""`intake check`: the dialogs, and for the shipped ones the law basis, training cases, catalogs and B1 Dutch.

Returns the problems as lines (each names its file and what to do); the
command line prints them and chooses the exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.advice.lawdata import articles
from assistant.dialog.loader import check_file, dialog_files
from assistant.dialog.model import Dialog
from assistant.dialog.record_contract import contract_problems


def run_checks(dialogs_dir: Path | None = None) -> tuple[int, list[str]]:
    """(number of dialog files, every problem found); no files at all is (0, [])."""
    problems: list[str] = []
    files = dialog_files(dialogs_dir)
    for path in files:
        result = check_file(path)
        problems += [str(p) for p in result.problems]
        if result.dialog is not None and dialogs_dir is None:  # the record contract and law/ bind the shipped dialog
            problems += [str(p) for p in contract_problems(result.dialog)]
            problems += basis_problems(result.dialog)
    if files and dialogs_dir is None:
        for name, runner in _project_checks():
            problems += [f"{name}: {p}" for p in runner()]
    return len(files), problems


def basis_problems(dialog: Dialog) -> list[str]:
    """Every topic's legal or guidance basis must be an entry of law/articles.yaml."""
    known = articles()
    return [f"{dialog.path}:{t.line}: [{t.id}] basis '{t.basis}' is not in law/articles.yaml; "
            "add it there with its source"
            for t in dialog.topics if t.basis and t.basis not in known]


def _project_checks() -> list[tuple[str, Callable[[], list[Any]]]]:
    """The checks of the shipped material besides the dialogs: practice cases, catalogs, readability."""
    from assistant.i18n.checks import run_all_checks
    from assistant.i18n.readability import readability_problems
    from assistant.training.validate import all_problems as training_problems

    return [("training", lambda: [str(p) for p in training_problems()]),
            ("catalogs", run_all_checks),
            ("readability", readability_problems)]
