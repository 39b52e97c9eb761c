"""What a session leads to: proposal, deadlines, decision, PIP and DUO body.

The one place where the engine's record meets the advice, PIP and DUO
modules, so that replay, `intake export` and the chat's proposal screen all
compute the same thing from the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from assistant.i18n import Msg, _


class DecisionInvalid(Exception):
    """The consulent's decision is refused; `field` and `msg` say why."""

    def __init__(self, field: str, msg: Msg) -> None:
        super().__init__(msg.msgid)
        self.field, self.msg = field, msg


@dataclass
class Outcome:
    proposal: Any
    termijnen: Any
    decision: Any | None
    pip_body: dict | None


def policy_values() -> dict:
    """The gemeente's policy overrides from the settings file, if any."""
    try:
        from assistant.settings import load_settings
    except ImportError:
        return {}
    return dict(load_settings().policy)


def compute(record: dict, today: date, besluit: dict | None = None) -> Outcome:
    from assistant.advice import DecisionRefused, decide, propose, termijnen
    from assistant.duo import pip_body, validate_pip_body

    policy = policy_values()
    proposal = propose(record, today=today, policy=policy)
    decision = body = None
    dagtekening = None
    if besluit is not None:
        from assistant.guard.besluit import check_besluit
        from assistant.guard.values import Refused

        try:
            check_besluit(besluit)
        except Refused as exc:  # the shape first: unknown fields, week dates, CBS codes, real words
            raise DecisionInvalid(exc.field.removeprefix("besluit."), exc.msg) from None
        try:
            decision = decide(proposal, besluit, first_pip=True, at=datetime.now(timezone.utc))
        except DecisionRefused as exc:
            raise DecisionInvalid(getattr(exc, "field", None) or "besluit", exc.msg) from None
        body = pip_body(decision, record)
        problems = validate_pip_body(body, first_pip=True, doelgroep=record.get("doelgroep"))
        if problems:  # our own export must never break DUO's contract silently
            raise DecisionInvalid("pip_duo", _("Het PIP voldoet niet aan het formaat van DUO: {problems}",
                                               problems="; ".join(problems)))
        dagtekening = date.fromisoformat(besluit["dagtekening_pip"])
    deadlines = termijnen(record, today=today, dagtekening_pip=dagtekening, policy=policy)
    return Outcome(proposal, deadlines, decision, body)


def replay_extras(intake, case, tr) -> dict:
    """The advice part of the replay output (proposal, termijnen, pip_duo)."""
    from assistant.replay import CaseInvalid

    try:
        outcome = compute(intake.record, case.today, case.besluit)
    except DecisionInvalid as exc:
        raise CaseInvalid([(f"besluit.{exc.field}" if exc.field != "besluit" else "besluit", exc.msg)]) from None
    out = {"proposal": outcome.proposal.to_json(tr), "termijnen": outcome.termijnen.to_json(tr)}
    if outcome.pip_body is not None:
        intake.decide(case.besluit, outcome.decision.event())
        out["status"] = "confirmed"
        out["pip_duo"] = outcome.pip_body
    return out


def export_session(store_path: Path, sid: str, fmt: str, output: Path | None):
    """`intake export`: Markdown or DUO JSON to stdout, PDF to a file."""
    from assistant.dialog.loader import load_dialog
    from assistant.sessions import open_readonly

    view = open_readonly(store_path, sid, action="export")
    record = view["answers"]
    today = date.today()
    outcome = compute(record, today, (view["decision"] or {}).get("besluit"))
    if fmt == "duo-json":
        if outcome.pip_body is None:
            raise DecisionInvalid("besluit", _("Er is nog geen besluit van de consulent. Bevestig eerst het voorstel."))
        return outcome.pip_body
    from assistant.engine import progress
    from assistant.pip import build_document, render_markdown, render_pdf

    dialog = load_dialog()
    open_qs = [dialog.question(q).msg("label") for q in
               progress.missing(dialog, record, view["skipped"])]
    doc = build_document(record, outcome.proposal, outcome.termijnen, outcome.decision,
                         locale="nl", second_locale=view["second_locale"], open_questions=open_qs)
    if fmt == "md":
        text = render_markdown(doc)
        if output is None:
            return text
        from assistant.store.files import private_write

        return private_write(output, text)
    target = output or Path(f"pip-{sid}.pdf")
    render_pdf(doc, target)
    return target
