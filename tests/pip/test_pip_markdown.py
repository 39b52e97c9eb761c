"""Markdown rendering: bilingual table per section, and untrusted text that stays text."""

from __future__ import annotations

import re

from pip_fixtures import make_document

from assistant.pip.markdown import escape, render_markdown

EVIL = "<script>alert(1)</script> **vet** [klik](javascript:alert(1)) | kolom \x1b[31m `code`"


UNESCAPED = re.compile(r"(?<!\\)[<>|*\[\]`]")


def test_escape_neutralises_markdown_and_html():
    out = escape(EVIL)
    assert UNESCAPED.findall(out) == []
    assert "\\<script\\>" in out and "\\]\\(" in out


def test_user_answers_in_the_document_cannot_inject_markup():
    doc = make_document("04_li_wei_b1_route", extra={"doel_toelichting": EVIL})
    md = render_markdown(doc)
    assert "\\<script\\>" in md and "\x1b" not in md
    row = next(line for line in md.splitlines() if "script" in line)
    value = row.split(":** ", 1)[1]
    assert re.findall(r"(?<!\\)[<>*\[\]`]", value) == []
    assert len(re.findall(r"(?<!\\)\|", row)) == 3  # the pipe in the answer did not add a column


def test_markdown_has_every_section_and_the_second_language_beside_it():
    md = render_markdown(make_document("02_tesfay_z_route_ander_schrift", second="ti"))
    assert "| Nederlands | ትግርኛ | Bron |" in md
    assert "መንገዲ ትምህርትኹም" in md  # a translated section title (test catalog)
    for heading in ("Het besluit over uw leerroute", "Het voorstel van de assistent", "Hoe lang duurt het?",
                    "Hulp van de gemeente", "PVT en MAP", "Hoe volgen we hoe het gaat?", "Wat moet nog?",
                    "Bent u het niet eens met dit plan?"):
        assert heading in md.replace("\\", "")
    assert "regel:K\\-VVE" in md


def test_without_a_second_language_the_table_has_two_columns():
    md = render_markdown(make_document("04_li_wei_b1_route"))
    assert "| Nederlands | Bron |" in md
