"""Capacity of the two store backends: answers per second and p95 append latency.

    .venv/bin/python scripts/bench_backends.py [--seconds S]
    .venv/bin/python scripts/bench_store.py --backends [--seconds S]   (the same)

For SQLite (a file in a temp folder) and PostgreSQL (a throw-away server
started from Debian's package, as in the tests: tests/store/pg_server.py), with
1, 10 and 50 concurrent sessions: one writer process per session (as one app
per consulent), each holding its session's lock and appending answers as fast
as it can for S seconds (default 5), every append a durable commit with
encryption and the hash chain. Prints a Markdown table; asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVELS = (1, 10, 50)


def writer(location: str, seconds: float) -> None:
    """One session's writer: ready, wait for GO, append for `seconds`, print the latencies."""
    from assistant.store import open_store
    from assistant.store.sqlite import StoreError

    store = open_store(location, person=lambda actor: "bench")
    row = store.create_session("brede_intake", "1", "fp", "joint")
    store.lock(row, log_open=False)
    print("READY", flush=True)
    sys.stdin.readline()  # GO: every writer has started, connected and locked its session
    end = time.monotonic() + seconds
    times, errors, i = [], 0, 0
    while time.monotonic() < end:
        t = time.perf_counter()
        try:
            store.append(row.id, "consulent", "answered", "1", {"question": "beroep", "value": f"Bakker {i}"})
            times.append(time.perf_counter() - t)
        except StoreError:
            errors += 1
        i += 1
    store.close()
    print(json.dumps({"times": times, "errors": errors}))


def run_level(location: str, sessions: int, seconds: float) -> dict:
    procs = [subprocess.Popen([sys.executable, __file__, "--writer", location, str(seconds)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for _ in range(sessions)]
    for p in procs:
        assert p.stdout.readline().strip() == "READY"
    for p in procs:
        p.stdin.write("GO\n")
        p.stdin.flush()
    times, errors = [], 0
    for p in procs:
        out, _ = p.communicate(timeout=seconds + 120)
        result = json.loads(out.strip().splitlines()[-1])
        times += result["times"]
        errors += result["errors"]
    times.sort()
    return {"answers": len(times), "per_s": len(times) / seconds,
            "p50": statistics.median(times) * 1000 if times else 0,
            "p95": times[int(len(times) * 0.95)] * 1000 if times else 0, "errors": errors}


def main(argv: list[str]) -> None:
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 5.0
    sys.path.insert(0, str(ROOT))
    from tests.store.pg_server import PgServer

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTAKE_CONFIG_DIR"] = tmp  # a throw-away master key
        os.environ["XDG_DATA_HOME"] = tmp
        server = PgServer().start()
        try:
            backends = {"SQLite": lambda n: str(Path(tmp) / f"bench-{n}.sqlite3"),
                        "PostgreSQL": lambda n: server.new_database()}
            print(f"{seconds:g} s per run, one writer process per session, {os.cpu_count()} CPU cores\n")
            print("| store | sessions | answers/s | p50 append (ms) | p95 append (ms) | errors |")
            print("|---|---:|---:|---:|---:|---:|")
            for name, make in backends.items():
                for n in LEVELS:
                    r = run_level(make(n), n, seconds)
                    print(f"| {name} | {n} | {r['per_s']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['errors']} |",
                          flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        sys.path.insert(0, str(ROOT))
        writer(sys.argv[2], float(sys.argv[3]))
    else:
        main(sys.argv[1:])
