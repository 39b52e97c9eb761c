"""Declarative relevance conditions over earlier answers — never `eval`.

A condition is a one-key mapping: a comparison (``equals``, ``in``, ``greater``,
``less``, ``contains``, ``answered``) or a combination (``all``, ``any``,
``not``). A comparison on a question that has no answer is false, so a
question that depends on an open question is simply not relevant yet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

COMPARISONS = ("equals", "in", "greater", "less", "contains", "answered")
COMBINATIONS = ("all", "any", "not")
OPERATORS = COMPARISONS + COMBINATIONS


def evaluate(cond: Mapping[str, Any] | None, answers: Mapping[str, Any]) -> bool:
    """True when the condition holds for these answers (no condition: always)."""
    if not cond:
        return True
    (op, arg), = cond.items()
    if op == "all":
        return all(evaluate(c, answers) for c in arg)
    if op == "any":
        return any(evaluate(c, answers) for c in arg)
    if op == "not":
        return not evaluate(arg, answers)
    if op == "answered":
        return arg in answers
    (qid, expected), = arg.items()
    if qid not in answers:
        return False
    value = answers[qid]
    if op == "equals":
        equal: bool = value == expected  # answers are JSON values: == gives a bool
        return equal
    if op == "in":
        return value in expected
    if op == "contains":
        return isinstance(value, list) and expected in value
    values = value if isinstance(value, list) else [value]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if op == "greater":
        return any(v > expected for v in numbers)
    if op == "less":
        return any(v < expected for v in numbers)
    raise ValueError(f"unknown condition operator {op!r}")


def references(cond: Mapping[str, Any] | None) -> Iterator[tuple[str, str, Any]]:
    """Every (operator, question id, expected value) a condition compares."""
    if not cond:
        return
    for op, arg in cond.items():
        if op in ("all", "any"):
            for sub in arg or ():
                if isinstance(sub, Mapping):
                    yield from references(sub)
        elif op == "not":
            if isinstance(arg, Mapping):
                yield from references(arg)
        elif op == "answered":
            yield op, arg, None
        elif isinstance(arg, Mapping):
            for qid, expected in arg.items():
                yield op, qid, expected


def shape_errors(cond: Any) -> Iterator[str]:
    """Structural problems, phrased as what to do (no question lookups here)."""
    if not isinstance(cond, Mapping) or len(cond) != 1:
        yield "a condition is a mapping with exactly one operator, e.g. {equals: {id: value}}"
        return
    (op, arg), = cond.items()
    if op not in OPERATORS:
        yield f"unknown condition operator '{op}'; use one of: {', '.join(OPERATORS)}"
    elif op in ("all", "any"):
        if not isinstance(arg, list) or not arg:
            yield f"'{op}' takes a non-empty list of conditions"
        else:
            for sub in arg:
                yield from shape_errors(sub)
    elif op == "not":
        yield from shape_errors(arg)
    elif op == "answered":
        if not isinstance(arg, str):
            yield "'answered' takes one question id, e.g. {answered: lbt_status}"
    elif not isinstance(arg, Mapping) or len(arg) != 1:
        yield f"'{op}' takes one question id and a value, e.g. {{{op}: {{id: value}}}}"
    else:
        (_, expected), = arg.items()
        if op == "in" and not isinstance(expected, list):
            yield "'in' takes a list of values, e.g. {in: {id: [a, b]}}"
        if op in ("greater", "less") and (
            isinstance(expected, bool) or not isinstance(expected, (int, float))
        ):
            yield f"'{op}' compares with a number"
