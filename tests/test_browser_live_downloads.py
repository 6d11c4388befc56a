"""End to end: a download holds exactly the rows on screen, after the library changed while the app ran.

One browser session downloads before any change (so Streamlit's worker threads have served a download of the
old library), then a reply is uploaded on 资料库 and another is dropped into the folder; every page's on-screen
count must then equal the rows of its CSV and of its XLSX. Also: no request leaves 127.0.0.1 (the fixtures
`app_url`, `library_copy` and `page` are tests/conftest.py's).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from tests.browser_support import NEEDS_CHROMIUM, fetch, no_error, settle, sign_in_as_editor, upload
from tests.browser_support import UPLOADED_NAME as NAME
from tests.browser_support import UPLOADED_REPLY as REPLY
from tests.reply_files import make_docx

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

DROPPED = "文件夹放入的答复.txt"
DROPPED_TEXT = "\n".join(
    [
        "关于推进农村道路建设的建议的答复",
        "李华代表：",
        "您提出的关于推进农村道路建设的建议收悉，现答复如下：",
        "一、道路建设情况",
        "2021年，全县新改建农村公路45公里，建成乡村驿站12个。",
        "某某县交通运输局",
        "2021年7月1日",
    ]
)


def csv_rows(data: bytes) -> int:
    return len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) - 1


def xlsx_rows(data: bytes) -> int:
    sheet = load_workbook(io.BytesIO(data), read_only=True)["数据"]
    return sum(1 for _ in sheet.iter_rows(min_row=2))


def explorer_count(page) -> int:
    caption = page.get_by_text("符合条件的数据").inner_text()
    return int(caption.split("：")[1].split(" ")[0])


def check_explorer(page) -> int:
    settle(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    shown = explorer_count(page)
    main = page.locator("[data-testid='stMain']")
    assert csv_rows(fetch(page, main.get_by_role("button", name="下载 CSV").last)) == shown
    assert xlsx_rows(fetch(page, main.get_by_role("button", name="下载 Excel").last)) == shown
    return shown


def check_theme(page) -> int:
    settle(page)
    main = page.locator("[data-testid='stMain']")
    caption = main.get_by_text("项数据，来自").first.inner_text()
    shown = int(caption.split("共")[1].split("项")[0])
    main.get_by_text("本主题全部数据").click()
    box = main.locator("[data-testid='stExpander']", has_text="本主题全部数据")
    assert csv_rows(fetch(page, box.get_by_role("button", name="下载 CSV"))) == shown
    assert xlsx_rows(fetch(page, box.get_by_role("button", name="下载 Excel"))) == shown
    return shown


def nav(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    settle(page)


def test_every_download_equals_the_screen_after_the_library_changes(page, app_url, library_copy):
    sign_in_as_editor(page, app_url)  # uploads need an editor (board.roles); the session lives on
    nav(page, "数据浏览")
    assert check_explorer(page) == 27  # the seed alone: a worker thread has now served a download
    nav(page, "园区与平台")
    parks_before = check_theme(page)

    nav(page, "资料库")  # same browser session: upload a reply
    upload(page, make_docx(REPLY))
    page.wait_for_function("() => document.body.innerText.includes('共 2 份答复，30 条数据')", timeout=30_000)
    nav(page, "数据浏览")
    assert check_explorer(page) == 30
    nav(page, "园区与平台")
    assert check_theme(page) == parks_before + 3

    (library_copy / DROPPED).write_text(DROPPED_TEXT, encoding="utf-8")  # a file dropped into the folder
    nav(page, "数据浏览")
    assert check_explorer(page) == 32

    page.goto(f"{app_url}/explorer?doc={quote(NAME)}")  # filtered to the uploaded reply
    assert check_explorer(page) == 3
    no_error(page)
    assert page.outside == [], page.outside
