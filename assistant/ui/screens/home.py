"""The caseload: stored intakes with their state and most urgent deadline."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from assistant.app.caseload import summaries
from assistant.i18n import _
from assistant.ui.host import host
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.widgets.render import local_date, text

MODES = {"joint": _("samen"), "pre_intake": _("voorbereiding"), "training": _("oefenen")}


class HomeScreen(Screen):
    def __init__(self, store_path, tr) -> None:
        super().__init__(id="home")
        self.store_path, self.tr = store_path, tr

    def compose(self) -> ComposeResult:
        yield Static(text(self.tr(_("Intake-assistent inburgering")), "bold"), id="home-title")
        yield Static(text(self.tr(_("Kies een intake en druk op Enter. Of druk op n voor een nieuwe intake."))),
                     id="home-help")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first pushed: the one place the caseload is (re)read."""
        self.refresh_sessions()

    def refresh_sessions(self) -> None:
        tr = self.tr
        table = self.query_one(DataTable)
        table.clear(columns=True)
        # Every column is as wide as its widest cell (measured), so the whole row fits
        # a 100-column terminal and '29 nov. 2026' never loses its year.
        for label in (_("Intake"), _("Status"), _("Klaar"), _("Soort"), _("Termijn"), _("Begonnen")):
            table.add_column(text(tr(label), "bold"))
        clock = host(self).today
        today = clock() if clock is not None else date.today()
        rows = summaries(self.store_path, today)
        for s in rows:
            table.add_row(text(s.id), text(tr(s.status_msg)), text(f"{s.answered}/{s.total}"),
                          text(tr(MODES.get(s.mode, _("samen")))), self._deadline(s.deadline, today),
                          text(local_date(s.created_at[:10], tr.locale)), key=s.id)
        # Said anew on every refresh: an empty caseload at start must not keep its text
        # once an intake exists (it did, beside the paused intake it denied).
        self.query_one("#home-help", Static).update(text(tr(
            _("Kies een intake en druk op Enter. Of druk op n voor een nieuwe intake.") if rows
            else _("Er zijn nog geen intakes. Druk op n om te beginnen."))))
        table.focus()

    def _deadline(self, iso: str | None, today: date):
        """The deadline as the locale writes it; a date already past is marked, in words and colour."""
        if not iso:
            return text("-")
        shown = local_date(iso, self.tr.locale)
        if date.fromisoformat(iso) < today:
            return text("⚠ " + self.tr(_("{date} (verlopen)", date=shown)), "bold red")
        return text(shown)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            host(self).open_intake(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        sid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        if sid is not None:
            host(self).open_intake(sid)

    def action_new(self) -> None:
        host(self).new_intake("joint")

    def action_new_pre_intake(self) -> None:
        host(self).new_intake("pre_intake")

    def action_practice(self) -> None:
        from assistant.ui.practice import open_list

        open_list(host(self))

    def action_keys(self) -> None:
        host(self).action_keys()

    def action_interface_language(self) -> None:
        host(self).choose_interface_language()

    def action_quit(self) -> None:
        self.app.exit(0)
