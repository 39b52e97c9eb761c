"""Small strict checks shared by the case file and the decision."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from assistant.base.errors import FieldError
from assistant.i18n import _

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
YEAR_MIN, YEAR_MAX = 1900, 2199
MAX_DEPTH = 20              # a case file is at most a few levels deep
MAX_INT_DIGITS = 15         # no answer or field needs more
MAX_FILE_BYTES = 2_000_000  # a case file is a few kilobytes


class Refused(FieldError):
    """Untrusted input of the wrong shape; `field` names where, `msg` says what to change."""


def iso_date(field: str, value: Any) -> date:
    """YYYY-MM-DD only (no week dates, no times), years 1900 to 2199."""
    if not isinstance(value, str) or not value.isascii() or not ISO_DATE.fullmatch(value):
        raise Refused(field, _("'{field}' is geen datum. Schrijf hem zo: 2026-03-02.", field=field))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Refused(field, _("De datum in '{field}' bestaat niet. Kijk of dag en maand kloppen.",
                               field=field)) from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise Refused(field, _("Het jaar in '{field}' kan niet kloppen. Kies een jaar tussen {low} en {high}.",
                               field=field, low=str(YEAR_MIN), high=str(YEAR_MAX)))
    return day


def has_surrogate(value: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in value)


def visible_letters(text: str) -> int:
    """Letters that a person can read: invisible and format characters do not count."""
    return sum(1 for ch in text if unicodedata.category(ch).startswith("L"))


def load_json(raw: bytes | str) -> Any:
    """JSON with limits: depth, number size, no NaN/Infinity, no lone surrogates.

    Raises Refused('file', …) with a message that names the problem.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise Refused("file", _("Het bestand is te groot. Een casus is hooguit {size}.", size="2 MB"))

    def big_int(text: str) -> int:
        if len(text.lstrip("-")) > MAX_INT_DIGITS:
            raise Refused("file", _("Er staat een getal met te veel cijfers in het bestand (meer dan {n}).",
                                    n=str(MAX_INT_DIGITS)))
        return int(text)

    def no_constant(name: str) -> None:
        raise Refused("file", _("'{word}' is geen getal. Schrijf een gewoon getal.", word=name))

    def big_float(text: str) -> float:
        value = float(text)
        if value in (float("inf"), float("-inf")) or len(text) > 40:
            raise Refused("file", _("Er staat een getal met te veel cijfers in het bestand (meer dan {n}).",
                                    n=str(MAX_INT_DIGITS)))
        return value

    try:
        data = json.loads(raw, parse_int=big_int, parse_constant=no_constant, parse_float=big_float)
    except RecursionError:
        raise Refused("file", _("Het bestand is te diep genest. Een casus heeft hooguit {n} lagen.",
                                n=str(MAX_DEPTH))) from None
    if _depth(data) > MAX_DEPTH:
        raise Refused("file", _("Het bestand is te diep genest. Een casus heeft hooguit {n} lagen.", n=str(MAX_DEPTH)))
    bad = _surrogate_path(data)
    if bad is not None:
        raise Refused(bad, _("In '{field}' staat een ongeldig teken. Typ de tekst opnieuw.", field=bad))
    return data


def _depth(value: Any, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def _surrogate_path(value: Any, path: str = "") -> str | None:
    if isinstance(value, str):
        return (path or "file") if has_surrogate(value) else None
    if isinstance(value, dict):
        for k, v in value.items():
            where = f"{path}.{k}" if path else str(k)
            if has_surrogate(str(k)):
                return path or "file"
            found = _surrogate_path(v, where)
            if found:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _surrogate_path(v, f"{path}[{i}]")
            if found:
                return found
    return None


@lru_cache(maxsize=1)
def shipped_locales() -> frozenset[str]:
    from assistant.i18n.codes import ALL_LOCALES

    return frozenset(ALL_LOCALES)


def locale_code(field: str, value: Any) -> str:
    if not isinstance(value, str) or value.replace("-", "_") not in shipped_locales():
        raise Refused(field, _("'{field}' is geen taal van de intake-assistent. Kies uit: {allowed}.",
                               field=field, allowed=", ".join(sorted(shipped_locales()))))
    return value.replace("-", "_")
