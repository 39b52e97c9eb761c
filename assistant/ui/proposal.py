"""The proposal: route, elements and reasons; the consulent agrees or deviates."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from assistant.i18n import _
from assistant.outcome import DecisionInvalid, compute
from assistant.ui.render import content, text


class ProposalScreen(Screen):
    BINDINGS = [("escape", "close", "")]

    def __init__(self, intake, tr) -> None:
        super().__init__(id="proposal")
        self.intake, self.tr = intake, tr
        self.outcome = compute(dict(intake.record), intake.today())

    def compose(self) -> ComposeResult:
        tr = self.tr
        p = self.outcome.proposal.to_json(tr)
        with VerticalScroll():
            yield Static(text(tr(_("Voorstel voor het PIP (concept). De consulent beslist.")), "bold"))
            yield Static(text(tr(_("Leerroute: {route}. Niveau: {level}. Alfabetisering: {alfa}.",
                                   route=p.get("leerroute") or "-", level=p.get("niveau") or "-",
                                   alfa=p.get("alfabetisering") or "-"))))
            if p.get("vraag"):
                yield Static(text(p["vraag"], "bold yellow"))
            for reason in p.get("redenen", []):
                yield Static(text(f"• {reason['uitleg']}  ({reason['regel']}; {reason['bron']})"))
            with Vertical(id="decision"):
                yield Input(value=date.today().isoformat(), id="dagtekening",
                            placeholder=tr(_("Datum van het PIP (jjjj-mm-dd)")))
                yield Input(id="gemeentecode", placeholder=tr(_("Gemeentecode, 4 cijfers")), max_length=4)
                yield Input(id="leerroute", placeholder=tr(_("Andere leerroute: B, O of Z")), max_length=1)
                yield Input(id="niveau", placeholder=tr(_("Ander niveau: A2 of B1")), max_length=2)
                yield Input(id="motivatie", placeholder=tr(_("Motivatie (nodig als u afwijkt)")), max_length=2000)
                yield Static(id="decision-error")
                with Horizontal():
                    yield Button(content(tr(_("Akkoord met het voorstel"))), id="agree", variant="success")
                    yield Button(content(tr(_("Afwijken met motivatie"))), id="deviate", variant="warning")
                    yield Button(content(tr(_("Terug"))), id="close")
        yield Footer()

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value.strip()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "close":
            self.action_close()
            return
        besluit = {"akkoord": event.button.id == "agree", "dagtekening_pip": self._value("dagtekening"),
                   "gemeentecode": self._value("gemeentecode")}
        if event.button.id == "deviate":
            besluit.update(leerroute=self._value("leerroute").upper() or None,
                           niveau=self._value("niveau").upper() or None, motivatie=self._value("motivatie"))
        try:
            outcome = compute(dict(self.intake.record), self.intake.today(), besluit)
            self.intake.decide(besluit, outcome.decision.event())
        except DecisionInvalid as exc:
            self.query_one("#decision-error", Static).update(text(self.tr(exc.msg), "bold red"))
            return
        except Exception as exc:  # noqa: BLE001
            from assistant.errors import describe

            self.query_one("#decision-error", Static).update(text(self.tr(describe(exc)), "bold red"))
            return
        self.app.decision_taken(self)

    def action_close(self) -> None:
        self.app.pop_screen()
