"""A practice case in a real terminal (tmux), as a trainee does it (issue 13 acceptance).

From home the trainee presses o, picks the case, reads the story, and runs the
intake with the person's words in the side panel. Halfway the trainee pauses
(F10), goes back through the list (the case is 'bezig') and resumes on the same
question. At the end the trainee agrees with the proposal and sees the
feedback; Escape goes home. Afterwards (separate processes) the real caseload
is empty and `intake training report` has the score. HOME, XDG dirs and the
store are private to the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date

import pytest

from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from assistant.training.library import load_case
from tests.ui.driver import PREFER, TYPED
from tests.ui.test_journey_tmux import answer, card, intake_cli, wait_until
from tests.ui.test_real_terminal import Tmux

INTAKE = __import__("pathlib").Path(sys.executable).with_name("intake")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CASE_ID = "b1_route_werk"  # the first case in the list

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None,
                                 reason="tmux is installed by ./test (scripts/bootstrap)")]


def heard(q, case):
    """The answer the trainee makes of what the person says (the case's true answer), as keys take it."""
    value = case.answers.get(q.id)
    if q.type == "choice":
        return value if value in q.choice_ids else q.choice_ids[0]
    if q.type == "multichoice":
        return [v for v in (value or []) if v in q.choice_ids] or [q.choice_ids[0]]
    if q.type in ("yesno", "info"):
        return True if value is None else bool(value)
    if isinstance(value, str) and ISO_DATE.match(value):
        value = date.fromisoformat(value)
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if value is None:  # a question the case has no answer for: what any consulent would type
        return PREFER.get(q.id, TYPED.get(q.type, "Bakker"))
    return str(value)


def test_a_trainee_practises_a_case_from_home_pauses_resumes_decides_and_sees_the_feedback(tmp_path):
    dialog, tr, case = load_dialog(), translator("nl"), load_case(CASE_ID)
    by_label = {tr(q.msg("label")): q for t in dialog.topics for q in t.questions}
    store = tmp_path / "journey.sqlite3"
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "INTAKE_STORE": str(store),
           "LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "trainee1", "LOGNAME": "trainee1",
           # the tmux size: Textual believes COLUMNS, and a test run may have set it to 80
           "COLUMNS": "100", "LINES": "30"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    tmux = Tmux(tmp_path)
    paused = False
    try:
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("Oefenen")                      # the key is in the home footer
        tmux.keys("o")
        tmux.wait_for("Oefenen: kies een casus")
        tmux.keys("Escape")                           # back home, then in again
        tmux.wait_for("Nieuwe intake")
        tmux.keys("o")
        wait_until(tmux, lambda s: "Ahmed wil snel" in s, "the case list")
        tmux.keys("Enter")
        shown = wait_until(tmux, lambda s: "Ahmed is 34 jaar" in s, "the story")
        assert "OEFENING" in shown
        tmux.keys("Enter")
        shown = wait_until(tmux, card, "the first question")
        for _ in range(120):  # bounded: a refused answer must fail the test, not loop
            now = card(shown)
            if now is None:
                break
            _n, _total, label = now
            q = by_label.get(label)
            assert q is not None, f"no question card {label!r} on:\n{shown}"
            assert "OEFENING" in shown, shown
            assert any(w in shown for w in ("De persoon zegt", "Bij deze vraag", "In het dossier")), shown
            # words, never the answer id (a plain word may be in the question)
            assert "_" not in q.id or q.id not in shown
            if q.id == "onderwijs_jaren":
                assert "negen" in shown, shown  # "Ik ben negen jaar naar school gegaan."
                if not paused:  # halfway: pause, look at the list, resume on the same question
                    paused = True
                    tmux.keys("F10")
                    tmux.wait_for("Gepauzeerd")
                    tmux.keys("o")
                    wait_until(tmux, lambda s: "bezig" in s, "the case marked as in progress")
                    tmux.keys("Enter")
                    wait_until(tmux, lambda s: "Ahmed is 34 jaar" in s, "the story again")
                    tmux.keys("Enter")
                    shown = wait_until(tmux, lambda s, label=label: (card(s) or (0, 0, ""))[2] == label,
                                       "the same question")
                    continue
            shown = answer(tmux, q, heard(q, case), label, now)
            assert "Deze vraag is verplicht" not in shown and "bestaat niet" not in shown, shown
        assert paused, "the journey never reached the pause"
        tmux.wait_for("Overzicht:")
        tmux.wait_for("Verder naar het voorstel")
        tmux.keys("Tab")
        tmux.keys("Enter")                            # Verder naar het voorstel
        shown = wait_until(tmux, lambda s: "Voorstel voor het PIP" in s, "the proposal")
        assert "OEFENING" in shown
        # Tab to the date (kept), the gemeentecode; then past leerroute, niveau, motivatie to "Akkoord".
        for keys in (["Tab"], ["Tab"], ["-l", "0363"], ["Tab"], ["Tab"], ["Tab"], ["Tab"]):
            tmux.keys(*keys)
            wait_until(tmux, lambda s: True, "a settled screen")
        tmux.keys("Enter")
        shown = wait_until(tmux, lambda s: "Terugkoppeling op uw oefening" in s, "the feedback")
        assert "Score:" in shown and "OEFENING" in shown
        tmux.keys("Escape")
        tmux.wait_for("Nieuwe intake")
        tmux.keys("F10")
    finally:
        tmux.kill_server()

    assert intake_cli(store, env, "list").startswith("Er zijn nog geen intakes")  # practice is in no real list
    report = json.loads(intake_cli(store, env, "training", "report", "--json"))
    assert CASE_ID in json.dumps(report) and "trainee1" in json.dumps(report)
