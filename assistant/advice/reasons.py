"""Reasons and the onderwijsroute weighing: the traceable 'why' of a proposal.

A reason names the rule, its explanation (a `Msg`, rendered only at the edge),
the answers it rests on (ids only: never the values, so health answers do not
leak into exports or logs), and its source with the verify mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.advice import lawdata
from assistant.advice.engine import Evaluation, Hit
from assistant.i18n import C_, Msg, Translator


@dataclass(frozen=True)
class Reason:
    rule_id: str
    msg: Msg
    answers: tuple[str, ...]
    source: str
    verify: bool

    @classmethod
    def from_hit(cls, hit: Hit, params: Mapping[str, Any]) -> Reason:
        return cls(hit.rule.id, hit.rule.explanation(**params), hit.answers, hit.rule.source, hit.rule.verify)

    def to_json(self, tr: Translator) -> dict[str, Any]:
        art = lawdata.article(self.source)
        return {
            "regel": self.rule_id,
            "uitleg": tr(self.msg),
            "antwoorden": list(self.answers),
            "bron": art.citation,
            "bron_id": self.source,
            "bron_url": art.url,
            "te_verifieren": self.verify,
        }


@dataclass(frozen=True)
class Criterion:
    rule_id: str
    kind: str  # voorwaarde | richtlijn
    met: bool | None
    msg: Msg
    answers: tuple[str, ...]

    def to_json(self, tr: Translator) -> dict[str, Any]:
        return {"regel": self.rule_id, "soort": self.kind, "voldaan": self.met,
                "uitleg": tr(self.msg), "antwoorden": list(self.answers)}

    def verdict(self) -> Msg:
        """'Voldaan' / 'Niet voldaan' / 'Nog niet bekend' before the criterion text."""
        if self.met is True:
            return C_("advice.criterium", "Klopt: {criterium}", criterium=self.msg)
        if self.met is False:
            return C_("advice.criterium", "Klopt niet: {criterium}", criterium=self.msg)
        return C_("advice.criterium", "Nog niet bekend: {criterium}", criterium=self.msg)


@dataclass(frozen=True)
class Weighing:
    """The onderwijsroute, always weighed when there is a plicht (RvS 2024:5413)."""

    outcome: str  # voorgesteld | twijfel | niet | open | niet_van_toepassing
    reason: Reason | None
    criteria: tuple[Criterion, ...]

    def summary(self) -> Msg:
        if self.reason is not None:
            return self.reason.msg
        if self.outcome == "niet_van_toepassing":
            return C_("advice.onderwijsroute", "Niet afgewogen: er is geen inburgeringsplicht (bekend).")
        return C_("advice.onderwijsroute", "Nog niet te zeggen: er ontbreken antwoorden.")

    def to_json(self, tr: Translator) -> dict[str, Any]:
        return {
            "uitkomst": self.outcome,
            "regel": self.reason.rule_id if self.reason else None,
            "uitleg": tr(self.summary()),
            "criteria": [c.to_json(tr) for c in self.criteria],
        }


def weighing(ev: Evaluation, params: Mapping[str, Any]) -> Weighing:
    criteria = tuple(
        Criterion(h.rule.id, h.effects.get("criterium", ""), h.result, h.rule.explanation(**params), h.answers)
        for h in ev.criteria
    )
    if ev.facts.get("plicht") != "ja":
        return Weighing("niet_van_toepassing", None, criteria)
    hit = next((h for h in ev.hits if h.step == "onderwijsroute"), None)
    if hit is None:
        return Weighing("open", None, criteria)
    return Weighing(hit.effects["onderwijsroute_uitkomst"], Reason.from_hit(hit, params), criteria)
