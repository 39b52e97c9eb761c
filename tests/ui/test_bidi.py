"""Visual order for terminals without bidi: wrapped first, never cutting a character."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from assistant.ui.widgets.bidi import clusters, visual_lines, visual_order_requested, wrap

ARABIC = "سلام عليكم يا صديقي العزيز كيف حالك اليوم"
GEEZ = "ሰላም ለዓለም ትግርኛ ጽቡቕ ቋንቋ እዩ"
HARAKAT = "مَرْحَبًا بِكُمْ فِي الْبَلَدِيَّةِ"


def _letters(text: str) -> list[str]:
    """Base characters after undoing Arabic presentation forms, spaces left out."""
    return sorted(c for c in unicodedata.normalize("NFKC", text) if not c.isspace() and c != "\u200c")


def test_wraps_before_reordering_so_lines_keep_their_order():
    lines = visual_lines(ARABIC, 12, "rtl")
    assert len(lines) > 1
    # the first visual line holds the first logical words (reversed within the line)
    first_words = wrap(ARABIC, 12)[0].split()
    assert _letters(lines[0]) == _letters(" ".join(first_words))
    assert all(cell_len(line) <= 12 for line in lines)


def test_rtl_line_is_reversed_and_shaped():
    [line] = visual_lines("سلام", 20, "rtl")
    assert _letters(line) == _letters("سلام")
    # visual order: the last letter (meem, final form) comes first, the first (seen, initial) last
    assert unicodedata.normalize("NFKC", line[0]) == "م" and unicodedata.normalize("NFKC", line[-1]) == "س"
    assert all("\ufe70" <= c <= "\ufeff" for c in line)   # joined presentation forms, lam-alef ligature


def test_vowel_signs_stay_with_their_letter():
    lines = visual_lines(HARAKAT, 8, "rtl")
    marks = [c for c in HARAKAT if unicodedata.combining(c)]
    assert sorted(c for line in lines for c in line if unicodedata.combining(c)) == sorted(marks)
    for line in lines:
        assert line and not unicodedata.combining(line[0]), "a line never starts with a loose mark"
    # each mark follows the letter it belongs to: "بِكُمْ" shows as meem+sukun, kaf+damma, beh+kasra
    [shown] = visual_lines("بِكُمْ", 10, "rtl")
    pairs = [(unicodedata.normalize("NFKC", shown[i]), shown[i + 1]) for i in range(0, len(shown), 2)]
    assert pairs == [("م", "\u0652"), ("ك", "\u064f"), ("ب", "\u0650")]


def test_mixed_direction_in_an_ltr_interface():
    [line] = visual_lines("Naam: سلام en meer", 40, "ltr")
    assert line.startswith("Naam: ") and line.endswith(" en meer")
    assert unicodedata.normalize("NFKC", line[6]) == "م"     # the Arabic word alone is reversed


def test_latin_and_geez_are_unchanged_apart_from_wrapping():
    assert visual_lines(GEEZ, 9, "ltr") == wrap(GEEZ, 9)
    assert visual_lines("Heeft u werk?", 40) == ["Heeft u werk?"]


def test_geez_and_arabic_cell_widths():
    assert cell_len("ሰላም") == 3 and cell_len("سلام") == 4
    assert wrap(GEEZ, 9) == ["ሰላም ለዓለም", "ትግርኛ ጽቡቕ", "ቋንቋ እዩ"]


def test_a_word_longer_than_the_line_is_split_between_characters():
    assert wrap("ትግርኛትግርኛ", 4) == ["ትግርኛ", "ትግርኛ"]
    assert wrap("مَرْحَبًا", 2) == ["مَرْ", "حَبً", "ا"]


def test_paragraphs_are_kept():
    assert wrap("Een.\n\nTwee drie", 20) == ["Een.", "", "Twee drie"]


def test_clusters_keep_zero_width_followers():
    assert clusters("مَر") == ["مَ", "ر"]
    assert clusters("می\u200cخواهم")[1] == "ی\u200c"


def test_visual_order_is_an_explicit_option():
    assert visual_order_requested(env={}) is False
    assert visual_order_requested(env={"INTAKE_BIDI": "visual"}) is True
    assert visual_order_requested("logical", None, {"INTAKE_BIDI": "visual"}) is False
    assert visual_order_requested(None, "visual", {}) is True
    assert visual_order_requested("nonsense", None, {}) is False


LETTERS = st.sampled_from(list("سلامعيكمدقزحبتثሰላምለዓትግርኛጽቡቕabcxyz"))
MARKS = st.sampled_from(["", "", "\u064e", "\u0650", "\u0652", "\u0651\u064e"])
WORDS = st.lists(st.lists(st.tuples(LETTERS, MARKS).map("".join), min_size=1, max_size=10).map("".join),
                 min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, width=st.integers(min_value=2, max_value=30), direction=st.sampled_from(["ltr", "rtl"]))
def test_no_line_is_too_wide_and_no_character_is_lost(words, width, direction):
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert sorted("".join(lines).replace(" ", "")) == sorted(text.replace(" ", ""))
    assert all(not line or not unicodedata.combining(line[0]) for line in lines)
    shown = visual_lines(text, width, direction)
    assert len(shown) == len(lines)
    assert all(cell_len(line) <= width for line in shown)
    assert _letters("".join(shown)) == _letters(text)
    assert all(not line or not unicodedata.combining(line[0]) for line in shown)
