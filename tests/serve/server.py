"""`intake serve` as a real subprocess on a free loopback port, with its own HOME and store."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

INTAKE = Path(sys.executable).with_name("intake")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, tmp_path: Path, *args: str, settings: str | None = None, store: str | None = None) -> None:
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("INTAKE_", "XDG_"))}
        self.env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                        INTAKE_STORE=store or str(tmp_path / "store.sqlite3"))
        if settings is not None:
            cfg = home / "config" / "intake-assistent"
            cfg.mkdir(parents=True, exist_ok=True)
            (cfg / "settings.toml").write_text(settings, encoding="utf-8")
        self.port = free_port()
        self.log = tmp_path / "serve.log"
        self.args = ["--lang", "nl", "serve", "--port", str(self.port), *args]
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> Served:
        with Path(self.log).open("wb") as out:
            self.proc = subprocess.Popen([str(INTAKE), *self.args], env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"intake serve ended: {self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"intake serve did not listen within {timeout}s: {self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)

    def intake(self, *args: str) -> str:
        done = subprocess.run([str(INTAKE), "--lang", "nl", *args], env=self.env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def session_ids(self) -> list[str]:
        words = [line.split()[0] for line in self.intake("list").splitlines() if line.strip()]
        return [w for w in words if len(w) == 10 and all(c in "0123456789abcdef" for c in w)]

    def show(self, sid: str) -> dict:
        return json.loads(self.intake("show", sid))

    def wait_for(self, check, timeout: float = 30, what: str = "the store"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            time.sleep(0.3)
        raise AssertionError(f"{what} did not change within {timeout}s")
