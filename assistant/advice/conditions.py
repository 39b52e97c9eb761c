"""A declarative condition language over the intake facts, evaluated without `eval`.

The operators are those of the dialog definitions (docs/dialog-format.md), so a
consulent or jurist reads one language everywhere, plus ``at_least``,
``at_most`` and ``between`` for policy thresholds. A value on the right may be
``{policy: name}``: a gemeente-settable value from law/policy.yaml.

Evaluation is three-valued (Kleene logic). A condition that depends on an
unanswered question is *unknown* (``None``) rather than false, so that the
advice can say "not enough answers" instead of silently deciding on a missing
fact. ``answered`` is never unknown: it is the explicit guard for optional
answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

Tri = bool | None

COMPARISONS = ("equals", "in", "greater", "less", "at_least", "at_most", "between", "contains")
LOGICAL = ("all", "any", "not")
OPERATORS = COMPARISONS + LOGICAL + ("answered", "always")


class ConditionError(ValueError):
    """A malformed condition in the rules file (raised at load time, not per record)."""


def check(cond: Any, *, known_facts: Iterable[str], policy_names: Iterable[str], where: str) -> None:
    """Validate the shape of a condition once, when the rules are loaded."""
    facts, names = set(known_facts), set(policy_names)

    def walk(c: Any, path: str) -> None:
        if not isinstance(c, Mapping) or len(c) != 1:
            raise ConditionError(f"{path}: a condition is a mapping with exactly one operator")
        (op, arg), = c.items()
        if op not in OPERATORS:
            raise ConditionError(f"{path}: unknown operator {op!r}; use one of {', '.join(OPERATORS)}")
        if op in ("all", "any"):
            if not isinstance(arg, list) or not arg:
                raise ConditionError(f"{path}.{op}: needs a non-empty list of conditions")
            for i, sub in enumerate(arg):
                walk(sub, f"{path}.{op}[{i}]")
        elif op == "not":
            walk(arg, f"{path}.not")
        elif op == "always":
            if arg is not True:
                raise ConditionError(f"{path}.always: the only value is true")
        elif op == "answered":
            if arg not in facts:
                raise ConditionError(f"{path}.answered: unknown fact {arg!r}")
        else:
            if not isinstance(arg, Mapping) or len(arg) != 1:
                raise ConditionError(f"{path}.{op}: write {{{op}: {{fact: value}}}}")
            (fact, value), = arg.items()
            if fact not in facts:
                raise ConditionError(f"{path}.{op}: unknown fact {fact!r}")
            for ref in _policy_refs(value):
                if ref not in names:
                    raise ConditionError(f"{path}.{op}: unknown policy value {ref!r}")
            if op == "in" and not isinstance(value, list):
                raise ConditionError(f"{path}.in: the value must be a list")
            if op == "between" and not (isinstance(value, list) and len(value) == 2):
                raise ConditionError(f"{path}.between: the value must be a list [low, high]")

    walk(cond, where)


def _policy_refs(value: Any) -> list[str]:
    if isinstance(value, Mapping) and set(value) == {"policy"}:
        return [value["policy"]]
    if isinstance(value, list):
        return [r for v in value for r in _policy_refs(v)]
    return []


def facts_used(cond: Any) -> list[str]:
    """The fact names a condition reads, in order of appearance (for traceability)."""
    out: list[str] = []
    (op, arg), = cond.items()
    if op in ("all", "any"):
        for sub in arg:
            out += [f for f in facts_used(sub) if f not in out]
    elif op == "not":
        out += facts_used(arg)
    elif op == "answered":
        out.append(arg)
    elif op != "always":
        out.append(next(iter(arg)))
    return out


def evaluate(cond: Mapping[str, Any], facts: Mapping[str, Any], policy: Mapping[str, Any]) -> Tri:
    """True, False, or None when the answer depends on a fact that is not known."""
    (op, arg), = cond.items()
    if op == "always":
        return True
    if op == "answered":
        return facts.get(arg) is not None
    if op == "all":
        results = [evaluate(c, facts, policy) for c in arg]
        return False if False in results else (None if None in results else True)
    if op == "any":
        results = [evaluate(c, facts, policy) for c in arg]
        return True if True in results else (None if None in results else False)
    if op == "not":
        inner = evaluate(arg, facts, policy)
        return None if inner is None else not inner
    (fact, raw), = arg.items()
    actual = facts.get(fact)
    if actual is None:
        return None
    value = _resolve(raw, policy)
    return _COMPARE[op](actual, value)


def _resolve(value: Any, policy: Mapping[str, Any]) -> Any:
    if isinstance(value, Mapping) and set(value) == {"policy"}:
        return policy[value["policy"]]
    if isinstance(value, list):
        return [_resolve(v, policy) for v in value]
    return value


def _each(actual: Any) -> list[Any]:
    """A list fact (children's ages) matches when any entry matches."""
    return list(actual) if isinstance(actual, (list, tuple)) else [actual]


def _num(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def run(actual: Any, value: Any) -> bool:
        return any(isinstance(a, (int, float)) and not isinstance(a, bool) and test(a, value)
                   for a in _each(actual))
    return run


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda a, v: a == v,
    "in": lambda a, v: a in v,
    "contains": lambda a, v: isinstance(a, (list, tuple)) and v in a,
    "greater": _num(lambda a, v: a > v),
    "less": _num(lambda a, v: a < v),
    "at_least": _num(lambda a, v: a >= v),
    "at_most": _num(lambda a, v: a <= v),
    "between": _num(lambda a, v: v[0] <= a <= v[1]),
}
