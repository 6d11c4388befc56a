"""End to end, a library of three replies from different domains: the dashboard never misleads.

Every bar and tooltip names its reply; a reported 12345个 shows as 12345个; a period shows as 2020年1-6月; no
coded English (exact, count, m2, 2020-01/2020-06, None, NaT) on screen or in the downloads; 在原文中查看 opens
the sentence's reply in the same tab with the figure marked and in view; no request leaves 127.0.0.1 (`page`
records them: tests/conftest.py).
"""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest
from openpyxl import load_workbook

from tests.browser_support import NEEDS_CHROMIUM, ROOT, fetch, no_error, settle, shoot, streamlit_app
from tests.browser_support import UPLOADED_NAME as NAME
from tests.browser_support import UPLOADED_REPLY as REPLY
from tests.reply_files import make_docx

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

SCHOOLS = "\n".join(
    [
        "关于增加中小学学位供给的建议的答复",
        "张三代表：",
        "您提出的关于增加中小学学位供给的建议（第58号）收悉，现答复如下：",
        "一、学位建设情况",
        "2020年1-6月，全市新增中小学学位12345个，新建城市公园15个。",
        "2021年，全市投入学校建设资金400万元。",
        "某某市教育局",
        "2021年7月1日",
    ]
)
CODES = re.compile(
    r"\b(exact|approx|at_least|at_most|range|count|money|area|percent|CNY|USD|m2|None|NaT|nan)\b"
    r"|\d{4}-\d\d/\d{4}-\d\d|（[^（）]*，年）"
)
CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => gd.data
    .filter(t => t.type === 'bar' && t.customdata).map(t => ({x: t.x, replies: t.customdata.map(c => c[5]),
    hover: t.hovertemplate})))"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    shutil.copy2(ROOT / "data" / "seed_reply.txt", folder / "seed_reply.txt")
    (folder / NAME).write_bytes(make_docx(REPLY))
    (folder / "学位建设答复.txt").write_text(SCHOOLS, encoding="utf-8")
    with streamlit_app({"REPLY_LIBRARY": str(folder)}) as url:
        yield url


def visible_codes(page) -> list[str]:
    text = page.inner_text("[data-testid='stMain']") + page.inner_text("[data-testid='stSidebar']")
    return [m.group(0) for m in CODES.finditer(text)]


def every_bar_names_its_reply(plots: list[list[dict]]) -> set[str]:
    """Every tooltip names its reply; a chart mixing replies names it under each bar. Returns the names."""
    named, mixed_charts = set(), 0
    for bars in plots:
        replies = {r for b in bars for r in b["replies"]}
        mixed_charts += len(replies) > 1
        named |= replies
        for bar in bars:
            assert "答复：%{customdata[5]}" in bar["hover"]
            for x, reply in zip(bar["x"], bar["replies"], strict=True):
                assert len(replies) == 1 or reply in x.replace("<br>", "")
    assert len(named) == 1 or mixed_charts  # the parks page mixes two replies on one axis
    return named


def test_overview_and_theme_name_each_reply_with_exact_numbers_in_chinese(page, app_url):
    page.goto(app_url)
    settle(page)
    page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
    main = page.inner_text("[data-testid='stMain']")
    assert "12345个" in main and "1.23万" not in main
    assert "2020年1-6月" in main
    assert "某某市教育局·" in main and "慈溪市经济和信息化局·提案170号" in main  # cards name their reply
    assert "View" not in page.inner_text("[data-testid='stSidebarNav']")  # no "View 3 more"
    assert visible_codes(page) == []
    shoot(page, "20_overview_three_replies")

    named = set()
    for path in ("theme-school-places-and-schools", "theme-parks-and-platforms"):  # two domains' pages
        page.goto(f"{app_url}/{path}")
        settle(page)
        page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
        plots = [p for p in page.evaluate(CHARTS) if p]
        named |= every_bar_names_its_reply(plots)
    assert len(named) == 3 and any(n.startswith("某某市教育局·") for n in named)  # each by its short name
    bar = page.locator(".js-plotly-plot .barlayer .point path").first
    bar.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    assert "答复：" in page.locator(".hoverlayer .hovertext").first.text_content()
    assert visible_codes(page) == []
    no_error(page)
    shoot(page, "21_theme_three_replies")
    assert page.outside == [], page.outside


def test_explorer_and_its_downloads_are_in_chinese(page, app_url):
    page.goto(f"{app_url}/explorer?period=2020%E5%B9%B41-6%E6%9C%88")  # ?period=2020年1-6月
    settle(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    sidebar = page.inner_text("[data-testid='stSidebar']")
    assert "2020年1-6月" in sidebar  # the 时期 filter shows its choice in Chinese
    assert visible_codes(page) == []
    main = page.locator("[data-testid='stMain']")
    text = fetch(page, main.get_by_role("button", name="下载 CSV")).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(r["时期"] == "2020年1-6月" for r in rows)
    assert {"12345个"} <= {r["数据"] for r in rows} and all(r["答复"] for r in rows)
    assert [c for r in rows for c in r.values() if CODES.search(c)] == []
    book = load_workbook(
        io.BytesIO(fetch(page, main.get_by_role("button", name="下载 Excel"))), read_only=True
    )
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert [c for c in cells if CODES.search(c)] == []
    fields = [c for row in book["字段说明"].iter_rows(values_only=True) for c in row if c]
    assert not [c for c in fields if re.search(r"[a-z]{4,}", str(c))]  # the field sheet is Chinese
    link = next(r[1] for r in book["筛选条件"].iter_rows(values_only=True) if r[0] == "链接")
    assert link.startswith(app_url + "/explorer?") and "period=2020%E5%B9%B41-6%E6%9C%88" in link
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    main.get_by_role("button", name="复制本页链接").click()
    page.wait_for_function("() => document.body.innerText.includes('已复制链接')", timeout=10_000)
    assert page.evaluate("navigator.clipboard.readText()") == page.url  # the view, filters included
    assert page.outside == [], page.outside


def test_the_source_opens_in_the_same_tab_scrolled_to_the_figure_marked_apart(page, app_url):
    page.goto(f"{app_url}/explorer?q=%E8%B6%851000")  # keyword 超1000: its own figure first
    settle(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.locator("[role='gridcell']").first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(500)
    first = [c for c in grid.locator("[role='row']").nth(1).locator("[role='gridcell']").all_text_contents()]
    assert "超1000家" in first
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    page.wait_for_selector("div.rf-sentence mark.rf-fig", timeout=30_000)
    loads = page.evaluate("performance.getEntriesByType('navigation').length")
    page.get_by_role("button", name="在原文中查看").click()
    page.wait_for_selector("mark.rf-target", timeout=30_000)
    settle(page)
    page.wait_for_timeout(3000)
    assert "/reader" in page.url
    assert page.evaluate("performance.getEntriesByType('navigation').length") == loads  # no page load
    assert page.locator("mark.rf-target").count() == 1
    assert page.locator("mark.rf-target").inner_text() == "1000家"
    top = page.locator("mark.rf-target").bounding_box()["y"]
    assert 0 <= top <= 1000  # in view
    no_error(page)
    page.screenshot(path=str(ROOT / "tests" / "screenshots" / "22_reader_jumped.png"))
    assert page.outside == [], page.outside
