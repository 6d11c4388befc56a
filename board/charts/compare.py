"""Comparison across replies: figures matched into indicators, and one indicator charted over the replies' dates.

Pure functions (DataFrame → DataFrame / Plotly figure), no Streamlit. A figure's indicator comes from the
first row of the mapping table (board.indicators) that takes it, else from its theme + label, so the matching is
always visible (`matched_by`) and correctable. Points sit at the date of the reply that reports them (its
signature date, else its publication date, else 1 January of its year); planned figures are drawn apart
from achieved ones; every point carries the figure key doc:start that leads back to its sentence.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from board.charts.base import Chart, layout
from board.filters import figure_key
from board.formatting import display_unit, format_figures, reported_figure

AUTOMATIC = "自动：主题+指标"
HOVER_COLUMNS = ["sentence", "reply_date", "title", "doc", "text", "qualifier_word", "label"]
STATUS = {False: "已完成/现状", True: "计划/目标"}
POINT_COLUMNS = ["indicator", "matched_by", "reply_date", "doc", "title", "text", "label", "theme"]
POINT_COLUMNS += ["base_value", "base_value_high", "base_unit", "unit", "qualifier", "is_planned", "period"]
POINT_COLUMNS += ["sentence", "start", "section_id", "section", "value", "value_high", "qualifier_word"]


def match_indicators(figures: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Figures with `indicator` and `matched_by` (which mapping row took them, or the automatic match)."""
    out = figures.assign(indicator=pd.Series(pd.NA, index=figures.index, dtype="string"))
    out["matched_by"] = pd.Series(AUTOMATIC, index=figures.index, dtype="string")
    label = out["label"].fillna("").astype(str)
    measure = label.str.partition(" · ")[2]  # 园区 · 占地面积 measures the parks' area, not the parks
    for number, row in enumerate(mapping.fillna("").to_dict("records"), start=1):
        keywords = str(row["label_keywords"]).split()
        if not keywords or not str(row["indicator"]).strip():
            continue
        hit = out["indicator"].isna()
        for keyword in keywords:
            hit &= label.str.contains(keyword, regex=False)
        hit &= (measure == "") | pd.concat(
            [measure.str.contains(k, regex=False) for k in keywords], axis=1
        ).any(axis=1)
        if str(row["theme"]).strip():
            hit &= out["theme"] == str(row["theme"]).strip()
        if str(row["base_unit"]).strip():
            hit &= out["base_unit"] == str(row["base_unit"]).strip()
        out.loc[hit, "indicator"] = str(row["indicator"]).strip()
        out.loc[hit, "matched_by"] = f"映射表第{number}行"
    automatic = out["indicator"].isna()
    out.loc[automatic, "indicator"] = out.loc[automatic, "label"].fillna("（无指标名）")
    return out


def reply_dates(documents: pd.DataFrame) -> pd.Series:
    """doc → the date a reply speaks from: signed, else published, else 1 January of its year."""
    docs = documents.set_index("doc")
    years = pd.to_datetime(docs["year"].astype("string") + "-01-01", errors="coerce")
    return docs["signed_date"].fillna(docs["published_date"]).fillna(years)


def comparison_rows(figures: pd.DataFrame, documents: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Every figure with its indicator, its reply's date and title: the rows the comparison draws from."""
    rows = match_indicators(figures, mapping)
    rows["reply_date"] = rows["doc"].map(reply_dates(documents)).astype("datetime64[s]")
    rows["title"] = rows["doc"].map(documents.set_index("doc")["title"]).astype("string")
    return rows[POINT_COLUMNS]


def indicator_summary(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (indicator, base unit): in how many replies and years it appears.

    Shared indicators come first, and among them those the mapping table names (officials curated them).
    """
    columns = ["indicator", "base_unit", "theme", "n_replies", "n_figures", "years", "is_mapped"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    keys = ["indicator", "base_unit"]
    grouped = rows.assign(is_mapped=rows["matched_by"] != AUTOMATIC).groupby(keys, dropna=False)
    summary = grouped.agg(
        theme=("theme", "first"),
        n_replies=("doc", "nunique"),
        n_figures=("doc", "size"),
        is_mapped=("is_mapped", "any"),
    ).reset_index()
    # the distinct years per indicator, joined: vectorised (a Python function per group is 1 s at 300,000 rows)
    years = rows[keys].assign(year=rows["reply_date"].dt.year.astype("Int64").astype("string")).dropna()
    years = years.drop_duplicates().sort_values("year").groupby(keys, dropna=False)["year"].agg("、".join)
    summary = summary.merge(years.rename("years").reset_index(), on=keys, how="left")
    summary["years"] = summary["years"].fillna("")
    order = ["n_replies", "is_mapped", "n_figures", "indicator"]
    return summary.sort_values(order, ascending=[False, False, False, True])[columns]


def indicator_points(rows: pd.DataFrame, indicator: str, base_unit: str) -> pd.DataFrame:
    points = rows[(rows["indicator"] == indicator) & (rows["base_unit"] == base_unit)]
    return points.sort_values(["reply_date", "doc", "start"]).reset_index(drop=True)


NARROW_SPAN = pd.Timedelta(days=62)  # replies this close in time get a months axis around them
MAX_POINTS = 400  # more points than this are drawn as monthly summaries (the table keeps every one)


def indicator_chart(points: pd.DataFrame, indicator: str) -> Chart:
    """The indicator over the replies' dates: achieved as filled markers on a line, planned as open ones.

    An indicator many replies report (thousands in a large library) is summarised by month: the median at
    the point, a bar from the smallest to the largest value, the count in the hover.
    """
    largest = points["base_value_high"].fillna(points["base_value"]).abs().max() if len(points) else 0
    hint = points["unit"].dropna().iloc[0] if points["unit"].notna().any() else None
    divisor, unit = display_unit(str(points["base_unit"].iloc[0]) if len(points) else "count", largest, hint)
    monthly = len(points) > MAX_POINTS
    fig = go.Figure()
    for planned, symbol, dash in ((False, "circle", "solid"), (True, "circle-open", "dot")):
        part = points[points["is_planned"].fillna(False) == planned]
        if part.empty:
            continue
        style = {
            "name": STATUS[planned],
            "mode": "lines+markers" if not planned else "markers",
            "line": {"dash": dash},
            "marker": {"symbol": symbol, "size": 12, "line": {"width": 2}},
            "hoverinfo": "text",
        }
        fig.add_trace(
            _monthly_trace(part, divisor, unit, style) if monthly else _point_trace(part, divisor, style)
        )
    fig.update_yaxes(title_text=html.escape(f"{indicator}（{unit}）"), rangemode="tozero")
    fig.update_xaxes(title_text="答复日期", tickformat="%Y年%-m月" if monthly else "%Y年%-m月%-d日")
    dates = points["reply_date"].dropna() if len(points) else pd.Series(dtype="datetime64[s]")
    # else Plotly ticks hours, each read as the day
    if len(dates) and dates.max() - dates.min() < NARROW_SPAN:
        fig.update_xaxes(
            range=[dates.min() - NARROW_SPAN, dates.max() + NARROW_SPAN], dtick="M1", tickformat="%Y年%-m月"
        )
    data = points.assign(数据=format_figures(points), 状态=points["is_planned"].fillna(False).map(STATUS))
    note = "实心点：已完成/现状；空心点：计划/目标；竖线：区间或上限。点选数据点可查看原句。"
    if monthly:
        note = (
            f"共{len(points)}项数据，按答复月份汇总：点为中位数，竖线为最小值至最大值；"
            "实心点：已完成/现状；空心点：计划/目标。全部数据见下表。"
        )
    return Chart(
        key="compare",
        title=f"{indicator}：各答复对比",
        figure=layout(fig, f"{indicator}"),
        data=data,
        note=note,
    )


def _point_trace(part: pd.DataFrame, divisor: float, style: dict) -> go.Scatter:
    """One marker per figure, its range or bound as an error bar, its sentence in the hover."""
    low = part["base_value"] / divisor
    high = part["base_value_high"].fillna(part["base_value"]) / divisor
    return go.Scatter(
        x=part["reply_date"],
        y=low,
        error_y={"type": "data", "array": (high - low).tolist(), "arrayminus": [0] * len(part)},
        customdata=[[k] for k in _keys(part)],
        hovertext=[_hover(row) for row in part[HOVER_COLUMNS].to_dict("records")],
        **style,
    )


def _monthly_trace(part: pd.DataFrame, divisor: float, unit: str, style: dict) -> go.Scatter:
    """One marker per month of reply dates: the median, a bar from the smallest to the largest value; a
    click leads to the figure closest to the median."""
    values = (part["base_value"] / divisor).astype(float)
    month = part["reply_date"].dt.to_period("M").dt.to_timestamp()
    frame = pd.DataFrame({"month": month, "value": values, "key": _keys(part)}).dropna(
        subset=["month", "value"]
    )
    grouped = frame.groupby("month", sort=True)["value"]
    summary = grouped.agg(["median", "min", "max", "size"])
    nearest = frame.assign(gap=(frame["value"] - frame["month"].map(summary["median"])).abs())
    keys = nearest.sort_values("gap", kind="stable").groupby("month")["key"].first().reindex(summary.index)
    hover = [
        f"{m.year}年{m.month}月：{n}项数据<br>中位数 {html.escape(_short(v))}{html.escape(unit)}"
        f"<br>最小 {html.escape(_short(lo))} · 最大 {html.escape(_short(hi))}"
        for m, v, lo, hi, n in zip(
            summary.index, summary["median"], summary["min"], summary["max"], summary["size"], strict=True
        )
    ]
    return go.Scatter(
        x=summary.index,
        y=summary["median"],
        error_y={
            "type": "data",
            "array": (summary["max"] - summary["median"]).tolist(),
            "arrayminus": (summary["median"] - summary["min"]).tolist(),
        },
        customdata=[[k] for k in keys],
        hovertext=hover,
        **style,
    )


def _keys(part: pd.DataFrame) -> list[str]:
    return [figure_key(d, int(s)) for d, s in zip(part["doc"], part["start"], strict=True)]


def _short(value: float) -> str:
    return f"{value:,.4g}"


def _hover(row: dict) -> str:
    sentence = str(row.get("sentence") or "")
    short = sentence if len(sentence) <= 60 else sentence[:60] + "…"
    date = row["reply_date"].strftime("%Y年%-m月%-d日") if not pd.isna(row["reply_date"]) else "日期不详"
    title = row.get("title") if not pd.isna(row.get("title")) else row["doc"]
    parts = [
        f"<b>{html.escape(reported_figure(str(row['text']), row.get('qualifier_word')))}</b>",
        html.escape(str(row["label"])),
        f"{date}　{html.escape(str(title))}",
    ]
    return "<br>".join([*parts, html.escape(short)])
