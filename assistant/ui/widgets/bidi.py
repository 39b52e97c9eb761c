"""Optional visual ordering of right-to-left text, for terminals without bidi.

Text is kept in logical order everywhere; terminals that implement bidi
(and Textual itself, which does none) get it that way. For a terminal that
shows characters strictly left to right, `visual_lines` renders a text in
visual order: it wraps first, then reshapes Arabic letters into their joined
forms (arabic_reshaper) and reorders each line on its own
(`bidi.algorithm.get_display`, which also mirrors brackets). Reordering a
whole paragraph before wrapping would put its lines in reverse order.

Never use this for input fields: reshaping changes the characters and their
number, so a cursor position or an edited value would no longer match the
text. Wrapping counts terminal cells (rich's `cell_len`) and never splits a
character from the combining marks that follow it (Arabic vowel signs, the
Persian zero-width non-joiner); Ge'ez syllables are single characters.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rich.cells import cell_len

MODES = ("logical", "visual")
ENV_VAR = "INTAKE_BIDI"


def visual_order_requested(flag: str | None = None, setting: str | None = None,
                           env: Mapping[str, str] | None = None) -> bool:
    """True when the flag, the setting or ``INTAKE_BIDI`` asks for 'visual' (default logical)."""
    env = os.environ if env is None else env
    for value in (flag, setting, env.get(ENV_VAR)):
        if value in MODES:
            return value == "visual"
    return False


def clusters(word: str) -> list[str]:
    """Characters with their zero-width followers (combining marks, ZWNJ, ZWJ)."""
    out: list[str] = []
    for ch in word:
        if out and cell_len(ch) == 0:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _split_long(word: str, width: int) -> list[str]:
    pieces, current = [], ""
    for cl in clusters(word):
        if current and cell_len(current + cl) > width:
            pieces.append(current)
            current = ""
        current += cl   # a cluster wider than the line still stays whole
    return pieces + ([current] if current else [])


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells; paragraphs kept; words split only when too long."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            for piece in _split_long(word, width) if cell_len(word) > width else [word]:
                candidate = f"{current} {piece}" if current else piece
                if cell_len(candidate) <= width:
                    current = candidate
                else:
                    lines.append(current)
                    current = piece
        lines.append(current)
    return lines


def visual_lines(text: str, width: int, direction: str = "ltr") -> list[str]:
    """Wrapped lines in visual (left-to-right display) order, each at most `width` cells.

    `direction` is the paragraph direction of the locale ('rtl' or 'ltr',
    from `locale_settings.text_direction`). Use only for output, never input.
    """
    from bidi.algorithm import get_display

    base = "R" if direction == "rtl" else "L"
    reshape = _reshaper().reshape
    return [_marks_after_base(get_display(reshape(line), base_dir=base)) for line in wrap(text, width)]


def _marks_after_base(line: str) -> str:
    """Put reversed vowel signs back after their letter (UAX #9 rule L3).

    Reversing a right-to-left run puts a letter's marks before it, but a
    terminal attaches a combining mark to the cell on its left.
    """
    out: list[str] = []
    i = 0
    while i < len(line):
        j = i
        while j < len(line) and cell_len(line[j]) == 0:
            j += 1
        left = out[-1][-1] if out else ""
        if j > i and j < len(line) and _is_rtl(line[j]) and not (left and _is_ltr(left)):
            out.append(line[j] + line[i:j])
            i = j + 1
        elif j > i:
            out.append(line[i:j])
            i = j
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_ltr(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # Keep the vowel signs (harakat): the default would drop them, and with them meaning.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
