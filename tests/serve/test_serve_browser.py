"""`intake serve` in a real headless browser: Debian's chromium, driven by Selenium.

On a SQLite and on a PostgreSQL store, the page is loaded, the home screen appears (a screenshot is saved and its
path printed), an intake is started and one question answered with the
keyboard, and the answer is then read back from the store with `intake show`.

What the browser shows is drawn on a canvas, so the test reads the text from
the websocket stream the page receives (a hook installed before the page's own
scripts) and keeps a screenshot as the human-readable proof.
"""

from __future__ import annotations

import re
import shutil
import time

import pytest

from tests.serve.server import Served

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("chromedriver") is None,
                                 reason="chromium and chromium-driver are installed by ./test (scripts/bootstrap)")]

ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,800")

# Records every message the page's websocket receives, as text.
HOOK = r"""
window.__received = [];
const Orig = window.WebSocket;
function Hooked(url, protocols) {
  const ws = protocols === undefined ? new Orig(url) : new Orig(url, protocols);
  ws.addEventListener('message', (e) => {
    if (typeof e.data === 'string') { window.__received.push(e.data); }
    else if (e.data instanceof ArrayBuffer) { window.__received.push(new TextDecoder().decode(e.data)); }
    else if (e.data instanceof Blob) {
      e.data.arrayBuffer().then((b) => window.__received.push(new TextDecoder().decode(b)));
    }
  });
  return ws;
}
Hooked.prototype = Orig.prototype;
Hooked.CONNECTING = 0; Hooked.OPEN = 1; Hooked.CLOSING = 2; Hooked.CLOSED = 3;
window.WebSocket = Hooked;
"""
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")


class Page:
    def __init__(self, driver) -> None:
        self.driver = driver

    def text(self) -> str:
        return ESCAPES.sub("", "".join(self.driver.execute_script("return window.__received || []")))

    def wait_for(self, words: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if words in self.text():
                return
            time.sleep(0.3)
        raise AssertionError(f"{words!r} not shown within {timeout}s; last shown: {self.text()[-800:]!r}")

    def requested_hosts(self) -> set[str]:
        import json
        from urllib.parse import urlsplit

        hosts = set()
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                if not url.startswith(("data:", "blob:")):
                    hosts.add(urlsplit(url).netloc)
        return hosts

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.by import By

        box = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            box.send_keys(key)
            time.sleep(0.3)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})  # every request the page makes
    for arg in ARGS:
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    yield Page(driver)
    driver.quit()


@pytest.fixture(params=["sqlite", "postgres"])
def served(request, tmp_path):
    store = request.getfixturevalue("pg_server").new_database() if request.param == "postgres" else None
    server = Served(tmp_path, store=store).start()
    yield server
    server.stop()


def test_browser_home_then_one_answer_is_stored(served, browser, tmp_path, capsys):
    from selenium.webdriver.common.keys import Keys

    browser.driver.get(f"http://127.0.0.1:{served.port}/")
    browser.wait_for("Intake-assistent inburgering")
    browser.wait_for("Nieuwe intake")  # the home screen's footer: the caseload is on screen
    # Page, script, styles, font and websocket: all from this server, nothing from Google or anyone else.
    assert browser.requested_hosts() == {f"127.0.0.1:{served.port}"}
    shot = tmp_path / "home.png"
    assert browser.driver.save_screenshot(str(shot)) and shot.stat().st_size > 5000
    with capsys.disabled():  # in the test output, also when the test passes
        print(f"\nscreenshot of the home screen: {shot}")

    browser.keys("n")
    browser.wait_for("Welkom bij de brede intake")
    browser.keys(Keys.ENTER)
    browser.wait_for("In welke taal wilt u de vragen ook lezen?")
    browser.keys("1", Keys.ENTER)  # Nederlands
    browser.wait_for("Is er een tolk bij het gesprek?")
    after = tmp_path / "answered.png"
    browser.driver.save_screenshot(str(after))
    with capsys.disabled():
        print(f"screenshot after the answer: {after}")

    (sid,) = served.session_ids()
    view = served.show(sid)
    assert view["answers"]["voertaal"] == "nl"
    assert view["mode"] == "joint"


def test_page_has_no_third_party_requests(tmp_path):
    """No Google Fonts (or any other host): the page names only its own server."""

    served = Served(tmp_path).start()
    try:
        _check_page(served)
    finally:
        served.stop()


def _check_page(served) -> None:
    import urllib.request

    html = urllib.request.urlopen(f"http://127.0.0.1:{served.port}/", timeout=10).read().decode()
    hosts = set(re.findall(r"""(?:src|href)=["']?(?:https?:)?//([^/"']+)""", html))
    assert hosts == {f"127.0.0.1:{served.port}"}, hosts
    assert "googleapis" not in html and "gstatic" not in html
    font = urllib.request.urlopen(f"http://127.0.0.1:{served.port}/static/fonts/RobotoMono-VariableFont_wght.ttf",
                                  timeout=10).read()
    assert len(font) > 10_000  # the bundled font is really there
