"""Free-text search over a figures table: which rows hold the query in their label or sentence, and which hold
it in their own figure or label (those come first). Pure functions, no Streamlit; board/filters.py applies it
with the other filters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from board.formatting import reported_figure


@dataclass(frozen=True)
class SearchIndex:
    """The searched columns of a figures table with each distinct text stored once: a sentence repeats for
    every figure in it, so searching the distinct sentences (then mapping back) does a third of the work.

    Searched: the label and the sentence. Not "text": a figure's surface is always inside its sentence
    (tests/test_loaders_robust.py), so searching it again finds nothing new.
    """

    codes: tuple[np.ndarray, ...]  # per column, each row's position in its distinct values (-1: missing)
    distinct: tuple[pd.Series, ...]  # per column, its distinct values
    figure_codes: np.ndarray | None = None  # each row's position in figures (-1: none)
    figures: pd.Series | None = None  # the distinct figures as reported, qualifier word included (超1000家)

    COLUMNS = ("label", "sentence")

    @classmethod
    def build(cls, figures: pd.DataFrame) -> SearchIndex:
        factorized = [figures[column].factorize() for column in cls.COLUMNS]
        shown_codes, shown = None, None
        if "text" in figures:
            words = (
                figures["qualifier_word"] if "qualifier_word" in figures else pd.Series(pd.NA, figures.index)
            )
            pairs = pd.MultiIndex.from_arrays([figures["text"].fillna(""), words.fillna("")])
            shown_codes, distinct_pairs = pairs.factorize()
            shown = pd.Series([reported_figure(t, w) for t, w in distinct_pairs], dtype="string")
        return cls(
            codes=tuple(codes for codes, _ in factorized),
            distinct=tuple(pd.Series(values, dtype="string") for _, values in factorized),
            figure_codes=shown_codes,
            figures=shown,
        )

    @staticmethod
    def _hits(codes: np.ndarray, values: pd.Series, query: str) -> np.ndarray:
        fold = any(ch.isascii() and ch.isalpha() for ch in query)  # Chinese has no case
        hits = values.str.contains(query, case=not fold, regex=False).fillna(False).to_numpy(dtype=bool)
        return np.append(hits, False)[codes]  # -1 (missing) picks the appended False

    def contains(self, query: str) -> np.ndarray:
        """Rows whose label or sentence contains the query (ignoring case if it has Latin letters: 5G vs 5g)."""
        found = np.zeros(len(self.codes[0]), dtype=bool)
        for codes, values in zip(self.codes, self.distinct, strict=True):
            found |= self._hits(codes, values, query)
        return found

    def direct(self, query: str) -> np.ndarray:
        """Rows whose own figure (超1000家) or label contains the query, not only their sentence: these come
        first in a search's results."""
        found = self._hits(self.codes[0], self.distinct[0], query)
        if self.figure_codes is not None:
            found |= self._hits(self.figure_codes, self.figures, query)
        return found


def ranked(positions: np.ndarray, index: SearchIndex, query: str) -> np.ndarray:
    """Matching rows' positions with those whose own figure or label holds the query first (each group keeps
    the reply's order): searching 超1000 puts 超1000家 above the other figures of its sentence."""
    if not query or not len(positions):
        return positions
    own = index.direct(query)[positions]
    return np.concatenate([positions[own], positions[~own]])
