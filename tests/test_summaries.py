"""The overview's numbers come from the rows asked for, whatever columns they were narrowed to."""

from __future__ import annotations

import pandas as pd
from app_frames import sample_figures

from board import summaries


def test_overview_counts_cards_and_charts_of_narrow_rows():
    figures = sample_figures()
    documents = pd.DataFrame({"doc": ["seed_reply.txt"], "signed_date": [pd.NaT], "published_date": [pd.NaT]})
    rows = figures[summaries.COLUMNS]
    shown = summaries.overview(rows, figures, documents, ["减负与资金", "园区与平台"])
    assert shown.n_figures == len(figures) and sum(shown.per_theme.values()) == figures["theme"].notna().sum()
    assert shown.docs == ["seed_reply.txt"]
    assert set(shown.cards.columns) == set(figures.columns)  # full rows for the cards, sentences included
    assert set(shown.cards.index) <= set(figures.index)
    assert shown.cards.groupby("theme").size().max() <= 4
    assert shown.by_theme.figure.data and shown.by_section.figure.data


def test_an_empty_selection_gives_an_empty_overview():
    figures = sample_figures()
    documents = pd.DataFrame({"doc": [], "signed_date": [], "published_date": []})
    shown = summaries.overview(figures[summaries.COLUMNS].iloc[:0], figures, documents, [])
    assert shown.n_figures == 0 and shown.cards.empty and shown.per_theme == {}
