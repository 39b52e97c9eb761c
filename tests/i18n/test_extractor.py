"""The YAML extractors key every text so the catalog matches what the runtime asks for."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract

from assistant.i18n.extract import extract_dialog, extract_law, iter_dialog_texts

DIALOG = """\
dialog: demo
version: "1"
title: Demo
topics:
  - id: welkom
    title: Welkom
    questions:
      - id: hallo
        type: info
        text: Welkom bij de intake.
  - id: werk
    title: Werk
    questions:
      - id: werk_nu
        type: yesno
        text: Heeft u nu werk?
        help: Ja of nee.
      - id: werk_vroeger
        type: choice
        text: Had u werk in uw land?
        label: Werk vroeger
        choices:
          - {id: ja, label: Ja}
          - {id: nee, label: Nee}
      - id: werk_consulent
        type: yesno
        who: consulent
        text: Heeft u nu werk?
      - id: uren
        type: number
        min: 0
        max: 80
        unit: uur
        text: Hoeveel uur per week?
"""


def _extract(method, text: str, name: str = "x.yaml"):
    fileobj = io.BytesIO(text.encode("utf-8"))
    fileobj.name = name
    return list(extract(method, fileobj, keywords=DEFAULT_KEYWORDS))


def test_same_dutch_in_two_places_gets_two_contexts():
    found = {(ctx, msg) for _, msg, _, ctx in _extract(extract_dialog, DIALOG)}
    same = {ctx for ctx, msg in found if msg == "Heeft u nu werk?"}
    assert {"demo.werk_nu.text", "demo.werk_consulent.text"} <= same


def test_every_text_field_and_choice_is_extracted_with_its_context():
    found = {ctx: msg for _, msg, _, ctx in _extract(extract_dialog, DIALOG)}
    assert found["demo.title"] == "Demo"
    assert found["demo.welkom.title"] == "Welkom"
    assert found["demo.werk_nu.help"] == "Ja of nee."
    assert found["demo.werk_vroeger.label"] == "Werk vroeger"
    assert found["demo.werk_vroeger.ja.label"] == "Ja"
    assert found["demo.werk_vroeger.nee.label"] == "Nee"
    assert found["demo.uren.unit"] == "uur"
    # choice ids are values, never texts
    assert "ja" not in found.values() and "nee" not in found.values()


def test_label_falls_back_to_the_question_text_like_the_loader():
    found = {ctx: msg for _, msg, _, ctx in _extract(extract_dialog, DIALOG)}
    assert found["demo.werk_nu.label"] == "Heeft u nu werk?"


def test_lines_and_translator_comments():
    results = _extract(extract_dialog, DIALOG)
    by_ctx = {ctx: (line, comments) for line, _, comments, ctx in results}
    line, comments = by_ctx["demo.werk_nu.help"]
    assert DIALOG.splitlines()[line - 1].strip().startswith("help:")
    assert "inburgeraar" in comments[0]
    assert "consulent" in by_ctx["demo.werk_consulent.text"][1][0]
    assert "'ja'" in by_ctx["demo.werk_vroeger.ja.label"][1][0]


def test_who_is_known_for_the_readability_check():
    who = {t.context: t.who for t in iter_dialog_texts(DIALOG)}
    assert who["demo.werk_consulent.text"] == "consulent"
    assert who["demo.werk_nu.text"] == "inburgeraar"


def test_extracted_keys_match_the_dialog_loader(tmp_path: Path):
    """Every Msg the model renders is in the extraction, with the same msgid and context."""
    from assistant.dialog.loader import load_file

    fixtures = Path(__file__).parent.parent / "fixtures" / "dialogs"
    for path in sorted(fixtures.glob("*.yaml")):
        dialog = load_file(path)
        extracted = {(msg, ctx) for _, msg, _, ctx in _extract(extract_dialog, path.read_text("utf-8"))}
        wanted = set()
        for topic in dialog.topics:
            wanted.add((topic.title_msg().msgid, topic.title_msg().context))
            for q in topic.questions:
                for name in ("text", "label", "help", "unit", "item_label"):
                    if getattr(q, name, None) or q.opt(name):
                        m = q.msg(name)
                        wanted.add((m.msgid, m.context))
                for c in q.choices:
                    m = q.choice_msg(c.id)
                    wanted.add((m.msgid, m.context))
        assert wanted and wanted <= extracted, sorted(wanted - extracted)


def test_rules_uitleg_matches_the_rules_loader():
    from assistant.advice.rules import ruleset
    from assistant.base import paths

    text = (paths.resource_dir("law") / "rules.yaml").read_text("utf-8")
    extracted = {(msg, ctx) for _, msg, _, ctx in _extract(extract_law, text, "law/rules.yaml")}
    rules = ruleset().by_id.values()
    assert rules
    wanted = {(r.explanation().msgid, r.explanation().context) for r in rules}
    assert wanted == extracted


def test_law_files_without_texts_give_nothing():
    assert _extract(extract_law, "articles:\n  wet_3: {citation: x}\n", "law/articles.yaml") == []


def test_shipped_template_holds_every_shipped_dialog_text():
    """The committed .pot has every text of the shipped dialogs and rules."""
    from babel.messages.pofile import read_po

    from assistant.base import paths
    from assistant.i18n import catalogs

    with catalogs.pot_path(catalogs.SOURCE_ROOT / "locales").open("rb") as f:
        pot = {(m.id, m.context) for m in read_po(f) if m.id}
    for path in sorted(paths.resource_dir("dialogs").glob("*.yaml")):
        for t in iter_dialog_texts(path.read_text("utf-8")):
            assert (t.text, t.context) in pot, f"{t.context}: run scripts/update-catalogs"
