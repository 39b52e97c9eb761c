"""A scripted complete intake on the shipped dialog, through the engine."""

import random

from assistant.dialog.loader import load_dialog
from assistant.dialog.record_contract import RECORD_FIELDS
from assistant.engine.session import Intake
from tests.helpers.answers import sample_input

PREFER = {
    "inburgeringsplichtig": "ja", "doelgroep": "asielstatushouder", "lbt_status": "niet_afgenomen",
    "kinderen_leeftijden": "2, 7", "bijstand": "ja", "gezondheid_beperking": "tijdelijk",
    "werkervaring_jaren": "5", "hoofddoel": "werk",
}


def walk(intake, rng, asked, prefer):
    step = intake.step()
    while step.kind == "question":
        asked.add(step.question.id)
        step = intake.answer(sample_input(step.question, rng, prefer))
        assert step.error is None, (step.question.id, step.error)
    return step


def test_scripted_intake_reaches_review_with_every_mandatory_topic_and_record_field(store, today):
    dialog = load_dialog()
    intake = Intake.start(store, dialog, today=today)
    asked: set[str] = set()
    step = walk(intake, random.Random(7), asked, PREFER)
    assert step.kind == "review" and step.missing == ()
    # From the review the consulent corrects the toets: it was taken after all.
    intake.answer_question("lbt_status", "afgenomen")
    step = walk(intake, random.Random(8), asked, {"lbt_resultaat": "b1_haalbaar"})
    assert step.kind == "review" and step.missing == ()
    statuses = {t.id: t.status for t in step.topics}
    legal = [t.id for t in dialog.topics if t.required_by == "wet"]
    assert legal and all(statuses[t] == "done" for t in legal), statuses
    assert set(RECORD_FIELDS) <= asked, sorted(set(RECORD_FIELDS) - asked)
    assert set(RECORD_FIELDS) - {"lbt_reden_niet_afgenomen"} <= set(intake.record)
    step = intake.submit()
    assert step.kind == "proposal"
    # Every answer is in the log with its actor; sensitive ones too, but nowhere else.
    actors = {e.actor for e in intake.events() if e.kind in ("answered", "changed")}
    assert actors <= {"consulent", "inburgeraar"} and "consulent" in actors
