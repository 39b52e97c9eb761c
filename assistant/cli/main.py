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
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.base import paths
from assistant.base.errors import describe
from assistant.base.paths import Location
from assistant.base.text import clean
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, say
from assistant.i18n import Translator, _, translator
from assistant.i18n.codes import ALL_LOCALES


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake", description="Intake-assistent inburgering")
    p.add_argument("--store", type=paths.store_location,
                   help=f"SQLite store (default: ${paths.STORE_ENV} or the user data dir)")
    p.add_argument("--lang", help="language of the interface for the consulent (default nl)")
    p.add_argument("--plain", action="store_true", help="line-by-line conversation instead of the full-screen chat")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("check", help="validate the dialogs, catalogs and Dutch readability")
    c.add_argument("--dialogs", type=Path, help="check the dialogs in this folder only")
    r = sub.add_parser("replay", help="run case files through the engine (several files or a folder: JSON Lines)")
    r.add_argument("cases", type=Path, nargs="+", metavar="CASE", help="a case file, several, or a folder of them")
    r.add_argument("--json", action="store_true", help="print the result as JSON (the default)")
    r.add_argument("--save", action="store_true",
                   help="store each case as a session (actor 'import'); prints its session_id")
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


@dataclass(frozen=True)
class Run:
    """What every handler gets: the parsed arguments, the language and the store."""

    args: argparse.Namespace
    tr: Translator
    store: Path | str
    lang_asked: bool


# One handler per sub-command; each imports its module only when it runs, so that
# starting the chat never pays for PDF, DUO or training code.
def _check(run: Run) -> int:
    from assistant.cli.commands import check

    return check(run.tr, run.args.dialogs)


def _replay(run: Run) -> int:
    from assistant.cli.commands import replay

    return replay(run.args.cases, run.tr, run.store if run.args.save else None)


def _list(run: Run) -> int:
    from assistant.cli.commands import list_sessions

    return list_sessions(run.store, run.tr)


def _show(run: Run) -> int:
    from assistant.cli.commands import show

    return show(run.store, run.args.id, run.tr, run.args.json)


def _handover(run: Run) -> int:
    from assistant.cli.commands import handover

    return handover(run.store, run.args.id, run.tr)


def _speak(run: Run) -> int:
    from assistant.cli.commands import speak

    return speak(run.args.question, run.args.speak_lang or run.args.lang, run.args.output, run.tr)


def _pre_intake(run: Run) -> int:
    from assistant.ui.preintake import run_pre_intake

    return run_pre_intake(run.store, run.args.lang if run.lang_asked else None)


def _audit(run: Run) -> int:
    from assistant.cli.audit import audit

    return audit(run.store, run.args.id, run.args.json, run.tr)


def _verify(run: Run) -> int:
    from assistant.cli.audit import verify

    return verify(run.store, run.tr)


def _erase(run: Run) -> int:
    from assistant.cli.avg import erase_one

    return erase_one(run.store, run.args.id, run.args.yes, run.tr)


def _retention(run: Run) -> int:
    from assistant.cli.avg import retention

    return retention(run.store, run.args.dry_run, run.tr)


def _export(run: Run) -> int:
    if run.args.format == "avg":
        from assistant.cli.avg import export_avg

        return export_avg(run.store, run.args.id, run.args.output, run.tr)
    from assistant.cli.commands import export

    return export(run.store, run.args.id, run.args.format, run.args.output, run.tr)


def _reopen(run: Run) -> int:
    from assistant.cli.commands import reopen

    return reopen(run.store, run.args.id, run.args.reason, run.tr)


def _import_lbt(run: Run) -> int:
    from assistant.cli.commands import import_lbt

    return import_lbt(run.store, run.args.id, run.args.file, run.tr)


def _training(run: Run) -> int:
    from assistant.cli.training import dispatch

    return dispatch(run.args, run.store, run.tr)


def _serve(run: Run) -> int:
    from assistant.ui.serve.server import serve

    a = run.args
    return serve(str(run.store), a.lang, run.tr, host=a.host, port=a.port, pre_intake=a.pre_intake,
                 public_url=a.public_url)


def _plain(run: Run) -> int:
    from assistant.plain import conversation
    from assistant.training.guard import store_for

    mode = getattr(run.args, "mode", "joint")
    return conversation.run(store_for(mode, run.store), run.tr, mode=mode)


def _chat(run: Run) -> int:
    try:
        from assistant.ui.app import run_app
    except ImportError:  # no Textual here: the same intake, line by line
        return _plain(run)
    return run_app(run.store, run.args.lang)


HANDLERS: dict[str | None, Callable[[Run], int]] = {
    "check": _check, "replay": _replay, "list": _list, "show": _show, "handover": _handover,
    "speak": _speak, "pre-intake": _pre_intake, "audit": _audit, "verify": _verify, "erase": _erase,
    "retention": _retention, "export": _export, "reopen": _reopen, "import-lbt": _import_lbt,
    "training": _training, "serve": _serve, "new": _plain, None: _chat,
}
# Where a conversation is open the answers so far are kept; a headless command promises nothing of the kind.
CONVERSATIONS = ("new", "pre-intake", None)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    asked = args.lang
    args.lang = _negotiate(asked)
    tr = translator(args.lang)
    if asked is not None and _unknown_locale(asked):
        say(tr, _("Onbekende taal: {code}. Kies een van deze codes: {codes}.",
                  code=clean(asked), codes=", ".join(ALL_LOCALES)), err=True)
        return EXIT_USAGE
    store_path = args.store or paths.default_store()
    run = Run(args, tr, store_path, asked is not None)
    handler = _plain if args.plain and args.command is None else HANDLERS[args.command]
    try:
        if isinstance(store_path, Path):
            _secure(store_path, tr)
        return handler(run)
    except KeyboardInterrupt:
        print()
        print(tr(_("Gestopt. Alle antwoorden tot nu toe zijn bewaard.")))
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader stopped early (`intake replay folder/ | head`): nothing failed, so
        # no message about disks; stdout goes nowhere so the exit cannot complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        intake_open = args.command in CONVERSATIONS or args.plain or (
            args.command == "training" and args.training_command == "start")
        say(tr, describe(exc, intake_open=intake_open), err=True)
        return EXIT_PROBLEM


def _secure(store_path: Location, tr) -> None:
    """A store an earlier version left readable for others is made private, with a word."""
    from assistant.store.files import secure_store_files

    for path in secure_store_files(store_path):
        say(tr, _("Het bestand {path} was leesbaar voor anderen. Nu kan alleen u het lezen.", path=str(path)),
            err=True)


def _negotiate(flag: str | None) -> str:
    """Flag, then settings, then the environment, then Dutch; catalogs compiled if stale."""
    from assistant.i18n.catalogs import ensure_compiled
    from assistant.i18n.locales import negotiate

    ensure_compiled()
    configured = None
    try:
        from assistant.base.settings import load_settings

        configured = load_settings().locale
    except Exception:  # noqa: BLE001 - a broken settings file is reported by the app itself
        configured = None
    return negotiate(flag, configured, os.environ)


def _unknown_locale(tag: str) -> bool:
    from assistant.i18n.locales import catalog_locale

    return catalog_locale(tag) is None


if __name__ == "__main__":
    sys.exit(main())
