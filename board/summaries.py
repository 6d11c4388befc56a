"""What the overview shows, computed once per (library state, filters, reply) and cached by board.data: the
headline cards, the figures per theme and the two distribution charts. Pure: DataFrames in, a record out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from board import charts
from board.filters import isin

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

    With several replies, each theme's cards are the lead figures of the newest replies (headlines).
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


def newest_first(documents: pd.DataFrame) -> list[str]:
    """The replies' doc names, the most recent first (signed, else published; undated last, by name)."""
    dates = documents["signed_date"].fillna(documents["published_date"])
    ordered = documents.assign(_date=dates).sort_values(
        ["_date", "doc"], ascending=[False, True], na_position="last"
    )
    return ordered["doc"].tolist()


def headlines(figures: pd.DataFrame, per_theme: int = 4, doc_order: list[str] | None = None) -> pd.DataFrame:
    """The figures for a theme's KPI cards: achieved before planned, levels before growth rates, then the
    reply's own order — replies put their headline figure first (累计为全市企业减负39.9亿元).

    With several replies, pass `doc_order` (the most recent reply first): each theme then shows the lead
    figure of as many different replies as it has cards, newest first, instead of one reply's first four.
    """
    if figures.empty:
        return figures
    planned = figures["is_planned"].fillna(False).to_numpy(dtype=bool)
    growth = figures["is_growth"].fillna(False).to_numpy(dtype=bool)
    vague = figures["base_value"].isna().to_numpy()
    # rank a narrow frame of integer codes, then take only the chosen rows (sorting all 26 columns of
    # 300,000 rows to keep a few dozen is most of an overview rerun)
    doc_codes, docs = pd.factorize(figures["doc"])
    keys = pd.DataFrame(
        {
            "theme": pd.factorize(figures["theme"])[0],
            "rank": planned * 4 + growth * 2 + vague,
            "doc": doc_codes,
            "start": figures["start"].to_numpy(),
        }
    )
    if doc_order is None:
        ranked = keys.sort_values(["rank", "doc", "start"], kind="stable")
        return figures.iloc[ranked.groupby("theme", sort=False).head(per_theme).index]
    recent = pd.Index(doc_order).get_indexer(pd.Index(docs))  # per distinct doc; -1: not in doc_order
    keys["recent"] = np.where(recent < 0, len(doc_order), recent)[doc_codes]
    # in (rank, recency, offset) order, a reply's first figure in a theme is its lead figure there
    ranked = keys.sort_values(["rank", "recent", "start"], kind="stable").drop_duplicates(["theme", "doc"])
    return figures.iloc[ranked.groupby("theme", sort=False).head(per_theme).index]
