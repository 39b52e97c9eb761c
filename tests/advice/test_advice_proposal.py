"""Proposal behaviour beyond the personas: weighing, policy, missing answers, translation, bad input."""

from __future__ import annotations

import gettext
from datetime import date

import pytest

from assistant.advice.proposal import propose
from assistant.advice.record import RecordError
from assistant.i18n import Translator, translator

TODAY = date(2026, 3, 2)
TR = translator("nl")
YOUNG_STUDENT = {
    "doelgroep": "asielstatushouder", "inburgeringsplichtig": "ja", "geboortedatum": "1996-06-01",
    "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar", "geletterdheid": "latijns_schrift",
    "onderwijs_jaren": 14, "hoogste_opleiding": "mbo", "huidige_opleiding": "geen",
    "hoofddoel": "opleiding", "gezondheid_beperking": "geen", "bijstand": False, "kinderen_leeftijden": [],
}


def test_onderwijsroute_is_weighed_with_every_criterion_shown():
    weigh = propose({**YOUNG_STUDENT, "hoofddoel": "werk"}, today=TODAY).to_json(TR)["onderwijsroute_overwogen"]
    assert weigh["uitkomst"] == "niet"
    verdicts = {c["regel"]: c["voldaan"] for c in weigh["criteria"]}
    assert verdicts == {"O-LEEFTIJD": False, "O-LBT": True, "O-OPLEIDING": True, "O-DOEL": False, "O-GEZONDHEID": True}


def test_the_guidance_age_is_a_policy_value():
    # 29 years old: above the default guidance age of 28, so the consulent weighs it...
    assert propose(YOUNG_STUDENT, today=TODAY).weighing.outcome == "twijfel"
    # ...but a gemeente that sets 30 gets a plain onderwijsroute proposal.
    p = propose(YOUNG_STUDENT, today=TODAY, policy={"onderwijsroute_richtleeftijd": 30})
    assert p.leerroute == "O" and not p.consulent


def test_the_rules_never_settle_a_borderline_score_silently():
    p = propose({**YOUNG_STUDENT, "hoofddoel": "werk", "lbt_resultaat": "b1_niet_haalbaar",
                 "lbt_behaalde_score": "47,60", "lbt_benodigde_score": "50,00", "hoogste_opleiding": "basisonderwijs",
                 "onderwijs_jaren": 6}, today=TODAY)
    assert p.leerroute is None and p.consulent and p.options == ("B", "Z")
    assert "47,60" in TR(p.question)
    clear = propose({**YOUNG_STUDENT, "hoofddoel": "werk", "lbt_resultaat": "b1_niet_haalbaar",
                     "lbt_behaalde_score": "40,00", "lbt_benodigde_score": "50,00",
                     "hoogste_opleiding": "basisonderwijs", "onderwijs_jaren": 6}, today=TODAY)
    assert clear.leerroute == "Z" and not clear.consulent


def test_without_scores_a_low_result_with_little_schooling_is_z():
    p = propose({**YOUNG_STUDENT, "lbt_resultaat": "b1_niet_haalbaar", "hoogste_opleiding": "geen",
                 "onderwijs_jaren": 2}, today=TODAY)
    assert p.leerroute == "Z"


def test_missing_answers_are_named_and_nothing_is_guessed():
    partial = {k: v for k, v in YOUNG_STUDENT.items() if k not in ("hoofddoel", "geletterdheid")}
    p = propose(partial, today=TODAY)
    out = p.to_json(TR)
    assert out["leerroute"] is None and out["status"] == "onvolledig"
    assert out["ontbrekend_voor_leerroute"] == ["hoofddoel"]
    assert "geletterdheid" in out["ontbrekende_antwoorden"] and out["alfabetisering"] is None
    assert out["redenen"][0]["regel"] == "ONVOLLEDIG" and "hoofddoel" in out["redenen"][0]["uitleg"]


def test_a_missing_fact_that_cannot_change_the_route_does_not_block_it():
    partial = {k: v for k, v in YOUNG_STUDENT.items() if k != "hoofddoel"}
    partial["lbt_resultaat"] = "b1_niet_haalbaar"
    partial.update(hoogste_opleiding="geen", onderwijs_jaren=1)
    assert propose(partial, today=TODAY).leerroute == "Z"


@pytest.mark.parametrize("key, value", [
    ("onderwijs_jaren", "12"), ("onderwijs_jaren", 99), ("bijstand", "ja"), ("doelgroep", "student"),
    ("geboortedatum", "01-01-1990"), ("kinderen_leeftijden", [3, "4"]),
])
def test_wrong_types_are_refused_naming_the_field(key, value):
    with pytest.raises(RecordError) as info:
        propose({**YOUNG_STUDENT, key: value}, today=TODAY)
    assert info.value.field == key


def test_unrelated_answers_in_the_record_are_ignored():
    assert propose({**YOUNG_STUDENT, "toestemming": True, "naam": "X"}, today=TODAY).leerroute is not None


def test_explanations_go_through_the_catalog_with_the_rule_context():
    class Catalog(gettext.NullTranslations):
        def pgettext(self, context, message):
            return "ترجمة" if context == "rules.R-B.uitleg" else message

    tr = Translator("ar", Catalog())
    out = propose({**YOUNG_STUDENT, "hoofddoel": "werk"}, today=TODAY).to_json(tr)
    texts = {r["regel"]: r["uitleg"] for r in out["redenen"]}
    assert texts["R-B"] == "ترجمة" and texts["P-JA"].startswith("DUO")


def test_health_values_never_appear_in_the_output():
    out = propose({**YOUNG_STUDENT, "gezondheid_beperking": "blijvend"}, today=TODAY).to_json(TR)
    flat = repr(out)
    assert "blijvend" not in flat.replace("blijvende beperking", "")
    assert out["medische_ontheffing_overwegen"] is True
