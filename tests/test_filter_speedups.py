"""The fast paths of the filters give exactly what the plain pandas expressions give.

SearchIndex searches each distinct label and sentence once; `isin` goes through Arrow's hash set. Both are
checked against `str.contains` / `Series.isin` on generated columns with repeats, missing values and Latin
letters in both cases.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from app_frames import sample_figures
from hypothesis import given
from hypothesis import strategies as st

from board.filters import Filters, filter_mask, isin
from board.search import SearchIndex

WORDS = ["园区", "企业", "5G", "5g", "基站", "亩", "Wi-Fi", "wi-fi", "（一）", "["]
texts = st.one_of(st.none(), st.lists(st.sampled_from(WORDS), max_size=4).map("".join))


def _table(labels: list, sentences: list) -> pd.DataFrame:
    n = min(len(labels), len(sentences))
    return pd.DataFrame(
        {"label": labels[:n], "sentence": sentences[:n]}, dtype="string"
    )  # the loaders' string dtype


def _plain_search(frame: pd.DataFrame, query: str) -> np.ndarray:
    fold = any(ch.isascii() and ch.isalpha() for ch in query)
    found = np.zeros(len(frame), dtype=bool)
    for column in ("label", "sentence"):
        found |= frame[column].str.contains(query, case=not fold, regex=False).fillna(False).to_numpy(bool)
    return found


@given(st.lists(texts, max_size=30), st.lists(texts, max_size=30), st.sampled_from(WORDS))
def test_search_index_finds_what_str_contains_finds(labels, sentences, query):
    frame = _table(labels, sentences)
    index = SearchIndex.build(frame)
    assert index.contains(query).tolist() == _plain_search(frame, query).tolist()


@given(st.lists(texts, max_size=30), st.lists(st.sampled_from(WORDS), max_size=5))
def test_isin_is_series_isin_with_missing_as_false(values, wanted):
    column = pd.Series(values, dtype="string")
    expected = column.isin(wanted).fillna(False).to_numpy(dtype=bool)
    assert isin(column, wanted).tolist() == expected.tolist()


def test_a_search_with_and_without_a_prebuilt_index_agree():
    figures = sample_figures()
    index = SearchIndex.build(figures)
    for query in ["园区", "亩", "减负", "不存在的词"]:
        f = Filters(query=query)
        assert filter_mask(figures, f, index).tolist() == filter_mask(figures, f).tolist()
    assert filter_mask(figures, Filters(query="园区"), index).any()


def test_filters_round_trip_through_their_tuple():
    f = Filters(themes=("园区与平台",), kinds=("area",), status="planned", query="园区")
    assert Filters(*f.as_tuple()) == f
    assert Filters(*Filters().as_tuple()).is_empty()
