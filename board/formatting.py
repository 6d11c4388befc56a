"""Figures as officials write them: 39.9亿元, 2013.9亩, 超1000家, 50-80个 — the qualifier is never dropped.

Values come from the loaders' base units (CNY, m2, count, …); the unit the reply wrote (亩, 家,
万平方米) is only a hint for which display unit to use. Also the Chinese names of the coded values
(kind, qualifier) are in board.codes_zh, reply names in board.reply_names.
"""

from __future__ import annotations

import contextlib
import math
import unicodedata
from collections.abc import Mapping
from typing import Any

import pandas as pd

from loaders.units import UnknownUnitError, lookup

FIGURE_ZH = "数据"  # the display column holding format_figure(row); every other header comes from labels_zh

_PREFIX = {"approx": "约", "at_least": "超", "at_most": "不超过"}
_INFIX_WORDS = ("余", "多")  # 4000余件: between the number and the measure word
_SUFFIX_WORDS = ("以上", "以下", "以内", "左右", "之内")  # 7000平方米以上: after the unit
_MAGNITUDES = ((1e8, "亿"), (1e4, "万"))


def number_zh(x: float) -> str:
    """A number without trailing zeros and without thousands separators, as replies print it."""
    if not math.isfinite(x):
        return "—"
    if x != 0 and abs(x) < 0.01:
        return f"{x:.3g}"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _magnitude(x: float) -> tuple[float, str]:
    for factor, word in _MAGNITUDES:
        if abs(x) >= factor:
            return factor, word
    return 1.0, ""


def measure_word(unit: object) -> str:
    """家 of 万家, 个 of 个: the word a count is counted in ("" for none)."""
    return "" if unit is None or is_missing(unit) else str(unit).lstrip("万亿千百十")


PLAIN_UNITS = {"times": "倍", "ug/m3": "微克/立方米", "mg/L": "毫克/升"}  # shown as written, never scaled


def display_unit(base_unit: str, largest: float, unit_hint: str | None = None) -> tuple[float, str]:
    """(divisor, unit) to show values of base_unit whose largest magnitude is `largest`."""
    hint = unit_hint or ""
    x = abs(largest) if largest is not None and math.isfinite(largest) else 0.0
    if base_unit == "CNY":
        factor, word = _magnitude(x)
        return factor, word + "元"
    if base_unit == "USD":
        factor, word = _magnitude(x)
        return factor, word + "美元"
    if base_unit == "m2":
        if "亩" in hint:
            mu = 10000 / 15
            return (mu * 1e4, "万亩") if x >= mu * 1e4 else (mu, "亩")
        if "公顷" in hint:
            return 1e4, "公顷"
        if "平方公里" in hint:
            return 1e6, "平方公里"
        return (1e4, "万平方米") if x >= 1e4 else (1.0, "平方米")
    if base_unit == "percent":
        return 1.0, "%"
    if base_unit == "pp":
        return 1.0, "个百分点"
    if base_unit == "m":
        return (1000.0, "公里") if x >= 1000 or "公里" in hint else (1.0, "米")
    if base_unit == "m3":
        return (1e4, "万立方米") if x >= 1e4 else (1.0, "立方米")
    if base_unit == "kg":
        if x >= 1e7:
            return 1e7, "万吨"
        return (1000.0, "吨") if x >= 1000 or "吨" in hint else (1.0, "千克")
    if base_unit == "degree":
        factor, word = _magnitude(x)
        return factor, word + "度"
    if base_unit in PLAIN_UNITS:
        return 1.0, PLAIN_UNITS[base_unit]
    if base_unit in ("kW", "kWh"):
        factor, word = _magnitude(x)
        return factor, word + ("千瓦" if base_unit == "kW" else "千瓦时")
    if base_unit in ("year", "month", "day"):
        return _duration_unit(base_unit, hint)
    factor, word = _magnitude(x)  # count and anything else: 万人, 亿元 style magnitudes on the measure word
    return factor, word + measure_word(hint)


def _duration_unit(base_unit: str, hint: str) -> tuple[float, str]:
    """Durations are stored in days, months or years; an axis titled 分钟 or 小时 divides by that unit's factor
    in the loaders' unit table (3分钟 is stored as 0.0021 days and drawn as 3)."""
    try:
        unit = lookup(hint)
    except UnknownUnitError:
        unit = None
    if unit is not None and unit.base_unit == base_unit:
        return unit.factor, hint
    return 1.0, {"year": "年", "month": "个月", "day": "天"}[base_unit]


def format_amount(
    base_value: float | None,
    base_unit: str,
    qualifier: str = "exact",
    *,
    unit: str | None = None,
    high: float | None = None,
    qualifier_word: str | None = None,
) -> str:
    """One amount in base units as an official would write it, qualifier included (超1000家, 约370亩)."""
    if base_value is None or is_missing(base_value):
        return "—"
    top = high if qualifier == "range" and high is not None and not is_missing(high) else base_value
    factor, shown = display_unit(base_unit, max(abs(base_value), abs(top)), unit)
    number = number_zh(base_value / factor)
    if qualifier == "range" and top is not base_value:
        return f"{number}-{number_zh(top / factor)}{shown}"
    word = (qualifier_word or "").strip()
    if qualifier in _PREFIX and word in _INFIX_WORDS and base_unit not in ("percent", "pp"):
        return f"{number}{word}{shown}"
    if qualifier in _PREFIX and word in _SUFFIX_WORDS:
        return f"{number}{shown}{word}"
    if qualifier in _PREFIX:
        prefix = word if word and word not in _INFIX_WORDS + _SUFFIX_WORDS else _PREFIX[qualifier]
        return f"{prefix}{number}{shown}"
    return f"{number}{shown}"


def format_figure(row: Mapping[str, Any]) -> str:
    """A figures-table row as shown on cards, bars, tooltips and tables: the figure as the reply wrote it
    (12345个, 2013.9亩, 数十家), with its qualifier word (超1000家, 约370亩, 7000平方米以上) — never rounded.
    Rows without the reported text (derived rows) are written from their base value (format_amount). A figure
    read by OCR with low confidence says 请核对."""
    text = row.get("text")
    value = row.get("base_value")
    if text is not None and not is_missing(text) and str(text).strip():
        shown = reported_figure(str(text), _text_or_none(row.get("qualifier_word")))
    elif value is None or is_missing(value):
        shown = "—"
    else:
        shown = format_amount(
            float(value),
            str(row.get("base_unit") or ""),
            str(row.get("qualifier") or "exact"),
            unit=_text_or_none(row.get("unit")),
            high=_float_or_none(row.get("base_value_high")),
            qualifier_word=_text_or_none(row.get("qualifier_word")),
        )
    check = row.get("needs_check")  # read by OCR with low confidence: the official checks it on the page
    return f"{shown}（{CHECK_ZH}）" if check is not None and not is_missing(check) and bool(check) else shown


CHECK_ZH = "请核对"
# with 以…/及… words, written after the unit (2年内, 7000平方米以上)
_AFTER_WORDS = ("左右", "之内", "内", "上", "下")


def reported_figure(text: str, qualifier_word: object = None) -> str:
    """The reported figure with its qualifier word where the reply put it: 超1000家, 1000万元及以下, 近百家;
    full-width digits as half-width (４５．６万余户 → 45.6万余户), nothing else changed."""
    shown = unicodedata.normalize("NFKC", text).strip()
    word = unicodedata.normalize("NFKC", _text_or_none(qualifier_word) or "").strip()
    if not word or word in shown:
        return shown
    if word.startswith(("以", "及")) or word in _AFTER_WORDS:
        return shown + word
    return word + shown


FORMAT_COLUMNS = ["base_value", "base_unit", "qualifier", "unit", "base_value_high", "qualifier_word", "text"]
FORMAT_COLUMNS += ["needs_check"]


def format_figures(frame: pd.DataFrame) -> pd.Series:
    """format_figure over a figures table (index kept): only the columns it reads, each distinct figure
    formatted once (a table of thousands of rows repeats its amounts)."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="string")
    needed = frame[[c for c in FORMAT_COLUMNS if c in frame.columns]]
    names, done, shown = list(needed.columns), {}, []
    for values in needed.itertuples(index=False, name=None):
        try:
            text = done.get(values)
        except TypeError:  # an unhashable cell: format it without remembering
            text = None
        if text is None:
            text = format_figure(dict(zip(names, values, strict=True)))
            with contextlib.suppress(TypeError):
                done[values] = text
        shown.append(text)
    return pd.Series(shown, index=frame.index, dtype="string")


def is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _float_or_none(value: Any) -> float | None:
    return None if value is None or is_missing(value) else float(value)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or is_missing(value) else str(value)
