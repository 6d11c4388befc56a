"""Lookahead guards that let a pattern pass over hopeless positions quickly must not change what it finds.

Each guard is a necessary condition for a non-empty match; these property tests compare the guarded pattern
with the same pattern without its guard on text built from the characters and words the rules care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import periods

TIME_PIECES = [
    *"0123456789 -~,。年月日份度季半今本全当去上明下一二三四第前截至止自从到比较同环目迄以来起底末初之现在"
]
TIME_PIECES += [
    "截至",
    "目前",
    "至今",
    "上半年",
    "第三季度",
    "前三季度",
    "以来",
    "2019年",
    "1-6月",
    "2018-2020年",
]


def non_empty(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text) if m.end() > m.start()]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(TIME_PIECES), max_size=30).map("".join))
def test_time_expression_guard_finds_the_same(text):
    unguarded = re.compile(periods.TIME_EXPRESSION.pattern.replace(f"(?={periods._STARTS})", "", 1))
    assert unguarded.pattern != periods.TIME_EXPRESSION.pattern
    assert non_empty(periods.TIME_EXPRESSION, text) == non_empty(unguarded, text)
