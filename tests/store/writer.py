"""A writer process for the store tests: holds a lock, or writes answers and acknowledges each.

    python -m tests.store.writer hold LOCATION SID           lock the session, say LOCKED; unlock on a line
    python -m tests.store.writer work LOCATION NAME SESSIONS PER_SESSION SEED

`work` first makes sure NAME's SESSIONS sessions exist (mode = NAME), then
repeatedly picks a random unfinished session of either writer, tries its lock
(skipping it when the other writer has it), and appends 1-5 answers under the
lock as one batch, printing ``ACK sid seq value`` only after `append`
returned. Two writers in one session would interleave their batches. It stops
when every session of both writers has PER_SESSION answers.
"""

from __future__ import annotations

import os
import random
import sys
import time

from assistant.store import open_store
from assistant.store.sqlite import StoreError


def hold(location: str, sid: str) -> None:
    store = open_store(location, person=lambda a: "holder")
    row = store.session(sid)
    store.lock(row, log_open=False)
    print("LOCKED", flush=True)
    sys.stdin.readline()  # the test says when to let go
    store.unlock(row)
    print("RELEASED", flush=True)
    time.sleep(600)


def work(location: str, name: str, sessions: int, per_session: int, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(location, person=lambda a: name)
    mine = [r for r in store.sessions() if r.mode == name]
    for _ in range(sessions - len(mine)):
        store.create_session("bench", "1", "fp", name)
    pid = os.getpid()
    while True:
        rows = store.sessions()
        todo = [r for r in rows if sum(1 for _ in store.event_heads(r.id)) < per_session]
        if len(rows) >= 2 * sessions and not todo:
            print("DONE", flush=True)
            return
        if not todo:
            time.sleep(0.05)  # the other writer has not made its sessions yet
            continue
        row = rng.choice(todo)
        try:
            store.lock(row, log_open=False)
        except StoreError as exc:
            assert exc.code == "in_use", exc.code
            time.sleep(0.005)
            continue
        try:
            have = len(store.event_heads(row.id))
            batch = f"{pid}-{rng.random():.12f}"  # one stay in the session: its answers must be adjacent
            for i in range(min(rng.randint(1, 5), per_session - have)):
                value = f"{name}-{pid}-{rng.random():.12f}"
                event = store.append(row.id, "consulent", "answered", "1",
                                     {"question": "q", "value": value, "batch": batch, "i": i})
                print(f"ACK {row.id} {event.seq} {value}", flush=True)
        finally:
            store.unlock(row)


if __name__ == "__main__":
    if sys.argv[1] == "hold":
        hold(sys.argv[2], sys.argv[3])
    else:
        work(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
