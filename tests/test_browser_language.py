"""End to end: what a screen reader is given is Chinese — the page's language and every name and text in the
accessibility tree of each page, Streamlit's own controls included (board.page_language). The app is
tests/conftest.py's `app_url`: the seed library, editors configured."""

from __future__ import annotations

import re

import pytest

from tests.browser_support import NEEDS_CHROMIUM, chromium, settle

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

ENGLISH = re.compile(r"(?<![.\w])[A-Za-z]{2,}")  # an English word, not a file type (.docx)
PATHS = re.compile(r"[\w.-]*/[\w./-]*|[\w.-]+\.[A-Za-z]{2,5}\b")  # a folder or a file's name, as it is
ALLOWED = {"CSV", "Excel", "README", "MB"}  # file formats and the readme's name, as officials say them
SPOKEN = re.compile(r'"([^"]*)"|: (.+)$', re.MULTILINE)  # in an aria snapshot line: - role "name": text


def english_spoken(page) -> set[str]:
    """English words among the names and texts of the page's accessibility tree (not its roles, not links'
    addresses)."""
    lines = [line for line in page.locator("body").aria_snapshot().splitlines() if "/url:" not in line]
    spoken = " ".join(a or b for a, b in SPOKEN.findall("\n".join(lines)))
    return {word for word in ENGLISH.findall(PATHS.sub(" ", spoken)) if word not in ALLOWED}


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        yield context.new_page()
        context.close()


def wait_for_chinese(page) -> None:
    """The names are put in as Streamlit draws; wait until its controls have them."""
    page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=30_000)
    page.wait_for_function(
        '() => !document.querySelector(\'[aria-label="Sidebar"], [aria-label="Open"]\')', timeout=30_000
    )


@pytest.mark.parametrize(
    "path", ["", "theme-parks-and-platforms", "explorer", "reader", "compare", "library"]
)
def test_every_page_speaks_chinese(page, app_url, path):
    page.goto(f"{app_url}/{path}")
    settle(page)
    wait_for_chinese(page)
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    assert english_spoken(page) == set()
    assert page.get_by_role("link", name="跳到正文").count() == 1  # was "Skip to main content"


def test_a_table_tooltip_is_chinese(page, app_url):
    page.goto(f"{app_url}/explorer")
    settle(page)
    wait_for_chinese(page)
    page.locator("[data-testid='stDataFrame']").first.hover()
    page.get_by_role("button", name="搜索").first.hover()  # the table's toolbar, named in Chinese
    tip = page.locator("[data-testid='stTooltipContent']").last
    tip.wait_for(timeout=10_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stTooltipContent]')].some(e => e.innerText === '搜索')",
        timeout=10_000,
    )
