"""A real subprocess killed with SIGKILL at random moments loses nothing acknowledged."""

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.dialog.loader import load_dialog
from assistant.engine import progress
from assistant.engine.session import Intake
from assistant.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 24          # the issue asks for at least 20 kills
MAX_TRIALS = 60     # a trial that finishes its intake before the kill counts as no kill


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_answer(tmp_path):
    rng = random.Random(20261122)
    store_path = tmp_path / "kill.sqlite3"
    dialog = load_dialog()
    sid, acked, kills = None, {}, 0
    trial = -1
    while kills < KILLS and trial < MAX_TRIALS:
        trial += 1
        cmd = [sys.executable, "-m", "tests.helpers.answer_driver", str(store_path), str(trial)]
        proc = subprocess.Popen(cmd + ([sid] if sid else []), stdout=subprocess.PIPE, text=True, cwd=ROOT)
        wanted, seen, finished = rng.randint(0, 5), 0, False
        for line in proc.stdout:
            kind, _, rest = line.rstrip("\n").partition(" ")
            if kind == "SESSION":
                sid = rest
            elif kind == "ACK":
                qid, _, value = rest.partition(" ")
                acked[qid] = json.loads(value)
                seen += 1
            elif kind == "DONE":
                finished = True
                break
            else:
                pytest.fail(f"driver said: {line}")
            if kind == "ACK" and seen >= wanted:
                time.sleep(rng.random() * 0.02)  # land anywhere, also mid-commit of the next answer
                proc.send_signal(signal.SIGKILL)
                kills += 1
                break
        proc.wait(timeout=30)
        proc.stdout.close()

        store = Store(store_path)
        intake = Intake.open(store, sid, dialog)
        try:
            for qid, value in acked.items():
                assert intake.record.get(qid) == value, f"trial {trial}: lost {qid}"
            step = intake.step()
            if step.kind == "question":
                # The right question: nothing before it that applies is left open.
                pos = dialog.order(step.question.id)
                assert step.question.id not in intake.record
                gaps = [q.id for q in progress.relevant(dialog, intake.record)
                        if dialog.order(q.id) < pos and q.id not in intake.record]
                assert gaps == [], f"trial {trial}: resumed past {gaps}"
        finally:
            intake.close()
            store.close()
        if finished:
            sid, acked = None, {}
    assert kills >= KILLS, f"only {kills} kills in {trial + 1} trials"


@pytest.mark.slow
def test_a_second_process_gets_a_clear_message_and_corrupts_nothing(tmp_path):
    store_path = tmp_path / "lock.sqlite3"
    store = Store(store_path)
    intake = Intake.start(store, load_dialog())
    intake.answer("")
    before = [e.seq for e in store.events(intake.id)]
    probe = (
        "from assistant.store.sqlite import Store, StoreError\n"
        "from assistant.engine.session import Intake\n"
        "from assistant.dialog.loader import load_dialog\n"
        "from assistant.base.errors import describe\n"
        "from assistant.i18n import translator\n"
        f"s = Store({str(store_path)!r})\n"
        "try:\n"
        f"    Intake.open(s, {intake.id!r}, load_dialog())\n"
        "    print('OPENED')\n"
        "except StoreError as e:\n"
        "    print(translator('nl')(describe(e)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "al open in een ander venster" in out.stdout, out.stdout + out.stderr
    assert [e.seq for e in store.events(intake.id)] == before
    intake.close()
    store.close()
    # Once released, the other process may open it.
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "OPENED" in out.stdout
