"""Many case files in one process: one JSON object per line (JSON Lines).

What a gemeente needs after a rule or policy change: re-check every proposal
at once. The dialog, the rules and the catalogs are loaded once; each file is
replayed on its own, so a bad file gives its own line — which file, which
field, what is wrong — and the others are still replayed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from assistant.i18n import _


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for its *.json files, in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
            out.extend(found or [path])  # an empty folder is reported as a bad "file"
        else:
            out.append(path)
    return out


def lines(paths: list[Path], tr, save_to=None) -> Iterator[dict]:
    """One result object per case file, in order; `ok` says whether it was replayed."""
    from assistant.dialog.loader import load_dialog
    from assistant.base.errors import describe
    from assistant.outcome.compute import replay_extras
    from assistant.outcome.cases import CaseInvalid, read_case, run

    dialog = load_dialog()
    for path in expand(paths):
        name = str(path)
        if path.is_dir():
            yield _failed(name, [("file", tr(_("In deze map staan geen casusbestanden (.json).")))])
            continue
        try:
            result = run(dialog, read_case(path), replay_extras, save_to)
        except CaseInvalid as exc:
            yield _failed(name, [(field, tr(msg)) for field, msg in exc.problems])
        except Exception as exc:  # one broken case must not stop the others; the message names no data
            yield _failed(name, [("case", tr(describe(exc)))])
        else:
            yield {"file": name, "ok": True, **result}


def _failed(name: str, problems: list[tuple[str, str]]) -> dict:
    return {"file": name, "ok": False,
            "errors": [{"field": field, "message": message} for field, message in problems]}
