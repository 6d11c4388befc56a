"""The coded values of the tables in Chinese, for pages and downloads: kind (数量, 面积…), qualifier (约数,
不少于…), plan status, base unit (元, 平方米…), what decided a domain, file formats, and periods as officials
write them (2020年1-6月, 2018—2022年)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from board.formatting import is_missing

KIND_ZH = {
    "money": "金额",
    "area": "面积",
    "count": "数量",
    "percent": "比例",
    "length": "长度",
    "volume": "体积",
    "mass": "重量",
    "duration": "时长",
    "other": "其他",
}
QUALIFIER_ZH = {
    "exact": "确数",
    "approx": "约数",
    "at_least": "不少于（超/余/以上）",
    "at_most": "不超过（以下/以内）",
    "range": "区间",
}
STATUS_ZH = {"all": "全部", "achieved": "已完成/现状", "planned": "计划/目标"}


BASE_UNIT_ZH = {
    "CNY": "元",
    "USD": "美元",
    "m2": "平方米",
    "m": "米",
    "m3": "立方米",
    "kg": "千克",
    "count": "个（计数）",
    "percent": "%",
    "pp": "百分点",
    "year": "年",
    "month": "月",
    "day": "天",
    "degree": "度",
    "times": "倍",
    "kW": "千瓦",
    "kWh": "千瓦时",
    "ug/m3": "微克/立方米",
    "mg/L": "毫克/升",
}


SOURCE_ZH = {"publisher": "发布网站的主题分类", "body": "答复单位", "title": "标题", "text": "正文用词"}


def period_zh(code: object) -> str:
    """A period code as officials write it: 2020 → 2020年, 2020-01/2020-06 → 2020年1-6月,
    2018/2022 → 2018—2022年, 2021-07/2022-03 → 2021年7月—2022年3月; "" for none; unknown codes unchanged."""
    if code is None or is_missing(code) or not str(code).strip():
        return ""
    first, _, last = str(code).strip().partition("/")
    a, b = _year_month(first), _year_month(last or first)
    if a is None or b is None:
        return str(code)
    (y1, m1), (y2, m2) = a, b
    if m1 is None and m2 is None:
        return f"{y1}年" if y1 == y2 else f"{y1}—{y2}年"
    if m1 is None or m2 is None:
        return str(code)
    if y1 == y2:
        return f"{y1}年{m1}月" if m1 == m2 else f"{y1}年{m1}-{m2}月"
    return f"{y1}年{m1}月—{y2}年{m2}月"


def _year_month(part: str) -> tuple[int, int | None] | None:
    year, _, month = part.partition("-")
    if not (year.isdigit() and len(year) == 4) or (month and not month.isdigit()):
        return None
    return int(year), int(month) if month else None


def periods_zh(column: pd.Series) -> pd.Series:
    """period_zh over a column, once per distinct code; "" where there is none."""
    codes, distinct = pd.factorize(column)
    shown = np.array([period_zh(c) for c in distinct] + [""], dtype=object)
    return pd.Series(shown[codes], index=column.index, dtype="string")


def coded_zh(frame: pd.DataFrame) -> pd.DataFrame:
    """A figures frame with its codes in Chinese, for tables and downloads: qualifier (约数, 不少于…), kind
    (数量, 面积…), base unit (元, 平方米…), period (2020年1-6月). Numbers and other columns unchanged."""
    maps = {"qualifier": QUALIFIER_ZH, "kind": KIND_ZH, "base_unit": BASE_UNIT_ZH, "domain_source": SOURCE_ZH}
    changed = {
        name: frame[name].map(lambda v, zh=zh: zh.get(v, v), na_action="ignore").astype("string")
        for name, zh in maps.items()
        if name in frame
    }
    if "period" in frame:
        changed["period"] = periods_zh(frame["period"]).replace("", pd.NA)
    return frame.assign(**changed)


FORMAT_ZH = {
    "txt": "文本",
    "docx": "Word 文档",
    "doc": "Word 文档",
    "pdf": "PDF",
    "html": "网页",
    "htm": "网页",
}
FORMAT_ZH |= {"wps": "WPS 文档", "ofd": "OFD 版式文件"}


def documents_zh(frame: pd.DataFrame) -> pd.DataFrame:
    """A documents frame for downloads: the format in words (Word 文档, 网页), not the file suffix; what decided
    the domain in words."""
    maps = {"format": FORMAT_ZH, "domain_source": SOURCE_ZH}
    changed = {
        name: frame[name].map(lambda v, zh=zh: zh.get(v, v), na_action="ignore")
        for name, zh in maps.items()
        if name in frame
    }
    return frame.assign(**changed)
