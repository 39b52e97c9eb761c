"""Who the plan is for, what the gemeente decided, and what the assistant had proposed.

A confirmed PIP puts the decision first: the decided route, who decided, the
date and the motivation. The assistant's proposal comes after it, marked as
followed or not. When it was not followed, only the reasons that do not argue
for the proposed route are kept (whether there is a plicht); the rule ids of
the proposal stay traceable in the consulent appendix. A draft (no decision
yet) shows the proposal as the plan's route, with all its reasons.
"""

from __future__ import annotations

from datetime import date

from assistant.advice import rules
from assistant.i18n import C_
from assistant.pip.model import Item, Section, UserText
from assistant.pip.sections import Context, item

ROUTE_NAMES = {
    "B": C_("pip.route", "B1-route"),
    "O": C_("pip.route", "Onderwijsroute"),
    "Z": C_("pip.route", "Zelfredzaamheidsroute (Z-route)"),
}
ALFA = {
    "A": C_("pip.alfabetisering", "Ja. U leert eerst lezen en schrijven."),
    "AA": C_("pip.alfabetisering", "Ja. U leert eerst het Nederlandse schrift."),
    "NVT": C_("pip.alfabetisering", "Niet nodig."),
}
ROUTE_STEPS = ("plicht", "lbt", "onderwijsroute", "route")
NEUTRAL_STEPS = ("plicht",)  # reasons that argue for no route in particular


def typed_date(value: str | date | None) -> str:
    """A date as the Dutch UI types it (DD-MM-YYYY), shown the same in both columns."""
    if value is None:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime("%d-%m-%Y")


def about(ctx: Context) -> Section:
    items = [item(None, C_("pip", "In dit plan staan de afspraken over uw inburgering. "
                                 "U en de gemeente houden zich aan deze afspraken."), "bron:wet_15")]
    naam = ctx.record.get("naam")
    if isinstance(naam, str) and naam.strip():
        items.append(item(C_("pip", "Naam"), UserText(naam), "antwoord:naam"))
    birth = ctx.record.get("geboortedatum")
    if isinstance(birth, str) and birth:
        items.append(item(C_("pip", "Geboortedatum"), UserText(typed_date(birth)), "antwoord:geboortedatum"))
    return Section("over", C_("pip", "Over dit plan"), tuple(items))


def decided(ctx: Context) -> Section:
    """The gemeente's decision: route, level, who, when, why; then what the route brings."""
    d = ctx.decision
    assert d is not None  # noqa: S101 (narrows the type: the plan has this section only after a decision)
    items = [item(C_("pip", "Leerroute"), ROUTE_NAMES[d.leerroute], "besluit:leerroute")]
    items += _level(ctx)
    items.append(item(C_("pip", "Besloten door"), C_("pip", "De consulent, namens de gemeente"), "besluit:akkoord"))
    items.append(item(C_("pip", "Datum van het plan"), UserText(typed_date(d.dagtekening_pip)),
                      "besluit:dagtekening_pip"))
    items.append(item(C_("pip", "Gemeente (code)"), UserText(d.gemeentecode), "besluit:gemeentecode"))
    if d.motivatie:
        label = (C_("pip", "Waarom deze keuze") if d.afwijking or ctx.proposal.consulent
                 else C_("pip", "Toelichting van de consulent"))
        items.append(item(label, UserText(d.motivatie), "besluit:motivatie"))
    items += _route_details(ctx)
    return Section("leerroute", C_("pip", "Het besluit over uw leerroute"), tuple(items))


def proposal(ctx: Context) -> Section:
    """After a decision: the assistant's proposal, followed or not, with the reasons that still hold."""
    d, p = ctx.decision, ctx.proposal
    assert d is not None  # noqa: S101 (narrows the type: the plan has this section only after a decision)
    items: list[Item] = []
    if p.leerroute is None:
        items.append(item(C_("pip", "Voorstel"), C_("pip", "Geen vaste leerroute. De consulent kiest."),
                          *ctx.proposal_trace("leerroute")))
    else:
        items.append(item(C_("pip", "Voorstel"), ROUTE_NAMES[p.leerroute], *ctx.proposal_trace("leerroute")))
        if p.leerroute != d.leerroute:
            followed = C_("pip", "Nee. De gemeente koos de {route}.", route=ROUTE_NAMES[d.leerroute])
        elif p.niveau != d.niveau:
            followed = C_("pip", "Nee. De gemeente koos een ander niveau.")
        else:
            followed = C_("pip", "Ja.")
        items.append(item(C_("pip", "Voorstel gevolgd"), followed, "besluit:akkoord"))
    kept = not d.afwijking or p.leerroute is None
    items += _reasons(ctx, all_steps=kept)
    if not kept:  # what spoke against the proposed route, e.g. too few hours a week
        items += [item(C_("pip", "Let op"), ctx.reason(h.rule.id), f"regel:{h.rule.id}",
                       *(f"antwoord:{a}" for a in h.answers))
                  for h in p.details.hits if h.step == "uren" and h.effects.get("uren_past_niet")]
    if kept or not (p.leerroute == "O" and d.leerroute != "O"):
        items += _weighing(ctx)
    return Section("voorstel", C_("pip", "Het voorstel van de assistent"), tuple(items))


def draft(ctx: Context) -> Section:
    """No decision yet: the proposal is the plan's route, with all its reasons."""
    p = ctx.proposal
    items: list[Item] = []
    if p.leerroute is None:
        items.append(item(C_("pip", "Leerroute"), C_("pip", "Nog niet gekozen."), *ctx.proposal_trace("leerroute")))
    else:
        items.append(item(C_("pip", "Leerroute"), ROUTE_NAMES[p.leerroute], *ctx.proposal_trace("leerroute")))
        items += _level(ctx)
    items += _route_details(ctx)
    items += _reasons(ctx, all_steps=True)
    items += _weighing(ctx)
    return Section("leerroute", C_("pip", "Voorstel voor uw leerroute"), tuple(items))


def _level(ctx: Context) -> list[Item]:
    """DUO's level for the B1-route and onderwijsroute; for the Z-route its learning target."""
    decided_refs = ("besluit:niveau",) if ctx.decision else ()
    niveau = ctx.decision.niveau if ctx.decision else ctx.get("niveau")
    if niveau:
        return [item(C_("pip", "Doel voor de taal"), C_("pip", "Niveau {niveau}", niveau=niveau),
                     *ctx.trace_of("niveau", *decided_refs))]
    target = ctx.rule_setting("leerdoel")
    if target is not None:
        return [item(C_("pip", "Doel voor de taal"), ctx.reason(target), *ctx.trace_of("leerdoel"))]
    return []


def _route_details(ctx: Context) -> list[Item]:
    items = []
    alfa = ctx.get("alfabetisering")
    if alfa:
        items.append(item(C_("pip", "Lezen en schrijven leren"), ALFA[alfa], *ctx.trace_of("alfabetisering")))
    if ctx.get("mag_opleiding_afmaken"):
        items.append(item(C_("pip", "Uw opleiding"), ctx.reason("E-OPLEIDING-AFMAKEN"),
                          *ctx.trace_of("mag_opleiding_afmaken")))
    return items


def _reasons(ctx: Context, *, all_steps: bool) -> list[Item]:
    steps = ROUTE_STEPS if all_steps else NEUTRAL_STEPS
    return [item(C_("pip", "Waarom"), r.msg, f"regel:{r.rule_id}", *(f"antwoord:{a}" for a in r.answers))
            for r in ctx.proposal.reasons if rules.ruleset().rule(r.rule_id).step in steps]


def _weighing(ctx: Context) -> list[Item]:
    return [item(C_("pip", "Onderwijsroute bekeken"), c.verdict(), f"regel:{c.rule_id}",
                 *(f"antwoord:{a}" for a in c.answers)) for c in ctx.proposal.weighing.criteria]
