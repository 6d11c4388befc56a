"""What the end-to-end tests in headless Chromium share: the Streamlit server, the browser, waiting, screenshots.

Debian's /usr/bin/chromium only (never a downloaded browser); tests using it skip, saying so, where it is absent.
Screenshots go to tests/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "tests" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NEEDS_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_app(
    env: dict[str, str] | None = None, start_within: float = 60, script: str = "dashboard.py"
) -> Iterator[str]:
    """`streamlit run dashboard.py` (or another script) on a free port (extra environment variables given);
    yields its URL."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    cmd += ["--server.headless", "true", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_within
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        else:
            proc.kill()
        if proc.poll() is not None:
            pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace"))
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def is_outside(url: str) -> bool:
    """A request to another host than the app's (the app runs on 127.0.0.1)."""
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in (
        "127.0.0.1",
        "localhost",
    )


@contextlib.contextmanager
def recorded_page() -> Iterator:
    """A page in headless Chromium (1400×1000, zh-CN, downloads accepted) whose `outside` list records every
    request it makes to another host: a test asserting `page.outside == []` proves nothing left 127.0.0.1."""
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True
        )
        page = context.new_page()
        page.outside = []
        page.on("request", lambda r: page.outside.append(r.url) if is_outside(r.url) else None)
        try:
            yield page
        finally:
            context.close()


def fetch(page, button, attempts: int = 3) -> bytes:
    """The file a download button gives. A click that lands while the page is still drawing (an expander just
    opened, charts loading on a busy machine) can be lost before the browser sends it, so a click that starts
    no download within 20 s is made again; what the file holds is checked by the caller either way."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button.wait_for(state="visible", timeout=30_000)
    for attempt in range(attempts):
        try:
            with page.expect_download(timeout=20_000) as info:
                button.click()
            return open(info.value.path(), "rb").read()
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def settle(page, timeout=30_000) -> None:
    """Wait until the app has stopped running its script."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=timeout)  # every page has a title
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=timeout
    )
    page.wait_for_timeout(300)


def shoot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main block, so the viewport is grown to fit it first."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebar] > div')]"
        ".map(e => e.scrollHeight), 800)"
    )
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 8000)})
    page.wait_for_timeout(500)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1400, "height": 1000})
    return path


def no_error(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in page.inner_text("body")


def seed_library(folder: Path) -> Path:
    """A library folder for a test server holding the seed reply: a temporary copy, never the repository's data/."""
    shutil.copy2(ROOT / "data" / "seed_reply.txt", folder / "seed_reply.txt")
    return folder


@contextlib.contextmanager
def editor_app(folder: Path) -> Iterator[str]:
    """The app on `folder`, with the tests' editor password configured; yields its URL."""
    with streamlit_app({"REPLY_LIBRARY": str(folder), **editor_env()}) as url:
        yield url


def editor_env() -> dict[str, str]:
    """Environment for a server whose editors sign in with the tests' password (board.roles)."""
    from tests.app_support import editor_hash

    return {"REPLY_EDITOR_PASSWORD_HASH": editor_hash()}


def sign_in_as_editor(page, base: str) -> None:
    """This browser session signed in as an editor, on the library page."""
    from tests.app_support import EDITOR_PASSWORD

    page.goto(f"{base}/library")
    settle(page, timeout=60_000)
    password = page.get_by_label("编辑者密码")
    password.wait_for(timeout=60_000)  # a busy server (ten sessions at once) draws the page late
    password.fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("button", name="退出编辑").wait_for(timeout=30_000)
    settle(page, timeout=60_000)


# The reply the upload tests add (built with python-docx): figures the seed reply does not have (7个, 321.5亩,
# 86家), so seeing them proves they came from the upload.
UPLOADED_NAME = "园区建设答复.docx"
UPLOADED_REPLY = [
    "关于加快建设小微企业园的提案的答复",
    "王明委员：",
    "您提出的关于加快建设小微企业园的提案收悉，现答复如下：",
    "一、园区建设情况",
    "2022年，我市新建小微企业园7个、占地面积321.5亩，新增入园企业86家。",
    "感谢您对我们工作的关心。",
    "某某市经济和信息化局",
    "2022年6月1日",
]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(page, data: bytes, name: str = UPLOADED_NAME) -> None:
    """Put a .docx into the library page's uploader and press 添加到资料库 (an editor's session)."""
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": name, "mimeType": DOCX_TYPE, "buffer": data}]
    )
    page.locator("[data-testid='stFileChip']", has_text=name).wait_for(timeout=10_000)
    button = page.get_by_role("button", name="添加到资料库")
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('添加到资料库') && !b.disabled)"
    )
    button.click()
