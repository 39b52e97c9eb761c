"""Deadlines (termijnen) from the session's dates, with the clock passed in.

- PIP due `pip_termijn_weken` (10) weeks after the later of DUO's kennisgeving
  and the BRP registration (Besluit 5.3, verify);
- the inburgeringstermijn of `inburgeringstermijn_jaren` (3) years, starting the
  day after the first PIP's dagtekening (Wet art. 11);
- switching leerroute within `schakelen_maanden` (18) months of that start;
- the vve information duty when a child is of vve age (rule K-VVE).

`today` is always an argument: tests and replays fix the clock; nothing here
reads the system time.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from assistant.advice import conditions, lawdata, record, rules
from assistant.i18n import C_, Msg, Translator

NO_PLICHT = ("nee_vrijstelling", "nee_ontheffing", "nee_tijdelijk_verblijf", "nee_anders")


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    id: str
    date: date
    status: str  # op_tijd | bijna | verlopen
    days_left: int
    label: Msg
    source: str
    answers: tuple[str, ...]

    def to_json(self, tr: Translator) -> dict[str, Any]:
        return {"id": self.id, "datum": self.date.isoformat(), "status": self.status,
                "dagen_over": self.days_left, "omschrijving": tr(self.label),
                "bron": lawdata.article(self.source).citation, "antwoorden": list(self.answers)}


@dataclass(frozen=True)
class Termijnen:
    today: date
    pip_start: date | None
    pip_start_basis: str | None
    pip_uiterlijk: Deadline | None
    pip_waarschuwing: str  # op_tijd | bijna | verlopen | vastgesteld | onbekend | niet_van_toepassing
    dagtekening_pip: date | None
    termijn_start: date | None
    termijn_eind: Deadline | None
    schakelen: Deadline | None
    vve_informeren: bool | None
    missing: tuple[str, ...]

    def most_urgent(self) -> Deadline | None:
        """The one deadline to show first (home screen): the PIP until it exists, then the rest."""
        if self.dagtekening_pip is None:
            return self.pip_uiterlijk
        for deadline in (self.schakelen, self.termijn_eind):
            if deadline is not None and deadline.status != "verlopen":
                return deadline
        return self.termijn_eind

    def to_json(self, tr: Translator) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        urgent = self.most_urgent()
        return {
            "pip_start": iso(self.pip_start),
            "pip_start_basis": self.pip_start_basis,
            "pip_uiterlijk": iso(self.pip_uiterlijk.date) if self.pip_uiterlijk else None,
            "pip_waarschuwing": self.pip_waarschuwing,
            "pip_dagen_over": self.pip_uiterlijk.days_left if self.pip_uiterlijk else None,
            "dagtekening_pip": iso(self.dagtekening_pip),
            "inburgeringstermijn_start": iso(self.termijn_start),
            "inburgeringstermijn_eind": iso(self.termijn_eind.date) if self.termijn_eind else None,
            "schakelen_uiterlijk": iso(self.schakelen.date) if self.schakelen else None,
            "vve_informeren": self.vve_informeren,
            "meest_dringend": urgent.to_json(tr) if urgent else None,
            "ontbrekende_antwoorden": list(self.missing),
        }


def termijnen(record_values: Mapping[str, Any], *, today: date, dagtekening_pip: date | None = None,
              policy: Mapping[str, Any] | None = None) -> Termijnen:
    pol = lawdata.resolve_policy(policy)
    facts = record.facts(record_values, today)
    dates = {k: facts.date(k) for k in ("datum_kennisgeving", "datum_inschrijving_brp")}
    known = {k: d for k, d in dates.items() if d is not None}
    missing = [k for k in dates if k not in known]
    start = basis = None
    if known:
        basis, start = max(known.items(), key=lambda kv: (kv[1], kv[0]))
    pip_deadline = None
    if start is not None:
        due = start + timedelta(weeks=pol["pip_termijn_weken"])
        pip_deadline = _deadline("pip_uiterlijk", due, today, pol,
                                 C_("termijnen", "Het PIP moet uiterlijk op deze dag klaar zijn."),
                                 "besluit_5_3", tuple(known))
    warning = _pip_warning(facts, pip_deadline, dagtekening_pip)
    term_start = term_end = switch = None
    if dagtekening_pip is not None:
        term_start = dagtekening_pip + timedelta(days=1)
        # 3 years from the day after the dagtekening: the last day is the dagtekening's anniversary.
        term_end = _deadline("inburgeringstermijn_eind",
                             add_months(dagtekening_pip, 12 * pol["inburgeringstermijn_jaren"]), today, pol,
                             C_("termijnen", "Op deze dag eindigt uw inburgeringstermijn."), "wet_11", ())
        switch = _deadline("schakelen_uiterlijk", add_months(dagtekening_pip, pol["schakelen_maanden"]), today, pol,
                           C_("termijnen", "Tot deze dag kunt u nog van leerroute wisselen."),
                           "schakelen_18_maanden", ())
    vve_rule = rules.ruleset().rule("K-VVE")
    vve = conditions.evaluate(vve_rule.when, facts.values, pol)
    if vve is None:
        missing.append("kinderen_leeftijden")
    return Termijnen(today, start, basis, pip_deadline, warning, dagtekening_pip, term_start, term_end,
                     switch, vve, tuple(missing))


def _deadline(did: str, due: date, today: date, pol: Mapping[str, Any], label: Msg, source: str,
              answers: tuple[str, ...]) -> Deadline:
    left = (due - today).days
    status = "verlopen" if left < 0 else ("bijna" if left <= pol["pip_waarschuwing_dagen"] else "op_tijd")
    return Deadline(did, due, status, left, label, source, answers)


def _pip_warning(facts: record.Facts, deadline: Deadline | None, dagtekening: date | None) -> str:
    if facts.get("inburgeringsplichtig") in NO_PLICHT:
        return "niet_van_toepassing"
    if dagtekening is not None:
        return "vastgesteld"
    if deadline is None:
        return "onbekend"
    return deadline.status
