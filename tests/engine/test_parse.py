"""Parsing and validation per answer type, including hostile input."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.dialog.model import Choice, Question
from assistant.engine.parse import Invalid, check_value, parse_input
from assistant.i18n import Msg, _, translator
from assistant.i18n.codes import ALL_LOCALES

TODAY = date(2026, 3, 2)


def q(type_, **options):
    choices = options.pop("choices", ())
    return Question(id="x", type=type_, topic="t", dialog="d", text="Vraag?", label="Vraag",
                    choices=tuple(Choice(c, c.title()) for c in choices), options=options)


QUESTIONS = {
    "text": q("text"),
    "bsn": q("text", format="bsn"),
    "score": q("text", format="duo_score"),
    "number": q("number", min=0, max=30),
    "date": q("date"),
    "birth": q("date", age_min=16, age_max=70),
    "yesno": q("yesno"),
    "choice": q("choice", choices=("ja", "nee", "onbekend")),
    "multichoice": q("multichoice", choices=("werk", "school")),
    "list": q("list", item_min=0, item_max=30, min_items=1),
    "info": q("info"),
}


def refused(question, raw):
    with pytest.raises(Invalid) as exc:
        parse_input(question, raw, TODAY)
    return exc.value.msg.msgid


def test_dates_typed_dutch_style_stored_iso():
    assert parse_input(QUESTIONS["date"], "14-05-2001", TODAY) == "2001-05-14"
    assert parse_input(QUESTIONS["date"], " 1/2/2020 ", TODAY) == "2020-02-01"
    assert "bestaat niet" in refused(QUESTIONS["date"], "31-02-2001")
    assert "dag-maand-jaar" in refused(QUESTIONS["date"], "2001-05-14")
    assert "toekomst" in refused(QUESTIONS["date"], "03-03-2026")


def test_birth_date_must_give_a_plausible_age():
    assert parse_input(QUESTIONS["birth"], "02-03-2010", TODAY) == "2010-03-02"  # 16 today
    assert "16" not in refused(QUESTIONS["birth"], "03-03-2010")  # 15: names the age found
    with pytest.raises(Invalid) as refused_old:
        parse_input(QUESTIONS["birth"], "01-01-1900", TODAY)
    assert refused_old.value.msg.params["age"] == 126


def test_numbers_in_range():
    assert parse_input(QUESTIONS["number"], " 12 ", TODAY) == 12
    assert "van 0 tot en met 30" in refused(QUESTIONS["number"], "31").format(low=0, high=30)
    assert "heel getal" in refused(QUESTIONS["number"], "3,5")
    assert "heel getal" in refused(QUESTIONS["number"], "drie")


def test_bsn_must_pass_the_elfproef():
    assert parse_input(QUESTIONS["bsn"], "1112.22.333", TODAY) == "111222333"
    assert "BSN klopt niet" in refused(QUESTIONS["bsn"], "111222334")
    assert "BSN klopt niet" in refused(QUESTIONS["bsn"], "12")  # too short, even if it "passes" padded


def test_duo_score_format():
    assert parse_input(QUESTIONS["score"], "52,50", TODAY) == "52,50"
    assert "52,50" in refused(QUESTIONS["score"], "52.5")


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_yes_and_no_in_the_words_of_each_language(locale):
    """The plain conversation says "type yes or no" in the person's language: those words work."""
    tr = translator(locale)
    assert parse_input(QUESTIONS["yesno"], f" {tr(_('Ja'))}. ", TODAY) is True
    assert parse_input(QUESTIONS["yesno"], tr(_("Nee")).upper(), TODAY) is False
    assert "ja of nee" in refused(QUESTIONS["yesno"], "misschien")


def test_yes_no_choice_multichoice_list():
    assert parse_input(QUESTIONS["yesno"], "Ja", TODAY) is True
    assert parse_input(QUESTIONS["yesno"], "nee", TODAY) is False
    assert parse_input(QUESTIONS["choice"], "2", TODAY) == "nee"
    assert parse_input(QUESTIONS["choice"], "onbekend", TODAY) == "onbekend"
    assert "uit de lijst" in refused(QUESTIONS["choice"], "misschien")
    assert parse_input(QUESTIONS["multichoice"], "2, 1", TODAY) == ["werk", "school"]
    assert parse_input(QUESTIONS["list"], "3, 7 12", TODAY) == [3, 7, 12]
    assert "van 0 tot en met 30" in refused(QUESTIONS["list"], "3, 40").format(low=0, high=30)


def test_text_is_trimmed_and_stripped_of_controls():
    raw = "  \x1b[2Jhallo\x1b]0;title\x07 \u202ewereld\x00 "
    assert parse_input(QUESTIONS["text"], raw, TODAY) == "hallo wereld"
    assert "te lang" in refused(QUESTIONS["text"], "a" * 2001)


def test_typed_values_from_files_use_the_same_rules():
    assert check_value(QUESTIONS["date"], "2001-05-14", TODAY) == "2001-05-14"
    with pytest.raises(Invalid):
        check_value(QUESTIONS["date"], "14-05-2001", TODAY)
    with pytest.raises(Invalid):
        check_value(QUESTIONS["yesno"], "ja", TODAY)
    with pytest.raises(Invalid):
        check_value(QUESTIONS["number"], True, TODAY)
    assert check_value(QUESTIONS["multichoice"], ["school", "werk", "werk"], TODAY) == ["werk", "school"]


HOSTILE = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8")),
    st.sampled_from(["[/", "[bold]x", "[@click=app.quit]", "\x1b[2J", "\x1b]8;;http://x\x07y", "\u202e\u2066",
                     "مرحبا بالعالم", "ሰላም ዓለም", "👩‍👩‍👧", "\ud800"]),
    st.text(min_size=3000, max_size=6000),
)


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(sorted(QUESTIONS)), raw=HOSTILE)
def test_any_text_is_accepted_or_refused_clearly_never_a_crash(kind, raw):
    question = QUESTIONS[kind]
    try:
        value = parse_input(question, raw, TODAY)
    except Invalid as exc:
        assert isinstance(exc.msg, Msg) and exc.msg.msgid.strip()
        return
    # Accepted values are clean and of the declared kind.
    if isinstance(value, str):
        assert "\x1b" not in value and "\x00" not in value and "\u202e" not in value
        assert len(value) <= 2000
    expected = {"text": str, "bsn": str, "score": str, "number": int, "date": str, "birth": str,
                "yesno": bool, "choice": str, "multichoice": list, "list": list, "info": bool}[kind]
    assert isinstance(value, expected)


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(sorted(QUESTIONS)),
       value=st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
                       st.lists(st.one_of(st.integers(), st.text())), st.dictionaries(st.text(), st.integers())))
def test_any_json_value_is_accepted_or_refused_clearly(kind, value):
    try:
        check_value(QUESTIONS[kind], value, TODAY)
    except Invalid as exc:
        assert exc.msg.msgid.strip()
