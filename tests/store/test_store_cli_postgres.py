"""The `intake` command on a PostgreSQL store: --store URL or INTAKE_STORE, and no password in any output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

INTAKE = Path(sys.executable).with_name("intake")
pytestmark = pytest.mark.slow


def run(*args, env, stdin=""):
    return subprocess.run([str(INTAKE), "--lang", "nl", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)


def test_postgres_store_through_the_command_line(pg_server, tmp_path):
    url = pg_server.new_database()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("INTAKE_STORE", None)
    empty = run("--store", url, "list", env=env)
    assert empty.returncode == 0 and "postgresql://" in empty.stdout and "user=intake" not in empty.stdout
    done = run("--store", url, "new", env=env, stdin="\n1\nq\n")  # welcome, Nederlands, stop
    assert done.returncode == 0, done.stderr
    listed = run("list", env={**env, "INTAKE_STORE": url})  # the same store, chosen by the environment
    (sid,) = [line.split()[0] for line in listed.stdout.splitlines()]
    shown = json.loads(run("--store", url, "show", sid, env=env).stdout)
    assert shown["answers"]["voertaal"] == "nl"
    audit = json.loads(run("--store", url, "audit", sid, "--json", env=env).stdout)
    assert [r["name"] for r in audit["reads"]] == ["open", "show"]  # the read log is in the database
    verified = run("--store", url, "verify", env=env)
    assert verified.returncode == 0 and "alles in orde" in verified.stdout
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").rglob("*.sqlite3"))


def test_postgres_unreachable_server_is_a_message_without_the_password(tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    url = f"postgresql://intake:Geheim123@/nodb?host={tmp_path}&port=1"
    done = run("--store", url, "list", env=env)
    assert done.returncode == 1
    assert "niet bereikbaar" in done.stderr and "Traceback" not in done.stderr
    assert "Geheim123" not in done.stderr + done.stdout


def test_postgres_error_mid_session_is_the_unreachable_message():
    import psycopg

    from assistant.base.errors import describe

    msg = describe(psycopg.OperationalError("server closed the connection unexpectedly"))
    assert msg.msgid.startswith("De database {path} is niet bereikbaar") and msg.params == {"path": "PostgreSQL"}
