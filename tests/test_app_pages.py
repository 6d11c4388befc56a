"""AppTest: the entry script and every page render the seed reply without an exception or traceback."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import run_app

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
THEMES = [  # the seed's domain's themes (the seed is an enterprise reply, 工业、交通/工业)
    row["theme"]
    for row in csv.DictReader((ROOT / "loaders/rules/themes.csv").read_text("utf-8").splitlines())
    if row["domain"] == "工业、交通/工业"
]


def theme_page(theme: str) -> AppTest:
    """A theme page on its own (AppTest cannot switch to st.navigation's callable pages)."""
    script = (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom views import theme\ntheme.render({theme!r})\n"
    )
    return AppTest.from_string(script, default_timeout=60)


def charts_of(at: AppTest) -> list:
    return at.get("plotly_chart")


def test_overview_shows_the_reply_card_and_headline_figures_with_qualifiers():
    at = run_app()
    assert not at.error
    card = " ".join(h.proto.body for h in at.html)
    for text in [
        "关于扶持小微企业成长升级的建议",
        "第170号提案",
        "杨文艳委员",
        "慈溪市经济和信息化局",
        "2020年8月31日",
    ]:
        assert text in card
    values = re.findall(r'rf-fvalue">([^<]*)<', card)  # the headline cards
    for figure in ["39.9亿元", "超1000家", "2013.9亩", "15个", "4000余件", "1.6亿美元"]:
        assert figure in values
    assert "慈溪市经济和信息化局·提案170号　2020年1-6月" in card  # each card names its reply and period
    assert len(charts_of(at)) == 2


def test_overview_has_chart_downloads_named_for_their_contents():
    at = run_app()
    assert not at.get("download_button") and not at.dataframe  # a chart's table is drawn once opened
    at.session_state["ov-theme-table"] = at.session_state["ov-section-table"] = True  # both opened
    at.run()
    names = [b.proto.label for b in at.get("download_button")]
    assert names.count("下载 CSV") == 2 and names.count("下载 Excel") == 2
    assert len(at.dataframe) == 2


@pytest.mark.parametrize("theme", THEMES)
def test_each_theme_page_draws_its_charts_or_says_it_has_none(theme):
    at = theme_page(theme).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == theme
    if theme == "其他":
        assert "没有" in at.info[0].value and not charts_of(at)
        return
    assert charts_of(at), theme
    assert any("来源：" in c.value for c in at.caption)


def test_parks_page_compares_built_under_construction_and_planned():
    at = theme_page("园区与平台").run()
    specs = [json.loads(c.proto.spec) for c in charts_of(at)]
    compare = [s for s in specs if s["layout"]["title"]["text"].startswith("对比")]
    assert compare, [s["layout"]["title"]["text"] for s in specs]
    subjects = {x.replace("<br>", "") for trace in compare[0]["data"] for x in trace["x"]}
    assert {"已建成工业小微企业园区", "在建小微企业园", "谋划建设小微企业园"} <= subjects
    panels = [a["text"] for a in compare[0]["layout"]["annotations"]]
    assert any("面积" in p for p in panels) and any("数量" in p for p in panels)


def test_a_theme_pages_tables_are_drawn_once_opened():
    at = theme_page("园区与平台").run()
    assert charts_of(at) and not at.dataframe and not at.get("download_button")  # the charts come first
    at.session_state["园区与平台-all-open"] = True  # 本主题全部数据 opened
    at.run()
    assert not at.exception and len(at.dataframe[0].value) == 13
    assert {"下载 CSV", "下载 Excel"} <= {b.proto.label for b in at.get("download_button")}


def test_theme_page_follows_the_sidebar_filters():
    at = theme_page("园区与平台")
    at.session_state["kind"] = ["money"]
    at.run()
    assert not at.exception
    assert "筛选" in at.info[0].value


def test_sidebar_has_every_filter_bound_to_the_url():
    at = run_app()
    keys = {w.key for w in at.sidebar.children.values() if hasattr(w, "key")}
    assert {"theme", "section", "kind", "qualifier", "period", "status", "doc", "q"} <= keys
    multiselects = {m.key: m for m in at.sidebar.children.values() if hasattr(m, "key")}
    assert multiselects["theme"].proto.query_param_key == "theme"  # the widget writes its value to the URL


def test_explorer_filters_change_the_table():
    # AppTest drops the entry script's sidebar from its tree after switch_page (the browser test clicks the
    # real widgets); the filters are set through their session-state keys here, as the widgets would.
    at = run_app("views/explorer.py")
    all_rows = len(at.dataframe[0].value)
    at.session_state["theme"] = ["园区与平台"]
    at.run()
    parks = at.dataframe[0].value
    assert 0 < len(parks) < all_rows
    assert set(parks["theme"]) == {"园区与平台"}
    at.session_state["q"] = "在建"
    at.run()
    assert 0 < len(at.dataframe[0].value) < len(parks)
    names = [b.proto.label for b in at.get("download_button")]
    assert "下载 CSV" in names and "下载 Excel" in names


def test_a_link_with_filters_reproduces_the_view():
    at = run_app("views/explorer.py", theme="外贸与出口", kind="金额")
    table = at.dataframe[0].value
    assert table["数据"].tolist() == ["1.6亿美元"]


def test_explorer_says_so_when_nothing_matches():
    at = run_app("views/explorer.py", q="没有这个词")
    assert "没有符合" in at.info[0].value
    assert not at.dataframe


def test_explorer_shows_a_linked_figure_with_its_sentence():
    at = run_app("views/explorer.py", fig="seed_reply.txt:1022")
    shown = " ".join(h.proto.body for h in at.html)
    assert '<mark class="rf-fig">1000家</mark>' in shown


def test_reader_shows_every_figure_highlighted_and_linked():
    at = run_app("views/reader.py")
    body = " ".join(h.proto.body for h in at.html)
    assert body.count('<mark class="rf-fig">') == 27
    assert "explorer?fig=seed_reply.txt%3A506" in body
    assert [s.value for s in at.subheader][:2] == ["一、加强小微企业扶持力度", "二、支持小微企业发展平台建设"]


def test_a_figure_clicked_in_the_reader_opens_its_row_in_the_explorer():
    from board import figure_links

    at = run_app("views/reader.py", theme="园区与平台")
    catchers = at.get("bidi_component")
    assert "reply_figure_links" in [c.proto.component_name for c in catchers]
    at.session_state[figure_links.CLICKED] = "seed_reply.txt:1007"  # what the catcher stores on a click
    at.run()
    assert not at.exception and [t.value for t in at.title] == ["数据浏览"]
    assert at.query_params["fig"] == "seed_reply.txt:1007"
    shown = " ".join(h.proto.body for h in at.html)
    assert '<mark class="rf-fig">2013.9亩</mark>' in shown


def test_unreadable_files_are_named_in_one_line_not_a_traceback(tmp_path, monkeypatch):
    shutil.copy(ROOT / "data/seed_reply.txt", tmp_path / "seed_reply.txt")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("REPLY_LIBRARY", str(tmp_path))
    at = run_app()
    errors = sorted(e.value for e in at.error)
    assert len(errors) == 2 and errors[0].startswith("broken.txt：") and errors[1].startswith("empty.txt：")
    assert '<div class="rf-fvalue">超1000家</div>' in " ".join(h.proto.body for h in at.html)


def test_an_empty_library_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLY_LIBRARY", str(tmp_path))
    at = run_app()
    assert "没有可读取的答复文件" in at.info[0].value
    at.switch_page("views/explorer.py").run()
    assert not at.exception


def test_downloads_hold_the_filtered_rows(monkeypatch):
    """The explorer's buttons carry CSV (with BOM) and XLSX (with the filter sheet) of the filtered table."""
    import io

    import openpyxl
    from streamlit.delta_generator import DeltaGenerator

    offered = {}
    real = DeltaGenerator.download_button

    def capture(self, label, data, file_name=None, **kwargs):
        offered[(kwargs.get("key"), label)] = (data, file_name)
        return real(self, label, data, file_name=file_name, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", capture)
    at = run_app("views/explorer.py", theme="园区与平台")
    data, name = offered[("explorer-csv", "下载 CSV")]
    csv = data()
    assert csv.startswith(b"\xef\xbb\xbf") and name.startswith("答复数据_数据表_筛选结果_")
    lines = csv.decode("utf-8-sig").splitlines()
    # the reply's short name and the figure as written, then the dictionary's columns
    assert lines[0].startswith("答复,数据,文件,原文数值,")
    assert any(line.startswith("慈溪市经济和信息化局·提案170号,超1000家,") for line in lines)
    assert len(lines) == 1 + len(at.dataframe[0].value)
    assert all("园区与平台" in line for line in lines[1:])
    data, name = offered[("explorer-xlsx", "下载 Excel")]
    book = openpyxl.load_workbook(io.BytesIO(data()))
    assert name.endswith(".xlsx") and "筛选条件" in book.sheetnames
    record = {r[0]: r[1] for r in book["筛选条件"].iter_rows(min_row=2, values_only=True)}
    assert record["主题"] == "园区与平台" and record["数据条数"] == str(len(lines) - 1)


def test_no_legacy_pages_directory_beside_the_entry_script():
    # A pages/ folder next to dashboard.py switches Streamlit into its legacy multipage mode for deep links
    # on a fresh server (see views/__init__.py); pages live in views/.
    assert not (ROOT / "pages").exists(), "move page files to views/ and register them in dashboard.py"


def test_a_linked_figure_opens_its_page_with_its_row_selected():
    at = run_app("views/explorer.py", fig="seed_reply.txt:1022")
    rows = at.session_state["explorer-table"]["selection"]["rows"]
    assert at.dataframe[0].value.iloc[rows]["数据"].tolist() == ["超1000家"]
    shown = " ".join(h.proto.body for h in at.html)
    assert shown.count('<mark class="rf-fig">1000家</mark>') == 1  # in the linked box, not repeated


def test_excel_is_offered_up_to_its_row_limit_and_csv_beyond(monkeypatch):
    from board import exports

    at = run_app("views/explorer.py")
    excel = [b for b in at.get("download_button") if b.proto.label == "下载 Excel"]
    assert excel and not excel[0].proto.disabled
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 5)  # the seed's 27 figures are then too many
    at = run_app("views/explorer.py")
    (excel,) = [b for b in at.get("download_button") if b.proto.label == "下载 Excel"]
    assert excel.proto.disabled and "请下载 CSV" in excel.proto.help
    assert not next(b for b in at.get("download_button") if b.proto.label == "下载 CSV").proto.disabled
