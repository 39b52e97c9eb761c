"""Locales whose translation is not finished yet: their completeness tests are known failures.

Issue 5 (languages) is open: the catalogs exist, the pipeline and the checks
work, but these locales are not 100 % translated. Their tests are marked
`xfail(strict=True)`: they still run, and the moment a locale is complete the
test passes unexpectedly and fails the suite, so this list must shrink — it
can never hide a regression in a finished locale. `intake check` lists every
missing entry.
"""

import pytest

from assistant import catalogs

PENDING_LOCALES = {"ti"}

PENDING = pytest.mark.xfail(strict=True, reason="issue 5: translation of this catalog is not finished")


def locale_params(locales=catalogs.TARGET_LOCALES):
    return [pytest.param(loc, marks=PENDING) if loc in PENDING_LOCALES else loc for loc in locales]


def all_translated() -> bool:
    return not PENDING_LOCALES
