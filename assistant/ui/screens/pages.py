"""The pages of the pre-intake around the questions: language, welcome, consent, code, end.

One small `Page` class: a few lines of text and buttons, all translated and
rendered as content (never markup). A page returns the id of the button
pressed; the app (assistant/ui/preintake.py) decides what comes next, so no
page can lead anywhere the app did not offer. No page lists sessions.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.app import preintake
from assistant.i18n import _, translator
from assistant.i18n.locales import display_name, text_direction
from assistant.ui.host import pre_intake_host
from assistant.ui.widgets.render import content, text

LOCALES = ("ti", "ar", "fa", "so", "tr", "en", "nl")
CHOOSE_LANGUAGE = _("Kies uw taal.")

WELCOME = (_("Welkom. Dit is de voorbereiding op uw gesprek met de consulent van de gemeente."),
           _("U beantwoordt zelf een paar vragen, in uw eigen taal."),
           _("Alleen de consulent ziet uw antwoorden, vlak voor het gesprek."),
           _("In het gesprek kijkt u samen naar uw antwoorden."),
           _("U mag elke vraag overslaan. Dan praat u er in het gesprek over."))
CONSENT = (_("Mogen wij uw antwoorden bewaren tot het gesprek?"),
           _("Zegt u nee? Dan bewaren wij niets. U beantwoordt de vragen dan in het gesprek."))
CODE_SHOWN = _("Dit is uw code: {code}")
CODE_WHY = _("Schrijf de code op. Met de code gaat u later verder.")
CODE_ASK = _("Typ de code die u hebt opgeschreven. Druk dan op Enter.")
CODE_WRONG, CODE_TOO_OFTEN = preintake.WRONG, preintake.TOO_OFTEN  # the rules' own words
PAUSED = _("Alles is bewaard. U kunt nu stoppen.")
DONE = (_("Klaar, dank u wel! Uw antwoorden zijn bewaard."),
        _("De consulent bekijkt ze vlak voor het gesprek. In het gesprek praat u er samen over."))
HANDED_OVER = preintake.HANDED_OVER
NO_CONSENT = _("Goed. Er is niets bewaard. U beantwoordt de vragen in het gesprek.")
NEW, RESUME, CLOSE, NEXT, BACK = _("Nieuw beginnen"), _("Verder met mijn code"), _("Sluiten"), _("Verder"), _("Terug")
YES, NO = _("Ja"), _("Nee")


class Page(Screen[str]):
    """Lines of text and a row of buttons; dismissed with the id of the button pressed."""

    DEFAULT_CSS = """
    Page > Vertical { padding: 1 2; height: auto; }
    Page .line { margin-bottom: 1; }
    Page .big { text-style: bold; }
    Page Horizontal { height: auto; }
    Page Button { margin-right: 2; }
    Page #page-error { color: $error; text-style: bold; }
    Page.rtl .line, Page.rtl #page-error { text-align: right; }
    Page.rtl Horizontal { align-horizontal: right; }
    """

    BINDINGS = [("escape", "escape", "")]

    def __init__(self, tr, lines, buttons, *, big: str | None = None, ask: bool = False,
                 escape: str | None = None) -> None:
        super().__init__()
        self.tr, self.lines, self.buttons, self.big, self.ask = tr, lines, buttons, big, ask
        self.escape = escape  # the choice Escape makes (a way back), or None: Escape does nothing here

    def compose(self) -> ComposeResult:
        rtl = text_direction(self.tr.locale) == "rtl"
        with Vertical():
            if self.big:
                yield Static(text(self.big, rtl=rtl), classes="line big", id="page-big")
            for line in self.lines:
                yield Static(text(self.tr(line), rtl=rtl), classes="line")
            if self.ask:
                yield Input(id="page-input", max_length=40)
                yield Static("", id="page-error")
            with Horizontal():
                for key, msg in self.buttons:
                    yield Button(content(self.tr(msg)), id=key)

    def on_mount(self) -> None:
        self.set_class(text_direction(self.tr.locale) == "rtl", "rtl")  # Arabic, Persian: aligned right
        target = "#page-input" if self.ask else "Button"
        self.query_one(target).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_escape(self) -> None:
        if self.escape is not None:
            self.dismiss(self.escape)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        pre_intake_host(self).code_typed(self, event.value)

    def refuse(self, message) -> None:
        rtl = text_direction(self.tr.locale) == "rtl"
        self.query_one("#page-error", Static).update(text(self.tr(message), "bold", rtl=rtl))
        field = self.query_one("#page-input", Input)
        field.value = ""
        field.focus()


class LanguagePage(Screen[str]):
    """The first page when no --lang was given: every language named in its own script."""

    DEFAULT_CSS = """
    LanguagePage > Vertical { padding: 1 2; }
    LanguagePage OptionList { height: auto; width: 40; }
    LanguagePage .rtl { text-align: right; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            for loc in LOCALES:
                rtl = text_direction(loc) == "rtl"  # Arabic and Persian read from the right: aligned right
                yield Static(text(translator(loc)(CHOOSE_LANGUAGE), rtl=rtl), classes="rtl" if rtl else "")
            yield OptionList(*[Option(text(display_name(c), multiline=False), id=c) for c in LOCALES],
                             id="languages")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
