"""原文阅读: the whole reply by its sections, every extracted figure highlighted and linked to its row."""

from __future__ import annotations

import streamlit as st

from board import data as app_data
from board import figure_links, markup, scan_view, widgets
from board.filters import figure_key, from_state, to_query
from board.markup import plain

lib = app_data.library()
documents, sections, figures = lib.tables.documents, lib.tables.sections, lib.tables.figures
chosen = from_state(st.session_state)
st.title("原文阅读")
with st.sidebar:  # draws nothing; at the sidebar's foot its slot adds no gap to the page
    figure_links.catch_clicks()  # a plain click on a figure: to its row, no new page load
clicked = figure_links.take_clicked()
if clicked:
    st.session_state.pop("linked-shown", None)  # the explorer opens the figure's page of rows again
    st.switch_page("views/explorer.py", query_params={"fig": figure_key(*clicked)})
widgets.copy_link()
if documents.empty:
    st.stop()

docs = documents["doc"].tolist()
# a figure to show, from 在原文中查看 (st.switch_page: same tab, no page load) — its reply opens once, the
# page scrolls to it once, and it stays marked apart while that reply is read
target = st.session_state.get(widgets.READER_TARGET)
jumped = bool(target) and st.session_state.get("reader-opened") != target
st.session_state["reader-opened"] = target
wanted = st.query_params.get("doc")
default = docs.index(wanted) if wanted in docs else (docs.index(chosen.docs[0]) if chosen.docs else 0)
if jumped and target and target[0] in docs:
    default = docs.index(target[0])
    st.session_state.pop("reader-doc", None)  # the picker opens on the jumped-to reply
doc = st.selectbox("答复", docs, index=default, key="reader-doc") if len(docs) > 1 else docs[0]
mark = int(target[1]) if target and target[0] == doc else None
text = app_data.text(doc)
if text is None:
    st.error(f"{doc}：无法读取原文。")
    st.stop()

doc_figures = figures[figures["doc"] == doc]
doc_sections = sections[sections["doc"] == doc].sort_values("start")
st.html(markup.reply_card(documents[documents["doc"] == doc].iloc[0].to_dict(), len(doc_figures)))
st.caption(f"高亮的数字是提取出的{len(doc_figures)}项数据；点击可在“数据浏览”中查看该行。")
if scan_view.is_scan(documents[documents["doc"] == doc].iloc[0].to_dict()):
    scan_view.show(lib.paths[doc], doc_figures)  # a scan: the page image with the figure's box


def link(d: str, start: int) -> str:
    return "explorer?" + to_query(chosen, fig=figure_key(d, start))


def heading_spans(level_one: int, end: int) -> list[tuple[int, int]]:
    subs = doc_sections[(doc_sections["start"] > level_one) & (doc_sections["start"] < end)]
    return [
        (int(s), int(s) + len(str(n)) + len(str(h)))
        for s, n, h in zip(subs["start"], subs["number"], subs["heading"], strict=True)
    ]


tops = (
    doc_sections[doc_sections["level"] == doc_sections["level"].min()]
    if not doc_sections.empty
    else doc_sections
)
first = int(tops["start"].iloc[0]) if not tops.empty else len(text)
with st.expander("页首信息与开头", expanded=tops.empty or (mark is not None and mark < first)):
    st.html(markup.reader_html(text, 0, first, doc_figures, link, target=mark))
for row in tops.itertuples():
    start, end = int(row.start), int(row.end)
    st.subheader(plain(f"{row.number}{row.heading}"))
    body_start = start + len(str(row.number)) + len(str(row.heading))
    if text[start:body_start] != f"{row.number}{row.heading}":
        body_start = start
    st.html(markup.reader_html(text, body_start, end, doc_figures, link, heading_spans(start, end), mark))
last = int(tops["end"].max()) if not tops.empty else len(text)
if last < len(text):
    st.html(markup.reader_html(text, last, len(text), doc_figures, link, target=mark))
if mark is not None:
    st.html(markup.scroll_to_figure(mark, target[2]), unsafe_allow_javascript=True)
