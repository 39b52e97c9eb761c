"""No key sequence in the pre-intake view shows anything of another session.

Model-based in the sense of the joint chat's test: hypothesis draws key
sequences (every key the view binds, the consulent's keys it must not bind,
navigation, Enter, typing); two other intakes with distinctive values and a
third pre-intake are in the store. After every key the screen must hold none
of their values or ids. The view may end (pause, close): then the sequence ends.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.ui.preintake import PreIntakeApp
from tests.preintake.helpers import seed_joint, seed_pre_intake
from tests.ui.conftest import TODAY
from tests.ui.driver import screen_text

OTHERS = {"naam": "Zwaluwstaart", "beroep": "Qwertyvanuatumaker"}
KEYS = ["enter", "tab", "shift+tab", "up", "down", "space", "escape", "f1", "f2", "f10", "ctrl+b", "ctrl+s",
        "ctrl+t", "ctrl+l", "ctrl+r", "ctrl+n", "ctrl+o", "ctrl+k", "n", "p", "l", "1", "j"]


async def _drive(store_path: Path, lang, keys, secrets) -> None:
    app = PreIntakeApp(store_path, lang, today=lambda: TODAY)
    app.CURSOR_BLINK = False
    async with app.run_test(size=(100, 36)) as pilot:
        for key in keys:
            if not app.is_running:
                break
            await pilot.press(key)
            await pilot.pause()
            shown = screen_text(app)
            leaked = [s for s in secrets if s in shown]
            assert not leaked, (keys, key, leaked)
            if app.conversation is not None:
                assert app.conversation.id not in secrets


# Where the random keys start: the first page, the questions (language, new, consent yes,
# past the code), or the code entry (language, then Tab to "continue with my code").
START = {"first": [], "chat": ["enter"] * 3, "code": ["tab", "enter"]}


@settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(lang=st.sampled_from([None, "ti", "nl"]), start=st.sampled_from(sorted(START)),
       keys=st.lists(st.sampled_from(KEYS), min_size=5, max_size=30))
def test_no_key_sequence_reveals_another_session(lang, start, keys):
    keys = ([] if lang or start == "first" else ["enter"]) + START[start] + keys
    with tempfile.TemporaryDirectory() as tmp:
        store_path = Path(tmp) / "leak.sqlite3"
        first = seed_joint(store_path, OTHERS)
        second = seed_joint(store_path, {"naam": "Kwikstaartje", "beroep": OTHERS["beroep"]})
        third = seed_pre_intake(store_path, "KXR7M4TD", answers={"naam": "Boomklever"})
        secrets = [*OTHERS.values(), "Kwikstaartje", "Boomklever", first, second, third]
        asyncio.run(_drive(store_path, lang, keys, secrets))


async def test_every_consulent_key_is_unbound_in_the_chat(tmp_path):
    """Overview, note, interface language, handover: none of them is bound in the inburgeraar's chat."""
    app = PreIntakeApp(tmp_path / "k.sqlite3", "nl", today=lambda: TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        for key in ("enter", "enter", "enter"):  # new, consent yes, past the code
            await pilot.press(key)
            await pilot.pause()
        chat = app.screen
        assert chat.id == "chat"
        bound = {b.action for bs in chat._bindings.key_to_bindings.values() for b in bs}
        assert not bound & {"review", "note", "language", "handover", "confirm_topic", "keys"}
        assert {"help", "back", "skip", "pause"} <= bound
