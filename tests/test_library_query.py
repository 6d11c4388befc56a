"""DuckDB over the library's Parquet cache gives the same rows as the in-memory tables, filtered the same way."""

from __future__ import annotations

import pandas as pd
import pytest

import library
from board.filters import NO_PERIOD, Filters, apply_filters
from library.query import FigureFilter, FigureStore, figures_query
from tests.reply_files import CORPUS, SEED, make_docx, seed_text


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A library of the seed, the six dev replies and a .docx: 8 replies, two cache segments."""
    lib = tmp_path_factory.mktemp("query-lib")
    (lib / "seed_reply.txt").write_bytes(SEED.read_bytes())
    for path in sorted(CORPUS.glob("dev/*.txt")):
        (lib / path.name).write_bytes(path.read_bytes())
    library.open_library(lib)
    library.add_bytes(make_docx(seed_text().splitlines()[8:20]), "节选.docx", folder=lib)
    return lib


@pytest.fixture(scope="module")
def store(folder):
    opened = FigureStore.open(folder)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def tables(folder):
    return library.open_library(folder).tables


def as_query(f: Filters) -> FigureFilter:
    periods = tuple(None if p == NO_PERIOD else p for p in f.periods)
    return FigureFilter(f.themes, f.sections, f.kinds, f.qualifiers, periods, f.status, f.docs, f.query)


def test_the_store_holds_exactly_the_librarys_tables(store, tables):
    assert len(tables.documents) == 8
    pd.testing.assert_frame_equal(store.figures(), tables.figures)
    pd.testing.assert_frame_equal(store.documents(), tables.documents)
    assert store.count() == len(tables.figures)


FILTERS = [
    Filters(themes=("园区与平台",)),
    Filters(themes=("园区与平台", "减负与资金"), kinds=("area", "money")),
    Filters(qualifiers=("at_least", "approx")),
    Filters(periods=(NO_PERIOD,)),
    Filters(periods=("2019", NO_PERIOD)),
    Filters(status="planned"),
    Filters(status="achieved", query="企业"),
    Filters(query="5g"),  # ASCII letters match either case, as in the explorer
    Filters(docs=("seed_reply.txt",), sections=("加强政策扶持",)),
    Filters(query="'; DROP TABLE figures; --"),  # a value, never SQL
]


@pytest.mark.parametrize("chosen", FILTERS, ids=str)
def test_filters_give_the_rows_the_explorer_gives(store, tables, chosen):
    expected = apply_filters(tables.figures, chosen).reset_index(drop=True)
    got = store.figures(as_query(chosen))
    pd.testing.assert_frame_equal(got, expected)
    assert store.count(as_query(chosen)) == len(expected)


def test_a_filter_can_match_nothing_and_still_has_the_columns(store, tables):
    got = store.figures(FigureFilter(themes=("没有这个主题",)))
    assert got.empty and list(got.columns) == list(tables.figures.columns)


def test_pages_tile_the_result(store, tables):
    where = FigureFilter(status="achieved")
    full = store.figures(where)
    pages = [store.figures(where, limit=25, offset=o) for o in range(0, len(full), 25)]
    assert all(len(p) <= 25 for p in pages) and len(pages) > 2
    pd.testing.assert_frame_equal(pd.concat(pages, ignore_index=True), full)
    narrow = store.figures(where, columns=["doc", "start", "text"], limit=5)
    assert list(narrow.columns) == ["doc", "start", "text"] and len(narrow) == 5


def test_counts_and_totals_aggregate_in_the_engine(store, tables):
    counts = store.counts_by(["theme"])
    expected = tables.figures["theme"].value_counts()
    assert dict(zip(counts["theme"], counts["n_figures"], strict=True)) == expected.to_dict()
    assert counts["n_figures"].is_monotonic_decreasing
    money = tables.figures[tables.figures["kind"] == "money"]
    totals = store.totals_by(["kind"], FigureFilter(kinds=("money",)))
    assert set(totals["base_unit"]) == set(money["base_unit"].dropna())  # CNY and USD never summed together
    for row in totals.itertuples():
        part = money[money["base_unit"] == row.base_unit]["base_value"].dropna()
        assert row.total == pytest.approx(part.sum()) and row.n_figures == len(part)
    assert store.distinct("kind")[0] == tables.figures["kind"].value_counts().index[0]


def test_only_known_columns_can_be_asked_for(store):
    with pytest.raises(ValueError, match="cannot group by"):
        store.counts_by(["sentence; DROP TABLE figures"])
    with pytest.raises(ValueError, match="not figure columns"):
        store.figures(columns=["doc", "1; SELECT 2"])


def test_removed_and_re_added_replies_are_counted_once(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "seed_reply.txt").write_bytes(SEED.read_bytes())
    library.open_library(lib)
    [entry] = library.open_library(lib).entries
    n = len(library.open_library(lib).tables.figures)
    extra = library.add_bytes((seed_text() + "\n附件").encode(), "second.txt", folder=lib)
    store = FigureStore.open(lib)
    assert store.count() == n + extra.n_figures
    library.remove(entry.sha256, folder=lib)
    store.refresh()
    assert store.count() == extra.n_figures and set(store.documents()["doc"]) == {"second.txt"}
    library.add_bytes(SEED.read_bytes(), "again.txt", folder=lib)  # its rows now sit in two segments
    store.refresh()
    assert store.count() == n + extra.n_figures
    assert store.counts_by(["doc"]).set_index("doc")["n_figures"].to_dict() == {
        "again.txt": n,
        "second.txt": extra.n_figures,
    }
    pd.testing.assert_frame_equal(store.figures(), library.open_library(lib).tables.figures)


def test_a_library_with_nothing_cached_is_empty_not_an_error(tmp_path):
    got = figures_query(folder=tmp_path)
    assert got.empty and "base_value" in got.columns
