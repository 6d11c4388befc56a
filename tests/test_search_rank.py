"""Keyword search puts the figures whose own figure or label holds the keyword above those that only share
its sentence."""

from __future__ import annotations

import numpy as np
from app_frames import sample_figures

from board.search import SearchIndex, ranked


def test_a_figure_holding_the_keyword_comes_before_its_sentence_neighbours():
    figures = sample_figures()
    index = SearchIndex.build(figures)
    positions = np.flatnonzero(index.contains("超1000"))
    assert len(positions) > 1  # the whole sentence's figures match
    first = figures.iloc[ranked(positions, index, "超1000")]
    assert first["text"].iloc[0] == "1000家" and first["qualifier_word"].iloc[0] == "超"
    by_label = figures.iloc[ranked(np.flatnonzero(index.contains("占地面积")), index, "占地面积")]
    assert by_label["label"].iloc[0].endswith("占地面积")
    assert sorted(ranked(positions, index, "超1000")) == sorted(positions)  # same rows, new order
