"""Deadlines with a fixed clock: PIP due date and warnings, inburgeringstermijn, schakelen, vve."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.advice.deadlines import add_months, termijnen
from assistant.i18n import translator

TR = translator("nl")
REC = {"inburgeringsplichtig": "ja", "datum_kennisgeving": "2026-01-05", "datum_inschrijving_brp": "2026-01-12"}


def test_pip_due_ten_weeks_after_the_later_of_kennisgeving_and_brp():
    t = termijnen(REC, today=date(2026, 1, 20))
    assert t.pip_start == date(2026, 1, 12) and t.pip_start_basis == "datum_inschrijving_brp"
    assert t.pip_uiterlijk.date == date(2026, 3, 23)
    later_kennisgeving = {**REC, "datum_kennisgeving": "2026-02-01"}
    assert termijnen(later_kennisgeving, today=date(2026, 2, 2)).pip_uiterlijk.date == date(2026, 4, 12)


@pytest.mark.parametrize("today, status", [
    (date(2026, 3, 8), "op_tijd"),    # 15 days left
    (date(2026, 3, 9), "bijna"),      # 14 days left: warn
    (date(2026, 3, 23), "bijna"),     # the last day
    (date(2026, 3, 24), "verlopen"),
])
def test_pip_warning_comes_close_and_passes(today, status):
    assert termijnen(REC, today=today).to_json(TR)["pip_waarschuwing"] == status


def test_policy_can_change_the_number_of_weeks_and_the_warning():
    t = termijnen(REC, today=date(2026, 3, 1), policy={"pip_termijn_weken": 8, "pip_waarschuwing_dagen": 3})
    assert t.pip_uiterlijk.date == date(2026, 3, 9) and t.pip_waarschuwing == "op_tijd"


def test_termijn_runs_three_years_from_the_day_after_the_first_pip():
    t = termijnen(REC, today=date(2026, 3, 2), dagtekening_pip=date(2026, 3, 2))
    out = t.to_json(TR)
    assert out["inburgeringstermijn_start"] == "2026-03-03"
    assert out["inburgeringstermijn_eind"] == "2029-03-02"
    assert out["schakelen_uiterlijk"] == "2027-09-02"
    assert out["pip_waarschuwing"] == "vastgesteld"


def test_month_arithmetic_clamps_to_the_end_of_the_month():
    assert add_months(date(2028, 2, 29), 36) == date(2031, 2, 28)
    assert add_months(date(2026, 8, 31), 18) == date(2028, 2, 29)


def test_unknown_dates_give_no_deadline_and_say_what_is_missing():
    t = termijnen({"inburgeringsplichtig": "ja"}, today=date(2026, 3, 2))
    out = t.to_json(TR)
    assert out["pip_uiterlijk"] is None and out["pip_waarschuwing"] == "onbekend"
    assert {"datum_kennisgeving", "datum_inschrijving_brp", "kinderen_leeftijden"} <= set(out["ontbrekende_antwoorden"])


def test_no_plicht_means_no_pip_warning():
    t = termijnen({**REC, "inburgeringsplichtig": "nee_vrijstelling"}, today=date(2026, 6, 1))
    assert t.pip_waarschuwing == "niet_van_toepassing"


@pytest.mark.parametrize("ages, duty", [([], False), ([1], False), ([2], True), ([5, 14], True), ([6], False)])
def test_vve_information_duty_for_children_of_that_age(ages, duty):
    assert termijnen({**REC, "kinderen_leeftijden": ages}, today=date(2026, 3, 2)).vve_informeren is duty


def test_most_urgent_is_the_pip_until_it_exists_then_switching_then_the_end():
    before = termijnen(REC, today=date(2026, 3, 2))
    assert before.most_urgent().id == "pip_uiterlijk"
    after = termijnen(REC, today=date(2026, 4, 1), dagtekening_pip=date(2026, 3, 2))
    assert after.most_urgent().id == "schakelen_uiterlijk"
    late = termijnen(REC, today=date(2028, 1, 1), dagtekening_pip=date(2026, 3, 2))
    urgent = late.most_urgent()
    assert urgent.id == "inburgeringstermijn_eind" and urgent.to_json(TR)["omschrijving"]
