"""The axes of a theme's charts: one per kind of quantity (money per currency, area, counts per measure word,
shares, growth rates, percentage points), split again by magnitude where a small value would vanish, each
with the unit it is shown in (亿元, 亩, 家, %); and a figure's label split into subject and measure."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from board.charts.scale import magnitude_bands
from board.codes_zh import KIND_ZH
from board.formatting import display_unit, measure_word

SEP = " · "  # loaders' label separator between what is measured and which measure
PLAN_WORDS = ("计划", "预计", "规划", "拟")


@dataclass(frozen=True)
class AxisGroup:
    key: str
    title: str  # 金额（亿元）
    divisor: float
    unit: str
    rows: pd.DataFrame


def split_label(label: object) -> tuple[str, str]:
    """(subject, measure) from 'subject · measure'; a label without the separator is all subject."""
    text = "" if label is None or pd.isna(label) else str(label)
    subject, sep, measure = text.rpartition(SEP)
    if not sep:
        return text.strip(), ""
    measure = measure.strip()
    for word in PLAN_WORDS:  # 计划占地面积 is 占地面积 of a plan: the bar is pale and says 计划 already
        if measure.startswith(word) and len(measure) > len(word) + 1:
            measure = measure[len(word) :]
            break
    return subject.strip(), measure


def family(row_kind: str, base_unit: str, is_growth: bool) -> tuple[str, str]:
    """(key, Chinese name) of the axis a figure belongs on."""
    if base_unit == "percent":
        return ("growth", "增长率") if is_growth else ("percent", "比例")
    if base_unit == "pp":
        return "pp", "增减（百分点）"
    if row_kind == "money":
        return f"money-{base_unit}", "金额"
    return f"{row_kind}-{base_unit}", KIND_ZH.get(row_kind, row_kind)


_FAMILY_ORDER = ["money-CNY", "money-USD", "area-m2", "count", "percent", "growth", "pp"]
MAX_COUNT_AXES = 4  # counts get an axis per measure word (家 个 名 …); the rarer words share one more


def with_axis_family(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures that can be drawn (a value or a lower bound), with their axis family (vectorised).

    Counts are split by measure word: 15个 parks and 超1000家 enterprises are different quantities, and on one
    axis the enterprises would flatten the parks. The MAX_COUNT_AXES most frequent words get their own axis;
    the rest share "count-其他".
    """
    plotted = figures[figures["base_value"].notna() | figures["base_value_low"].notna()]
    kind = plotted["kind"].astype(str).to_numpy()
    unit = plotted["base_unit"].astype(str).to_numpy()
    growth = plotted["is_growth"].fillna(False).astype(bool).to_numpy()
    words = np.array([measure_word(u) for u in plotted["unit"]], dtype=str)
    counted = unit == "count"
    frequent = pd.Series(words[counted]).value_counts().index[:MAX_COUNT_AXES]
    words = np.where(np.isin(words, frequent), words, "其他")
    key = np.where(
        unit == "percent",
        np.where(growth, "growth", "percent"),
        np.where(
            unit == "pp",
            "pp",
            np.where(
                counted,
                np.char.add("count-", words.astype(str)),
                np.char.add(np.char.add(kind.astype(str), "-"), unit.astype(str)),
            ),
        ),
    )
    names = {k: family(*k.split("-", 1), False)[1] for k in set(key) if "-" in k}
    names |= {"growth": "增长率", "percent": "比例", "pp": family("percent", "pp", False)[1]}
    names |= {k: KIND_ZH["count"] for k in set(key) if k.startswith("count-")}
    return plotted.assign(_family=key, _family_zh=[names[k] for k in key])


def split_labels(labels: pd.Series) -> tuple[pd.Series, pd.Series]:
    """split_label over a column, computed once per distinct label (missing: "")."""
    codes, distinct = pd.factorize(labels)
    parts = [split_label(label) for label in distinct]
    # code -1 (a missing label) picks the appended ""
    subjects = np.array([p[0] for p in parts] + [""], dtype=object)[codes]
    measures = np.array([p[1] for p in parts] + [""], dtype=object)[codes]
    return pd.Series(subjects, index=labels.index), pd.Series(measures, index=labels.index)


def axis_groups(figures: pd.DataFrame) -> list[AxisGroup]:
    """The theme's figures split by the axis they need, each with its display unit (亿元, 亩, 家, %)."""
    plotted = with_axis_family(figures)
    if plotted.empty:
        return []
    groups = []
    rank = {k: i for i, k in enumerate(_FAMILY_ORDER)}

    def order(item: tuple) -> tuple:
        key, rows = item
        family_rank = rank.get(key, rank["count"] if key.startswith("count-") else 99)
        return family_rank, key == "count-其他", -len(rows)  # within counts: the most frequent word first

    for key, family_rows in sorted(plotted.groupby("_family", sort=False), key=order):
        bands = magnitude_bands(family_rows)
        for number, rows in enumerate(bands):
            base_unit = str(rows["base_unit"].iloc[0])
            largest = (
                pd.concat([rows["base_value"], rows["base_value_high"], rows["base_value_low"]]).abs().max()
            )
            words = {measure_word(u) for u in rows["unit"].dropna().unique()}
            hint = rows["unit"].mode().iloc[0] if not rows["unit"].dropna().empty else None
            if base_unit == "count" and len(words) != 1:
                hint = ""  # the rarer words share an axis: it just says 数量, each bar says its word
            divisor, unit = display_unit(base_unit, float(largest), hint)
            name = rows["_family_zh"].iloc[0] + ("" if number == 0 else "·较小数值")
            title = f"{name}（{unit}）" if unit else name
            band_key = str(key) if number == 0 else f"{key}-{number}"
            groups.append(
                AxisGroup(band_key, title, divisor, unit, rows.drop(columns=["_family", "_family_zh"]))
            )
    return groups
