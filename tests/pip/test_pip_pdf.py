"""Bilingual PDFs (Dutch/Arabic, Dutch/Tigrinya): text, fonts, shaping order and direction.

Checked with poppler-utils: `pdffonts` for embedded fonts, `pdftotext` for the
text in logical order, `pdftotext -bbox` for where words sit on the page
(right-to-left: the first word of an Arabic sentence is the rightmost).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from pip_fixtures import QUOTES, make_document

from assistant.pip.html import render_html
from assistant.pip.pdf import installed_families, needed_fonts, render_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts, pdftotext) not installed"),
]
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _text(path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", MARKS.sub("", out)).split())  # lines joined: cells wrap


def _fonts(path) -> list[tuple[str, bool]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    return [(r.split()[0].split("+", 1)[-1], " yes " in f" {' '.join(r.split()[-5:-2])} ") for r in rows]


def _word_positions(path) -> list[tuple[str, float, float]]:
    """(word in logical order, xMin, yMin) for every word pdftotext finds."""
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    words = []
    for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        w = unicodedata.normalize("NFKC", w)
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in w):
            w = w[::-1]  # pdftotext gives RTL words in visual order
        words.append((w, float(x), float(y)))
    return words


@pytest.fixture(scope="module")
def pdfs(bilingual_docs, tmp_path_factory):
    out = tmp_path_factory.mktemp("pip")
    return {loc: render_pdf(doc, out / f"pip_nl_{loc}.pdf") for loc, doc in bilingual_docs.items()}


def test_the_fonts_the_documents_need_are_installed(bilingual_docs):
    families = installed_families()
    for doc in bilingual_docs.values():
        missing = needed_fonts(doc) - families
        assert not missing, f"install fonts-noto-core: {missing}"


@pytest.mark.parametrize("loc, script_font", [("ar", "Noto-Naskh-Arabic"), ("ti", "Noto-Sans-Ethiopic")])
def test_pdf_embeds_a_font_with_the_scripts_glyphs(pdfs, loc, script_font):
    fonts = dict(_fonts(pdfs[loc]))
    assert script_font in fonts and "Noto-Sans" in fonts, fonts
    assert all(fonts.values()), f"not all fonts embedded: {fonts}"
    other = "Noto-Sans-Ethiopic" if loc == "ar" else "Noto-Naskh-Arabic"
    assert other not in fonts


def test_dutch_arabic_pdf_has_both_languages_in_logical_order(pdfs):
    text = _text(pdfs["ar"])
    assert "Persoonlijk Plan Inburgering en Participatie" in text
    assert "Bent u het niet eens met dit plan?" in text and "bezwaar maken" in text
    assert "الخطة الشخصية للاندماج والمشاركة" in text  # translated title
    assert "هل لا توافق على هذه الخطة" in text
    # the person's own words (pdftotext re-orders wrapped mixed Arabic/Latin lines, so check runs of words)
    assert "أريد أن أدرس" in text and "في الجامعة" in text and "بعد سنة ونصف" in text
    assert "regel:R-O" in text  # trace


def test_arabic_runs_right_to_left_on_the_page(pdfs):
    words = _word_positions(pdfs["ar"])
    first = next((x, y) for w, x, y in words if w == "أريد")
    second = next((x, y) for w, x, y in words if w == "أن")
    third = next((x, y) for w, x, y in words if w == "أدرس")
    assert abs(first[1] - second[1]) < 1 and abs(first[1] - third[1]) < 1, "same line"
    assert first[0] > second[0] > third[0], "Arabic words must run from right to left"


def test_dutch_tigrinya_pdf_has_geez_text_left_to_right(pdfs):
    text = _text(pdfs["ti"])
    assert "ውልቃዊ መደብ ምውህሃድን ተሳትፎን" in text and "መንገዲ ርእሰ-ምኽኣል" in text
    assert QUOTES["ti"].split("።")[0] in text
    assert "Zelfredzaamheidsroute (Z-route)" in text
    words = _word_positions(pdfs["ti"])
    x1 = next(x for w, x, _ in words if w == "ኣብ")
    x2 = next(x for w, x, _ in words if w == "ሕርሻ")
    assert x1 < x2


def test_html_marks_direction_and_language_and_escapes_everything(bilingual_docs):
    html = render_html(bilingual_docs["ar"])
    assert 'lang="ar" dir="rtl"' in html and 'lang="nl" dir="ltr"' in html
    assert '<span class="user" dir="rtl">' in html
    evil = make_document("04_li_wei_b1_route", extra={"doel_toelichting": "<img src=x onerror=alert(1)>&"})
    out = render_html(evil)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;&amp;" in out


def test_deviation_pdf_names_person_decision_and_motivation_without_reasons_for_the_route_not_taken(tmp_path):
    doc = make_document("19_amal_afwijking_b1_route", second="ar", catalog=False)  # the project's catalogs
    text = _text(render_pdf(doc, tmp_path / "afwijking.pdf"))
    body, _, appendix = text.partition("Bijlage voor de consulent")
    assert appendix, "the consulent appendix is there"
    assert "Naam: Amal" in body and "Geboortedatum: 14-05-2001" in body
    assert "Het besluit over uw leerroute" in body and "Leerroute: B1-route" in body
    assert "Zorgt voor haar moeder en heeft 12 uur per week." in body
    assert body.index("Leerroute: B1-route") < body.index("Het voorstel van de assistent")
    assert "Nee. De gemeente koos de B1-route." in body
    assert "De gemeente stelt de onderwijsroute voor" not in text
    assert not re.search(r"(regel|antwoord|besluit):", body) and "nog controleren" not in body
    assert "Wet inburgering 2021, art. 15" in body
    assert "regel:R-O" in appendix and "besluit:motivatie" in appendix
    assert "القرار بشأن مسار التعلم" in body  # Arabic heading of the decision section
    assert body.count("0363") >= 2 and body.count("02-03-2026") >= 2  # typed values in both columns
