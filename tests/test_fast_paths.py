"""Fast paths in the loaders give exactly what the plain version of the same step gives.

Lookahead guards let a pattern pass over hopeless positions quickly; each is a necessary condition for a
non-empty match, and the property tests compare the guarded pattern with the same pattern without its guard
on text built from the characters and words the rules care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import periods
from loaders.fold import _table, fold
from loaders.read import looks_binary

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


def test_fold_replaces_as_translate_would():
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert fold(every_character) == every_character.translate(_table())


@given(st.text(alphabet=st.characters(max_codepoint=40), max_size=300))
def test_looks_binary_counts_control_characters(text):
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    assert looks_binary(text) == (bad > max(1, len(sample) // 100))
