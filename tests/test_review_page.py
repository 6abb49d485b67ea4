"""The review page (`policyie show FILE --html`) in a real browser: headless Chromium from the
distribution's packages (Debian: ``apt-get install chromium``; `.ci/run` installs it).

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: it reads
commands on fd 3 and writes answers on fd 4, each a JSON message ending in NUL), so the test needs no
WebDriver and no package beyond the standard library. It loads the page, records every console
message, uncaught exception, log entry and network request, reads the rendered text and takes a
screenshot. ``POLICYIE_REVIEW_SCREENSHOT=docs/figures/review_page.png`` also keeps the screenshot.
Without /usr/bin/chromium the tests skip, unless ``POLICYIE_REQUIRE_CHROMIUM`` is set (CI sets it).
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import struct
import tempfile
import time
from pathlib import Path

import pytest

import policyie
from policyie.cli import main

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_a89ed202fbb261d6.txt"


@pytest.fixture(autouse=True)
def _chromium() -> None:
    """Skip without the browser; but where it is required (CI sets POLICYIE_REQUIRE_CHROMIUM), fail."""
    if not os.path.exists(CHROMIUM):
        why = f"{CHROMIUM} is absent (Debian: apt-get install chromium chromium-driver)"
        if os.environ.get("POLICYIE_REQUIRE_CHROMIUM"):
            pytest.fail(why + ", and POLICYIE_REQUIRE_CHROMIUM is set")
        pytest.skip(why)


class Chromium:
    """A headless Chromium and its DevTools pipe."""

    def __init__(self, width: int, height: int, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.TemporaryDirectory(prefix="policyie-chromium-")
        self.log = Path(self.profile.name) / "chromium.log"
        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()
        argv = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={self.profile.name}",
            f"--window-size={width},{height}", "about:blank",
        ]  # fmt: skip
        actions = [
            (os.POSIX_SPAWN_DUP2, to_chrome, 3),
            (os.POSIX_SPAWN_DUP2, from_chrome, 4),
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, str(self.log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ]
        # Its own session (process group), so that closing it ends its helper processes too.
        self.pid = os.posix_spawn(CHROMIUM, argv, os.environ, file_actions=actions, setsid=True)
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            if select.select([self._in], [], [], left)[0]:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the pipe:\n" + self.log.read_text(errors="replace")[-3000:])
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.events.append(self._receive(deadline))

    def settle(self, seconds: float) -> None:
        """Collect what arrives for ``seconds`` more: errors thrown by timers or late handlers."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._receive(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        deadline = time.monotonic() + 10
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.killpg(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        try:  # helpers of this browser that outlived it (its own process group, started above)
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self._in)
        os.close(self._out)
        self.profile.cleanup()


def visit(url: str, *, width: int = 1280, height: int = 2000, script: str = "") -> dict:
    """Load ``url`` and report: ``text`` (document.body.innerText), ``value`` (of ``script``, run after
    loading), ``png`` (a screenshot), ``errors`` (console errors, uncaught exceptions, error log
    entries such as a blocked load) and ``requests`` (every URL the page asked for)."""
    browser = Chromium(width, height)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        browser.events.clear()
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait_for("Page.loadEventFired")
        browser.settle(0.5)

        def evaluate(expression: str):
            result = browser.send(
                "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session
            )
            if "exceptionDetails" in result:
                raise AssertionError(f"{expression[:60]}…: {result['exceptionDetails']}")
            return result["result"].get("value")

        text = evaluate("document.body.innerText")
        value = evaluate(script) if script else None
        browser.settle(0.3)
        png = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"])
        events = list(browser.events)
    finally:
        browser.close()
    errors, requests = [], []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            errors.append(f"console.{params['type']}: {args}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append(f"uncaught: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(f"log: {params['entry'].get('text', '')}")
        elif method == "Network.requestWillBeSent":
            requests.append(params["request"]["url"])
    return {"text": text, "value": value, "png": png, "errors": errors, "requests": requests}


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_the_probe_sees_console_errors_exceptions_and_blocked_loads(tmp_path: Path) -> None:
    """The checks below mean something only if a broken page fails them."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        '</head><body><p>你好</p><p style="display:none">隐藏</p><img src="file:///nope.png">'
        '<script>console.error("boom"); setTimeout(function () { notDefined(); }, 10);</script></body></html>',
        encoding="utf-8",
    )
    seen = visit(bad.as_uri(), width=400, height=300)
    assert seen["text"].strip() == "你好"  # hidden text is not visible text
    assert any("boom" in e for e in seen["errors"]), seen["errors"]
    assert any("notDefined" in e for e in seen["errors"]), seen["errors"]
    assert any("Content Security Policy" in e for e in seen["errors"]), seen["errors"]
    assert "file:///nope.png" in seen["requests"]
    assert _png_size(seen["png"]) == (400, 300)


def test_review_page_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    assert main(["show", str(SEED), "--html", "-o", str(page)]) == 0
    doc = policyie.extract(SEED)
    assert len(doc.officials) >= 5
    # After loading: every official's first mark is laid out with its colour, and clicking a row of the
    # officials table flashes that official's mark (the page's script works).
    script = """
      (() => {
        const marks = Array.from(document.querySelectorAll("mark.pie-official"));
        const shown = marks.filter(m => m.getBoundingClientRect().width > 0).map(m => m.firstChild.textContent);
        const colour = marks.length ? getComputedStyle(marks[0]).backgroundColor : null;
        const row = document.querySelector("#pie-table-officials tbody tr[data-target]");
        row.click();
        const flashed = document.getElementById(row.getAttribute("data-target")).classList.contains("pie-flash");
        const box = document.querySelector("input[data-kind=official]");
        box.click();
        const hidden = getComputedStyle(marks[0]).backgroundColor;
        box.click();
        return {shown, colour, flashed, hidden};
      })()
    """
    seen = visit(page.as_uri(), script=script)
    assert seen["errors"] == []
    assert seen["requests"] == [page.as_uri()]  # nothing but the page itself
    for official in doc.officials:
        assert official.name in seen["text"], official.name
    value = seen["value"]
    assert {o.name for o in doc.officials} <= set(value["shown"])
    assert value["colour"] == "rgb(170, 156, 252)"  # the official colour, #aa9cfc
    assert value["flashed"] is True
    assert value["hidden"] == "rgba(0, 0, 0, 0)"  # the legend's checkbox hides the highlight
    assert _png_size(seen["png"]) == (1280, 2000) and len(seen["png"]) > 100_000
    shot = tmp_path / "review_page.png"
    shot.write_bytes(seen["png"])
    keep = os.environ.get("POLICYIE_REVIEW_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)
