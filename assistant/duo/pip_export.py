"""The confirmed PIP as DUO's message, and the check that DUO would accept it.

`pip_body` builds the `Gemeente` object ({gemeentecode, pip: PIP}) that the
replay contract exports as `pip_duo`; `pip_request_body` is its `pip` part,
which is the request body of DUO's ``POST /personen/{bsn}/pip``.
`validate_pip_body` runs the JSON-Schema check against the project's copy of
DUO's schema *and* DUO's business rules (assistant.advice.duo_rules), so a
message that passes here breaks neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.advice import duo_rules
from assistant.advice.decision import Decision
from assistant.duo import schema
from assistant.i18n import C_, Msg, translator

PIP_FIELDS = ("dagtekeningPip", "leerroute", "niveau", "geschatteIntensiteitB1Route",
              "indicatorMagOpleidingAfmaken", "indicatorAlfabetiseringsonderwijs")


def pip_request_body(decision: Decision) -> dict[str, Any]:
    """DUO's `PIP` object for a confirmed decision."""
    pip: dict[str, Any] = {
        "dagtekeningPip": decision.dagtekening_pip.isoformat(),
        "leerroute": decision.leerroute,
    }
    if decision.niveau is not None:  # optional since v1.1.3; absent for the Z-route
        pip["niveau"] = decision.niveau
    intensity = decision.get("geschatte_intensiteit_b1_route")
    if intensity is not None:
        pip["geschatteIntensiteitB1Route"] = int(intensity)
    finish = decision.get("mag_opleiding_afmaken")
    if finish is not None:
        pip["indicatorMagOpleidingAfmaken"] = bool(finish)
    pip["indicatorAlfabetiseringsonderwijs"] = decision.alfabetisering
    return pip


def pip_body(decision: Decision, record: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """DUO's `Gemeente` object: the gemeentecode with the PIP (intake-record.md `pip_duo`).

    `record` is accepted for symmetry with the other exports; every value comes
    from the decision, which already holds the checked record.
    """
    return {"gemeentecode": decision.gemeentecode, "pip": pip_request_body(decision)}


def pip_body_problems(body: Any, *, first_pip: bool = True, doelgroep: str | None = None) -> list[Msg]:
    """Everything wrong with a `Gemeente` body: schema errors first, then business rules."""
    out = [C_("duo.schema", "Het bericht klopt niet met het schema van DUO: {fout}", fout=e)
           for e in schema.errors("pip", "Gemeente", body)]
    pip = body.get("pip") if isinstance(body, Mapping) else None
    if isinstance(pip, Mapping):
        extra = [k for k in pip if k not in PIP_FIELDS]
        out += [C_("duo.schema", "Het veld {veld} kent DUO niet in een PIP.", veld=k) for k in extra]
        for field, msg in duo_rules.problems(pip.get("leerroute"), pip.get("niveau"), first_pip=first_pip,
                                             intensiteit=pip.get("geschatteIntensiteitB1Route"),
                                             doelgroep=doelgroep):
            out.append(C_("duo.regel", "Veld pip.{veld}: {uitleg}", veld=field, uitleg=msg))
    return out


def validate_pip_body(body: Any, *, first_pip: bool = True, doelgroep: str | None = None) -> list[str]:
    """Empty when DUO's schema and business rules accept `body`; otherwise Dutch lines naming the field."""
    tr = translator("nl")
    return [tr(m) for m in pip_body_problems(body, first_pip=first_pip, doelgroep=doelgroep)]
