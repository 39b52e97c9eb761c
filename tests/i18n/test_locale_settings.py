"""Language negotiation, text direction and per-locale formatting."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from assistant.i18n.catalogs import SOURCE_ROOT
from assistant.i18n.locales import (
    catalog_locale,
    display_name,
    env_preferences,
    format_date,
    format_money,
    format_number,
    negotiate,
    normalize,
    text_direction,
)

NO_ENV: dict[str, str] = {}


def test_flag_beats_settings_beats_environment():
    env = {"LANG": "tr_TR.UTF-8"}
    assert negotiate("ar", "en", env) == "ar"
    assert negotiate(None, "en", env) == "en"
    assert negotiate(None, None, env) == "tr"
    assert negotiate(None, None, NO_ENV) == "nl"


def test_unknown_or_empty_choices_fall_through_to_the_next_source():
    assert negotiate("de", "xx", {"LANG": "so_SO"}) == "so"
    assert negotiate("", None, {"LANG": "C.UTF-8"}) == "nl"
    assert negotiate("de", None, {"LANG": "POSIX"}) == "nl"


def test_environment_follows_gettext_order():
    env = {"LANGUAGE": "de:ti:en", "LC_ALL": "ar_EG.UTF-8", "LANG": "en_US.UTF-8"}
    assert env_preferences(env) == ["de", "ti", "en"]
    assert negotiate(None, None, env) == "ti"          # first available in LANGUAGE
    assert negotiate(None, None, {"LC_ALL": "ar_EG.UTF-8", "LC_MESSAGES": "en", "LANG": "tr"}) == "ar"
    assert negotiate(None, None, {"LC_MESSAGES": "en_GB", "LANG": "tr"}) == "en"


def test_dari_and_persian_share_the_fa_catalog():
    assert normalize("prs") == "fa_AF"
    assert normalize("fa-af.UTF-8@euro") == "fa_AF"
    for tag in ("prs", "prs_AF", "fa-AF", "fa_IR", "fa", "FA"):
        assert negotiate(tag, None, NO_ENV) == "fa", tag
    assert catalog_locale("fa_AF") == "fa"


def test_regional_variants_find_their_language():
    assert negotiate("en_US", None, NO_ENV) == "en"
    assert negotiate("ar-SA", None, NO_ENV) == "ar"
    assert negotiate("nl_BE", None, NO_ENV) == "nl"
    assert negotiate("ti_ER", None, NO_ENV) == "ti"


@pytest.mark.parametrize("locale,direction", [
    ("nl", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("fa_AF", "rtl"),
    ("ti", "ltr"), ("tr", "ltr"), ("so", "ltr"),
])
def test_text_direction_comes_from_cldr(locale, direction):
    assert text_direction(locale) == direction


def test_dates_per_locale_and_switching_while_running():
    d = date(2026, 3, 2)
    assert format_date(d, "nl") == "2 maart 2026"
    assert format_date(d, "tr") == "2 Mart 2026"
    assert "March" in format_date(d, "en")
    assert "مارس" in format_date(d, "ar")
    assert "መጋቢት" in format_date(d, "ti")
    assert format_date(d, "fa_AF") != format_date(d, "fa")     # Dari month names differ
    # switching is passing another locale: no state is left behind
    assert format_date(d, "nl") == "2 maart 2026"


def test_numbers_and_money_per_locale():
    assert format_number(1234.5, "nl") == "1.234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234.5, "tr") == "1.234,5"
    assert format_money(10000, "nl") == "€\xa010.000,00"   # a no-break space, as CLDR says
    assert "10,000.00" in format_money(10000, "en")


def test_language_names_in_their_own_script():
    assert display_name("ar") == "العربية"
    assert display_name("ti") == "ትግርኛ"
    assert display_name("so", "nl") == "Somalisch"


def test_importing_does_not_load_cldr_formatting():
    code = ("import sys, assistant.i18n.locales as l; l.negotiate('ar', None, {}); "
            "print(sorted(m for m in sys.modules if m.startswith(('babel.dates', 'babel.numbers'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=SOURCE_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_message_parameters_are_formatted_per_locale_through_babel():
    """Dates and numbers in any message follow the reader's locale; texts and booleans are left alone."""
    from datetime import date

    from assistant.i18n import Msg, translator

    msg = Msg("Van {start}: {n} uur, {code}, {flag}", None,
              {"start": date(2026, 3, 3), "n": 1200, "code": "0363", "flag": True})
    assert translator("nl")(msg) == "Van 3 maart 2026: 1.200 uur, 0363, True"
    assert translator("en")(msg) == "Van March 3, 2026: 1,200 uur, 0363, True"  # no catalog entry: Dutch text
