"""B1 check for every Dutch text the inburgeraar reads.

The texts: the dialogs' topic titles, question texts, help texts, units,
item names and choice labels of questions not marked ``who: consulent``
(info messages are questions too), the explanations of the advice rules, and
the messages of the Python files listed in readability.yaml (answer
validation, the plain conversation). Thresholds, with their rationale, are
data in readability.yaml; `scripts/readability-report` prints the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import assistant.i18n.catalogs as catalogs
from assistant.base import paths
from assistant.base.yamlload import safe_load
from assistant.i18n.checks import Problem
from assistant.i18n.extract import iter_dialog_texts, iter_law_texts

THRESHOLDS = Path(__file__).with_name("readability.yaml")
READER_FIELDS = ("title", "text", "help", "unit", "item_label", "choice", "uitleg", "text_alone", "help_alone")
_SENTENCE_END = re.compile(r"(?<=[\w)\"'’][.?!])\s+")  # a lone "?" is a key, not an end
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@lru_cache(maxsize=1)
def thresholds() -> dict[str, Any]:
    return safe_load(THRESHOLDS.read_text("utf-8"))


@dataclass(frozen=True)
class Figures:
    where: str
    text: str
    words: int
    sentences: int
    syllables: int
    max_sentence_words: int
    max_long_words: int
    long_words: tuple[str, ...]

    @property
    def flesch_douma(self) -> float:
        return flesch_douma(self.words, self.sentences, self.syllables)


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    """Douma's Dutch Flesch reading ease (as textstat computes it for lang nl)."""
    if not words:
        return 100.0
    return 206.835 - 0.93 * (words / max(1, sentences)) - 77 * (syllables / words)


@lru_cache(maxsize=1)
def _hyphenator():
    """Dutch hyphenation patterns (pyphen, which WeasyPrint already needs).

    textstat counts Dutch syllables exactly this way (hyphenation points + 1,
    the hyphen in "Z-route" removed first, apostrophes kept); calling pyphen
    directly keeps those figures without textstat's dependencies (nltk and
    more) at run time. tests/i18n/test_readability.py checks the equality.
    """
    from pyphen import Pyphen

    return Pyphen(lang="nl")


def _syllables(word: str) -> int:
    plain = word.replace("-", "").lower()
    return max(1, len(_hyphenator().positions(plain)) + 1)


def is_long(word: str, t: dict[str, Any]) -> bool:
    if word.lower() in t["known_terms"] or word.isdigit():
        return False
    letters = sum(c.isalpha() for c in word)
    return letters >= t["long_word_min_letters"] or _syllables(word) >= t["long_word_min_syllables"]


def measure(where: str, text: str) -> Figures:
    t = thresholds()
    plain = _PLACEHOLDER.sub("5", text)   # a placeholder reads as a short value
    sentences = [s for s in _SENTENCE_END.split(plain.strip()) if _WORD.search(s)] or [""]
    words, syllables, max_words, max_long, longs = 0, 0, 0, 0, []
    for sentence in sentences:
        found = _WORD.findall(sentence)
        long_here = [w for w in found if is_long(w, t)]
        words += len(found)
        syllables += sum(_syllables(w) for w in found)
        max_words, max_long = max(max_words, len(found)), max(max_long, len(long_here))
        longs += long_here
    return Figures(where, text, words, len(sentences), syllables, max_words, max_long, tuple(longs))


def reader_texts(root: Path = catalogs.SOURCE_ROOT) -> Iterator[tuple[str, str]]:
    """(where, Dutch text) for every text the inburgeraar reads, each once."""
    seen = set()
    for path in sorted(paths.resource_dir("dialogs").glob("*.yaml")):
        for st in iter_dialog_texts(path.read_text("utf-8")):
            if st.who != "consulent" and st.field in READER_FIELDS and st.context not in seen:
                seen.add(st.context)
                yield st.context, st.text
    rules = paths.resource_dir("law") / "rules.yaml"
    if rules.exists():
        for st in iter_law_texts(rules.read_text("utf-8"), "rules"):
            yield st.context, st.text
    yield from _python_texts(root)


def _python_texts(root: Path) -> Iterator[tuple[str, str]]:
    files = set(thresholds()["python_files"])
    if catalogs.has_sources(root):
        template = catalogs.extract(root)
    else:
        from babel.messages.pofile import read_po

        with catalogs.pot_path(paths.resource_dir("locales")).open("rb") as f:
            template = read_po(f)
    for m in template:
        where = [p for p, _ in m.locations if p in files]
        if m.id and where:
            for text in m.id if isinstance(m.id, tuple) else (m.id,):
                yield f"{where[0]}" + (f" ({m.context})" if m.context else ""), text


def all_figures(root: Path = catalogs.SOURCE_ROOT) -> list[Figures]:
    return [measure(where, text) for where, text in reader_texts(root)]


def total_flesch_douma(figures: list[Figures]) -> float:
    return flesch_douma(sum(f.words for f in figures), sum(f.sentences for f in figures),
                        sum(f.syllables for f in figures))


def problems_in(figures: list[Figures]) -> list[Problem]:
    t = thresholds()
    out = []
    fix = "rewrite in B1: shorter sentences, common short words"
    for f in figures:
        if f.max_sentence_words > t["max_words_per_sentence"]:
            out.append(Problem("readability", "nl", f.where, f.text,
                               f"a sentence of {f.max_sentence_words} words (max {t['max_words_per_sentence']})", fix))
        if f.max_long_words > t["max_long_words_per_sentence"]:
            out.append(Problem("readability", "nl", f.where, f.text,
                               f"{f.max_long_words} long words in one sentence ({', '.join(f.long_words)}); "
                               f"max {t['max_long_words_per_sentence']}", fix))
        if f.words >= t["min_words_for_text_score"] and f.flesch_douma < t["min_flesch_douma_text"]:
            out.append(Problem("readability", "nl", f.where, f.text,
                               f"Flesch–Douma {f.flesch_douma:.0f} (min {t['min_flesch_douma_text']})", fix))
    total = total_flesch_douma(figures)
    if figures and total < t["min_flesch_douma_total"]:
        out.append(Problem("readability", "nl", "all texts", "", f"Flesch–Douma over all texts {total:.1f} "
                           f"(min {t['min_flesch_douma_total']})", "rewrite the offenders listed first"))
    return out


def readability_problems() -> list[Problem]:
    """The B1 check of `intake check`: an empty list means every text passes."""
    return problems_in(all_figures())
