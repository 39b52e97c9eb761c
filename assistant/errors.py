"""One place that turns any failure into a message a person can act on.

Known failures carry a catalog message that says what happened and what to do;
anything unexpected gets a general message that names the kind of problem but
never the data (answers can be special-category personal data and must not
end up on screens or in logs). Only where an intake was open does the message
promise that the answers so far are kept: a headless command stores nothing
that such a promise could be about.
"""

from __future__ import annotations

import errno

from assistant.i18n import Msg, _

_STORE_MESSAGES = {
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


def describe(exc: BaseException, *, intake_open: bool = True) -> Msg:
    """The message for `exc`; `intake_open` is False for headless commands.

    It imports nothing that could itself be missing or broken (the failure
    being described may be exactly that): an exception class of ours is only
    looked up when its module was already imported, since otherwise `exc`
    cannot be one of its instances.
    """
    import sqlite3

    store_error = _loaded("assistant.store.errors", "StoreError")
    if store_error and isinstance(exc, store_error):
        template = _STORE_MESSAGES.get(exc.code)
        if template is not None:
            return Msg(template.msgid, template.context, exc.details)
    database_error = _loaded("psycopg", "Error")  # the PostgreSQL store lost its server mid-way
    if database_error and isinstance(exc, database_error):
        unreachable = _STORE_MESSAGES["unreachable"]
        return Msg(unreachable.msgid, unreachable.context, {"path": "PostgreSQL"})
    for module, name in (("assistant.engine.session", "SessionError"), ("assistant.outcome", "DecisionInvalid")):
        cls = _loaded(module, name)
        if cls and isinstance(exc, cls):
            return exc.msg
    dialog_invalid = _loaded("assistant.dialog.loader", "DialogInvalid")
    if dialog_invalid and isinstance(exc, dialog_invalid):
        return _("De vragenlijst heeft fouten. Draai 'intake check' om ze te zien.")
    if isinstance(exc, ModuleNotFoundError):
        return _("Een onderdeel van het programma ontbreekt: de module {module}. "
                 "Installeer het programma opnieuw: ./start doet dat vanzelf, "
                 "of gebruik: pip install intake-assistent.", module=exc.name or "?")
    if isinstance(exc, sqlite3.DatabaseError):
        return _("Het opslagbestand is beschadigd en kan niet worden gelezen. Er is niets veranderd. "
                 "Zet een reservekopie terug, of kies een ander bestand met --store.")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        if intake_open:
            return _STORE_MESSAGES["disk_full"]
        return _("De schijf is vol. Er is niets geschreven. Maak ruimte vrij en probeer het opnieuw.")
    if isinstance(exc, PermissionError):
        return _("Geen toegang tot een bestand. Kies een andere map met --store.")
    if isinstance(exc, OSError):
        return _("Een bestand kon niet worden gelezen of geschreven. Kijk of de schijf vol is en probeer het opnieuw.")
    if intake_open:
        return _("Er ging iets mis ({kind}). Uw antwoorden tot nu toe zijn bewaard. "
                 "Start de intake opnieuw om verder te gaan.", kind=type(exc).__name__)
    return _("Er ging iets mis in het programma ({kind}). De opdracht is gestopt. "
             "Meld dit aan de beheerder, met de opdracht die u gaf.", kind=type(exc).__name__)


def _loaded(module: str, name: str) -> type | None:
    import sys

    return getattr(sys.modules.get(module), name, None)
