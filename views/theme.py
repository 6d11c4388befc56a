"""One theme: its figures charted by kind (each kind on its own axis), tables and downloads one click away.

`dashboard.py` registers one page per theme, each calling render(theme).
"""

from __future__ import annotations

import streamlit as st

import app_data
import charts
import widgets
from filters import apply_filters, from_state
from html_views import plain

MAX_ROWS = 1000  # rows sent to the browser at once


def render(theme: str) -> None:
    lib = app_data.library()
    documents, figures = lib.tables.documents, lib.tables.figures
    chosen = from_state(st.session_state).with_theme(theme)
    rows = apply_filters(figures, chosen)
    st.title(plain(theme))
    if rows.empty:
        if (figures["theme"] == theme).any():
            st.info("在当前筛选条件下，本主题没有数据。请在左侧放宽筛选条件。")
        else:
            st.info("这份答复中没有属于本主题的数据。")
        return
    st.caption(f"共{len(rows)}项数据，来自{rows['doc'].nunique()}份答复。点选图中的柱可查看原句。")
    slug = "".join(ch for ch in theme if ch.isalnum())
    for chart in charts.theme_charts(rows):
        keys = widgets.chart_block(chart, documents, chosen, theme, f"{slug}-{chart.key}")
        widgets.show_keys(keys, rows, documents)
    unplotted = rows[rows["base_value"].isna() & rows["base_value_low"].isna()]
    if not unplotted.empty:
        vague = "、".join(unplotted["text"].astype(str).head(20)) + ("等" if len(unplotted) > 20 else "")
        st.caption(plain(f"以下数据没有确切数值，未画入图中：{vague}"))
    with st.expander(f"本主题全部数据（{len(rows)}项）"):
        shown = rows.head(MAX_ROWS)
        if len(rows) > MAX_ROWS:
            st.caption(f"这里列出前{MAX_ROWS}项；全部数据请下载，或在“数据浏览”中分页查看。")
        picked = widgets.figures_table(shown, key=f"{slug}-table")
        widgets.downloads(rows, documents, "主题数据", theme, chosen, f"{slug}-all")
    if picked:
        widgets.provenance(shown.iloc[picked[0]], documents)
