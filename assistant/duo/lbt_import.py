"""Importing a leerbaarheidstoets result as DUO delivers it (`Resultaat`) into intake answers.

DUO's ``GET /personen/{bsn}/lbt/resultaten`` returns a list of `Resultaat`
objects: {resultaat, behaaldeScore "dd,dd", benodigdeScore, datumAfname}. The
message is checked against the project's copy of DUO's schema before anything
is applied, and a malformed message is refused whole, with a message naming
the field: nothing is half-applied.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from assistant.base.errors import FieldError
from assistant.base.text import clean
from assistant.duo import schema
from assistant.i18n import C_

RESULTAAT = {
    "B1-route haalbaar": "b1_haalbaar",
    "B1-route niet haalbaar": "b1_niet_haalbaar",
    "Onbekend": "onbekend",
}


class LbtImportError(FieldError, ValueError):
    """DUO's LBT message is malformed; `.field` names the field, `.msg` explains."""


def import_lbt_result(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The intake answers for one `Resultaat`: lbt_status, lbt_resultaat and both scores."""
    if not isinstance(payload, Mapping):
        raise LbtImportError("(bericht)", C_("duo.lbt", "Het bericht van DUO is geen Resultaat-object."))
    field = schema.field_of("leerbaarheidstoets", "Resultaat", dict(payload))
    if field is not None:
        raise LbtImportError(field, C_(
            "duo.lbt", "Het bericht van DUO over de leerbaarheidstoets klopt niet: veld {veld} ontbreekt of is fout.",
            veld=field))
    return {
        "lbt_status": "afgenomen",
        "lbt_resultaat": RESULTAAT[payload["resultaat"]],
        "lbt_behaalde_score": clean(payload["behaaldeScore"]),
        "lbt_benodigde_score": clean(payload["benodigdeScore"]),
    }


def import_lbt_results(payload: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The answers for DUO's list response: the most recent result by `datumAfname`."""
    if not isinstance(payload, Sequence) or isinstance(payload, (str, bytes)) or not payload:
        raise LbtImportError("(bericht)", C_(
            "duo.lbt", "Het bericht van DUO bevat geen uitslag van de leerbaarheidstoets."))
    checked = [(import_lbt_result(item), item) for item in payload]
    latest = max(checked, key=lambda pair: date.fromisoformat(pair[1]["datumAfname"]))
    return latest[0]


def datum_afname(payload: Mapping[str, Any]) -> date:
    """The date DUO registered the result (kept apart: it is not an intake-record answer)."""
    import_lbt_result(payload)
    return date.fromisoformat(payload["datumAfname"])
