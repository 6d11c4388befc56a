"""答复数据看板 — entry point: page config, navigation, the sidebar filters every page shares.

Run with `streamlit run dashboard.py`. The filters live in the URL (each widget binds its value to a query
parameter named by its key), so a copied link reproduces the view.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from board import data as app_data
from board import navigation as theme_navigation
from board import page_language, widgets
from board.charts import section_order
from board.codes_zh import KIND_ZH, QUALIFIER_ZH, STATUS_ZH, period_zh
from board.filters import KEYS, NO_CLASS, NO_PERIOD, Filters, from_state
from loaders.domains import domain_names
from views import theme as theme_page

# the page icon is a local file: a ":material/…:" icon is fetched from an external font host at every page
# load, and an emoji needs an emoji font the intranet PC may lack; the pages have no icons for the same reason
ICON = Path(__file__).parent / "board" / "assets" / "page_icon.png"


def theme_pages(pages: list[theme_navigation.ThemePage]) -> dict[str, list]:
    """One page per (domain, theme) in the library, in a navigation section per domain."""
    sections: dict[str, list] = {}
    for i, page in enumerate(pages, start=1):

        def render(theme: str = page.theme, domain: str = page.domain) -> None:
            theme_page.render(theme, domain)

        render.__name__ = f"theme_{i}"
        sections.setdefault(f"主题 · {page.domain}", []).append(
            st.Page(render, title=page.theme, url_path=page.url_path)
        )
    return sections


def pages(lib: app_data.Library) -> dict[str, list]:
    """The navigation: the overview, a page per theme of the library, the data pages."""
    return {
        "总览": [st.Page("views/overview.py", title="概览", default=True)],
        **theme_pages(theme_navigation.theme_pages(lib.tables.figures)),
        "数据": [
            st.Page("views/explorer.py", title="数据浏览", url_path="explorer"),
            st.Page("views/reader.py", title="原文阅读", url_path="reader"),
            st.Page("views/compare.py", title="对比分析", url_path="compare"),
            st.Page("views/library.py", title="资料库", url_path="library"),
        ],
    }


@st.cache_resource(max_entries=2)
def filter_options(stamp: str, _figures, _all_themes: list[tuple[str, str]], _documents) -> dict[str, list]:
    """Each filter's choices, once per state of the library folder (the stamp), shared by all sessions;
    distinct values found by pandas, not by iterating 300,000 rows in Python."""
    figures, documents = _figures, _documents
    domains = set(documents["domain"].dropna().unique())
    classes = set(documents["reply_class"].dropna().unique())
    present_themes = set(figures["theme"].dropna().unique())
    pairs = figures[["section_id", "section"]].fillna("").drop_duplicates()
    sections = sorted(zip(pairs["section_id"], pairs["section"], strict=True))
    present = set(figures["kind"].dropna().unique())
    qualifiers = set(figures["qualifier"].dropna().unique())
    return {
        "themes": [t for t, _ in _all_themes if t in present_themes],
        "headings": list(dict.fromkeys(s for _, s in sorted(sections, key=lambda p: section_order(p[0])))),
        "periods": [*sorted(figures["period"].dropna().unique().tolist()), NO_PERIOD],
        "kinds": [k for k in KIND_ZH if k in present],
        "qualifiers": [q for q in QUALIFIER_ZH if q in qualifiers],
        "docs": sorted(figures["doc"].dropna().unique().tolist()),
        "domains": [d for d in domain_names() if d in domains] + sorted(domains - set(domain_names())),
        "bodies": sorted(documents["replying_body"].dropna().unique().tolist()),
        "classes": [*sorted(classes), NO_CLASS] if classes else [],
        "years": [str(y) for y in sorted(documents["year"].dropna().unique().tolist(), reverse=True)],
    }


def sidebar_filters(figures, all_themes: list[tuple[str, str]], stamp: str, documents) -> None:
    """The shared filters; values are read back on each page through filters.from_state(st.session_state)."""
    sb = st.sidebar
    sb.header("筛选")
    options = filter_options(stamp, figures, all_themes, documents)
    themes, headings, periods = options["themes"], options["headings"], options["periods"]
    kinds, quals, docs = options["kinds"], options["qualifiers"], options["docs"]
    common = {"bind": "query-params", "placeholder": "全部", "select_all": False}  # no English "Select all"
    sb.multiselect("领域", options["domains"], key=KEYS["domains"], **common)
    sb.multiselect("答复单位", options["bodies"], key=KEYS["bodies"], **common)
    if options["classes"]:  # only where some reply states its class
        sb.multiselect("办理结果", options["classes"], key=KEYS["classes"], **common)
    sb.multiselect("年份", options["years"], key=KEYS["years"], **common)
    sb.multiselect("主题", themes, key=KEYS["themes"], **common)
    sb.multiselect("章节", headings, key=KEYS["sections"], **common)
    sb.multiselect("类别", kinds, format_func=KIND_ZH.get, key=KEYS["kinds"], **common)
    sb.multiselect("限定", quals, format_func=QUALIFIER_ZH.get, key=KEYS["qualifiers"], **common)
    sb.multiselect("时期", periods, format_func=lambda p: period_zh(p) or p, key=KEYS["periods"], **common)
    sb.radio("计划/完成", list(STATUS_ZH), format_func=STATUS_ZH.get, key=KEYS["status"], bind="query-params")
    sb.multiselect("答复文件", docs, key=KEYS["docs"], **common)
    sb.text_input("关键词（指标或原句）", key=KEYS["query"], bind="query-params", placeholder="如：园区")
    chosen = from_state(st.session_state)
    if not chosen.is_empty():
        shown = int(app_data.selection(chosen).sum())
        sb.caption(f"已筛选：{shown} / {len(figures)} 条数据")
        sb.button("清除全部筛选", on_click=_clear, icon=":material/filter_alt_off:")


def _clear() -> None:
    defaults = Filters()
    for name, key in KEYS.items():
        st.session_state[key] = getattr(defaults, name) if name in ("status", "query") else []


def main() -> None:
    """One run of the app: the library as of now, the shared filters, then the page asked for."""
    st.set_page_config(page_title="答复数据看板", page_icon=str(ICON), layout="wide")
    lib = app_data.library(fresh=True)  # the pages reuse this look at the folder
    navigation = st.navigation(pages(lib), expanded=True)  # every page listed: no English "View 3 more"
    # the pages' scripts first: a new session's first chart sooner (board.widgets)
    widgets.preload(charts=navigation.url_path not in ("explorer", "reader", "library"))
    for error in lib.errors:
        st.error(error)
    if lib.tables.documents.empty:
        st.info(
            f"资料库中还没有可读取的答复文件（{app_data.library_dir()}）。请把答复文件放入该文件夹后刷新。"
        )
    all_themes = theme_navigation.themes(lib.tables.figures)
    sidebar_filters(lib.tables.figures, all_themes, lib.stamp, lib.tables.documents)
    with st.sidebar:
        page_language.in_chinese()  # lang="zh-CN", Chinese names on Streamlit's controls
    navigation.run()


# Streamlit runs this script as __main__. A worker process of a pool started from a script run (forkserver or
# spawn, as loaders.pool and dask use) imports it again as __mp_main__: there it must only define, not run.
if __name__ == "__main__":
    main()
