"""Overview charts: how many figures each theme and each section of the reply holds (counts aggregate, so
they stay readable for a library of many replies)."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from board.charts.base import Chart, layout, section_order, theme_colors
from board.codes_zh import KIND_ZH
from loaders.columns import labels_zh


def by_theme(figures: pd.DataFrame, themes: Sequence[str]) -> Chart:
    """How many figures each theme has, split by kind; themes in the theme table's order."""
    zh = labels_zh("figures")
    counts = figures.groupby(["theme", "kind"], observed=True).size().rename("数据条数").reset_index()
    order = [t for t in themes if t in set(counts["theme"])]
    order += sorted(set(counts["theme"]) - set(order))
    fig = go.Figure()
    for kind in [k for k in KIND_ZH if k in set(counts["kind"])]:
        part = counts[counts["kind"] == kind]
        fig.add_trace(go.Bar(y=part["theme"], x=part["数据条数"], name=KIND_ZH[kind], orientation="h"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed", title=zh["theme"])
    fig.update_xaxes(title="数据条数")
    data = counts.assign(kind=counts["kind"].map(lambda k: KIND_ZH.get(k, k))).rename(
        columns={"theme": zh["theme"], "kind": zh["kind"]}
    )
    height = max(300, 40 * len(order) + 140)
    return Chart("by-theme", "各主题数据条数", layout(fig, "各主题数据条数（按类别）", height), data)


SECTION_CHARS = 18  # characters of a heading shown on the axis


def _cut(text: str, width: int = SECTION_CHARS) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def by_section(figures: pd.DataFrame, themes: Sequence[str], limit: int = 25) -> Chart:
    """How many figures each section holds, split by theme (reply order; the largest if many)."""
    zh = labels_zh("figures")
    many_docs = figures["doc"].nunique() > 1
    if many_docs:  # a library: the same heading across replies is one bar (sections differ per reply)
        counts = figures.groupby(["section", "theme"], observed=True).size().rename("数据条数").reset_index()
        counts = counts.assign(doc="", section_id="", 章节名=counts["section"].astype(str))
    else:
        grouped = figures.groupby(["doc", "section_id", "section", "theme"], observed=True, dropna=False)
        counts = grouped.size().rename("数据条数").reset_index()
        counts["章节名"] = counts["section_id"].astype(str) + " " + counts["section"].astype(str)
    totals = counts.groupby("章节名", sort=False)["数据条数"].sum()
    keep = set(totals.nlargest(limit).index) if len(totals) > limit else set(totals.index)
    counts = counts[counts["章节名"].isin(keep)]
    if many_docs:
        counts = counts.assign(
            _order=counts.groupby("章节名")["数据条数"].transform("sum").rank(ascending=False)
        )
    else:
        counts = counts.assign(_order=counts["section_id"].map(section_order))
    counts = counts.sort_values(["doc", "_order"])
    ordered = list(dict.fromkeys(counts["章节名"]))
    colors = theme_colors(themes)
    fig = go.Figure()
    for theme in [t for t in themes if t in set(counts["theme"])]:
        part = counts[counts["theme"] == theme]
        bar = go.Bar(
            y=part["章节名"], x=part["数据条数"], name=theme, orientation="h", marker_color=colors[theme]
        )
        fig.add_trace(bar)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=ordered, autorange="reversed", title=zh["section"])
    # whole headings are the categories (two alike at the start stay two bars); the ticks show them cut, with …
    fig.update_yaxes(tickmode="array", tickvals=ordered, ticktext=[html.escape(_cut(s)) for s in ordered])
    fig.update_traces(hovertemplate="%{y}：%{x}条<extra>%{fullData.name}</extra>")
    fig.update_xaxes(title="数据条数")
    height = max(300, 26 * len(ordered) + 150)
    data = counts.drop(columns=["_order", "章节名"] + (["doc", "section_id"] if many_docs else []))
    data = data.rename(columns=labels_zh("figures"))
    return Chart("by-section", "各章节数据条数", layout(fig, "答复各章节的数据（按主题）", height), data)
