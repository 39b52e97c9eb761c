"""Which language to speak, which way it runs, and how dates and numbers look.

The language is negotiated once per choice and may change at any moment of a
session (the person picks another language): every function here is pure and
takes the locale as an argument, so switching is passing another code. The
order is: command-line flag, then the settings, then the environment
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them),
then Dutch, the source language.

``fa`` serves Persian and Dari: babel's code for Dari is ``fa_AF`` and the
ISO 639-3 code ``prs`` is not in CLDR, so both map to the ``fa`` catalog,
while dates and numbers may still use the ``fa_AF`` conventions.

Babel is imported inside the functions: its CLDR data is not needed before
the first question is on screen.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache, lru_cache

from assistant.i18n.codes import ALL_LOCALES, SOURCE_LOCALE

ENV_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
ALIASES = {"prs": "fa_AF", "per": "fa", "fas": "fa", "tir": "ti", "som": "so", "tur": "tr",
           "ara": "ar", "eng": "en", "nld": "nl", "dut": "nl"}


def normalize(tag: str | None) -> str | None:
    """'fa-AF.UTF-8@x' → 'fa_AF'; 'prs' → 'fa_AF'; 'C', 'POSIX' or '' → None."""
    if not tag:
        return None
    tag = re.split(r"[.@]", tag.strip(), maxsplit=1)[0].replace("-", "_")
    if not tag or tag.upper() in ("C", "POSIX"):
        return None
    lang, _, region = tag.partition("_")
    lang = ALIASES.get(lang.lower(), lang.lower())
    return f"{lang}_{region.upper()}" if region and "_" not in lang else lang


def env_preferences(env: Mapping[str, str] | None = None) -> list[str]:
    """The languages the environment asks for, in gettext's order."""
    env = os.environ if env is None else env
    for var in ENV_VARS:
        value = env.get(var)
        if value:
            # LANGUAGE is a colon-separated list; the others hold one locale.
            return [t for t in (normalize(v) for v in value.split(":")) if t]
    return []


def catalog_locale(tag: str | None, available: Iterable[str] = ALL_LOCALES) -> str | None:
    """The available catalog for one tag (``fa_AF`` → ``fa``), or None."""
    tag, available = normalize(tag), list(available)
    if tag in available:  # the common case needs no CLDR data (babel costs start-up time)
        return tag
    from babel.core import negotiate_locale

    return negotiate_locale([tag], available, sep="_") if tag else None


def negotiate(cli_flag: str | None = None, settings_value: str | None = None,
              env: Mapping[str, str] | None = None, available: Iterable[str] = ALL_LOCALES) -> str:
    """The catalog to use: flag, then settings, then environment, then Dutch."""
    available = list(available)
    for tag in (cli_flag, settings_value, *env_preferences(env)):
        found = catalog_locale(tag, available)
        if found:
            return found
    return SOURCE_LOCALE


@cache
def _locale(code: str):
    from babel import Locale

    return Locale.parse(normalize(code) or SOURCE_LOCALE)


def text_direction(locale: str) -> str:
    """'rtl' or 'ltr', from CLDR: drives alignment and mirroring in the UI."""
    return _locale(locale).text_direction


def display_name(locale: str, in_locale: str | None = None) -> str:
    """The language's name in itself (for a language menu) or in another language."""
    loc = _locale(locale)
    return loc.get_display_name(_locale(in_locale) if in_locale else loc) or locale


@lru_cache(maxsize=4096, typed=True)  # pure, and called for every number of a proposal (replay speed)
def format_date(value: date | datetime, locale: str, length: str = "long") -> str:
    """A date as the locale writes it ('3 maart 2026', '3 March 2026', '٣ مارس ٢٠٢٦')."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=length, locale=_locale(locale))


@lru_cache(maxsize=4096, typed=True)
def format_number(value: int | float, locale: str) -> str:
    """A number with the locale's digits, decimal sign and grouping ('1.234,5')."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(locale))


def format_money(amount: float, locale: str, currency: str = "EUR") -> str:
    """An amount of money, e.g. the loan in the PIP ('€ 10.000,00')."""
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=_locale(locale))
