"""The B1 check: figures per text, thresholds as data, offenders named."""

from __future__ import annotations

import textstat

from assistant.i18n import readability
from assistant.i18n.readability import measure, problems_in, reader_texts, thresholds


def test_flesch_douma_is_textstats_dutch_formula():
    text = "De toets laat zien hoe snel u Nederlands leert. U krijgt daarna een brief van de gemeente."
    textstat.set_lang("nl")
    assert abs(measure("x", text).flesch_douma - textstat.flesch_reading_ease(text)) < 0.01


def test_syllables_equal_textstats_dutch_count_for_every_reader_word():
    """The app counts with pyphen directly; textstat (tests only) is the reference."""
    textstat.set_lang("nl")
    words = {w for _, text in reader_texts()
             for w in readability._WORD.findall(readability._PLACEHOLDER.sub(" ", text))}
    assert len(words) > 300
    differ = [(w, readability._syllables(w), textstat.syllable_count(w)) for w in sorted(words)
              if readability._syllables(w) != max(1, textstat.syllable_count(w))]
    assert differ == []


def test_sentences_words_and_long_words():
    f = measure("x", "Typ ? voor uitleg. Heeft u een arbeidsovereenkomst of een uitkeringsinstantie?")
    assert f.sentences == 2                     # a lone "?" is a key, not the end of a sentence
    assert f.words == 10 and f.max_sentence_words == 7
    assert f.long_words == ("arbeidsovereenkomst", "uitkeringsinstantie")


def test_known_terms_and_numbers_are_not_long_words():
    f = measure("x", "De leerbaarheidstoets is op 31-12-2026 om 10.00 uur.")
    assert f.long_words == ()
    assert "leerbaarheidstoets" in thresholds()["known_terms"]


def test_a_placeholder_reads_as_a_short_value():
    assert measure("x", "Typ {low} tot en met {high_value_name}.").words == 6
    assert measure("x", "Typ {low} tot en met {high_value_name}.").long_words == ()


def _problems(*texts: str):
    return problems_in([measure(f"t{i}", t) for i, t in enumerate(texts)])


def test_a_long_sentence_is_an_offender():
    long = " ".join(["woord"] * 16) + "."
    problems = _problems(long, "Dit is kort.")
    assert [p.where for p in problems] == ["t0"]
    assert "16 words" in problems[0].detail and problems[0].locale == "nl"


def test_too_many_long_words_in_one_sentence():
    problems = _problems("De arbeidsovereenkomst, uitkeringsinstantie en zorgverzekering.")
    assert [p.detail.split()[0] for p in problems if p.where == "t0"] == ["3"]
    two = _problems("De arbeidsovereenkomst en de uitkeringsinstantie.", "Dit is kort. Dat ook. Zo is het goed.")
    assert two == [], two


def test_a_hard_text_fails_per_text_and_the_aggregate():
    hard = ("Voorafgaande werkzaamheden betreffende administratieve verantwoordelijkheden vereisen "
            "gemeentelijke regelgeving inzake participatieverplichtingen.")
    problems = _problems(hard, "Dit is kort.")
    per_text = [p for p in problems if p.where == "t0" and p.detail.startswith("Flesch–Douma")]
    assert per_text and "(min 40)" in per_text[0].detail
    assert any(p.where == "all texts" for p in problems)
    assert not any(p.where == "t1" for p in problems)


def test_short_texts_are_not_judged_by_flesch_douma_alone():
    # one three-syllable word scores very low, yet a title like this is fine B1
    assert measure("x", "Gezondheid").flesch_douma < 40
    assert _problems("Gezondheid", "U woont in Nederlands. U heeft een huis.") == []


def test_thresholds_are_data_with_a_rationale():
    t = thresholds()
    assert t["max_words_per_sentence"] == 15 and t["min_flesch_douma_total"] >= 60
    text = readability.THRESHOLDS.read_text("utf-8")
    assert "Flesch" in text and "B1" in text


def test_consulent_questions_are_left_out(tmp_path, monkeypatch):
    dialogs = tmp_path / "dialogs"
    dialogs.mkdir()
    (dialogs / "d.yaml").write_text(
        "dialog: d\nversion: '1'\ntopics:\n  - id: t\n    title: Werk\n    questions:\n"
        "      - {id: a, type: yesno, text: 'Werkt u?', help: Ja of nee.}\n"
        "      - {id: b, type: yesno, who: consulent, text: 'Is het dossier volledig?'}\n"
        "      - {id: c, type: choice, text: 'Welke?', choices: [{id: x, label: Deze}, {id: y, label: Die}]}\n",
        "utf-8")
    real = readability.paths.resource_dir
    monkeypatch.setattr(readability.paths, "resource_dir",
                        lambda name: dialogs if name == "dialogs" else real(name))
    where = {w for w, _ in reader_texts()}
    assert {"d.t.title", "d.a.text", "d.a.help", "d.c.text", "d.c.x.label", "d.c.y.label"} <= where
    assert "d.b.text" not in where and "d.a.label" not in where
    assert any(w.startswith("rules.") for w in where)
    assert any(w.startswith("assistant/engine/parse.py") for w in where)


def test_every_text_the_inburgeraar_reads_is_b1():
    """Acceptance: the real texts pass (scripts/readability-report shows the figures)."""
    figures = readability.all_figures()
    assert len(figures) > 20
    problems = problems_in(figures)
    assert not problems, "\n".join(str(p) for p in problems)
