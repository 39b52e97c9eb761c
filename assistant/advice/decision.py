"""The consulent's decision on a proposal: agree, or choose another route or level with a motivation.

The law leaves the choice to the gemeente; the assistant only makes sure it
is explicit and recorded. A deviation (or any choice where the rules asked the
consulent to decide) needs a motivation; DUO's business rules are enforced
here, before a PIP can exist. Every refusal is a `DecisionRefused` carrying the
field and a `Msg` that says what to do. The accepted decision yields an event
(actor, time, proposal vs choice, motivation) for the session's event log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from assistant.advice import duo_rules
from assistant.advice.proposal import Details, Proposal
from assistant.base.dates import in_range, iso_date
from assistant.base.errors import FieldError
from assistant.base.text import clean
from assistant.i18n import C_, Translator

GEMEENTECODE = re.compile(r"\d{4}")


class DecisionRefused(FieldError):
    """The decision cannot be taken as given; `.field` names what to change, `.msg` says how."""


@dataclass(frozen=True)
class Decision:
    proposal: Proposal
    akkoord: bool
    leerroute: str
    niveau: str | None  # DUO's level within the B1-route; None for the Z-route
    motivatie: str | None
    dagtekening_pip: date
    gemeentecode: str
    first_pip: bool
    details: Details
    actor: str
    at: datetime | None

    @property
    def afwijking(self) -> bool:
        return (self.leerroute, self.niveau) != (self.proposal.leerroute, self.proposal.niveau)

    @property
    def alfabetisering(self) -> str:
        value: str = self.details.get("alfabetisering")
        return value

    def get(self, key: str) -> Any:
        """Route-dependent values (map, pvt, hours, flags) for the chosen route."""
        return self.details.get(key)

    def event(self) -> dict[str, Any]:
        """The record for the event log. Answer values (health!) are not in it."""
        return {
            "type": "besluit",
            "actor": self.actor,
            "tijd": self.at.isoformat() if self.at else None,
            "akkoord": self.akkoord,
            "afwijking": self.afwijking,
            "voorstel": {"leerroute": self.proposal.leerroute, "niveau": self.proposal.niveau},
            "leerroute": self.leerroute,
            "niveau": self.niveau,
            "motivatie": self.motivatie,
            "dagtekening_pip": self.dagtekening_pip.isoformat(),
            "gemeentecode": self.gemeentecode,
            "eerste_pip": self.first_pip,
        }

    def to_json(self, tr: Translator) -> dict[str, Any]:
        out = self.event()
        out.update({"alfabetisering": self.alfabetisering, "map": self.get("map"), "pvt": self.get("pvt")})
        return out


def decide(proposal: Proposal, besluit: Mapping[str, Any], *, first_pip: bool = True,
           actor: str = "consulent", at: datetime | None = None) -> Decision:
    """Check the consulent's `besluit` (shape of intake-record.md) against the proposal and DUO's rules."""
    if not isinstance(besluit, Mapping):
        raise DecisionRefused("besluit", C_("besluit", "Het besluit ontbreekt."))
    akkoord = besluit.get("akkoord")
    if not isinstance(akkoord, bool):
        raise DecisionRefused("akkoord", C_("besluit", "Zeg of u akkoord bent met het voorstel: ja of nee."))
    if proposal.plicht != "ja":
        raise DecisionRefused("inburgeringsplichtig", C_(
            "besluit", "Er is geen inburgeringsplicht bekend. Een PIP kan pas als DUO de plicht heeft vastgesteld."))
    route, level = _choice(proposal, besluit, akkoord)
    details = proposal.for_route(route)
    if level is None:
        level = details.get("niveau")
    motivatie = _motivation(proposal, besluit, akkoord, route, level)
    for field, msg in duo_rules.problems(route, level, first_pip=first_pip):
        raise DecisionRefused(field, msg)
    if route == "Z" and level is not None:
        raise DecisionRefused("niveau", C_(
            "besluit", "Bij de Z-route hoort geen niveau voor DUO. Laat het niveau leeg. Het doel is niveau A1."))
    if proposal.facts.get("doelgroep") is None:
        raise DecisionRefused("doelgroep", C_(
            "besluit", "Vul eerst de doelgroep in. Die bepaalt de begeleiding in het PIP."))
    if details.get("alfabetisering") is None:
        raise DecisionRefused("geletterdheid", C_(
            "besluit", "Vul eerst in of de persoon kan lezen en schrijven (geletterdheid)."))
    dagtekening = _dagtekening(proposal, besluit.get("dagtekening_pip"))
    code = besluit.get("gemeentecode")
    if not isinstance(code, str) or not GEMEENTECODE.fullmatch(code):
        raise DecisionRefused("gemeentecode", C_(
            "besluit", "De gemeentecode moet uit precies vier cijfers bestaan, bijvoorbeeld 0363."))
    return Decision(proposal, akkoord, route, level, motivatie, dagtekening, code, first_pip, details, actor, at)


def _choice(proposal: Proposal, besluit: Mapping[str, Any], akkoord: bool) -> tuple[str, str | None]:
    if akkoord:
        if proposal.leerroute is None:
            raise DecisionRefused("leerroute", C_(
                "besluit", "Er is geen voorgestelde leerroute om mee akkoord te gaan. "
                           "Kies zelf een leerroute en schrijf op waarom."))
        for key, proposed in (("leerroute", proposal.leerroute), ("niveau", proposal.niveau)):
            if besluit.get(key) not in (None, proposed):
                raise DecisionRefused(key, C_(
                    "besluit", "U bent akkoord, maar kiest iets anders dan het voorstel. "
                               "Kies 'niet akkoord' en schrijf op waarom."))
        return proposal.leerroute, proposal.niveau
    route = besluit.get("leerroute")
    if route not in duo_rules.ROUTES:
        raise DecisionRefused("leerroute", C_(
            "besluit", "Kies een leerroute: B (B1-route), O (onderwijsroute) of Z (Z-route)."))
    level = besluit.get("niveau")
    if level is not None and level not in duo_rules.LEVELS:
        raise DecisionRefused("niveau", C_("besluit", "Kies niveau A2 of B1, of laat het niveau leeg."))
    return route, level


def _motivation(proposal: Proposal, besluit: Mapping[str, Any], akkoord: bool, route: str,
                level: str | None) -> str | None:
    raw = besluit.get("motivatie")
    text = clean(raw, multiline=True).strip() if isinstance(raw, str) else ""
    needed = not akkoord or proposal.consulent or (route, level) != (proposal.leerroute, proposal.niveau)
    if needed and len(text) < proposal.policy["motivatie_min_tekens"]:
        if proposal.consulent and akkoord:
            msg = C_("besluit", "De regels geven hier geen duidelijke uitkomst. Schrijf op waarom u dit kiest.")
        else:
            msg = C_("besluit", "U wijkt af van het voorstel. Schrijf op waarom (ten minste {n} tekens).",
                     n=proposal.policy["motivatie_min_tekens"])
        raise DecisionRefused("motivatie", msg)
    return text or None


def _dagtekening(proposal: Proposal, raw: Any) -> date:
    day = iso_date(raw)
    if day is None or not in_range(day.year):
        raise DecisionRefused("dagtekening_pip", C_("besluit", "Geef de datum van het PIP als JJJJ-MM-DD."))
    for key in ("datum_kennisgeving", "datum_inschrijving_brp"):
        earliest = proposal.facts.date(key)
        if earliest is not None and day < earliest:
            raise DecisionRefused("dagtekening_pip", C_(
                "besluit", "De datum van het PIP ligt voor {datum} ({veld}). Dat staat DUO niet toe.",
                datum=earliest, veld=key))
    return day
