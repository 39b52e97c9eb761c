"""The app process that `intake serve` starts for every browser tab.

textual-serve runs one process per websocket; this is its command. It is the
ordinary app, except that the pre-intake variant opens a new pre-intake at
once and ends (instead of showing the caseload) when the inburgeraar pauses:
the inburgeraar in the browser never sees other people's intakes.

The pre-intake is the inburgeraar's own view (assistant/ui/preintake.py):
language, consent, a resume code, the questions of this mode, an end.
"""

from __future__ import annotations

import argparse
import sys

from assistant.base.settings import SettingsError, load_settings
from assistant.ui.app import IntakeApp


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
    app: IntakeApp
    if args.pre_intake:
        from assistant.ui.preintake import PreIntakeApp

        app = PreIntakeApp(args.store, None if args.lang == "nl" else args.lang)
    else:
        app = IntakeApp(args.store, args.lang, settings=settings)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
