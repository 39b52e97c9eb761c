"""The shipped catalogs: every check, every locale, against a fresh extraction.

Completeness is measured against the texts extracted from the sources right
now, not against the committed .pot, so a new source text without a
translation fails here even before anyone runs scripts/update-catalogs.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from assistant.i18n import catalogs, codes
from assistant.i18n.checks import run_all_checks


@lru_cache(maxsize=1)
def _problems():
    return tuple(run_all_checks(catalogs.SOURCE_ROOT / "locales"))


def _report(problems) -> str:
    shown = "\n".join(str(p) for p in problems[:25])
    more = f"\n… and {len(problems) - 25} more" if len(problems) > 25 else ""
    return f"{len(problems)} problem(s):\n{shown}{more}"


def test_the_committed_template_is_up_to_date():
    problems = [p for p in _problems() if p.locale is None]
    assert not problems, _report(problems)


@pytest.mark.parametrize("locale", codes.TARGET_LOCALES)
def test_catalog_passes_every_check(locale):
    problems = [p for p in _problems() if p.locale == locale]
    assert not problems, _report(problems)


def test_every_target_locale_has_a_catalog_directory():
    from assistant.i18n import available_locales

    assert set(available_locales()) >= set(codes.ALL_LOCALES)
