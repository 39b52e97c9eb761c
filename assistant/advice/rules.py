"""The advice rules of law/rules.yaml as typed data, checked once at load time.

A rule has an id, the step it belongs to, a condition (assistant.advice.conditions),
an effect, an explanation (`uitleg`, a Dutch source text translated with the
context ``rules.<id>.uitleg``) and a source key of law/articles.yaml. Whether a
rule's source still needs verifying comes from that article's `verify` mark,
unless the rule sets its own.

Steps run in the order of the file. A step with mode ``first`` takes the first
rule whose condition holds (a decision); ``all`` applies every rule that holds
(flags); ``criteria`` evaluates every rule and keeps the results (the weighing
of the onderwijsroute). Effects of a step become facts for the next steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.advice import conditions, lawdata, record
from assistant.i18n import Msg

MODES = ("first", "all", "criteria")
EFFECTS = (
    "plicht", "lbt_uitkomst", "onderwijsroute_uitkomst", "criterium", "leerroute",
    "mogelijke_leerroutes", "consulent", "wacht_op", "niveau", "alfabetisering", "map", "pvt",
    "ontzorgen_maanden", "z_route_uren", "geschatte_intensiteit_b1_route",
    "mag_opleiding_afmaken", "medische_ontheffing_overwegen", "kinderopvang",
    "vve_informeren", "maatschappelijke_begeleiding", "leerdoel", "uren_past_niet",
)
# Facts that a step computes in code from its criteria (see engine).
AGGREGATES = ("onderwijsroute_voorwaarden", "onderwijsroute_richtlijnen")


@dataclass(frozen=True)
class Rule:
    id: str
    step: str
    when: Mapping[str, Any]
    effect: Mapping[str, Any]
    uitleg: str
    source: str
    verify: bool

    def explanation(self, **params: Any) -> Msg:
        """The translatable explanation; params fill ``{placeholders}``."""
        return Msg(self.uitleg, f"rules.{self.id}.uitleg", params)

    @property
    def citation(self) -> str:
        return lawdata.article(self.source).citation

    def effect_values(self, policy: Mapping[str, Any]) -> dict[str, Any]:
        return {k: _resolve(v, policy) for k, v in self.effect.items()}


@dataclass(frozen=True)
class Step:
    id: str
    mode: str
    when: Mapping[str, Any] | None
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class RuleSet:
    steps: tuple[Step, ...]
    by_id: Mapping[str, Rule]

    def rule(self, rule_id: str) -> Rule:
        return self.by_id[rule_id]


def _resolve(value: Any, policy: Mapping[str, Any]) -> Any:
    if isinstance(value, Mapping):
        if set(value) == {"policy"}:
            return policy[value["policy"]]
        return {k: _resolve(v, policy) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, policy) for v in value]
    return value


@cache
def ruleset() -> RuleSet:
    """Load and check law/rules.yaml (cached)."""
    data = lawdata.rules_data()
    policy_names = set(lawdata.policy_defaults())
    known = set(record.ANSWER_IDS) | set(record.SOURCES) | set(EFFECTS) | set(AGGREGATES)
    step_defs = data.get("steps") or []
    step_ids = [s.get("id") for s in step_defs]
    by_id: dict[str, Rule] = {}
    per_step: dict[str, list[Rule]] = {sid: [] for sid in step_ids}
    per_step["meta"] = []
    for i, raw in enumerate(data["rules"]):
        where = f"law/rules.yaml: rules[{i}]"
        rid = raw.get("id") if isinstance(raw, Mapping) else None
        if not isinstance(rid, str) or not rid:
            raise lawdata.LawDataError(f"{where}: needs an id")
        where = f"law/rules.yaml: rule {rid}"
        if rid in by_id:
            raise lawdata.LawDataError(f"{where}: duplicate id")
        if raw.get("step") not in per_step:
            raise lawdata.LawDataError(f"{where}: step must be one of {', '.join(per_step)}")
        if not isinstance(raw.get("uitleg"), str) or not raw["uitleg"].strip():
            raise lawdata.LawDataError(f"{where}: needs an uitleg (Dutch explanation)")
        source = raw.get("source")
        if source not in lawdata.articles():
            raise lawdata.LawDataError(f"{where}: source {source!r} is not a key of law/articles.yaml")
        when = raw.get("when", {"always": True})
        try:
            conditions.check(when, known_facts=known, policy_names=policy_names, where=where + ".when")
        except conditions.ConditionError as exc:
            raise lawdata.LawDataError(str(exc)) from None
        effect = raw.get("effect") or {}
        bad = [k for k in effect if k not in EFFECTS]
        if bad:
            raise lawdata.LawDataError(f"{where}: unknown effect {bad[0]!r}; use one of {', '.join(EFFECTS)}")
        verify = raw.get("verify", lawdata.article(source).verify)
        rule = Rule(rid, raw["step"], when, effect, raw["uitleg"].strip(), source, bool(verify))
        by_id[rid] = rule
        per_step[rule.step].append(rule)
    steps = []
    for s in step_defs:
        if s.get("mode") not in MODES:
            raise lawdata.LawDataError(f"law/rules.yaml: step {s.get('id')}: mode must be one of {', '.join(MODES)}")
        if s.get("when") is not None:
            conditions.check(s["when"], known_facts=known, policy_names=policy_names,
                             where=f"law/rules.yaml: step {s['id']}.when")
        steps.append(Step(s["id"], s["mode"], s.get("when"), tuple(per_step[s["id"]])))
    return RuleSet(tuple(steps), by_id)
