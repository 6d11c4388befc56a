"""Bytes for downloads: CSV (UTF-8 with BOM, so Excel shows Chinese) and XLSX workbooks, both with Chinese
headers from the column dictionary and safe against formula injection.

A text cell that starts with = + - @ tab or CR — or their full-width forms, also after leading
whitespace — could run as a formula in a spreadsheet; it is written with a leading apostrophe instead.
Numbers stay numbers.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from board.codes_zh import coded_zh, documents_zh
from loaders.columns import labels_zh
from loaders.columns_zh import dictionary_zh

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "−")
BOOL_ZH = {True: "是", False: "否"}
# an Excel workbook is written cell by cell (about 3,000 rows a second here); past this many rows the pages
# offer the CSV, which Excel opens as well
XLSX_MAX_ROWS = 50_000


def neutralise(value: object) -> object:
    """A text cell made inert (apostrophe in front) when a spreadsheet could read it as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(("\t", "\r")) or _skip_blanks(value).startswith(FORMULA_STARTS):
        return "'" + value
    return value


# Shown as nothing, yet letters or symbols to Unicode: Hangul fillers, the braille blank, Khmer inherent vowels
# (default-ignorable code points outside the Cf/Mn categories)
_BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
_SKIPPED = ("Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me")  # invisible, unassigned, combining


def _skip_blanks(value: str) -> str:
    """The text after anything a spreadsheet may pass over before a formula: every whitespace, separator,
    invisible format or control character, combining mark and blank letter (U+200B, U+FEFF, U+034F, U+3164…)."""
    for i, ch in enumerate(value):
        if not (ch.isspace() or ch in _BLANK_LETTERS or unicodedata.category(ch) in _SKIPPED):
            return value[i:]
    return ""


def export_frame(frame: pd.DataFrame, table: str | None = None) -> pd.DataFrame:
    """The frame as it is written: Chinese headers, 是/否 for booleans, dates as dates, text guarded.

    Columns the dictionary knows get its Chinese header; display columns keep their (Chinese) names.
    """
    headers = labels_zh(table) if table else {}
    if table == "figures":
        frame = coded_zh(frame)  # 约数, 数量, 平方米, 2020年1-6月: no codes in a sheet an official opens
    elif table == "documents":
        frame = documents_zh(frame)
    out = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            column = column.map(lambda v: BOOL_ZH.get(v, "") if not pd.isna(v) else "", na_action=None)
        elif pd.api.types.is_datetime64_any_dtype(column.dtype):
            column = column.dt.strftime("%Y-%m-%d")
        if not pd.api.types.is_numeric_dtype(column.dtype):
            column = _each_distinct(column, lambda v: neutralise(str(v)), None)
        else:
            column = column.astype("Float64") if not pd.api.types.is_integer_dtype(column.dtype) else column
        out[headers.get(name, neutralise(str(name)))] = column
    return pd.DataFrame(out, index=frame.index)


def csv_bytes(frame: pd.DataFrame, table: str | None = None) -> bytes:
    """CSV in UTF-8 with a BOM and CRLF line ends (what Excel on a government PC opens correctly)."""
    out = export_frame(frame, table)
    for name in out.columns:
        if pd.api.types.is_float_dtype(out[name].dtype):  # 15, not 15.0; written once per distinct value
            out[name] = _each_distinct(out[name], _float_text, "")
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _each_distinct(column: pd.Series, convert, missing) -> pd.Series:
    """convert() applied once per distinct value of a column (300,000 rows repeat their sentences, themes,
    units and amounts), `missing` where the value is missing."""
    codes, distinct = pd.factorize(column)
    converted = [convert(value) for value in distinct] + [missing]  # code -1 (missing) picks the last
    return pd.Series(pd.Series(converted, dtype=object).to_numpy()[codes], index=column.index, dtype=object)


@dataclass(frozen=True)
class Sheet:
    name: str
    frame: pd.DataFrame
    table: str | None = None  # column dictionary table, for Chinese headers


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook with one sheet per frame: bold frozen header, number formats, sensible widths."""
    book = Workbook(write_only=True)  # rows are streamed out: 300,000 rows take seconds, not minutes
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.name[:31]), export_frame(sheet.frame, sheet.table))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def figures_workbook(
    figures: pd.DataFrame,
    documents: pd.DataFrame,
    filter_rows: Sequence[tuple[str, str]],
    exported_at: datetime,
    *,
    figures_table: str | None = "figures",
    link: str = "",
) -> bytes:
    """The explorer's (or a chart's) rows, their sources, the filters applied and when, and the dictionary."""
    record = [
        *filter_rows,
        ("数据条数", str(len(figures))),
        ("导出时间", exported_at.strftime("%Y-%m-%d %H:%M:%S")),
    ]
    if link:
        record.append(("链接", link))
    cols = dictionary_zh(("figures", "documents"))
    return xlsx_bytes(
        [
            Sheet("数据", figures, figures_table),
            Sheet("来源", documents, "documents"),
            Sheet("筛选条件", pd.DataFrame(record, columns=["筛选条件", "取值"])),
            Sheet("字段说明", cols),
        ]
    )


def file_name(what: str, scope: str, ext: str, when: datetime) -> str:
    """答复数据_<what>_<scope>_<YYYYMMDD-HHMM>.<ext>: the name says what the file holds and when."""
    return f"答复数据_{what}_{scope}_{when:%Y%m%d-%H%M}.{ext}"


def _write_sheet(ws, frame: pd.DataFrame) -> None:
    """Widths from the first 200 rows, a bold frozen header, numbers with thousands separators (whole numbers
    without decimals), written row by row (a write-only sheet takes its layout before its rows)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    numeric = [pd.api.types.is_numeric_dtype(frame[c].dtype) for c in frame.columns]
    for idx, name in enumerate(frame.columns, start=1):
        sample = [str(name), *(str(v) for v in frame.iloc[:200, idx - 1].tolist() if not _is_na(v))]
        width = max(_display_width(s) for s in sample) + 2
        ws.column_dimensions[get_column_letter(idx)].width = min(max(width, 6), 60)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)

    def header(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        return cell

    def number(value: float) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "#,##0" if value.is_integer() else "#,##0.00##"
        return cell

    ws.append([header(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        ws.append(
            [
                None if _is_na(v) else (number(float(v)) if is_num else v)
                for v, is_num in zip(row, numeric, strict=True)
            ]
        )


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _float_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
