"""The gemeentecode on a PIP must be one of CBS's codes, including herindelingen since 2022."""

from __future__ import annotations

import pytest

from assistant.validation.besluit import check_besluit, gemeentecodes
from assistant.validation.values import Refused


@pytest.mark.parametrize("code, gemeente", [("0363", "Amsterdam"), ("1992", "Voorne aan Zee (2023)"),
                                            ("0501", "Brielle (merged, older PIPs)")])
def test_a_cbs_code_is_accepted(code, gemeente):
    check_besluit({"gemeentecode": code})
    assert code in gemeentecodes(), gemeente


@pytest.mark.parametrize("code", ["9999", "0000", "1993"])
def test_a_code_not_in_the_list_is_refused_with_the_code_named(code):
    with pytest.raises(Refused) as caught:
        check_besluit({"gemeentecode": code})
    assert caught.value.field == "besluit.gemeentecode"
    assert caught.value.msg.params["code"] == code


def test_the_list_has_every_current_gemeente_and_the_merged_ones():
    """342 gemeenten on 1 January 2025 (CBS) plus Weesp, Brielle, Hellevoetsluis, Westvoorne."""
    assert len(gemeentecodes()) == 342 + 4
