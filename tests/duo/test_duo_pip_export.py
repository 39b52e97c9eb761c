"""The PIP export: DUO's Gemeente body from a decision, validated against schema and business rules."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.duo.pip_export import pip_body, pip_request_body, validate_pip_body

TODAY = date(2026, 3, 2)
REC = {
    "doelgroep": "asielstatushouder", "inburgeringsplichtig": "ja", "geboortedatum": "1985-01-01",
    "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar", "geletterdheid": "analfabeet",
    "onderwijs_jaren": 8, "hoogste_opleiding": "basisonderwijs", "huidige_opleiding": "praktijkonderwijs",
    "hoofddoel": "werk", "gezondheid_beperking": "geen", "bijstand": True, "kinderen_leeftijden": [],
}
OK = {"akkoord": True, "dagtekening_pip": "2026-03-02", "gemeentecode": "0599"}


def test_body_carries_every_pip_field_with_duos_names():
    d = decide(propose(REC, today=TODAY), OK)
    body = pip_body(d, REC)
    assert body == {"gemeentecode": "0599", "pip": {
        "dagtekeningPip": "2026-03-02", "leerroute": "B", "niveau": "B1",
        "geschatteIntensiteitB1Route": 1800, "indicatorMagOpleidingAfmaken": True,
        "indicatorAlfabetiseringsonderwijs": "A"}}
    assert pip_request_body(d) == body["pip"]
    assert validate_pip_body(body, doelgroep="asielstatushouder") == []


def test_no_intensity_for_a_gezinsmigrant_or_another_route():
    d = decide(propose({**REC, "doelgroep": "gezinsmigrant"}, today=TODAY), OK)
    assert "geschatteIntensiteitB1Route" not in pip_body(d, REC)["pip"]
    z = decide(propose(REC, today=TODAY),
               {**OK, "akkoord": False, "leerroute": "Z", "motivatie": "Na proefperiode gekozen."})
    assert "geschatteIntensiteitB1Route" not in pip_body(z, REC)["pip"]


def _body(**pip):
    return {"gemeentecode": "0363", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "B", "niveau": "B1", **pip}}


@pytest.mark.parametrize("body, needle", [
    (_body(leerroute="O", niveau="A2"), "onderwijsroute"),
    (_body(leerroute="Z", niveau="B1"), "Z-route"),
    (_body(niveau="A2"), "eerste PIP"),
    (_body(leerroute="Z", niveau="A2", geschatteIntensiteitB1Route=900), "intensiteit"),
    (_body(opmerking="x"), "opmerking"),
    ({"gemeentecode": "0363"}, "pip"),
    (_body(dagtekeningPip="2026-3-2"), "dagtekeningPip"),
])
def test_each_rule_break_is_reported_clearly(body, needle):
    problems = validate_pip_body(body)
    assert problems and any(needle in p for p in problems), problems


def test_a2_b1_route_passes_on_a_later_pip_only():
    assert validate_pip_body(_body(niveau="A2"), first_pip=False) == []
    assert validate_pip_body(_body(niveau="A2"), first_pip=True)


def test_intensity_for_a_gezinsmigrant_is_refused_when_the_group_is_known():
    body = _body(geschatteIntensiteitB1Route=1200)
    assert validate_pip_body(body, doelgroep="asielstatushouder") == []
    assert validate_pip_body(body, doelgroep="gezinsmigrant")
