"""The dialog definition as frozen, typed data.

Built once by the loader from `dialogs/*.yaml` and shared by every session;
nothing here changes at run time. Texts are Dutch source strings: render them
through `Question.msg(field)` so they go through the catalog with their context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.dialog.dependencies import DependencyIndex, build_index
from assistant.i18n import Msg

if TYPE_CHECKING:
    from assistant.dialog.retired import Retired

ANSWER_TYPES = ("text", "number", "date", "yesno", "choice", "multichoice", "list", "info")
PHASES = ("welcome", "language", "consent", "topic")
WHO = ("inburgeraar", "consulent")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    topic: str
    dialog: str
    text: str
    label: str
    help: str | None = None
    who: str = "inburgeraar"
    mandatory: bool = True
    sensitive: bool = False
    pre_intake: bool = True
    when: Mapping[str, Any] | None = None
    choices: tuple[Choice, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0
    variant: str = ""  # "alone": the texts for a pre-intake (``text_alone``, ``help_alone``) where given

    def msg(self, field_name: str) -> Msg:
        """A translatable text of this question (``text``, ``label``, ``help``...)."""
        if self.variant and f"{field_name}_{self.variant}" in self.options:
            field_name = f"{field_name}_{self.variant}"
            return Msg(self.options[field_name], f"{self.dialog}.{self.id}.{field_name}")
        value = getattr(self, field_name, None)
        if value is None:
            value = self.options[field_name]
        return Msg(value, f"{self.dialog}.{self.id}.{field_name}")

    def in_mode(self, mode: str | None) -> Question:
        """This question as a mode shows it: a pre-intake has no consulent beside the person,
        so "we talk about…" or "ask the consulent" becomes the text written for someone alone."""
        if mode != "pre_intake" or not any(k.endswith("_alone") for k in self.options):
            return self
        return self._alone

    @cached_property  # made once per question, so a turn creates no new objects
    def _alone(self) -> Question:
        return replace(self, variant="alone")

    def choice_msg(self, choice_id: str) -> Msg:
        for choice in self.choices:
            if choice.id == choice_id:
                return Msg(choice.label, f"{self.dialog}.{self.id}.{choice.id}.label")
        return Msg(choice_id)

    @cached_property  # checked for every choice answer; the question never changes
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)

    def opt(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    dialog: str
    phase: str = "topic"
    basis: str | None = None
    required_by: str = "guidance"
    when: Mapping[str, Any] | None = None
    waits_for: str | None = None
    waiting_when: Mapping[str, Any] | None = None
    questions: tuple[Question, ...] = ()
    line: int = 0

    def title_msg(self) -> Msg:
        return Msg(self.title, f"{self.dialog}.{self.id}.title")


@dataclass(frozen=True)
class Dialog:
    id: str
    version: str
    title: str
    topics: tuple[Topic, ...]
    path: str = ""
    fingerprint: str = ""
    earlier: tuple[str, ...] = ()   # fingerprints of earlier versions whose sessions this one opens
    retired: tuple[Retired, ...] = ()  # ids no longer asked (assistant.dialog.retired)

    def opens(self, fingerprint: str) -> bool:
        """Whether a session stored with this fingerprint opens with this dialog."""
        return fingerprint == self.fingerprint or fingerprint in self.earlier

    def retired_question(self, qid: str | None) -> Retired | None:
        for r in self.retired:
            if r.id == qid:
                return r
        return None

    def __post_init__(self) -> None:
        # The lookups the engine makes several times per answer, built once: the
        # dialog never changes after it is built (a `replace` builds them anew).
        questions = tuple(q for t in self.topics for q in t.questions)
        object.__setattr__(self, "_questions", questions)
        object.__setattr__(self, "_qindex", {q.id: q for q in questions})

    @property
    def questions(self) -> tuple[Question, ...]:
        return self._questions  # type: ignore[attr-defined,no-any-return]  # set in __post_init__

    def question(self, qid: str) -> Question:
        return self._qindex[qid]  # type: ignore[attr-defined,no-any-return]

    def has_question(self, qid: str) -> bool:
        return qid in self._qindex  # type: ignore[attr-defined]

    def find_question(self, qid: str | None) -> Question | None:
        """The question with this id, or None (for a phase name such as "review", or None)."""
        return self._qindex.get(qid) if qid else None  # type: ignore[attr-defined]

    def topic(self, tid: str) -> Topic:
        for t in self.topics:
            if t.id == tid:
                return t
        raise KeyError(tid)

    def deps(self) -> DependencyIndex:
        """Which conditions read which answers (built at load time, then frozen)."""
        cached = self.__dict__.get("_deps")
        if cached is None:
            cached = build_index(self)
            object.__setattr__(self, "_deps", cached)
        return cached

    def order(self, qid: str) -> int:
        cached = self.__dict__.get("_qorder")
        if cached is None:
            cached = {q.id: i for i, q in enumerate(self.questions)}
            object.__setattr__(self, "_qorder", cached)
        position: int = cached[qid]
        return position
