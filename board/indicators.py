"""The editable indicator mapping, board/indicator_map.csv: which figures of different replies are one indicator.

Replies word the same quantity differently (已建成工业小微企业园区 / 建成小微企业园), so matching by theme and
label alone misses pairs. Each row of the table names an indicator and the figures it takes: those of a theme
(blank: any) whose label contains every keyword (separated by spaces) and whose base unit matches (blank:
any). Rows are tried in order and the first match wins; figures no row takes are matched by theme + label.
Officials correct the table in the comparison page; it is saved here atomically.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from library.manifest import atomic_write

PATH = Path(__file__).resolve().parent / "indicator_map.csv"
COLUMNS = ["indicator", "theme", "label_keywords", "base_unit", "note"]
HEADERS_ZH = {
    "indicator": "指标名称",
    "theme": "主题",
    "label_keywords": "指标关键词",
    "base_unit": "标准单位",
}
HEADERS_ZH["note"] = "说明"
BASE_UNITS = [
    "",
    "CNY",
    "USD",
    "m2",
    "percent",
    "pp",
    "count",
    "m",
    "m3",
    "kg",
    "year",
    "month",
    "day",
    "degree",
    "times",
    "ug/m3",
    "mg/L",
    "kW",
    "kWh",
]


def read_map(path: Path | None = None) -> pd.DataFrame:
    """The mapping table; an empty one when the file does not exist yet."""
    path = path or PATH
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    frame = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8-sig")
    missing = set(COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
    return frame[COLUMNS].fillna("")


def problems(frame: pd.DataFrame) -> list[str]:
    """What is wrong with an edited table, one line per row at fault (empty when it can be saved)."""
    out = []
    for i, row in enumerate(frame.fillna("").to_dict("records"), start=1):
        if not str(row.get("indicator", "")).strip():
            out.append(f"第{i}行：缺少指标名称")
        if not str(row.get("label_keywords", "")).strip():
            out.append(f"第{i}行：缺少指标关键词（至少一个词，用空格分隔）")
        if str(row.get("base_unit", "")).strip() not in BASE_UNITS:
            out.append(f"第{i}行：标准单位须为 {' '.join(u for u in BASE_UNITS if u)} 之一或留空")
    return out


def write_map(frame: pd.DataFrame, path: Path | None = None) -> None:
    """Save the table (rows with nothing in them dropped); raises ValueError listing what is wrong."""
    path = path or PATH
    frame = frame.reindex(columns=COLUMNS).fillna("").astype(str).apply(lambda c: c.str.strip())
    frame = frame[(frame != "").any(axis=1)]
    wrong = problems(frame)
    if wrong:
        raise ValueError("；".join(wrong))
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n")
    atomic_write(path, out.getvalue().encode("utf-8"))
