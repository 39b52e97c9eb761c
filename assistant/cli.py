"""The `intake` command: start the app, or work headless.

    intake [--store PATH] [--lang CODE]     the chat (plain conversation with --plain)
    intake check                            validate dialogs (and catalogs, readability)
    intake replay CASE.json [--json] [--save]   a case through the engine, as JSON
    intake replay A.json B.json | DIR       many cases, one JSON object per line
    intake list | intake show ID            stored sessions
    intake export ID --format md|pdf|duo-json [-o FILE]
    intake import-lbt ID RESULT.json        DUO's leerbaarheidstoets result into a session

Every failure a person can cause ends in a translated message and a non-zero
exit, never a traceback. Heavy modules are imported inside the commands so
that starting the chat stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant import paths
from assistant.i18n import Msg, _, translator

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake", description="Intake-assistent inburgering")
    p.add_argument("--store", type=Path, help=f"SQLite store (default: ${paths.STORE_ENV} or the user data dir)")
    p.add_argument("--lang", help="language of the interface for the consulent (default nl)")
    p.add_argument("--plain", action="store_true", help="line-by-line conversation instead of the full-screen chat")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("check", help="validate the dialogs, catalogs and Dutch readability")
    c.add_argument("--dialogs", type=Path, help="check the dialogs in this folder only")
    r = sub.add_parser("replay", help="run case files through the engine (several files or a folder: JSON Lines)")
    r.add_argument("cases", type=Path, nargs="+", metavar="CASE", help="a case file, several, or a folder of them")
    r.add_argument("--json", action="store_true", help="print the result as JSON (the default)")
    r.add_argument("--save", action="store_true", help="store each case as a session (actor 'import'); prints its session_id")
    sub.add_parser("list", help="list stored sessions")
    s = sub.add_parser("show", help="show one stored session")
    s.add_argument("id")
    e = sub.add_parser("export", help="export a stored session")
    e.add_argument("id")
    e.add_argument("--format", choices=["md", "pdf", "duo-json"], default="md")
    e.add_argument("--output", "-o", type=Path)
    i = sub.add_parser("import-lbt", help="import a leerbaarheidstoets result (DUO's Resultaat JSON) into a session")
    i.add_argument("id")
    i.add_argument("file", type=Path)
    n = sub.add_parser("new", help="start a new intake in the plain conversation")
    n.add_argument("--mode", choices=["joint", "pre_intake", "training"], default="joint")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.lang = _negotiate(args.lang)
    tr = translator(args.lang)
    store_path = args.store or paths.default_store()
    try:
        from assistant import commands

        if args.command == "check":
            return commands.check(tr, args.dialogs)
        if args.command == "replay":
            return commands.replay(args.cases, tr, store_path if args.save else None)
        if args.command == "list":
            return commands.list_sessions(store_path, tr)
        if args.command == "show":
            return commands.show(store_path, args.id, tr)
        if args.command == "export":
            return commands.export(store_path, args.id, args.format, args.output, tr)
        if args.command == "import-lbt":
            return commands.import_lbt(store_path, args.id, args.file, tr)
        if args.command == "new" or args.plain:
            from assistant import plain

            return plain.run(store_path, tr, mode=getattr(args, "mode", "joint"))
        return _start_app(store_path, args.lang)
    except KeyboardInterrupt:
        print()
        print(tr(_("Gestopt. Alle antwoorden tot nu toe zijn bewaard.")))
        return EXIT_PROBLEM
    except Exception as exc:  # the last line of defence: a message, never a traceback
        from assistant.errors import describe

        print(tr(describe(exc)), file=sys.stderr)
        return EXIT_PROBLEM


def _negotiate(flag: str | None) -> str:
    """Flag, then settings, then the environment, then Dutch; catalogs compiled if stale."""
    import os

    from assistant.catalogs import ensure_compiled
    from assistant.locale_settings import negotiate

    ensure_compiled()
    configured = None
    try:
        from assistant.settings import load_settings

        configured = load_settings().locale
    except Exception:  # a broken settings file is reported by the app itself
        configured = None
    return negotiate(flag, configured, os.environ)


def _start_app(store_path: Path, lang: str | None) -> int:
    try:
        from assistant.ui.app import run_app
    except ImportError:
        from assistant import plain

        return plain.run(store_path, translator(lang))
    return run_app(store_path, lang)


def emit_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def say(tr, msg: Msg | str, *, err: bool = False) -> None:
    print(tr(msg), file=sys.stderr if err else sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
