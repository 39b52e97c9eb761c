"""The headless sub-commands of `intake` (check, replay, list, show, export)."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, emit_json, say
from assistant.i18n import N_, _


def check(tr, dialogs_dir: Path | None = None) -> int:
    """Validate every dialog; for the shipped ones also the catalogs and readability."""
    from assistant.dialog.loader import check_file, dialog_files
    from assistant.dialog.record_contract import contract_problems

    problems = []
    files = dialog_files(dialogs_dir)
    if not files:
        say(tr, _("Geen vragenlijsten gevonden."), err=True)
        return EXIT_PROBLEM
    for path in files:
        result = check_file(path)
        problems += [str(p) for p in result.problems]
        if result.dialog is not None:
            if dialogs_dir is None:  # the record contract and law/ bind the shipped dialog
                problems += [str(p) for p in contract_problems(result.dialog)]
                problems += _basis_problems(result.dialog)
    for name, runner in _extra_checks() if dialogs_dir is None else ():
        problems += [f"{name}: {p}" for p in runner()]
    for line in problems:
        print(line)
    if problems:
        say(tr, N_("{n} probleem gevonden.", "{n} problemen gevonden.", len(problems)), err=True)
        return EXIT_PROBLEM
    say(tr, N_("Alles in orde: {n} vragenlijst gecontroleerd.", "Alles in orde: {n} vragenlijsten gecontroleerd.", len(files)))
    return EXIT_OK


def _basis_problems(dialog) -> list[str]:
    """Every topic's legal or guidance basis must be an entry of law/articles.yaml."""
    from assistant.advice.lawdata import articles

    known = articles()
    return [f"{dialog.path}:{t.line}: [{t.id}] basis '{t.basis}' is not in law/articles.yaml; add it there with its source"
            for t in dialog.topics if t.basis and t.basis not in known]


def _extra_checks():
    """Catalog and readability checks live in their own modules (issue 5)."""
    from assistant.training.validate import all_problems as training_problems

    checks = [("training", lambda: [str(p) for p in training_problems()])]
    try:
        from assistant.i18n.checks import run_all_checks

        checks.append(("catalogs", run_all_checks))
    except ImportError:
        pass
    try:
        from assistant.i18n.readability import readability_problems

        checks.append(("readability", readability_problems))
    except ImportError:
        pass
    return checks


def replay(paths: list[Path], tr, store_path: Path | None = None) -> int:
    """One case file: the result as JSON. Several, or a folder: JSON Lines (see replay_batch).

    With `store_path` (``--save``) each case is stored as a session there; a case
    with ``"mode": "training"`` goes to the training store beside it (`store_for`),
    so it never shows in the real caseload.
    """
    stores = _SaveStores(store_path) if store_path is not None else None
    try:
        if len(paths) == 1 and not paths[0].is_dir():
            return _replay_one(paths[0], tr, stores)
        return _replay_many(paths, tr, stores)
    finally:
        if stores is not None:
            stores.close()


class _SaveStores:
    """The store a replayed case is saved in, by its mode; each opened once, when first needed."""

    def __init__(self, store_path: Path) -> None:
        self.store_path, self._open = store_path, {}

    def __call__(self, mode: str):
        from assistant.store import open_store
        from assistant.training.guard import store_for

        path = store_for(mode, self.store_path)
        if path not in self._open:
            self._open[path] = open_store(path)
        return self._open[path]

    def close(self) -> None:
        for store in self._open.values():
            store.close()


def _replay_one(case_path: Path, tr, store) -> int:
    from assistant.dialog.loader import load_dialog
    from assistant.outcome.compute import replay_extras
    from assistant.outcome.cases import CaseInvalid, read_case, run

    try:
        case = read_case(case_path)
        result = run(load_dialog(), case, replay_extras, store)
    except CaseInvalid as exc:
        for field, msg in exc.problems:
            say(tr, _("Fout in {field}: {message}", field=field, message=msg), err=True)
        say(tr, _("De casus is niet verwerkt. Er is niets opgeslagen."), err=True)
        return EXIT_PROBLEM
    emit_json(result)
    return EXIT_OK


def _replay_many(paths: list[Path], tr, store) -> int:
    import json

    from assistant.app.replay_batch import lines

    failed = 0
    for line in lines(paths, tr, store):
        failed += not line["ok"]
        print(json.dumps(line, ensure_ascii=False), flush=True)
    if failed:
        say(tr, N_("{n} casus is niet verwerkt. Zie de regel met \"ok\": false.",
                   "{n} casussen zijn niet verwerkt. Zie de regels met \"ok\": false.", failed), err=True)
        return EXIT_PROBLEM
    return EXIT_OK


def list_sessions(store_path: Path, tr) -> int:
    from assistant.app.caseload import summaries

    rows = summaries(store_path)
    if not rows:
        from assistant.store import display

        say(tr, _("Er zijn nog geen intakes opgeslagen in {path}.", path=display(store_path)))
        return EXIT_OK
    for s in rows:
        deadline = s.deadline or "-"
        print(f"{s.id}  {tr(s.status_msg):<28} {s.answered:>3}/{s.total:<3} {deadline}  {s.created_at[:10]}")
    return EXIT_OK


def show(store_path: Path, sid: str, tr, as_json: bool = False) -> int:
    from assistant.app.caseload import open_readonly, provenance

    view, state = open_readonly(store_path, sid, with_state=True)
    emit_json(provenance(view, state) if as_json else view)
    return EXIT_OK


def speak(qid: str, lang: str, output: Path, tr) -> int:
    """`intake speak QUESTION_ID --lang L -o FILE.wav`: the question, help and choices read aloud."""
    from assistant.dialog.loader import load_dialog
    from assistant.i18n import translator
    from assistant.app.speech import SpeechError, question_text, to_wav

    q = load_dialog().find_question(qid)
    if q is None:
        say(tr, _("Onbekende vraag: {id}.", id=qid), err=True)
        return EXIT_USAGE
    try:
        to_wav(question_text(q, translator(lang)), lang, output)
    except SpeechError as exc:
        say(tr, exc.msg, err=True)
        return EXIT_PROBLEM
    say(tr, _("Geschreven naar {path}.", path=str(output.resolve())))
    return EXIT_OK


def handover(store_path: Path, sid: str, tr) -> int:
    """`intake handover ID`: the consulent takes a pre-intake over (an event records it)."""
    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake
    from assistant.store import open_store

    store = open_store(store_path)
    try:
        intake = Intake.open(store, sid, load_dialog())
        try:
            intake.handover()
            intake.pause()
        finally:
            intake.close()
    finally:
        store.close()
    say(tr, _("De consulent heeft intake {id} overgenomen. Open hem om verder te gaan.", id=sid))
    return EXIT_OK


def export(store_path: Path, sid: str, fmt: str, output: Path | None, tr) -> int:
    from assistant.outcome.compute import export_session

    if output is not None and not output.parent.is_dir():
        say(tr, _("De map {path} bestaat niet. Kies een bestaande map voor -o.", path=str(output.parent.resolve())), err=True)
        return EXIT_PROBLEM
    data = export_session(store_path, sid, fmt, output)
    if isinstance(data, Path):  # the full path: a relative -o is relative to where the command was started
        say(tr, _("Geschreven naar {path}.", path=str(data.resolve())))
    elif isinstance(data, str):
        print(data)
    else:
        emit_json(data)
    return EXIT_OK


def import_lbt(store_path: Path, sid: str, file: Path, tr) -> int:
    """Apply DUO's Resultaat to a session as answers by actor 'duo' — all or nothing."""
    import json

    from assistant.dialog.loader import load_dialog
    from assistant.duo.lbt_import import LbtImportError, import_lbt_result
    from assistant.engine.parse import Invalid, check_value
    from assistant.engine.session import Intake
    from assistant.store import open_store

    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
        answers = import_lbt_result(payload)
    except (OSError, ValueError) as exc:
        say(tr, _("Het bestand is geen geldige JSON: {reason}.", reason=str(exc)), err=True)
        return EXIT_PROBLEM
    except LbtImportError as exc:
        say(tr, exc.msg, err=True)
        return EXIT_PROBLEM
    from assistant.training.guard import refuse_lbt_import

    dialog = load_dialog()
    store = open_store(store_path)
    try:
        refuse_lbt_import(store.session(sid).mode)
        intake = Intake.open(store, sid, dialog)
        try:
            if intake.state.position == "confirmed":  # a confirmed PIP is changed only on purpose
                say(tr, _("Het PIP van intake {id} is al bevestigd. Er is niets veranderd. "
                          "Heropen het eerst met: intake reopen {id} --reason \"…\".", id=sid), err=True)
                return EXIT_PROBLEM
            for qid, value in answers.items():  # check all before applying any
                check_value(dialog.question(qid), value, intake.today())
            for qid in (q.id for q in dialog.questions if q.id in answers):
                step = intake.answer_question(qid, answers[qid], "duo", from_file=True)
                if step.error is not None:
                    say(tr, _("Fout in {field}: {message}", field=qid, message=step.error), err=True)
                    return EXIT_PROBLEM
        except Invalid as exc:
            say(tr, exc.msg, err=True)
            return EXIT_PROBLEM
        finally:
            intake.close()
    finally:
        store.close()
    say(tr, _("De uitslag van de leerbaarheidstoets is toegevoegd aan intake {id}.", id=sid))
    return EXIT_OK


def reopen(store_path: Path, sid: str, reason: str | None, tr) -> int:
    """Reopen a confirmed PIP with a reason, kept as an event; the intake goes back to the review."""
    from assistant.store import record_read
    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake
    from assistant.store import open_store
    from assistant.base.text import clean

    reason = clean(reason or "", multiline=True).strip()
    if len(reason) < 10:
        say(tr, _("Schrijf op waarom u het PIP heropent (ten minste 10 tekens), met --reason."), err=True)
        return EXIT_USAGE
    dialog = load_dialog()
    store = open_store(store_path)
    try:
        intake = Intake.open(store, sid, dialog)
        try:
            if intake.state.position != "confirmed":
                say(tr, _("Intake {id} is niet bevestigd. Heropenen is niet nodig.", id=sid), err=True)
                return EXIT_PROBLEM
            store.append(sid, "consulent", REOPENED, dialog.version, {"reason": reason[:2000]})
        finally:
            intake.close()
        intake = Intake.open(store, sid, dialog)  # folded again: the event is part of its history
        try:
            intake.review()
        finally:
            intake.close()
    finally:
        store.close()
    record_read(store_path, "reopen", sid)
    say(tr, _("Het PIP van intake {id} is heropend. De reden is bewaard.", id=sid))
    return EXIT_OK


REOPENED = "reopened"   # {reason}: a confirmed PIP reopened by the consulent (kept in the log)


__all__ = ["reopen", "import_lbt", "check", "replay", "list_sessions", "show", "export"]
