"""Load `dialogs/*.yaml` into a frozen `Dialog`, or report every problem.

Loading and validation are one pass over the YAML: the validator sees the raw
mappings with their line numbers, and the model is only built when no problem
was found, so a broken dialog never reaches a session.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.base import paths, yaml_lines
from assistant.base.errors import AppError
from assistant.base.messages import _
from assistant.dialog import retired
from assistant.dialog.model import Choice, Dialog, Question, Topic
from assistant.dialog.validate import Problem, validate_raw

TEXT_FIELDS = ("title", "text", "label", "help", "unit", "item_label", "text_alone", "help_alone")


class DialogInvalid(AppError):
    """The dialog file has problems; `problems` says where and what to do."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("De vragenlijst heeft fouten. Draai 'intake check' om ze te zien."))
        self.args = ("\n".join(str(p) for p in problems),)
        self.problems = problems


@dataclass(frozen=True)
class CheckResult:
    path: Path
    dialog: Dialog | None
    problems: list[Problem]


def check_file(path: Path) -> CheckResult:
    """Parse and validate one dialog file; never raises for content problems."""
    name = str(path)
    try:
        raw = yaml_lines.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return CheckResult(path, None, [Problem(name, 0, None, f"cannot read the file: {exc}")])
    except yaml.YAMLError as exc:
        # An unclosed quote or bracket is reported at its end; its start is where to look.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        what = getattr(exc, "problem", None) or str(exc)
        return CheckResult(
            path, None, [Problem(name, line, None, f"this is not valid YAML ({what}); fix the syntax")]
        )
    problems = validate_raw(raw, name)
    if problems:
        return CheckResult(path, None, problems)
    return CheckResult(path, build(raw, name), [])


def load_file(path: Path) -> Dialog:
    result = check_file(path)
    if result.problems:
        raise DialogInvalid(result.problems)
    assert result.dialog is not None  # noqa: S101 (narrows the type: no problems means a dialog)
    return result.dialog


def dialog_files(directory: Path | None = None) -> list[Path]:
    directory = directory or paths.resource_dir("dialogs")
    return sorted(directory.glob("*.yaml"))


@cache
def load_dialog(dialog_id: str = "brede_intake") -> Dialog:
    """The shipped dialog with this id (cached: definitions are immutable)."""
    for path in dialog_files():
        if path.stem == dialog_id:
            return load_file(path)
    raise FileNotFoundError(f"no dialog '{dialog_id}' in {paths.resource_dir('dialogs')}")


def build(raw: yaml_lines.LinedDict, name: str) -> Dialog:
    did = raw["dialog"]
    topics = []
    for t in raw["topics"]:
        questions = tuple(_question(q, t["id"], did) for q in t.get("questions") or ())
        topics.append(
            Topic(
                id=t["id"], title=t["title"], dialog=did, phase=t.get("phase", "topic"),
                basis=t.get("basis"), required_by=t.get("required_by", "guidance"),
                when=t.get("when"), waits_for=t.get("waits_for"),
                waiting_when=t.get("waiting_when"), questions=questions, line=t.line,
            )
        )
    earlier, retired_questions = retired.build(raw)
    dialog = Dialog(
        id=did, version=str(raw["version"]), title=raw.get("title", did),
        topics=tuple(topics), path=name, fingerprint=fingerprint(raw),
        earlier=earlier, retired=retired_questions,
    )
    dialog.deps()  # the dependency index is built (and frozen) at load time
    return dialog


_QUESTION_KEYS = {"id", "type", "text", "label", "help", "who", "mandatory", "sensitive",
                  "pre_intake", "when", "choices"}


def _question(q: yaml_lines.LinedDict, topic: str, did: str) -> Question:
    who = q.get("who", "inburgeraar")
    sensitive = bool(q.get("sensitive", False))
    default_pre = who == "inburgeraar" and not sensitive
    return Question(
        id=q["id"], type=q["type"], topic=topic, dialog=did, text=q["text"],
        label=q.get("label") or q["text"], help=q.get("help"), who=who,
        mandatory=bool(q.get("mandatory", True)), sensitive=sensitive,
        pre_intake=bool(q.get("pre_intake", default_pre)), when=q.get("when"),
        choices=tuple(Choice(c["id"], c["label"]) for c in q.get("choices") or ()),
        options={k: v for k, v in q.items() if k not in _QUESTION_KEYS},
        line=q.line,
    )


def fingerprint(raw: Any) -> str:
    """A hash of what gives stored answers their meaning, not of the wording.

    Ids, types, choices, ranges and conditions count; texts do not, so a B1
    rewrite or a translation does not orphan stored sessions, while a change
    of meaning does.
    """

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in sorted(node.items()) if k not in TEXT_FIELDS}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    blob = json.dumps(strip(raw), sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]
