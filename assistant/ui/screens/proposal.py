"""The proposal: route, elements and reasons; the consulent agrees or deviates."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from assistant.base.dates import typed_date
from assistant.base.errors import AppError, describe
from assistant.i18n import N_, _
from assistant.ui.host import host
from assistant.ui.screens.practice import training_banner
from assistant.ui.widgets.inputs import PLACEHOLDERS
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.widgets.render import content, text

DEVIATION_FIELDS = ("leerroute", "niveau", "motivatie")


class ProposalScreen(Screen):
    BINDINGS = [("escape", "close", "")]

    def __init__(self, conv, tr) -> None:
        super().__init__(id="proposal")
        self.conv, self.tr = conv, tr
        self.outcome = conv.proposal()

    def compose(self) -> ComposeResult:
        tr = self.tr
        p = self.outcome.proposal.to_json(tr)
        yield from training_banner(self.conv.mode, tr)
        with VerticalScroll():
            yield Static(text(tr(_("Voorstel voor het PIP (concept). De consulent beslist.")), "bold"))
            level = p.get("niveau") or (tr(_("geen; het leerdoel is {doel}", doel=p["leerdoel"]))
                                        if p.get("leerdoel") else "-")   # the Z-route has no DUO niveau
            yield Static(text(tr(_("Leerroute: {route}. Niveau: {level}. Alfabetisering: {alfa}.",
                                   route=p.get("leerroute") or "-", level=level,
                                   alfa=p.get("alfabetisering") or "-"))))
            if p.get("vraag"):
                yield Static(text(p["vraag"], "bold yellow"))
            unconfirmed = self.conv.unconfirmed_answers()
            if unconfirmed:  # said, not blocking: the consulent decides
                yield Static(text(tr(N_("Let op: {n} antwoord uit de voorbereiding is nog niet bevestigd. "
                                        "Kijk het na in het overzicht, of bevestig het plan toch.",
                                        "Let op: {n} antwoorden uit de voorbereiding zijn nog niet bevestigd. "
                                        "Kijk ze na in het overzicht, of bevestig het plan toch.", len(unconfirmed))),
                                  "bold yellow"), id="unconfirmed")
            for reason in p.get("redenen", []):
                yield Static(text(f"• {reason['uitleg']}  ({reason['regel']}; {reason['bron']})"))
            with Vertical(id="decision"):
                today = self.conv.today()
                fields = (("dagtekening", _("Datum van het PIP"), f"{today:%d-%m-%Y}", tr(PLACEHOLDERS["date"]), 10),
                          ("gemeentecode", _("Gemeentecode"), "", tr(_("Gemeentecode, 4 cijfers")), 4),
                          ("leerroute", _("Andere leerroute"), "", tr(_("Andere leerroute: B, O of Z")), 1),
                          ("niveau", _("Ander niveau"), "", tr(_("Ander niveau: A2 of B1, leeg bij Z")), 2),
                          ("motivatie", _("Motivatie"), "", tr(_("Motivatie (nodig als u afwijkt)")), 2000))
                for wid, label, value, placeholder, length in fields:
                    yield Label(text(tr(label), "bold"), classes="field-label")
                    yield Input(value=value, id=wid, placeholder=placeholder, max_length=length)
                yield Static(id="decision-error")
                with Horizontal():
                    yield Button(content(tr(_("Akkoord met het voorstel"))), id="agree", variant="success")
                    yield Button(content(tr(_("Afwijken met motivatie"))), id="deviate", variant="warning")
                    yield Button(content(tr(_("Terug"))), id="close")
        yield KeyFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        # The proposed date is filled in: Tab passing through it must not select it, or
        # the next keys typed would replace it without a word.
        self.query_one("#dagtekening", Input).select_on_focus = False

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value.strip()

    def _refuse(self, message: str) -> None:
        self.query_one("#decision-error", Static).update(text(message, "bold red"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "close":
            self.action_close()
            return
        agree = event.button.id == "agree"
        if agree and any(self._value(f) for f in DEVIATION_FIELDS):
            # Agreeing would silently drop what was typed to deviate: ask instead.
            self._refuse(self.tr(_("U vulde een afwijking in. Kies dan Afwijken met motivatie. "
                                   "Of maak de velden voor afwijken leeg en kies Akkoord.")))
            return
        try:
            besluit = {"akkoord": agree, "dagtekening_pip": typed_date(self._value("dagtekening")).isoformat(),
                       "gemeentecode": self._value("gemeentecode")}
        except AppError as exc:
            self._refuse(self.tr(exc.msg))
            return
        if not agree:
            besluit.update(leerroute=self._value("leerroute").upper() or None,
                           niveau=self._value("niveau").upper() or None, motivatie=self._value("motivatie"))
        try:
            self.conv.decide(besluit)
        except Exception as exc:  # noqa: BLE001 - refused or failed: said on this screen, never a traceback
            self._refuse(self.tr(describe(exc)))
            return
        host(self).nav.decided()

    def action_close(self) -> None:
        host(self).nav.proposal_closed()

    def action_keys(self) -> None:
        host(self).action_keys()

    def action_pause(self) -> None:
        host(self).leave_intake()
