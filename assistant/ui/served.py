"""The app process that `intake serve` starts for every browser tab.

textual-serve runs one process per websocket; this is its command. It is the
ordinary app, except that the pre-intake variant opens a new pre-intake at
once and ends (instead of showing the caseload) when the inburgeraar pauses:
the inburgeraar in the browser never sees other people's intakes.

For now the pre-intake view is the chat in pre-intake mode; a dedicated
pre-intake view is being built separately and will replace `PreIntakeApp`.
"""

from __future__ import annotations

import argparse
import sys

from textual import events
from textual.screen import Screen

from assistant.settings import SettingsError, load_settings
from assistant.ui.app import IntakeApp


class _Blank(Screen):
    """The bottom of the screen stack in the pre-intake: nothing to see or choose."""


class PreIntakeApp(IntakeApp):
    def on_mount(self, event: events.Mount) -> None:
        from assistant.store import open_store

        event.prevent_default()  # not IntakeApp.on_mount: that one shows the caseload

        self.store = open_store(self.store_path)
        self.push_screen(_Blank())
        self.new_intake("pre_intake")

    def leave_intake(self, screen) -> None:
        if self.intake is not None:
            try:
                self.intake.pause()
            finally:
                self.intake.close()
                self.intake = None
        self.exit()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="intake-served")
    p.add_argument("--store", required=True)
    p.add_argument("--lang", default="nl")
    p.add_argument("--pre-intake", action="store_true")
    args = p.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError:
        settings = None  # `intake serve` checked the file before it started serving
    cls = PreIntakeApp if args.pre_intake else IntakeApp
    app = cls(args.store, args.lang, settings=settings)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
