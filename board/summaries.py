"""What the overview shows, computed once per (library state, filters, reply) and cached by board.data: the
headline cards, the figures per theme and the two distribution charts. Pure: DataFrames in, a record out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from board import charts
from board.filters import isin
from board.formatting import headlines, newest_first

# the columns the overview reads from every figure; the cards' full rows are taken for a few dozen alone
COLUMNS = [
    "doc",
    "domain",
    "theme",
    "kind",
    "section_id",
    "section",
    "is_planned",
    "is_growth",
    "base_value",
    "start",
]


@dataclass(frozen=True)
class Overview:
    n_figures: int
    docs: list[str]  # the replies the figures come from
    cards: pd.DataFrame  # full figure rows for the headline cards, theme by theme
    per_theme: dict[str, int]  # figures per theme
    per_domain_theme: dict[tuple[str, str], int]  # figures per (domain, theme)
    domains: list[str]  # the domains of the figures, most figures first
    by_theme: charts.Chart
    by_section: charts.Chart


def overview(
    rows: pd.DataFrame, figures: pd.DataFrame, documents: pd.DataFrame, themes: Sequence[str]
) -> Overview:
    """`rows`: the filtered figures (COLUMNS at least); `figures`: the whole table, for the cards' rows.

    With several replies, each theme's cards are the lead figures of the newest replies (formatting.headlines).
    """
    docs = rows["doc"].unique().tolist()
    newest = newest_first(documents[isin(documents["doc"], docs)]) if len(docs) > 1 else None
    domains = rows["domain"].value_counts().index.tolist() if "domain" in rows else []
    keyed = rows
    if len(domains) > 1:  # a general theme (资金投入) serves several domains: cards per domain and theme
        keyed = rows.assign(theme=rows["domain"].astype("string") + "\x1f" + rows["theme"].astype("string"))
    cards = figures.loc[headlines(keyed, doc_order=newest).index]
    by_pair = rows.groupby(["domain", "theme"], observed=True).size() if domains else pd.Series(dtype=int)
    return Overview(
        n_figures=len(rows),
        docs=docs,
        cards=cards,
        per_theme=rows["theme"].value_counts().to_dict(),
        per_domain_theme={k: int(v) for k, v in by_pair.items()},
        domains=domains,
        by_theme=charts.by_theme(rows, themes),
        by_section=charts.by_section(rows, themes),
    )
