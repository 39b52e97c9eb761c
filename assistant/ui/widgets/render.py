"""Untrusted and translated text as rich `Text` / Textual `Content`, never markup.

Everything on screen that came from a person, an import or a catalog goes
through these helpers: `clean()` strips escapes and control characters, and
the result is a renderable that Textual does not parse for markup, so `[/`,
`[bold]` or `[@click=app.quit]` stay literal.
"""

from __future__ import annotations

from typing import Any

from rich.measure import Measurement
from rich.text import Text
from textual.content import Content

from assistant.base.text import clean


def text(value: Any, style: str = "", *, rtl: bool = False, multiline: bool = True) -> Text:
    """A rich Text of cleaned content; right-justified for right-to-left languages."""
    return Text(clean(str(value), multiline=multiline), style=style, justify="right" if rtl else "left")


class VisualRTL:
    """Right-to-left text in visual order, for terminals that do no bidi themselves.

    Only with the setting `ui.bidi_visual` (or INTAKE_BIDI=visual). Rendered at
    the width it is given: wrapped first, then each line reshaped and
    reordered (`assistant.ui.widgets.bidi`), so the lines keep their order. Output only:
    input fields always hold the text in logical order.
    """

    def __init__(self, plain: str, style: str = "") -> None:
        self.plain, self.style = plain, style

    def __rich_console__(self, console, options):
        from assistant.ui.widgets.bidi import visual_lines

        for line in visual_lines(self.plain, max(1, options.max_width), "rtl"):
            yield Text(line, style=self.style, justify="right")

    def __rich_measure__(self, console, options) -> Measurement:
        return Measurement(1, options.max_width)


def visual_line(value: Text) -> Text:
    """One short right-to-left text (a label, a message) in visual order, unwrapped."""
    from assistant.ui.widgets.bidi import visual_lines

    return Text("\n".join(visual_lines(value.plain, 10_000, "rtl")), style=value.style, justify="right")


def local_date(iso: str, locale: str, length: str = "medium") -> str:
    """A stored ISO date as the locale writes it (babel): '12 maart 1990', '12 Mart 1990'."""
    from datetime import date

    from assistant.i18n.locales import format_date

    try:
        return clean(format_date(date.fromisoformat(iso), locale, length))
    except ValueError:
        return clean(iso)


def content(value: Any) -> Content:
    """Plain Textual Content (for Button labels and similar): no markup is parsed."""
    return Content(clean(str(value)))


def answer_text(value: Any, question, tr) -> str:
    """How a stored answer reads in a transcript or review (choice labels, dates)."""
    if value is None:
        return ""
    if question.type == "yesno":
        return tr(_YES) if value else tr(_NO)
    if question.type == "choice":
        return tr(question.choice_msg(value))
    if question.type == "multichoice":
        return ", ".join(tr(question.choice_msg(v)) for v in value)
    if question.type == "list":
        return ", ".join(str(v) for v in value) if value else tr(_NONE)
    if question.type == "date" and isinstance(value, str):
        return local_date(value, tr.locale, "long")
    if question.type == "info":
        return tr(_READ)
    return str(value)


from assistant.i18n import _  # noqa: E402  (texts below are catalog entries)

_YES, _NO, _NONE, _READ = _("Ja"), _("Nee"), _("Geen"), _("Gelezen")
