"""Three-valued evaluation: an unanswered fact makes a condition unknown, not false."""

from __future__ import annotations

from assistant.advice.conditions import evaluate

POLICY = {"grens": 28}


def test_comparisons_against_policy_values():
    assert evaluate({"less": {"leeftijd": {"policy": "grens"}}}, {"leeftijd": 27}, POLICY) is True
    assert evaluate({"less": {"leeftijd": {"policy": "grens"}}}, {"leeftijd": 28}, POLICY) is False
    assert evaluate({"at_most": {"leeftijd": {"policy": "grens"}}}, {"leeftijd": 28}, POLICY) is True


def test_unknown_fact_gives_unknown_and_not_keeps_it_unknown():
    cond = {"equals": {"bijstand": True}}
    assert evaluate(cond, {}, POLICY) is None
    assert evaluate({"not": cond}, {}, POLICY) is None


def test_kleene_all_and_any():
    known_false = {"equals": {"a": 1}}
    unknown = {"equals": {"b": 1}}
    known_true = {"equals": {"a": 2}}
    facts = {"a": 2}
    assert evaluate({"all": [known_false, unknown]}, facts, POLICY) is False
    assert evaluate({"all": [known_true, unknown]}, facts, POLICY) is None
    assert evaluate({"any": [known_true, unknown]}, facts, POLICY) is True
    assert evaluate({"any": [known_false, unknown]}, facts, POLICY) is None


def test_answered_is_a_guard_that_is_never_unknown():
    assert evaluate({"answered": "x"}, {}, POLICY) is False
    guarded = {"all": [{"answered": "x"}, {"greater": {"x": 3}}]}
    assert evaluate(guarded, {}, POLICY) is False


def test_list_facts_match_when_any_entry_matches_and_empty_lists_never():
    cond = {"between": {"kinderen": [2, 5]}}
    assert evaluate(cond, {"kinderen": [1, 4, 9]}, POLICY) is True
    assert evaluate(cond, {"kinderen": [1, 9]}, POLICY) is False
    assert evaluate(cond, {"kinderen": []}, POLICY) is False


def test_booleans_are_not_numbers():
    assert evaluate({"greater": {"x": 0}}, {"x": True}, POLICY) is False
