"""One set of date rules for typed dates and for dates in files."""

from datetime import date

import pytest

from assistant.base.dates import DateRefused, iso_date, typed_date


@pytest.mark.parametrize("typed, expected", [("31-12-1990", date(1990, 12, 31)), ("1/2/2026", date(2026, 2, 1)),
                                             (" 3.4.2001 ", date(2001, 4, 3)), ("٣١-١٢-١٩٩٠", date(1990, 12, 31))])
def test_typed_dates_in_the_forms_people_type_them(typed, expected):
    assert typed_date(typed) == expected


@pytest.mark.parametrize("typed, words", [("1990-12-31", "dag-maand-jaar"), ("31-02-1990", "bestaat niet"),
                                          ("01-01-1850", "1850"), ("01-01-2300", "2300")])
def test_a_refused_typed_date_says_what_is_wrong(typed, words):
    with pytest.raises(DateRefused) as exc:
        typed_date(typed)
    msg = exc.value.msg
    assert words in msg.msgid.format(**msg.params)


@pytest.mark.parametrize("value", ["2026-W10-1", "2026-3-2", "٢٠٢٦-٠٣-٠٢", "2026-02-30", "", None, 20260302])
def test_iso_dates_in_files_are_strict(value):
    assert iso_date(value) is None


def test_an_iso_date_and_a_date_object_are_read():
    assert iso_date("2026-03-02") == date(2026, 3, 2) == iso_date(date(2026, 3, 2))


def test_the_engine_and_the_decision_share_the_year_bounds():
    from assistant.dialog.loader import load_dialog
    from assistant.engine.parse import Invalid, check_value

    q = load_dialog().question("datum_kennisgeving")
    with pytest.raises(Invalid):
        check_value(q, "2300-01-01", date(2301, 1, 1))  # was taken: only a lower bound was checked
