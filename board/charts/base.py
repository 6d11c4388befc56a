"""What every chart shares: the Chart record, fonts and layout, colours, section order, source captions."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

# st.plotly_chart's config: no Plotly logo and no mode bar (its tooltips are English and Plotly's locales are
# separate scripts, not bundled); zoom is a drag, double-click resets
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


@dataclass(frozen=True)
class Chart:
    key: str  # stable, ASCII: widget keys
    title: str
    figure: go.Figure
    data: pd.DataFrame  # the rows behind the chart, as they are offered for download
    note: str = ""  # how to read the marks, shown under the chart


def theme_colors(themes: Sequence[str]) -> dict[str, str]:
    palette = qualitative.Safe + qualitative.Pastel
    return {t: palette[i % len(palette)] for i, t in enumerate(themes)}


LEGEND_PER_ROW = 5  # entries a horizontal legend fits on one row of a half-page chart


def layout(fig: go.Figure, title: str, height: int = 400, top: int = 90) -> go.Figure:
    """Title top left, the legend in rows under it; the top margin grows with the legend's rows, so a legend
    of many entries never runs over the title."""
    names = {t.name for t in fig.data if t.name and t.showlegend is not False}
    rows = max(1, -(-len(names) // LEGEND_PER_ROW))
    top, height = top + 22 * (rows - 1), height + 22 * (rows - 1)
    fig.update_layout(
        title={"text": html.escape(title), "x": 0, "y": 0.98, "yanchor": "top", "font": {"size": 16}},
        font={"family": FONT, "size": 13},
        hoverlabel={"font": {"family": FONT}},
        plot_bgcolor="white",  # (a named template costs ~70 ms per chart; Streamlit themes the rest)
        height=height,
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.04,
            "xanchor": "left",
            "x": 0,
            "traceorder": "normal",
        },
        uniformtext={"minsize": 11, "mode": "show"},
    )
    return fig


def wrap(text: str, width: int = 8, lines: int = 3) -> str:
    """An axis label broken every `width` characters (CJK has no spaces to break at), escaped for Plotly."""
    parts = [text[i : i + width] for i in range(0, len(text), width)] or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1][: width - 1] + "…"]
    return "<br>".join(html.escape(p) for p in parts)


def section_order(section_id: object) -> str:
    """A sort key putting 2.10 after 2.9: outline paths sort by their numbers."""
    return ".".join(f"{int(p):05d}" if p.isdigit() else "00000" for p in str(section_id).split("."))


def source_caption(rows: pd.DataFrame, documents: pd.DataFrame, most: int = 4) -> str:
    """来源：the reply (title, file) and the sections the chart's figures come from."""
    parts = []
    docs = list(dict.fromkeys(rows["doc"]))
    known = documents[documents["doc"].isin(docs[:most])] if not documents.empty else documents
    titles = dict(zip(known["doc"], known["title"], strict=True)) if not known.empty else {}
    for doc in docs[:most]:
        part = rows[rows["doc"] == doc].drop_duplicates("section_id")
        part = part.sort_values("section_id", key=lambda s: s.map(section_order))
        names = [f"{sid} {sec}" for sid, sec in zip(part["section_id"], part["section"], strict=True)]
        shown = "；".join(names[:most]) + (f" 等{len(names)}个章节" if len(names) > most else "")
        title = titles.get(doc)
        named = f"《{title}》（{doc}）" if title and not pd.isna(title) else str(doc)
        parts.append(f"{named}，章节：{shown}")
    more = f" 等{len(docs)}份答复" if len(docs) > most else ""
    return "来源：" + " | ".join(parts) + more


def selected_keys(selection: object) -> list[str]:
    """Figure keys of the points selected in a chart (the st.plotly_chart on_select event)."""
    try:
        points = selection["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    keys = []
    for point in points or []:
        custom = point.get("customdata") if isinstance(point, dict) else None
        if custom:
            keys.append(str(custom[0]))
    return keys


def text_or_dash(value: object) -> str:
    return "—" if value is None or pd.isna(value) else str(value)
