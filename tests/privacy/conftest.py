"""A fresh HOME without configuration, and an intake full of values nobody else would type."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

# Values that appear nowhere in the code, the dialog or the catalogs: if one of
# them is found in a file the app wrote, that file leaks.
DISTINCT = {
    "beroep": "Zwaluwstaartmaker",
    "land_herkomst": "Qwertyvanuatu",
    "talen_gesproken": "Klingonees-Quenya",
    "gezondheid_beperking": "blijvend",
}
NOTE = "Notitie over Pelikaanschuld"
MOTIVATION = "Motivering Flamingovoorstel met genoeg woorden"
SECRETS = [DISTINCT["beroep"], DISTINCT["land_herkomst"], DISTINCT["talen_gesproken"], NOTE,
           "Flamingovoorstel", "gezondheid_beperking", "blijvend"]


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    """HOME is an empty folder; no XDG, store, config or passphrase variables."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "INTAKE_STORE", "INTAKE_CONFIG_DIR",
                "INTAKE_STORE_PASSPHRASE", "INTAKE_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    from assistant.base.identity import consulent_name

    consulent_name.cache_clear()
    yield home
    consulent_name.cache_clear()


def run_full_intake(store, today, *, decide: bool = True):
    """A complete intake with the distinctive values, a note and (optionally) the decision."""

    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake
    from assistant.outcome.compute import compute
    from tests.helpers.answers import sample_input

    prefer = {"inburgeringsplichtig": "ja", "doelgroep": "asielstatushouder", "lbt_status": "afgenomen",
              "lbt_resultaat": "b1_haalbaar", "bijstand": "ja", "hoofddoel": "werk", "kinderen_leeftijden": "2, 7",
              "beroep": DISTINCT["beroep"], "land_herkomst": DISTINCT["land_herkomst"],
              "talen_gesproken": DISTINCT["talen_gesproken"]}
    dialog = load_dialog()
    intake = Intake.start(store, dialog, today=today)
    rng = random.Random(3)
    step = intake.step()
    while step.kind == "question":
        q = step.question
        raw = "3" if q.id == "gezondheid_beperking" else sample_input(q, rng, prefer)
        step = intake.answer(raw)
        assert step.error is None, (q.id, step.error)
    assert intake.record["gezondheid_beperking"] == DISTINCT["gezondheid_beperking"]
    intake.add_note(dialog.topics[0].id, NOTE)
    if decide:
        intake.submit()
        besluit = {"akkoord": True, "dagtekening_pip": today().isoformat(), "gemeentecode": "0363",
                   "motivatie": MOTIVATION}
        outcome = compute(dict(intake.record), today(), besluit)
        intake.decide(besluit, outcome.decision.event())
    sid = intake.id
    intake.close()
    return sid


def raw_files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leaks(folder: Path, secrets=SECRETS) -> list[tuple[str, str]]:
    """(file, value) for every secret found in any file, as UTF-8 or JSON-escaped."""
    import json

    found = []
    for path, data in raw_files(folder).items():
        for s in secrets:
            forms = {s.encode("utf-8"), json.dumps(s).strip('"').encode("ascii"), s.encode("utf-16-le")}
            if any(f in data for f in forms):
                found.append((str(path), s))
    return found
