"""In a real terminal: the consulent takes a pre-intake over and gives a Tigrinya answer its Dutch
rendering with F4 (bad input refused in the prompt, Escape changes nothing), then `intake show --json`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.preintake.helpers import seed_pre_intake
from tests.ui.test_real_terminal import INTAKE, Tmux

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None,
                                 reason="tmux is installed by ./test (scripts/bootstrap)")]
TIGRINYA = "ኣብ ሕርሻ ክሰርሕ እየ ዝደሊ"
DUTCH = "Ik wil in de landbouw werken"


def _show(store, sid, env) -> dict:
    out = subprocess.run([str(INTAKE), "--store", str(store), "show", sid, "--json"], capture_output=True,
                         text=True, check=True, env={**os.environ, **env}).stdout
    return json.loads(out)


def test_f4_in_a_real_terminal(tmp_path):
    store = tmp_path / "dutch.sqlite3"
    sid = seed_pre_intake(store, "KXR7M4TD", answers={"werkwens": TIGRINYA}, stop_before="doel_over_drie_jaar")
    env = {"XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"], "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
           "INTAKE_STORE": str(store), "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("voorbereiding")
        tmux.keys("Enter")                           # open the pre-intake from the caseload
        tmux.wait_for("Ctrl+O: overnemen")
        tmux.keys("C-o")
        tmux.wait_for("U hebt de voorbereiding overgenomen")
        tmux.keys("F4")                              # a consulent question: nothing to render
        tmux.wait_for("Hier is geen Nederlandse weergave nodig")
        tmux.keys("C-r")
        tmux.wait_for("F4: Nederlandse weergave")
        tmux.keys("End", "Up")                       # the last answer is still open; werkwens is above it
        tmux.keys("Enter")                           # edit: werkwens in the chat
        tmux.wait_for("Werkwens · F4: Nederlandse weergave")
        tmux.keys("F4")
        tmux.wait_for("Typ de Nederlandse weergave")
        tmux.keys("Enter")                           # empty: refused in the prompt
        tmux.wait_for("De Nederlandse weergave is leeg")
        tmux.keys("Escape")                          # cancel: nothing stored
        tmux.wait_for("Werkwens · F4")
        assert "Typ de Nederlandse weergave" not in tmux.screen()
        assert "dutch" not in _show(store, sid, env)["answers"]["werkwens"]
        tmux.keys("F4")
        tmux.wait_for("Typ de Nederlandse weergave")
        tmux.keys(DUTCH, "Enter")
        tmux.wait_for("Nederlandse weergave bewaard:")  # the text wraps in 100 columns; checked below
        tmux.keys("F10")
        tmux.wait_for("Kies een intake")
    finally:
        tmux.kill_server()
    shown = _show(store, sid, env)
    assert shown["answers"]["werkwens"]["dutch"] == DUTCH and shown["answers"]["werkwens"]["value"] == TIGRINYA
    rendered = [(e["actor"], e["data"]) for e in shown["events"] if e["kind"] == "rendered"]
    assert rendered == [("consulent", {"question": "werkwens", "text": DUTCH})]
