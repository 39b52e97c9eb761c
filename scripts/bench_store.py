"""Time one Store.append (the durable commit of one answer), in microseconds.

    .venv/bin/python scripts/bench_store.py [N] [OLD_MODULE.py]
    .venv/bin/python scripts/bench_store.py --backends [--seconds S]   SQLite and PostgreSQL, 1/10/50 sessions

With OLD_MODULE (e.g. the store of an earlier commit, from `git show`), the
same loop runs on it too, for a before/after figure. Prints; asserts nothing.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def bench(store_cls, folder: Path, n: int) -> list[float]:
    store = store_cls(folder / "bench.sqlite3")
    row = store.create_session("inburgering", "1", "fp", "joint")
    times = []
    for i in range(n):
        t = time.perf_counter()
        store.append(row.id, "consulent", "answered", "1", {"question": "beroep", "value": f"Bakker {i}"})
        times.append((time.perf_counter() - t) * 1e6)
    t = time.perf_counter()
    events = list(store.events(row.id))
    read = (time.perf_counter() - t) * 1e6 / len(events)
    store.close()
    print(f"  append median {statistics.median(times):8.0f} µs   p90 {sorted(times)[int(n * 0.9)]:8.0f} µs"
          f"   read {read:6.1f} µs/event")
    return times


def crypto_only(n: int) -> None:
    """The encryption and chain work of one append, without the disk."""
    import json

    from assistant.store.crypto import Keys

    keys = Keys(os.urandom(32))
    keys.new_session_key("s")
    payload = json.dumps({"question": "beroep", "value": "Bakker 1"})
    t = time.perf_counter()
    for i in range(n):
        sealed = keys.seal("s", i, "answered", payload)
        keys.chain("prev", ("s", i, "at", "consulent", "m", "answered", "1", sealed))
    print(f"  seal + chain alone {(time.perf_counter() - t) * 1e6 / n:8.1f} µs per event")


def main() -> None:
    if "--backends" in sys.argv:  # capacity of both backends (scripts/bench_backends.py, docs/deploy.md)
        import runpy

        sys.argv = [sys.argv[0], *[a for a in sys.argv[1:] if a != "--backends"]]
        runpy.run_path(str(Path(__file__).with_name("bench_backends.py")), run_name="__main__")
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("INTAKE_CONFIG_DIR", tmp)
        from assistant.store.sqlite import Store

        print(f"current store ({n} appends):")
        (Path(tmp) / "new").mkdir()
        bench(Store, Path(tmp) / "new", n)
        crypto_only(n)
        if len(sys.argv) > 2:
            spec = importlib.util.spec_from_file_location("old_store", sys.argv[2])
            old = importlib.util.module_from_spec(spec)
            sys.modules["old_store"] = old  # dataclasses look their module up
            spec.loader.exec_module(old)
            print(f"old store {sys.argv[2]}:")
            (Path(tmp) / "old").mkdir()
            bench(old.Store, Path(tmp) / "old", n)


if __name__ == "__main__":
    main()
