"""Read access to the intake record: the answers that drive the advice, checked and enriched.

The advice reads the record only through `facts()`, which checks the fields of
the replay contract (docs/intake-record.md) and adds a few derived
facts the rules need (age on the day of the advice, how far the LBT score is
below the threshold). `SOURCES` says which answers each derived fact comes
from, so every conclusion can be traced back to answer ids.

Values arrive as stored: ISO date strings, ints, bools, choice ids. Keys that
are not advice fields are ignored (the dialog asks much more); a value of the
wrong type is refused with a message that names the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.base.errors import FieldError
from assistant.i18n import _

CHOICES: dict[str, tuple[str, ...]] = {
    "doelgroep": ("asielstatushouder", "gezinsmigrant", "overige_migrant"),
    "inburgeringsplichtig": ("ja", "nee_vrijstelling", "nee_ontheffing",
                             "nee_tijdelijk_verblijf", "nee_anders", "onbekend"),
    "lbt_status": ("afgenomen", "gepland", "niet_afgenomen"),
    "lbt_resultaat": ("b1_haalbaar", "b1_niet_haalbaar", "onbekend"),
    "geletterdheid": ("latijns_schrift", "ander_schrift", "analfabeet"),
    "hoogste_opleiding": ("geen", "basisonderwijs", "voortgezet", "mbo", "hbo_wo"),
    "huidige_opleiding": ("geen", "entree", "praktijkonderwijs", "vso", "anders"),
    "hoofddoel": ("werk", "opleiding", "participatie"),
    "gezondheid_beperking": ("geen", "tijdelijk", "blijvend"),
}
NUMBERS: dict[str, tuple[int, int]] = {
    "onderwijs_jaren": (0, 30),
    "werkervaring_jaren": (0, 60),
    "belastbaarheid_uren_per_week": (0, 60),
}
DATES = ("geboortedatum", "datum_kennisgeving", "datum_inschrijving_brp")
TEXTS = ("lbt_reden_niet_afgenomen", "lbt_behaalde_score", "lbt_benodigde_score")
BOOLS = ("bijstand", "full_time_leren_mogelijk")
LISTS = ("kinderen_leeftijden",)
ANSWER_IDS = (tuple(CHOICES) + tuple(NUMBERS) + DATES + TEXTS + BOOLS + LISTS)
SENSITIVE = frozenset({"gezondheid_beperking", "belastbaarheid_uren_per_week"})

# Derived facts and the answers they are computed from (for the trace).
SOURCES: dict[str, tuple[str, ...]] = {
    "leeftijd": ("geboortedatum",),
    "lbt_tekort_procent": ("lbt_behaalde_score", "lbt_benodigde_score"),
}


class RecordError(FieldError, ValueError):
    """An advice field holds a value of the wrong type or outside its range."""


@dataclass(frozen=True)
class Facts:
    """Checked answers plus derived facts; `None`/absent means not known."""

    values: Mapping[str, Any]
    today: date

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def answered(self, key: str) -> bool:
        return self.values.get(key) is not None

    def date(self, key: str) -> date | None:
        raw = self.values.get(key)
        return date.fromisoformat(raw) if raw else None

    def with_values(self, **extra: Any) -> Facts:
        return Facts({**self.values, **extra}, self.today)


def answers_behind(fact: str) -> tuple[str, ...]:
    """The answer ids a fact rests on (itself when it is an answer)."""
    return SOURCES.get(fact, (fact,) if fact in ANSWER_IDS else ())


def facts(record: Mapping[str, Any], today: date) -> Facts:
    """Check the advice fields of `record` and add the derived facts."""
    values: dict[str, Any] = {}
    for key in ANSWER_IDS:
        if key in record and record[key] is not None:
            values[key] = _check(key, record[key])
    birth = values.get("geboortedatum")
    if birth:
        values["leeftijd"] = _age(date.fromisoformat(birth), today)
    shortfall = _shortfall(values.get("lbt_behaalde_score"), values.get("lbt_benodigde_score"))
    if shortfall is not None:
        values["lbt_tekort_procent"] = shortfall
    return Facts(values, today)


def _check(key: str, value: Any) -> Any:
    if key in CHOICES:
        if value not in CHOICES[key]:
            raise RecordError(key, _("Het antwoord op {field} is geen bekende keuze.", field=key))
    elif key in NUMBERS:
        low, high = NUMBERS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise RecordError(key, _("Het antwoord op {field} moet een getal van {low} tot en met {high} zijn.",
                                     field=key, low=low, high=high))
    elif key in DATES:
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise RecordError(key, _("Het antwoord op {field} is geen datum (JJJJ-MM-DD).", field=key)) from None
    elif key in BOOLS:
        if not isinstance(value, bool):
            raise RecordError(key, _("Het antwoord op {field} moet ja of nee zijn.", field=key))
    elif key in LISTS:
        if not isinstance(value, (list, tuple)) or not all(
                isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 30 for v in value):
            raise RecordError(key, _("Het antwoord op {field} moet een lijst van leeftijden zijn.", field=key))
        value = list(value)
    elif not isinstance(value, str):
        raise RecordError(key, _("Het antwoord op {field} moet tekst zijn.", field=key))
    return value


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_score(raw: Any) -> float | None:
    """DUO's score format ``d{1,3},dd`` as a number; None when absent or malformed."""
    if not isinstance(raw, str):
        return None
    head, sep, tail = raw.partition(",")
    if not (raw.isascii() and sep and head.isdigit() and 1 <= len(head) <= 3 and tail.isdigit() and len(tail) == 2):
        return None
    return float(f"{head}.{tail}")


def _shortfall(achieved: Any, needed: Any) -> float | None:
    """How far below the threshold the score is, in percent of the threshold."""
    got, need = parse_score(achieved), parse_score(needed)
    if got is None or need is None or need <= 0:
        return None
    return round((need - got) / need * 100, 2)
