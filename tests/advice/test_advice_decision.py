"""The consulent's decision: agreement, deviation with motivation, DUO's rules, and clear refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.advice.decision import DecisionRefused, decide
from assistant.advice.proposal import propose
from assistant.i18n import translator

TODAY = date(2026, 3, 2)
BASE = {
    "doelgroep": "asielstatushouder", "inburgeringsplichtig": "ja", "geboortedatum": "1990-01-01",
    "datum_kennisgeving": "2026-01-05", "datum_inschrijving_brp": "2026-01-12",
    "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar", "geletterdheid": "latijns_schrift",
    "onderwijs_jaren": 12, "hoogste_opleiding": "voortgezet", "huidige_opleiding": "geen",
    "hoofddoel": "werk", "gezondheid_beperking": "blijvend", "bijstand": True, "kinderen_leeftijden": [],
}
OK = {"akkoord": True, "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"}
MOTIVATIE = "Uitgebreid gesprek gevoerd; zie dossier."


def b_route():
    return propose(BASE, today=TODAY)


def refused(proposal, besluit, **kw) -> DecisionRefused:
    with pytest.raises(DecisionRefused) as info:
        decide(proposal, besluit, **kw)
    assert translator("nl")(info.value.msg)  # renders
    return info.value


def test_agreement_takes_the_proposal_and_records_who_and_when():
    at = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
    d = decide(b_route(), OK, actor="consulent:jdevries", at=at)
    assert (d.leerroute, d.niveau, d.afwijking) == ("B", "B1", False)
    event = d.event()
    assert event["actor"] == "consulent:jdevries" and event["tijd"] == "2026-03-02T10:30:00+00:00"
    assert event["voorstel"] == {"leerroute": "B", "niveau": "B1"}


def test_the_event_never_carries_health_answers():
    event = decide(b_route(), OK).event()
    assert "blijvend" not in repr(event) and "gezondheid" not in repr(event)


def test_deviation_without_motivation_is_refused():
    e = refused(b_route(), {**OK, "akkoord": False, "leerroute": "Z"})
    assert e.field == "motivatie"
    e = refused(b_route(), {**OK, "akkoord": False, "leerroute": "Z", "motivatie": "   \x1b[2J  "})
    assert e.field == "motivatie"


def test_deviation_with_motivation_is_recorded_and_rules_follow_the_chosen_route():
    d = decide(b_route(), {**OK, "akkoord": False, "leerroute": "Z", "motivatie": MOTIVATIE})
    assert (d.leerroute, d.niveau, d.afwijking) == ("Z", None, True)
    assert d.get("z_route_uren") == {"cursus": 800, "participatie": 800}
    assert d.get("geschatte_intensiteit_b1_route") is None
    assert d.event()["motivatie"] == MOTIVATIE


@pytest.mark.parametrize("route, level, first, field", [
    ("O", "A2", True, "niveau"),
    ("Z", "B1", True, "niveau"),
    ("B", "A2", True, "niveau"),
])
def test_duo_business_rules_are_enforced(route, level, first, field):
    e = refused(b_route(), {**OK, "akkoord": False, "leerroute": route, "niveau": level, "motivatie": MOTIVATIE},
                first_pip=first)
    assert e.field == field


def test_a2_in_the_b1_route_is_allowed_on_a_later_pip():
    d = decide(b_route(), {**OK, "akkoord": False, "leerroute": "B", "niveau": "A2", "motivatie": MOTIVATIE},
               first_pip=False)
    assert d.niveau == "A2"


def test_agreeing_without_a_proposed_route_is_refused():
    borderline = propose({**BASE, "lbt_resultaat": "b1_niet_haalbaar", "lbt_behaalde_score": "49,00",
                          "lbt_benodigde_score": "50,00"}, today=TODAY)
    assert borderline.leerroute is None and borderline.consulent
    assert refused(borderline, OK).field == "leerroute"
    d = decide(borderline, {**OK, "akkoord": False, "leerroute": "B", "motivatie": MOTIVATIE})
    assert d.leerroute == "B"


def test_agreeing_where_the_consulent_must_weigh_needs_a_motivation_too():
    twijfel = propose({**BASE, "hoofddoel": "opleiding", "gezondheid_beperking": "geen"}, today=TODAY)
    assert twijfel.leerroute == "B" and twijfel.consulent
    assert refused(twijfel, OK).field == "motivatie"
    assert decide(twijfel, {**OK, "motivatie": MOTIVATIE}).leerroute == "B"


def test_agreeing_but_naming_another_route_is_refused():
    assert refused(b_route(), {**OK, "leerroute": "Z"}).field == "leerroute"


def test_no_pip_without_a_known_plicht():
    for plicht in ("onbekend", "nee_tijdelijk_verblijf"):
        p = propose({**BASE, "inburgeringsplichtig": plicht}, today=TODAY)
        e = refused(p, {**OK, "akkoord": False, "leerroute": "B", "motivatie": MOTIVATIE})
        assert e.field == "inburgeringsplichtig"


@pytest.mark.parametrize("besluit, field", [
    ({"dagtekening_pip": "02-03-2026"}, "dagtekening_pip"),
    ({"dagtekening_pip": "20260302"}, "dagtekening_pip"),
    ({"dagtekening_pip": None}, "dagtekening_pip"),
    ({"dagtekening_pip": "2026-01-10"}, "dagtekening_pip"),  # before BRP registration
    ({"gemeentecode": "363"}, "gemeentecode"),
    ({"gemeentecode": 363}, "gemeentecode"),
    ({"gemeentecode": "03631"}, "gemeentecode"),
    ({"akkoord": "ja"}, "akkoord"),
    ({"akkoord": False, "leerroute": "X", "motivatie": MOTIVATIE}, "leerroute"),
    ({"akkoord": False, "leerroute": "B", "niveau": "C1", "motivatie": MOTIVATIE}, "niveau"),
])
def test_malformed_decisions_are_refused_naming_the_field(besluit, field):
    assert refused(b_route(), {**OK, **besluit}).field == field


def test_refusal_message_is_translatable_text_not_a_traceback():
    e = refused(b_route(), {**OK, "akkoord": False, "leerroute": "O", "niveau": "A2", "motivatie": MOTIVATIE})
    assert "onderwijsroute" in translator("nl")(e.msg) and e.msg.context == "duo.regel"
