"""Downloads: CSV with BOM, XLSX with Chinese headers, number formats and a filter sheet; no formulas survive."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pandas as pd
import pytest
from app_frames import sample_documents, sample_figures

from board.exports import FORMULA_STARTS, csv_bytes, export_frame, figures_workbook, file_name, neutralise
from board.filters import Filters, describe
from loaders.columns import labels_zh

HOSTILE = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    '  =HYPERLINK("http://x")',
    "\u3000＝1",
    " \t@x",
    "\n=1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_guards_every_formula_start(text):
    out = neutralise(text)
    assert out == "'" + text


@pytest.mark.parametrize("value", ["园区", "39.9亿元", "", "a=b", "中-文", 3.5, 7, None])
def test_neutralise_leaves_harmless_cells(value):
    assert neutralise(value) == value


def hostile_figures() -> pd.DataFrame:
    figures = sample_figures().head(len(HOSTILE)).copy()
    figures["label"] = pd.array(HOSTILE[: len(figures)], dtype="string")
    figures["sentence"] = pd.array(["＝cmd|' /C calc'!A0"] * len(figures), dtype="string")
    return figures


def test_csv_has_bom_chinese_headers_and_no_live_formula():
    figures = hostile_figures()
    data = csv_bytes(figures, "figures")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header == [labels_zh("figures")[c] for c in figures.columns]
    assert len(body) == len(figures)
    for row in body:
        for cell in row:
            assert not cell.lstrip(" \u3000\n").startswith(FORMULA_STARTS), cell
    value_col = header.index(labels_zh("figures")["base_value"])
    assert body[0][value_col] == "3990000000"  # a number, not '3990000000 or 3.99e9 text
    planned_col = header.index(labels_zh("figures")["is_planned"])
    assert {row[planned_col] for row in body} <= {"是", "否"}


def test_numbers_stay_numeric_in_export_frame():
    frame = export_frame(sample_figures(), "figures")
    zh = labels_zh("figures")
    assert pd.api.types.is_numeric_dtype(frame[zh["base_value"]])
    assert pd.api.types.is_numeric_dtype(frame[zh["start"]])
    negative = export_frame(pd.DataFrame({"x": [-5.0, 2.0]}))
    assert negative["x"].tolist() == [-5.0, 2.0]  # a negative number is not text '-5


def test_xlsx_opens_and_holds_figures_sources_filters_and_dictionary():
    figures = hostile_figures()
    when = datetime(2020, 8, 31, 9, 30)
    f = Filters(themes=("园区与平台",), query="=bad")
    data = figures_workbook(figures, sample_documents(), describe(f), when, link="?theme=园区与平台")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["数据", "来源", "筛选条件", "字段说明"]
    sheet = book["数据"]
    header = [c.value for c in sheet[1]]
    assert header == [labels_zh("figures")[c] for c in figures.columns]
    value_col = header.index(labels_zh("figures")["base_value"]) + 1
    cell = sheet.cell(row=2, column=value_col)
    assert cell.value == 3.99e9 and cell.data_type == "n" and cell.number_format == "#,##0"
    for row in sheet.iter_rows(min_row=2, values_only=True):
        for value in row:
            if isinstance(value, str):
                assert not value.lstrip(" \u3000\n").startswith(FORMULA_STARTS), value
    for row in sheet.iter_rows(min_row=2):
        for c in row:
            assert c.data_type != "f"
    filters = {r[0]: r[1] for r in book["筛选条件"].iter_rows(min_row=2, values_only=True)}
    assert filters["主题"] == "园区与平台"
    assert filters["关键词"] == "'=bad"
    assert filters["导出时间"] == "2020-08-31 09:30:00"
    assert filters["数据条数"] == str(len(figures))
    sources = [c.value for c in book["来源"][2]]
    assert "杨文艳委员" in sources


def test_file_names_say_what_they_hold():
    when = datetime(2020, 8, 31, 9, 30)
    assert file_name("数据表", "园区与平台", "csv", when) == "答复数据_数据表_园区与平台_20200831-0930.csv"
