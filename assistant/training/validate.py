"""Check practice cases: structure, answers against the dialog, expected outcome shape.

The answers are checked with the replay's own checks (`assistant.outcome.cases.
check_answers`), so a case that passes here is one the engine accepts; the
messages are for the trainer who writes the case and name file:line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from assistant.dialog.validate import Problem
from assistant.training.cases import (
    EXPECTED_OPTIONAL,
    EXPECTED_REQUIRED,
    ID_RE,
    LEVELS,
    OPTIONAL,
    REQUIRED,
    ROUTES,
    case_files,
    plain_values,
    read_raw,
)

# Questions whose words the trainee must hear: the person answers them and they drive the advice.
SPOKEN = ("onderwijs_jaren", "hoogste_opleiding", "werkervaring_jaren", "gezondheid_beperking",
          "belastbaarheid_uren_per_week", "kinderen_leeftijden", "geletterdheid", "hoofddoel")


def all_problems(directory: Path | None = None) -> list[Problem]:
    """Every problem in every case file, and ids used twice."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in case_files(directory):
        raw, read = read_raw(path)
        found = read or case_problems(raw, path)
        problems += found or b1_problems(raw, path)
        cid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(cid, str):
            if cid in seen:
                problems.append(Problem(str(path), raw.line_of("id"), cid, f"id '{cid}' is also used in {seen[cid]}"))
            seen.setdefault(cid, str(path))
    return problems


def b1_problems(raw: dict, path: Path) -> list[Problem]:
    """The story and the person's words are B1 Dutch, by the thresholds of the dialog's check."""
    from assistant.i18n.readability import measure, thresholds

    t = thresholds()
    texts = [(raw, "story", raw["story"])] + [(raw["speech"], k, str(v)) for k, v in raw["speech"].items()]
    out = []
    for node, key, text in texts:
        f = measure(key, text)
        if f.max_sentence_words > t["max_words_per_sentence"]:
            out.append(Problem(str(path), node.line_of(key), None,
                               f"'{key}': a sentence of {f.max_sentence_words} words "
                               f"(max {t['max_words_per_sentence']}); write B1: shorter sentences"))
        if f.max_long_words > t["max_long_words_per_sentence"]:
            out.append(Problem(str(path), node.line_of(key), None, f"'{key}': long words in one sentence "
                               f"({', '.join(f.long_words)}); write B1: common short words"))
    return out


def case_problems(raw: Any, path: Path) -> list[Problem]:
    name = str(path)
    problems: list[Problem] = []

    def add(node: Any, message: str, key: str | None = None, qid: str | None = None) -> None:
        line = node.line_of(key) if key is not None and hasattr(node, "line_of") else getattr(node, "line", 1)
        problems.append(Problem(name, line, qid, message))

    if not isinstance(raw, dict):
        return [Problem(name, 1, None, "a practice case is a mapping with " + ", ".join(REQUIRED))]
    for key in sorted(set(raw) - set(REQUIRED) - set(OPTIONAL)):
        add(raw, f"unknown key '{key}'; allowed: {', '.join(REQUIRED + OPTIONAL)}", key)
    for key in REQUIRED:
        if key not in raw:
            add(raw, f"missing '{key}'")
    if problems:
        return problems
    if not (isinstance(raw["id"], str) and ID_RE.match(raw["id"])):
        add(raw, "'id' must be lower case letters, digits and _ (like b1_route_werk)", "id")
    elif raw["id"] != path.stem:
        add(raw, f"'id' must equal the file name without .yaml ('{path.stem}')", "id")
    for key in ("title", "story"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            add(raw, f"'{key}' must be a non-empty text", key)
    for key in ("skills", "mistakes"):
        items = raw[key]
        if not isinstance(items, list) or not items or not all(isinstance(s, str) and s.strip() for s in items):
            add(raw, f"'{key}' must be a non-empty list of texts", key)
    today = raw["today"]
    if not isinstance(today, date):
        try:
            today = date.fromisoformat(str(today))
        except ValueError:
            add(raw, "'today' must be a date like 2026-03-02", "today")
            return problems
    if not isinstance(raw["answers"], dict) or not raw["answers"]:
        add(raw, "'answers' must be a mapping of question id to the true answer", "answers")
        return problems
    _answer_problems(raw, today, add)
    _text_map_problems(raw, "speech", add)
    if isinstance(raw.get("skip_ok"), dict):
        _text_map_problems(raw, "skip_ok", add, must_answer=False)
    elif "skip_ok" in raw:
        add(raw, "'skip_ok' must be a mapping of question id to why skipping it is fine", "skip_ok")
    if isinstance(raw["speech"], dict):
        for qid in SPOKEN:
            if qid in raw["answers"] and qid not in raw["speech"]:
                add(raw, f"the person's words for '{qid}' are missing; the trainee must hear them", "speech", qid)
    _expected_problems(raw, add)
    return problems


def _answer_problems(raw: dict, today: date, add) -> None:
    from assistant.dialog.loader import load_dialog
    from assistant.engine import progress
    from assistant.outcome.cases import Case, check_answers

    dialog = load_dialog()
    answers = raw["answers"]
    case = Case("nl", today, plain_values(dict(answers)), None, "training")
    for qid, msg in check_answers(dialog, case):
        text = msg.msgid.format(**msg.params) if msg.params else msg.msgid
        add(answers, f"answer refused by the dialog: {text}", qid if qid in answers else None, qid)
    record = progress.effective(dialog, case.answers)
    skip_ok: Any = raw.get("skip_ok") if isinstance(raw.get("skip_ok"), dict) else {}
    for qid in progress.missing(dialog, record, skip_ok):
        add(raw, "mandatory question without a true answer; add it (or a reason in skip_ok)", "answers", qid)


def _text_map_problems(raw: dict, key: str, add, *, must_answer: bool = True) -> None:
    node = raw[key]
    if not isinstance(node, dict):
        add(raw, f"'{key}' must be a mapping of question id to text", key)
        return
    for qid, text in node.items():
        if must_answer and qid not in raw["answers"]:
            add(node, f"'{qid}' has no true answer in 'answers'", qid, qid)
        if not isinstance(text, (str, int)) or not str(text).strip():
            add(node, "must be a non-empty text", qid, qid)


def _expected_problems(raw: dict, add) -> None:
    exp = raw["expected"]
    if not isinstance(exp, dict):
        add(raw, "'expected' must be a mapping", "expected")
        return
    for key in sorted(set(exp) - set(EXPECTED_REQUIRED) - set(EXPECTED_OPTIONAL)):
        add(exp, f"unknown key '{key}'; allowed: {', '.join(EXPECTED_REQUIRED + EXPECTED_OPTIONAL)}", key)
    for key in EXPECTED_REQUIRED:
        if key not in exp:
            add(exp, f"missing '{key}' in 'expected'")
    if exp.get("leerroute", None) not in ROUTES:
        add(exp, "'leerroute' must be B, O, Z or null", "leerroute")
    if exp.get("niveau", None) not in LEVELS:
        add(exp, "'niveau' must be B1, A2 or null", "niveau")
    for key in ("regels", "redenen"):
        if key in exp and not (isinstance(exp[key], list) and exp[key] and all(isinstance(x, str) for x in exp[key])):
            add(exp, f"'{key}' must be a non-empty list", key)
    for key in ("voorstel", "termijnen", "besluit"):
        if key in exp and exp[key] is not None and not isinstance(exp[key], dict):
            add(exp, f"'{key}' must be a mapping", key)
    alt = exp.get("andere_route_mogelijk")
    if alt is not None and not (isinstance(alt, list) and all(r in ROUTES[:3] for r in alt)):
        add(exp, "'andere_route_mogelijk' must be a list of B, O and Z", "andere_route_mogelijk")
