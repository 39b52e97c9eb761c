"""What a session leads to: proposal, deadlines, decision, PIP and DUO body.

The one place where the engine's record meets the advice, PIP and DUO
modules, so that replay, `intake export` and the chat's proposal screen all
compute the same thing from the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from assistant.base.errors import FieldError
from assistant.i18n import Msg, _


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


def replay_extras(intake, case, tr, actor: str = "consulent") -> dict:
    """The advice part of the replay output (proposal, termijnen, pip_duo).

    A `besluit` in the case is recorded as the consulent's decision, as the
    proposal screen does, by `actor` (``import`` when the case is saved).
    """
    from assistant.outcome.cases import CaseInvalid

    try:
        outcome = compute(intake.record, case.today, case.besluit)
    except DecisionInvalid as exc:
        raise CaseInvalid([(f"besluit.{exc.field}" if exc.field != "besluit" else "besluit", exc.msg)]) from None
    out = {"proposal": outcome.proposal.to_json(tr), "termijnen": outcome.termijnen.to_json(tr)}
    if outcome.pip_body is not None:
        decision: Any = outcome.decision  # a PIP body is made from a decision
        intake.decide(case.besluit, decision.event(), actor)
        out["status"] = "confirmed"
        out["pip_duo"] = outcome.pip_body
    return out


DEFAULT_NAMES = {"md": "pip-{sid}.md", "pdf": "pip-{sid}.pdf", "duo-json": "pip-{sid}.duo.json"}


def export_session(store_path: Path, sid: str, fmt: str, output: Path | None):
    """`intake export`: to `output` when given (any format), else Markdown and DUO
    JSON as the returned text/object (for stdout) and PDF to ``pip-<id>.pdf`` in
    the current directory. A file written is returned as its `Path`; it is
    written with mode 0600 (personal data). An `output` that is a folder gets
    the default name inside it. The session is read through the caseload, which
    logs the read; `export_opened` makes the document.
    """
    from assistant.app.caseload import open_readonly

    if output is not None and output.is_dir():
        output = output / DEFAULT_NAMES[fmt].format(sid=sid)
    view, state = open_readonly(store_path, sid, action="export", with_state=True)
    return export_opened(view, state, sid, fmt, output)


def export_opened(view: dict, state, sid: str, fmt: str, output: Path | None):
    """The export of a session already read (`view` and `state` of the caseload's
    `open_readonly`), as `export_session` returns it; `output` is a file or None.
    A practice session never goes to DUO and its documents say OEFENING.
    """
    import json

    from assistant.base.private_files import write_private, write_text_private
    from assistant.dialog.loader import load_dialog
    from assistant.engine import training_guard as guard

    if fmt == "duo-json":  # DUO's schema has no field for where an answer came from: nothing extra
        guard.refuse_duo_export(view["mode"])
    record = view["answers"]
    today = date.today()
    outcome = compute(record, today, (view["decision"] or {}).get("besluit"))
    if fmt == "duo-json":
        if outcome.pip_body is None:
            raise DecisionInvalid("besluit", _("Er is nog geen besluit van de consulent. Bevestig eerst het voorstel."))
        if output is None:
            return outcome.pip_body
        return write_text_private(output, json.dumps(outcome.pip_body, ensure_ascii=False, indent=2) + "\n")
    from assistant.engine import progress
    from assistant.pip.build import build_document
    from assistant.pip.markdown import render_markdown
    from assistant.pip.pdf import render_pdf

    dialog = load_dialog()
    open_qs = [dialog.question(q).msg("label") for q in
               progress.missing(dialog, record, view["skipped"])]
    notes = [(_topic_title(dialog, topic), text) for topic, texts in (view.get("notes") or {}).items()
             for text in texts]
    doc = build_document(record, outcome.proposal, outcome.termijnen, outcome.decision,
                         locale="nl", second_locale=view["second_locale"], open_questions=open_qs, notes=notes,
                         provenance=pip_provenance(dialog, state, record))
    doc = guard.mark_document(doc, view["mode"])
    if fmt == "md":
        text = render_markdown(doc)
        return text if output is None else write_text_private(output, text)
    target = output or Path.cwd() / DEFAULT_NAMES["pdf"].format(sid=sid)
    return write_private(target, lambda tmp: render_pdf(doc, tmp))


def pip_provenance(dialog, state, record):
    """What the PIP says of where answers came from: answers from the pre-intake (info pages left out), and the
    consulent's Dutch renderings (not of sensitive answers: the PIP does not quote those)."""
    from assistant.engine.provenance import origins
    from assistant.pip.model import Provenance

    answers = {qid: v for qid, v in record.items()  # an info page acknowledged is no answer to check
               if (q := dialog.find_question(qid)) is not None and q.type != "info"}
    dutch = {}
    for qid, rendering in state.dutch.items():
        q = dialog.find_question(qid)
        if q is not None and not q.sensitive and isinstance(record.get(qid), str):
            dutch[qid] = (record[qid], rendering)
    return Provenance(origins(state, answers), dutch)


def _topic_title(dialog, topic_id: str) -> Msg | None:
    """The title of the topic a note was written at; None when the dialog no longer has it."""
    try:
        return dialog.topic(topic_id).title_msg()
    except (KeyError, LookupError, ValueError):
        return None
