"""Issue 12's acceptance journey, in a real terminal (tmux), with the keys people press.

A Tigrinya speaker does the pre-intake alone (`--lang ti`): a wrong code and
Escape on the pages first, then new, consent, the code; halfway a pause (F10)
and a resume with the code; then to the closing page, which gives the code.
The consulent starts the app in Dutch, opens that intake from the caseload
("klaar voor het gesprek"), lands on the overview where every answer is
"given alone, not yet confirmed", takes it over there (Ctrl+O, twice), confirms
two topics (Ctrl+K), goes back (Ctrl+B) to one answer given alone and corrects
it, answers the consulent questions, and confirms the PIP. Afterwards
`intake show ID --json` (a separate process) says who did each step.

Answers come from a table by question id, else by type: a question that is
not in the dialog (merged away) is simply never met.
"""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from assistant.ui.screens import pages
from tests.ui.test_journey_tmux import INTAKE, SAMIRA, answer, card, confirm_proposal, intake_cli, wait_until
from tests.ui.test_real_terminal import Tmux

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None,
                                 reason="tmux is installed by ./test (scripts/bootstrap)")]
CODE = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}")
BY_TYPE = {"text": "Asmara", "number": "3", "date": "12-03-2004", "list": "", "yesno": True, "info": None}
ALONE_MARK = "alleen gegeven, nog niet bevestigd"
CORRECTED = {"text": "Eritrea, Asmara"}  # the consulent's correction of a typed answer
PAUSE_AFTER = 8  # answers given before the pause and the resume with the code


def value_for(q, answers: dict):
    """The table's answer when it fits this question, else one by its type."""
    value = answers.get(q.id)
    if q.type == "choice":
        return value if value in q.choice_ids else q.choice_ids[0]
    if q.type == "multichoice":
        return value if value and set(value) <= set(q.choice_ids) else q.choice_ids[:1]
    return value if q.id in answers else BY_TYPE[q.type]


def footer(screen: str) -> str:
    return screen.rstrip("\n").splitlines()[-1]


def marks_on(screen: str, by_label: dict, given_alone: set) -> dict[str, bool]:
    """The overview's rows on screen of answers given alone: does each say "not yet confirmed"?"""
    marked = {}
    for line in screen.splitlines():
        row = next((q for lbl, q in by_label.items() if f"  {lbl}: " in line), None)
        if row is None or row.id not in given_alone:
            continue
        edge = line.rfind("▎")  # the list's right border; before it the scroll bar
        if edge - len(line[:edge].rstrip(" ▁▂▃▄▅▆▇█")) > 5:  # a row cut off at the edge cannot tell
            marked[row.id] = ALONE_MARK in line
    return marked


def env_for(tmp_path, store) -> dict:
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "INTAKE_STORE": str(store),
           "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def alone_in_tigrinya(tmp_path, env, dialog) -> tuple[list[str], str]:
    """The pre-intake to its closing page, with a pause and a resume; returns the ids asked and the code."""
    ti = translator("ti")
    by_label = {ti(q.msg("label")): q for q in dialog.questions}
    answers = {**SAMIRA, "voertaal": "ti"}
    asked: list[str] = []
    tmux = Tmux(tmp_path / "alone")
    try:
        tmux.start(f"{INTAKE} --lang ti pre-intake", env)
        welcome = ti(pages.WELCOME[0])
        wait_until(tmux, lambda s: welcome in s, "the welcome page")
        tmux.keys("Escape")  # --lang given: nothing to go back to; the welcome stays
        tmux.keys("Tab", "Enter")  # "continue with my code", without one
        wait_until(tmux, lambda s: ti(pages.CODE_ASK) in s, "the code field")
        tmux.keys("-l", "AAAA-AAAA")
        tmux.keys("Enter")
        wait_until(tmux, lambda s: ti(pages.CODE_WRONG) in s, "the wrong code refused in Tigrinya")
        tmux.keys("Escape")  # back to the welcome: no dead end
        wait_until(tmux, lambda s: welcome in s and ti(pages.CODE_WRONG) not in s, "the welcome again")
        tmux.keys("Enter")  # new
        wait_until(tmux, lambda s: ti(pages.CONSENT[0]) in s, "the consent page")
        tmux.keys("Escape")  # not yet: back, nothing stored
        wait_until(tmux, lambda s: welcome in s, "the welcome after Escape on consent")
        tmux.keys("Enter")
        wait_until(tmux, lambda s: ti(pages.CONSENT[0]) in s, "the consent page again")
        tmux.keys("Enter")  # yes
        shown = wait_until(tmux, lambda s: CODE.search(s) is not None, "the code")
        code = CODE.search(shown).group(0)
        tmux.keys("Escape")  # the code stays on screen until "next"
        tmux.keys("Enter")
        shown = wait_until(tmux, card, "the first question")
        paused = False
        for _ in range(80):
            now = card(shown)
            if now is None:
                break
            n, total, label = now
            assert n <= total, f"counter {n}/{total}"
            q = by_label[label]
            assert q.pre_intake, q.id
            if len(asked) == PAUSE_AFTER and not paused:  # a pause, then on again with the code
                paused = True
                tmux.keys("F10")
                shown = wait_until(tmux, lambda s: ti(pages.PAUSED) in s, "the pause page")
                assert code in shown  # the code again at the pause
                tmux.keys("Enter")  # close: the program ends, and with it the terminal
                wait_until(tmux, lambda s: s == "", "the program ended")
                tmux.kill_server()
                tmux = Tmux(tmp_path / "resume")
                tmux.start(f"{INTAKE} --lang ti pre-intake", env)
                wait_until(tmux, lambda s: welcome in s, "the welcome after the pause")
                tmux.keys("Tab", "Enter")
                wait_until(tmux, lambda s: ti(pages.CODE_ASK) in s, "the code field")
                tmux.keys("-l", code.lower().replace("-", " "))  # as someone types it back
                tmux.keys("Enter")
                shown = wait_until(tmux, lambda s: card(s) is not None, "the question after the resume")
                assert card(shown) == now, (card(shown), now)  # the same question, the same count
                continue
            asked.append(q.id)
            shown = answer(tmux, q, value_for(q, answers), label, now)
        assert paused and (now is None or n == total)
        shown = wait_until(tmux, lambda s: ti(pages.DONE[0]) in s, "the closing page")
        assert code in shown  # the closing page gives the code
        tmux.keys("Enter")  # close
        wait_until(tmux, lambda s: s == "", "the program ended")
    finally:
        tmux.kill_server()
    return asked, code


def test_tigrinya_alone_then_the_consulent_takes_over_confirms_corrects_and_confirms_the_pip(tmp_path):
    dialog = load_dialog()
    store = tmp_path / "journey.sqlite3"
    for part in ("alone", "resume", "consulent"):
        (tmp_path / part).mkdir()
    env = env_for(tmp_path, store)
    asked, _code = alone_in_tigrinya(tmp_path, env, dialog)
    sid = intake_cli(store, env, "list").split()[0]
    by_store = json.loads(intake_cli(store, env, "show", sid, "--json"))["answers"]
    given_alone = {qid for qid, a in by_store.items()
                   if a["by"] == "inburgeraar" and dialog.question(qid).type != "info"}
    typed = {qid for qid in asked if dialog.question(qid).type != "info"}
    assert typed <= given_alone and given_alone - typed == {"voertaal"}  # the language page answered it
    alone_topics = {dialog.question(qid).topic for qid in given_alone}

    nl = translator("nl")
    by_label = {nl(q.msg("label")): q for q in dialog.questions}
    confirmed_topics: list[str] = []
    corrected: dict[str, str] = {}
    said_nothing_to_confirm = False
    after_handover: list[str] = []
    tmux = Tmux(tmp_path / "consulent")
    try:
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("klaar voor het gesprek")
        tmux.keys("Enter")  # open it
        shown = wait_until(tmux, lambda s: "Overzicht:" in s, "the overview of the pre-intake")
        marked = marks_on(shown, by_label, given_alone)
        assert marked and all(marked.values()), shown  # every answer: given alone, not yet confirmed
        assert "Voorbereiding overnemen" in footer(shown)  # Ctrl+O works here, and the footer says so
        tmux.keys("C-o")
        shown = wait_until(tmux, lambda s: card(s) is not None and "overgenomen" in s, "a question after the hand-over")
        assert by_label[card(shown)[2]].who == "consulent"
        assert "Voorbereiding overnemen" not in footer(shown) and "Onderwerp bevestigen" in footer(shown)
        before = card(shown)
        tmux.keys("C-o")  # twice: nothing more to take over, the same question
        shown = wait_until(tmux, lambda s: True, "a settled screen")
        assert card(shown) == before and "geen voorbereiding" not in shown
        for _ in range(80):
            now = card(shown)
            if now is None:
                break
            label = now[2]
            q = by_label[label]
            if q.topic in alone_topics and q.topic not in confirmed_topics and len(confirmed_topics) < 2:
                seen = shown.count("Bevestigd:")
                tmux.keys("C-k")  # the whole topic at once
                shown = wait_until(tmux, lambda s, seen=seen: s.count("Bevestigd:") > seen,
                                   f"topic {q.topic} confirmed")
                confirmed_topics.append(q.topic)
            elif q.topic not in alone_topics and not said_nothing_to_confirm:
                tmux.keys("C-k")  # nothing given alone here: said, not silently ignored
                shown = wait_until(tmux, lambda s: "niets te bevestigen" in s, "the nothing-to-confirm message")
                said_nothing_to_confirm = True
            elif (len(confirmed_topics) == 2 and not corrected and q.topic in alone_topics
                  and q.topic not in confirmed_topics):
                for _back in range(8):  # back to an answer given alone, in a topic not confirmed
                    tmux.keys("C-b")
                    shown = wait_until(tmux, lambda s, prev=now: card(s) != prev, "the question before")
                    now = card(shown)
                    prior = by_label[now[2]]
                    if prior.id in given_alone and prior.type in CORRECTED and prior.topic not in confirmed_topics:
                        break
                else:
                    raise AssertionError("no answer given alone to correct before " + q.id)
                assert ALONE_MARK in shown  # the chat says it was given alone, not yet confirmed
                corrected[prior.id] = CORRECTED[prior.type]
                tmux.keys("End", "C-u")  # clear what the inburgeraar typed
                wait_until(tmux, lambda s: True, "the cleared field")
                shown = answer(tmux, prior, CORRECTED[prior.type], now[2], now)
                continue
            after_handover.append(q.id)
            assert q.id not in given_alone, f"{q.id} asked twice"
            shown = answer(tmux, q, value_for(q, SAMIRA), label, now)
            assert "Deze vraag is verplicht" not in shown and "bestaat niet" not in shown, shown
        assert len(confirmed_topics) == 2 and corrected and said_nothing_to_confirm
        shown = wait_until(tmux, lambda s: "Verder naar het voorstel" in s, "the overview at the end")
        marked = marks_on(shown, by_label, given_alone)
        assert marked == dict.fromkeys(marked, False), marked  # the top: the two topics confirmed
        tmux.keys("End")  # the last answers: not confirmed, not corrected
        shown = wait_until(tmux, lambda s: marks_on(s, by_label, given_alone).keys() - marked.keys(), "the end")
        marked = marks_on(shown, by_label, given_alone)
        expected = {qid: dialog.question(qid).topic not in confirmed_topics and qid not in corrected for qid in marked}
        assert marked == expected and any(marked.values()), (marked, shown)
        (fixed, value), = corrected.items()
        tmux.keys("Home")  # down to the corrected answer: the new value, no mark
        for _ in range(8):
            shown = wait_until(tmux, lambda s: True, "a settled overview")
            if fixed in marks_on(shown, by_label, given_alone):
                break
            tmux.keys("PageDown")
        assert marks_on(shown, by_label, given_alone)[fixed] is False and value in shown, shown
        tmux.keys("Tab")
        tmux.keys("Enter")  # Verder naar het voorstel
        wait_until(tmux, lambda s: "Voorstel voor het PIP" in s, "the proposal")
        # no field focused: Tab to the date (kept), the gemeentecode, leerroute, niveau, motivatie, "Akkoord"
        confirm_proposal(tmux, (["Tab"], ["Tab"], ["-l", "0363"], ["Tab"], ["Tab"], ["Tab"], ["Tab"]))
    finally:
        tmux.kill_server()

    sid = intake_cli(store, env, "list").split()[0]
    shown = json.loads(intake_cli(store, env, "show", sid, "--json"))
    assert shown["mode"] == "joint" and shown["status"] == "confirmed"
    events = shown["events"]
    opened = next(i for i, e in enumerate(events) if e["actor"] != "inburgeraar")  # the consulent opens it
    alone, meeting = events[:opened], events[opened:]
    kinds = [e["kind"] for e in alone]
    assert kinds[:3] == ["created", "consent", "resume_code"] and alone[1]["data"] == {"given": True}
    assert kinds.count("paused") == 2 and kinds.count("resumed") == 1  # the pause and the resume with the code
    assert {e["data"]["question"] for e in alone if e["kind"] == "answered"} >= given_alone
    assert [e["kind"] for e in meeting[:2]] == ["resumed", "handover"]
    assert [e["kind"] for e in events].count("handover") == 1  # Ctrl+O twice: one hand-over
    for e in meeting:  # the consulent's, but for what the inburgeraar says in the meeting (the health questions)
        answered_by_them = e["kind"] == "answered" and dialog.question(e["data"]["question"]).who == "inburgeraar"
        assert e["actor"] == ("inburgeraar" if answered_by_them else "consulent"), e
    confirms = [e["data"]["questions"] for e in meeting if e["kind"] == "confirmed"]
    assert [{dialog.question(q).topic for q in c} for c in confirms] == [{t} for t in confirmed_topics]
    changes = [(e["data"]["question"], e["data"]["new"]) for e in meeting if e["kind"] == "changed"]
    assert changes == list(corrected.items())
    assert [e["kind"] for e in meeting].count("decision") == 1
    answers = shown["answers"]
    for qid in given_alone:
        a = answers[qid]
        if qid in corrected:
            assert a == {"value": corrected[qid], "by": "consulent", "confirmed": True, "origin": "corrected"}, (qid, a)
        elif dialog.question(qid).topic in confirmed_topics:
            assert a["by"] == "inburgeraar" and a["confirmed"] is True, (qid, a)
        else:
            assert a["by"] == "inburgeraar" and a["confirmed"] is False, (qid, a)
    for qid in after_handover:
        if dialog.question(qid).type != "info":
            assert answers[qid]["confirmed"] is True, qid
            if dialog.question(qid).who == "consulent":
                assert answers[qid]["by"] == "consulent", qid
    assert not set(after_handover) & given_alone  # nothing asked twice
