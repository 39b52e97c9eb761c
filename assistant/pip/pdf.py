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
    out = subprocess.run(["fc-list", ":", "family"],  # noqa: S607 (fontconfig's tool, from PATH like the fonts)
                         capture_output=True, text=True, check=False).stdout
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

    from assistant.store.files import private_open

    target = Path(path)
    with private_open(target) as out:  # 0600 from the start: the PIP holds personal data
        HTML(string=render_html(doc), url_fetcher=refuse_urls()).write_pdf(out)
    return target


BUNDLED = Path(__file__).resolve().parent / "static"   # the project's own fonts and styles, if any


def refuse_urls():
    """Second line of defence: a fetcher that loads only the project's bundled files.

    The PIP needs no URL (fonts come from fontconfig, styles are inline), so an
    injected ``<img>``, ``<link>`` or ``@import`` in any text gets nothing: no
    network request, no local file, no data: URL. A file under `BUNDLED`
    (fonts and styles shipped with the project) is the only exception.
    """
    from weasyprint.urls import URLFetcher

    class BundledOnly(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)

        def fetch(self, url, headers=None):
            if not allowed_url(url):
                raise ValueError("URL refused: the PIP document loads only bundled files")
            return super().fetch(url, headers)

    return BundledOnly()


def allowed_url(url: str) -> bool:
    from urllib.parse import unquote, urlparse

    parts = urlparse(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
        return False
    target = Path(unquote(parts.path)).resolve()
    return target.is_file() and target.is_relative_to(BUNDLED)
