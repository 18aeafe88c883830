"""A headless Chromium driven over its DevTools pipe: a page opened at a phone's or a desktop's
size (a phone emulated as phones are, so the page's viewport meta counts), a script run in it
once its fonts are in, and what that script returns. Debian's chromium is installed by
.ci/run; tests that use it skip where the machine has none."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium")


class Browser:
    """One headless Chromium, one tab; ``with Browser() as b: b.open(...)``."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="ronda-chromium-")
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()

        def pipes() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
            import fcntl

            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome, from_chrome)]
            for fd, high_fd in zip((3, 4), high, strict=True):
                os.dup2(high_fd, fd)  # inheritable, unlike the pipes

        assert CHROMIUM
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next = 0
        self._events: list[dict[str, Any]] = []  # what came while waiting for an answer
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_: object) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium went away")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and wait for its answer (events on the way are kept
        for ``open``)."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self._events.append(answer)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.call(method, self.session, **params)

    def open(self, path: Path, width: int, height: int, *, mobile: bool,
             before: str = "") -> None:
        """Open ``path`` in a window of ``width`` × ``height`` CSS pixels (``mobile``: as a
        phone, three device pixels a CSS pixel); ``before`` runs ahead of the page's own
        scripts. Returns once the page has loaded."""
        self._events.clear()
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=3 if mobile else 1, mobile=mobile)
        self.page("Page.enable")
        if before:
            self.page("Page.addScriptToEvaluateOnNewDocument", source=before)
        self.page("Page.navigate", url=path.resolve().as_uri())
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            self._events.append(self._message())

    def run(self, script: str) -> Any:
        """``script`` (an expression) evaluated once the page's fonts are in; its value."""
        done = self.page("Runtime.evaluate",
                         expression=f"document.fonts.ready.then(() => ({script}))",
                         awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in done:
            raise RuntimeError(done["exceptionDetails"])
        return done["result"].get("value")

    def screenshot(self, target: Path) -> None:
        import base64

        shot = self.page("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        target.write_bytes(base64.b64decode(shot["data"]))
