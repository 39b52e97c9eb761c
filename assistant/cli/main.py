"""The `intake` command: start the app, or work headless.

    intake [--store PATH] [--lang CODE]     the chat (plain conversation with --plain)
    intake check                            validate dialogs (and catalogs, readability)
    intake replay CASE.json [--json] [--save]   a case through the engine, as JSON
    intake replay A.json B.json | DIR       many cases, one JSON object per line
    intake list | intake show ID            stored sessions
    intake export ID --format md|pdf|duo-json [-o FILE]
    intake import-lbt ID RESULT.json        DUO's leerbaarheidstoets result into a session
    intake training list|show|score|report|start   practice cases (assistant/training/cli.py)
    intake audit ID [--json] | intake verify who did what; was the log changed outside the app
    intake export ID --format avg -o FILE   everything stored about a session (AVG art. 15)
    intake erase ID --yes | intake retention [--dry-run]   erasure (AVG art. 17), retention
    intake serve [--port P] [--host H] [--pre-intake]   the app in a browser (docs/deploy.md)
    intake pre-intake [--lang L]            the inburgeraar alone: the pre-intake in their language
    intake handover ID | intake show ID --json   the consulent takes it over; who gave what
    intake speak QUESTION_ID --lang L -o FILE.wav   a question read aloud (espeak-ng)

Every failure a person can cause ends in a translated message and a non-zero
exit, never a traceback. Heavy modules are imported inside the commands so
that starting the chat stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.base import paths
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, say
from assistant.i18n import _, translator



def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake", description="Intake-assistent inburgering")
    p.add_argument("--store", type=paths.store_location, help=f"SQLite store (default: ${paths.STORE_ENV} or the user data dir)")
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
    s.add_argument("--json", action="store_true", help="answers with who gave them and whether they are confirmed")
    h = sub.add_parser("handover", help="the consulent takes a pre-intake over (it becomes a joint intake)")
    h.add_argument("id")
    sp = sub.add_parser("speak", help="read a question aloud into a WAV file (espeak-ng)")
    sp.add_argument("question")
    sp.add_argument("--lang", dest="speak_lang", help="the language to read in (nl, en, ar, fa, tr)")
    sp.add_argument("--output", "-o", type=Path, required=True)
    sub.add_parser("pre-intake", help="the inburgeraar's own pre-intake, alone, in their language (--lang first)")
    e = sub.add_parser("export", help="export a stored session")
    e.add_argument("id")
    e.add_argument("--format", choices=["md", "pdf", "duo-json", "avg"], default="md")
    e.add_argument("--output", "-o", type=Path)
    i = sub.add_parser("import-lbt", help="import a leerbaarheidstoets result (DUO's Resultaat JSON) into a session")
    i.add_argument("id")
    i.add_argument("file", type=Path)
    a = sub.add_parser("audit", help="who did what and who read a session (events and reads)")
    a.add_argument("id")
    a.add_argument("--json", action="store_true")
    sub.add_parser("verify", help="check that no session's event log was changed outside the app")
    x = sub.add_parser("erase", help="erase a session for good (AVG art. 17)")
    x.add_argument("id")
    x.add_argument("--yes", action="store_true", help="confirm: erasing cannot be undone")
    t = sub.add_parser("retention", help="erase sessions older than the retention period (law/policy.yaml)")
    t.add_argument("--dry-run", action="store_true", help="only list them")
    ro = sub.add_parser("reopen", help="reopen a confirmed PIP, with the reason (kept as an event)")
    ro.add_argument("id")
    ro.add_argument("--reason", required=True)
    w = sub.add_parser("serve", help="serve the app to a browser (textual-serve), see docs/deploy.md")
    w.add_argument("--port", type=int, default=8000)
    w.add_argument("--host", default="127.0.0.1", help="only with a reverse proxy with TLS and login in front")
    w.add_argument("--pre-intake", action="store_true", help="serve only the inburgeraar's pre-intake")
    w.add_argument("--public-url", help="the address the browser sees (behind a proxy), e.g. https://intake.example.nl")
    n = sub.add_parser("new", help="start a new intake in the plain conversation")
    n.add_argument("--mode", choices=["joint", "pre_intake", "training"], default="joint")
    from assistant.cli.training_args import add_parser as add_training

    add_training(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    asked = args.lang
    args.lang = _negotiate(asked)
    tr = translator(args.lang)
    if asked is not None and _unknown_locale(asked):
        from assistant.i18n.codes import ALL_LOCALES
        from assistant.base.text import clean

        say(tr, _("Onbekende taal: {code}. Kies een van deze codes: {codes}.",
                  code=clean(asked), codes=", ".join(ALL_LOCALES)), err=True)
        return EXIT_USAGE
    store_path = args.store or paths.default_store()
    try:
        if isinstance(store_path, Path):
            _secure(store_path, tr)
        from assistant.cli import commands

        if args.command == "check":
            return commands.check(tr, args.dialogs)
        if args.command == "replay":
            return commands.replay(args.cases, tr, store_path if args.save else None)
        if args.command == "list":
            return commands.list_sessions(store_path, tr)
        if args.command == "show":
            return commands.show(store_path, args.id, tr, args.json)
        if args.command == "handover":
            return commands.handover(store_path, args.id, tr)
        if args.command == "speak":
            return commands.speak(args.question, args.speak_lang or args.lang, args.output, tr)
        if args.command == "pre-intake":
            from assistant.ui.preintake import run_pre_intake

            return run_pre_intake(store_path, args.lang if asked else None)
        if args.command in ("audit", "verify"):
            from assistant.cli import audit as audit_commands

            if args.command == "verify":
                return audit_commands.verify(store_path, tr)
            return audit_commands.audit(store_path, args.id, args.json, tr)
        if args.command in ("erase", "retention") or getattr(args, "format", None) == "avg":
            from assistant.cli import avg as avg_commands

            if args.command == "erase":
                return avg_commands.erase(store_path, args.id, args.yes, tr)
            if args.command == "retention":
                return avg_commands.retention(store_path, args.dry_run, tr)
            return avg_commands.export_avg(store_path, args.id, args.output, tr)
        if args.command == "export":
            return commands.export(store_path, args.id, args.format, args.output, tr)
        if args.command == "reopen":
            return commands.reopen(store_path, args.id, args.reason, tr)
        if args.command == "import-lbt":
            return commands.import_lbt(store_path, args.id, args.file, tr)
        if args.command == "training":
            from assistant.cli.training_args import run as run_training

            return run_training(args, store_path, tr)
        if args.command == "serve":
            from assistant.ui.serve.server import serve

            return serve(str(store_path), args.lang, tr, host=args.host, port=args.port, pre_intake=args.pre_intake,
                         public_url=args.public_url)
        if args.command == "new" or args.plain:
            from assistant.plain import conversation as plain
            from assistant.training.guard import store_for

            mode = getattr(args, "mode", "joint")
            return plain.run(store_for(mode, store_path), tr, mode=mode)
        return _start_app(store_path, args.lang)
    except KeyboardInterrupt:
        print()
        print(tr(_("Gestopt. Alle antwoorden tot nu toe zijn bewaard.")))
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader stopped early (`intake replay folder/ | head`): nothing failed, so
        # no message about disks; stdout goes nowhere so the exit cannot complain again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a message, never a traceback
        from assistant.base.errors import describe

        # Where a conversation was open (the chat, the plain one, the pre-intake, a practice)
        # the answers so far are kept; a headless command promises nothing of the kind.
        intake_open = args.command in (None, "new", "pre-intake") or args.plain or (
            args.command == "training" and args.training_command == "start")
        say(tr, describe(exc, intake_open=intake_open), err=True)
        return EXIT_PROBLEM


def _secure(store_path: Path, tr) -> None:
    """A store an earlier version left readable for others is made private, with a word."""
    from assistant.store.files import secure_store_files

    for path in secure_store_files(store_path):
        say(tr, _("Het bestand {path} was leesbaar voor anderen. Nu kan alleen u het lezen.", path=str(path)),
            err=True)


def _negotiate(flag: str | None) -> str:
    """Flag, then settings, then the environment, then Dutch; catalogs compiled if stale."""
    import os

    from assistant.i18n.catalogs import ensure_compiled
    from assistant.i18n.locales import negotiate

    ensure_compiled()
    configured = None
    try:
        from assistant.base.settings import load_settings

        configured = load_settings().locale
    except Exception:  # a broken settings file is reported by the app itself
        configured = None
    return negotiate(flag, configured, os.environ)


def _unknown_locale(tag: str) -> bool:
    from assistant.i18n.locales import catalog_locale

    return catalog_locale(tag) is None


def _start_app(store_path: Path, lang: str | None) -> int:
    try:
        from assistant.ui.app import run_app
    except ImportError:
        from assistant.plain import conversation as plain

        return plain.run(store_path, translator(lang))
    return run_app(store_path, lang)


if __name__ == "__main__":
    sys.exit(main())
