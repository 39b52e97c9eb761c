#!/usr/bin/env python3
"""Benchmark the chat as a person sees it: turn latency and memory in a real terminal (tmux).

Prints a table; asserts nothing.   .venv/bin/python scripts/bench_ui.py [--cycles 300] [--no-pilot]

What is measured:
- A *turn* is the time from the key that ends it (Enter on an answer, Ctrl+B for
  back) being sent with `tmux send-keys` until `tmux capture-pane` shows the
  expected next question card ("k/N · Label"). The pane is polled every few ms,
  so a figure includes tmux and terminal rendering, like what a person waits for.
- Typed text is sent first and the turn starts only once it is visible in the
  field (keys typed into a field that is not there yet are lost: docs/ui-findings.md F3).
- One full intake (persona Samira from tests/ui/test_journey_tmux.py); halfway,
  at `engels`, N answer/back cycles on `nederlands_niveau_nu` (Ctrl+B once, then
  Enter on the kept choice and Ctrl+B again), two turns per cycle; then the rest.
- Side by side, interleaved turn by turn in the same run: a minimal Textual chat
  (one Input, one RichLog, a card line; written below) doing the same kind of
  turns, so machine load hits both alike.
- RSS (VmRSS from /proc/PID/status) of both processes: at start, after the
  intake, and every 100 cycle turns; growth per 100 turns.
- Secondary: the old headless Pilot turn time (settle waits included, so it
  over-states a turn; kept only to compare with earlier notes).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINIMAL_CHAT = r'''
"""A minimal Textual chat: a card, a RichLog and one Input that stays mounted."""
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, RichLog, Static

class MinimalChat(App):
    BINDINGS = [Binding("ctrl+b", "back", "Back", priority=True)]
    def compose(self):
        yield RichLog(id="log")
        yield Static("", id="card")
        yield Input(value="antwoord", id="field")
    def on_mount(self):
        self.n = 1
        self.show()
        self.query_one(Input).focus()
    def show(self):
        self.query_one("#card", Static).update(f"{self.n}/999 · Vraag {self.n}")
        self.query_one(RichLog).write(f"Vraag {self.n}: wat is uw antwoord?")
    def on_input_submitted(self, event):
        self.query_one(RichLog).write(f"Antwoord: {event.value}")
        self.n += 1
        self.show()
    def action_back(self):
        self.n = max(1, self.n - 1)
        self.show()

MinimalChat().run()
'''


# -- tmux -----------------------------------------------------------------------------
class Pane:
    """One program in its own tmux server, 100×30."""

    def __init__(self, name: str, command: str, env: dict, sock_dir: str) -> None:
        self.name, self.sock = name, str(Path(sock_dir) / f"{name}.sock")
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self._tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", f"exec env {exports} {command}")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.sock, *args], capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid()}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def wait(self, predicate, timeout: float = 30, poll: float = 0.004) -> tuple[float, str]:
        """Seconds until `predicate(screen)` holds (from now), and that screen."""
        start = time.perf_counter()
        while True:
            shown = self.screen()
            if predicate(shown):
                return time.perf_counter() - start, shown
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{self.name}: screen did not show what was expected:\n{shown}")
            time.sleep(poll)

    def turn(self, keys: tuple[str, ...], predicate, timeout: float = 30) -> tuple[float, str]:
        """Send the key(s) that end a turn; seconds until the expected screen is visible."""
        start = time.perf_counter()
        self.keys(*keys)
        _, shown = self.wait(predicate, timeout)
        return time.perf_counter() - start, shown

    def close(self) -> None:
        self._tmux("kill-server")


def has_card(label: str):
    from tests.ui.test_journey_tmux import card

    return lambda s: (card(s) or (0, 0, ""))[2] == label


# -- runs ------------------------------------------------------------------------------
def full_intake(app: Pane, mini: Pane, dialog, tr, pause_at: str, pause) -> tuple[list, list, list]:
    """The persona's intake to the overview; a minimal-chat turn after each app turn.

    When the card first shows `pause_at`, `pause()` runs (the answer/back cycles) before the intake goes on.
    """
    from tests.ui.test_journey_tmux import SAMIRA, answer_keys, card

    by_label = {tr(q.msg("label")): q for t in dialog.topics for q in t.questions}
    app_turns, mini_turns, lost = [], [], []
    _, shown = app.wait(lambda s: card(s) is not None)
    n_mini = 1
    for _ in range(150):
        now = card(shown)
        if now is None:
            break
        q = by_label[now[2]]
        if now[2] == pause_at and pause is not None:
            pause()
            pause = None
        keys = answer_keys(q, SAMIRA.get(q.id))
        for k in keys[:-1]:
            app.keys(*k)
            if k[0] == "-l":
                seen = lambda s, typed=k[1], lab=now[2]: typed in s.split(lab, 1)[-1]  # noqa: E731
                try:
                    app.wait(seen, timeout=2)
                except TimeoutError:  # typed as soon as the question showed, and lost (docs/ui-findings.md F3)
                    lost.append(q.id)
                    app.keys("C-u")
                    app.keys(*k)
                    app.wait(seen, timeout=10)
        if keys[:-1] and keys[-2][0] != "-l":
            time.sleep(0.05)  # arrows/space/Tab before the final key: let them land, not part of the turn
        seconds, shown = app.turn(tuple(keys[-1]), lambda s, prev=now: (card(s) != prev and card(s) is not None)
                                  or "Overzicht:" in s)
        app_turns.append((seconds, f"answer {q.id}"))
        n_mini += 1
        mini_turns.append((mini.turn(("Enter",), has_card(f"Vraag {n_mini}"))[0], "answer"))
    return app_turns, mini_turns, lost


def cycles(app: Pane, mini: Pane, n: int, label_x: str, label_y: str, rss: dict) -> tuple[list, list]:
    """Answer (Enter on the kept answer) and back (Ctrl+B), n times, interleaved with the minimal chat."""
    app_turns, mini_turns = [], []
    mini_n = int(_mini_number(mini))
    for i in range(n):
        app_turns.append((app.turn(("Enter",), has_card(label_y))[0], "answer"))
        mini_turns.append((mini.turn(("Enter",), has_card(f"Vraag {mini_n + 1}"))[0], "answer"))
        app_turns.append((app.turn(("C-b",), has_card(label_x))[0], "back"))
        mini_turns.append((mini.turn(("C-b",), has_card(f"Vraag {mini_n}"))[0], "back"))
        turns = 2 * (i + 1)
        if turns % 100 == 0:
            rss["app"].append((turns, app.rss_mb()))
            rss["mini"].append((turns, mini.rss_mb()))
    return app_turns, mini_turns


def _mini_number(mini: Pane) -> str:
    from tests.ui.test_journey_tmux import card

    return str(card(mini.screen())[0])


# -- reporting -----------------------------------------------------------------------
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def row(name: str, turns: list) -> str:
    ms = [t * 1000 for t, _ in turns]
    if not ms:
        return f"  {name:<34} (no turns)"
    return (f"  {name:<34} {len(ms):>5} {statistics.median(ms):>8.0f} {pct(ms, 95):>8.0f} {max(ms):>8.0f}")


def growth(points: list) -> str:
    if len(points) < 2:
        return "-"
    (t0, r0), (t1, r1) = points[0], points[-1]
    return f"{(r1 - r0) / (t1 - t0) * 100:+.1f} MB"


# -- secondary: Pilot ----------------------------------------------------------------
async def pilot_turns(turns: int) -> list[float]:
    from assistant.dialog.loader import load_file
    from assistant.ui.app import IntakeApp
    from tests.ui.driver import start_new_until

    dialog = load_file(ROOT / "tests" / "fixtures" / "dialogs" / "mini.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        app = IntakeApp(Path(tmp) / "bench.sqlite3", "nl", dialog=dialog)
        times = []
        async with app.run_test(size=(100, 30)) as pilot:
            await start_new_until(app, pilot, "opmerking", {"voertaal": "nl"})
            for i in range(turns):
                chat = app.screen
                chat.show(app.intake.goto("opmerking"))
                await pilot.pause()
                field = chat.query("Input").last()
                field.value = f"antwoord {i}"
                field.focus()
                start = time.perf_counter()
                await pilot.press("enter")
                await pilot.pause()
                times.append(time.perf_counter() - start)
        return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=300, help="answer/back cycles (two turns each)")
    parser.add_argument("--pilot-turns", type=int, default=20)
    parser.add_argument("--no-pilot", action="store_true")
    args = parser.parse_args()

    from assistant.dialog.loader import load_dialog
    from assistant.i18n import translator

    dialog, tr = load_dialog(), translator("nl")
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "assistant"], capture_output=True,
                           text=True).stdout.strip()
    commit = commit or os.environ.get("BENCH_COMMIT", "unknown (not a git checkout)")
    print(f"bench_ui: commit {commit[:70]}{' (+ uncommitted changes in assistant/)' if dirty else ''}")
    print(f"          {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; tmux 100×30; "
          f"python {sys.version.split()[0]}")

    python = sys.executable
    intake = str(Path(python).with_name("intake"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {"HOME": f"{tmp}/home", "XDG_CONFIG_HOME": f"{tmp}/cfg", "XDG_DATA_HOME": f"{tmp}/data",
               "INTAKE_STORE": f"{tmp}/bench.sqlite3", "LANG": "C.UTF-8", "TERM": "xterm-256color"}
        if os.environ.get("PYTHONPATH"):  # measure that code, not the installed checkout
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        Path(f"{tmp}/minimal_chat.py").write_text(MINIMAL_CHAT)
        app = Pane("app", f"{intake} --lang nl", env, tmp)
        mini = Pane("mini", f"{python} {tmp}/minimal_chat.py", env, tmp)
        try:
            app.wait(lambda s: "Nieuwe intake" in s)
            mini.wait(has_card("Vraag 1"))
            rss = {"app": [], "mini": []}
            start_rss = {"app": app.rss_mb(), "mini": mini.rss_mb()}
            x, y = dialog.question("nederlands_niveau_nu"), dialog.question("engels")
            lx, ly = tr(x.msg("label")), tr(y.msg("label"))
            cyc: dict = {}

            def run_cycles() -> None:
                """At `engels` (after `nederlands_niveau_nu` was answered): Ctrl+B, then answer/back cycles."""
                app.turn(("C-b",), has_card(lx))
                rss["app"].append((0, app.rss_mb()))
                rss["mini"].append((0, mini.rss_mb()))
                cyc["app"], cyc["mini"] = cycles(app, mini, args.cycles, lx, ly, rss)

            app.keys("n")
            intake_app, intake_mini, lost = full_intake(app, mini, dialog, tr, ly, run_cycles)
            after_intake = {"app": app.rss_mb(), "mini": mini.rss_mb()}
            cyc_app, cyc_mini = cyc["app"], cyc["mini"]
        finally:
            app.close()
            mini.close()

    print()
    print(f"  {'turn latency (ms)':<34} {'n':>5} {'p50':>8} {'p95':>8} {'max':>8}")
    print(row("intake: full intake", intake_app))
    print(row("minimal chat: same turns", intake_mini))
    print(row(f"intake: {args.cycles} cycles, answer", [t for t in cyc_app if t[1] == "answer"]))
    print(row(f"intake: {args.cycles} cycles, back", [t for t in cyc_app if t[1] == "back"]))
    print(row(f"minimal chat: {args.cycles} cycles, answer", [t for t in cyc_mini if t[1] == "answer"]))
    print(row(f"minimal chat: {args.cycles} cycles, back", [t for t in cyc_mini if t[1] == "back"]))
    slowest = max(intake_app + cyc_app)
    print(f"  slowest intake turn: {slowest[0] * 1000:.0f} ms ({slowest[1]})")
    print(f"  answers typed as soon as the question showed and lost (retyped): {len(lost)} of "
          f"{sum(1 for _, what in intake_app if what.startswith('answer'))} turns {lost}")
    print()
    print(f"  {'RSS (MB)':<34} {'start':>7} {'cycles 0':>9} {'cycles end':>11} {'intake end':>11} "
          f"{'per 100 cycle turns':>20}")
    for who in ("app", "mini"):
        name = "intake" if who == "app" else "minimal chat"
        print(f"  {name:<34} {start_rss[who]:>7.1f} {rss[who][0][1]:>9.1f} {rss[who][-1][1]:>11.1f} "
              f"{after_intake[who]:>11.1f} {growth(rss[who]):>20}")
    print("  RSS during cycles (turns: MB): intake " + ", ".join(f"{t}: {r:.0f}" for t, r in rss["app"])
          + " | minimal " + ", ".join(f"{t}: {r:.0f}" for t, r in rss["mini"]))
    if not args.no_pilot:
        ms = [t * 1000 for t in asyncio.run(pilot_turns(args.pilot_turns))]
        print(f"\n  secondary (headless Pilot, settle waits included): p50 {statistics.median(ms):.0f} ms, "
              f"p95 {pct(ms, 95):.0f} ms (n={len(ms)})")


if __name__ == "__main__":
    main()
