"""AVG rights: access (art. 15), erasure (art. 17, checked on the raw bytes) and retention."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.store import read_log
from assistant.store.readlog import audit_path
from assistant.store.sqlite import Store
from tests.privacy.conftest import DISTINCT, MOTIVATION, NOTE, SECRETS, raw_files, run_full_intake

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_intakes(tmp_path, today):
    path = tmp_path / "data" / "s.sqlite3"
    store = Store(path)
    keep = run_full_intake(store, today, decide=False)
    gone = run_full_intake(store, today)
    store.close()
    return path, keep, gone


def test_avg_export_has_everything_stored_and_is_private(two_intakes, tmp_path, capsys):
    path, _keep, sid = two_intakes
    main(["--store", str(path), "show", sid])
    out = tmp_path / "inzage.json"
    assert main(["--store", str(path), "export", sid, "--format", "avg", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    session = data["session"]
    assert session["answers"]["beroep"] == DISTINCT["beroep"]
    assert session["answers"]["gezondheid_beperking"] == "blijvend"
    assert NOTE in [text for texts in session["notes"].values() for text in texts]
    assert session["decision"]["besluit"]["motivatie"] == MOTIVATION
    assert len(session["events"]) > 10 and all(e["person"] for e in session["events"])
    assert {"open", "show"} <= {r["name"] for r in data["reads"]}


def test_md_and_pdf_exports_are_written_0600(two_intakes, tmp_path):
    path, _keep, sid = two_intakes
    md = tmp_path / "pip.md"
    md.write_text("old")
    md.chmod(0o644)  # an existing readable file is made private too
    assert main(["--store", str(path), "export", sid, "--format", "md", "-o", str(md)]) == 0
    assert stat.S_IMODE(md.stat().st_mode) == 0o600 and md.read_text().startswith("# Persoonlijk Plan")


@pytest.mark.slow
def test_pdf_export_is_written_0600(two_intakes, tmp_path):
    path, _keep, sid = two_intakes
    pdf = tmp_path / "pip.pdf"
    assert main(["--store", str(path), "export", sid, "--format", "pdf", "-o", str(pdf)]) == 0
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600 and pdf.read_bytes().startswith(b"%PDF")


def _stored_traces(path: Path, sid: str) -> list[bytes]:
    """What the session left in the file: its key, its ciphertexts (decoded) and its chain links."""
    db = sqlite3.connect(path)
    traces = [bytes(db.execute("SELECT wrapped_key FROM sessions WHERE id = ?", (sid,)).fetchone()[0])]
    for data, link in db.execute("SELECT data, link FROM events WHERE session_id = ?", (sid,)):
        traces += [data.encode(), base64.b64decode(data[3:])[12:40], link.encode()]
    db.close()
    return traces


def test_erase_leaves_no_trace_in_any_file_and_one_audit_line(two_intakes, capsys):
    path, keep, sid = two_intakes
    traces = _stored_traces(path, sid)
    files = raw_files(path.parent)
    assert any(t in data for t in traces for data in files.values())  # the check can see them
    assert main(["--store", str(path), "erase", sid]) == 2  # without --yes nothing happens
    assert sid in capsys.readouterr().err
    assert main(["--store", str(path), "erase", sid, "--yes"]) == 0
    for file, data in raw_files(path.parent).items():
        assert not [t for t in traces if t in data], file
        if not file.name.endswith(".audit.jsonl"):
            assert sid.encode() not in data, file
    store = Store(path, readonly=True)
    assert [r.id for r in store.sessions()] == [keep]
    assert any(e.data.get("value") == DISTINCT["beroep"] for e in store.events(keep))  # the other intake is whole
    assert store.verify(keep) is None
    store.close()
    erased = [line for line in read_log(path, sid) if line["name"] == "erase"]
    assert len(erased) == 1
    audit_text = audit_path(path).read_text(encoding="utf-8")
    assert not [s for s in SECRETS if s in audit_text]


def test_erase_is_refused_while_the_session_is_open_elsewhere(two_intakes, tmp_path):
    path, _keep, sid = two_intakes
    holder = Store(path)
    holder.lock(holder.session(sid))
    try:
        env = {**os.environ, "INTAKE_CONFIG_DIR": str(tmp_path / "config" / "intake-assistent")}
        proc = subprocess.run([sys.executable, "-m", "assistant.cli.main", "--store", str(path), "erase", sid, "--yes"],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    finally:
        holder.close()
    assert proc.returncode == 1 and "al open" in proc.stderr and "Traceback" not in proc.stderr
    store = Store(path, readonly=True)
    assert sid in [r.id for r in store.sessions()]
    store.close()


def test_retention_erases_only_what_is_past_the_policy(two_intakes, capsys):
    from assistant.cli.avg import retention
    from assistant.i18n import translator

    path, keep, gone = two_intakes
    store = Store(path)
    store._db.execute("UPDATE events SET at = '2019-05-01T10:00:00.000+00:00' WHERE session_id = ?", (gone,))
    store.close()
    tr = translator("nl")
    assert retention(path, True, tr, today=date(2026, 3, 2)) == 0
    out = capsys.readouterr().out
    assert gone in out and keep not in out and "niets gewist" in out
    store = Store(path, readonly=True)
    assert len(store.sessions()) == 2  # a dry run erases nothing
    store.close()
    assert retention(path, False, tr, today=date(2026, 3, 2)) == 0
    store = Store(path, readonly=True)
    assert [r.id for r in store.sessions()] == [keep]
    store.close()
    assert [line["name"] for line in read_log(path, gone)][-1] == "retention"
    assert retention(path, False, tr, today=date(2026, 3, 2)) == 0
    assert "Geen intake" in capsys.readouterr().out


def test_retention_period_is_law_data_with_a_source():
    from assistant.advice.lawdata import articles, policy_defaults

    pv = policy_defaults()["bewaartermijn_intake_jaren"]
    assert pv.value == 5 and pv.source in articles() and pv.verify is True
