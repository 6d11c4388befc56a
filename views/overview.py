"""概览: the reply card, headline figures per theme, and the figures by theme and by section."""

from __future__ import annotations

import streamlit as st

import app_data
import charts
import html_views
import widgets
from filters import describe, from_state, isin
from formatting import format_figure, headlines, newest_first
from html_views import plain

lib = app_data.library()
documents, figures = lib.tables.documents, lib.tables.figures
chosen = from_state(st.session_state)
rows = app_data.selected_rows(chosen)
theme_names = [t for t, _ in app_data.themes(figures)]

st.title("答复数据看板")
if documents.empty:
    st.stop()

ALL_REPLIES = "（全部答复）"
docs = documents[isin(documents["doc"], chosen.docs)] if chosen.docs else documents
doc = docs["doc"].iloc[0]
if len(docs) > 1:  # one reply or all of them: the card, the headlines and the charts follow this choice
    titles = dict(zip(docs["doc"], docs["title"].fillna(""), strict=True))
    options = [ALL_REPLIES, *docs["doc"].tolist()]
    doc = st.selectbox(
        "答复", options, format_func=lambda d: d if d == ALL_REPLIES else f"{titles[d]}（{d}）"
    )
if doc == ALL_REPLIES:
    st.caption(f"共 {len(docs)} 份答复、{len(rows)} 条数据；选择一份答复可查看其详情。")
else:
    rows = rows[rows["doc"] == doc]
    document = docs[docs["doc"] == doc].iloc[0]
    n_doc = int((figures["doc"] == doc).sum())
    st.html(html_views.reply_card(document.to_dict(), n_figures=n_doc))

if not chosen.is_empty():
    st.caption(
        "已应用筛选：" + "；".join(f"{k}：{v}" for k, v in describe(chosen) if v not in ("全部", "（无）"))
    )
if rows.empty:
    st.info("没有符合当前筛选条件的数据。请在左侧放宽筛选条件。")
    st.stop()

st.subheader("各主题要点数据")
st.caption(
    "每个主题按答复中出现的顺序列出前几项已完成的数据（计划目标与增长率在后）；"
    "多份答复时，每份答复列其首项数据，最新的答复在前。完整数据见各主题页。"
)
shown_docs = rows["doc"].unique()  # once: 300,000 rows
many_docs = len(shown_docs) > 1
newest = newest_first(documents[isin(documents["doc"], shown_docs)]) if many_docs else None
tops = headlines(rows, doc_order=newest)
for theme in [t for t in theme_names if t in set(tops["theme"])]:
    part = tops[tops["theme"] == theme]
    total = int((rows["theme"] == theme).sum())
    st.markdown(f"**{plain(theme)}**　:gray[共{total}项数据]")
    columns = st.columns(4)
    for column, row in zip(columns, part.to_dict("records"), strict=False):
        label = str(row["label"] or row["text"])
        label = f"{label}（{row['doc']}）" if many_docs else label
        column.metric(plain(label), format_figure(row), help=plain(str(row["sentence"])), border=True)

st.subheader("数据分布")
# captions and downloads name only the replies shown (isin over distinct names, not 300,000 rows)
sources = documents[isin(documents["doc"], shown_docs)]
left, right = st.columns(2)
with left:
    widgets.chart_block(charts.by_theme(rows, theme_names), sources, chosen, "全部主题", "ov-theme")
with right:
    widgets.chart_block(charts.by_section(rows, theme_names), sources, chosen, "各章节", "ov-section")
