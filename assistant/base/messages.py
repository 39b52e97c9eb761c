"""Translatable messages: a Dutch source text, an optional context and named parameters.

The core never knows which language a person reads: it returns `Msg` values,
and only the edges (CLI, UI, documents) render them with a translator
(`assistant.i18n`). A `Msg` is plain data, so every layer may make one.

Extraction keywords (``[tool.babel]`` in pyproject.toml): ``_`` for plain
texts, ``C_`` for texts with a context, ``N_`` for texts with plural forms
(Arabic has six).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Msg:
    """A text still to be translated: Dutch source, optional context, parameters."""

    msgid: str
    context: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None  # plural source text; the count is params["n"]

    def __hash__(self) -> int:  # params is a dict; identity by text is enough
        return hash((self.msgid, self.context))


def _(msgid: str, **params: Any) -> Msg:
    """Mark a source text for extraction; translated later, at the edge."""
    return Msg(msgid, None, params)


def C_(context: str, msgid: str, **params: Any) -> Msg:
    """Mark a source text with a context (same Dutch, different translation)."""
    return Msg(msgid, context, params)


def N_(singular: str, plural: str, n: int, **params: Any) -> Msg:
    """Mark a text with plural forms; ``{n}`` is the count."""
    return Msg(singular, None, {"n": n, **params}, plural)
