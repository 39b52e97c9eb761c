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
