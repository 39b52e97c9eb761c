"""The store's one exception, apart so that the store's helpers need not import the store.

Each `code` has its message here: what happened and what to do, in words
(the details, such as the session or the path, fill it in).
"""

from __future__ import annotations

from typing import Any

from assistant.base.errors import AppError
from assistant.base.messages import Msg, _

MESSAGES = {
    "in_use": _("Deze intake is al open in een ander venster of op een andere computer. "
                "Sluit hem daar eerst. Er is niets veranderd."),
    "no_session": _("Er is geen intake met nummer {session}. Kijk het nummer na met: intake list."),
    "unreadable": _("Het opslagbestand {path} kan niet worden gelezen. Kies een ander bestand met --store, "
                    "of vraag de beheerder om hulp."),
    "busy": _("Het opslagbestand is even bezet. Probeer het over een paar seconden opnieuw."),
    "write_failed": _("Het antwoord kon niet worden bewaard. Er is niets veranderd. Probeer het opnieuw."),
    "disk_full": _("De schijf is vol; het laatste antwoord is niet bewaard. "
                   "Maak ruimte vrij en probeer het opnieuw."),
    "unreachable": _("De database {path} is niet bereikbaar. Kijk of de server draait, "
                     "of vraag de beheerder om hulp."),
    "no_store": _("Er is nog geen opslagbestand in {path}. Begin eerst een intake."),
    "newer_store": _("Het opslagbestand {path} komt van een nieuwere versie van de intake-assistent. "
                     "Installeer die versie."),
    "wrong_key": _("De sleutel past niet bij het opslagbestand {path}. Gebruik de sleutel waarmee het is gemaakt. "
                   "Kijk in docs/privacy.md."),
    "key_unreadable": _("Het sleutelbestand {path} kan niet worden gelezen. Zet de juiste sleutel terug. "
                        "Kijk in docs/privacy.md."),
    "no_salt": _("Het opslagbestand {path} is niet compleet. Vraag de beheerder om hulp."),
    "damaged": _("Intake {session} is beschadigd bij stap {seq}. Draai 'intake verify' en vraag de beheerder om hulp."),
}


class StoreError(AppError):
    """A store problem the person can act on (`code` selects the message)."""

    def __init__(self, code: str, **details: Any) -> None:
        template = MESSAGES[code]  # every code the store raises has its message here
        super().__init__(Msg(template.msgid, template.context, details))
        self.args = (code,)
        self.code = code
        self.details = details
