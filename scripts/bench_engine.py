#!/usr/bin/env python3
"""Benchmark: replay throughput over generated cases and the engine's time per answer.

Prints figures; asserts nothing (speed is measured here, not in timed tests).
    .venv/bin/python scripts/bench_engine.py [--cases 1000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.dialog.loader import load_dialog  # noqa: E402
from assistant.engine.session import Intake  # noqa: E402
from assistant.replay import Case, run  # noqa: E402
from assistant.store.sqlite import Store  # noqa: E402
from tests.helpers.answers import sample_input  # noqa: E402

TODAY = date(2026, 3, 2)


def generate_case(dialog, rng: random.Random) -> dict:
    store = Store(":memory:")
    intake = Intake.start(store, dialog, today=lambda: TODAY)
    step = intake.step()
    while step.kind == "question":
        step = intake.answer(sample_input(step.question, rng))
    record = dict(intake.record)
    intake.close()
    store.close()
    return record


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    dialog = load_dialog()
    rng = random.Random(1)
    t0 = time.perf_counter()
    cases = [generate_case(dialog, rng) for _ in range(args.cases)]
    gen = time.perf_counter() - t0
    answers = sum(len(c) for c in cases)
    print(f"generated {len(cases)} cases ({answers} answers) in {gen:.2f} s")

    try:
        from assistant.outcome import replay_extras
    except ImportError:
        replay_extras = None
    t0 = time.perf_counter()
    for record in cases:
        run(dialog, Case("nl", TODAY, record, None), replay_extras)
    elapsed = time.perf_counter() - t0
    print(f"replay: {len(cases)} cases in {elapsed:.2f} s = {len(cases) / elapsed:.0f} cases/s "
          f"({answers / elapsed:.0f} answers/s), advice {'on' if replay_extras else 'off'}")

    for label, path in (("in-memory store", ":memory:"), ("SQLite file, synchronous=FULL", None)):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(path or Path(tmp) / "bench.sqlite3")
            timings = []
            for i in range(20):
                intake = Intake.start(store, dialog, today=lambda: TODAY)
                step = intake.step()
                r = random.Random(i)
                while step.kind == "question":
                    raw = sample_input(step.question, r)
                    t = time.perf_counter()
                    step = intake.answer(raw)
                    timings.append(time.perf_counter() - t)
                intake.close()
            store.close()
        ms = [t * 1000 for t in timings]
        print(f"engine per answer ({label}, {len(ms)} answers): median {statistics.median(ms):.3f} ms, "
              f"p95 {percentile(ms, 95):.3f} ms, max {max(ms):.3f} ms")


if __name__ == "__main__":
    main()
