"""Practice cases: YAML files in `training/`, loaded with the line of every key.

A case is training material for a Dutch-speaking consulent: a story, the
person's true answers (record-contract ids), the words the person uses per
question, the outcome a good consulent reaches, and common mistakes. It is
checked like a dialog: every problem names file and line, so that a trainer
who writes a case can fix it without reading code (see docs/training.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.base import paths, yaml_lines
from assistant.dialog.validate import Problem

REQUIRED = ("id", "title", "skills", "today", "story", "answers", "speech", "expected", "mistakes")
OPTIONAL = ("skip_ok",)
EXPECTED_REQUIRED = ("status", "leerroute", "niveau", "regels", "redenen")
EXPECTED_OPTIONAL = ("voorstel", "termijnen", "besluit", "andere_route_mogelijk")
ROUTES = ("B", "O", "Z", None)
LEVELS = ("B1", "A2", None)
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class PracticeCase:
    id: str
    title: str
    skills: tuple[str, ...]
    today: date
    story: str
    answers: dict[str, Any]
    speech: dict[str, str]
    expected: dict[str, Any]
    mistakes: tuple[str, ...]
    skip_ok: dict[str, str]
    path: Path

    def replay_input(self, *, with_besluit: bool = True) -> dict:
        """The case in the replay contract (intake-record.md), as a practice session."""
        raw = {"locale": "nl", "today": self.today.isoformat(), "answers": dict(self.answers), "mode": "training"}
        if with_besluit and self.expected.get("besluit") is not None:
            raw["besluit"] = dict(self.expected["besluit"])
        return raw


def case_dir() -> Path:
    return paths.resource_dir("training")


def case_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or case_dir()).glob("*.yaml"))


def plain_values(value: Any) -> Any:
    """YAML dates become ISO strings, as in the replay contract; containers are copied plainly."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_values(v) for v in value]
    return value


def read_raw(path: Path) -> tuple[Any, list[Problem]]:
    """The file as line-aware YAML, or the problem that stops reading it."""
    try:
        return yaml_lines.load(path.read_text(encoding="utf-8")), []
    except OSError as exc:
        return None, [Problem(str(path), 0, None, f"cannot read the file: {exc.strerror or exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return None, [Problem(str(path), line, None, f"not valid YAML: {getattr(exc, 'problem', None) or exc}")]


def build(raw: dict, path: Path) -> PracticeCase:
    """A case from a raw mapping that `validate.case_problems` accepted."""
    today = raw["today"] if isinstance(raw["today"], date) else date.fromisoformat(raw["today"])
    return PracticeCase(
        id=raw["id"], title=raw["title"], skills=tuple(raw["skills"]), today=today,
        story=raw["story"].strip(), answers=plain_values(dict(raw["answers"])),
        speech={k: str(v).strip() for k, v in raw["speech"].items()},
        expected=plain_values(dict(raw["expected"])), mistakes=tuple(raw["mistakes"]),
        skip_ok={k: str(v) for k, v in (raw.get("skip_ok") or {}).items()}, path=path)
