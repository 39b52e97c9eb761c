"""The PIP as Markdown: one table per section, Dutch beside the second language, with a trace column.

Every piece of text (translations too: translators' strings are untrusted)
is escaped so that it stays text: no Markdown emphasis, links or HTML can be
injected through an answer or a catalog.
"""

from __future__ import annotations

import re

from assistant.i18n import C_
from assistant.pip.model import Item, PipDocument

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
            cells = [_cell(doc, it, False)]
            if doc.second_locale:
                cells.append(_cell(doc, it, True))
            cells.append(escape(", ".join(it.trace)))
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    if doc.sources:
        lines += [f"## {escape(tr(C_('pip.kop', 'Bronnen')))}", ""]
        for ref, citation, verify in doc.sources:
            mark = " " + escape(tr(C_("pip.kop", "(nog controleren)"))) if verify else ""
            lines.append(f"- {escape(ref)}: {escape(citation)}{mark}")
        lines.append("")
    return "\n".join(lines)


def _cell(doc: PipDocument, it: Item, second: bool) -> str:
    if second:
        value = escape(doc.second_text(it.value))
        label = escape(doc.second_text(it.label)) if it.label is not None else ""
        if value and label:
            return f"**{label}:** {value}"
        return value
    value = escape(doc.render(it.value))
    if it.label is None:
        return value
    return f"**{escape(doc.render(it.label))}:** {value}"
