"""The leerroute proposal: what the rules indicate, why, and what the consulent must decide.

`propose` never decides silently where the rules do not settle the route: it
leaves `leerroute` empty (or marks the proposal) and sets
`consulent_beslissing_nodig` with the question. With too few answers it still
returns, naming the answer ids that are needed.

The evaluation runs in two parts: plicht → route first, then niveau and the
route-dependent flags. The facts between the two are kept, so a consulent's
other choice of route can be worked out with the same rules (`for_route`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.advice import engine, lawdata, record, rules
from assistant.advice.reasons import Reason, Weighing, weighing
from assistant.i18n import Msg, Translator

ROUTE_STEPS = ("plicht", "lbt", "onderwijsroute_criteria", "onderwijsroute", "route")
DETAIL_STEPS = ("niveau", "kenmerken", "uren", "uren_passen")
FLAGS = ("z_route_uren", "geschatte_intensiteit_b1_route", "mag_opleiding_afmaken",
         "medische_ontheffing_overwegen", "kinderopvang", "vve_informeren",
         "maatschappelijke_begeleiding", "uren_past_niet")
VALUES = ("niveau", "leerdoel", "alfabetisering", "map", "pvt", "ontzorgen_maanden")
FALSE_WHEN_ABSENT = ("mag_opleiding_afmaken", "medische_ontheffing_overwegen", "kinderopvang",
                     "vve_informeren", "maatschappelijke_begeleiding")


@dataclass(frozen=True)
class Details:
    """The route-dependent part: niveau, MAP, hours, flags (recomputed for another route).

    `niveau` is DUO's exam level of the B1-route (B1, or A2 later); a Z-route has
    none (DUO PIP API v1.1.3), its learning target is in `leerdoel` (A1).
    `uren_past_niet` is True when the hours a week do not fit the route.
    """

    values: Mapping[str, Any]
    hits: tuple[engine.Hit, ...]
    missing: tuple[str, ...]
    all_missing: tuple[str, ...] = ()

    def get(self, key: str) -> Any:
        value = self.values.get(key)
        if value is None and key in FALSE_WHEN_ABSENT and not self._open(key):
            return False
        return value

    def _open(self, key: str) -> bool:
        """True when a rule that could set `key` was unknown (answers missing)."""
        return any(a in self.all_missing for a in _ANSWERS_FOR_FLAG.get(key, ()))


_ANSWERS_FOR_FLAG = {
    "mag_opleiding_afmaken": ("huidige_opleiding",),
    "medische_ontheffing_overwegen": ("gezondheid_beperking",),
    "kinderopvang": ("kinderen_leeftijden",),
    "vve_informeren": ("kinderen_leeftijden",),
    "maatschappelijke_begeleiding": ("doelgroep",),
}


@dataclass(frozen=True)
class Proposal:
    facts: record.Facts
    policy: Mapping[str, Any]
    status: str
    leerroute: str | None
    options: tuple[str, ...]
    consulent: bool
    question: Msg | None
    details: Details
    reasons: tuple[Reason, ...]
    weighing: Weighing
    missing: tuple[str, ...]
    missing_for_route: tuple[str, ...]
    base_facts: Mapping[str, Any] = field(repr=False, default_factory=dict)
    provenance: Mapping[str, tuple[str, ...]] = field(repr=False, default_factory=dict)

    @property
    def plicht(self) -> str | None:
        return self.base_facts.get("plicht")

    def __getattr__(self, name: str) -> Any:  # niveau, alfabetisering, map, pvt, flags
        if name in VALUES + FLAGS:
            return self.details.get(name)
        raise AttributeError(name)

    def params(self) -> dict[str, Any]:
        return _params(self.base_facts, self.policy, self.missing_for_route)

    def for_route(self, leerroute: str) -> Details:
        """Niveau, MAP, hours and flags as the rules give them for another route."""
        prov = {k: v for k, v in self.provenance.items() if k != "leerroute" or leerroute == self.leerroute}
        return _details(self.base_facts, self.policy, leerroute, self.missing, prov)

    def to_json(self, tr: Translator) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "leerroute": self.leerroute,
            "niveau": self.niveau,
            "leerdoel": self.leerdoel,
            "alfabetisering": self.alfabetisering,
            "map": self.map,
            "pvt": self.pvt,
            "ontzorgen_maanden": self.ontzorgen_maanden,
            "consulent_beslissing_nodig": self.consulent,
            "vraag": tr(self.question) if self.question else None,
            "mogelijke_leerroutes": list(self.options),
            "onderwijsroute_overwogen": self.weighing.to_json(tr),
            "redenen": [r.to_json(tr) for r in self.reasons],
            "ontbrekende_antwoorden": list(self.missing),
            "ontbrekend_voor_leerroute": list(self.missing_for_route),
        }
        for key in FLAGS:
            out[key] = self.details.get(key)
        return out


def propose(record_values: Mapping[str, Any], *, today: date,
            policy: Mapping[str, Any] | None = None) -> Proposal:
    """The proposal for an intake record as stored (see assistant.advice.record)."""
    pol = lawdata.resolve_policy(policy)
    facts = record.facts(record_values, today)
    ev = engine.run(rules.ruleset(), facts.values, pol, only=ROUTE_STEPS)
    base = dict(ev.facts)
    route = base.get("leerroute") if "route" not in ev.unsettled else None
    details = _details(base, pol, route, tuple(ev.missing), ev.provenance)
    missing = tuple(dict.fromkeys(list(ev.missing) + list(details.missing)))
    params = _params(base, pol, tuple(ev.missing))
    reasons = [Reason.from_hit(h, params) for h in ev.hits if h.step != "onderwijsroute"]
    weigh = weighing(ev, params)
    if weigh.reason is not None:
        reasons.insert(_after_step(ev, "onderwijsroute_criteria", reasons), weigh.reason)
    reasons += [Reason.from_hit(h, params) for h in details.hits]
    status, consulent, question = _status(ev, base, route, params)
    if status == "onvolledig":
        reasons.insert(0, _meta("ONVOLLEDIG", params, tuple(ev.missing)))
    options = tuple(base.get("mogelijke_leerroutes") or ((route,) if route else ()))
    return Proposal(facts, pol, status, route, options, consulent, question, details,
                    tuple(reasons), weigh, missing, tuple(ev.missing), base, dict(ev.provenance))


def _details(base: Mapping[str, Any], pol: Mapping[str, Any], route: str | None,
             earlier_missing: tuple[str, ...], provenance: Mapping[str, Any] | None = None) -> Details:
    facts = {**base, "leerroute": route}
    ev = engine.run(rules.ruleset(), facts, pol, only=DETAIL_STEPS, provenance=provenance)
    values = {k: ev.facts.get(k) for k in VALUES + FLAGS}
    own = tuple(m for m in ev.missing if m not in earlier_missing)
    return Details(values, tuple(ev.hits), own, tuple(dict.fromkeys(earlier_missing + own)))


def _status(ev: engine.Evaluation, base: Mapping[str, Any], route: str | None,
            params: Mapping[str, Any]) -> tuple[str, bool, Msg | None]:
    consulent_hits = [h for h in ev.hits if h.effects.get("consulent")]
    question = consulent_hits[0].rule.explanation(**params) if consulent_hits else None
    plicht = base.get("plicht")
    if plicht == "nee":
        return "geen_plicht", False, None
    if plicht == "onbekend":
        return "plicht_onbekend", True, question
    if plicht is None:
        return "onvolledig", False, None
    if base.get("wacht_op") and route is None:
        return "wacht_op_lbt", False, None
    if "route" in ev.unsettled or any(s in ev.unsettled for s in ("lbt", "onderwijsroute")):
        return "onvolledig", bool(consulent_hits), question
    if consulent_hits:
        return "consulent_beslist", True, question
    return "voorstel", False, None


def _after_step(ev: engine.Evaluation, step: str, reasons: list[Reason]) -> int:
    """Index in `reasons` just after the hits of the steps up to `step` (keeps file order)."""
    order = [s.id for s in rules.ruleset().steps]
    cut = order.index(step)
    return sum(1 for h in ev.hits if h.step != "onderwijsroute" and order.index(h.step) <= cut)


def _meta(rule_id: str, params: Mapping[str, Any], missing: tuple[str, ...]) -> Reason:
    rule = rules.ruleset().rule(rule_id)
    return Reason(rule_id, rule.explanation(**params), missing, rule.source, rule.verify)


def _params(facts: Mapping[str, Any], pol: Mapping[str, Any], missing: tuple[str, ...]) -> dict[str, Any]:
    """Values an explanation may name: policy values, facts, and what is still missing."""
    params = {k: v for k, v in facts.items() if k not in record.SENSITIVE}
    params.update(pol)
    params["ontbrekend"] = ", ".join(missing) if missing else "-"
    return params
