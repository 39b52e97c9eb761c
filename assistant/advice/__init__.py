"""Leerroute advice, deadlines and the consulent's decision: a pure, UI-free library.

Public API (used by the replay, the CLI and the UI):

- `propose(record, today=..., policy=None) -> Proposal`
- `termijnen(record, today=..., dagtekening_pip=None, policy=None) -> Termijnen`
- `decide(proposal, besluit, first_pip=True) -> Decision` (raises `DecisionRefused`)

Rules, policy values and sources are data in law/*.yaml; texts are `Msg`
values rendered with a `Translator` only at the edge (`to_json(tr)`).
"""

from assistant.advice.deadlines import Deadline, Termijnen, termijnen
from assistant.advice.decision import Decision, DecisionRefused, decide
from assistant.advice.lawdata import LawDataError, resolve_policy
from assistant.advice.proposal import Proposal, propose
from assistant.advice.record import RecordError

__all__ = [
    "Deadline", "Decision", "DecisionRefused", "LawDataError", "Proposal", "RecordError",
    "Termijnen", "decide", "propose", "resolve_policy", "termijnen",
]
