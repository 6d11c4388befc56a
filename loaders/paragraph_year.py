"""The year a paragraph has stated, for 全年/当年 in a later sentence of it (2016年末有692户。全年出栏108头: 2016)."""

from __future__ import annotations

from loaders.periods import _RELATIVE_YEAR, SAME_YEAR, TIME_EXPRESSION


def paragraph_year(paragraph: str, doc_year: int | None) -> int | None:
    """The year the paragraph's last time expression states (2016年末有692户。全年出栏108头: 2016), for
    全年/当年 in a later sentence; None when that expression is no single year (a span, 以来, a deadline)."""
    year = None
    for match in TIME_EXPRESSION.finditer(paragraph):
        g = match.groupdict()
        if match.start() == match.end() or g["lead"] in ("比", "较", "同比", "环比"):
            continue
        if not (
            g["now"] or g["plan"] or g["y1"] or g["year"] or g["rel"] or g["part"] or g["m1"] or g["month"]
        ):
            continue
        single = g["lead"] in (None, "截至", "截止") and g["tail"] in (None, "底", "末")
        if g["year"] and single:
            year = int(g["year"])
        elif g["rel"] in _RELATIVE_YEAR and g["rel"] not in SAME_YEAR and doc_year and single:
            year = doc_year + _RELATIVE_YEAR[g["rel"]]
        elif not (g["rel"] in SAME_YEAR or g["part"] or g["m1"] or g["month"]):
            year = None  # a span, 以来, 到2025年, 目前: no single year for 全年 to refer to
    return year
