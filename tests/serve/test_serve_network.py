"""`intake serve`: where it listens, who the app process thinks is working, the pre-intake role.

The websocket is driven with aiohttp's client (the protocol textual-serve's
page speaks): a browser cannot set the login proxy's header, a client can.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.serve.server import INTAKE, Served

pytestmark = pytest.mark.slow
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")


def listening(port: int) -> set[str]:
    """The local addresses (hex, as the kernel writes them) of TCP sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


def test_serve_listens_on_loopback_only_by_default(tmp_path):
    server = Served(tmp_path).start()
    try:
        assert listening(server.port) == {"0100007F"}  # 127.0.0.1, and nothing on 0.0.0.0 or ::
        assert "127.0.0.1" in server.output() and "reverse proxy" not in server.output()
    finally:
        server.stop()


def test_serve_elsewhere_for_consulenten_needs_the_user_header(tmp_path):
    server = Served(tmp_path, "--host", "0.0.0.0")
    done = subprocess.run([str(INTAKE), *server.args], env=server.env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "user_header" in done.stderr and "[serve]" in done.stderr
    assert listening(server.port) == set()


def test_serve_elsewhere_says_a_proxy_with_tls_and_login_belongs_in_front(tmp_path):
    server = Served(tmp_path, "--host", "0.0.0.0", "--pre-intake").start()
    try:
        assert listening(server.port) == {"00000000"}
        assert "reverse proxy met TLS en aanmelding" in server.output()
    finally:
        server.stop()


async def _session(port: int, headers: dict[str, str], keys: list[str], settle: float = 1.5) -> tuple[int, str]:
    """Open the app's websocket, wait until it has drawn, type `keys`; (HTTP status, text shown)."""
    import aiohttp

    shown: list[str] = []
    async with aiohttp.ClientSession() as http:
        try:
            ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30", headers=headers)
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status, ""
        async with ws:
            async def read_until_quiet(limit: float) -> None:
                while True:
                    try:
                        msg = await asyncio.wait_for(ws.receive(), timeout=settle if shown else limit)
                    except TimeoutError:
                        return
                    if msg.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                        data = msg.data if isinstance(msg.data, str) else msg.data.decode("utf-8", "replace")
                        shown.append(data)
                    else:
                        return

            await read_until_quiet(30)
            for key in keys:
                await ws.send_str(json.dumps(["stdin", key]))
                await read_until_quiet(10)
    return 101, ESCAPES.sub("", "".join(shown))


def test_serve_names_the_consulent_from_the_proxy_header(tmp_path):
    server = Served(tmp_path, settings='[serve]\nuser_header = "X-Remote-User"\n').start()
    try:
        status, _ = asyncio.run(_session(server.port, {}, []))
        assert status == 403  # no authenticated user: no app process
        status, shown = asyncio.run(_session(server.port, {"X-Remote-User": "j.jansen"}, ["n"]))
        assert status == 101 and "Welkom bij de brede intake" in shown
        (sid,) = server.wait_for(server.session_ids, what="a new session")
        audit = json.loads(server.intake("audit", sid, "--json"))
        assert {e["person"] for e in audit["events"]} == {"j.jansen"}, audit["events"]
        opened = [r for r in audit["reads"] if r.get("name") == "open"]
        assert opened and {r["attributes"]["intake.user"] for r in opened} == {"j.jansen"}
    finally:
        server.stop()


def test_serve_pre_intake_is_the_inburgeraars_without_the_caseload(tmp_path):
    server = Served(tmp_path, "--pre-intake").start()
    try:
        # the inburgeraar's own view: the language first, then new, consent yes, past the code
        status, shown = asyncio.run(_session(server.port, {"X-Remote-User": "j.jansen"}, ["\r"] * 4))
        assert status == 101
        assert "Nederlands" in shown and "ትግርኛ" in shown  # each language in its own script
        assert "Nieuwe intake" not in shown and "Kies een intake" not in shown  # no caseload, no home
        (sid,) = server.wait_for(server.session_ids, what="a new session")
        assert server.show(sid)["mode"] == "pre_intake"
        audit = json.loads(server.intake("audit", sid, "--json"))
        # the header is ignored here: nobody has consulent rights
        assert {e["person"] for e in audit["events"]} == {"inburgeraar"}, audit["events"]
        opened = [r for r in audit["reads"] if r.get("name") == "open"]
        assert opened and {r["attributes"]["intake.user"] for r in opened} == {"inburgeraar"}
    finally:
        server.stop()
