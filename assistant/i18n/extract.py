"""Babel extractors for the texts that live in YAML data, not in Python.

Dialog texts and the explanations of the advice rules are Dutch source texts
kept in `dialogs/*.yaml` and `law/rules.yaml`. Each is keyed with a context so
that the same Dutch sentence in two places can be translated differently:

- dialog title            ``<dialog>.title``
- topic title             ``<dialog>.<topic>.title``
- question field          ``<dialog>.<question>.<field>`` (text, label, help,
                          unit, item_label)
- choice label            ``<dialog>.<question>.<choice>.label``
- rule explanation        ``rules.<rule id>.uitleg``

The msgid must be exactly the string the runtime passes to the catalog, so the
walkers mirror the loaders (`assistant.dialog.loader`, `assistant.advice.rules`):
a question without a ``label`` uses its ``text`` as label, and ``uitleg`` is
stripped. `tests/i18n/test_extract.py` checks that against the real loaders.

`iter_dialog_texts` is shared with the readability check, which needs to know
who sees a text. Babel gets the texts through `extract_dialog` and
`extract_law`, named in ``[tool.babel]`` of pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import yaml

from assistant.base import yaml_lines

QUESTION_FIELDS = ("text", "label", "help", "unit", "item_label", "text_alone", "help_alone")
# Per law file: which fields of which entries are texts for people.
LAW_TEXTS = {"rules": ("rules", ("uitleg",))}


@dataclass(frozen=True)
class SourceText:
    """One translatable text found in a YAML file, with what a translator needs."""

    line: int
    context: str
    text: str
    field: str          # title, text, label, help, unit, item_label, choice, uitleg
    who: str = "inburgeraar"
    qtype: str | None = None
    note: str = ""

    def comment(self) -> str:
        """The translator comment written into the catalog."""
        what = {"title": "title", "text": "question", "label": "short label (overview, documents)",
                "help": "help text", "unit": "unit of a number", "item_label": "name of one list item",
                "choice": "answer choice", "uitleg": "explanation of an advice rule",
                "text_alone": "question, as shown in the pre-intake (the person is alone, no consulent beside them)",
                "help_alone": "help text, as shown in the pre-intake (the person is alone)"}[self.field]
        if self.qtype:
            what += f" ({self.qtype} question)" if self.field != "text" else f" ({self.qtype})"
        extra = f"; {self.note}" if self.note else ""
        return f"{what}, read by the {self.who}{extra}"


def iter_dialog_texts(text: str) -> Iterator[SourceText]:
    """Every translatable text of one dialog file, in dialog order."""
    raw = yaml_lines.load(text)
    if not isinstance(raw, yaml_lines.LinedDict) or not isinstance(raw.get("dialog"), str):
        return
    did = raw["dialog"]
    if isinstance(raw.get("title"), str):
        yield SourceText(raw.line_of("title"), f"{did}.title", raw["title"], "title", "inburgeraar")
    for topic in raw.get("topics") or ():
        if not isinstance(topic, yaml_lines.LinedDict) or "id" not in topic:
            continue
        if isinstance(topic.get("title"), str):
            yield SourceText(topic.line_of("title"), f"{did}.{topic['id']}.title", topic["title"],
                             "title", "inburgeraar", None, "topic title")
        for q in topic.get("questions") or ():
            if isinstance(q, dict) and "id" in q:
                yield from _question_texts(q, did)


def _question_texts(q: Any, did: str) -> Iterator[SourceText]:
    qid, who, qtype = q["id"], q.get("who", "inburgeraar"), q.get("type")
    for name in QUESTION_FIELDS:
        value, note = q.get(name), ""
        if name == "label" and not value:
            value, note = q.get("text"), "no separate label: same as the question text"
        if isinstance(value, str) and value:
            yield SourceText(q.line_of(name if name in q else "text"), f"{did}.{qid}.{name}",
                             value, name, who, qtype, note)
    for choice in q.get("choices") or ():
        if isinstance(choice, yaml_lines.LinedDict) and isinstance(choice.get("label"), str):
            yield SourceText(choice.line_of("label"), f"{did}.{qid}.{choice['id']}.label",
                             choice["label"], "choice", who, qtype,
                             f"the stored value stays '{choice['id']}'")


def iter_law_texts(text: str, stem: str) -> Iterator[SourceText]:
    """The texts for people in one law file (today: the rules' ``uitleg``)."""
    if stem not in LAW_TEXTS:
        return
    key, fields = LAW_TEXTS[stem]
    raw = yaml_lines.load(text)
    entries = raw.get(key) if isinstance(raw, yaml_lines.LinedDict) else None
    for entry in entries or ():
        if not isinstance(entry, yaml_lines.LinedDict) or "id" not in entry:
            continue
        for name in fields:
            value = entry.get(name)
            if isinstance(value, str) and value.strip():
                yield SourceText(entry.line_of(name), f"{stem}.{entry['id']}.{name}", value.strip(),
                                 name, "inburgeraar", None,
                                 "also in the PIP; keep {placeholders} as they are")


def _babel_results(texts: Iterator[SourceText]) -> Iterator[tuple]:
    # "pgettext" is one of babel's default keywords with spec (1c, 2): context first.
    for t in texts:
        yield t.line, "pgettext", [t.context, t.text], [t.comment()]


def _read(fileobj: IO[bytes]) -> str:
    return fileobj.read().decode("utf-8")


def extract_dialog(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extraction method for dialogs/*.yaml."""
    try:
        texts = list(iter_dialog_texts(_read(fileobj)))
    except yaml.YAMLError as exc:
        raise ValueError(f"{getattr(fileobj, 'name', 'dialog')}: not valid YAML: {exc}") from exc
    return _babel_results(iter(texts))


def extract_law(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extraction method for law/*.yaml (files without texts yield nothing)."""
    name = getattr(fileobj, "name", "") or ""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _babel_results(iter(list(iter_law_texts(_read(fileobj), stem))))
