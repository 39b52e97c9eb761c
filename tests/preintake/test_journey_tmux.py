"""In a real terminal: a Tigrinya speaker does the pre-intake alone to its end, then the consulent
takes it over in Dutch (opens it from home, Ctrl+O, Ctrl+K) and the event log shows who did what."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from assistant.dialog.loader import load_dialog
from assistant.i18n import translator
from assistant.ui import preintake_screens as pages
from tests.ui.test_journey_tmux import INTAKE, SAMIRA, answer_keys, card, intake_cli, wait_until
from tests.ui.test_real_terminal import Tmux

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is installed by ./test (scripts/bootstrap)")]
CODE = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}")


def test_tigrinya_alone_to_the_end_then_the_consulent_takes_over(tmp_path):
    dialog = load_dialog()
    ti = translator("ti")
    by_label = {ti(q.msg("label")): q for q in dialog.questions}
    answers = {**SAMIRA, "voertaal": "ti"}
    store = tmp_path / "journey.sqlite3"
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "INTAKE_STORE": str(store),
           "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    tmux = Tmux(tmp_path)
    asked = []
    try:
        tmux.start(f"{INTAKE} --lang ti pre-intake", env)
        for _ in range(3):  # new, consent yes, past the code
            wait_until(tmux, lambda s: "▔" in s, "a page with buttons")
            tmux.keys("Enter")
        shown = wait_until(tmux, card, "the first question")
        for _ in range(80):
            now = card(shown)
            if now is None:
                break
            n, total, label = now
            assert n <= total
            q = by_label[label]
            assert q.pre_intake, q.id
            asked.append(q.id)
            for k in answer_keys(q, answers.get(q.id)):
                tmux.keys(*k)
                if k[0] == "-l":
                    wait_until(tmux, lambda s, typed=k[1]: typed in s.split(label, 1)[-1], f"{k[1]!r} typed", timeout=5)
            shown = wait_until(tmux, lambda s, prev=now: card(s) != prev, f"the question after {q.id}")
        assert now is None or n == total
        shown = wait_until(tmux, lambda s: CODE.search(s) is not None, "the closing page")
        assert ti(pages.DONE[0])[:10] in shown
        assert CODE.search(shown), shown  # the closing page gives the code
        tmux.keys("Enter")  # close
        tmux.kill_server()

        (tmp_path / "c").mkdir()
        tmux = Tmux(tmp_path / "c")
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("klaar voor het gesprek")
        tmux.keys("Enter")  # open it
        tmux.wait_for("Overzicht:")
        tmux.keys("Escape")
        tmux.wait_for("Ctrl+O")
        tmux.keys("C-o")
        wait_until(tmux, lambda s: card(s) is not None and "overgenomen" in s, "a consulent question after the hand-over")
        tmux.keys("C-k")
        wait_until(tmux, lambda s: True, "a settled screen")
        tmux.keys("F10")
        tmux.wait_for("Gepauzeerd")
    finally:
        tmux.kill_server()

    sid = intake_cli(store, env, "list").split()[0]
    shown = json.loads(intake_cli(store, env, "show", sid, "--json"))
    assert shown["mode"] == "joint" and len(asked) > 30
    by_kind = {}
    for e in shown["events"]:
        by_kind.setdefault(e["kind"], set()).add(e["actor"])
    assert by_kind["answered"] == {"inburgeraar"} and by_kind["consent"] == {"inburgeraar"}
    assert by_kind["handover"] == {"consulent"}
    assert by_kind["confirmed"] == {"consulent"}  # Ctrl+K: the answers given alone in the current topic
    assert any(a["confirmed"] for a in shown["answers"].values())
    assert any(not a["confirmed"] for a in shown["answers"].values())  # other topics: not yet
    assert {a["by"] for a in shown["answers"].values()} == {"inburgeraar"}
    assert set(asked) <= set(shown["answers"]) | {q.id for q in dialog.questions if q.type == "info"}
