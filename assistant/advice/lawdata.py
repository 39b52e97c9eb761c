"""Loading law/*.yaml: sources, policy values with their defaults, and the rules.

Law is data: article numbers, hours, deadlines and gemeente policy live in
law/articles.yaml, law/policy.yaml and law/rules.yaml with their source and a
`verify` mark. This module reads and checks them once (cached), so a typo in a
data file fails loudly at start-up with the file and key, not mid-advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.base import paths
from assistant.base.yamlload import safe_load

CONFIDENCE = ("wet", "besluit", "regeling", "duo_spec", "secondary", "guidance", "caselaw", "inference")


class LawDataError(ValueError):
    """A law/*.yaml file is malformed; the message names the file and key."""


@dataclass(frozen=True)
class Article:
    key: str
    citation: str
    url: str
    confidence: str
    verify: bool
    note: str = ""
    short: str = ""  # how a person can look it up, for the PIP body; the citation up to "(" when empty


@dataclass(frozen=True)
class PolicyValue:
    name: str
    value: Any
    unit: str
    source: str
    verify: bool
    about: str


def law_dir() -> Path:
    return paths.resource_dir("law")


def _load(name: str) -> Any:
    path = law_dir() / name
    try:
        with path.open(encoding="utf-8") as fh:
            return safe_load(fh)  # libyaml when present: start-up time
    except (OSError, yaml.YAMLError) as exc:
        raise LawDataError(f"{path}: cannot read: {exc}") from exc


@cache
def articles() -> dict[str, Article]:
    data = _load("articles.yaml")
    out: dict[str, Article] = {}
    for key, entry in (data or {}).get("articles", {}).items():
        where = f"law/articles.yaml: articles.{key}"
        if not isinstance(entry, Mapping) or not entry.get("citation"):
            raise LawDataError(f"{where}: needs a citation")
        if entry.get("confidence") not in CONFIDENCE:
            raise LawDataError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
        if not isinstance(entry.get("verify"), bool):
            raise LawDataError(f"{where}: verify must be true or false")
        out[key] = Article(key, entry["citation"], entry.get("url", ""), entry["confidence"],
                           entry["verify"], entry.get("note", ""), str(entry.get("short", "")))
    return out


def article(key: str) -> Article:
    try:
        return articles()[key]
    except KeyError:
        raise LawDataError(f"law/articles.yaml: unknown source key {key!r}") from None


@cache
def policy_defaults() -> dict[str, PolicyValue]:
    data = _load("policy.yaml")
    out: dict[str, PolicyValue] = {}
    for name, entry in (data or {}).get("policy", {}).items():
        where = f"law/policy.yaml: policy.{name}"
        if not isinstance(entry, Mapping) or "value" not in entry:
            raise LawDataError(f"{where}: needs a value")
        if entry.get("source") not in articles():
            raise LawDataError(f"{where}: source {entry.get('source')!r} is not a key of law/articles.yaml")
        if not isinstance(entry.get("verify"), bool):
            raise LawDataError(f"{where}: verify must be true or false")
        out[name] = PolicyValue(name, entry["value"], str(entry.get("unit", "")), entry["source"],
                                entry["verify"], str(entry.get("about", "")))
    return out


def resolve_policy(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults with a gemeente's overrides; an unknown name or wrong type is refused."""
    values = {name: pv.value for name, pv in policy_defaults().items()}
    for name, value in (overrides or {}).items():
        if name not in values:
            raise LawDataError(f"policy: unknown setting {name!r}")
        default = values[name]
        if isinstance(default, bool) != isinstance(value, bool) or not isinstance(value, type(default)):
            raise LawDataError(f"policy: {name} must be of type {type(default).__name__}")
        if isinstance(default, Mapping) and set(value) != set(default):
            raise LawDataError(f"policy: {name} must have the keys {', '.join(sorted(default))}")
        values[name] = value
    return values


@cache
def rules_data() -> dict[str, Any]:
    data = _load("rules.yaml")
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise LawDataError("law/rules.yaml: needs a top-level list 'rules'")
    return dict(data)
