"""The project keeps its own copy of DUO's schemas, with the source named, and uses a real validator."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.duo import schema

SHARED = Path(__file__).resolve().parents[3] / "shared" / "duo"


@pytest.mark.parametrize("name", ["pip", "leerbaarheidstoets"])
def test_copy_names_its_source(name):
    head = (schema.SCHEMA_DIR / f"{name}.openapi.yml").read_text(encoding="utf-8").splitlines()[:4]
    assert any("duonl/gemeente-m2m-inburgering" in line and "f4973d4" in line for line in head)


@pytest.mark.parametrize("name", ["pip", "leerbaarheidstoets"])
def test_copy_is_unchanged_below_the_header(name):
    if not (SHARED / f"{name}.openapi.yml").exists():
        pytest.skip("shared/duo not beside the project")
    ours = (schema.SCHEMA_DIR / f"{name}.openapi.yml").read_text(encoding="utf-8").splitlines()
    theirs = (SHARED / f"{name}.openapi.yml").read_text(encoding="utf-8").splitlines()
    assert ours[len(ours) - len(theirs):] == theirs


def test_validator_uses_duos_enums_patterns_and_date_format():
    good = {"gemeentecode": "0363", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "B"}}
    assert schema.errors("pip", "Gemeente", good) == []
    bad = {"gemeentecode": "36a3", "pip": {"dagtekeningPip": "2026-02-30", "leerroute": "Q",
                                          "indicatorAlfabetiseringsonderwijs": "AAA",
                                          "geschatteIntensiteitB1Route": 10000}}
    paths = {e.split(":")[0] for e in schema.errors("pip", "Gemeente", bad)}
    assert paths == {"gemeentecode", "pip.dagtekeningPip", "pip.leerroute",
                     "pip.indicatorAlfabetiseringsonderwijs", "pip.geschatteIntensiteitB1Route"}


def test_unknown_schema_name_is_an_error():
    with pytest.raises(KeyError):
        schema.validator("pip", "Bestaat")
