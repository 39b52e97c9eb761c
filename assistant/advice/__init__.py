"""Leerroute advice, deadlines and the consulent's decision: a pure, UI-free library.

Its modules, each imported by name (this package re-exports nothing, so no
module of it depends on the order in which the others are imported):

- `proposal.propose(record, today=..., policy=None) -> Proposal`
- `deadlines.termijnen(record, today=..., dagtekening_pip=None, policy=None) -> Termijnen`
- `decision.decide(proposal, besluit, first_pip=True) -> Decision` (raises `DecisionRefused`)
- `rules`, `conditions`, `engine`, `reasons`: the rules as data (law/rules.yaml) and how they are weighed
- `lawdata`, `record`, `duo_rules`: the law files, the advice's view of the answers, DUO's business rules

Rules, policy values and sources are data in law/*.yaml; texts are `Msg`
values rendered with a `Translator` only at the edge (`to_json(tr)`).
"""
