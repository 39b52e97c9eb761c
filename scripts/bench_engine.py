#!/usr/bin/env python3
"""Benchmark: replay throughput, the engine's time per answer, and a headless start.

Prints figures; asserts nothing (speed is measured here, not in timed tests).
    .venv/bin/python scripts/bench_engine.py [--cases 1000] [--starts 10]

Each figure is given as wall-clock time and as CPU time of this process
(`time.process_time`): on a shared machine the wall clock also counts the time
other processes had the CPU, the CPU time does not. The load average is
printed so the two can be read side by side.

What "engine per answer" measures: one `Intake.answer(raw)` call with typed
input, as the chat makes it — cleaning and validating the text, the commit of
the event to the store, the fold into the session state and the incremental
tracker, the phase machine, and the next `Step` the screen shows. Only that
call is timed: making up the input (`sample_input`) and this loop are not.
- "in memory": the in-process event log (`MemoryStore`), unwrapped; the figure
  is the whole answer path, its store included (the issue's target).
- SQLite: the store is wrapped to time its appends, so the engine's share
  ("engine without store") can be told apart; the wrapper costs a little
  of its own, counted on the store's side.
Each run answers 20 full intakes; a figure is the median answer of a run, given
for the best run and as the median over the runs. The timer's own cost
(two `process_time` calls, a few hundred ns) is printed; it is included.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.dialog.loader import load_dialog  # noqa: E402
from assistant.engine.session import Intake  # noqa: E402
from assistant.outcome.compute.cases import Case, run  # noqa: E402
from assistant.store.sqlite import Store  # noqa: E402

try:  # absent before the incremental engine: this script also measures older trees
    from assistant.store.memory import MemoryStore
except ImportError:
    MemoryStore = None
from tests.helpers.answers import sample_input  # noqa: E402

TODAY = date(2026, 3, 2)
PERSONA = ROOT / "tests" / "cases" / "personas" / "01_amal_onderwijsroute.json"


def generate_case(dialog, rng: random.Random) -> dict:
    store = MemoryStore() if MemoryStore else Store(":memory:")
    intake = Intake.start(store, dialog, today=lambda: TODAY)
    step = intake.step()
    while step.kind == "question":
        step = intake.answer(sample_input(step.question, rng))
    record = dict(intake.record)
    intake.close()
    return record


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def bench_replay(dialog, cases, extras, label: str, repeats: int) -> None:
    run(dialog, Case("nl", TODAY, cases[0], None), extras)  # warm: law files, catalogs
    walls, cpus = [], []
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        for record in cases:
            run(dialog, Case("nl", TODAY, record, None), extras)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    n = len(cases)
    print(f"replay, advice {label}: {n} cases, best of {repeats}: {n / min(walls):.0f} cases/s wall, "
          f"{n / min(cpus):.0f} cases/s CPU (median of the runs: {n / statistics.median(walls):.0f} wall)")


class TimedStore:
    """Wraps a store to time its appends, so the engine's own share can be told apart."""

    def __init__(self, store) -> None:
        self.store, self.spent = store, 0.0

    def append(self, *args):
        t = time.process_time()
        try:
            return self.store.append(*args)
        finally:
            self.spent += time.process_time() - t

    def __getattr__(self, name):
        return getattr(self.store, name)


def bench_answers(dialog, label: str, make_store, repeats: int, timed_store: bool = True) -> None:
    """Typed answers through `Intake.answer` (as the chat gives them), one Step each (see the module doc)."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        inner = make_store(Path(tmp))
        store = TimedStore(inner) if timed_store else inner
        for _ in range(repeats):
            wall, cpu, stored = [], [], []
            for i in range(20):
                intake = Intake.start(store, dialog, today=lambda: TODAY)
                step = intake.step()
                r = random.Random(i)
                while step.kind == "question":
                    raw = sample_input(step.question, r)
                    s0 = store.spent if timed_store else 0.0
                    w0, c0 = time.perf_counter(), time.process_time()
                    step = intake.answer(raw)
                    cpu.append(time.process_time() - c0)
                    wall.append(time.perf_counter() - w0)
                    stored.append(store.spent - s0 if timed_store else 0.0)
                intake.close()
            runs.append((wall, cpu, stored))
        inner.close()
    us = lambda xs: statistics.median(xs) * 1e6  # noqa: E731
    of_runs = statistics.median(us(r[1]) for r in runs)
    wall, cpu, stored = min(runs, key=lambda r: statistics.median(r[1]))
    line = (f"engine per answer ({label}, {len(wall)} answers, {repeats} runs): median {us(cpu):.1f} µs CPU "
            f"in the best run, {of_runs:.1f} µs median of the runs (mean {statistics.fmean(cpu) * 1e6:.1f}, "
            f"p95 {percentile(cpu, 95) * 1e6:.0f}); wall {us(wall):.0f} µs (max {max(wall) * 1e6:.0f})")
    if timed_store:
        engine_only = [c - s for c, s in zip(cpu, stored, strict=True)]
        line += f"; of the CPU, store {us(stored):.0f} µs, engine without store {us(engine_only):.1f} µs"
    print(line)


def timer_cost() -> float:
    """What two `process_time` calls cost, in µs (the per-answer timing includes about one)."""
    samples = []
    for _ in range(2000):
        c0 = time.process_time()
        samples.append(time.process_time() - c0)
    return statistics.median(samples) * 1e6


def bench_start(runs: int) -> None:
    """`intake replay` of one case as a new process: what a script calling it per case pays."""
    walls, cpus = [], []
    for case in (PERSONA,):
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "assistant.cli.main.main", "replay", str(case)], cwd=ROOT,
                           stdout=subprocess.DEVNULL, check=True)
            walls.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print(f"start: `intake replay {PERSONA.name}` ({runs} runs): median {statistics.median(walls) * 1000:.0f} ms "
          f"wall (min {min(walls) * 1000:.0f}), {statistics.median(cpus) * 1000:.0f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=10, help="process starts to time (0: skip)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure; the best is shown")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    dialog = load_dialog()
    rng = random.Random(1)
    t0 = time.perf_counter()
    cases = [generate_case(dialog, rng) for _ in range(args.cases)]
    answers = sum(len(c) for c in cases)
    print(f"generated {len(cases)} cases ({answers} answers) in {time.perf_counter() - t0:.2f} s")

    from assistant.outcome.compute import replay_extras

    rep = args.repeats
    bench_replay(dialog, cases, replay_extras, "on", rep)
    bench_replay(dialog, cases, None, "off", rep)
    print(f"timer: {timer_cost():.2f} µs per process_time pair")
    if MemoryStore is not None:
        bench_answers(dialog, "in memory: in-process event log, store included", lambda tmp: MemoryStore(), rep,
                      timed_store=False)
    bench_answers(dialog, "in-memory SQLite", lambda tmp: Store(":memory:"), rep)
    bench_answers(dialog, "SQLite file, synchronous=FULL", lambda tmp: Store(tmp / "bench.sqlite3"), rep)
    if args.starts:
        bench_start(args.starts)


if __name__ == "__main__":
    main()
