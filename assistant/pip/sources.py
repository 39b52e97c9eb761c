"""Where each PIP row comes from: readable for the person, exact for the consulent.

The body of the PIP names its sources the way a person can look them up
("Wet inburgering 2021, art. 14"). Rule ids, answer ids and whether a source
still needs verifying are for the consulent only: they go to the appendix
(`appendix_rows`, `legend`), so a plan marked "Vastgesteld" carries no
internal references or "(nog controleren)" in its body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.advice import lawdata, rules
from assistant.i18n import C_, Msg
from assistant.pip.model import Item

_CUT = re.compile(r" \(|; ")
APPENDIX = C_("pip.kop", "Bijlage voor de consulent: herkomst")
PART = C_("pip.kop", "Onderdeel")
ORIGIN = C_("pip.kop", "Herkomst")
SOURCES = C_("pip.kop", "Bronnen")
CHECK = C_("pip.kop", "(nog controleren)")
OWN = {
    "antwoord": C_("pip.bron", "Uw antwoord in de intake"),
    "besluit": C_("pip.bron", "Besluit van de gemeente"),
    "notitie": C_("pip.bron", "Notitie van de consulent"),
    "voorbereiding": C_("pip.kop", "Antwoorden uit de voorbereiding"),  # the same text as the appendix table
}


def short_citation(article_key: str) -> str:
    """The citation without its explanation: 'Wet inburgering 2021, art. 14 lid 3' (or the article's `short`)."""
    art = lawdata.article(article_key)
    return art.short or _CUT.split(art.citation, maxsplit=1)[0].strip()


def article_of(ref: str) -> str | None:
    """The law/articles.yaml key behind a rule, policy or source ref; None for answers and decisions."""
    kind, _, key = ref.partition(":")
    if kind == "regel":
        return rules.ruleset().rule(key).source
    if kind == "bron":
        return key
    if kind == "beleid":
        return lawdata.policy_defaults()[key].source
    return None


def readable(item: Item, origins: Mapping[str, Msg | None] | None = None) -> list[str | Msg]:
    """The row's sources for the person: short citations, then 'your answer' / 'decision of the gemeente'.

    `origins` maps answer ids to their pre-intake mark (assistant.pip.origin), which then
    replaces 'your answer in the intake' for that answer.
    """
    out: list[str | Msg] = []
    for ref in item.trace:
        key = article_of(ref)
        kind, _, answer = ref.partition(":")
        entry: str | Msg | None = short_citation(key) if key else OWN.get(kind)
        if kind == "antwoord" and origins and answer in origins:
            entry = origins[answer]
        if entry is not None and entry not in out:
            out.append(entry)
    return out


def names(doc, item: Item) -> list[str]:
    """The row's sources as text; a pre-intake mark in both languages of the plan."""
    from assistant.pip.origin import mark

    origins = {qid: mark(doc.provenance, qid) for qid in doc.provenance.origins}
    marks = set(origins.values())
    return [s if isinstance(s, str) else (doc.both(s) if s in marks else doc.render(s))
            for s in readable(item, origins)]


def legend(items: Iterable[Item]) -> tuple[tuple[str, str, bool], ...]:
    """Each rule, policy and source cited in the document with its full citation and verify mark."""
    seen: dict[str, tuple[str, str, bool]] = {}
    rs = rules.ruleset()
    for it in items:
        for ref in it.trace:
            kind, _, key = ref.partition(":")
            if ref in seen:
                continue
            if kind == "regel":
                rule = rs.rule(key)
                seen[ref] = (ref, lawdata.article(rule.source).citation, rule.verify)
            elif kind == "bron":
                art = lawdata.article(key)
                seen[ref] = (ref, art.citation, art.verify)
            elif kind == "beleid":
                pv = lawdata.policy_defaults()[key]
                seen[ref] = (ref, lawdata.article(pv.source).citation, pv.verify)
    return tuple(seen.values())
