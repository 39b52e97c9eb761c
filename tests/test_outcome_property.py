"""Property: every complete intake yields a proposal; every confirmed PIP passes DUO's checks."""

import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.dialog.loader import load_dialog
from assistant.duo.pip_export import validate_pip_body
from assistant.engine.session import Intake
from assistant.i18n import translator
from assistant.outcome.compute import DecisionInvalid, compute
from assistant.store.sqlite import Store
from tests.helpers.answers import sample_input

TODAY = date(2026, 3, 2)
STATUSES = {"voorstel", "consulent_beslist", "wacht_op_lbt", "onvolledig", "geen_plicht", "plicht_onbekend"}


def complete_intake(seed: int, prefer: dict) -> dict:
    store = Store(":memory:")
    intake = Intake.start(store, load_dialog(), today=lambda: TODAY)
    rng = random.Random(seed)
    step = intake.step()
    while step.kind == "question":
        step = intake.answer(sample_input(step.question, rng, prefer))
        assert step.error is None
    assert step.kind == "review" and step.missing == ()
    record = dict(intake.record)
    intake.close()
    store.close()
    return record


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), plicht=st.sampled_from(["ja", "ja", "ja", "onbekend", "nee_vrijstelling"]),
       lbt=st.sampled_from(["afgenomen", "afgenomen", "gepland", "niet_afgenomen"]),
       route=st.sampled_from(["B", "O", "Z"]), level=st.sampled_from(["A2", "B1"]))
def test_complete_intakes_yield_a_proposal_and_valid_pips(seed, plicht, lbt, route, level):
    record = complete_intake(seed, {"inburgeringsplichtig": plicht, "lbt_status": lbt})
    outcome = compute(record, TODAY)
    assert outcome.proposal.to_json(translator("nl"))["status"] in STATUSES
    besluit = {"akkoord": False, "leerroute": route, "niveau": level, "motivatie": "Eigen afweging van de consulent.",
               "dagtekening_pip": TODAY.isoformat(), "gemeentecode": "0363"}
    if outcome.proposal.leerroute:
        besluit = {"akkoord": True, "dagtekening_pip": TODAY.isoformat(), "gemeentecode": "0363"}
    try:
        confirmed = compute(record, TODAY, besluit)
    except DecisionInvalid as exc:  # refused, with a message: never a broken PIP
        assert exc.msg.msgid and exc.field
        assert not outcome.proposal.leerroute or exc.field != "pip_duo"
        return
    assert confirmed.pip_body is not None
    assert validate_pip_body(confirmed.pip_body, doelgroep=record.get("doelgroep")) == []
    pip = confirmed.pip_body["pip"]
    assert not (pip["leerroute"] == "O" and pip.get("niveau") == "A2")
    assert not (pip["leerroute"] == "Z" and pip.get("niveau") == "B1")
    assert not (pip["leerroute"] == "B" and pip.get("niveau") == "A2")  # first PIP

