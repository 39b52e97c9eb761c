"""Two ways Textual 8.2 keeps removed widgets alive (issue 15; docs/textual-retention.md).

Our own minimal reproduction, independent of the intake app, so that a Textual
upgrade that fixes or worsens either path is seen here first:

1. `Footer.compose` binds every `FooterKey` with ``data_bind(compact=Footer.compact)``,
   which appends ``(footer_key, setter)`` to the Footer's ``__watchers["compact"]``.
   The list is pruned of closed widgets only in `Reactive._check_watchers`, i.e.
   when ``Footer.compact`` changes. A footer that is recomposed on every bindings
   change (each focus change) keeps the removed keys until then.
2. `Input._on_mount` subscribes to ``screen.text_selection_started_signal`` with a
   closure over ``self``. `Signal` keeps subscribers in a `WeakKeyDictionary`,
   but the value (the closure) references the key, so the entry never dies:
   a removed Input lives as long as its screen.

The tests assert the CURRENT behaviour (the widget is still alive after removal
and a full collection) and that the named path is the only one holding it.
If a test here fails after a Textual upgrade:
- "no longer retained": Textual fixed it. Note the version in
  docs/textual-retention.md, drop any workaround in assistant/ui that exists only
  for this path, and turn the test around (assert the widget is freed).
- "held by something else" / "still alive after pruning": it got worse or moved;
  re-measure with scripts/bench_ui.py (RSS per 100 turns) and update the docs.
"""

from __future__ import annotations

import gc
import weakref
from typing import ClassVar

import textual
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

UPGRADE = f"(Textual {textual.__version__}; see docs/textual-retention.md for what to do)"


class FooterRepro(App):
    """One footer with two keys; nothing else."""

    BINDINGS: ClassVar[list[BindingType]] = [("f5", "noop", "One"), ("f6", "noop", "Two")]

    def compose(self) -> ComposeResult:
        yield Static("footer repro")
        yield Footer()

    def action_noop(self) -> None:
        pass


def _compact_watchers(footer: Footer) -> list:
    return [node for node, _callback in getattr(footer, "__watchers", {}).get("compact", [])]


async def test_removed_footer_keys_stay_referenced_from_the_footers_compact_watchers():
    app = FooterRepro()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        removed: list[weakref.ref] = []
        for _ in range(5):  # what a focus change does: bindings updated → footer recomposed
            before = list(footer.query(FooterKey))
            app.screen.refresh_bindings()
            await pilot.pause()
            await pilot.pause()
            after = list(footer.query(FooterKey))
            assert not set(map(id, before)) & set(map(id, after)), "the footer was not recomposed " + UPGRADE
            removed += [weakref.ref(k) for k in before]
            del before, after
        gc.collect()
        alive = [r() for r in removed if r() is not None]
        assert alive, "removed FooterKeys are no longer retained: Textual fixed path 1 " + UPGRADE
        assert all(not k.is_attached for k in alive)
        watched = _compact_watchers(footer)
        assert all(any(k is w for w in watched) for k in alive), \
            "a removed FooterKey is held by something else than Footer.__watchers['compact'] " + UPGRADE
        del alive, watched

        footer.compact = not footer.compact  # the only thing that prunes the list
        await pilot.pause()
        gc.collect()
        assert all(r() is None for r in removed), "FooterKeys still alive after pruning: it got worse " + UPGRADE


class InputRepro(App):
    def compose(self) -> ComposeResult:
        yield Static("input repro")


async def test_a_removed_input_stays_referenced_from_the_screens_text_selection_signal():
    app = InputRepro()
    async with app.run_test() as pilot:
        screen = app.screen
        signal = screen.text_selection_started_signal
        refs = []
        for _ in range(3):  # a chat that mounts a fresh Input per question
            field = Input()
            await screen.mount(field)
            await pilot.pause()
            refs.append(weakref.ref(field))
            await field.remove()
            del field
        await screen.mount(Static("a new layout"))  # so the screen's cached arrangement no longer lists them
        await pilot.pause()
        gc.collect()
        alive = [r() for r in refs if r() is not None]
        assert len(alive) == len(refs), "removed Inputs are no longer retained: Textual fixed path 2 " + UPGRADE
        assert all(k in signal._subscriptions for k in alive), \
            "a removed Input is held by something else than the text-selection signal " + UPGRADE
        del alive

        for r in refs:  # what Textual would have to do on unmount
            signal.unsubscribe(r())
        gc.collect()
        assert all(r() is None for r in refs), "Inputs still alive after unsubscribing: another path " + UPGRADE
