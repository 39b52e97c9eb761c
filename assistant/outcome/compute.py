"""What a session leads to: proposal, deadlines, decision, PIP and DUO body.

The one place where the engine's record meets the advice, PIP and DUO
modules, so that replay, `intake export` and the chat's proposal screen all
compute the same thing from the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from assistant.base.errors import FieldError
from assistant.i18n import _


class DecisionInvalid(FieldError):
    """The consulent's decision is refused; `field` and `msg` say why."""


@dataclass
class Outcome:
    proposal: Any
    termijnen: Any
    decision: Any | None
    pip_body: dict | None


def policy_values() -> dict:
    """The gemeente's policy overrides from the settings file, if any."""
    try:
        from assistant.base.settings import load_settings
    except ImportError:
        return {}
    return dict(load_settings().policy)


def compute(record: dict, today: date, besluit: dict | None = None) -> Outcome:
    from assistant.advice.deadlines import termijnen
    from assistant.advice.decision import DecisionRefused, decide
    from assistant.advice.proposal import propose
    from assistant.duo.pip_export import pip_body, validate_pip_body

    policy = policy_values()
    proposal = propose(record, today=today, policy=policy)
    decision = body = None
    dagtekening = None
    if besluit is not None:
        from assistant.validation.besluit import check_besluit
        from assistant.validation.values import Refused

        try:
            check_besluit(besluit)
        except Refused as exc:  # the shape first: unknown fields, week dates, CBS codes, real words
            raise DecisionInvalid(exc.field.removeprefix("besluit."), exc.msg) from None
        try:
            decision = decide(proposal, besluit, first_pip=True, at=datetime.now(UTC))
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


def decide_and_record(intake, besluit: dict, actor: str = "consulent") -> Outcome:
    """The consulent's decision on the advice for the intake's answers, checked and recorded.

    One rule for the chat's proposal screen, plain mode and the replay: the
    proposal is computed from the answers as they are, the `besluit` checked
    against it and DUO's rules, and only then committed (`DecisionInvalid`
    when refused: nothing is stored).
    """
    outcome = compute(intake.record, intake.today(), besluit)
    decision: Any = outcome.decision  # a besluit always yields a decision, or DecisionInvalid
    intake.decide(besluit, decision.event(), actor)
    return outcome


def replay_extras(intake, case, tr, actor: str = "consulent") -> dict:
    """The advice part of the replay output (proposal, termijnen, pip_duo).

    A `besluit` in the case is recorded as the consulent's decision, as the
    proposal screen does, by `actor` (``import`` when the case is saved).
    """
    from assistant.outcome.cases import CaseInvalid

    try:
        if case.besluit is None:
            outcome = compute(intake.record, case.today)
        else:
            outcome = decide_and_record(intake, case.besluit, actor)
    except DecisionInvalid as exc:
        raise CaseInvalid([(f"besluit.{exc.field}" if exc.field != "besluit" else "besluit", exc.msg)]) from None
    out = {"proposal": outcome.proposal.to_json(tr), "termijnen": outcome.termijnen.to_json(tr)}
    if outcome.pip_body is not None:
        out["status"] = "confirmed"
        out["pip_duo"] = outcome.pip_body
    return out
