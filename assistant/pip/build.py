"""Building the draft PIP from the record, proposal, deadlines and (once taken) the decision.

The sections follow Wet art. 15 and the Divosa guidance (law key `pip_inhoud`):
leerroute and level, period, preconditions such as childcare, guidance and
support, PVT and MAP, ontzorgen, how progress is followed, what is still open,
and the right to object (the PIP is a beschikking). A confirmed plan starts
with whose plan it is and what the gemeente decided; the assistant's proposal
follows, marked as followed or not; then the person's goals and the
consulent's notes. Texts are short B1 Dutch `Msg`s; the section contents live
in `assistant.pip.plan`, `.personal` and `.sections`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assistant.advice.deadlines import Termijnen
from assistant.advice.decision import Decision
from assistant.advice.proposal import Proposal
from assistant.i18n import C_, Msg, Translator, translator
from assistant.pip import origin, personal, plan, sections, sources
from assistant.pip.model import PipDocument, Provenance


def build_document(record: Mapping[str, Any], proposal: Proposal, termijnen: Termijnen,
                   decision: Decision | None, *, locale: str = "nl", second_locale: str | None = None,
                   open_questions: Sequence[Msg | str] = (), quotes: Mapping[str, Msg] | None = None,
                   notes: Sequence[tuple[Msg | None, str]] = (),
                   translators: tuple[Translator, Translator | None] | None = None,
                   provenance: Provenance | None = None) -> PipDocument:
    """The PIP document. `quotes` maps more free-text answer ids to a label, shown as the person typed them;
    `notes` are the consulent's notes as (topic title, text).

    `provenance` says which answers came from the pre-intake and holds the consulent's
    Dutch renderings (assistant.pip.origin); without it the PIP has no such marks.

    `translators` overrides the catalogs (tests, previews); normally they come
    from `assistant.i18n.translator(locale)`.
    """
    if second_locale == locale:
        second_locale = None
    tr, tr2 = translators or (translator(locale), translator(second_locale) if second_locale else None)
    ctx = sections.Context(record, proposal, termijnen, decision)
    provenance = provenance or Provenance()
    parts = [origin.summary(plan.about(ctx), provenance)]
    parts += [plan.decided(ctx), plan.proposal(ctx)] if decision is not None else [plan.draft(ctx)]
    parts += [
        personal.goals(record, quotes or {}, {q: d for q, (_typed, d) in provenance.dutch.items()}),
        personal.notes(notes),
        sections.period(ctx),
        sections.conditions(ctx),
        sections.support(ctx),
        sections.pvt_map(ctx),
        sections.progress(ctx),
        sections.open_items(ctx, open_questions),
        sections.objection(ctx),
    ]
    parts = [p for p in parts if p.items]
    status = (C_("pip", "Vastgesteld door de gemeente") if decision is not None
              else C_("pip", "Concept: de consulent moet dit plan nog vaststellen"))
    doc = PipDocument(C_("pip", "Persoonlijk Plan Inburgering en Participatie (PIP)"), status, tuple(parts),
                      locale, second_locale, tr, tr2)
    return PipDocument(doc.title, doc.status, doc.sections, locale, second_locale, tr, tr2,
                       sources.legend(doc.items()), provenance)
