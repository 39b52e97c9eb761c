"""Headless commands say what failed, in words: never a traceback, never the
catch-all that promises saved answers where no intake was open."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.base.errors import describe
from assistant.i18n import translator
from assistant.store.sqlite import Store, StoreError

ROOT = Path(__file__).resolve().parents[1]
PERSONA = sorted((ROOT / "tests" / "cases" / "personas").glob("*.json"))[0]
CATCH_ALL = ("Er ging iets mis", "Uw antwoorden tot nu toe zijn bewaard")


def run(*args: str, prelude: str = "", env_home: Path | None = None) -> subprocess.CompletedProcess:
    code = f"import sys\n{prelude}\nfrom assistant.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    env = None
    if env_home is not None:
        import os
        env = {**os.environ, "HOME": str(env_home), "XDG_DATA_HOME": str(env_home / "data"),
               "XDG_CONFIG_HOME": str(env_home / "config")}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)


def assert_clear_failure(out: subprocess.CompletedProcess, *expected: str) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr + out.stdout
    assert not any(text in out.stderr for text in CATCH_ALL), out.stderr
    for text in expected:
        assert text in out.stderr, out.stderr


def a_store_with_one_session(path: Path) -> str:
    store = Store(path)
    row = store.create_session("brede_intake", "1", "f" * 16, "joint")
    for i in range(200):  # enough rows to fill several pages
        store.append(row.id, "consulent", "answer", "1", {"question": "naam", "value": f"Waarde {i}" * 20})
    store.close()
    return row.id


def test_unknown_language_names_the_code_and_the_choices(tmp_path):
    out = run("--lang", "xx", "list", env_home=tmp_path)
    assert_clear_failure(out, "Onbekende taal: xx", "nl, en, ar, fa, ti, tr, so")
    assert out.returncode == 2


def test_escape_sequences_in_a_language_code_do_not_reach_the_terminal(tmp_path):
    out = run("--lang", "\x1b]8;;http://x\x07zz", "list", env_home=tmp_path)
    assert_clear_failure(out, "Onbekende taal")
    assert "\x1b" not in out.stderr and "\x07" not in out.stderr


def test_a_missing_module_is_named_with_how_to_install(tmp_path):
    out = run("replay", str(PERSONA), prelude="sys.modules['yaml'] = None", env_home=tmp_path)
    assert_clear_failure(out, "de module yaml", "./start")
    assert out.stdout == ""


def test_a_file_that_is_no_store_is_named(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("this is no database\n" * 100)
    out = run("--store", str(bad), "list", env_home=tmp_path)
    assert_clear_failure(out, str(bad))


def test_a_damaged_store_says_damaged(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    sid = a_store_with_one_session(path)
    with sqlite3.connect(path) as db:   # fold the WAL into the file, then break its pages
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(raw), page):
        raw[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(raw))
    out = run("--store", str(path), "show", sid, env_home=tmp_path)
    assert_clear_failure(out)
    assert "beschadigd" in out.stderr or str(path) in out.stderr, out.stderr


def test_a_full_disk_refuses_the_answer_and_says_so(tmp_path):
    store = Store(tmp_path / "full.sqlite3")
    row = store.create_session("brede_intake", "1", "f" * 16, "joint")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count={pages + 1}")   # the file may not grow: as a full disk
    before = list(store.events(row.id))
    with pytest.raises(StoreError) as caught:
        for _ in range(500):
            store.append(row.id, "consulent", "answer", "1", {"question": "naam", "value": "x" * 2000})
    assert caught.value.code == "disk_full"
    text = translator("nl")(describe(caught.value))
    assert text.startswith("De schijf is vol; het laatste antwoord is niet bewaard")
    assert len(list(store.events(row.id))) >= len(before)   # what was acknowledged is still there


def test_headless_and_open_intake_messages_differ_for_the_unexpected():
    tr = translator("nl")
    headless = tr(describe(RuntimeError("boom"), intake_open=False))
    assert "RuntimeError" in headless and "bewaard" not in headless and "boom" not in headless
    assert "Uw antwoorden tot nu toe zijn bewaard" in tr(describe(RuntimeError("boom"), intake_open=True))


def test_a_full_disk_outside_an_intake_does_not_speak_of_answers():
    import errno

    text = translator("nl")(describe(OSError(errno.ENOSPC, "No space left"), intake_open=False))
    assert text.startswith("De schijf is vol.") and "antwoord" not in text


@pytest.mark.parametrize("args", [
    ("show", "nope"),
    ("export", "nope", "--format", "md"),
    ("replay", "does-not-exist.json"),
    ("import-lbt", "nope", "does-not-exist.json"),
])
def test_bad_input_to_headless_commands_never_gets_the_catch_all(tmp_path, args):
    assert_clear_failure(run("--store", str(tmp_path / "s.sqlite3"), *args, env_home=tmp_path))


def test_the_catalogs_carry_every_new_message_in_every_language():
    from assistant.i18n.codes import TARGET_LOCALES

    for locale in TARGET_LOCALES:
        text = translator(locale)(describe(ModuleNotFoundError("x", name="yaml"), intake_open=False))
        assert "yaml" in text and not text.startswith("Een onderdeel"), locale


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path):
    """`intake replay folder/ | head -1`: a closed pipe is not a disk problem."""
    code = "import sys\nfrom assistant.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen([sys.executable, "-c", code, "replay", str(PERSONA.parent)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    proc.stdout.close()                      # as `head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert json.loads(first)["ok"] is True
    assert err == ""


@pytest.mark.parametrize("args, target, open_intake", [
    (("training", "list"), "assistant.cli.training.dispatch", False),
    (("list",), "assistant.cli.commands.list_sessions", False),
    (("--plain",), "assistant.plain.conversation.run", True),
    (("training", "start", "b1_route_werk"), "assistant.cli.training.dispatch", True),
])
def test_only_an_open_conversation_promises_saved_answers(tmp_path, args, target, open_intake):
    module, name = target.rsplit(".", 1)
    prelude = (f"import importlib\nm = importlib.import_module('{module}')\n"
               f"def boom(*a, **k):\n    raise RuntimeError('x')\nm.{name} = boom")
    out = run("--store", str(tmp_path / "s.sqlite3"), *args, prelude=prelude, env_home=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "RuntimeError" in out.stderr
    assert ("Uw antwoorden tot nu toe zijn bewaard" in out.stderr) == open_intake, out.stderr
