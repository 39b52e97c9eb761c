"""Running the rule steps over the facts, keeping a trace of every conclusion.

The engine is deliberately dumb: it knows the three step modes and Kleene
logic, nothing about inburgering. Each hit records which answers it rests on:
an answer id directly, a derived fact through `record.SOURCES`, and a fact
set by an earlier step through that step's own hit. Where a condition is
unknown, the answers still needed are collected instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.advice import conditions, record
from assistant.advice.rules import Rule, RuleSet, Step


@dataclass(frozen=True)
class Hit:
    """A rule whose condition held (or, for criteria, was evaluated)."""

    rule: Rule
    step: str
    result: bool | None
    answers: tuple[str, ...]
    effects: Mapping[str, Any]


@dataclass
class Evaluation:
    facts: dict[str, Any]
    hits: list[Hit] = field(default_factory=list)
    criteria: list[Hit] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsettled: list[str] = field(default_factory=list)
    provenance: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def hit(self, rule_id: str) -> Hit | None:
        return next((h for h in self.hits if h.rule.id == rule_id), None)

    def _add_missing(self, ids: list[str]) -> None:
        self.missing += [i for i in ids if i not in self.missing]


def run(ruleset: RuleSet, facts: Mapping[str, Any], policy: Mapping[str, Any],
        *, only: tuple[str, ...] | None = None,
        provenance: Mapping[str, tuple[str, ...]] | None = None) -> Evaluation:
    """Evaluate the steps (all, or those named in `only`) in file order.

    `provenance` carries, for facts set by an earlier run, the answers behind them.
    """
    ev = Evaluation(dict(facts), provenance=dict(provenance or {}))
    for step in ruleset.steps:
        if only is not None and step.id not in only:
            continue
        if step.when is not None and conditions.evaluate(step.when, ev.facts, policy) is not True:
            continue
        _run_step(step, ev, policy)
    return ev


def _run_step(step: Step, ev: Evaluation, policy: Mapping[str, Any]) -> None:
    for rule in step.rules:
        result = conditions.evaluate(rule.when, ev.facts, policy)
        used = conditions.facts_used(rule.when)
        if step.when is not None:  # a hit also rests on what made its step apply
            used += [f for f in conditions.facts_used(step.when) if f not in used]
        if step.mode == "criteria":
            ev.criteria.append(Hit(rule, step.id, result, _answers(used, ev), rule.effect_values(policy)))
            if result is None:
                ev._add_missing(_unknown(used, ev))
            continue
        if result is None:
            ev._add_missing(_unknown(used, ev))
            if step.mode == "first":
                ev.unsettled.append(step.id)
                return
            continue
        if not result:
            continue
        effects = rule.effect_values(policy)
        hit = Hit(rule, step.id, True, _answers(used, ev), effects)
        ev.hits.append(hit)
        for key, value in effects.items():
            ev.facts[key] = value
            ev.provenance[key] = hit.answers
        if step.mode == "first":
            return
    if step.mode == "criteria":
        _aggregate(step, ev)
    elif step.mode == "first":
        ev.unsettled.append(step.id)  # no rule matched: nothing settled by this step


def _aggregate(step: Step, ev: Evaluation) -> None:
    """The weighing's summary facts: are all conditions / all guidance criteria met?"""
    for kind, fact in (("voorwaarde", "onderwijsroute_voorwaarden"), ("richtlijn", "onderwijsroute_richtlijnen")):
        results = [h.result for h in ev.criteria if h.step == step.id and h.effects.get("criterium") == kind]
        value = False if False in results else (None if None in results else True)
        if value is not None:
            ev.facts[fact] = value
            ev.provenance[fact] = tuple(dict.fromkeys(a for h in ev.criteria if h.step == step.id for a in h.answers))


def _answers(used: list[str], ev: Evaluation) -> tuple[str, ...]:
    out: list[str] = []
    for fact in used:
        if ev.facts.get(fact) is None:
            continue
        behind = record.answers_behind(fact) or ev.provenance.get(fact, ())
        out += [a for a in behind if a not in out]
    return tuple(out)


def _unknown(used: list[str], ev: Evaluation) -> list[str]:
    """Answer ids still needed to evaluate a condition (facts of earlier steps excluded)."""
    out: list[str] = []
    for fact in used:
        if ev.facts.get(fact) is None:
            out += [a for a in record.answers_behind(fact) if a not in out]
    return out
