"""One place that turns any failure into a message a person can act on.

Known failures carry a catalog message; anything unexpected gets a general
message that names the kind of problem but never the data (answers can be
special-category personal data and must not end up on screens or in logs).
"""

from __future__ import annotations

from assistant.i18n import Msg, _

_STORE_MESSAGES = {
    "in_use": _("Deze intake is al open in een ander venster of op een andere computer. "
                "Sluit hem daar eerst. Er is niets veranderd."),
    "no_session": _("Er is geen intake met nummer {session}. Kijk het nummer na met: intake list."),
    "unreadable": _("Het opslagbestand {path} kan niet worden gelezen. Kies een ander bestand met --store, "
                    "of vraag de beheerder om hulp."),
    "busy": _("Het opslagbestand is even bezet. Probeer het over een paar seconden opnieuw."),
    "write_failed": _("Het antwoord kon niet worden bewaard. Er is niets veranderd. Probeer het opnieuw."),
}


def describe(exc: BaseException) -> Msg:
    from assistant.dialog.loader import DialogInvalid
    from assistant.engine.session import SessionError
    from assistant.store.sqlite import StoreError

    if isinstance(exc, StoreError):
        template = _STORE_MESSAGES.get(exc.code)
        if template is not None:
            return Msg(template.msgid, template.context, exc.details)
    if isinstance(exc, SessionError):
        return exc.msg
    from assistant.outcome import DecisionInvalid

    if isinstance(exc, DecisionInvalid):
        return exc.msg
    if isinstance(exc, DialogInvalid):
        return _("De vragenlijst heeft fouten. Draai 'intake check' om ze te zien.")
    if isinstance(exc, PermissionError):
        return _("Geen toegang tot een bestand. Kies een andere map met --store.")
    if isinstance(exc, OSError):
        return _("Een bestand kon niet worden gelezen of geschreven. Kijk of de schijf vol is en probeer het opnieuw.")
    return _("Er ging iets mis ({kind}). Uw antwoorden tot nu toe zijn bewaard. "
             "Start de intake opnieuw om verder te gaan.", kind=type(exc).__name__)
