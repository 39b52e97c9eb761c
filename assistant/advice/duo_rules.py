"""DUO's business rules for a PIP that its JSON schema does not express.

From DUO's PIP API (its specification's descriptions and validations; law key `duo_pip`): A2 is never
allowed with the onderwijsroute; B1 never with the Z-route; A2 with the
B1-route is refused on a person's first PIP (afschalen comes later, Wet art.
17); `geschatteIntensiteitB1Route` only for asielstatushouders in the B1-route.
`niveau` is optional since PIP API v1.1.3 and only means something within the
B1-route; the project leaves it out for the Z-route (see advice.decision).
One function, used both by the consulent's decision and by the export check,
so the two can never disagree.
"""

from __future__ import annotations

from assistant.i18n import C_, Msg

ROUTES = ("B", "O", "Z")
LEVELS = ("A2", "B1")


def problems(leerroute: str | None, niveau: str | None, *, first_pip: bool,
             intensiteit: int | None = None, doelgroep: str | None = None) -> list[tuple[str, Msg]]:
    """(field, message) for every DUO rule the combination breaks; empty when fine."""
    out: list[tuple[str, Msg]] = []
    if leerroute == "O" and niveau == "A2":
        out.append(("niveau", C_("duo.regel", "Bij de onderwijsroute mag het niveau nooit A2 zijn. Kies niveau B1.")))
    if leerroute == "Z" and niveau == "B1":
        out.append(("niveau", C_("duo.regel", "Bij de Z-route mag het niveau nooit B1 zijn. Laat het niveau leeg.")))
    if leerroute == "B" and niveau == "A2" and first_pip:
        out.append(("niveau", C_("duo.regel",
                                 "Bij een eerste PIP met de B1-route mag het niveau niet A2 zijn. "
                                 "Afschalen naar A2 kan pas later, na veel inzet.")))
    if intensiteit is not None and (leerroute != "B" or doelgroep not in (None, "asielstatushouder")):
        out.append(("geschatteIntensiteitB1Route", C_(
            "duo.regel", "Een geschatte intensiteit van de B1-route hoort alleen bij een asielstatushouder "
                         "in de B1-route.")))
    return out
