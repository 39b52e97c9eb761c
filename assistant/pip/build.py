"""Building the draft PIP from the record, proposal, deadlines and (once taken) the decision.

The sections follow Wet art. 15 and the Divosa guidance (law key `pip_inhoud`):
leerroute and level, period, preconditions such as childcare, guidance and
support, PVT and MAP, ontzorgen, how progress is followed, what is still open,
and the right to object (the PIP is a beschikking). Texts are short B1 Dutch
`Msg`s; the section contents live in `assistant.pip.sections`.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from assistant.advice import lawdata, rules
from assistant.advice.decision import Decision
from assistant.advice.deadlines import Termijnen
from assistant.advice.proposal import Proposal
from assistant.i18n import C_, Msg, Translator, translator
from assistant.pip import sections
from assistant.pip.model import PipDocument, Section, UserText


def build_document(record: Mapping[str, Any], proposal: Proposal, termijnen: Termijnen,
                   decision: Decision | None, *, locale: str = "nl", second_locale: str | None = None,
                   open_questions: Sequence[Msg | str] = (), quotes: Mapping[str, Msg] | None = None,
                   translators: tuple[Translator, Translator | None] | None = None) -> PipDocument:
    """The PIP document. `quotes` maps free-text answer ids to a label, shown as the person typed them.

    `translators` overrides the catalogs (tests, previews); normally they come
    from `assistant.i18n.translator(locale)`.
    """
    if second_locale == locale:
        second_locale = None
    tr, tr2 = translators or (translator(locale), translator(second_locale) if second_locale else None)
    ctx = sections.Context(record, proposal, termijnen, decision)
    parts = [
        sections.about(ctx),
        sections.route(ctx),
        sections.period(ctx),
        sections.conditions(ctx),
        sections.support(ctx),
        sections.pvt_map(ctx),
        sections.progress(ctx),
    ]
    own = _quotes(record, quotes or {})
    if own is not None:
        parts.append(own)
    parts.append(sections.open_items(ctx, open_questions))
    parts.append(sections.objection(ctx))
    parts = [p for p in parts if p.items]
    status = (C_("pip", "Vastgesteld door de gemeente") if decision is not None
              else C_("pip", "Concept: de consulent moet dit plan nog vaststellen"))
    doc = PipDocument(C_("pip", "Persoonlijk Plan Inburgering en Participatie (PIP)"), status, tuple(parts),
                      locale, second_locale, tr, tr2)
    return PipDocument(doc.title, doc.status, doc.sections, locale, second_locale, tr, tr2, _legend(doc))


def _quotes(record: Mapping[str, Any], quotes: Mapping[str, Msg]) -> Section | None:
    items = []
    for answer_id, label in quotes.items():
        value = record.get(answer_id)
        if isinstance(value, str) and value.strip():
            items.append(sections.item(label, UserText(value), f"antwoord:{answer_id}"))
    if not items:
        return None
    return Section("eigen_woorden", C_("pip", "In uw eigen woorden"), tuple(items))


def _legend(doc: PipDocument) -> tuple[tuple[str, str, bool], ...]:
    """Each rule and source cited in the document with its citation and verify mark."""
    seen: dict[str, tuple[str, str, bool]] = {}
    rs = rules.ruleset()
    for item in doc.items():
        for ref in item.trace:
            kind, _, key = ref.partition(":")
            if ref in seen:
                continue
            if kind == "regel":
                rule = rs.rule(key)
                art = lawdata.article(rule.source)
                seen[ref] = (ref, art.citation, rule.verify)
            elif kind == "bron":
                art = lawdata.article(key)
                seen[ref] = (ref, art.citation, art.verify)
            elif kind == "beleid":
                pv = lawdata.policy_defaults()[key]
                seen[ref] = (ref, lawdata.article(pv.source).citation, pv.verify)
    return tuple(seen.values())
