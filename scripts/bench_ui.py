#!/usr/bin/env python3
"""Benchmark the chat UI: turn time at 50 and 1,000 messages, and start-up in a real terminal.

Prints figures; asserts nothing.  .venv/bin/python scripts/bench_ui.py [--turns 40]

1. Turn time: in a headless Textual app (Pilot), the time from Enter on an
   answer to the next question being rendered, with a transcript that already
   holds 50 and 1,000 messages. Terminal I/O is not included here.
2. Start-up: in tmux (100×30), the time from launching the process to the
   first screen being visible, for `intake` (home screen, then the first
   question after `n`) and for a minimal Textual app, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("MINIMAL READY")
Minimal().run()
"""


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def turn_times(prefill: int, turns: int) -> list[float]:
    from assistant.dialog.loader import load_file
    from assistant.ui.app import IntakeApp
    from assistant.ui.inputs import AnswerInput
    from tests.ui.driver import start_new_until

    dialog = load_file(ROOT / "tests" / "fixtures" / "dialogs" / "mini.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        app = IntakeApp(Path(tmp) / "bench.sqlite3", "nl", dialog=dialog)
        times = []
        async with app.run_test(size=(100, 30)) as pilot:
            await start_new_until(app, pilot, "opmerking", {"voertaal": "nl"})
            log = app.screen.query_one("#transcript")
            for i in range(prefill):
                log.person("Inburgeraar", f"bericht {i}: " + "tekst " * 8)
            await pilot.pause()
            for i in range(turns):
                chat = app.screen
                chat.show(app.intake.goto("opmerking"))
                await pilot.pause()
                field = chat.query(AnswerInput).last().query_one("Input")
                field.value = f"antwoord {i}"
                field.focus()
                start = time.perf_counter()
                await pilot.press("enter")
                await pilot.pause()
                assert chat.step.question.id == "bsn"
                times.append(time.perf_counter() - start)
            lines = len(log.lines)
        print(f"  transcript lines at the end: {lines}")
        return times


def _tmux(sock: str, *args: str) -> str:
    return subprocess.run(["tmux", "-S", sock, *args], capture_output=True, text=True).stdout


def _seconds_until(sock: str, name: str, text: str, since: float) -> float | None:
    """Poll the pane every 5 ms until `text` shows; seconds since `since`, or None after 30 s."""
    while time.perf_counter() - since < 30:
        if text in _tmux(sock, "capture-pane", "-p", "-t", name):
            return time.perf_counter() - since
        time.sleep(0.005)
    return None


def tmux_time(command: str, ready: str, then_keys: str | None = None, then_ready: str | None = None):
    sock, name = tempfile.mktemp(prefix="bench-tmux-"), "bench"
    start = time.perf_counter()
    subprocess.run(["tmux", "-S", sock, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command], check=True)
    second = None
    try:
        first = _seconds_until(sock, name, ready, start)
        if then_keys and first is not None:
            t0 = time.perf_counter()
            _tmux(sock, "send-keys", "-t", name, then_keys)
            second = _seconds_until(sock, name, then_ready, t0)
    finally:
        _tmux(sock, "kill-server")
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args()

    print("Turn time, Enter → next question rendered (headless Pilot, 100×30):")
    results = {}
    for prefill in (50, 1000):
        ms = [t * 1000 for t in asyncio.run(turn_times(prefill, args.turns))]
        results[prefill] = ms
        print(f"  {prefill:>5} messages: p50 {statistics.median(ms):6.1f} ms   p95 {pct(ms, 95):6.1f} ms   (n={len(ms)})")
    ratio = pct(results[1000], 95) / pct(results[50], 95)
    print(f"  p95 ratio 1,000 / 50 messages: {ratio:.2f} (target ≤ 1.5)")

    python = sys.executable
    intake = str(Path(python).with_name("intake"))
    print(f"Start-up in tmux (100×30), median of {args.starts}:")
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL_APP)
        mins, homes, firsts = [], [], []
        for i in range(args.starts):
            m, _ = tmux_time(f"{python} {minimal}", "MINIMAL READY")
            h, q = tmux_time(f"env INTAKE_STORE={tmp}/s{i}.sqlite3 {intake} --lang nl", "Nieuwe intake", "n", "· Welkom")
            mins.append(m)
            homes.append(h)
            firsts.append(h + q if h is not None and q is not None else None)
    med = lambda xs: statistics.median([x for x in xs if x is not None]) * 1000  # noqa: E731
    print(f"  minimal Textual app:        {med(mins):7.0f} ms")
    print(f"  intake, home screen:        {med(homes):7.0f} ms   ratio {med(homes) / med(mins):.2f} (target ≤ 1.3)")
    print(f"  intake, first question (n): {med(firsts):7.0f} ms")


if __name__ == "__main__":
    main()
