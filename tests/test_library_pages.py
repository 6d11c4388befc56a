"""The library and comparison pages (AppTest, on a library of two replies from two years), and their helpers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from board import actions, indicators, roles
from board.charts import compare
from loaders import load_text
from tests.app_support import as_editor
from tests.reply_files import SEED, make_docx, seed_text

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
PARKS = "已建成小微企业园数量"


def next_year_reply() -> str:
    """The seed as if answered a year later, with more parks built."""
    text = seed_text().replace("2020-08-31", "2021-08-31").replace("2020年8月31日", "2021年8月31日")
    return text.replace("已建成工业小微企业园区15个", "已建成工业小微企业园区18个")


@pytest.fixture
def two_replies(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "replies"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "2021答复.docx").write_bytes(make_docx(next_year_reply().split("\n")))
    monkeypatch.setenv("REPLY_LIBRARY", str(folder))
    saved_map = tmp_path / "indicator_map.csv"
    shutil.copy(indicators.PATH, saved_map)
    monkeypatch.setattr(indicators, "PATH", saved_map)
    return folder


def open_page(page: str, editor: bool = False) -> AppTest:
    """The app on `page`; as a signed-in editor when asked (upload and delete are an editor's)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if editor:
        as_editor(at)
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_library_page_lists_every_reply_with_metadata_and_offers_the_list(two_replies):
    at = open_page("views/library.py", editor=True)
    catalog = at.dataframe[0].value
    assert sorted(catalog["文件"]) == ["2021答复.docx", "seed_reply.txt"]
    assert set(catalog["格式"]) == {"txt", "docx"} and (catalog["数据条数"] >= 27).all()
    assert set(catalog["添加方式"]) == {"放入文件夹"} and catalog["标题"].notna().all()
    assert "下载资料库清单（CSV）" in [b.proto.label for b in at.get("download_button")]
    assert "每次最多 20 个文件" in " ".join(c.value for c in at.caption)


def test_removing_asks_first_and_cancel_keeps_the_file(two_replies):
    at = open_page("views/library.py", editor=True)
    at.selectbox(key="library-remove").select("2021答复.docx").run()
    next(b for b in at.button if b.label == "删除…").click().run()
    assert "确定要从资料库删除「2021答复.docx」吗" in at.warning[0].value
    at.button(key="library-confirm-no").click().run()
    assert (two_replies / "2021答复.docx").exists() and not at.warning
    next(b for b in at.button if b.label == "删除…").click().run()
    at.button(key="library-confirm-yes").click().run()
    assert not at.exception
    assert not (two_replies / "2021答复.docx").exists()
    assert list(at.dataframe[0].value["文件"]) == ["seed_reply.txt"]


def test_compare_page_charts_an_indicator_across_two_years(two_replies):
    at = open_page("views/compare.py")
    default = at.selectbox(key="compare-indicator").value
    assert default[0] in set(indicators.read_map()["indicator"])  # shared and curated ones come first
    at.selectbox(key="compare-indicator").set_value((PARKS, "count")).run()
    [chart] = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert [t["name"] for t in spec["data"]] == ["已完成/现状"]
    at_parks = seed_text().index("15个")  # each point leads back to its figure (doc:start)
    assert [k for t in spec["data"] for [k] in t["customdata"]] == [
        f"seed_reply.txt:{at_parks}",
        f"2021答复.docx:{at_parks}",
    ]
    sources = at.dataframe[0].value
    assert [d.year for d in sources["答复日期"]] == [2020, 2021]
    assert list(sources["数据"]) == ["15个", "18个"] and set(sources["匹配方式"]) == {"映射表第1行"}
    at.dataframe(key="compare-table")  # the source table is selectable, leading to the sentence
    assert "下载对比数据（CSV）" in [b.proto.label for b in at.get("download_button")]


def test_compare_page_saves_the_mapping_table(two_replies):
    assert "保存映射表" not in [b.label for b in open_page("views/compare.py").button]  # a viewer's page
    at = open_page("views/compare.py", editor=True)
    before = indicators.PATH.read_text(encoding="utf-8")
    next(b for b in at.button if b.label == "保存映射表").click().run()
    assert not at.exception and not at.error
    assert indicators.read_map().equals(indicators.read_map(indicators.PATH))
    assert indicators.PATH.read_text(encoding="utf-8").splitlines() == before.splitlines()


# --- helpers behind the pages ---------------------------------------------------------------------------


def test_uploads_keep_to_the_stated_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(
        roles, "is_editor", lambda: True
    )  # an editor's session (tests/test_roles.py signs in)
    folder = tmp_path / "lib"
    folder.mkdir()
    too_many = [(f"r{i}.txt", b"x") for i in range(actions.MAX_UPLOAD_FILES + 1)]
    assert {o.detail for o in actions.add_uploaded(too_many, folder)} == {"一次最多上传 20 个文件"}
    monkeypatch.setattr(actions, "MAX_UPLOAD_MB", 0.001)  # ~1 KB
    outcomes = actions.add_uploaded(
        [("big.txt", SEED.read_bytes()), ("small.txt", "一、正文。".encode())], folder
    )
    assert [(o.name, o.status) for o in outcomes] == [("big.txt", "未添加"), ("small.txt", "已添加")]
    assert not (folder / "big.txt").exists() and (folder / "small.txt").exists()


def test_the_uploader_states_the_same_size_limit_as_the_page():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == actions.MAX_UPLOAD_MB
    assert f"不超过 {actions.MAX_UPLOAD_MB} MB" in actions.LIMITS_TEXT


def test_mapping_rows_take_figures_in_order_and_the_rest_match_by_label():
    tables = load_text(seed_text(), "seed.txt")
    mapping = pd.DataFrame(
        [["园区", "园区与平台", "园", "count", ""], ["建成的园", "", "建成 园", "count", ""]],
        columns=indicators.COLUMNS,
    )
    rows = compare.match_indicators(tables.figures, mapping)
    taken = rows[rows["matched_by"] == "映射表第1行"]
    assert len(taken) >= 3 and (taken["base_unit"] == "count").all()
    assert not (rows["matched_by"] == "映射表第2行").any()  # row 1 took them first
    rest = rows[rows["matched_by"] == compare.AUTOMATIC]
    assert (rest["indicator"] == rest["label"]).all()


def test_planned_figures_are_drawn_apart_and_every_point_leads_to_its_sentence():
    tables = load_text(seed_text(), "seed.txt")
    mapping = pd.DataFrame([["园区个数", "", "园", "count", ""]], columns=indicators.COLUMNS)
    rows = compare.comparison_rows(tables.figures, tables.documents, mapping)
    points = compare.indicator_points(rows, "园区个数", "count")
    chart = compare.indicator_chart(points, "园区个数")
    traces = {t.name: t for t in chart.figure.data}
    assert set(traces) == {"已完成/现状", "计划/目标"} and traces["计划/目标"].marker.symbol == "circle-open"
    keys = [c[0] for t in chart.figure.data for c in t.customdata]
    assert sorted(keys) == sorted(f"seed.txt:{s}" for s in points["start"])
    assert (points["reply_date"] == pd.Timestamp("2020-08-31")).all()
    axis = chart.figure.layout.xaxis  # one reply date: months around it, never hour ticks read as days
    assert axis.dtick == "M1" and axis.tickformat == "%Y年%-m月"
    low, high = (pd.Timestamp(x) for x in axis.range)
    assert low < pd.Timestamp("2020-08-01") and high > pd.Timestamp("2020-10-01")


def test_mapping_table_problems_are_named_by_row():
    frame = pd.DataFrame([["", "", "园", "", ""], ["x", "", "", "furlong", ""]], columns=indicators.COLUMNS)
    wrong = indicators.problems(frame)
    assert (
        wrong[0] == "第1行：缺少指标名称"
        and "第2行：缺少指标关键词" in wrong[1]
        and "第2行：标准单位" in wrong[2]
    )
    with pytest.raises(ValueError, match="第1行"):
        indicators.write_map(frame, Path("/nonexistent/never-written.csv"))


def test_an_indicator_in_many_replies_is_summarised_by_month():
    points = pd.DataFrame(
        {
            "reply_date": pd.to_datetime(["2021-03-05", "2021-03-20", "2021-03-28", "2021-07-01"] * 150),
            "doc": [f"r{i}.txt" for i in range(600)],
            "start": range(600),
            "base_value": [10.0, 20.0, 30.0, 5.0] * 150,
            "base_value_high": [None] * 600,
            "base_unit": "count",
            "unit": "个",
            "is_planned": False,
            "qualifier": "exact",
            "qualifier_word": None,
            "text": "10个",
            "label": "园区",
            "title": "标题",
            "sentence": "建成园区10个。",
        }
    )
    assert len(points) > compare.MAX_POINTS
    chart = compare.indicator_chart(points, "园区个数")
    (trace,) = chart.figure.data
    assert list(trace.y) == [20.0, 5.0]  # March's median of 10, 20, 30; July's 5
    assert list(trace.error_y.array) == [10.0, 0.0] and list(trace.error_y.arrayminus) == [10.0, 0.0]
    assert "450项数据" in trace.hovertext[0] and "共600项数据" in chart.note
    assert trace.customdata[0][0] in {f"r{i}.txt:{i}" for i in range(600) if i % 4 == 1}  # the 20 nearest
    assert len(chart.data) == 600  # the table keeps every figure
