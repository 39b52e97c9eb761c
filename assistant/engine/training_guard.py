"""Keep practice apart from real work: the few checks other modules call.

Each function is one line at its call site, so the modules that own the
caseload, the exports and the LBT import stay unaware of training otherwise.
A practice session never reaches DUO, never takes a real LBT result, never
counts in the caseload, and every document made from it says OEFENING.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

from assistant.base.paths import Location
from assistant.engine.session import SessionError
from assistant.i18n import C_, _

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Document = TypeVar("Document", bound=DataclassInstance)

TRAINING = "training"
MARK = C_("pip", "OEFENING. Dit is geen echt plan en geen besluit van de gemeente.")


class TrainingRefused(SessionError):
    """A real-world action asked of a practice session (reported like any session error)."""


def is_training(mode: str | None) -> bool:
    return mode == TRAINING


def store_for(mode: str, store_path: Location) -> Location:
    """Where a session of this mode lives: practice sessions in the training store."""
    from assistant.store.practice import training_store_path

    return training_store_path(store_path) if is_training(mode) else store_path


def refuse_duo_export(mode: str | None) -> None:
    if is_training(mode):
        raise TrainingRefused(_("Dit is een oefening. Een oefening gaat nooit naar DUO. Er is niets geëxporteerd."))


def refuse_lbt_import(mode: str | None) -> None:
    if is_training(mode):
        raise TrainingRefused(_("Dit is een oefening. Een echte uitslag van DUO hoort niet bij een oefening. "
                                "Er is niets veranderd."))


def mark_document(doc: Document, mode: str | None) -> Document:
    """The PIP document with its status replaced by the OEFENING mark (md, HTML and PDF show it)."""
    return dataclasses.replace(doc, status=MARK) if is_training(mode) else doc
