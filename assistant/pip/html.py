"""The PIP as HTML for WeasyPrint: two columns (main language | second language), a source line, an appendix.

The source line under each row names sources a person can look up; rule and
answer ids and verify marks are only in the consulent appendix at the end.

Every text is escaped with `html.escape` — answers, the consulent's motivation
and translations alike. Right-to-left languages (Arabic, Farsi) get
``dir="rtl"`` blocks; each cell carries ``lang`` so the stylesheet picks a font
that has the script's glyphs. User text gets the direction of its first strong
character (WeasyPrint has no ``dir="auto"``).
"""

from __future__ import annotations

from html import escape
from importlib import resources
from string import Template

from assistant.i18n import C_
from assistant.pip.model import Item, PipDocument, UserText, text_direction
from assistant.pip.origin import DUTCH, QUESTION, TITLE, appendix_rows
from assistant.pip.sources import APPENDIX, CHECK, ORIGIN, PART, SOURCES, names


def _template(name: str) -> str:
    return resources.files("assistant.pip").joinpath("templates", name).read_text(encoding="utf-8")


def render_html(doc: PipDocument) -> str:
    second_title = ""
    if doc.second_text(doc.title):
        second_title = (f'<p class="second-title" lang="{_attr(doc.second_locale)}" dir="{doc.second_direction}">'
                        f"{escape(doc.second_text(doc.title))}</p>")
    body = "\n".join(_section(doc, n, s) for n, s in enumerate(doc.sections, start=1))
    return Template(_template("pip.html")).substitute(
        lang=_attr(doc.locale), dir=doc.direction, title=escape(doc.render(doc.title)),
        css=_template("pip.css"), second_title=second_title, status=escape(doc.render(doc.status)),
        sections=body, sources=_appendix(doc))


def _attr(value: str | None) -> str:
    return escape((value or "").replace("_", "-"), quote=True)


def _section(doc: PipDocument, number: int, section) -> str:
    two = doc.second_locale is not None
    head = f"<span>{number}. {escape(doc.render(section.title))}</span>"
    if doc.second_text(section.title):
        head += (f' <span class="second" lang="{_attr(doc.second_locale)}" dir="{doc.second_direction}">'
                 f"{escape(doc.second_text(section.title))}</span>")
    rows = []
    for it in section.items:
        cells = f'<td class="main" lang="{_attr(doc.locale)}" dir="{doc.direction}">{_main_cell(doc, it)}</td>'
        if two:
            cells += (f'<td class="second" lang="{_attr(doc.second_locale)}" dir="{doc.second_direction}">'
                      f"{_second_cell(doc, it)}</td>")
        shown = names(doc, it)
        trace = escape(doc.tr(C_("pip.kop", "Bron")) + ": " + ", ".join(shown)) if shown else ""
        rows.append(f'<tr>{cells}</tr><tr class="trace"><td colspan="{2 if two else 1}" dir="{doc.direction}">'
                    f"{trace}</td></tr>")
    cls = "" if two else ' class="single"'
    return f'<section id="{_attr(section.id)}"><h2>{head}</h2><table{cls}>{"".join(rows)}</table></section>'


def _main_cell(doc: PipDocument, it: Item) -> str:
    label = escape(doc.render(it.label)) if it.label is not None else ""
    if isinstance(it.value, UserText):
        value = f'<span class="user" dir="{it.value.direction}">{escape(it.value.text)}</span>'
        if it.value.dutch:  # the consulent's Dutch rendering, beside the answer as typed
            value += (f'<br><span class="dutch" lang="nl" dir="ltr">{escape(doc.tr(DUTCH))}: '
                      f'{escape(it.value.dutch)}</span>')
    else:
        value = escape(doc.render(it.value))
    return f'<b class="label">{label}:</b> {value}' if label and value else value


def _second_cell(doc: PipDocument, it: Item) -> str:
    label, text = doc.second_cell(it)
    if isinstance(it.value, UserText) and text:
        value = f'<span class="user" dir="{it.value.direction}">{escape(text)}</span>'
    else:
        value = escape(text)
    return f'<b class="label">{escape(label)}:</b> {value}' if label and value else value


def _appendix(doc: PipDocument) -> str:
    """For the consulent: rule and answer ids per row, and the sources with their verify mark."""
    tr = doc.tr
    rows = []
    for number, section in enumerate(doc.sections, start=1):
        for it in section.items:
            what = f"{number}. " + doc.render(it.label if it.label is not None else section.title)
            rows.append(f"<tr><td>{escape(what)}</td><td>{escape(', '.join(it.trace))}</td></tr>")
    out = (f'<section id="bijlage" class="appendix"><h2>{escape(tr(APPENDIX))}</h2>'
           f'<table class="appendix" dir="ltr"><tr><th>{escape(tr(PART))}</th>'
           f'<th>{escape(tr(ORIGIN))}</th></tr>{"".join(rows)}</table>')
    extra = appendix_rows(doc.provenance)
    if extra:  # answers from the pre-intake, and the Dutch renderings, for the consulent
        cells = []
        for qid, mark, typed, dutch in extra:
            rendering = (f'<span class="user" dir="{text_direction(typed)}">{escape(typed)}</span> → '
                         f'{escape(dutch)}') if dutch else ""
            cells.append(f"<tr><td>{escape(qid)}</td><td>{escape(tr(mark)) if mark else ''}</td>"
                         f"<td>{rendering}</td></tr>")
        out += (f'<h3 dir="ltr">{escape(tr(TITLE))}</h3><table class="appendix" dir="ltr"><tr>'
                f'<th>{escape(tr(QUESTION))}</th><th>{escape(tr(ORIGIN))}</th>'
                f'<th>{escape(tr(DUTCH))}</th></tr>{"".join(cells)}</table>')
    if doc.sources:
        check = tr(CHECK)
        items = "".join(f"<li>{escape(ref)}: {escape(citation)}{' ' + escape(check) if verify else ''}</li>"
                        for ref, citation, verify in doc.sources)
        out += f'<h3 dir="ltr">{escape(tr(SOURCES))}</h3><ul class="sources" dir="ltr">{items}</ul>'
    return out + "</section>"
