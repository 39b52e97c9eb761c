"""`intake replay`: case files through the engine, one or many, in memory or saved as sessions.

One file gives one result (or `CaseInvalid` naming every field that is
wrong). Many files, or a folder, give one result per file (JSON Lines):
what a gemeente needs after a rule or policy change, re-checking every
proposal at once. The dialog, the rules and the catalogs are loaded once; each
file is replayed on its own, so a bad file gives its own line (which file,
which field, what is wrong) and the others are still replayed.

With a save location every case is also stored as a session; a case with
``"mode": "training"`` goes to the training store beside it (`store_for`), so
it never shows in the real caseload.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.base.errors import describe
from assistant.base.paths import Location
from assistant.dialog.loader import load_dialog
from assistant.i18n import Translator, _
from assistant.outcome.cases import CaseInvalid, read_case, run
from assistant.outcome.compute import replay_extras
from assistant.store import open_store
from assistant.store.contract import SessionStore
from assistant.training.guard import store_for


class SaveStores:
    """The store a replayed case is saved in, by its mode; each opened once, when first needed."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self._open: dict[Path | str, SessionStore] = {}

    def __call__(self, mode: str) -> SessionStore:
        where = store_for(mode, self.location)
        if where not in self._open:
            self._open[where] = open_store(where)
        return self._open[where]

    def close(self) -> None:
        for store in self._open.values():
            store.close()


def replay_file(path: Path, save_to: Location | None = None) -> dict[str, Any]:
    """One case file's result (the replay contract); raises `CaseInvalid`, storing nothing then."""
    stores = SaveStores(save_to) if save_to is not None else None
    try:
        return run(load_dialog(), read_case(path), replay_extras, stores)
    finally:
        if stores is not None:
            stores.close()


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


def replay_files(paths: list[Path], tr: Translator, save_to: Location | None = None) -> Iterator[dict[str, Any]]:
    """One result object per case file, in order; `ok` says whether it was replayed."""
    stores = SaveStores(save_to) if save_to is not None else None
    try:
        yield from _lines(paths, tr, stores)
    finally:
        if stores is not None:
            stores.close()


def _lines(paths: list[Path], tr: Translator, stores: SaveStores | None) -> Iterator[dict[str, Any]]:
    dialog = load_dialog()
    for path in expand(paths):
        name = str(path)
        if path.is_dir():
            yield _failed(name, [("file", tr(_("In deze map staan geen casusbestanden (.json).")))])
            continue
        try:
            result = run(dialog, read_case(path), replay_extras, stores)
        except CaseInvalid as exc:
            yield _failed(name, [(field, tr(msg)) for field, msg in exc.problems])
        except Exception as exc:  # noqa: BLE001 - one broken case must not stop the others; no data in the message
            yield _failed(name, [("case", tr(describe(exc)))])
        else:
            yield {"file": name, "ok": True, **result}


def _failed(name: str, problems: list[tuple[str, str]]) -> dict[str, Any]:
    return {"file": name, "ok": False,
            "errors": [{"field": field, "message": message} for field, message in problems]}
