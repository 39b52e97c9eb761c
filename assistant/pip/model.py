"""The PIP document as data: sections of items, each value traced to an answer, rule or decision.

The model holds `Msg` values, not strings, so one document renders in two
languages side by side; user text (answers typed by the inburgeraar, the
consulent's motivation) is kept apart as `UserText` so renderers never put it
through the catalog and always escape it. Every item carries a trace: refs like
``antwoord:lbt_resultaat``, ``regel:R-B``, ``beleid:pvt_uren``,
``besluit:motivatie``, ``bron:wet_15``, ``notitie:consulent`` or ``voorbereiding:antwoorden`` (the
answers from a pre-intake, listed in the appendix); `check_trace` proves each one exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError

from assistant.base.text import clean
from assistant.i18n import Msg, Translator

TRACE_KINDS = ("antwoord", "regel", "beleid", "besluit", "bron", "open_vraag", "notitie", "voorbereiding")
DECISION_FIELDS = ("akkoord", "leerroute", "niveau", "motivatie", "dagtekening_pip", "gemeentecode")


@dataclass(frozen=True)
class UserText:
    """Text a person typed: shown as typed (cleaned), never translated, always escaped."""

    text: str
    dutch: str = ""  # the consulent's Dutch rendering of it, shown beside it in the Dutch column

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text).strip())
        object.__setattr__(self, "dutch", clean(self.dutch or "").strip())

    @property
    def direction(self) -> str:
        return text_direction(self.text)


Value = Msg | UserText


@dataclass(frozen=True)
class Item:
    label: Msg | None
    value: Value
    trace: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: Msg
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Provenance:
    """Which answers came from the pre-intake (question id -> origin, see assistant.engine.provenance)
    and the consulent's Dutch renderings (question id -> (answer as typed, rendering))."""

    origins: Mapping[str, str] = field(default_factory=dict)
    dutch: Mapping[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class PipDocument:
    title: Msg
    status: Msg
    sections: tuple[Section, ...]
    locale: str
    second_locale: str | None
    tr: Translator = field(repr=False, compare=False)
    tr_second: Translator | None = field(repr=False, compare=False)
    sources: tuple[tuple[str, str, bool], ...] = ()  # (ref, citation, verify) legend
    provenance: Provenance = field(default_factory=Provenance, compare=False)

    @property
    def direction(self) -> str:
        return locale_direction(self.locale)

    @property
    def second_direction(self) -> str:
        return locale_direction(self.second_locale) if self.second_locale else "ltr"

    def items(self) -> Iterable[Item]:
        for section in self.sections:
            yield from section.items

    def second_text(self, value: Value) -> str:
        """The second-language text of a value; empty when it would only repeat the main text."""
        if self.second_locale is None or isinstance(value, UserText):
            return ""
        text = self.render(value, second=True)
        return "" if text == self.render(value) else text

    def second_cell(self, it: Item) -> tuple[str, str]:
        """(label, value) for the second-language column; ("", "") when the row has nothing in that language.

        A row gets the second column when its label or value is translated, or
        when its value is typed text (names, dates, codes, the motivation): typed
        text is shown as typed in both columns, under the translated label.
        """
        if self.second_locale is None:
            return "", ""
        label = self.second_text(it.label) if it.label is not None else ""
        value = it.value.text if isinstance(it.value, UserText) else self.second_text(it.value)
        if not (label or value):
            return "", ""
        return (label or self.render(it.label)), (value or self.render(it.value))

    def both(self, value: Msg) -> str:
        """A catalog text in the main language, followed by the second language when that differs."""
        second = self.second_text(value)
        return self.render(value) + (f" / {second}" if second else "")

    def language_name(self, locale: str | None) -> str:
        """A language's own name (ትግርኛ, العربية), for column heads."""
        try:
            return Locale.parse((locale or "nl").replace("-", "_")).get_display_name() or str(locale)
        except (UnknownLocaleError, ValueError):
            return str(locale)

    def render(self, value: Value | None, second: bool = False) -> str:
        """One value as text in the main (or second) language; user text stays as typed."""
        if value is None:
            return ""
        if isinstance(value, UserText):
            return value.text
        tr = self.tr_second if second and self.tr_second else self.tr
        return clean(tr(value), multiline=False)


def locale_direction(locale: str | None) -> str:
    try:
        return Locale.parse((locale or "nl").replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def text_direction(text: str) -> str:
    """Direction of the first strong character (like dir="auto", which WeasyPrint lacks)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
