"""The contents of the PIP's practical sections, in plain (B1) Dutch, each value with its trace.

Values come from the decision when there is one (the consulent's route may
differ from the proposal) and otherwise from the proposal, marked as a draft.
A value set by a rule is traced to that rule and the answers behind it. The
route itself (decision and proposal) is in `assistant.pip.plan`; goals and
notes in `assistant.pip.personal`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.advice import rules
from assistant.advice.deadlines import Termijnen
from assistant.advice.decision import Decision
from assistant.advice.proposal import Proposal
from assistant.i18n import C_, Msg
from assistant.pip.model import Item, Section, UserText

ROUTE_STEPS = ("plicht", "lbt", "onderwijsroute", "route")


@dataclass(frozen=True)
class Context:
    record: Mapping[str, Any]
    proposal: Proposal
    termijnen: Termijnen
    decision: Decision | None

    @property
    def route(self) -> str | None:
        return self.decision.leerroute if self.decision else self.proposal.leerroute

    def get(self, key: str) -> Any:
        return self.decision.get(key) if self.decision else self.proposal.details.get(key)

    def hits(self) -> Iterable[tuple[str, tuple[str, ...], Mapping[str, Any]]]:
        """(rule id, answers, effect) of every rule behind the values shown."""
        details = self.decision.details if self.decision else self.proposal.details
        seen = set()
        for r in self.proposal.reasons:
            if rules.ruleset().rule(r.rule_id).step in ROUTE_STEPS:
                seen.add(r.rule_id)
                yield r.rule_id, r.answers, rules.ruleset().rule(r.rule_id).effect
        for h in details.hits:
            if h.rule.id not in seen:
                yield h.rule.id, h.answers, h.effects

    def trace_of(self, key: str, *extra: str) -> tuple[str, ...]:
        refs: list[str] = []
        for rule_id, answers, effect in self.hits():
            if key in effect:
                refs.append(f"regel:{rule_id}")
                refs += [f"antwoord:{a}" for a in answers]
        return tuple(dict.fromkeys(refs + list(extra)))

    def proposal_trace(self, key: str) -> tuple[str, ...]:
        """The rules (and answers) of the proposal itself that set `key`, not those of the decision."""
        refs: list[str] = []
        for r in self.proposal.reasons:
            if key in rules.ruleset().rule(r.rule_id).effect:
                refs += [f"regel:{r.rule_id}"] + [f"antwoord:{a}" for a in r.answers]
        return tuple(dict.fromkeys(refs))

    def rule_setting(self, key: str) -> str | None:
        """The id of the route-dependent rule that set `key` for the route shown (decided or proposed)."""
        details = self.decision.details if self.decision else self.proposal.details
        return next((h.rule.id for h in details.hits if key in h.effects), None)

    def detail_hits(self, step: str) -> list:
        details = self.decision.details if self.decision else self.proposal.details
        return [h for h in details.hits if h.step == step]

    def reason(self, rule_id: str) -> Msg:
        return rules.ruleset().rule(rule_id).explanation(**self.proposal.params())


def item(label: Msg | None, value: Msg | UserText, *trace: str) -> Item:
    return Item(label, value, tuple(trace))


def period(ctx: Context) -> Section:
    t, pol = ctx.termijnen, ctx.proposal.policy
    items = []
    if t.termijn_start and t.termijn_eind:
        items.append(item(C_("pip", "Periode"), C_("pip", "Van {start} tot en met {eind}.", start=t.termijn_start,
                                                    eind=t.termijn_eind.date),
                          "bron:wet_11", "beleid:inburgeringstermijn_jaren", "besluit:dagtekening_pip"))
    else:
        items.append(item(C_("pip", "Periode"),
                          C_("pip", "U heeft {jaren} jaar. De tijd begint de dag na de datum van dit plan.",
                             jaren=pol["inburgeringstermijn_jaren"]),
                          "bron:wet_11", "beleid:inburgeringstermijn_jaren"))
    if t.schakelen:
        items.append(item(C_("pip", "Andere leerroute"), C_("pip", "Tot {datum} kunt u nog van leerroute wisselen.",
                                                             datum=t.schakelen.date),
                          "bron:schakelen_18_maanden", "beleid:schakelen_maanden", "besluit:dagtekening_pip"))
    hours = ctx.get("z_route_uren")
    if hours:
        rule = "Z-UREN-ASIEL" if hours.get("participatie") else "Z-UREN-GEZIN"
        items.append(item(C_("pip", "Uren"), ctx.reason(rule), *ctx.trace_of("z_route_uren")))
    intensity = ctx.get("geschatte_intensiteit_b1_route")
    if intensity:
        items.append(item(C_("pip", "Uren"), C_("pip", "Ongeveer {uren} uur les voor taal en KNM.", uren=intensity),
                          *ctx.trace_of("geschatte_intensiteit_b1_route")))
    return Section("periode", C_("pip", "Hoe lang duurt het?"), tuple(items))


def conditions(ctx: Context) -> Section:
    items = []
    if ctx.get("kinderopvang"):
        items.append(item(C_("pip", "Opvang voor uw kinderen"), ctx.reason("K-KINDEROPVANG"),
                          *ctx.trace_of("kinderopvang")))
    if ctx.get("vve_informeren"):
        items.append(item(C_("pip", "Voorschool"), ctx.reason("K-VVE"), *ctx.trace_of("vve_informeren")))
    hours = ctx.record.get("belastbaarheid_uren_per_week")
    if isinstance(hours, int):
        items.append(item(C_("pip", "Tijd per week"),
                          C_("pip", "U heeft ongeveer {uren} uur per week voor les en meedoen.", uren=hours),
                          "antwoord:belastbaarheid_uren_per_week"))
    # the hours a week do not fit the route: a flag for the talk
    items += [item(C_("pip", "Let op"), ctx.reason(h.rule.id), f"regel:{h.rule.id}",
                   *(f"antwoord:{a}" for a in h.answers))
              for h in ctx.detail_hits("uren") if h.effects.get("uren_past_niet")]
    return Section("voorwaarden", C_("pip", "Wat is nodig om mee te doen?"), tuple(items))


def support(ctx: Context) -> Section:
    items = []
    if ctx.get("maatschappelijke_begeleiding"):
        items.append(item(C_("pip", "Begeleiding"), ctx.reason("M-BEGELEIDING"),
                          *ctx.trace_of("maatschappelijke_begeleiding")))
    group = ctx.record.get("doelgroep")
    if group == "asielstatushouder":
        items.append(item(C_("pip", "Lessen"), C_("pip", "De gemeente kiest de school en betaalt uw lessen."),
                          "antwoord:doelgroep", "bron:wet_16"))
    elif group in ("gezinsmigrant", "overige_migrant"):
        items.append(item(C_("pip", "Lessen"),
                          C_("pip", "U betaalt de lessen zelf. U kunt daarvoor geld lenen bij DUO."),
                          "antwoord:doelgroep", "bron:wet_20"))
    months = ctx.get("ontzorgen_maanden")
    if months:
        items.append(item(C_("pip", "Ontzorgen"), ctx.reason("ONTZORGEN"), *ctx.trace_of("ontzorgen_maanden")))
    elif months == 0:
        items.append(item(C_("pip", "Ontzorgen"), C_("pip", "Niet van toepassing."),
                          *ctx.trace_of("ontzorgen_maanden")))
    if ctx.get("medische_ontheffing_overwegen"):
        items.append(item(C_("pip", "Gezondheid"), ctx.reason("H-MEDISCHE-ONTHEFFING"),
                          *ctx.trace_of("medische_ontheffing_overwegen")))
    return Section("begeleiding", C_("pip", "Hulp van de gemeente"), tuple(items))


def pvt_map(ctx: Context) -> Section:
    pol = ctx.proposal.policy
    items = []
    if ctx.get("pvt"):
        items.append(item(C_("pip", "Participatieverklaring (PVT)"),
                          C_("pip", "U leert over de regels en waarden in Nederland. Dat duurt ten minste {uren} uur. "
                                    "Aan het eind tekent u de participatieverklaring.", uren=pol["pvt_uren"]),
                          *ctx.trace_of("pvt", "beleid:pvt_uren")))
    if ctx.get("map") is True:
        items.append(item(C_("pip", "Werk en meedoen (MAP)"),
                          C_("pip", "U leert over werk in Nederland. U doet ten minste {uren} uur praktijk, "
                                    "bijvoorbeeld stage of vrijwilligerswerk. Aan het eind is er een gesprek.",
                             uren=pol["map_praktijkuren"]),
                          *ctx.trace_of("map", "beleid:map_praktijkuren")))
    elif ctx.get("map") is False and ctx.route == "O":
        items.append(item(C_("pip", "Werk en meedoen (MAP)"), ctx.reason("MAP-O"), *ctx.trace_of("map")))
    return Section("pvt_map", C_("pip", "Participatie: PVT en MAP"), tuple(items))


def progress(ctx: Context) -> Section:
    n = ctx.proposal.policy["voortgangsgesprekken_per_jaar"]
    return Section("voortgang", C_("pip", "Hoe volgen we hoe het gaat?"), (
        item(C_("pip", "Gesprekken"), C_("pip", "Wij praten {n} keer per jaar met u over hoe het gaat.", n=n),
             "beleid:voortgangsgesprekken_per_jaar"),
        item(C_("pip", "Plan aanpassen"), C_("pip", "Gaat het anders dan gepland? Dan passen we het plan samen aan."),
             "bron:wet_17"),
    ))


def open_items(ctx: Context, open_questions: Sequence[Msg | str]) -> Section:
    items = []
    for q in open_questions:
        trace = _question_trace(q)
        value = q if isinstance(q, Msg) else UserText(q)
        items.append(item(C_("pip", "Nog invullen"), value, trace))
    if ctx.decision is None and ctx.proposal.question is not None:
        consulent_rule = next((r.rule_id for r in ctx.proposal.reasons
                               if rules.ruleset().rule(r.rule_id).effect.get("consulent")), None)
        items.append(item(C_("pip", "Nog beslissen"), ctx.proposal.question,
                          f"regel:{consulent_rule}" if consulent_rule else "open_vraag"))
    return Section("open", C_("pip", "Wat moet nog?"), tuple(items))


def _question_trace(q: Msg | str) -> str:
    """A question's answer id from its catalog context ``<dialog>.<id>.<field>``, when it has one."""
    if isinstance(q, Msg) and q.context and q.context.count(".") >= 2:
        return f"antwoord:{q.context.split('.')[1]}"
    return "open_vraag"


def objection(ctx: Context) -> Section:
    weeks = ctx.proposal.policy["bezwaar_weken"]
    return Section("bezwaar", C_("pip", "Bent u het niet eens met dit plan?"), (
        item(None, C_("pip", "Dit plan is een besluit van de gemeente. Bent u het er niet mee eens? "
                             "Dan kunt u binnen {weken} weken bezwaar maken. Schrijf dan een brief aan de gemeente. "
                             "Vraag gerust om hulp.", weken=weeks),
             "bron:wet_15", "bron:awb_bezwaar", "beleid:bezwaar_weken"),
    ))
