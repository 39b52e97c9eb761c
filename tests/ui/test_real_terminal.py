"""SIGKILL the app in a real terminal (tmux) mid-intake; starting again resumes exactly."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INTAKE = Path(sys.executable).with_name("intake")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None,
                                 reason="tmux is installed by ./test (scripts/bootstrap)")]


class Tmux:
    def __init__(self, tmp_path: Path) -> None:
        self.name = f"intake-{uuid.uuid4().hex[:8]}"
        self.socket = str(tmp_path / "tmux.sock")

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=False).stdout

    def start(self, command: str, env: dict) -> None:
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.run("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", f"exec env {exports} {command}")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear; screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def kill_server(self) -> None:
        self.run("kill-server")


def test_sigkill_mid_intake_then_resume_at_the_same_question(tmp_path):
    store = tmp_path / "real.sqlite3"
    env = {"INTAKE_STORE": str(store), "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "LANG": "C.UTF-8",
           "TERM": "xterm-256color"}
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("Nieuwe intake")
        tmux.keys("n")
        tmux.wait_for("· Welkom")
        tmux.keys("Enter")                      # acknowledge the welcome
        tmux.wait_for("· Uw taal")
        tmux.keys("Enter")                      # Nederlands
        tmux.wait_for("· Tolk aanwezig")
        tmux.keys("Enter")                      # Ja
        tmux.wait_for("· Uw gegevens")
        tmux.keys("Enter")
        tmux.wait_for("· Gesprek alleen")
        tmux.keys("Enter")
        tmux.wait_for("· Naam")
        tmux.keys("Amal", "Enter")
        tmux.wait_for("· Doelgroep")
        tmux.keys("Enter")                      # asielstatushouder
        tmux.wait_for("· Inburgeringsplicht")
        tmux.keys("Enter")                      # ja
        tmux.wait_for("· Geboortedatum")
        tmux.keys("12-03-1990", "Enter")
        # acknowledged (9 answered of 46): the next question is on screen
        tmux.wait_for("9/46 · Datum kennisgeving DUO")
        os.kill(tmux.pid(), signal.SIGKILL)
        time.sleep(0.3)
        tmux.kill_server()

        tmux = Tmux(tmp_path)
        tmux.start(f"{INTAKE} --lang nl", env)
        tmux.wait_for("bezig")                  # the killed intake is listed, still in progress
        tmux.keys("Enter")
        tmux.wait_for("9/46 · Datum kennisgeving DUO")  # the same question, nine answers kept
    finally:
        tmux.kill_server()
    same_user = {**os.environ, **env}  # the store's key is in this user's config folder (docs/privacy.md)
    listing = subprocess.run([str(INTAKE), "--lang", "nl", "--store", str(store), "list"],
                             capture_output=True, text=True, check=True, env=same_user).stdout
    sid = listing.split()[0]
    shown = json.loads(subprocess.run([str(INTAKE), "--lang", "nl", "--store", str(store), "show", sid],
                                      capture_output=True, text=True, check=True, env=same_user).stdout)
    answers = shown["answers"]
    assert answers["geboortedatum"] == "1990-03-12"
    assert answers["doelgroep"] == "asielstatushouder" and answers["inburgeringsplichtig"] == "ja"
    assert answers["voertaal"] == "nl" and answers["tolk_aanwezig"] is True and answers["naam"] == "Amal"
    assert shown["position"] == "datum_kennisgeving"
