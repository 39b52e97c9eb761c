"""Small dialogs: a line of text (skip reason, note) and the language picker."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.i18n.locales import display_name
from assistant.ui.widgets.render import text

LOCALES = ("nl", "en", "ar", "fa", "ti", "tr", "so")


class TextPrompt(ModalScreen[str | None]):
    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical { width: 70; height: auto; border: round $accent; background: $surface; padding: 1; }
    """
    BINDINGS = [("escape", "cancel", "")]

    def __init__(self, prompt: str, placeholder: str = "", *, value: str = "",
                 submit: Callable[[str], str | None] | None = None) -> None:
        """`submit`, when given, carries the text out (through the session API) and returns an
        error message to show here, or None; the prompt stays open until it succeeds or is cancelled."""
        super().__init__()
        self.prompt, self.placeholder, self.value, self.submit = prompt, placeholder, value, submit

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(text(self.prompt))
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input", max_length=2000)
            yield Static(id="prompt-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        error = self.submit(event.value) if self.submit is not None else None
        if error:
            self.query_one("#prompt-error", Static).update(text(error, "bold red"))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LanguagePicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    LanguagePicker { align: center middle; }
    LanguagePicker > Vertical { width: 50; height: auto; border: round $accent; background: $surface; padding: 1; }
    LanguagePicker OptionList { height: auto; }
    """
    BINDINGS = [("escape", "cancel", "")]

    def __init__(self, prompt: str, current: str | None) -> None:
        super().__init__()
        self.prompt, self.current = prompt, current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(text(self.prompt))
            yield OptionList(*[Option(text(f"{display_name(c, c)} ({c})", multiline=False), id=c) for c in LOCALES])

    def on_mount(self) -> None:
        if self.current in LOCALES:
            self.query_one(OptionList).highlighted = LOCALES.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
