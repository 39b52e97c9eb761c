"""The PIP as PDF through WeasyPrint (pango shapes Arabic and Ge'ez correctly; fpdf2 did not).

WeasyPrint is imported only here and only when a PDF is asked for: it is slow
to import and the chat must start fast. The fonts the document needs are
checked first, so a machine without fonts-noto-core gets a clear message
instead of a PDF with empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from assistant.pip.html import render_html
from assistant.pip.model import PipDocument

FONTS = {"latin": "Noto Sans", "ar": "Noto Naskh Arabic", "fa": "Noto Naskh Arabic", "ti": "Noto Sans Ethiopic",
         "am": "Noto Sans Ethiopic"}


class FontMissing(RuntimeError):
    """A font the document needs is not installed (Debian: apt-get install fonts-noto-core)."""


def installed_families() -> set[str]:
    if shutil.which("fc-list") is None:
        return set()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def needed_fonts(doc: PipDocument) -> set[str]:
    needed = {FONTS["latin"]}
    for loc in (doc.locale, doc.second_locale):
        base = (loc or "").replace("-", "_").split("_")[0]
        if base in FONTS:
            needed.add(FONTS[base])
    return needed


def render_pdf(doc: PipDocument, path: str | Path) -> Path:
    """Write the PDF to `path` and return it."""
    missing = needed_fonts(doc) - installed_families()
    if missing:
        raise FontMissing(f"fonts not installed: {', '.join(sorted(missing))} (Debian package fonts-noto-core)")
    from weasyprint import HTML  # heavy import, on demand

    target = Path(path)
    HTML(string=render_html(doc)).write_pdf(target)
    return target
