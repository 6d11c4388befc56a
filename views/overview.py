"""概览: the reply card, headline figures per theme, and the figures by theme and by section.

Thin: what it shows is computed (and cached) by app_data.overview through summaries.overview.
"""

from __future__ import annotations

import streamlit as st

from board import data as app_data
from board import markup, navigation, widgets
from board.filters import describe, from_state, isin
from board.markup import plain

ALL_REPLIES = "（全部答复）"

lib = app_data.library()
documents, figures = lib.tables.documents, lib.tables.figures
chosen = from_state(st.session_state)
theme_names = [t for t, _ in navigation.themes(figures)]

st.title("答复数据看板")
if documents.empty:
    st.stop()

docs = documents[isin(documents["doc"], chosen.docs)] if chosen.docs else documents
doc = docs["doc"].iloc[0]
if len(docs) > 1:  # one reply or all of them: the card, the headlines and the charts follow this choice
    names = app_data.reply_names()  # doc → 标题（doc）, once per library state
    doc = st.selectbox("答复", [ALL_REPLIES, *docs["doc"].tolist()], format_func=lambda d: names.get(d, d))
shown = app_data.overview(chosen, None if doc == ALL_REPLIES else doc, theme_names)
if doc == ALL_REPLIES:
    st.caption(f"共 {len(docs)} 份答复、{shown.n_figures} 条数据；选择一份答复可查看其详情。")
else:
    document = docs[docs["doc"] == doc].iloc[0]
    n_doc = int((figures["doc"] == doc).sum())
    st.html(markup.reply_card(document.to_dict(), n_figures=n_doc))

if not chosen.is_empty():
    st.caption(
        "已应用筛选：" + "；".join(f"{k}：{v}" for k, v in describe(chosen) if v not in ("全部", "（无）"))
    )
if not shown.n_figures:
    st.info("没有符合当前筛选条件的数据。请在左侧放宽筛选条件。")
    st.stop()

st.subheader("各主题要点数据")
st.caption(
    "每个主题按答复中出现的顺序列出前几项已完成的数据（计划目标与增长率在后）；"
    "多份答复时，每份答复列其首项数据，最新的答复在前。完整数据见各主题页。"
)
short_names = app_data.short_names()


def theme_cards(part, count: int, title: str) -> None:
    """The theme's name and count, its first cards: the whole label, the figure as reported, its reply and
    period (board.markup)."""
    st.html(markup.figure_cards(title, count, part.head(4).to_dict("records"), short_names))


if len(shown.domains) > 1:  # replies of several domains: headline figures by domain, then theme
    for domain in shown.domains:
        st.markdown(f"##### {plain(domain)}")
        in_domain = shown.cards[shown.cards["domain"] == domain]
        for theme in [t for t in theme_names if t in set(in_domain["theme"])]:
            count = shown.per_domain_theme.get((domain, theme), 0)
            theme_cards(in_domain[in_domain["theme"] == theme], count, theme)
else:
    for theme in [t for t in theme_names if t in set(shown.cards["theme"])]:
        theme_cards(shown.cards[shown.cards["theme"] == theme], shown.per_theme.get(theme, 0), theme)

st.subheader("数据分布")
sources = documents[isin(documents["doc"], shown.docs)]  # captions and downloads name the replies shown
left, right = st.columns(2)
with left:
    widgets.chart_block(shown.by_theme, sources, chosen, "全部主题", "ov-theme")
with right:
    widgets.chart_block(shown.by_section, sources, chosen, "各章节", "ov-section")
