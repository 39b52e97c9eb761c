"""Each catalog check catches a deliberately broken catalog, and passes a good one."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from assistant.i18n import catalogs
from assistant.i18n.checks import check_catalog, placeholders, run_all_checks, template_problems
from assistant.i18n.codes import TARGET_LOCALES

POT = '''\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

#: assistant/plain.py
msgid "Typ {n} getallen."
msgstr ""

#: dialogs/d.yaml
msgctxt "d.q.text"
msgid "Werkt u?"
msgstr ""

#: dialogs/d.yaml
msgctxt "d.q.help"
msgid "Druk op [Enter]."
msgstr ""

#: assistant/engine/parse.py
msgid "Typ een heel getal."
msgstr ""

#: assistant/plain.py
msgid "{n} vraag"
msgid_plural "{n} vragen"
msgstr[0] ""
msgstr[1] ""
'''

GOOD_EN = {
    "Typ {n} getallen.": 'msgstr "Type {n} numbers."',
    "Werkt u?": 'msgstr "Do you work?"',
    "Druk op [Enter].": 'msgstr "Press [Enter]."',
    "Typ een heel getal.": 'msgstr "Type a whole number."',
    "{n} vraag": 'msgstr[0] "one question"\nmsgstr[1] "{n} questions"',
}
HEADER = ('msgid ""\nmsgstr ""\n"Language: {loc}\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
          '"Plural-Forms: {plural}\\n"\n')


def make_po(tmp_path: Path, locale: str = "en", plural: str = "nplurals=2; plural=(n != 1);",
            overrides: dict[str, str] | None = None, header_flags: str = "", extra: str = ""):
    """The template with translations filled in; `overrides` replaces msgstr lines per msgid."""
    strings = {**GOOD_EN, **(overrides or {})}
    blocks = POT.split("\n\n")[1:]
    out = [header_flags + HEADER.format(loc=locale, plural=plural)]
    for block in blocks:
        msgid = block.split('msgid "', 1)[1].split('"', 1)[0]
        head = block.split("\nmsgstr")[0]
        out.append(head + "\n" + strings[msgid])
    path = tmp_path / "intake.po"
    path.write_text("\n\n".join(out) + "\n" + extra, "utf-8")
    with path.open("rb") as f:
        return read_po(f, locale=locale)


@pytest.fixture
def template(tmp_path):
    path = tmp_path / "intake.pot"
    path.write_text(POT, "utf-8")
    with path.open("rb") as f:
        return read_po(f)


def kinds(problems) -> list[str]:
    return sorted(p.check for p in problems)


def test_a_complete_safe_catalog_passes(tmp_path, template):
    assert check_catalog("en", make_po(tmp_path), template) == []


def test_missing_translation(tmp_path, template):
    problems = check_catalog("en", make_po(tmp_path, overrides={"Werkt u?": 'msgstr ""'}), template)
    assert kinds(problems) == ["completeness"]
    assert problems[0].where == "d.q.text" and "locales/en/" in problems[0].fix


def test_missing_plural_form(tmp_path, template):
    po = make_po(tmp_path, overrides={"{n} vraag": 'msgstr[0] "one question"\nmsgstr[1] ""'})
    assert kinds(check_catalog("en", po, template)) == ["completeness"]


def test_source_text_missing_from_the_catalog_and_obsolete_entries(tmp_path, template):
    po = make_po(tmp_path, extra='\nmsgid "Oud."\nmsgstr "Old."\n')
    po.delete("Werkt u?", context="d.q.text")
    details = sorted(p.detail for p in check_catalog("en", po, template))
    assert details == ["not in the catalog", "obsolete: no longer in the sources"]


def test_fuzzy_entry_and_fuzzy_header(tmp_path, template):
    po = make_po(tmp_path, overrides={"Werkt u?": 'msgstr "Do you work?"'})
    po.get("Werkt u?", context="d.q.text").flags.add("fuzzy")
    assert kinds(check_catalog("en", po, template)) == ["fuzzy"]
    po = make_po(tmp_path, header_flags="#, fuzzy\n")
    assert kinds(check_catalog("en", po, template)) == ["fuzzy"]


@pytest.mark.parametrize("broken", [
    'msgstr "Type {count} numbers."',        # renamed
    'msgstr "Type numbers."',                # dropped
    'msgstr "Type {n} numbers {extra}."',    # added
    'msgstr "Type {n numbers."',             # broken braces
])
def test_placeholder_parity(tmp_path, template, broken):
    problems = check_catalog("en", make_po(tmp_path, overrides={"Typ {n} getallen.": broken}), template)
    assert kinds(problems) == ["placeholders"]


def test_plural_forms_may_leave_out_n_but_not_add_names(tmp_path, template):
    ok = make_po(tmp_path, overrides={"{n} vraag": 'msgstr[0] "one question"\nmsgstr[1] "{n} questions"'})
    assert check_catalog("en", ok, template) == []
    bad = make_po(tmp_path, overrides={"{n} vraag": 'msgstr[0] "{x} question"\nmsgstr[1] "{n} questions"'})
    assert kinds(check_catalog("en", bad, template)) == ["placeholders"]


@pytest.mark.parametrize("broken", [
    'msgstr "Do you [b]work[/b]?"',
    'msgstr "Do you work? [@click=app.quit]yes[/]"',
    'msgstr "Do you work? [/"',
    'msgstr "Do you work? ["',
    'msgstr "Do you \u202ework?"',         # right-to-left override
    'msgstr "Do you \x1b]8;;x\x07work?"',   # OSC escape sequence
    'msgstr "Do you work?\x9b"',           # C1 control
])
def test_markup_and_control_characters_are_refused(tmp_path, template, broken):
    problems = check_catalog("en", make_po(tmp_path, overrides={"Werkt u?": broken}), template)
    assert "markup" in kinds(problems)


def test_brackets_of_the_source_are_allowed_but_not_more(tmp_path, template):
    ok = make_po(tmp_path, overrides={"Druk op [Enter].": 'msgstr "[Enter] drücken."'})
    assert check_catalog("en", ok, template) == []
    twice = make_po(tmp_path, overrides={"Druk op [Enter].": 'msgstr "[Enter] [Enter] drücken."'})
    assert kinds(check_catalog("en", twice, template)) == ["markup"]


def test_persian_zero_width_non_joiner_is_content_not_a_control(tmp_path, template):
    po = make_po(tmp_path, locale="fa", plural="nplurals=2; plural=(n > 1);",   # CLDR 49 (babel 2.19)
                 overrides={"Werkt u?": 'msgstr "کار می\u200cکنید؟"',
                            "{n} vraag": 'msgstr[0] "{n} سؤال"\nmsgstr[1] "{n} سؤال"'})
    assert check_catalog("fa", po, template) == []


def test_plural_forms_must_match_cldr(tmp_path, template):
    po = make_po(tmp_path, locale="ar")   # Arabic with nplurals=2
    problems = check_catalog("ar", po, template)
    assert kinds(problems) == ["plurals", "plurals"]   # the header and the 2-form message
    assert "nplurals=6" in problems[0].fix


def test_plural_expression_must_match_even_with_the_right_count(tmp_path, template):
    po = make_po(tmp_path, plural="nplurals=2; plural=(n > 1);")   # French rule for English
    assert kinds(check_catalog("en", po, template)) == ["plurals"]


def test_validation_message_left_in_dutch(tmp_path, template):
    po = make_po(tmp_path, overrides={"Typ een heel getal.": 'msgstr "Typ een heel getal."'})
    assert kinds(check_catalog("en", po, template)) == ["validation"]
    # the same copy elsewhere is not a validation problem (names, codes may stay)
    po = make_po(tmp_path, overrides={"Werkt u?": 'msgstr "Werkt u?"'})
    assert check_catalog("en", po, template) == []


def test_placeholders_parser():
    assert placeholders("Typ {low} tot {high}, {n!r} {x.y} {{lit}}") == {"low", "high", "n", "x"}
    assert placeholders("kapot {") is None


def test_stale_template_is_reported(tmp_path, template):
    (tmp_path / "intake.pot").unlink()
    (tmp_path / "intake.pot").write_text(POT.replace("Werkt u?", "Werkt u nu?"), "utf-8")
    problems = template_problems(tmp_path, template)
    assert sorted(p.detail.split()[0] for p in problems) == ["gone", "new"]
    assert all("update-catalogs" in p.fix for p in problems)


def test_run_all_checks_in_an_installed_layout(tmp_path):
    """Without sources (a wheel) the bundled .pot is the reference; a missing locale is reported."""
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "intake.pot").write_text(POT, "utf-8")
    for locale in TARGET_LOCALES[1:]:
        path = catalogs.po_path(locales, locale)
        path.parent.mkdir(parents=True)
        path.write_text(POT.replace('msgid ""\nmsgstr ""\n', HEADER.format(loc=locale, plural="x"), 1), "utf-8")
    problems = run_all_checks(locales, root=tmp_path)
    assert {p.locale for p in problems} == set(TARGET_LOCALES)
    first = [p for p in problems if p.locale == TARGET_LOCALES[0]]
    assert [p.detail for p in first] == ["no catalog"]
    assert str(first[0]).startswith(f"[{TARGET_LOCALES[0]}] completeness")
