"""数据浏览: the whole figures table under the sidebar filters, a page at a time, with downloads and the
sentence of the selected row. A link with ?fig=doc:start (from the reader) shows that figure first.
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from board import data as app_data
from board import widgets
from board.filters import from_state, parse_figure_key

PAGE_SIZES = [100, 200, 500, 1000]  # never more than 1000 rows to the browser at once

lib = app_data.library()
documents, figures = lib.tables.documents, lib.tables.figures
chosen = from_state(st.session_state)
# positions of the matching figures; rows are taken a page at a time (all 300,000 only for a download)
positions = app_data.matching_positions(chosen)  # a keyword's own figures first

st.title("数据浏览")
widgets.copy_link()
linked = parse_figure_key(str(st.query_params.get("fig", "")))
if linked is not None:
    match = figures[(figures["doc"] == linked[0]) & (figures["start"] == linked[1])]
    if match.empty:
        st.warning("链接中的数据在资料库中找不到（答复文件可能已更新）。")
    else:
        with st.container(border=True):
            st.markdown("**从原文跳转的数据**")
            widgets.provenance(match.iloc[0], documents, key="linked")
            if st.button("关闭", key="close-linked"):
                del st.query_params["fig"]
                st.rerun()

st.caption(f"符合条件的数据：{len(positions)} 项（全部 {len(figures)} 项）")
if not len(positions):
    st.info("没有符合当前筛选条件的数据。请在左侧放宽筛选条件，或清除关键词。")
    st.stop()

size = st.segmented_control("每页行数", PAGE_SIZES, default=200, key="size", required=True)
n_pages = max(1, math.ceil(len(positions) / size))
if st.session_state.get("page", 1) > n_pages:
    st.session_state["page"] = 1
target = None  # position of the linked figure in the filtered table: open its page, select its row
if linked is not None:
    at = match.index[0] if not match.empty else None  # the linked figure's row in the whole table
    where = np.flatnonzero(positions == figures.index.get_loc(at)) if at is not None else []
    target = int(where[0]) if len(where) else None
    if target is None:
        st.caption("跳转的数据不在当前筛选结果中。")
    elif st.session_state.get("linked-shown") != linked:
        st.session_state["linked-shown"] = linked
        st.session_state["page"] = target // size + 1
page = st.pagination(n_pages, key="page", bind="query-params") if n_pages > 1 else 1
first = (page - 1) * size
shown = figures.iloc[positions[first : first + size]]
st.caption(f"第 {page} / {n_pages} 页，第 {first + 1}–{first + len(shown)} 项")
on_page = target - first if target is not None and first <= target < first + size else None
height = min(38 + 35 * len(shown), 600)
picked = widgets.figures_table(shown, key="explorer-table", height=height, default_row=on_page)
scope = "筛选结果" if not chosen.is_empty() else "全部"
widgets.downloads(
    app_data.rows_for_download(chosen),
    documents,
    "数据表",
    scope,
    chosen,
    "explorer",
    n_rows=len(positions),
)
if picked and picked[0] != on_page:  # the linked figure's sentence is already shown above
    widgets.provenance(shown.iloc[picked[0]], documents, key="picked")
elif picked:
    st.caption("选中的是从原文跳转的数据，原句见上方。")
else:
    st.caption("点选表格中的一行，可查看该数据所在的原句。")
