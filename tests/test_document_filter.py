"""Issue 4, Comparing: every page filters by document, and the overview shows one reply or all.

A library of two replies (the seed, and a short .docx with figures the seed does not have); the sidebar's
答复文件 filter (URL parameter `doc`) narrows each page to the .docx.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import run_app as run
from tests.reply_files import SEED, make_docx

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
NAME = "园区建设答复.docx"
REPLY = [
    "关于加快建设小微企业园的提案的答复",
    "王明委员：",
    "一、园区建设情况",
    "2022年，我市新建小微企业园7个、占地面积321.5亩，新增入园企业86家。",
    "某某市经济和信息化局",
    "2022年6月1日",
]
MINE = {"7个", "321.5亩", "86家"}
SEEDS = {"39.9亿元", "15个", "2013.9亩"}  # three of the seed's figures


@pytest.fixture(autouse=True)
def two_replies(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "replies"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / NAME).write_bytes(make_docx(REPLY))
    monkeypatch.setenv("REPLY_LIBRARY", str(folder))
    return folder


def shown_figures(at: AppTest) -> set[str]:
    cards = " ".join(h.proto.body for h in at.html)  # the headline cards (board.markup.figure_card)
    return set(re.findall(r'rf-fvalue">([^<]*)<', cards))


def section_labels(at: AppTest) -> set[str]:
    """The sections on the overview's by-section chart (one trace per theme, sections on the y axis)."""
    by_section = json.loads(at.get("plotly_chart")[1].proto.spec)
    return {label.split(" ")[-1] for trace in by_section["data"] for label in trace["y"]}  # without "1 "


def test_overview_shows_all_replies_or_the_one_filtered():
    everything = run()
    # headlines: per theme, the lead figure of each reply, the newer (2022) reply first
    assert shown_figures(everything) >= {"7个", "15个", "39.9亿元"}
    assert "2013.9亩" not in shown_figures(everything)  # the seed's second park figure gives way to the .docx
    assert {"园区建设情况", "加强政策扶持"} <= section_labels(everything)  # both replies' sections charted
    one = run(doc=NAME)
    assert shown_figures(one) == MINE and section_labels(one) == {"园区建设情况"}
    assert "王明委员" in " ".join(h.proto.body for h in one.get("html"))  # its reply card


def test_explorer_filters_by_document():
    table = run("views/explorer.py", doc=NAME).dataframe[0].value
    assert set(table["doc"]) == {NAME} and set(table["text"]) >= MINE


def test_theme_page_filters_by_document():
    script = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom views import theme\ntheme.render('园区与平台')\n"
    at = AppTest.from_string(script, default_timeout=60)
    at.session_state["doc"] = [NAME]
    at.run()
    assert not at.exception
    assert "来自1份答复" in " ".join(c.value for c in at.caption)


def test_compare_page_filters_by_document():
    at = run("views/compare.py", doc=NAME)
    assert at.caption[0].value.startswith("1 份答复、3 条数据")


def test_reader_opens_the_filtered_document():
    at = run("views/reader.py", doc=NAME)
    assert at.selectbox(key="reader-doc").value == NAME


def test_library_page_lists_every_reply_whatever_the_filter():
    """The catalog is where replies are added and removed: it lists them all (a deliberate exception)."""
    at = run("views/library.py", doc=NAME)
    assert sorted(at.dataframe[0].value["文件"]) == sorted([NAME, SEED.name])


def test_overview_picker_shows_one_reply_or_all():
    at = run()
    picker = next(s for s in at.selectbox if s.label == "答复")
    assert picker.value == "（全部答复）"
    assert any("共 2 份答复" in c.value for c in at.caption)
    picker.set_value(NAME).run()
    assert not at.exception
    assert shown_figures(at) >= MINE and not (shown_figures(at) & SEEDS)
