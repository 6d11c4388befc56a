"""End to end: a .docx uploaded on the library page (资料库) in headless Chromium shows its figures.

The app runs on a temporary copy of the library folder (REPLY_LIBRARY), never the repository's data/ (the
fixtures `app_url`, `library_copy` and `page` are tests/conftest.py's). The reply is built with python-docx and
carries figures the seed reply does not (7个, 321.5亩, 86家), so seeing them proves they came from the upload.
"""

from __future__ import annotations

import re

import pytest

from tests.browser_support import NEEDS_CHROMIUM, no_error, settle, shoot, sign_in_as_editor, upload
from tests.browser_support import UPLOADED_NAME as NAME
from tests.browser_support import UPLOADED_REPLY as REPLY
from tests.reply_files import make_docx

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


def grid_rows(page, which: int = 0) -> list[list[str]]:
    """Cell texts of a st.dataframe, row by row (from the grid's accessible table, not its canvas)."""
    grid = page.locator("[data-testid='stDataFrame']").nth(which)
    grid.locator("[role='gridcell']").first.wait_for(state="attached", timeout=30_000)
    return [
        row.locator("[role='gridcell']").all_text_contents() for row in grid.locator("[role='row']").all()
    ]


def no_error_shown(page) -> None:
    no_error(page)
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert "无法读取" not in page.inner_text("[data-testid='stMain']")


def test_a_viewer_has_no_upload_or_delete_and_a_forged_upload_adds_nothing(page, app_url, library_copy):
    page.goto(f"{app_url}/library")
    settle(page)
    main = page.inner_text("[data-testid='stMain']")
    assert "共 1 份答复，27 条数据" in main and "资料库为只读" in main
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    for label in ("添加到资料库", "删除…", "确认删除"):
        assert page.get_by_role("button", name=label).count() == 0
    # a request made by hand to Streamlit's upload endpoint, as a viewer's page could send it: the server may
    # keep the bytes for a while, but no script run of a viewer adds anything to the library
    page.evaluate(
        """async () => {
            const body = new FormData();
            body.append('file', new Blob(['我市新建园区9个。'], {type: 'text/plain'}), 'forged.txt');
            const r = await fetch('/_stcore/upload_file/forged-session/forged-file', {method: 'PUT', body});
            return r.status;
        }"""
    )
    page.reload()
    settle(page)
    assert "共 1 份答复，27 条数据" in page.inner_text("[data-testid='stMain']")
    assert sorted(p.name for p in library_copy.glob("*.*") if not p.name.startswith(".")) == [
        "manifest.json",
        "seed_reply.txt",
    ]
    no_error_shown(page)


LATIN = re.compile(r"(?<![.\w])[A-Za-z]{2,}")  # an English word; not .docx (a file type) nor the unit MB
UNITS = {"MB"}
SPOKEN = re.compile(r'"([^"]*)"|: (.+)$', re.MULTILINE)  # in an aria snapshot line: - role "name": text


def uploader_words_are_chinese(page) -> None:
    """The uploader's words in Chinese, both in the page's text and in what a screen reader is given (the
    accessibility tree: names of buttons and inputs included); the English is not merely hidden."""
    uploader = page.locator("[data-testid='stFileUploader']")
    uploader.wait_for(timeout=30_000)
    for _ in range(50):  # the words are put in as the uploader is drawn
        if "拖放文件到此处" in uploader.inner_text():
            break
        page.wait_for_timeout(200)
    shown, tree = uploader.inner_text(), uploader.aria_snapshot()
    spoken = " ".join(a or b for a, b in SPOKEN.findall(tree))  # names and texts, not the roles (button…)
    assert "选择文件" in shown and "拖放文件到此处" in shown and "20 MB" in shown  # the page's limit
    assert "选择要上传的答复文件" in spoken and "拖放文件到此处" in spoken
    assert {w for w in LATIN.findall(spoken) if w not in UNITS} == set(), spoken
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stFileUploader] *')].flatMap(e => [...e.childNodes])"
            ".filter(n => n.nodeType === 3).map(n => n.nodeValue).join(' ')"
        ).count("per file")
        == 0
    )  # not in the page at all, even hidden


def test_the_uploader_speaks_chinese(page, app_url):
    sign_in_as_editor(page, app_url)
    uploader_words_are_chinese(page)
    shoot(page, "10_library_uploader")


def test_an_uploaded_docx_shows_its_figures(page, app_url, library_copy):
    data = make_docx(REPLY)
    sign_in_as_editor(page, app_url)
    assert "共 1 份答复，27 条数据" in page.inner_text("[data-testid='stMain']")

    upload(page, data)
    page.wait_for_function("() => document.body.innerText.includes('共 2 份答复，30 条数据')", timeout=30_000)
    settle(page)
    catalog = {row[0]: row for row in grid_rows(page, 0) if row}
    assert set(catalog) == {"seed_reply.txt", NAME}
    assert catalog[NAME][7] == "3"  # 数据条数, the column after 格式
    assert catalog[NAME][1] == REPLY[0] and catalog[NAME][6] == "docx"
    assert ["已添加", f"保存为 {NAME}，提取数据 3 条"] in [row[1:] for row in grid_rows(page, 1)]
    assert (library_copy / NAME).read_bytes() == data  # stored unchanged, in the copy, not in data/
    assert page.locator("[data-testid='stFileChip']").count() == 0  # the uploader was emptied
    uploader_words_are_chinese(page)  # also after the upload redrew the uploader
    no_error_shown(page)
    shoot(page, "10_library_uploaded")

    upload(page, data)  # the same content again: recognised, not added twice
    page.locator("[role='gridcell']", has_text="已存在").wait_for(state="attached", timeout=30_000)
    settle(page)
    assert "共 2 份答复，30 条数据" in page.inner_text("[data-testid='stMain']")
    assert any("与已有文件内容相同" in cell for row in grid_rows(page, 1) for cell in row)
    no_error_shown(page)

    page.goto(f"{app_url}/?doc={NAME}")  # the overview of the uploaded reply alone (the sidebar's 答复文件)
    page.wait_for_function("() => document.body.innerText.includes('321.5亩')", timeout=30_000)
    settle(page)
    main = page.inner_text("[data-testid='stMain']")
    assert "王明委员" in main and "某某市经济和信息化局" in main
    assert "7个" in main and "86家" in main and "39.9亿元" not in main  # the seed's figures are filtered out
    assert "关于扶持小微企业成长升级的建议" not in main  # nor named as a source of the charts
    no_error_shown(page)
    shoot(page, "11_overview_uploaded")

    page.get_by_role("link", name="数据浏览").click()
    settle(page)
    assert "符合条件的数据：3 项（全部 30 项）" in page.inner_text("[data-testid='stMain']")
    shown = [cell for row in grid_rows(page, 0) for cell in row]
    assert {"7个", "321.5亩", "86家"} <= set(shown)
    no_error_shown(page)
