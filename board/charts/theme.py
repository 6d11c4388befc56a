"""Theme-page charts. Rules they keep:
- one axis per kind of quantity: money (per currency), area, counts, shares, growth rates and
  percentage points are never mixed on one axis;
- a figure's label ``subject · measure`` (已建成工业小微企业园区 · 占地面积) puts the subject on the
  x axis and the measure in the legend, so what the reply compares (built / under construction /
  planned) stands side by side;
- bounds and ranges are drawn as such: a hatched bar for 超/余/以上 (at least), a back-hatched bar
  for 不超过, a dotted bar for 约, an error bar up to the high end for a range; the hover and the bar
  label carry the figure as written (超1000家); planned figures are paler and say 计划.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from board.charts.axes import AxisGroup, axis_groups, split_label, split_labels, with_axis_family
from board.charts.base import Chart, layout, text_or_dash, wrap
from board.codes_zh import QUALIFIER_ZH, period_zh
from board.filters import figure_key
from board.formatting import FIGURE_ZH, format_figures
from loaders.columns import columns_of, labels_zh

PATTERN = {"at_least": "/", "at_most": "\\", "approx": ".", "range": "", "exact": ""}
MAX_BARS = 30  # more bars than this are unreadable: the largest are drawn, the table holds the rest
LEGEND_NOTE = "斜线：不少于（超/余/以上）；反斜线：不超过；点纹：约数；误差线：区间上限；浅色：计划/目标。"


def _drawn(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that get a bar: all of them, or the MAX_BARS largest."""
    if len(rows) <= MAX_BARS:
        return rows
    return rows.loc[rows["base_value"].fillna(rows["base_value_low"]).nlargest(MAX_BARS).index]


def _bar_traces(group: AxisGroup, colors: dict[str, str], legend: bool = True) -> list[go.Bar]:
    rows = _drawn(group.rows).copy()
    parts = [split_label(x) for x in rows["label"]]
    rows["_subject"] = _unique([p[0] or str(t) for p, t in zip(parts, rows["text"], strict=True)], rows)
    rows["_measure"] = [p[1] or group.title.split("（")[0] for p in parts]
    rows["_shown"] = format_figures(rows)
    replies = rows["reply"] if "reply" in rows else rows["doc"]
    if replies.nunique() > 1:  # bars of several replies: each says whose it is
        named = zip(rows["_subject"], replies, strict=True)
        rows["_x"] = [wrap(s) + "<br>" + wrap(f"（{r}）", 10, 3) for s, r in named]
    else:
        rows["_x"] = [wrap(s) for s in rows["_subject"]]
    rows["_reply"] = [html.escape(str(r)) for r in replies]
    traces = []
    for measure, part in rows.groupby("_measure", sort=False):
        low = part["base_value"].fillna(part["base_value_low"]).astype(float)
        high = part["base_value_high"].astype(float)
        plus = ((high - low) / group.divisor).fillna(0).clip(lower=0)
        planned = part["is_planned"].fillna(False).astype(bool)
        text = [
            html.escape(s) + ("（计划）" if p else "") for s, p in zip(part["_shown"], planned, strict=True)
        ]
        custom = [
            [
                figure_key(d, s),
                html.escape(str(lab)),
                QUALIFIER_ZH.get(str(q), str(q)),
                period_zh(per) or "—",
                text_or_dash(sec),
                reply,
            ]
            for d, s, lab, q, per, sec, reply in zip(
                part["doc"],
                part["start"],
                part["label"],
                part["qualifier"],
                part["period"],
                part["section"],
                part["_reply"],
                strict=True,
            )
        ]
        traces.append(
            go.Bar(
                x=part["_x"].tolist(),
                y=(low / group.divisor).round(4).tolist(),
                name=html.escape(str(measure)),
                legendgroup=str(measure),
                showlegend=legend,
                text=text,
                textposition="outside",
                cliponaxis=False,
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": plus.tolist(),
                    "visible": bool(plus.any()),
                },
                marker={
                    # planned bars are paler; per-point colours, not an opacity array (which breaks
                    # click selection in the browser)
                    "color": [
                        _rgba(colors.get(str(measure)) or colors.get("", "#636EFA"), 0.45 if p else 0.95)
                        for p in planned
                    ],
                    "pattern": {
                        "shape": [PATTERN.get(str(q), "") for q in part["qualifier"]],
                        "fillmode": "overlay",  # the bar keeps its colour; the hatching marks the bound
                    },
                },
                customdata=custom,
                hovertemplate="<b>%{customdata[1]}</b><br>%{text}<br>答复：%{customdata[5]}<br>"
                "限定：%{customdata[2]}<br>时期：%{customdata[3]}<br>章节：%{customdata[4]}<extra></extra>",
            )
        )
    return traces


def _rgba(color: str, alpha: float) -> str:
    """'#636EFA' or 'rgb(…)' → 'rgba(…, alpha)'."""
    if color.startswith("#") and len(color) == 7:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    else:
        r, g, b = (int(float(v)) for v in color[color.index("(") + 1 : color.index(")")].split(",")[:3])
    return f"rgba({r},{g},{b},{alpha})"


def _unique(subjects: list[str], rows: pd.DataFrame) -> list[str]:
    """Bars need distinct x positions: a subject+measure repeated within one reply gets its period or a number
    (across replies, the reply's name under the bar tells them apart)."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    measures = [split_label(x)[1] for x in rows["label"]]
    for subject, measure, period, doc in zip(subjects, measures, rows["period"], rows["doc"], strict=True):
        n = seen[(subject, measure, doc)] = seen.get((subject, measure, doc), 0) + 1
        out.append(subject if n == 1 else f"{subject}（{period_zh(period) or n}）")
    return out


def _measure_colors(frame: pd.DataFrame) -> dict[str, str]:
    measures = list(dict.fromkeys(split_labels(frame["label"])[1]))  # in order of first appearance
    palette = qualitative.Plotly
    return {m: palette[i % len(palette)] for i, m in enumerate(measures)}


def chart_data(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows behind a chart, with the figure as written: what its table shows and its download holds."""
    out = rows[[c.name for c in columns_of("figures")]].sort_values(["doc", "start"])
    return out.assign(**{FIGURE_ZH: format_figures(out)})[[FIGURE_ZH, *out.columns]]


def group_chart(group: AxisGroup) -> Chart:
    traces = _bar_traces(group, _measure_colors(group.rows))
    fig = go.Figure(traces)
    positions = len({x for t in traces for x in t.x})
    fig.update_layout(barmode="group", bargap=0.25 if positions > 3 else 0.6, showlegend=len(traces) > 1)
    fig.update_yaxes(title=group.title, rangemode="tozero")
    fig.update_xaxes(title=labels_zh("figures")["label"], tickangle=0, automargin=True)
    fig.update_traces(textfont_size=12)
    n = len(group.rows)
    title = group.title + (f"（最大的{MAX_BARS}项，共{n}项）" if n > MAX_BARS else "")
    top = 90 if len(traces) > 1 else 60  # room for the legend only when there is one
    return Chart(group.key, title, layout(fig, title, top=top), chart_data(_drawn(group.rows)), LEGEND_NOTE)


def comparison_chart(figures: pd.DataFrame) -> Chart | None:
    """Side-by-side panels (one axis each) where a section compares several subjects on several measures —
    e.g. parks built / under construction / planned, each with a count and an area."""
    plotted = with_axis_family(figures)
    plotted = plotted.assign(_subject=split_labels(plotted["label"])[0])
    subjects_per_axis = plotted.groupby(["doc", "section_id", "_family"], sort=False)["_subject"].nunique()
    compared = subjects_per_axis[subjects_per_axis >= 2].groupby(level=[0, 1], sort=False).size()
    compared = compared[compared >= 2]
    if compared.empty:
        return None
    doc, section_id = compared.idxmax()  # the section comparing most measures; the first such in reply order
    part = figures[(figures["doc"] == doc) & (figures["section_id"] == section_id)]
    best = [g for g in axis_groups(part) if len({split_label(x)[0] for x in g.rows["label"]}) >= 2]
    rows = pd.concat([g.rows for g in best])
    subjects = list(dict.fromkeys(split_label(x)[0] for x in rows.sort_values("start")["label"]))
    fig = make_subplots(rows=1, cols=len(best), subplot_titles=[html.escape(g.title) for g in best])
    colors = _measure_colors(rows)
    shown: set[str] = set()
    for col, group in enumerate(best, start=1):
        for trace in _bar_traces(group, colors):
            trace.showlegend = trace.name not in shown
            shown.add(trace.name)
            fig.add_trace(trace, row=1, col=col)
        fig.update_yaxes(title=group.title, rangemode="tozero", row=1, col=col)
        fig.update_xaxes(categoryorder="array", categoryarray=[wrap(s) for s in subjects], row=1, col=col)
    fig.update_layout(barmode="group")
    title = "对比：" + "、".join(subjects[:4])
    fig.update_annotations(font_size=13)
    return Chart("compare", title, layout(fig, title, height=470, top=110), chart_data(rows), LEGEND_NOTE)


def theme_charts(figures: pd.DataFrame, names: dict[str, str] | None = None) -> list[Chart]:
    """Every chart of a theme page: the comparison (if the reply compares things), then one per axis.
    `names` (doc → short name) names each bar's reply: in every tooltip, and under the bar when a chart
    holds figures of more than one reply."""
    names = names or {}
    figures = figures.assign(reply=[names.get(d, d) for d in figures["doc"].astype(str)])
    charts = [c for c in [comparison_chart(figures)] if c is not None]
    return charts + [group_chart(g) for g in axis_groups(figures)]
