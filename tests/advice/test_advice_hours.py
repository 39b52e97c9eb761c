"""Hours a week and 'hele week leren' count (issue 10 item 5): a route they do not fit carries a flag
and a reason with its source; the thresholds are policy data in law/policy.yaml, not literals."""

from __future__ import annotations

from datetime import date

import pytest
from persona_runner import load_cases

from assistant.advice import lawdata
from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.i18n import translator

TODAY = date(2026, 3, 2)
TR = translator("nl")
AMAL = load_cases()["01_amal_onderwijsroute"]["answers"]  # onderwijsroute, 24 hours a week


def _reasons(p) -> dict[str, dict]:
    return {r["regel"]: r for r in p.to_json(TR)["redenen"]}


def test_enough_hours_for_the_onderwijsroute_raise_no_flag():
    p = propose(AMAL, today=TODAY)
    assert p.leerroute == "O" and p.to_json(TR)["uren_past_niet"] is False
    assert "U-PAST" in _reasons(p) and not {"U-ONDERWIJSROUTE", "U-HELE-WEEK-NEE"} & set(_reasons(p))


def test_twelve_hours_flag_the_full_time_onderwijsroute_with_a_sourced_reason():
    p = propose({**AMAL, "belastbaarheid_uren_per_week": 12}, today=TODAY)
    out = p.to_json(TR)
    assert out["leerroute"] == "O" and out["uren_past_niet"] is True  # a flag, not a silent other route
    reason = _reasons(p)["U-ONDERWIJSROUTE"]
    threshold = lawdata.policy_defaults()["uren_per_week_onderwijsroute"]
    assert f"{threshold.value} uur per week" in reason["uitleg"]
    assert reason["bron"] == lawdata.article(threshold.source).citation and reason["te_verifieren"] is True
    assert "belastbaarheid_uren_per_week" in reason["antwoorden"]
    assert "12" not in reason["uitleg"]  # the hours themselves stay out of the reason text


def test_full_week_yes_with_few_hours_is_flagged_as_contradictory():
    p = propose({**AMAL, "belastbaarheid_uren_per_week": 12, "full_time_leren_mogelijk": True}, today=TODAY)
    assert {"U-ONDERWIJSROUTE", "U-HELE-WEEK-UREN"} <= set(_reasons(p))
    assert set(_reasons(p)["U-HELE-WEEK-UREN"]["antwoorden"]) >= {"full_time_leren_mogelijk",
                                                                    "belastbaarheid_uren_per_week"}


def test_no_full_week_flags_the_onderwijsroute_even_with_many_hours():
    p = propose({**AMAL, "belastbaarheid_uren_per_week": 30, "full_time_leren_mogelijk": False}, today=TODAY)
    assert p.to_json(TR)["uren_past_niet"] is True and "U-HELE-WEEK-NEE" in _reasons(p)


def test_the_b1_route_flag_follows_the_hours_it_needs():
    li_wei = load_cases()["04_li_wei_b1_route"]["answers"]  # B1-route, works full time: 12 hours
    p = propose(li_wei, today=TODAY)
    assert p.leerroute == "B" and p.to_json(TR)["uren_past_niet"] is True and "U-B1-ROUTE" in _reasons(p)
    enough = lawdata.policy_defaults()["uren_per_week_b1_route"].value
    enough_hours = propose({**li_wei, "belastbaarheid_uren_per_week": enough}, today=TODAY)
    assert enough_hours.to_json(TR)["uren_past_niet"] is False


def test_thresholds_are_policy_a_gemeente_can_set():
    rec = {**AMAL, "belastbaarheid_uren_per_week": 12}
    assert propose(rec, today=TODAY, policy={"uren_per_week_onderwijsroute": 10}).to_json(TR)["uren_past_niet"] is False
    for name in ("uren_per_week_onderwijsroute", "uren_per_week_b1_route"):
        pv = lawdata.policy_defaults()[name]
        assert pv.source in lawdata.articles() and pv.verify is True


def test_the_decided_route_gets_its_own_hours_check():
    p = propose({**AMAL, "belastbaarheid_uren_per_week": 12}, today=TODAY)
    d = decide(p, {"akkoord": False, "leerroute": "B", "motivatie": "Te weinig uren voor de onderwijsroute.",
                   "dagtekening_pip": "2026-03-02", "gemeentecode": "0363"})
    assert d.get("uren_past_niet") is True
    assert [h.rule.id for h in d.details.hits if h.step == "uren"] == ["U-B1-ROUTE"]


@pytest.mark.parametrize("missing", ["belastbaarheid_uren_per_week", "full_time_leren_mogelijk"])
def test_unanswered_hours_ask_for_nothing_new(missing):
    rec = {k: v for k, v in AMAL.items() if k != missing}
    assert missing not in propose(rec, today=TODAY).missing
