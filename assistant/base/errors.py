"""One error base class, and one place that turns any failure into a message a person can act on.

Every failure of ours that a person can act on is an `AppError`: its `msg`
says what happened and what to do (and `field`, where there is one, names
the input concerned). Known failures carry a catalog message that says what happened and what to do;
anything unexpected gets a general message that names the kind of problem but
never the data (answers can be special-category personal data and must not
end up on screens or in logs). Only where an intake was open does the message
promise that the answers so far are kept: a headless command stores nothing
that such a promise could be about.
"""

from __future__ import annotations

import errno

from assistant.base.messages import Msg, _


class AppError(Exception):
    """A failure the person can act on: `msg` says what happened and what to do.

    `field` names the input it concerns, where there is one (a case file's
    key, a field of the decision). Subclasses only add what is their own.
    """

    def __init__(self, msg: Msg, field: str | None = None) -> None:
        super().__init__(msg.msgid if field is None else f"{field}: {msg.msgid}")
        self.msg, self.field = msg, field


class FieldError(AppError):
    """A refusal that names the input field first (a case file's key, a decision's field)."""

    field: str

    def __init__(self, field: str, msg: Msg) -> None:
        super().__init__(msg, field)



def describe(exc: BaseException, *, intake_open: bool = True) -> Msg:
    """The message for `exc`; `intake_open` is False for headless commands.

    It imports nothing that could itself be missing or broken (the failure
    being described may be exactly that): an exception class of ours is only
    looked up when its module was already imported, since otherwise `exc`
    cannot be one of its instances.
    """
    import sqlite3

    if isinstance(exc, AppError):
        return exc.msg
    database_error = _loaded("psycopg", "Error")  # the PostgreSQL store lost its server mid-way
    if database_error and isinstance(exc, database_error):
        return _("De database {path} is niet bereikbaar. Kijk of de server draait, "
                 "of vraag de beheerder om hulp.", path="PostgreSQL")
    if isinstance(exc, ModuleNotFoundError):
        return _("Een onderdeel van het programma ontbreekt: de module {module}. "
                 "Installeer het programma opnieuw: ./start doet dat vanzelf, "
                 "of gebruik: pip install intake-assistent.", module=exc.name or "?")
    if isinstance(exc, sqlite3.DatabaseError):
        return _("Het opslagbestand is beschadigd en kan niet worden gelezen. Er is niets veranderd. "
                 "Zet een reservekopie terug, of kies een ander bestand met --store.")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        if intake_open:
            return _("De schijf is vol; het laatste antwoord is niet bewaard. "
                     "Maak ruimte vrij en probeer het opnieuw.")
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
