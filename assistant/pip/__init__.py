"""The draft PIP document: model, Markdown, HTML and PDF (WeasyPrint, imported on demand).

`build_document(record, proposal, termijnen, decision, locale=..., second_locale=..., open_questions=...)`
→ `PipDocument`; `render_markdown(doc)`; `render_pdf(doc, path)`.
"""

from assistant.pip.build import build_document
from assistant.pip.markdown import render_markdown
from assistant.pip.model import Item, PipDocument, Section, UserText


def render_pdf(doc: PipDocument, path):  # noqa: ANN001 - thin wrapper keeps weasyprint out of import time
    from assistant.pip.pdf import render_pdf as _render

    return _render(doc, path)


__all__ = ["Item", "PipDocument", "Section", "UserText", "build_document", "render_markdown", "render_pdf"]
