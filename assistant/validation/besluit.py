"""The consulent's `besluit`: only known fields, each of the right shape.

Checked before the advice module sees it (outcome.compute), for the replay
and for the proposal screen alike. The advice module still checks the rules
(DUO's business rules, when a motivation is needed); this checks what no
rule should ever have to handle: unknown fields, week dates, year 9999,
gemeentecodes in other digits or not in CBS's list, a motivation of
invisible characters or dots, or one of ten megabytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from assistant.base.text import clean
from assistant.i18n import _
from assistant.validation.values import Refused, has_surrogate, iso_date, visible_letters

FIELDS = ("akkoord", "leerroute", "niveau", "motivatie", "dagtekening_pip", "gemeentecode")
MOTIVATION_MAX = 2000
MOTIVATION_MIN_LETTERS = 10


@lru_cache(maxsize=1)
def gemeentecodes() -> frozenset[str]:
    """CBS's gemeentecodes as shipped in law/gemeentecodes.yaml (see its header for the source)."""
    import yaml

    from assistant.base import paths

    data = yaml.safe_load((paths.resource_dir("law") / "gemeentecodes.yaml").read_text(encoding="utf-8"))
    return frozenset(str(c) for c in data["codes"])


def check_besluit(besluit: Any) -> None:
    """Raise Refused(field, msg) for the first problem of shape; returns None when the shape is right."""
    if not isinstance(besluit, Mapping):
        raise Refused("besluit", _("'besluit' is een object met minstens het veld akkoord."))
    for key in besluit:
        if key not in FIELDS:
            field = "besluit." + clean(str(key))[:40]
            raise Refused(field, _("Onbekend veld in het besluit. Toegestaan: {allowed}.", allowed=", ".join(FIELDS)))
    for key, value in besluit.items():
        if isinstance(value, str) and has_surrogate(value):
            field = "besluit." + key
            raise Refused(field, _("In '{field}' staat een ongeldig teken. Typ de tekst opnieuw.", field=field))
    if "dagtekening_pip" in besluit:
        iso_date("besluit.dagtekening_pip", besluit["dagtekening_pip"])
    code = besluit.get("gemeentecode")
    if code is not None:
        if not isinstance(code, str) or len(code) != 4 or not (code.isascii() and code.isdigit()):
            raise Refused("besluit.gemeentecode", _("De gemeentecode is vier gewone cijfers, bijvoorbeeld 0363."))
        if code not in gemeentecodes():
            raise Refused("besluit.gemeentecode", _(
                "De gemeentecode {code} staat niet in de lijst van het CBS. Kijk de code na.", code=code))
    motivatie = besluit.get("motivatie")
    if motivatie is not None:
        if not isinstance(motivatie, str):
            raise Refused("besluit.motivatie", _("De motivatie is een tekst."))
        if len(motivatie) > MOTIVATION_MAX:
            raise Refused("besluit.motivatie", _("De motivatie is te lang. Schrijf hooguit {n} tekens.",
                                                 n=str(MOTIVATION_MAX)))
        text = clean(motivatie, multiline=True).strip()
        if text and visible_letters(text) < MOTIVATION_MIN_LETTERS:
            raise Refused("besluit.motivatie", _("Schrijf de motivatie in woorden: ten minste {n} letters.",
                                                 n=str(MOTIVATION_MIN_LETTERS)))
