"""Turn what a person typed (or a case file holds) into a checked answer value.

Two doors, one set of rules: `parse_input` reads typed text (dates as
DD-MM-YYYY, numbers, "ja"/"nee", choice numbers or ids), `check_value` reads
typed JSON values (ISO dates). Both end in the same range and format checks and
refuse with an `Invalid` carrying a catalog message that says what is wrong and
how to fix it. Nothing here raises anything else for any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from assistant.base.dates import DateRefused, in_range, iso_date, typed_date
from assistant.base.errors import AppError
from assistant.base.text import clean
from assistant.dialog.model import Question
from assistant.i18n import N_, Msg, _

DEFAULT_MAX_LENGTH = 2000
MAX_INPUT = 100_000  # refuse absurd input before any work on it
_INT_RE = re.compile(r"^[+-]?\d{1,9}$")
_DUO_SCORE_RE = re.compile(r"^\d{1,3},\d{2}$", re.ASCII)
YES_WORDS = {"ja", "j", "yes", "y", "1"}
NO_WORDS = {"nee", "n", "no", "2"}
_YES, _NO = _("Ja"), _("Nee")  # the yes/no buttons; their translations count as typed answers too


@lru_cache(maxsize=1)
def yes_no_words() -> tuple[frozenset[str], frozenset[str]]:
    """'ja' and 'nee' in every shipped language, so "evet" or "نعم" is understood.

    Taken from the catalogs (the translated Ja/Nee buttons) rather than a list
    in code: a new language brings its own words. A word that means yes in one
    language and no in another is dropped from both.
    """
    from assistant.i18n import translator
    from assistant.i18n.codes import ALL_LOCALES

    yes, no = set(YES_WORDS), set(NO_WORDS)
    for locale in ALL_LOCALES:
        tr = translator(locale)
        yes.add(_word(tr(_YES)))
        no.add(_word(tr(_NO)))
    return frozenset(yes - no), frozenset(no - yes)


def _word(text: str) -> str:
    # Turkish dotless ı: "HAYIR".casefold() is "hayir", so "hayır" must fold the same way.
    return text.strip().rstrip(".!").casefold().replace("ı", "i")


class Invalid(AppError):
    """The answer is refused; `msg` tells the person what to do."""


def parse_input(q: Question, raw: Any, today: date) -> Any:
    """Parse typed input for question `q`; raises `Invalid` with a clear message."""
    if q.type == "info":
        return True
    if isinstance(raw, str):
        if len(raw) > MAX_INPUT:
            raise Invalid(_("Uw antwoord is te lang. Maak het korter."))
        text = clean(raw, multiline=bool(q.opt("multiline"))).strip()
    else:
        return check_value(q, raw, today)
    if q.type == "text":
        return check_value(q, text, today)
    if not text:
        if q.type == "list" and q.opt("min_items", 0) == 0:
            return []  # "no entries" is an answer (e.g. no children)
        raise Invalid(_("U heeft nog niets ingevuld. Typ een antwoord."))
    if q.type == "number":
        return check_value(q, _to_int(text), today)
    if q.type == "date":
        return check_value(q, _to_iso(text), today)
    if q.type == "yesno":
        word, (yes, no) = _word(text), yes_no_words()
        if word in yes:
            return True
        if word in no:
            return False
        raise Invalid(_("Kies ja of nee."))
    if q.type == "choice":
        return check_value(q, _to_choice(q, text), today)
    if q.type == "multichoice":
        parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
        return check_value(q, [_to_choice(q, p) for p in parts], today)
    if q.type == "list":
        parts = [p for p in re.split(r"[,;\s]+", text) if p]
        return check_value(q, [_to_int(p) for p in parts], today)
    raise Invalid(_("Deze vraag kan ik niet lezen. Vraag de consulent om hulp."))


def check_value(q: Question, value: Any, today: date) -> Any:
    """Check a typed value (as stored, ISO dates) against the question's rules."""
    check = _CHECKS.get(q.type)
    if check is None:
        raise Invalid(_("Deze vraag kan ik niet lezen. Vraag de consulent om hulp."))
    return check(q, value, today)


def _to_int(text: str) -> int:
    compact = text.replace(" ", "").replace(".", "")
    if not _INT_RE.match(compact):
        raise Invalid(_("Typ een heel getal, bijvoorbeeld 3."))
    return int(compact)


def _to_iso(text: str) -> str:
    try:
        return typed_date(text).isoformat()
    except DateRefused as exc:
        raise Invalid(exc.msg) from None


def _to_choice(q: Question, text: str) -> str:
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(q.choices):
        return q.choices[int(text) - 1].id
    lowered = text.casefold()
    for choice in q.choices:
        if lowered in (choice.id, choice.label.casefold()):
            return choice.id
    return text


def bounded_text(q: Question, value: str, empty: Msg, too_long: Callable[[int, int], Msg]) -> str:
    """Typed text as it is kept: cleaned, not empty, at most the question's `max_length`.

    Shared by an answer and the consulent's Dutch rendering of it, which are
    bounded alike; each says in its own words what is wrong (`too_long(length, limit)`).
    """
    value = clean(value, multiline=bool(q.opt("multiline"))).strip()
    if not value:
        raise Invalid(empty)
    limit = q.opt("max_length", DEFAULT_MAX_LENGTH)
    if len(value) > limit:
        raise Invalid(too_long(len(value), limit))
    return value


def _check_text(q: Question, value: Any, today: date) -> str:
    if not isinstance(value, str):
        raise Invalid(_("Typ een antwoord in woorden."))
    value = bounded_text(q, value, _("U heeft nog niets ingevuld. Typ een antwoord."), lambda length, limit: _(
        "Uw antwoord is te lang: {length} tekens. Het mag {limit} tekens zijn.", length=length, limit=limit))
    fmt = q.opt("format")
    if fmt == "bsn":
        from stdnum.nl import bsn

        digits = value.replace(" ", "").replace(".", "").replace("-", "")
        if len(digits) != 9 or not bsn.is_valid(digits):
            raise Invalid(_("Dit BSN klopt niet. Een BSN heeft 9 cijfers. Kijk het nummer na."))
        value = digits
    elif fmt == "duo_score" and not _DUO_SCORE_RE.match(value):
        raise Invalid(_("Typ de score zoals DUO hem geeft, bijvoorbeeld 52,50."))
    text: str = value
    return text


def _check_int(value: Any, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise Invalid(_("Typ een heel getal, bijvoorbeeld 3."))
    if not lo <= value <= hi:
        raise Invalid(_("Typ een getal van {low} tot en met {high}.", low=lo, high=hi))
    number: int = value
    return number


def _check_number(q: Question, value: Any, today: date) -> int:
    return _check_int(value, q.opt("min"), q.opt("max"))


def _check_date(q: Question, value: Any, today: date) -> str:
    day = iso_date(value)
    if day is None:
        raise Invalid(_("Typ de datum zo: dag-maand-jaar, bijvoorbeeld 31-12-1990."))
    if not in_range(day.year):
        raise Invalid(_("Het jaar {year} kan niet kloppen. Kijk de datum na.", year=str(day.year)))
    if day > today and not q.opt("future", False):
        raise Invalid(_("Deze datum ligt in de toekomst. Typ een datum van vandaag of eerder."))
    age = today.year - day.year - ((today.month, today.day) < (day.month, day.day))
    lo, hi = q.opt("age_min"), q.opt("age_max")
    if (lo is not None and age < lo) or (hi is not None and age > hi):
        raise Invalid(_("Met deze datum is iemand {age} jaar. Dat kan niet kloppen. Kijk de datum na.",
                        age=age))
    return day.isoformat()


def _check_yesno(q: Question, value: Any, today: date) -> bool:
    if not isinstance(value, bool):
        raise Invalid(_("Kies ja of nee."))
    return value


def _check_choice(q: Question, value: Any, today: date) -> str:
    if value not in q.choice_ids:
        raise Invalid(_("Kies een van de antwoorden uit de lijst."))
    choice: str = value
    return choice


def _check_multichoice(q: Question, value: Any, today: date) -> list[str]:
    if not isinstance(value, list) or any(v not in q.choice_ids for v in value):
        raise Invalid(_("Kies een of meer antwoorden uit de lijst."))
    if len(value) < q.opt("min_selected", 1):
        least = q.opt("min_selected", 1)
        raise Invalid(N_("Kies minstens {n} antwoord.", "Kies minstens {n} antwoorden.", least))
    return [c for c in q.choice_ids if c in value]  # canonical order, no duplicates


def _check_list(q: Question, value: Any, today: date) -> list[int]:
    if not isinstance(value, list):
        raise Invalid(_("Typ de getallen met een komma ertussen, bijvoorbeeld 3, 7."))
    lo, hi = q.opt("item_min", 0), q.opt("item_max", 100)
    items = [_check_int(v, lo, hi) for v in value]
    least, most = q.opt("min_items", 0), q.opt("max_items", 20)
    if not least <= len(items) <= most:
        raise Invalid(_("Typ {low} tot en met {high} getallen.", low=least, high=most))
    return items


def _check_info(q: Question, value: Any, today: date) -> bool:
    return True


_CHECKS = {
    "text": _check_text, "number": _check_number, "date": _check_date, "yesno": _check_yesno,
    "choice": _check_choice, "multichoice": _check_multichoice, "list": _check_list,
    "info": _check_info,
}
