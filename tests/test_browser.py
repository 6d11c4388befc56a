"""End to end in a real headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser).

Starts `streamlit run dashboard.py` on a free port, checks the overview draws Plotly SVG, a sidebar filter
changes the explorer table, a CSV download arrives with its BOM, and saves a screenshot of every page under
tests/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.browser_support import NEEDS_CHROMIUM, chromium, no_error, settle, shoot, streamlit_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="module")
def app_url():
    with streamlit_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    pg = context.new_page()
    yield pg
    context.close()


def table_rows(page) -> int:
    """Rows the explorer reports (its caption), read after the table has rendered."""
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    caption = page.get_by_text("符合条件的数据").inner_text()
    return int(caption.split("：")[1].split(" ")[0])


def test_a_filter_changes_the_explorer_table_and_the_url(page, app_url):
    # First request to a fresh server is a deep link (as a shared link is): navigation and filters must be there.
    page.goto(f"{app_url}/explorer")
    settle(page)
    before = table_rows(page)
    shoot(page, "05_explorer")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="主题").first.click()
    page.get_by_role("option", name="园区与平台").click()
    page.keyboard.press("Escape")
    settle(page)
    page.wait_for_function(f"() => !document.body.innerText.includes('符合条件的数据：{before} 项')")
    after = table_rows(page)
    assert 0 < after < before
    assert "theme=" in page.url
    no_error(page)
    shoot(page, "06_explorer_filtered")
    page.goto(page.url)  # the link reproduces the view
    settle(page)
    assert table_rows(page) == after
    page.locator("[data-testid='stSidebarNav'] a", has_text="概览").click()  # filters hold across pages
    page.wait_for_function("() => document.body.innerText.includes('超1000家')", timeout=30_000)
    settle(page)
    assert "theme=" in page.url and "已应用筛选" in page.inner_text("[data-testid='stMain']")
    assert "39.9亿元" not in page.inner_text("[data-testid='stMain']")


def test_overview_renders_plotly_svg_and_headline_figures(page, app_url):
    page.goto(app_url)
    settle(page)
    page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() >= 2
    body = page.inner_text("body")
    for text in ["杨文艳委员", "39.9亿元", "超1000家", "2013.9亩"]:
        assert text in body
    no_error(page)
    shoot(page, "01_overview")


def test_theme_pages_render_charts(page, app_url):
    page.goto(f"{app_url}/theme-parks-and-platforms")
    settle(page)
    page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() >= 2
    no_error(page)
    shoot(page, "02_theme_parks")
    page.goto(f"{app_url}/theme-relief-and-funding")
    settle(page)
    page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
    shoot(page, "03_theme_relief")
    # theme pages are the themes present in the library: the seed has no figure under 其他, so no such page
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "园区与平台" in nav and "其他" not in nav


def test_csv_download_arrives_with_bom(page, app_url, tmp_path):
    page.goto(f"{app_url}/explorer?theme=%E5%9B%AD%E5%8C%BA%E4%B8%8E%E5%B9%B3%E5%8F%B0")
    settle(page)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="下载 CSV").first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert download.suggested_filename.startswith("答复数据_数据表_筛选结果_")
    text = data.decode("utf-8-sig")
    assert "园区与平台" in text and "原句" in text


def test_reader_highlights_figures(page, app_url):
    page.goto(f"{app_url}/reader")
    settle(page)
    page.wait_for_selector("mark.rf-fig", timeout=30_000)
    assert page.locator("mark.rf-fig").count() >= 20
    no_error(page)
    shoot(page, "07_reader")


def test_selecting_a_row_shows_its_sentence_with_the_figure_marked(page, app_url):
    page.goto(f"{app_url}/explorer")
    settle(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's selection box
    page.wait_for_selector("div.rf-sentence mark.rf-fig", timeout=30_000)
    assert page.locator("div.rf-sentence mark.rf-fig").first.inner_text() == "39.9亿元"
    no_error(page)
    shoot(page, "08_explorer_selected")


def test_clicking_a_bar_shows_its_sentence(page, app_url):
    page.goto(f"{app_url}/theme-relief-and-funding")
    settle(page)
    bar = page.locator(".js-plotly-plot .barlayer .point path").first
    bar.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # Plotly picks on hover
    page.wait_for_timeout(300)
    page.mouse.down()
    page.mouse.up()
    page.wait_for_selector("div.rf-sentence mark.rf-fig", timeout=30_000)
    assert "39.9亿元" in page.locator("div.rf-sentence").first.inner_text()
    no_error(page)


def test_a_figure_in_the_reader_links_to_its_row_without_a_page_load(page, app_url):
    page.goto(f"{app_url}/reader?theme=%E5%9B%AD%E5%8C%BA%E4%B8%8E%E5%B9%B3%E5%8F%B0")  # ?theme=园区与平台
    settle(page)
    page.evaluate("window.__marker = 1")  # a new document (a page load) would not have it
    loads = page.evaluate("performance.getEntriesByType('navigation').length")
    page.locator("a.rf-link", has_text="2013.9亩").click()
    page.wait_for_url("**/explorer?**", timeout=30_000)
    settle(page)
    page.wait_for_selector("div.rf-sentence mark.rf-fig", timeout=30_000)
    assert page.locator("div.rf-sentence mark.rf-fig").first.inner_text() == "2013.9亩"
    assert page.evaluate("window.__marker") == 1
    assert page.evaluate("performance.getEntriesByType('navigation').length") == loads
    assert "fig=seed_reply.txt%3A1007" in page.url and "theme=" in page.url  # the filters stay
    no_error(page)
    shoot(page, "09_explorer_from_reader")
    page.get_by_role("button", name="在原文中查看").first.click()  # and back: the round trip
    page.wait_for_selector("mark.rf-target", timeout=30_000)
    assert page.locator("mark.rf-target").inner_text() == "2013.9亩" and "/reader" in page.url
    assert page.evaluate("window.__marker") == 1
    # the explorer's address still works opened afresh (a copied link)
    page.goto(page.url.replace("/reader", "/explorer") + "&fig=seed_reply.txt%3A1007")
    settle(page)
    page.wait_for_selector("div.rf-sentence mark.rf-fig", timeout=30_000)
    assert page.locator("div.rf-sentence mark.rf-fig").first.inner_text() == "2013.9亩"
    assert page.evaluate("window.__marker") is None


def test_a_figure_clicked_with_ctrl_is_left_to_the_browser(page, app_url):
    page.goto(f"{app_url}/reader")
    settle(page)
    link = page.locator("a.rf-link", has_text="2013.9亩")
    with page.context.expect_page(timeout=30_000) as opened:
        link.click(modifiers=["Control"])  # a new tab, as for any link
    assert "/explorer?fig=seed_reply.txt%3A1007" in opened.value.url
    assert "/reader" in page.url
