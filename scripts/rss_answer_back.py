"""RSS over many answer/back cycles in the chat, headless (Pilot), to see widget retention.

Not a latency benchmark (scripts/bench_ui.py is): it answers one question,
goes back with Ctrl+B, and repeats, printing resident memory and live
Python objects every 50 cycles. A chat that reuses its widgets stays flat.

    .venv/bin/python scripts/rss_answer_back.py [CYCLES]
"""

from __future__ import annotations

import asyncio
import gc
import sys
import tempfile
from pathlib import Path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def main(cycles: int) -> None:
    from assistant.ui.app import IntakeApp
    from tests.ui.driver import answer_current, start_new_until

    with tempfile.TemporaryDirectory() as tmp:
        app = IntakeApp(Path(tmp) / "rss.sqlite3", "nl")
        app.CURSOR_BLINK = False
        async with app.run_test(size=(100, 30)) as pilot:
            await start_new_until(app, pilot, "geboortedatum")
            gc.collect()
            start = rss_mb()
            print(f"cycle    0: RSS {start:6.1f} MB, objects {len(gc.get_objects()):>8}")
            for n in range(1, cycles + 1):
                await answer_current(app, pilot)          # geboortedatum -> the next question
                await pilot.press("ctrl+b")               # and back
                await pilot.pause()
                assert app.screen.step.question.id == "geboortedatum", app.screen.step.question.id
                if n % 50 == 0:
                    gc.collect()
                    print(f"cycle {n:4}: RSS {rss_mb():6.1f} MB, objects {len(gc.get_objects()):>8}")
            gc.collect()
            print(f"growth over {cycles} cycles: {rss_mb() - start:+.1f} MB")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
