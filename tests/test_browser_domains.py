"""In headless Chromium, a library of replies from three domains (education, buses, water): the navigation
has a section per domain with that domain's themes, and a copied link with a 领域 filter opens with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser_support import NEEDS_CHROMIUM, chromium, no_error, settle, shoot, streamlit_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

REAL = Path(__file__).resolve().parent / "real_domains"
REPLIES = ["02_qujiang_youeryuan.txt", "31_zhongxian_gongjiao.txt", "06_taishun_xushui.txt"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("three_domains")
    for name in REPLIES:
        shutil.copy(REAL / name, folder / name)
    with streamlit_app({"REPLY_LIBRARY": str(folder)}) as url:
        yield url


def test_navigation_has_a_section_per_domain_and_the_domain_filter_survives_a_link(app_url):
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN").new_page()
        page.goto(f"{app_url}/?domain=科技、教育")
        settle(page)
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        for text in ["科技、教育", "工业、交通", "农业、林业、水利", "学位与学校", "公交与客运", "供水"]:
            assert text in nav, nav
        assert "园区与平台" not in nav
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert "已筛选：6 /" in sidebar  # the six figures of the education reply
        no_error(page)
        shoot(page, "20_three_domains")
        page.get_by_role("link", name="学位与学校").click()  # the filter follows to a theme page
        settle(page)
        assert "domain=" in page.url
        assert "已筛选" in page.locator("[data-testid='stSidebar']").inner_text()
