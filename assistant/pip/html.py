"""The PIP as HTML for WeasyPrint: two columns (main language | second language) and a trace line.

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
from assistant.pip.model import Item, PipDocument, UserText


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
        sections=body, sources=_sources(doc))


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
        cells = f'<td class="main" lang="{_attr(doc.locale)}" dir="{doc.direction}">{_cell(doc, it, False)}</td>'
        if two:
            cells += (f'<td class="second" lang="{_attr(doc.second_locale)}" dir="{doc.second_direction}">'
                      f"{_cell(doc, it, True)}</td>")
        trace = escape(doc.tr(C_("pip.kop", "Bron")) + ": " + ", ".join(it.trace))
        rows.append(f'<tr>{cells}</tr><tr class="trace"><td colspan="{2 if two else 1}" dir="ltr">{trace}</td></tr>')
    cls = "" if two else ' class="single"'
    return f'<section id="{_attr(section.id)}"><h2>{head}</h2><table{cls}>{"".join(rows)}</table></section>'


def _cell(doc: PipDocument, it: Item, second: bool) -> str:
    if second:
        value = escape(doc.second_text(it.value))
        label = escape(doc.second_text(it.label)) if it.label is not None else ""
    else:
        value = _value(doc, it)
        label = escape(doc.render(it.label)) if it.label is not None else ""
    if label and value:
        return f'<b class="label">{label}:</b> {value}'
    return value


def _value(doc: PipDocument, it: Item) -> str:
    if isinstance(it.value, UserText):
        return f'<span class="user" dir="{it.value.direction}">{escape(it.value.text)}</span>'
    return escape(doc.render(it.value))


def _sources(doc: PipDocument) -> str:
    if not doc.sources:
        return ""
    check = doc.tr(C_("pip.kop", "(nog controleren)"))
    items = "".join(f"<li>{escape(ref)}: {escape(citation)}{' ' + escape(check) if verify else ''}</li>"
                    for ref, citation, verify in doc.sources)
    return f'<h2 dir="ltr">{escape(doc.tr(C_("pip.kop", "Bronnen")))}</h2><ul class="sources" dir="ltr">{items}</ul>'
