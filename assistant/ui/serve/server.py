"""`intake serve`: the same Textual app in a browser, through textual-serve.

The only module that imports textual_serve. Every browser tab gets its own app
process (`assistant.ui.serve.process`), started by textual-serve with a terminal
size and the web driver.

Choices, and why:
- 127.0.0.1 by default: the page carries personal data and has no login or
  TLS of its own. Another address needs ``--host`` and a printed reminder
  that a reverse proxy with TLS and login belongs in front (docs/deploy.md).
- Our own page template: textual-serve's links Google Fonts, which would send
  every visitor's IP address to a third party (an AVG problem). Ours loads
  only the font that textual-serve ships, and has translated words.
- Who is who: textual-serve passes nothing of the request to the app process,
  so this server reads the proxy's user header (``[serve] user_header``) from
  the websocket request and hands it to the app process in its environment
  (`assistant.base.identity`). Without that setting the consulent is the OS
  account that runs `intake serve` (one consulent, a browser on the same
  machine). The pre-intake server gives its processes the inburgeraar role.
"""

from __future__ import annotations

import asyncio
import inspect
import ipaddress
import shlex
import sys
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, log

from assistant.base.identity import ROLE_ENV, USER_ENV
from assistant.base.settings import SettingsError, load_settings
from assistant.i18n import _

_TEMPLATES = Path(__file__).with_name("templates")
_MAX_USER = 120


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def user_from_header(value: str | None) -> str | None:
    """The proxy's user name, or None when it is missing or not a plain name."""
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > _MAX_USER or not value.isprintable():
        return None
    return value


class _Service(AppService):
    """An app process with who-is-who in its environment."""

    def __init__(self, *args, extra_env: dict[str, str], **kw) -> None:
        super().__init__(*args, **kw)
        self._extra_env = extra_env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        env.pop(USER_ENV, None)
        env.pop(ROLE_ENV, None)
        env.update(self._extra_env)
        return env


class IntakeServer(Server):
    def __init__(self, command: str, *, host: str, port: int, title: str, words: dict[str, str],
                 lang: str, user_header: str | None, pre_intake: bool, public_url: str | None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=_TEMPLATES)
        self.words, self.lang = words, lang
        self.user_header, self.pre_intake = user_header, pre_intake

    async def on_startup(self, app: web.Application) -> None:
        return None  # the command prints its own (translated) lines

    def initialize_logging(self) -> None:
        """Plain log lines: textual-serve's own handler prints tracebacks with local variables."""
        import logging

        logging.basicConfig(level="INFO", format="%(levelname)s %(name)s: %(message)s")

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request):
        context = await inspect.unwrap(Server.handle_index)(self, request)  # textual-serve's, without its template
        context.update(words=self.words, lang=self.lang)
        return context

    def who(self, request: web.Request) -> dict[str, str] | None:
        """The app process's identity, or None when the request must be refused."""
        if self.pre_intake:
            return {ROLE_ENV: "inburgeraar"}
        if self.user_header is None:
            return {}  # the OS account running `intake serve`
        user = user_from_header(request.headers.get(self.user_header))
        return None if user is None else {USER_ENV: user}

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # a refused request gets a plain 403, not a websocket
        """textual-serve's handler, with the identity passed on (or the request refused)."""
        extra = self.who(request)
        if extra is None:
            return web.Response(status=403, text=self.words["no_user"])
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = _Service(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                               close=websocket.close, download_manager=self.download_manager,
                               debug=self.debug, extra_env=extra)
            await service.start(width, height)
            try:
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - logged by textual-serve's logger, no data in it
            log.error("app process failed: %s", type(error).__name__)
        finally:
            if service is not None:
                await service.stop()
        return websocket


def _int(value: str | None, default: int) -> int:
    try:
        return max(10, min(500, int(value or default)))
    except ValueError:
        return default


def command(store: str, lang: str, pre_intake: bool) -> str:
    parts = [sys.executable, "-m", "assistant.ui.serve.process", "--store", str(store), "--lang", lang]
    if pre_intake:
        parts.append("--pre-intake")
    return shlex.join(parts)


def serve(store: str, lang: str, tr, *, host: str, port: int, pre_intake: bool,
          public_url: str | None = None) -> int:
    """Serve until Ctrl+C or SIGTERM; prints where, and the proxy reminder when not local."""
    try:
        user_header = load_settings().user_header
    except SettingsError as exc:
        print(tr(exc.msg), file=sys.stderr)
        return 1
    words = {"start": tr(_("Beginnen")), "restart": tr(_("Opnieuw beginnen")),
             "ended": tr(_("Het venster is gesloten. Alle antwoorden zijn bewaard.")),
             "no_user": tr(_("U bent niet aangemeld. Meld u aan via de website van de gemeente."))}
    if not is_loopback(host) and not pre_intake and not user_header:
        print(tr(_("Op een ander adres dan 127.0.0.1 moet bekend zijn wie er werkt. "
                   "Zet user_header in het deel [serve] van de instellingen. Kijk in docs/deploy.md.")),
              file=sys.stderr)
        return 2
    title = tr(_("Voorbereiding op de intake")) if pre_intake else tr(_("Intake-assistent inburgering"))
    server = IntakeServer(command(store, lang, pre_intake), host=host, port=port, title=title, words=words,
                          lang=lang, user_header=user_header, pre_intake=pre_intake, public_url=public_url)
    where = public_url or f"http://{host}:{port}"
    print(tr(_("De intake-assistent is open op {url}. Stop met Ctrl+C.", url=where)), flush=True)
    if not is_loopback(host):
        print(tr(_("Let op: dit adres is bereikbaar vanaf andere computers. Zet er een reverse proxy "
                   "met TLS en aanmelding voor. Kijk in docs/deploy.md.")), flush=True)
    server.serve()
    return 0
