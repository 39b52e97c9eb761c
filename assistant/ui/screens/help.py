"""The key help, generated from the same registry as the bindings and the footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from assistant.i18n import _
from assistant.ui.keymap import CHAT_KEYS, HOME_KEYS, PHASE_KEYS, PRACTICE_KEYS, effective_key
from assistant.ui.widgets.render import text


class KeysHelp(ModalScreen[None]):
    DEFAULT_CSS = """
    KeysHelp { align: center middle; }
    KeysHelp > Vertical {
        width: 70; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 1;
    }
    KeysHelp DataTable { height: auto; }
    """
    BINDINGS = [("escape", "close", ""), ("f2", "close", "")]

    def __init__(self, tr, overrides: dict[str, str]) -> None:
        super().__init__()
        self.tr, self.overrides = tr, overrides

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(text(self.tr(_("Toetsen. Aanpassen kan in het instellingenbestand, onder [keys]."))))
            yield DataTable(id="keys", show_cursor=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in (_("Id"), _("Toets"), _("Wat")):
            table.add_column(text(self.tr(label), "bold"))
        seen = set()
        for spec in CHAT_KEYS + PHASE_KEYS + HOME_KEYS + PRACTICE_KEYS:
            if spec.id in seen:
                continue
            seen.add(spec.id)
            table.add_row(text(spec.id), text(effective_key(spec, self.overrides)), text(self.tr(spec.description)))

    def action_close(self) -> None:
        self.dismiss(None)
