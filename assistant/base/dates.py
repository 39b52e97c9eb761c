"""Dates as people type them and as files hold them: one set of rules for every door.

Typed: day-month-year (``31-12-1990``, also with ``/`` or ``.``, and with
Arabic-Indic digits, which `int` reads). In files: ISO ``YYYY-MM-DD`` only,
with ASCII digits (`date.fromisoformat` alone would also take week dates such
as ``2026-W10-1``). A year outside `YEAR_MIN`..`YEAR_MAX` cannot be right in
an intake, whoever typed it.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.base.errors import AppError
from assistant.base.messages import _

YEAR_MIN, YEAR_MAX = 1900, 2199
_TYPED = re.compile(r"^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\s*$")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DateRefused(AppError):
    """A typed date that is refused; `msg` says how to type it."""


def typed_date(text: str) -> date:
    """A date typed as day-month-year; raises `DateRefused` naming what is wrong."""
    m = _TYPED.match(text)
    if not m:
        raise DateRefused(_("Typ de datum zo: dag-maand-jaar, bijvoorbeeld 31-12-1990."))
    day, month, year = (int(g) for g in m.groups())
    if not in_range(year):
        raise DateRefused(_("Het jaar {year} kan niet kloppen. Kijk de datum na.", year=str(year)))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateRefused(_("Deze datum bestaat niet. Kijk of dag en maand kloppen.")) from None


def iso_date(value: object) -> date | None:
    """The date of a strict ISO ``YYYY-MM-DD`` string (or a `date`), else None (the caller says why)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.isascii() or not _ISO.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def in_range(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX
