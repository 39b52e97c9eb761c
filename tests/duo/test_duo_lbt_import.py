"""Importing DUO's leerbaarheidstoets Resultaat into intake answers; malformed messages are refused whole."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.advice.proposal import propose
from assistant.duo.lbt_import import LbtImportError, datum_afname, import_lbt_result, import_lbt_results
from assistant.i18n import translator

GOOD = {"resultaat": "B1-route niet haalbaar", "behaaldeScore": "48,50", "benodigdeScore": "50,00",
        "datumAfname": "2026-02-10"}


@pytest.mark.parametrize("duo, ours", [
    ("B1-route haalbaar", "b1_haalbaar"), ("B1-route niet haalbaar", "b1_niet_haalbaar"), ("Onbekend", "onbekend")])
def test_duo_results_map_to_record_answers(duo, ours):
    answers = import_lbt_result({**GOOD, "resultaat": duo})
    assert answers == {"lbt_status": "afgenomen", "lbt_resultaat": ours,
                       "lbt_behaalde_score": "48,50", "lbt_benodigde_score": "50,00"}


def test_imported_answers_drive_the_advice():
    rec = {"inburgeringsplichtig": "ja", "geboortedatum": "1990-01-01", "hoogste_opleiding": "basisonderwijs",
           "onderwijs_jaren": 6, "hoofddoel": "werk", "gezondheid_beperking": "geen", **import_lbt_result(GOOD)}
    p = propose(rec, today=date(2026, 3, 2))
    assert p.consulent and "L-GRENS" in [r.rule_id for r in p.reasons]


@pytest.mark.parametrize("change, field", [
    ({"resultaat": "B1 haalbaar"}, "resultaat"),
    ({"behaaldeScore": "48.5"}, "behaaldeScore"),
    ({"benodigdeScore": "1000,00"}, "benodigdeScore"),
    ({"datumAfname": "10-02-2026"}, "datumAfname"),
    ({"behaaldeScore": None}, "behaaldeScore"),
])
def test_malformed_message_is_refused_naming_the_field(change, field):
    with pytest.raises(LbtImportError) as info:
        import_lbt_result({**GOOD, **change})
    assert info.value.field == field
    assert field in translator("nl")(info.value.msg)


def test_missing_field_is_named():
    payload = {k: v for k, v in GOOD.items() if k != "benodigdeScore"}
    with pytest.raises(LbtImportError) as info:
        import_lbt_result(payload)
    assert info.value.field == "benodigdeScore"


def test_not_an_object_is_refused():
    with pytest.raises(LbtImportError):
        import_lbt_result(["B1-route haalbaar"])  # type: ignore[arg-type]
    with pytest.raises(LbtImportError):
        import_lbt_results([])


def test_list_response_takes_the_latest_result_and_checks_all():
    older = {**GOOD, "resultaat": "Onbekend", "datumAfname": "2026-01-01"}
    assert import_lbt_results([GOOD, older])["lbt_resultaat"] == "b1_niet_haalbaar"
    with pytest.raises(LbtImportError):
        import_lbt_results([GOOD, {**older, "resultaat": "?"}])
    assert datum_afname(GOOD) == date(2026, 2, 10)
