"""Display blocks the pages share: a figures table, download buttons, a chart with its source and table,
the provenance panel. Thin wrappers over st.*; all computing happens in charts, exports and markup.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from board import charts, exports, markup
from board import data as app_data
from board.codes_zh import coded_zh
from board.filters import Filters, describe, isin, parse_figure_key, slug, to_query
from board.formatting import FIGURE_ZH, format_figures
from board.markup import plain
from loaders.columns import labels_zh

REPLY_ZH = "答复"  # the reply's short name (答复单位·提案170号), the first column of every figures table
TABLE_COLUMNS = [
    REPLY_ZH,
    FIGURE_ZH,
    "label",
    "theme",
    "section_id",
    "section",
    "period",
    "kind",
    "qualifier",
]
TABLE_COLUMNS += ["is_planned", "text", "doc", "sentence"]


def table_view(rows: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """What a figures table shows: the reply's short name and the figure as written first, codes in Chinese.
    `names`: doc → short name (the library's, when not given)."""
    names = app_data.short_names() if names is None else names
    replies = [names.get(d, d) for d in rows["doc"].astype(str)]
    view = rows.assign(**{REPLY_ZH: replies, FIGURE_ZH: format_figures(rows)})
    view = coded_zh(view[TABLE_COLUMNS]).reset_index(drop=True)
    text_columns = [c for c in TABLE_COLUMNS if c != "is_planned"]
    return view.astype({c: "string" for c in text_columns}).fillna({c: "—" for c in text_columns})


def column_config() -> dict:
    zh = labels_zh("figures")
    config: dict = {name: st.column_config.TextColumn(zh[name]) for name in TABLE_COLUMNS if name in zh}
    config[REPLY_ZH] = st.column_config.TextColumn(
        REPLY_ZH, help="答复单位与建议/提案编号，或答复标题", width=170
    )
    config["period"] = st.column_config.TextColumn(zh["period"], width=110)
    config[FIGURE_ZH] = st.column_config.TextColumn(
        FIGURE_ZH, help="数值、单位与限定词（超、余、约…）", width=120
    )
    config["label"] = st.column_config.TextColumn(zh["label"], width="medium")
    config["is_planned"] = st.column_config.CheckboxColumn(zh["is_planned"])
    config["sentence"] = st.column_config.TextColumn(zh["sentence"], width="large")
    return config


def figures_table(
    rows: pd.DataFrame, key: str, *, select: bool = True, height: int | str = "auto", default_row=None
):
    """A figures table with Chinese headers; returns the selected row positions."""
    default = {"selection": {"rows": [default_row]}} if default_row is not None else None
    event = st.dataframe(
        table_view(rows),
        column_config=column_config(),
        hide_index=True,
        key=key,
        height=height,
        on_select="rerun" if select else "ignore",
        selection_mode="single-row",
        selection_default=default,
    )
    if not select:
        return []
    return list(event.selection.rows) if event is not None else []


def downloads(
    rows: pd.DataFrame | Callable[[], pd.DataFrame],
    documents: pd.DataFrame,
    what: str,
    scope: str,
    f: Filters,
    key: str,
    table="figures",
    n_rows: int | None = None,
) -> None:
    """CSV and XLSX download buttons; files are built only when clicked. `rows` may be a function giving
    the rows (say how many in `n_rows`), so a page showing one page of 300,000 figures takes them all only
    for a download. Past exports.XLSX_MAX_ROWS rows the Excel button says to take the CSV instead."""
    when = datetime.now()
    link = view_address(f)
    names = app_data.short_names()  # taken in the script run: the download's thread touches no Streamlit
    name = slug(scope)

    def with_figure() -> pd.DataFrame:
        """Figures rows lead with the figure as written (超1000家) beside the numeric columns."""
        taken = rows() if callable(rows) else rows
        if table != "figures" or FIGURE_ZH in taken:
            return taken
        reply = pd.Series(
            [names.get(d, d) for d in taken["doc"].astype(str)], index=taken.index, name=REPLY_ZH
        )
        return pd.concat([reply, format_figures(taken).rename(FIGURE_ZH), taken], axis=1)

    def csv_data() -> bytes:
        return exports.csv_bytes(with_figure(), table)

    def xlsx_data() -> bytes:
        taken = with_figure()
        docs = documents[isin(documents["doc"], taken["doc"].unique())] if "doc" in taken else documents
        return exports.figures_workbook(
            taken, docs, describe(f), datetime.now(), figures_table=table, link=link
        )

    row = st.container(horizontal=True)
    row.download_button(
        "下载 CSV",
        csv_data,
        file_name=exports.file_name(what, name, "csv", when),
        mime="text/csv",
        key=f"{key}-csv",
        on_click="ignore",
        icon=":material/download:",
    )
    count = n_rows if n_rows is not None else (len(rows) if not callable(rows) else 0)
    too_many = count > exports.XLSX_MAX_ROWS
    row.download_button(
        "下载 Excel",
        xlsx_data,
        file_name=exports.file_name(what, name, "xlsx", when),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx",
        on_click="ignore",
        icon=":material/table:",
        disabled=too_many,
        help=(
            f"共{count}条数据，超过{exports.XLSX_MAX_ROWS:,}条时 Excel 文件生成太慢；请下载 CSV（Excel 可直接打开），"
            "或先用左侧筛选缩小范围。"
            if too_many
            else None
        ),
    )


WIDGET_CHUNKS = ("Multiselect", "Radio", "TextInput")  # the sidebar filters' scripts, on every page
CHART_CHUNKS = ("PlotlyChart",)  # 4.7 MB, on the pages that draw charts


@functools.cache
def _chunks(names: tuple[str, ...]) -> tuple[str, ...]:
    """The file names of Streamlit's scripts for these elements (hashed per Streamlit version), where found."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = (sorted(folder.glob(f"{name}.*.js")) for name in names)
    return tuple(files[0].name for files in found if files)


def preload(charts: bool) -> None:
    """Start loading the scripts of the page's elements as the page opens, all at once, from this server.
    Left alone, the browser asks for an element's script only once it draws the element, and draws the
    sidebar's filters one kind after another (each waits for the one before): the Plotly bundle came
    1.5 s after the page's first message. The page's first element: <link rel="modulepreload"> tags, which
    the page moves into its head (React) and the browser fetches at once; Markdown, whose own script is
    loaded with the page (st.html's comes later). Its slot is hidden: no gap above the title."""
    tags = preload_tags(charts)
    if tags:
        st.markdown(tags, unsafe_allow_html=True)


def preload_tags(charts: bool = True) -> str:
    """The fixed markup preload sends (no document data in it), "" when no script is found."""
    names = _chunks((CHART_CHUNKS if charts else ()) + WIDGET_CHUNKS)  # the largest first (six at a time)
    names = [n for n in names if re.fullmatch(r"[A-Za-z]+\.[\w-]+\.js", n)]  # only plain file names in it
    if not names:
        return ""
    links = "".join(f'<link rel="modulepreload" href="./static/js/{n}">' for n in names)
    hide = "<style>[data-testid=stElementContainer]:has(.rf-preload){display:none}</style>"
    return f'{links}<span class="rf-preload"></span>{hide}'


def view_address(f: Filters) -> str:
    """The full address of this view (host, page, filters), for the workbook's 链接 row."""
    return (st.context.url or "").split("?")[0] + "?" + to_query(f)


def copy_link() -> None:
    """A 复制本页链接 button: the address in the browser's bar (filters are bound to it) to the clipboard,
    also on an intranet page over plain http, where the clipboard API is missing."""
    st.html(markup.COPY_LINK_BUTTON, unsafe_allow_javascript=True, width="content")


READER_TARGET = "reader-target"  # session state: (doc, start, jump number) of the figure the reader shows


def provenance(row: pd.Series | dict, documents: pd.DataFrame, key: str = "") -> None:
    """The figure's sentence with the figure highlighted, and where it sits in the reply."""
    row = dict(row)
    doc = str(row["doc"])
    titles = documents.set_index("doc")["title"].to_dict() if not documents.empty else {}
    st.html(markup.highlight_sentence(row))
    title = titles.get(doc)
    where = f"《{title}》" if title and not pd.isna(title) else doc
    section = f"{row.get('section_id')} {row.get('section')}"
    st.caption(plain(f"来源：{where} · 章节：{section} · 位置：第{int(row['start'])}字"))
    start = int(row["start"])
    if st.button(
        "在原文中查看", key=f"to-source-{key}-{doc}-{start}", help="在本页打开原文，并定位到这项数据"
    ):
        jump = (st.session_state.get(READER_TARGET) or (0, 0, 0))[2] + 1  # the reader scrolls once per jump
        st.session_state[READER_TARGET] = (doc, start, jump)  # read by views/reader.py
        # the same tab, no page load; {}: the filters stay in their widgets (a bound parameter cannot be cleared)
        st.switch_page("views/reader.py", query_params={})


def chart_block(chart: charts.Chart, documents: pd.DataFrame, f: Filters, scope: str, key: str) -> list[str]:
    """A chart, its source caption, its table and downloads one click away; returns selected figure keys."""
    event = st.plotly_chart(
        chart.figure,
        key=key,
        on_select="rerun",
        selection_mode="points",
        config=charts.PLOTLY_CONFIG,
    )
    caption = charts.source_caption(chart.data, documents) if "section_id" in chart.data else ""
    sources = caption or "来源：" + "、".join(f"《{t}》" for t in documents["title"].dropna().head(3))
    st.caption(plain(f"{sources}　{chart.note}".strip()))
    # the table is drawn only once opened: a closed expander's contents are still sent and drawn, and a first
    # visit would load the table's scripts (1.5 MB) before its first chart (benchmarks/sessions.py)
    table = st.expander(f"查看数据表：{chart.title}", key=f"{key}-table", on_change="rerun")
    if table.open:
        with table:
            chart_table(chart, documents, f, scope, key)
    return charts.selected_keys(event)


def chart_table(chart: charts.Chart, documents: pd.DataFrame, f: Filters, scope: str, key: str) -> None:
    """A chart's rows as a table, with its downloads."""
    if FIGURE_ZH in chart.data:
        rows = chart.data.drop(columns=[FIGURE_ZH])
        st.dataframe(table_view(rows), column_config=column_config(), hide_index=True)
        downloads(rows, documents, f"图表_{chart.title}", scope, f, key)
    else:
        st.dataframe(chart.data, hide_index=True)
        downloads(chart.data, documents, f"图表_{chart.title}", scope, f, key, table=None)


def show_keys(keys: list[str], figures: pd.DataFrame, documents: pd.DataFrame, key: str = "") -> None:
    """Provenance panels for the figures picked in a chart (looked up one by one: most reruns pick none,
    and an index of every row costs seconds on a large library)."""
    for key in keys[:5]:
        picked = parse_figure_key(key)
        if picked is None:
            continue
        match = figures[(figures["doc"] == picked[0]) & (figures["start"] == picked[1])]
        if not match.empty:
            provenance(match.iloc[0], documents, key=key)
