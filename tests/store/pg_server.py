"""A throw-away PostgreSQL server for the tests, started from Debian's `postgresql` package.

The cluster lives in a fresh folder under /tmp and listens only on a Unix
socket there (no TCP port). PostgreSQL refuses to run as root, so as root the
server runs as `nobody` (with `runuser`); as anyone else, as that user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


def bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[4]))
    return found[-1].parent if found else None


class PgServer:
    def __init__(self) -> None:
        bindir = bin_dir()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed: scripts/bootstrap installs Debian's postgresql")
        self.bin = bindir
        self.base = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        self.data = self.base / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            self.base.chmod(0o755)
            shutil.chown(self.base, "nobody", "nogroup")

    def _run(self, *cmd: str, timeout: float = 120) -> subprocess.CompletedProcess:
        full = ["runuser", "-u", "nobody", "--", *cmd] if self.as_root else list(cmd)
        return subprocess.run(full, capture_output=True, text=True, timeout=timeout, cwd=self.base, check=False)

    def start(self) -> PgServer:
        done = self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "intake", "-A", "trust",
                         "--no-sync", "-E", "UTF8", "--locale=C")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr[-2000:]}")
        options = f"-k {self.base} -c listen_addresses='' -c max_connections=200"
        done = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                         "-l", str(self.base / "server.log"), "-w", "-t", "60", "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr[-2000:]} {self.log()[-2000:]}")
        return self

    def log(self) -> str:
        try:
            return (self.base / "server.log").read_text(errors="replace")
        except OSError:
            return ""

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql:///{dbname}?host={self.base}&user=intake"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)
