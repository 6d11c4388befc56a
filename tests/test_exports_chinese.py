"""Downloads in Chinese: codes (exact, count, m2, 2020-01/2020-06) written as officials read them, a 字段说明
sheet in Chinese, no None/NaT/nan, the 链接 row a full address."""

from __future__ import annotations

import io
import re
from datetime import datetime

import openpyxl
from app_frames import sample_documents, sample_figures

from board.codes_zh import period_zh
from board.exports import csv_bytes, figures_workbook
from board.filters import Filters, describe
from loaders.columns import columns_of
from loaders.columns_zh import MEANINGS_ZH

CODES = re.compile(
    r"^(exact|approx|at_least|at_most|range|count|money|area|percent|CNY|USD|m2|txt|docx|publisher|body|title|text|None|NaT|nan|<NA>)$"
    r"|^\d{4}(-\d\d)?/\d{4}(-\d\d)?$"
)


def _cells(data: bytes) -> dict[str, list[str]]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return {
        ws.title: [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
        for ws in book
    }


def test_every_exported_cell_is_free_of_codes():
    f = Filters(periods=("2020-01/2020-06",))
    link = "http://127.0.0.1:8501/explorer?period=2020-01%2F2020-06"
    data = figures_workbook(
        sample_figures(), sample_documents(), describe(f), datetime(2024, 1, 1), link=link
    )
    sheets = _cells(data)
    coded = {name: [c for c in cells if CODES.match(c)] for name, cells in sheets.items()}
    assert coded == {name: [] for name in sheets}
    assert {"约数", "数量", "2020年1-6月", "元", "平方米"} <= set(sheets["数据"])
    assert "2020年1-6月" in sheets["筛选条件"] and link in sheets["筛选条件"]
    csv_text = csv_bytes(sample_figures(), "figures").decode("utf-8-sig")
    assert "2020年1-6月" in csv_text and "at_least" not in csv_text and ",CNY," not in csv_text


def test_the_field_sheet_is_chinese():
    sheets = _cells(figures_workbook(sample_figures(), sample_documents(), [], datetime(2024, 1, 1)))
    fields = sheets["字段说明"]
    assert fields[:4] == ["表", "字段", "单位", "说明"]
    assert not [c for c in fields if re.search(r"[a-z]{4,}", c) and "PDF" not in c]  # no English words
    for table in ("figures", "documents"):
        assert {c.name for c in columns_of(table)} <= {n for t, n in MEANINGS_ZH if t == table}


def test_periods_read_as_officials_write_them():
    assert [period_zh(p) for p in ("2020", "2020-01/2020-06", "2018/2022", "2021-07/2022-03", None)] == [
        "2020年",
        "2020年1-6月",
        "2018—2022年",
        "2021年7月—2022年3月",
        "",
    ]
