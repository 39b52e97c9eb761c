"""extract → .pot → .po per locale → .mo, on a small tree in tmp_path."""

from __future__ import annotations

import gettext
import os
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from assistant.i18n import catalogs, codes

REAL = catalogs.SOURCE_ROOT


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A source tree with the real [tool.babel] table, one module, one dialog, one rule."""
    babel_table = (REAL / "pyproject.toml").read_text("utf-8").split("[tool.babel]", 1)[1].split("\n[tool.", 1)[0]
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nversion = "9.9"\n\n[tool.babel]' + babel_table, "utf-8")
    assert tomllib.loads((tmp_path / "pyproject.toml").read_text())["tool"]["babel"]["mappings"]
    (tmp_path / "assistant" / "sub").mkdir(parents=True)
    (tmp_path / "assistant" / "sub" / "mod.py").write_text(
        'from assistant.i18n import _, C_\n'
        'A = _("Typ een getal.")\n'
        'B = C_("knop", "Verder")\n'
        'def f(tr, n):\n    return tr.ngettext("{n} vraag", "{n} vragen", n)\n', "utf-8")
    (tmp_path / "dialogs").mkdir()
    (tmp_path / "dialogs" / "d.yaml").write_text(
        "dialog: d\nversion: '1'\ntopics:\n  - id: t\n    title: Verder\n    questions:\n"
        "      - {id: q, type: yesno, text: 'Werkt u?'}\n", "utf-8")
    (tmp_path / "law").mkdir()
    (tmp_path / "law" / "rules.yaml").write_text("rules:\n  - {id: R1, uitleg: ' U krijgt les. '}\n", "utf-8")
    return tmp_path


def _po(tree: Path, locale: str):
    with catalogs.po_path(tree / "locales", locale).open("rb") as f:
        return read_po(f, locale=locale)


def test_extract_finds_python_dialog_and_law_texts(tree):
    keys = {(m.id, m.context) for m in catalogs.extract(tree) if m.id}
    assert ("Typ een getal.", None) in keys
    assert ("Verder", "knop") in keys and ("Verder", "d.t.title") in keys   # same Dutch, two keys
    assert (("{n} vraag", "{n} vragen"), None) in keys
    assert ("Werkt u?", "d.q.text") in keys
    assert ("U krijgt les.", "rules.R1.uitleg") in keys


def test_update_creates_every_locale_honestly(tree):
    catalogs.update(tree)
    assert catalogs.pot_path(tree / "locales").exists()
    for locale in codes.TARGET_LOCALES:
        po = _po(tree, locale)
        text = catalogs.po_path(tree / "locales", locale).read_text("utf-8")
        assert "UNREVIEWED DRAFT" in text and "Language-Team: none: UNREVIEWED" in text
        assert f"Language: {locale}" in text and not po.fuzzy
        assert ("Dari" in text) == (locale == "fa")
        assert catalogs.po_path(tree / "locales", locale).with_suffix(".mo").exists()
    assert _po(tree, "ar").num_plurals == 6 and _po(tree, "tr").num_plurals == 2


def test_update_is_idempotent_and_check_mode_writes_nothing(tree):
    assert catalogs.update(tree, dry_run=True)            # everything is missing
    assert not (tree / "locales").exists()
    catalogs.update(tree)
    assert catalogs.update(tree) == []                    # second run: nothing changes
    (tree / "assistant" / "sub" / "mod.py").write_text('from assistant.i18n import _\nA = _("Nieuw.")\n')
    assert catalogs.pot_path(tree / "locales") in catalogs.update(tree, dry_run=True)


def test_changed_dutch_keeps_the_old_translation_as_fuzzy(tree):
    catalogs.update(tree)
    path = catalogs.po_path(tree / "locales", "en")
    po = _po(tree, "en")
    po.get("Typ een getal.").string = "Type a number."
    with path.open("wb") as f:
        write_po(f, po)
    mod = tree / "assistant" / "sub" / "mod.py"
    mod.write_text(mod.read_text().replace("Typ een getal.", "Typ een heel getal."))
    catalogs.update(tree)
    m = _po(tree, "en").get("Typ een heel getal.")
    assert m.string == "Type a number." and "fuzzy" in m.flags


def test_compiled_catalog_translates_with_context_and_plurals(tree):
    catalogs.update(tree)
    path = catalogs.po_path(tree / "locales", "ar")
    po = _po(tree, "ar")
    po.get("Verder", context="knop").string = "التالي"
    po.get("Verder", context="d.t.title").string = "متابعة"
    po.get("{n} vraag").string = tuple(f"f{i} {{n}}" for i in range(6))
    po.get("Werkt u?", context="d.q.text").string = "هل تعمل؟"
    po.get("Werkt u?", context="d.q.text").flags.add("fuzzy")
    with path.open("wb") as f:
        write_po(f, po)
    catalogs.compile_all(tree / "locales", force=True)
    t = gettext.translation("intake", str(tree / "locales"), ["ar"])
    assert t.pgettext("knop", "Verder") == "التالي"
    assert t.pgettext("d.t.title", "Verder") == "متابعة"
    assert [t.ngettext("{n} vraag", "{n} vragen", n) for n in (0, 1, 2, 5, 11, 100)] == \
        ["f0 {n}", "f1 {n}", "f2 {n}", "f3 {n}", "f4 {n}", "f5 {n}"]   # CLDR 49 (babel 2.19): 11-99 "many"
    assert t.pgettext("d.q.text", "Werkt u?") == "Werkt u?"     # fuzzy entries are never used


def test_a_fuzzy_catalog_header_does_not_make_compile_skip_it(tree):
    catalogs.update(tree)
    path = catalogs.po_path(tree / "locales", "en")
    text = path.read_text("utf-8").replace('msgid ""\nmsgstr ""', '#, fuzzy\nmsgid ""\nmsgstr ""', 1)
    text = text.replace('msgid "Typ een getal."\nmsgstr ""', 'msgid "Typ een getal."\nmsgstr "Type a number."')
    path.write_text(text, "utf-8")
    catalogs.compile_all(tree / "locales", force=True)
    t = gettext.translation("intake", str(tree / "locales"), ["en"])
    assert t.gettext("Typ een getal.") == "Type a number."


def test_ensure_compiled_only_compiles_stale_catalogs(tree, monkeypatch):
    catalogs.update(tree)
    monkeypatch.setattr("assistant.i18n.catalogs.locales_dir", lambda: tree / "locales")
    assert catalogs.ensure_compiled() == []                         # all fresh
    po = catalogs.po_path(tree / "locales", "so")
    mo = po.with_suffix(".mo")
    os.utime(mo, (1, 1))
    catalogs.po_path(tree / "locales", "ti").with_suffix(".mo").unlink()
    assert catalogs.ensure_compiled() == ["so", "ti"]
    assert mo.stat().st_mtime >= po.stat().st_mtime


def test_ensure_compiled_survives_a_read_only_install(tree, monkeypatch):
    catalogs.update(tree)
    monkeypatch.setattr("assistant.i18n.catalogs.locales_dir", lambda: tree / "locales")
    catalogs.po_path(tree / "locales", "so").with_suffix(".mo").unlink()

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(catalogs, "compile_po", refuse)
    assert catalogs.ensure_compiled() == []
