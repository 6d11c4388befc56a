"""Ten officials at once: ten browser sessions on one running app, each with its own filters, one uploading.

One Streamlit server on a temporary library (the seed and the dev replies); one Chromium with ten contexts
(separate cookies and sessions). Every session opens the explorer with different filters in its URL, all at
once; while they load, session 0 uploads a new reply on the library page. Then every session reloads and
must still show its own filters, the count those filters give on the library that now holds the new reply
(computed here by the loaders), the new total, and no error.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qsl, urlsplit

import pytest

import library
from board.filters import KEYS, Filters, apply_filters, to_query
from tests.browser_support import (
    NEEDS_CHROMIUM,
    ROOT,
    chromium,
    editor_env,
    no_error,
    settle,
    sign_in_as_editor,
    streamlit_app,
)
from tests.reply_files import CORPUS

pytestmark = [pytest.mark.browser, pytest.mark.slow, NEEDS_CHROMIUM]

NEW_NAME = "新增园区答复.txt"
NEW_REPLY = "\n".join(
    [
        "关于加快小微企业园建设的提案的答复",
        "李建国委员:",
        "您提出的《关于加快小微企业园建设的建议》(第88号提案)收悉。现答复如下:",
        "一、园区建设",
        "2022年,我市新建小微企业园9个,占地面积555.5亩,入园企业超777家。",
        "二、下一步工作",
        "计划再建设园区3个。",
        "某某市经济和信息化局",
        "2022年6月1日",
    ]
)
SESSIONS = [
    Filters(),
    Filters(themes=("园区与平台",)),
    Filters(themes=("减负与资金",)),
    Filters(kinds=("area",)),
    Filters(kinds=("count",), status="planned"),
    Filters(status="achieved"),
    Filters(query="园区"),
    Filters(query="企业", themes=("企业服务",)),
    Filters(docs=("seed_reply.txt",)),
    Filters(qualifiers=("at_least",)),
]


@pytest.fixture(scope="module")
def library_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    shutil.copy2(ROOT / "data" / "seed_reply.txt", folder / "seed_reply.txt")
    for path in sorted(CORPUS.glob("dev/*.txt")):
        shutil.copy2(path, folder / path.name)
    library.open_library(folder)  # registered and cached before the server starts, as a library in use is
    return folder


def filters_in(url: str) -> list[tuple[str, str]]:
    """The filter parameters of a URL, in a comparable form (other parameters, such as the page, aside)."""
    return sorted((k, v) for k, v in parse_qsl(urlsplit(url).query) if k in KEYS.values())


def shown_counts(page) -> tuple[int, int]:
    """(rows matching, all rows) from the explorer's caption, or the empty-result note."""
    text = page.inner_text("[data-testid='stMain']")
    found = re.search(r"符合条件的数据：(\d+) 项（全部 (\d+) 项）", text)
    assert found, text[:300]
    return int(found[1]), int(found[2])


def upload_reply(page, base: str) -> None:
    sign_in_as_editor(page, base)  # uploading is an editor's
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": NEW_NAME, "mimeType": "text/plain", "buffer": NEW_REPLY.encode("utf-8")}]
    )
    page.locator("[data-testid='stFileChip']", has_text=NEW_NAME).wait_for(timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('添加到资料库') && !b.disabled)"
    )
    page.get_by_role("button", name="添加到资料库").click()
    page.locator("[role='gridcell']", has_text="已添加").wait_for(state="attached", timeout=60_000)


def test_ten_sessions_keep_their_own_filters_while_one_uploads(library_copy):
    before = library.open_library(library_copy).tables.figures
    assert len({len(apply_filters(before, f)) for f in SESSIONS}) >= 6  # the filters really differ
    with streamlit_app({"REPLY_LIBRARY": str(library_copy), **editor_env()}) as base, chromium() as browser:
        contexts = [browser.new_context(viewport={"width": 1300, "height": 900}) for _ in SESSIONS]
        pages = [context.new_page() for context in contexts]
        urls = [f"{base}/explorer?{to_query(f)}" for f in SESSIONS]
        for page, url in zip(pages[1:], urls[1:], strict=True):
            page.goto(url, wait_until="commit")  # all nine start at once; the server runs them together
        upload_reply(pages[0], base)  # meanwhile, session 0 adds a reply
        for page in pages[1:]:
            settle(page, timeout=60_000)
            no_error(page)

        after = library.open_library(library_copy).tables.figures
        assert len(after) > len(before) and NEW_NAME in set(after["doc"])
        pages[0].goto(urls[0])
        for page in pages[1:]:
            page.reload(wait_until="commit")
        for page, url, chosen in zip(pages, urls, SESSIONS, strict=True):
            settle(page, timeout=60_000)
            expected = len(apply_filters(after, chosen))
            assert filters_in(page.url) == filters_in(url), (page.url, url)  # still this session's filters
            assert shown_counts(page) == (expected, len(after)), chosen
            no_error(page)
            assert page.locator("[data-testid='stAlertContentError']").count() == 0
        for context in contexts:
            context.close()
