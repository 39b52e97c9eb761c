"""Translatable messages and the catalogs that render them.

The core never knows which language a person reads: it returns `Msg` values
(a Dutch source text, an optional context and named parameters), and only the
edges (CLI, UI, documents) render them with a `Translator`. That keeps the
engine pure and lets one session switch language at any moment.

Dutch is the source locale: every msgid is the Dutch (B1) text itself. Dialog
texts carry a context (``<dialog>.<id>.<field>``) so that the same Dutch
sentence in two places can be translated differently.

Extraction keywords (``[tool.babel]`` in pyproject.toml): ``_`` for plain
texts, ``C_`` for texts with a context, ``N_`` for texts with plural forms
(Arabic has six).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from assistant.base import paths
from assistant.base.messages import Msg
from assistant.i18n.codes import DOMAIN, SOURCE_LOCALE
from assistant.i18n.locales import format_date, format_number


class Translator:
    """Renders `Msg` values in one locale, falling back to the Dutch source."""

    def __init__(self, locale: str, catalog: gettext.NullTranslations) -> None:
        self.locale = locale
        self._catalog = catalog

    def __call__(self, msg: Msg | str) -> str:
        if isinstance(msg, str):
            return msg
        if msg.plural is not None:
            text = self._catalog.ngettext(msg.msgid, msg.plural, msg.params["n"])
        elif msg.context is None:
            text = self._catalog.gettext(msg.msgid)
        else:
            text = self._catalog.pgettext(msg.context, msg.msgid)
        if msg.params:
            params = _Rendered(self, msg.params)
            try:
                text = text.format_map(params)
            except (KeyError, IndexError, ValueError):
                # A broken translation must never crash the app: fall back to Dutch.
                source = msg.msgid if msg.plural is None or msg.params["n"] == 1 else msg.plural
                text = source.format_map(params)
        return text

    def ngettext(self, singular: str, plural: str, n: int, **params: Any) -> str:
        """Plural-aware text; ``n`` is also available as ``{n}``."""
        text = self._catalog.ngettext(singular, plural, n)
        return text.format(n=n, **params)


class _Rendered(dict):
    """The parameters, each rendered for the locale only when the text uses it.

    A rule's explanation carries the whole record as parameters and uses two
    or three of them; rendering all of them (babel dates, numbers) per
    message was the largest single cost of advice in a batch replay.
    """

    def __init__(self, tr: Translator, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._tr = tr

    def __getitem__(self, key: str) -> Any:
        return _param(self._tr, super().__getitem__(key))


def _param(tr: Translator, value: Any) -> Any:
    """A parameter as the locale writes it: texts translated, dates and numbers through babel."""
    if isinstance(value, Msg):
        return tr(value)
    if isinstance(value, date):
        return format_date(value, tr.locale)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, tr.locale)
    return value


def locales_dir() -> Path:
    return paths.resource_dir("locales")


def available_locales() -> list[str]:
    """The source locale plus every locale with a catalog directory."""
    found = {SOURCE_LOCALE}
    base = locales_dir()
    if base.is_dir():
        found.update(p.name for p in base.iterdir() if (p / "LC_MESSAGES").is_dir())
    return sorted(found)


@cache
def translator(locale: str | None) -> Translator:
    """A cached translator; unknown locales and the source locale fall back to Dutch."""
    locale = (locale or SOURCE_LOCALE).replace("-", "_")
    if locale == SOURCE_LOCALE or locale not in available_locales():  # never a path such as ../../x
        return Translator(SOURCE_LOCALE, gettext.NullTranslations())
    if locale == SOURCE_LOCALE:
        return Translator(SOURCE_LOCALE, gettext.NullTranslations())
    catalog = gettext.translation(
        DOMAIN, localedir=str(locales_dir()), languages=[locale], fallback=True
    )
    return Translator(locale, catalog)
