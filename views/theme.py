"""One theme: its figures charted by kind (each kind on its own axis), tables and downloads one click away.

`dashboard.py` registers one page per theme, each calling render(theme).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from board import data as app_data
from board import widgets
from board.filters import from_state
from board.markup import plain

MAX_ROWS = 1000  # rows sent to the browser at once


def render(theme: str, domain: str | None = None) -> None:
    lib = app_data.library()
    documents, figures = lib.tables.documents, lib.tables.figures
    chosen = from_state(st.session_state)
    excluded = bool(domain) and chosen.excludes(domain)
    chosen = chosen.with_domain_theme(domain, theme) if domain else chosen.with_theme(theme)
    # positions, not rows: a theme of a large library holds 100,000 figures, and the page needs their count,
    # the (cached) charts, one table's worth of rows, and all of them only for a download
    positions = np.flatnonzero(app_data.selection(chosen)) if not excluded else np.array([], dtype=int)
    st.title(plain(theme))
    widgets.copy_link()
    if domain:
        st.caption(plain(f"领域：{domain}"))
    if not len(positions):
        if (figures["theme"] == theme).any():
            st.info("在当前筛选条件下，本主题没有数据。请在左侧放宽筛选条件。")
        else:
            st.info("这份答复中没有属于本主题的数据。")
        return
    n_docs = figures["doc"].iloc[positions].nunique()
    st.caption(f"共{len(positions)}项数据，来自{n_docs}份答复。点选图中的柱可查看原句。")
    slug = "".join(ch for ch in (domain or "") + theme if ch.isalnum())
    for chart in app_data.theme_charts(chosen):
        keys = widgets.chart_block(chart, documents, chosen, theme, f"{slug}-{chart.key}")
        widgets.show_keys(keys, chart.data, documents, key=chart.key)
    values = figures[["base_value", "base_value_low"]].iloc[positions]
    vague = positions[(values["base_value"].isna() & values["base_value_low"].isna()).to_numpy()]
    if len(vague):
        texts = figures["text"].iloc[vague[:20]].astype(str)
        st.caption(
            plain(f"以下数据没有确切数值，未画入图中：{'、'.join(texts)}{'等' if len(vague) > 20 else ''}")
        )
    # drawn once opened (a closed expander's table would still load the table's scripts before the charts)
    table = st.expander(f"本主题全部数据（{len(positions)}项）", key=f"{slug}-all-open", on_change="rerun")
    if not table.open:
        return
    with table:
        shown = figures.iloc[positions[:MAX_ROWS]]
        if len(positions) > MAX_ROWS:
            st.caption(f"这里列出前{MAX_ROWS}项；全部数据请下载，或在“数据浏览”中分页查看。")
        picked = widgets.figures_table(shown, key=f"{slug}-table")
        widgets.downloads(
            app_data.rows_for_download(chosen),
            documents,
            "主题数据",
            theme,
            chosen,
            f"{slug}-all",
            n_rows=len(positions),
        )
    if picked:
        widgets.provenance(shown.iloc[picked[0]], documents, key="table")
