"""Untrusted text stays text: remove what could act on a terminal or layout.

Everything a person types, every imported value and every translated string
passes through `clean` before it is stored or shown. It removes C0 and C1
control characters (ANSI/OSC escape sequences with them), bidi override and
isolate controls, and other invisible formatting that could reorder or hide
text. Newlines and tabs may be kept for multi-line fields.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences (CSI, OSC, DCS, single-character escapes) go as a whole,
# so "\x1b[2J" does not leave "[2J" behind.
_ESCAPE_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"     # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"                    # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"           # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"   # 8-bit OSC
)
# Bidi embedding/override/isolate controls: they can visually reorder text.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Invisible characters that hide or split text: zero-width space, BOM / zero-width
# no-break space, line and paragraph separators, word joiner, Mongolian vowel separator.
# (Zero-width joiner and non-joiner stay: Persian and Arabic words need them.)
_INVISIBLE = set("\u200b\ufeff\u2028\u2029\u2060\u180e")


def clean(value: str, *, multiline: bool = False) -> str:
    """Strip escape sequences, control and bidi-override characters."""
    if value.isprintable():
        # Nothing to strip: every character `clean` removes or replaces (escape
        # introducers, C0/C1 controls, newlines and tabs, bidi and invisible
        # characters, surrogates) is non-printable for `str.isprintable`
        # (tests/privacy/test_text_hygiene.py checks this over all of Unicode). Most answers
        # take this path, one C-level scan instead of a Python loop per character.
        return value
    return _strip(value, multiline)


def _strip(value: str, multiline: bool) -> str:
    value = _ESCAPE_SEQ.sub("", value)
    out = []
    for ch in value:
        if ch in "\n\t" and multiline:
            out.append(ch)
            continue
        if ch in "\n\r\t":
            out.append(" ")
            continue
        if ch in _BIDI_CONTROLS or ch in _INVISIBLE:
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" or cat == "Cs":  # controls (C0, DEL, C1) and lone surrogates
            continue
        out.append(ch)
    return "".join(out)


def clean_line(value: str) -> str:
    """One line of text: cleaned, inner whitespace runs kept, ends trimmed."""
    return clean(value).strip()


def visible(value: str) -> str:
    """For a terminal: escapes, controls, bidi and invisible characters shown as \\uXXXX.

    Unlike `clean` nothing is dropped, so a person can see that something was there.
    Newlines and tabs stay.
    """
    out = []
    for ch in value:
        if ch in "\n\t":
            out.append(ch)
        elif ch in _BIDI_CONTROLS or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
