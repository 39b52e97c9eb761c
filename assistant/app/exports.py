"""`intake export`: the PIP as Markdown or PDF, and DUO's message, from a stored session.

Every export reads the session read-only, logs the read (purpose "export"),
computes the outcome the way the proposal screen does (`outcome.compute`) and
writes the file for this user only, all or nothing (`base.private_files`).
A practice session is marked OEFENING and never becomes a DUO message.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from assistant.app.records import read_session
from assistant.base.messages import Msg, _
from assistant.base.paths import Location
from assistant.base.private_files import write_private, write_text_private
from assistant.dialog.loader import load_dialog
from assistant.dialog.model import Dialog
from assistant.engine import progress
from assistant.engine.provenance import origins
from assistant.engine.state import SessionState
from assistant.outcome.compute import DecisionInvalid, compute
from assistant.pip.model import Provenance
from assistant.training import guard

DEFAULT_NAMES = {"md": "pip-{sid}.md", "pdf": "pip-{sid}.pdf", "duo-json": "pip-{sid}.duo.json"}


def export_session(store_path: Location, sid: str, fmt: str, output: Path | None) -> Path | str | dict[str, Any]:
    """`intake export`: to `output` when given (any format), else Markdown and DUO
    JSON as the returned text/object (for stdout) and PDF to ``pip-<id>.pdf`` in
    the current directory. A file written is returned as its `Path`; it is
    written with mode 0600 (personal data). An `output` that is a folder gets
    the default name inside it.
    """
    if output is not None and output.is_dir():
        output = output / DEFAULT_NAMES[fmt].format(sid=sid)
    view, state = read_session(store_path, sid, action="export")
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
    from assistant.pip.build import build_document  # the document modules only for a document
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


def pip_provenance(dialog: Dialog, state: SessionState, record: dict[str, Any]) -> Provenance:
    """The PIP's view of the pre-intake: answers from the pre-intake (info pages left out), and the
    consulent's Dutch renderings (not of sensitive answers: the PIP does not quote those)."""
    answers = {qid: v for qid, v in record.items()  # an info page acknowledged is no answer to check
               if (q := dialog.find_question(qid)) is not None and q.type != "info"}
    dutch: dict[str, tuple[str, str]] = {}
    for qid, rendering in state.dutch.items():
        q = dialog.find_question(qid)
        if q is not None and not q.sensitive and isinstance(record.get(qid), str):
            dutch[qid] = (record[qid], rendering)
    return Provenance(origins(state, answers), dutch)


def _topic_title(dialog: Dialog, topic_id: str) -> Msg | None:
    """The title of the topic a note was written at; None when the dialog no longer has it."""
    try:
        return dialog.topic(topic_id).title_msg()
    except (KeyError, LookupError, ValueError):
        return None
