"""The law data files: complete, consistent, and loud about mistakes."""

from __future__ import annotations

import re
import string

import pytest

from assistant.advice import conditions, lawdata, record, rules


def test_every_rule_has_an_explanation_a_known_source_and_a_verify_mark():
    rs = rules.ruleset()
    assert len(rs.by_id) >= 40
    for rule in rs.by_id.values():
        assert rule.uitleg and rule.source in lawdata.articles()
        assert isinstance(rule.verify, bool)
        assert rule.explanation().context == f"rules.{rule.id}.uitleg"


def test_rules_inherit_the_verify_mark_of_their_source():
    rs = rules.ruleset()
    assert rs.rule("P-TIJDELIJK").verify is True  # temporary protection: brief §10 item 7
    assert rs.rule("N-O").verify is False         # DUO spec
    assert rs.rule("Z-UREN-ASIEL").verify is True  # Besluit 3.14, secondary


def test_every_placeholder_in_an_explanation_is_a_fact_or_policy_value():
    names = set(record.ANSWER_IDS) | set(record.SOURCES) | set(lawdata.policy_defaults()) | {"ontbrekend"}
    for rule in rules.ruleset().by_id.values():
        fields = {f for _, f, _, _ in string.Formatter().parse(rule.uitleg) if f}
        assert fields <= names, (rule.id, fields - names)


def test_policy_values_have_a_source_and_unverified_ones_are_marked():
    defaults = lawdata.policy_defaults()
    assert defaults["onderwijsroute_richtleeftijd"].value == 28
    assert defaults["voortgangsgesprekken_per_jaar"].verify is True  # brief §10 item 3
    assert defaults["pip_termijn_weken"].source == "besluit_5_3"
    for pv in defaults.values():
        assert pv.source in lawdata.articles()


def test_policy_overrides_are_checked_by_name_and_type():
    assert lawdata.resolve_policy({"onderwijsroute_richtleeftijd": 30})["onderwijsroute_richtleeftijd"] == 30
    with pytest.raises(lawdata.LawDataError, match="unknown setting"):
        lawdata.resolve_policy({"richtleeftijd": 30})
    with pytest.raises(lawdata.LawDataError, match="type int"):
        lawdata.resolve_policy({"onderwijsroute_richtleeftijd": "30"})
    with pytest.raises(lawdata.LawDataError, match="type int"):
        lawdata.resolve_policy({"pip_termijn_weken": True})


def test_articles_cite_and_link_and_mark_what_needs_verifying():
    arts = lawdata.articles()
    assert arts["wet_15"].confidence == "duo_spec"
    assert arts["besluit_5_3"].verify is True
    assert all(re.match(r"https?://", a.url) for a in arts.values() if a.key != "project_keuze")


@pytest.mark.parametrize("cond, message", [
    ({"equals": {"leeftijd": 3}, "in": {"x": [1]}}, "exactly one operator"),
    ({"eval": "1+1"}, "unknown operator"),
    ({"equals": {"schoenmaat": 42}}, "unknown fact"),
    ({"less": {"leeftijd": {"policy": "bestaat_niet"}}}, "unknown policy value"),
    ({"all": []}, "non-empty list"),
    ({"in": {"doelgroep": "asielstatushouder"}}, "must be a list"),
])
def test_malformed_conditions_are_refused_at_load_time(cond, message):
    with pytest.raises(conditions.ConditionError, match=message):
        conditions.check(cond, known_facts={"leeftijd", "doelgroep"}, policy_names={"p"}, where="test")
