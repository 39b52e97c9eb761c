"""`intake training start`: the plain conversation shows the person's words; the attempt is scored and stored."""

import io
from datetime import date

import pytest

from assistant.app.practice import speech_for
from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from assistant.plain import conversation as plain
from assistant.plain.practice import practise
from assistant.store.practice import scores
from assistant.training.library import load_all

CASES = load_all()


def typed(q, value):
    """The value as a consulent types it in the plain conversation."""
    if value is None:
        return ""
    if q.type == "info":
        return ""
    if q.type == "date":
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    if q.type == "yesno":
        return "ja" if value else "nee"
    ids = [c.id for c in q.choices]
    if q.type == "choice":
        return str(ids.index(value) + 1)
    if q.type == "multichoice":
        return ", ".join(str(ids.index(v) + 1) for v in value)
    if q.type == "list":
        return ", ".join(map(str, value)) or ""
    return str(value)


@pytest.fixture
def scripted(monkeypatch):
    """An input function that answers the question on screen from the given answers."""
    dialog = load_dialog()
    shown = []
    original = plain._show_question

    def spy(step, tr, out, mode):
        shown.append(step.question.id)
        original(step, tr, out, mode)

    monkeypatch.setattr(plain, "_show_question", spy)

    def make(answers, decision):
        queue = list(decision)

        def input_fn(prompt):
            if prompt == "> ":
                q = dialog.question(shown[-1])
                return typed(q, answers.get(q.id))
            return queue.pop(0) if queue else ""
        return input_fn
    return make, shown


def test_a_faithful_practice_run_scores_clean_and_is_stored(tmp_path, scripted):
    make, _shown = scripted
    case = CASES["b1_route_werk"]
    store = tmp_path / "s-oefening.sqlite3"
    out = io.StringIO()
    # the answers, then Enter at the review and the proposal, "B" for the route
    practise(case, store, translator("nl"), trainee="piet",
             input_fn=make(case.answers, ["", "", "B", "", ""]), out=out)
    text = out.getvalue()
    assert case.story.splitlines()[0] in text
    assert f"De persoon zegt: \u201c{case.speech['onderwijs_jaren']}\u201d" in text
    assert "onderwijs_jaren" not in text  # the trainee hears words, never answer ids
    assert "Het voorstel van de regels: B1-route." in text
    assert "Score: 100 van 100." in text and "Goed gedaan" in text
    (row,) = scores(store)
    assert (row.trainee, row.case_id, row.score, row.mistakes) == ("piet", "b1_route_werk", 100, ())


def test_a_practice_run_with_a_wrong_answer_and_route_gets_that_feedback(tmp_path, scripted):
    make, _ = scripted
    case = CASES["z_route_analfabeet"]
    answers = {**case.answers, "geletterdheid": "ander_schrift"}
    store = tmp_path / "s-oefening.sqlite3"
    out = io.StringIO()
    practise(case, store, translator("nl"), input_fn=make(answers, ["", "", "B", "", "Ze wil graag hoger leren."]),
             out=out)
    text = out.getvalue()
    assert "Ze wil graag hoger leren." not in text and "De casus vraagt: Zelfredzaamheidsroute (Z-route)." in text
    (row,) = scores(store)
    assert "antwoord:geletterdheid" in row.mistakes and "route" in row.mistakes


def test_speech_falls_back_to_the_true_answer_and_the_file(tmp_path):
    said = speech_for(CASES["b1_route_werk"], translator("nl"))
    assert said("onderwijs_jaren").startswith("Ik ben negen jaar")
    assert said("hulp_geldzaken") == "Nee"
    assert said("bezigheden_nu") == "Een cursus"  # a multichoice, in the dialog's own labels
    assert said("doelgroep") == "In het dossier staat: Asielstatushouder"
    assert said("welkom_uitleg") is None and said("cv") is None


def test_a_borderline_case_asks_the_trainee_to_choose_and_a_motivated_choice_scores_clean(tmp_path, scripted):
    make, _ = scripted
    case = CASES["grensscore_kiezen"]
    store = tmp_path / "s-oefening.sqlite3"
    out = io.StringIO()
    motivation = "Ze praat al Nederlands in het buurthuis en wil werken."
    practise(case, store, translator("nl"), input_fn=make(case.answers, ["", "", "B", "", motivation]), out=out)
    text = out.getvalue()
    assert "De regels kiezen hier niet. U kiest uit: B1-route, Zelfredzaamheidsroute (Z-route)." in text
    (row,) = scores(store)
    assert row.mistakes == () and row.score == 100
