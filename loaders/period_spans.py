"""Spans written as a run of years or months rather than one expression (loaders.periods): years listed one
after another (2021、2022年 → 2021/2022), months of two years (2020年10月至2021年6月 → 2020-10/2021-06) and a
plan's span in brackets after its title (《…规划》(2017—2030)); and a year that sorts things rather than
dates them (2000年以前建成的小区)."""

from __future__ import annotations

import itertools
import re

# 2021、2022年 / 从2021年和2022年: years listed one after another are the span they cover
YEAR_SERIES_START = re.compile(r"\d{4}\s*年?\s*[、和及与]\s*\d{4}")
YEAR_SERIES = re.compile(
    r"(?:从|自)?(\d{4})\s*年?((?:\s*[、和及与]\s*\d{4}\s*年?)*\s*[、和及与]\s*\d{4})\s*年"
    r"(?!\s*\d{1,2}\s*月|底|末|以来|起|前)"
)


def _year_series(sentence: str, found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """The expressions of consecutive listed years (2021、2022年) become one: the span from first to last."""
    for series in YEAR_SERIES.finditer(sentence):
        years = [int(series.group(1)), *map(int, re.findall(r"\d{4}", series.group(2)))]
        if any(b != a + 1 for a, b in itertools.pairwise(years)):
            continue  # 2019年和2021年: two years apart, no span
        inside = range(series.start() + 1, series.end() + 1)
        found = [pair for pair in found if pair[0] not in inside] + [
            (series.end(), f"{years[0]}/{years[-1]}")
        ]
    return sorted(found, key=lambda pair: pair[0])


# 2020年10月至2021年6月: a span of months across two years (截至… is no span: it has no start)
MONTH_SPAN = re.compile(
    r"(?<!截至)(?<!截止)(\d{4})\s*年\s*(\d{1,2})\s*月份?\s*(?:-|至|到|~)\s*(\d{4})\s*年\s*(\d{1,2})\s*月份?"
    r"(?!\s*\d{1,2}\s*日|底|末|以来|起|止)"
)
SPAN_START = re.compile(YEAR_SERIES_START.pattern + r"|\d{4}\s*年\s*\d{1,2}\s*月份?\s*(?:-|至|到|~)\s*\d{4}")


def _month_spans(sentence: str, found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    for span in MONTH_SPAN.finditer(sentence):
        y1, m1, y2, m2 = map(int, span.groups())
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) < (y2, m2)):
            continue
        inside = range(span.start() + 1, span.end() + 1)
        found = [pair for pair in found if pair[0] not in inside] + [
            (span.end(), f"{y1}-{m1:02d}/{y2}-{m2:02d}")
        ]
    return sorted(found, key=lambda pair: pair[0])


def spans_of_years(sentence: str, found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """The time expressions of `found` (end offset, period) with those a span covers made one."""
    return _month_spans(sentence, _year_series(sentence, found))


# 按照《…设施建设规划》(2017—2030)内容,拟建…: the span of the plan just named, in brackets with no 年
TITLE_SPAN = re.compile(r"》\s*\(\s*(\d{4})\s*年?\s*[-至到~]\s*(\d{4})\s*年?\s*\)")


def title_spans(sentence: str, found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """A plan's span written in brackets right after its title dates what the sentence then says of it."""
    spans = [
        (m.end(), f"{m.group(1)}/{m.group(2)}")
        for m in TITLE_SPAN.finditer(sentence)
        if int(m.group(1)) < int(m.group(2))
    ]
    return sorted(found + spans, key=lambda pair: pair[0]) if spans else found


# 7个2000年以前建成的老旧小区: a year bounding when things were built sorts them; it is no period of a figure
SORTING_YEAR = re.compile(
    r"\s*(?:以前|之前|以后|之后|前|后)\s*(?:建成|建设|修建|建造|竣工|投用|投入使用|开工|成立|出生|注册)的"
)
SORTING_TAILS = ("前", "之前")


def sorting_year(sentence: str, end: int, tail: str | None) -> bool:
    """Whether the year expression ending at `end` (its tail word `tail`, if any) sorts the things it
    qualifies (2000年以前建成的, 1990年前修建的) rather than dating a figure."""
    if tail in SORTING_TAILS:
        end -= len(tail)  # 2000年前建成的: the tail was read with the year
    return bool(SORTING_YEAR.match(sentence, end))


def shift_years(period: str | None, years: int) -> str | None:
    """`2023-01/2023-07` moved by `years` (-1: the same months a year earlier)."""
    if not period:
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) + years), period)


def one_per_year(period: str | None, count: int) -> list[str] | None:
    """The years of a span `2021/2023` when there are exactly as many of them as `count` (and more than one)."""
    first, sep, last = (period or "").partition("/")
    if not sep or not (first.isdigit() and last.isdigit()):
        return None
    years = [str(y) for y in range(int(first), int(last) + 1)]
    return years if count == len(years) > 1 else None
