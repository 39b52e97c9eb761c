"""The PIP as Markdown: one table per section, Dutch beside the second language, with a trace column.

Every piece of text (translations too: translators' strings are untrusted)
is escaped so that it stays text: no Markdown emphasis, links or HTML can be
injected through an answer or a catalog. The "Bron" column names sources for a
person; rule and answer ids and verify marks are in the consulent appendix.
"""

from __future__ import annotations

import re

from assistant.i18n import C_
from assistant.pip.model import PipDocument, UserText
from assistant.pip.origin import DUTCH, QUESTION, TITLE, appendix_rows
from assistant.pip.sources import APPENDIX, CHECK, ORIGIN, PART, SOURCES, names

# ASCII punctuation that can start Markdown or HTML syntax inside a line (CommonMark escapes any of them).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&~^\"'=-])")


def escape(text: str) -> str:
    """Plain text safe inside a Markdown table cell: markup characters backslash-escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(doc: PipDocument) -> str:
    tr = doc.tr
    lines = [f"# {escape(doc.render(doc.title))}", ""]
    if doc.second_text(doc.title):
        lines += [f"_{escape(doc.second_text(doc.title))}_", ""]
    lines += [f"**{escape(doc.render(doc.status))}**", ""]
    head = [escape(doc.language_name(doc.locale))]
    if doc.second_locale:
        head.append(escape(doc.language_name(doc.second_locale)))
    head.append(escape(tr(C_("pip.kop", "Bron"))))
    for number, section in enumerate(doc.sections, start=1):
        title = escape(doc.render(section.title))
        if doc.second_text(section.title):
            title += " / " + escape(doc.second_text(section.title))
        lines += [f"## {number}. {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for it in section.items:
            cells = [_cell(doc.render(it.label) if it.label is not None else "", doc.render(it.value))
                     + _dutch(doc, it.value)]
            if doc.second_locale:
                cells.append(_cell(*doc.second_cell(it)))
            cells.append(escape(", ".join(names(doc, it))))
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += _appendix(doc)
    return "\n".join(lines)


def _appendix(doc: PipDocument) -> list[str]:
    """For the consulent: each row's rule and answer ids, and every source with its verify mark."""
    tr = doc.tr
    lines = [f"## {escape(tr(APPENDIX))}", "", f"| {escape(tr(PART))} | {escape(tr(ORIGIN))} |", "|---|---|"]
    for number, section in enumerate(doc.sections, start=1):
        for it in section.items:
            what = f"{number}. " + doc.render(it.label if it.label is not None else section.title)
            lines.append(f"| {escape(what)} | {escape(', '.join(it.trace))} |")
    lines.append("")
    rows = appendix_rows(doc.provenance)
    if rows:  # answers from the pre-intake, and the Dutch renderings, for the consulent
        lines += [f"### {escape(tr(TITLE))}", "",
                  f"| {escape(tr(QUESTION))} | {escape(tr(ORIGIN))} | {escape(tr(DUTCH))} |", "|---|---|---|"]
        for qid, mark, typed, dutch in rows:
            rendering = f"{escape(typed)} → {escape(dutch)}" if dutch else ""
            lines.append(f"| {escape(qid)} | {escape(tr(mark)) if mark else ''} | {rendering} |")
        lines.append("")
    if doc.sources:
        lines += [f"### {escape(tr(SOURCES))}", ""]
        for ref, citation, verify in doc.sources:
            to_check = " " + escape(tr(CHECK)) if verify else ""
            lines.append(f"- {escape(ref)}: {escape(citation)}{to_check}")
        lines.append("")
    return lines


def _dutch(doc: PipDocument, value) -> str:
    """The consulent's Dutch rendering after a typed answer (which stays as typed)."""
    if isinstance(value, UserText) and value.dutch:
        return f" ({escape(doc.tr(DUTCH))}: {escape(value.dutch)})"
    return ""


def _cell(label: str, value: str) -> str:
    if not value:
        return ""
    if not label:
        return escape(value)
    return f"**{escape(label)}:** {escape(value)}"
