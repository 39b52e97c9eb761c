"""Validate a raw dialog: every problem names file, line, id and what to do.

Structure (keys, types, ids) is checked per topic and question; conditions
are checked against the questions that come earlier; the last pass looks for
questions that can never be reached and mandatory questions nobody can answer
(dead ends, after which the intake could never reach the review).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.dialog import conditions
from assistant.dialog.model import ANSWER_TYPES, PHASES, WHO

if TYPE_CHECKING:
    from assistant.dialog.retired import Add

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CHOICE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
RESERVED = {"review", "awaiting_lbt", "proposal", "confirmed", "phase", "state", "trigger",
            "answer", "go_back", "model", "machine"}
PHASE_ORDER = ("welcome", "language", "consent")
TOP_KEYS = {"dialog", "version", "title", "topics", "earlier", "retired"}
TOPIC_KEYS = {"id", "title", "phase", "basis", "required_by", "when", "waits_for",
              "waiting_when", "questions"}
COMMON_KEYS = {"id", "type", "text", "label", "help", "who", "mandatory", "sensitive",
               "pre_intake", "when", "text_alone", "help_alone"}
TYPE_KEYS = {
    "text": {"max_length", "format", "multiline"},
    "number": {"min", "max", "unit"},
    "date": {"future", "age_min", "age_max"},
    "yesno": set(),
    "choice": {"choices", "sets_locale"},
    "multichoice": {"choices", "min_selected"},
    "list": {"item_min", "item_max", "min_items", "max_items", "item_label"},
    "info": set(),
}
CHOICE_KEYS = {"id", "label"}
TEXT_FORMATS = ("bsn", "duo_score")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    qid: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: [{self.qid}] {self.message}" if self.qid else f"{where}: {self.message}"


def validate_raw(raw: Any, name: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(node: Any, qid: str | None, message: str, key: str | None = None) -> None:
        line = node.line_of(key) if key and hasattr(node, "line_of") else getattr(node, "line", 0)
        problems.append(Problem(name, line, qid, message))

    if not isinstance(raw, dict):
        return [Problem(name, 1, None, "a dialog file is a mapping with 'dialog', 'version' and 'topics'")]
    for key in sorted(set(raw) - TOP_KEYS):
        add(raw, None, f"unknown key '{key}'; allowed: {', '.join(sorted(TOP_KEYS))}", key)
    for key in ("dialog", "version", "topics"):
        if key not in raw:
            add(raw, None, f"missing '{key}' at the top of the file")
    if "dialog" in raw and not (isinstance(raw["dialog"], str) and ID_RE.match(raw["dialog"])):
        add(raw, None, "'dialog' must be an id like brede_intake", "dialog")
    topics = raw.get("topics")
    if not isinstance(topics, list) or not topics:
        add(raw, None, "'topics' must be a non-empty list of topics", "topics")
        return problems

    seen: dict[str, int] = {}
    questions: dict[str, dict[str, Any]] = {}  # id -> raw question, in dialog order
    for index, topic in enumerate(topics):
        _check_topic(topic, index, add, seen, questions)
    _check_conditions(topics, questions, add)
    from assistant.dialog import retired

    topic_ids: set[Any] = {t.get("id") for t in topics if isinstance(t, dict)}
    retired.problems(raw, topic_ids, questions, add)
    if not any(isinstance(t, dict) and t.get("phase", "topic") == "topic" for t in topics):
        add(raw, None, "dead end: the dialog has no topic with phase 'topic'; add the intake topics", "topics")
    return problems


def _check_id(node: Any, value: Any, add: Add, seen: dict[str, int], what: str, key: str = "id") -> bool:
    if not isinstance(value, str) or not ID_RE.match(value):
        add(node, None, f"{what} id {value!r} is not an id: use lowercase letters, digits and _ (e.g. lbt_status)", key)
        return False
    if value in RESERVED or keyword.iskeyword(value):
        add(node, value, f"'{value}' is a reserved name (engine state or attribute); choose another id", key)
        return False
    if value in seen:
        add(node, value, f"duplicate id '{value}' (first used on line {seen[value]}); "
                         "every topic and question id must be unique", key)
        return False
    seen[value] = node.line_of(key) if hasattr(node, "line_of") else 0
    return True


def _check_topic(topic: Any, index: int, add: Add, seen: dict[str, int],
                 questions: dict[str, dict[str, Any]]) -> None:
    if not isinstance(topic, dict):
        add(topic, None, f"topic {index + 1} must be a mapping with id, title and questions")
        return
    tid = topic.get("id")
    _check_id(topic, tid, add, seen, "topic")
    for key in sorted(set(topic) - TOPIC_KEYS):
        add(topic, tid, f"unknown topic key '{key}'; allowed: {', '.join(sorted(TOPIC_KEYS))}", key)
    if not isinstance(topic.get("title"), str) or not topic.get("title", "").strip():
        add(topic, tid, "the topic needs a 'title' (Dutch, B1)")
    phase = topic.get("phase", "topic")
    if phase not in PHASES:
        add(topic, tid, f"unknown phase '{phase}'; use one of: {', '.join(PHASES)}", "phase")
    elif index < len(PHASE_ORDER) and phase != PHASE_ORDER[index]:
        add(topic, tid, f"topic {index + 1} must have phase '{PHASE_ORDER[index]}' "
                        "(order: welcome, language, consent, then topics)", "phase")
    elif index >= len(PHASE_ORDER) and phase != "topic":
        add(topic, tid, f"phase '{phase}' may only be used once, at the start (welcome, language, consent)", "phase")
    if topic.get("required_by", "guidance") not in ("wet", "guidance"):
        add(topic, tid, "'required_by' is 'wet' or 'guidance'", "required_by")
    if ("waits_for" in topic) != ("waiting_when" in topic):
        add(topic, tid, "'waits_for' and 'waiting_when' go together: name what is awaited and when", "waits_for")
    qs = topic.get("questions")
    if not isinstance(qs, list) or not qs:
        add(topic, tid, "dead end: the topic has no questions; add questions or remove the topic",
            "questions" if "questions" in topic else None)
        return
    for q in qs:
        _check_question(q, tid, add, seen, questions)


def _check_question(q: Any, tid: str | None, add: Add, seen: dict[str, int],
                    questions: dict[str, dict[str, Any]]) -> None:
    if not isinstance(q, dict):
        add(q, None, f"a question in topic '{tid}' must be a mapping with id, type and text")
        return
    qid: Any = q.get("id")  # a str when _check_id accepts it
    ok = _check_id(q, qid, add, seen, "question")
    qtype = q.get("type")
    if qtype not in ANSWER_TYPES:
        add(q, qid, f"unknown type {qtype!r}; use one of: {', '.join(ANSWER_TYPES)}", "type")
        return
    allowed = COMMON_KEYS | TYPE_KEYS[qtype]
    for key in sorted(set(q) - allowed):
        add(q, qid, f"unknown key '{key}' for type {qtype}; allowed: {', '.join(sorted(allowed))}", key)
    if not isinstance(q.get("text"), str) or not q["text"].strip():
        add(q, qid, "the question needs a 'text' (Dutch, B1)")
    if q.get("who", "inburgeraar") not in WHO:
        add(q, qid, f"'who' is one of: {', '.join(WHO)}", "who")
    for key in ("text_alone", "help_alone"):
        if key in q and (not isinstance(q[key], str) or not q[key].strip()):
            add(q, qid, f"'{key}' is a Dutch text (B1) for the pre-intake, or left out", key)
    if "help_alone" in q and "help" not in q:
        add(q, qid, "'help_alone' needs a 'help' for the joint intake too", "help_alone")
    for flag in ("mandatory", "sensitive", "pre_intake"):
        if flag in q and not isinstance(q[flag], bool):
            add(q, qid, f"'{flag}' is true or false", flag)
    _check_type_options(q, qid, qtype, add)
    if ok:
        questions[qid] = q


def _check_type_options(q: Any, qid: str | None, qtype: Any, add: Add) -> None:
    dead = "dead end: nobody can answer this question, so the intake could never reach the review"
    if qtype in ("choice", "multichoice"):
        choices = q.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            add(q, qid, f"{dead}; give at least two 'choices'", "choices")
            return
        ids: set[Any] = set()
        labels: dict[str, Any] = {}
        for c in choices:
            cid = c.get("id") if isinstance(c, dict) else None
            extra = sorted(map(str, set(c) - CHOICE_KEYS)) if isinstance(c, dict) else []
            if extra:  # `{id: x, label: Ja, zelf}` silently makes 'zelf' a key: the label is cut at the comma
                meant = ", ".join([str(c.get("label")), *extra])
                add(c, qid, f"choice '{cid}' has unknown key(s) {', '.join(extra)}; a label with a comma "
                            f"needs quotes: label: '{meant}'")
            if not isinstance(cid, str) or not CHOICE_RE.match(cid):
                add(c if isinstance(c, dict) else q, qid,
                    f"choice value {cid!r} is not an id: values are stored, so use lowercase ids like "
                    "'b1_haalbaar' and put the words in 'label'")
            elif cid in ids:
                add(c, qid, f"duplicate choice id '{cid}'")
            ids.add(cid)
            label = c.get("label") if isinstance(c, dict) else None
            if not (isinstance(label, str) and label.strip()):
                add(c, qid, f"choice '{cid}' needs a 'label' (Dutch, B1)")
            elif label.strip().casefold() in labels:
                add(c, qid, f"choices '{labels[label.strip().casefold()]}' and '{cid}' have the same label "
                            f"'{label.strip()}': people cannot tell them apart; make the labels differ")
            else:
                labels[label.strip().casefold()] = cid
    elif qtype == "number":
        lo, hi = q.get("min"), q.get("max")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi)):
            add(q, qid, "a number question needs whole-number 'min' and 'max'")
        elif lo > hi:
            add(q, qid, f"{dead}: min {lo} is above max {hi}", "min")
    elif qtype == "list":
        lo, hi = q.get("item_min", 0), q.get("item_max", 100)
        if lo > hi or q.get("min_items", 0) > q.get("max_items", 20):
            add(q, qid, f"{dead}: the list's minimum is above its maximum")
    elif qtype == "text" and "format" in q and q["format"] not in TEXT_FORMATS:
        add(q, qid, f"unknown text format {q['format']!r}; use one of: {', '.join(TEXT_FORMATS)}", "format")
    elif qtype == "date" and q.get("age_min", 0) > q.get("age_max", 200):
        add(q, qid, f"{dead}: age_min is above age_max")


def _check_conditions(topics: list[Any], questions: dict[str, dict[str, Any]], add: Add) -> None:
    order = {qid: i for i, qid in enumerate(questions)}
    for topic in topics:
        if not isinstance(topic, dict):
            continue
        ids: list[Any] = [q.get("id") for q in topic.get("questions") or ()
                          if isinstance(q, dict) and q.get("id") in order]
        # A topic's `when` may only look before the topic; `waiting_when` may look inside it.
        limits = {"when": order[ids[0]] if ids else len(order),
                  "waiting_when": order[ids[-1]] + 1 if ids else len(order)}
        for key, limit in limits.items():
            if key in topic:
                _check_one(topic, topic.get("id"), topic[key], key, limit, questions, order, add)
        for q in topic.get("questions") or ():
            if isinstance(q, dict) and "when" in q and q.get("id") in order:
                _check_one(q, q["id"], q["when"], "when", order[q["id"]], questions, order, add)


def _check_one(node: Any, owner: str | None, cond: Any, key: str, position: int,
               questions: dict[str, dict[str, Any]], order: dict[str, int], add: Add) -> None:
    shape = list(conditions.shape_errors(cond))
    for message in shape:
        add(node, owner, f"condition: {message}", key)
    if shape:
        return
    for op, ref, expected in conditions.references(cond):
        if ref not in questions:
            add(node, owner, f"condition names unknown question id '{ref}'; "
                             "check the spelling or add that question earlier", key)
            continue
        if order[ref] >= position:
            add(node, owner, f"unreachable: the condition depends on '{ref}', which is asked later "
                             f"(or is this question); move it before '{owner}'", key)
            continue
        why = _unsatisfiable(op, expected, questions[ref])
        if why:
            add(node, owner, f"unreachable: the condition can never be true: {why}", key)
    clash = _contradiction(cond)
    if clash:
        add(node, owner, f"unreachable: the condition can never be true: {clash}", key)


def _contradiction(cond: Any) -> str | None:
    """Two `equals` on one id with different values under one `all`."""
    parts = cond.get("all") if isinstance(cond, dict) else None
    seen: dict[str, Any] = {}
    for part in parts or ():
        for ref, expected in (part.get("equals") or {}).items():
            if ref in seen and seen[ref] != expected:
                return f"'{ref}' cannot equal both {seen[ref]!r} and {expected!r}"
            seen[ref] = expected
    return None


def _unsatisfiable(op: str, expected: Any, ref_q: dict[str, Any]) -> str | None:
    rtype, rid = ref_q.get("type"), ref_q.get("id")
    choice_ids = [c.get("id") for c in ref_q.get("choices") or () if isinstance(c, dict)]
    if op in ("equals", "in", "contains"):
        values = expected if op == "in" else [expected]
        if rtype in ("choice", "multichoice"):
            bad = [v for v in values if v not in choice_ids]
            if bad:
                return f"{bad!r} is not a choice of '{rid}' (choices: {', '.join(map(str, choice_ids))})"
        elif rtype == "yesno" and any(not isinstance(v, bool) for v in values):
            return f"'{rid}' is yes/no: compare with true or false"
        if op == "contains" and rtype != "multichoice":
            return f"'contains' needs a multiple-choice question, '{rid}' is {rtype}"
    if op in ("greater", "less"):
        if rtype not in ("number", "list"):
            return f"'{op}' needs a number or list question, '{rid}' is {rtype}"
        lo = ref_q.get("min", ref_q.get("item_min", 0))
        hi = ref_q.get("max", ref_q.get("item_max", 100))
        if op == "greater" and expected >= hi:
            return f"'{rid}' is at most {hi}, never greater than {expected}"
        if op == "less" and expected <= lo:
            return f"'{rid}' is at least {lo}, never less than {expected}"
    return None
