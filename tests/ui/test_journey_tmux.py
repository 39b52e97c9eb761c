"""A whole intake in a real terminal (tmux), as a consulent does it, to a confirmed PIP (issue 10).

Persona: Samira, 22, asielstatushouder from Syria with a secondary-school
diploma, who wants to study pharmacy. The consulent answers every question
with the keys a person uses (arrows, Tab, Space, Enter, typing), opens the
overview halfway and goes back to the conversation, and at the end deviates
from the proposed route to the B1-route with a motivation. Afterwards the
store (through `intake show`, a separate process) holds the answers and the
decision. HOME, XDG dirs and the store are private to the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date

import pytest

from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from tests.ui.test_real_terminal import Tmux

INTAKE = __import__("pathlib").Path(sys.executable).with_name("intake")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None,
                                 reason="tmux is installed by ./test (scripts/bootstrap)")]

SAMIRA = {
    "voertaal": "ar", "tolk_aanwezig": True, "naam": "Samira", "doelgroep": "asielstatushouder",
    "inburgeringsplichtig": "ja",
    "geboortedatum": "12-03-2004", "datum_kennisgeving": "05-01-2026", "datum_inschrijving_brp": "12-01-2026",
    "bsn": "111222333", "land_herkomst": "Syrië", "lbt_status": "afgenomen", "lbt_resultaat": "b1_haalbaar",
    "lbt_behaalde_score": "55,00", "lbt_benodigde_score": "50,00", "onderwijs_jaren": "12",
    "hoogste_opleiding": "voortgezet", "opleiding_niet_afgemaakt": False, "diploma_in_bezit": True,
    "diploma_land": "Syrië",
    "diploma_waardering_aangevraagd": False, "huidige_opleiding": "geen", "werkervaring_jaren": "0",
    "cv": False, "gezondheid_beperking": "geen", "belastbaarheid_uren_per_week": "32",
    "zorg_hulp_nodig": False, "partner": "nee", "kinderen_leeftijden": "", "geletterdheid": "ander_schrift",
    "talen_gesproken": "Arabisch, Engels", "nederlands_niveau_nu": "a1", "engels": True,
    "computer_telefoon": "computer_en_telefoon", "digid": True, "email": True, "woning": "azc",
    "post_lezen": "met_hulp", "zelf_afspraken_maken": True, "vervoer": ["fiets"], "rijbewijs": False,
    "contacten_in_nl": "weinig", "bijstand": True, "schulden": False,
    "hulp_geldzaken": False, "bezigheden_nu": ["club", "cursus"], "wil_meedoen": True, "hoofddoel": "opleiding",
    "opleidingswens": "Farmacie studeren", "full_time_leren_mogelijk": True,
    "doel_over_drie_jaar": "Studeren aan de hogeschool",
}
MOTIVATION = "Samira wil eerst werken naast haar studie"
CARD = re.compile(r"(\d+)/(\d+) · ([^│┃▊▎▏▕]+?)\s*(?:[│┃▊▎▏▕]|$)")  # stops at a border or a widget edge


def card(screen: str) -> tuple[int, int, str] | None:
    for line in screen.splitlines():
        m = CARD.search(line)
        if m:
            return int(m.group(1)), int(m.group(2)), m.group(3).split(" · F4")[0].strip()  # not the F4 hint
    return None


def wait_until(tmux: Tmux, predicate, what: str, timeout: float = 20) -> str:
    """The screen once `predicate` holds and it stopped changing (a person reads, then types).

    Typing the moment the card changes loses keys (docs/ui-findings.md F3, issue 15 item 5);
    this journey is about the conversation, so it waits like a person does.
    """
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        shown = tmux.screen()
        if predicate(shown) and shown == last:
            return shown
        last = shown
        time.sleep(0.1)
    raise AssertionError(f"{what} did not appear; screen was:\n{tmux.screen()}")


def answer_keys(q, value) -> list[list[str]]:
    """The keys a person presses for this answer, as tmux send-keys argument lists."""
    if q.type == "info":
        return [["Enter"]]
    if q.type == "choice":
        return [["Down"]] * q.choice_ids.index(value) + [["Enter"]]
    if q.type == "yesno":
        return [["Enter"]] if value else [["Tab"], ["Enter"]]  # focus starts on Ja; Tab to Nee
    if q.type == "multichoice":
        keys = []
        at = 0
        for choice in value:
            keys += [["Down"]] * (q.choice_ids.index(choice) - at) + [["Space"]]
            at = q.choice_ids.index(choice)
        return [*keys, ["Tab"], ["Enter"]]  # Tab to Klaar
    return ([["-l", value]] if value else []) + [["Enter"]]


def answer(tmux: Tmux, q, value, label: str, now) -> str:
    """Press the keys for one answer as a person does; the screen once the next card (or the overview) shows.

    A person sees what they typed before pressing Enter: typing blind is what lost keys
    (docs/ui-findings.md F3), and that is the type-ahead tests' job, not the journeys'.
    """
    for k in answer_keys(q, value):
        tmux.keys(*k)
        if k[0] == "-l":
            wait_until(tmux, lambda s, typed=k[1]: typed in s.split(label, 1)[-1],
                       f"{k[1]!r} typed into {q.id}", timeout=5)
    return wait_until(tmux, lambda s: card(s) != now or "Overzicht:" in s, f"the question after {q.id}")


def confirm_proposal(tmux: Tmux, keys) -> None:
    """Fill the proposal (Tab between fields, ["-l", text] to type), Enter on the focused button, then F10."""
    for k in keys:
        tmux.keys(*k)
        if k[0] == "-l":
            wait_until(tmux, lambda s, typed=k[1]: typed[:30] in s, f"{k[1]!r} in its field")
        else:
            wait_until(tmux, lambda s: True, "a settled screen")
    tmux.keys("Enter")
    tmux.wait_for("Het PIP is bevestigd door de consulent.")
    tmux.keys("F10")
    tmux.wait_for("Gepauzeerd")


def intake_cli(store, env, *args) -> str:
    """As the same user as the app: the store's key is in that user's config folder (docs/privacy.md)."""
    return subprocess.run([str(INTAKE), "--lang", "nl", "--store", str(store), *args],
                          capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout


def test_samira_whole_intake_with_overview_visit_and_deviation_to_a_confirmed_pip(tmp_path):
    dialog = load_dialog()
    tr = translator("nl")
    by_label = {tr(q.msg("label")): q for t in dialog.topics for q in t.questions}
    store = tmp_path / "journey.sqlite3"
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "INTAKE_STORE": str(store),
           "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    if os.environ.get("PYTHONPATH"):  # the code under test, when it is not the installed checkout
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    tmux = Tmux(tmp_path)
    asked: list[str] = []
    visited_overview = False
    try:
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("Nieuwe intake")
        tmux.keys("n")
        shown = wait_until(tmux, card, "the first question")
        for _ in range(120):  # bounded: a refused answer must fail the test, not loop
            now = card(shown)
            if now is None:
                break
            n, total, label = now
            q = by_label[label]
            assert n <= total, f"counter {n}/{total} at {q.id}"
            if q.id == "onderwijs_jaren" and not visited_overview:  # halfway: a look at the overview
                visited_overview = True
                tmux.keys("C-r")
                tmux.wait_for("Overzicht:")
                tmux.keys("Escape")  # "Terug naar het gesprek"
                shown = wait_until(tmux, lambda s, label=label: (card(s) or (0, 0, ""))[2] == label
                                   and "Typ een getal" in s,
                                   f"question {label!r} with its number field again after the overview (F2)")
                continue
            asked.append(q.id)
            shown = answer(tmux, q, SAMIRA.get(q.id), label, now)
            assert "Deze vraag is verplicht" not in shown and "bestaat niet" not in shown, shown
        assert visited_overview, "the journey never reached the overview visit"
        tmux.wait_for("Overzicht:")
        tmux.wait_for("Verder naar het voorstel")
        tmux.keys("Tab")        # from the answers to the first button
        tmux.keys("Enter")      # Verder naar het voorstel
        tmux.wait_for("Voorstel voor het PIP")
        wait_until(tmux, lambda s: "Voorstel voor het PIP" in s, "the proposal")
        # The screen opens with no field focused: Tab to the date (kept), gemeentecode, leerroute,
        # niveau (kept), motivatie, then past "Akkoord" to "Afwijken met motivatie".
        confirm_proposal(tmux, (["Tab"], ["Tab"], ["-l", "0363"], ["Tab"], ["-l", "B"], ["Tab"], ["Tab"],
                                ["-l", MOTIVATION], ["Tab"], ["Tab"]))
    finally:
        tmux.kill_server()

    sid = intake_cli(store, env, "list").split()[0]
    shown = json.loads(intake_cli(store, env, "show", sid))
    assert shown["status"] == "confirmed"
    besluit = shown["decision"]["besluit"]
    assert besluit["akkoord"] is False and besluit["leerroute"] == "B"
    assert besluit["motivatie"] == MOTIVATION and besluit["gemeentecode"] == "0363"
    assert besluit["dagtekening_pip"] == date.today().isoformat()  # the proposed date, kept (Tab did not overwrite it)
    answers = shown["answers"]
    assert answers["geboortedatum"] == "2004-03-12" and answers["doelgroep"] == "asielstatushouder"
    assert answers["hoofddoel"] == "opleiding" and answers["opleidingswens"] == "Farmacie studeren"
    assert answers["bezigheden_nu"] == ["club", "cursus"] and answers["vervoer"] == ["fiets"]
    assert answers["diploma_in_bezit"] is True and answers["cv"] is False
    assert answers["voertaal"] == "ar" and shown["second_locale"] == "ar"
    for qid in asked:  # every choice, yes/no and multi-select answer as pressed
        if dialog.question(qid).type in ("choice", "yesno", "multichoice"):
            assert answers[qid] == SAMIRA[qid], qid
    kinds = [e["kind"] for e in shown["events"]]
    assert "decision" in kinds and kinds[-1] == "paused"
    moves = [e["data"].get("to") for e in shown["events"] if e["kind"] == "moved"]
    assert "review" in moves  # the overview visit halfway is in the log
