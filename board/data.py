"""The only place pages get tables from: every reply file in the library folder, through the loaders, cached.

The folder is ``data/`` unless the environment variable REPLY_LIBRARY names another. The cache key
holds each file's name, size and modification time, so a reply dropped into the folder shows on the
next rerun. A file the loaders cannot read is skipped and named in ``errors``; the others still load.
Loading goes through the library store (package ``library``): manifest, Parquet cache, crash-safe adds.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch, translate
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import library as reply_store
from board import charts, summaries
from board.charts import Chart, compare
from board.filters import Filters, filter_mask
from board.reply_names import reply_short_names
from board.search import SearchIndex, ranked
from library.scans import read_decoded
from loaders import LoadError, ReplyTables

ROOT = Path(__file__).resolve().parent.parent
REPLY_SUFFIXES = reply_store.REPLY_SUFFIXES


@dataclass
class Library:
    tables: ReplyTables
    paths: dict[str, str]  # doc → file path
    errors: list[str] = field(default_factory=list)  # one line per unreadable file
    duplicates: list[str] = field(default_factory=list)  # one line per file repeating a reply's content
    catalog: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per reply (library.Library.catalog)
    stamp: str = ""  # the state of the folder these tables were read from (a key for caches built on them)


def library_dir() -> Path:
    return Path(os.environ.get("REPLY_LIBRARY") or ROOT / "data")


def _ignored(folder: Path) -> list[str]:
    """Names or globs of files that are not replies (the folder's .libraryignore, one a line)."""
    listing = folder / ".libraryignore"
    lines = listing.read_text("utf-8").splitlines() if listing.is_file() else []
    return [*(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))]


def reply_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    ignored = _ignored(folder)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in REPLY_SUFFIXES
        and not any(fnmatch(p.name, pattern) for pattern in ignored)
        and not p.name.startswith(".")
    )


def _stamp(folder: Path) -> str:
    """A digest of every reply file's name, size and modification time: one stat per file, and a short
    cache key (Streamlit hashes its arguments on every call; a 10,000-entry tuple costs a tenth of a second)."""
    if not folder.is_dir():
        return ""
    patterns = [translate(p) for p in _ignored(folder)]
    ignored = re.compile("|".join(patterns)) if patterns else None  # an empty pattern would match every name
    suffixes = tuple(REPLY_SUFFIXES)
    digest = hashlib.sha1()
    with os.scandir(folder) as scan:
        entries = sorted(
            (e for e in scan if e.name.lower().endswith(suffixes) and not e.name.startswith(".")),
            key=lambda e: e.name,
        )
    for item in entries:
        try:
            if (ignored and ignored.match(item.name)) or not item.is_file():
                continue
            stat = item.stat()
        except OSError:  # a symbolic link that loops: the library skips it and says so
            continue
        digest.update(f"{item.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# cache_resource, not cache_data: one shared copy for every session instead of unpickling the whole library
# (300,000 rows) on each call; pages only read it (pandas copy-on-write keeps derived frames apart)
@st.cache_resource(show_spinner="正在读取答复文件…", max_entries=2)
def _load(folder: str, stamp: str) -> Library:
    """Through the library store (issue 4): dropped files registered, tables from its Parquet cache."""
    opened = reply_store.open_library(folder)
    paths = {e.stored_name: str(opened.folder / e.stored_name) for e in opened.entries}
    errors = [
        f"{name}：无法读取（{reason}）" for name, _, reason in (p.partition(": ") for p in opened.problems)
    ]
    duplicates = [f"{name}：与资料库中的 {of} 内容相同，未重复添加" for name, of in opened.duplicates]
    return Library(opened.tables, paths, errors, duplicates, opened.catalog(), stamp)


def catalog() -> pd.DataFrame:
    """One row per reply in the library: names, format, when and how it was added, metadata, figure count."""
    return library().catalog


NO_FILTERS = Filters().as_tuple()
_RUN_KEY = "_library_this_run"  # the library one script run shows, in the session's state


def library(*, fresh: bool = False) -> Library:
    """The library as of this script run. dashboard.py asks for a fresh look at the folder (one stat per
    file: 50 ms for 10,000 replies) at the top of every run; the page it then runs reuses that look.

    Only a script run may ask: the look is kept with the session whose run took it (not with the thread,
    which Streamlit reuses for other work), and a download's data is taken while the page runs
    (rows_for_download), so no worker thread ever sees an older library than the screen."""
    if get_script_run_ctx(suppress_warning=True) is None:
        raise RuntimeError("app_data.library() is only called while a page script runs")
    folder = str(library_dir())
    seen = st.session_state.get(_RUN_KEY)
    if fresh or seen is None or seen[0] != folder:
        seen = (folder, _load(folder, _stamp(Path(folder))))
        st.session_state[_RUN_KEY] = seen
    return seen[1]


@st.cache_resource(max_entries=2)
def _search_index(stamp: str, _figures: pd.DataFrame) -> SearchIndex:
    return SearchIndex.build(_figures)


# one mask per (library state, filters), shared by the sidebar's count, the page and every session asking the
# same question; 64 masks of 300,000 rows are 19 MB
@st.cache_resource(max_entries=64)
def _mask(stamp: str, chosen: tuple, _figures: pd.DataFrame) -> np.ndarray:
    f = Filters(*chosen)
    documents = library().tables.documents
    mask = filter_mask(_figures, f, _search_index(stamp, _figures) if f.query else None, documents)
    mask.setflags(write=False)
    return mask


def _passing(stamp: str, chosen: tuple, frame: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """`frame` (one row per figure, in the figures table's order) narrowed to the figures passing the filters."""
    return frame if chosen == NO_FILTERS else frame[_mask(stamp, chosen, figures)]


def matching_positions(chosen: Filters) -> np.ndarray:
    """Positions of the figures passing the filters; with a keyword, figures whose own figure or label holds
    it come before those that only share its sentence."""
    positions = np.flatnonzero(selection(chosen))
    if not chosen.query:
        return positions
    lib = library()
    return ranked(positions, _search_index(lib.stamp, lib.tables.figures), chosen.query)


def selection(chosen: Filters) -> np.ndarray:
    """Which figures of the library pass the filters, as a read-only boolean mask (cached)."""
    lib = library()
    if chosen.is_empty():
        return np.ones(len(lib.tables.figures), dtype=bool)
    return _mask(lib.stamp, chosen.as_tuple(), lib.tables.figures)


# the comparison page's derived tables: matching 300,000 figures to indicators takes a second or two, so it is
# done once per (library state, filters, mapping table) and shared; the mapping is keyed by its CSV text
@st.cache_resource(max_entries=8)
def _comparison(stamp: str, chosen: tuple, mapping_csv: str, _lib: Library, _mapping: pd.DataFrame):
    every = _all_comparison_rows(stamp, mapping_csv, _lib, _mapping)  # matched once for all filters
    rows = _passing(stamp, chosen, every, _lib.tables.figures)
    return rows, compare.indicator_summary(rows)


@st.cache_resource(max_entries=2)
def _all_comparison_rows(stamp: str, mapping_csv: str, _lib: Library, _mapping: pd.DataFrame) -> pd.DataFrame:
    return compare.comparison_rows(_lib.tables.figures, _lib.tables.documents, _mapping)


def comparison(chosen: Filters, mapping: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """board.charts.compare's (rows, summary) for the figures passing the filters, under this mapping table."""
    lib = library()
    return _comparison(lib.stamp, chosen.as_tuple(), mapping.to_csv(index=False), lib, mapping)


@st.cache_resource(max_entries=16)
def _indicator(
    stamp: str, chosen: tuple, mapping_csv: str, indicator: str, base_unit: str, _rows: pd.DataFrame
):
    points = compare.indicator_points(_rows, indicator, base_unit)
    return points, compare.indicator_chart(points, indicator)


def indicator(
    chosen: Filters, mapping: pd.DataFrame, name: str, base_unit: str
) -> tuple[pd.DataFrame, Chart]:
    """One indicator's points and chart (thousands of points in a large library: built once, cached)."""
    rows, _ = comparison(chosen, mapping)
    key = (library().stamp, chosen.as_tuple(), mapping.to_csv(index=False))
    return _indicator(*key, name, base_unit, rows)


@st.cache_resource(max_entries=32)  # a theme page's charts hold at most a few dozen bars each: small
def _theme_charts(stamp: str, chosen: tuple, _lib: Library) -> list[Chart]:
    figures = _lib.tables.figures
    names = _short_names(stamp, _lib.tables.documents)
    return charts.theme_charts(_passing(stamp, chosen, figures, figures), names)


def theme_charts(chosen: Filters) -> list[Chart]:
    """charts.theme_charts for the figures passing the filters (a theme page's), built once and shared."""
    lib = library()
    return _theme_charts(lib.stamp, chosen.as_tuple(), lib)


def rows_for_download(chosen: Filters, columns: list[str] | None = None) -> Callable[[], pd.DataFrame]:
    """The figures passing the filters as this script run sees them, taken later: the library and the mask
    are fixed now (in the run, with Streamlit's context), the rows are cut only when called — by a download
    button's worker thread, which then needs no Streamlit and cannot see another library than the screen."""
    figures = library().tables.figures
    figures = figures[columns] if columns else figures
    if chosen.is_empty():
        return lambda: figures
    if chosen.query:  # in the order on screen: a keyword's own figures first
        positions = matching_positions(chosen)
        return lambda: figures.iloc[positions]
    mask = selection(chosen)
    return lambda: figures[mask]


@st.cache_resource(max_entries=32)  # an overview holds a few dozen rows and two charts of counts
def _overview(stamp: str, chosen: tuple, doc: str | None, themes: tuple, _lib: Library) -> summaries.Overview:
    figures = _lib.tables.figures
    rows = _passing(stamp, chosen, figures[summaries.COLUMNS], figures)
    if doc is not None:
        rows = rows[rows["doc"] == doc]
    return summaries.overview(rows, figures, _lib.tables.documents, themes)


def overview(chosen: Filters, doc: str | None, themes: list[str]) -> summaries.Overview:
    """The overview of the figures passing the filters (of one reply, or of all when doc is None)."""
    lib = library()
    return _overview(lib.stamp, chosen.as_tuple(), doc, tuple(themes), lib)


@st.cache_resource(max_entries=2)
def _reply_names(stamp: str, _documents: pd.DataFrame) -> dict[str, str]:
    titles = _documents["title"].fillna("").tolist()
    return {doc: f"{title}（{doc}）" for doc, title in zip(_documents["doc"].tolist(), titles, strict=True)}


def reply_names() -> dict[str, str]:
    """doc → '标题（doc）' for pickers, built once per library state."""
    lib = library()
    return _reply_names(lib.stamp, lib.tables.documents)


@st.cache_resource(max_entries=2)
def _short_names(stamp: str, _documents: pd.DataFrame) -> dict[str, str]:
    return reply_short_names(_documents)


def short_names() -> dict[str, str]:
    """doc → the reply's short name (答复单位·提案170号) for bars, tooltips, cards and tables."""
    lib = library()
    return _short_names(lib.stamp, lib.tables.documents)


@st.cache_data(max_entries=64)
def _text(path: str, stamp: str) -> str | None:
    try:
        return read_decoded(path).text
    except LoadError:
        return None


def text(doc: str) -> str | None:
    """The decoded text one reply's offsets refer to (the reader reads one reply, not the whole library)."""
    lib = library()
    return _text(lib.paths[doc], _stamp(library_dir())) if doc in lib.paths else None
