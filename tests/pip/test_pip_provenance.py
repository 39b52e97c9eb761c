"""The PIP says which answers came from the pre-intake and whether they were confirmed (issue 12),
and shows the consulent's Dutch rendering beside a free-text answer kept as typed."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from pip_fixtures import QUOTES, make_document

from assistant.pip.html import render_html
from assistant.pip.markdown import render_markdown
from assistant.pip.model import Provenance
from assistant.pip.pdf import render_pdf

ORIGINS = {"naam": "alone_confirmed", "werkwens": "alone_open", "doel_over_drie_jaar": "corrected",
           "geboortedatum": "alone_open"}
DUTCH = "Ik wil in de landbouw werken."
EXTRA = {"werkwens": QUOTES["ti"], "doel_over_drie_jaar": "Werken in een kas"}
PROV = Provenance(ORIGINS, {"werkwens": (QUOTES["ti"], DUTCH)})
NAME = "02_tesfay_z_route_ander_schrift"


def _plain(md: str) -> str:
    return md.replace("\\", "")


def _row(md: str, needle: str) -> str:
    return next(line for line in _plain(md).splitlines() if needle in line)


def test_markdown_has_the_summary_and_a_mark_per_row():
    md = render_markdown(make_document(NAME, extra=EXTRA, provenance=PROV))
    plain = _plain(md)
    assert "4 antwoorden kwamen uit de voorbereiding. Samen nagekeken: 2." in plain
    assert "2 antwoorden uit de voorbereiding zijn nog niet nagekeken." in plain
    assert "Uw antwoord in de voorbereiding, bevestigd door de consulent" in _row(md, "Naam:** Tesfay")
    assert "nog niet bevestigd door de consulent" in _row(md, QUOTES["ti"])
    assert "Aangepast door de consulent" in _row(md, "Werken in een kas")
    assert "Uw antwoord in de intake" not in _row(md, "Naam:** Tesfay")


def test_markdown_shows_the_dutch_rendering_beside_the_answer_as_typed():
    md = render_markdown(make_document(NAME, extra=EXTRA, provenance=PROV))
    row = _row(md, QUOTES["ti"])
    assert f"{QUOTES['ti']} (Nederlandse weergave: {DUTCH})" in row
    appendix = _plain(md).split("### Antwoorden uit de voorbereiding")[1]
    assert (f"| werkwens | Uw antwoord in de voorbereiding, nog niet bevestigd door de consulent | "
            f"{QUOTES['ti']} → {DUTCH} |") in appendix
    assert "| naam | Uw antwoord in de voorbereiding, bevestigd door de consulent |  |" in appendix


def test_a_rendering_cannot_inject_markup():
    evil = Provenance({"werkwens": "alone_open"}, {"werkwens": (QUOTES["ti"], "<b>vet</b> | [x](javascript:1)\x1b[2J")})
    md = render_markdown(make_document(NAME, extra=EXTRA, provenance=evil))
    row = next(line for line in md.splitlines() if QUOTES["ti"] in line and "weergave" in line)
    assert "\\<b\\>" in row and "\x1b" not in row and "\\|" in row
    assert "&lt;b&gt;vet&lt;/b&gt;" in render_html(make_document(NAME, extra=EXTRA, provenance=evil))


def test_a_plan_without_a_pre_intake_has_no_provenance_noise():
    md = _plain(render_markdown(make_document(NAME, extra=EXTRA)))
    assert "voorbereiding" not in md and "Nederlandse weergave" not in md and "Aangepast door" not in md
    assert "Uw antwoord in de intake" in md


def test_both_columns_of_a_bilingual_plan_carry_the_marks():
    md = render_markdown(make_document(NAME, extra=EXTRA, provenance=PROV, second="ar", catalog=False))
    summary = _row(md, "kwamen uit de voorbereiding")
    assert summary.count("|") == 4 and any("\u0600" <= ch <= "\u06ff" for ch in summary.split("|")[2])
    mark = _row(md, "Naam:** Tesfay").split("|")[-2]
    dutch, _, second = mark.partition(" / ")
    assert "bevestigd door de consulent" in dutch and any("\u0600" <= ch <= "\u06ff" for ch in second)


pdf = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def _text(path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


@pdf
@pytest.mark.slow
def test_pdf_has_the_summary_marks_and_rendering(tmp_path):
    doc = make_document(NAME, extra=EXTRA, provenance=PROV, second="ti", catalog=False)
    text = _text(render_pdf(doc, tmp_path / "pip.pdf"))
    body, _, appendix = text.partition("Bijlage voor de consulent")
    assert "4 antwoorden kwamen uit de voorbereiding. Samen nagekeken: 2." in body
    assert "bevestigd door de consulent" in body and "Aangepast door de consulent" in body
    assert f"Nederlandse weergave: {DUTCH}" in body
    assert QUOTES["ti"].split("።")[0] in body  # the answer as typed, in Ge'ez
    assert "Antwoorden uit de voorbereiding" in appendix and "werkwens" in appendix and DUTCH in appendix
