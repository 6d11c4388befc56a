"""对比分析: one indicator across replies and years, matched by theme + label or by the editable mapping table.

Thin: tables from board.data (matching and the chart by board.charts.compare, cached there), the mapping table from board.indicators.
The sidebar filters (document, theme, planned …) apply here too.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from board import data as app_data
from board import exports, indicators, navigation, roles, widgets
from board.charts import PLOTLY_CONFIG, selected_keys
from board.filters import from_state, isin

st.title("对比分析")
widgets.copy_link()
lib = app_data.library()
documents = lib.tables.documents
asked = from_state(st.session_state)
n_figures = int(app_data.selection(asked).sum())
try:
    mapping = indicators.read_map()
except ValueError as err:
    st.error(f"指标映射表无法读取：{err}")
    mapping = indicators.read_map(indicators.PATH.with_suffix(".missing"))
rows, summary = app_data.comparison(asked, mapping)

st.caption(
    f"{isin(documents['doc'], asked.docs).sum() if asked.docs else len(documents)} 份答复、{n_figures} 条数据，"
    f"归为 {len(summary)} 个指标；"
    f"其中 {int((summary['n_replies'] >= 2).sum()) if len(summary) else 0} 个指标出现在两份以上答复中。"
)
if summary.empty:
    st.info("没有符合当前筛选条件的数据。请在左侧放宽筛选条件。")
    st.stop()

options = [(r.indicator, r.base_unit) for r in summary.itertuples()]
labels = {
    option: f"{r.indicator}（{r.n_replies} 份答复{f'，{r.years}年' if r.years else ''}）"
    for option, r in zip(options, summary.itertuples(), strict=True)
}
chosen = st.selectbox("选择指标", options, format_func=labels.get, key="compare-indicator")
points, chart = app_data.indicator(asked, mapping, *chosen)
event = st.plotly_chart(
    chart.figure, key="compare-chart", on_select="rerun", selection_mode="points", config=PLOTLY_CONFIG
)
st.caption(chart.note)
widgets.show_keys(selected_keys(event), points, documents, key="chart")

st.subheader("各数据点的来源")
short_names = app_data.short_names()
table = chart.data.assign(答复=[short_names.get(d, d) for d in chart.data["doc"].astype(str)])
table = table[["答复", "reply_date", "数据", "状态", "label", "title", "doc", "matched_by", "sentence"]]
headers = {
    "reply_date": "答复日期",
    "title": "答复标题",
    "doc": "文件",
    "label": "原指标",
    "matched_by": "匹配方式",
}
headers["sentence"] = "原句"
picked = st.dataframe(
    table.rename(columns=headers),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="compare-table",
    column_config={"答复日期": st.column_config.DateColumn(format="YYYY年M月D日")},
)
rows_picked = picked.selection.rows if picked else []
if rows_picked:
    widgets.provenance(points.iloc[rows_picked[0]], documents, key="table")
else:
    st.caption("点选一行，可查看该数据所在的原句并跳转到原文。")
st.download_button(
    "下载对比数据（CSV）",
    data=lambda: exports.csv_bytes(table.rename(columns=headers)),
    file_name=exports.file_name(f"指标对比_{chosen[0]}", "筛选结果", "csv", datetime.now()),
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)

with st.expander("指标映射表（可编辑）：哪些数据算作同一个指标"):
    st.caption(
        "每行定义一个指标：主题（留空为任意）、指标关键词（用空格分隔，指标名中须全部出现）、标准单位（留空为任意）。"
        "按行序匹配，先匹配者优先；未被任何一行匹配的数据按“主题+指标名”自动归并。保存后写入 data/indicators.csv。"
    )
    edited = st.data_editor(
        mapping,
        num_rows="dynamic",
        hide_index=True,
        key="compare-map",
        column_config={
            "indicator": st.column_config.TextColumn(indicators.HEADERS_ZH["indicator"], required=True),
            "theme": st.column_config.SelectboxColumn(
                "主题", options=["", *(t for t, _ in navigation.themes())]
            ),
            "label_keywords": st.column_config.TextColumn(indicators.HEADERS_ZH["label_keywords"]),
            "base_unit": st.column_config.SelectboxColumn("标准单位", options=indicators.BASE_UNITS),
            "note": st.column_config.TextColumn("说明"),
        },
    )
    if not roles.is_editor():  # saving changes a shared file: an editor's (board.roles)
        st.caption("编辑者在资料库页登录后可保存映射表。")
    elif st.button("保存映射表", icon=":material/save:"):
        try:
            indicators.write_map(edited)
        except ValueError as err:
            st.error(f"未保存：{err}")
        else:
            st.success("已保存，对比结果已按新映射表更新。")
            st.rerun()
    matched = rows[rows["indicator"] == chosen[0]][["doc", "text", "label", "theme", "matched_by"]]
    st.caption(f"当前指标「{chosen[0]}」匹配到的数据：")
    st.dataframe(
        matched.rename(
            columns={
                "doc": "文件",
                "text": "原文数值",
                "label": "原指标",
                "theme": "主题",
                "matched_by": "匹配方式",
            }
        ),
        hide_index=True,
    )
