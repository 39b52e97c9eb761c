"""The intake-record contract (docs/intake-record.md) as a check.

These ids and values are public: replay files, exports and integrations rely
on them. `intake check` fails when a dialog drops one, changes its type, or
changes its choice values, so a rename can never slip through unnoticed.
"""

from __future__ import annotations

from typing import Any

from assistant.dialog.model import Dialog
from assistant.dialog.validate import Problem

# id -> (type, the choice ids | the (min, max) of a number | None); the second part depends on the first
RECORD_FIELDS: dict[str, tuple[str, Any]] = {
    "doelgroep": ("choice", ("asielstatushouder", "gezinsmigrant", "overige_migrant")),
    "inburgeringsplichtig": ("choice", ("ja", "nee_vrijstelling", "nee_ontheffing",
                                        "nee_tijdelijk_verblijf", "nee_anders", "onbekend")),
    "geboortedatum": ("date", None),
    "datum_kennisgeving": ("date", None),
    "datum_inschrijving_brp": ("date", None),
    "lbt_status": ("choice", ("afgenomen", "gepland", "niet_afgenomen")),
    "lbt_reden_niet_afgenomen": ("text", None),
    "lbt_resultaat": ("choice", ("b1_haalbaar", "b1_niet_haalbaar", "onbekend")),
    "lbt_behaalde_score": ("text", None),
    "lbt_benodigde_score": ("text", None),
    "geletterdheid": ("choice", ("latijns_schrift", "ander_schrift", "analfabeet")),
    "onderwijs_jaren": ("number", (0, 30)),
    "hoogste_opleiding": ("choice", ("geen", "basisonderwijs", "voortgezet", "mbo", "hbo_wo")),
    "huidige_opleiding": ("choice", ("geen", "entree", "praktijkonderwijs", "vso", "anders")),
    "werkervaring_jaren": ("number", (0, 60)),
    "hoofddoel": ("choice", ("werk", "opleiding", "participatie")),
    "gezondheid_beperking": ("choice", ("geen", "tijdelijk", "blijvend")),
    "belastbaarheid_uren_per_week": ("number", (0, 60)),
    "bijstand": ("yesno", None),
    "kinderen_leeftijden": ("list", None),
    "naam": ("text", None),  # the name the person uses; printed on the PIP, never used by the advice
}
SENSITIVE = {"gezondheid_beperking"}


def contract_problems(dialog: Dialog) -> list[Problem]:
    problems = []
    for fid, (ftype, values) in RECORD_FIELDS.items():
        if not dialog.has_question(fid):
            problems.append(Problem(dialog.path, 0, fid, f"the intake-record field '{fid}' is not asked; "
                                                         f"add a {ftype} question with this id"))
            continue
        q = dialog.question(fid)
        messages = []
        if q.type != ftype:
            messages.append(f"intake-record field '{fid}' must be of type {ftype}, not {q.type}")
        elif ftype == "choice" and set(q.choice_ids) != set(values):
            messages.append(f"choice values must be exactly: {', '.join(values)} (found: {', '.join(q.choice_ids)})")
        elif ftype == "number" and (q.opt("min"), q.opt("max")) != values:
            messages.append(f"range must be {values[0]}–{values[1]} as in intake-record.md")
        if fid in SENSITIVE and not q.sensitive:
            messages.append("special-category data (AVG art. 9): mark it sensitive: true")
        problems += [Problem(dialog.path, q.line, fid, message) for message in messages]
    return problems
