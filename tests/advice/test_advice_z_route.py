"""Z-route niveau (issue 10 item 10): no DUO level, the learning target A1 as data with its source."""

from __future__ import annotations

from datetime import date

from persona_runner import load_cases, run

from assistant.advice import lawdata, rules
from assistant.advice.decision import DecisionRefused, decide
from assistant.advice.proposal import propose
from assistant.duo.pip_export import pip_body, validate_pip_body
from assistant.i18n import translator

TODAY = date(2026, 3, 2)
TR = translator("nl")
TESFAY = load_cases()["02_tesfay_z_route_ander_schrift"]


def test_z_route_proposal_has_no_niveau_but_the_learning_target_a1():
    out = run(TESFAY)
    assert out["proposal"]["leerroute"] == "Z"
    assert out["proposal"]["niveau"] is None and out["proposal"]["leerdoel"] == "A1"
    reason = next(r for r in out["proposal"]["redenen"] if r["regel"] == "N-Z")
    assert "niveau A1" in reason["uitleg"] and "A2" not in reason["uitleg"]
    rule = rules.ruleset().rule("N-Z")
    assert rule.effect == {"niveau": None, "leerdoel": "A1"}
    assert lawdata.article(rule.source).citation.startswith("Besluit inburgering 2021")


def test_z_route_pip_duo_leaves_niveau_out_and_passes_duos_schema():
    out = run(TESFAY)
    assert "niveau" not in out["pip_duo"]["pip"] and out["pip_duo"]["pip"]["leerroute"] == "Z"
    assert validate_pip_body(out["pip_duo"], doelgroep="asielstatushouder") == []


def test_a_deviation_to_the_z_route_has_no_niveau_and_a_level_for_it_is_refused():
    p = propose(load_cases()["04_li_wei_b1_route"]["answers"], today=TODAY)
    besluit = {"akkoord": False, "leerroute": "Z", "motivatie": "Na proefperiode gekozen.",
               "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"}
    d = decide(p, besluit)
    assert d.niveau is None and "niveau" not in pip_body(d)["pip"] and d.event()["niveau"] is None
    for level in ("A2", "B1"):
        try:
            decide(p, {**besluit, "niveau": level})
        except DecisionRefused as refusal:
            assert refusal.field == "niveau" and "leeg" in TR(refusal.msg)
        else:
            raise AssertionError(f"Z-route with niveau {level} was accepted")
