"""Fast paths in the loaders give exactly what the plain version of the same step gives.

Lookahead guards let a pattern pass over hopeless positions quickly; each is a necessary condition for a
non-empty match, and the property tests compare the guarded pattern with the same pattern without its guard
on text built from the characters and words the rules care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import (
    candidates,
    context,
    label_brackets,
    label_words,
    labels,
    periods,
    plans_ahead,
    structure,
    units,
)
from loaders.fold import _table, fold
from loaders.qualifiers import BEFORE_WORDS, LINKING, QUALIFIER_AFTER, word_after, word_before
from loaders.read import looks_binary
from loaders.structure import parse_structure
from tests.reply_files import seed_text

TIME_PIECES = [
    *'0123456789 -~,。年月日份度季半今本全当去上明下一二三四第前截至止自从到比较同环目迄以来起底末初之现在十五六“”"期间时规划'
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


def without_guard(pattern: re.Pattern, guard: str) -> re.Pattern:
    assert pattern.pattern.startswith(guard)
    return re.compile(pattern.pattern[len(guard) :])


LABEL_PIECES = [
    *"0123456789 -~年月日份截止自从到至今去全当上下近半以来起底末达为有是了共计仅超约近余多不足少于高最"
]
LABEL_PIECES += [
    "截至",
    "2019年",
    "1-6月",
    "今年",
    "上半年",
    "近年来",
    "累计达",
    "不超过",
    "只有",
    "园区",
    "企业",
]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=20).map("".join))
def test_label_word_guards_find_the_same(text):
    for pattern in (labels.TIME_WORDS, labels.TRAILING):
        guard = re.match(r"\(\?=\[[^\]]+\]\)", pattern.pattern).group()
        assert pattern.sub("", text) == without_guard(pattern, guard).sub("", text)


def test_qualifier_words_after_begin_no_other():
    """So that looking them up by length finds the word that trying them in order would."""
    words = [word for word, _ in QUALIFIER_AFTER]
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]


@given(
    st.lists(st.sampled_from([*LABEL_PIECES, "以上", "左右", "以内", "上下", "不等"]), max_size=6).map(
        "".join
    )
)
def test_qualifier_words_found_by_length(text):
    after = next((w for w, _ in QUALIFIER_AFTER if text.startswith(w)), None)
    before = next((w for w, _ in BEFORE_WORDS if text.endswith(w)), None)
    assert (word_after(text, 0), word_before(text)) == (after, before)


def test_section_lookups_match_a_scan_of_every_section():
    structure = parse_structure(
        seed_text() + "\n一、下一步打算\n(一)继续推进。一是扩大规模。二是提高质量。\n"
    )
    assert structure.sections
    for offset in range(-1, len(structure.text) + 2):
        assert structure.headings_at(offset) == structure._headings_holding(offset)
        assert structure.section_at(offset) == structure._innermost_holding(offset)


FIGURE_PIECES = [
    *"0123456789,. -~至到零〇一二两三四五六七八九十百千万亿数几上余多个家亩元米年月%园区企业",
    "\n",
]
FIGURE_PIECES += [
    "万元",
    "亿元",
    "平方米",
    "个百分点",
    "千米",
    "百分之",
    "m2",
    "km²",
    "人次",
    "2018-2020年",
    "1,200",
]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=30).map("".join))
def test_range_guard_finds_the_same_candidates(text):
    pattern = candidates.candidate_pattern()
    unguarded = re.compile(pattern.pattern.replace(candidates.range_guard(), "", 1))
    assert unguarded.pattern != pattern.pattern
    assert non_empty(pattern, text) == non_empty(unguarded, text)


@settings(max_examples=3000)
@given(
    st.lists(st.sampled_from([*FIGURE_PIECES, "千瓦时", "余万", " 万 元", "km"]), max_size=30).map("".join)
)
def test_unit_guards_find_the_same_candidates(text):
    """The first tests before a candidate's magnitude, 余/多 and unit words only skip what cannot match."""
    pattern = candidates.candidate_pattern()
    unit, mag = units.unit_pattern(), units.magnitude_pattern()
    guards = [
        f"(?=[ 余多几{candidates.first_characters(mag, unit)}])",
        f"(?=[{candidates.first_characters(unit)}])",
    ]
    unguarded = pattern.pattern
    for guard in guards:
        assert guard in unguarded
        unguarded = unguarded.replace(guard, "", 1)
    assert non_empty(pattern, text) == non_empty(re.compile(unguarded), text)


STRUCTURE_PIECES = [*"。!?\"')\n \t;:,一二三是的园区", "一是", "二是", "。\n", "!?"]


@given(st.lists(st.sampled_from(STRUCTURE_PIECES), max_size=30).map("".join))
def test_sentence_ends_and_inline_items_found_as_before(text):
    plain_end = re.compile(r"[。!?]+[\"')]*|\n+")
    assert [m.span() for m in structure.SENTENCE_END.finditer(text)] == [
        m.span() for m in plain_end.finditer(text)
    ]
    if not structure.ITEM_WORD.search(text):
        assert not structure.INLINE_ITEM.search(text)


MARK_PIECES = [*",;:、。!?\n()ab中文 ", "(2)", "\n\n"]


@given(st.lists(st.sampled_from(MARK_PIECES), max_size=30).map("".join))
def test_last_mark_is_where_the_last_boundary_pattern_matches(text):
    for last in (labels.LAST_LABEL_BOUNDARY, labels.LAST_CLAUSE_BREAK, context.LAST_CLAUSE_BOUNDARY):
        found = last.search(text)
        assert labels.last_mark(text, labels.marks_of(last)) == (found.start() if found else -1)


BRACKET_PIECES = [*"()中文ab12,;。、 ", "(2)", "(牧)", "小(2)型", "(一)"]


@given(st.lists(st.sampled_from(BRACKET_PIECES), max_size=20).map("".join))
def test_inline_brackets_found_as_before(text):
    """The bracket pattern rewritten to open with its bracket finds the same brackets."""
    fast = label_brackets.INLINE_BRACKET_FAST
    assert fast.pattern != label_brackets.INLINE_BRACKET.pattern and fast.pattern.startswith("\\(")
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
        (m.span(), m.groups()) for m in label_brackets.INLINE_BRACKET.finditer(text)
    ]


END_PIECES = [
    *"中文 \n的为到至由从已将",
    "分别为",
    "调整为",
    "每人每月",
    "力争",
    "已经",
    "累计达",
    "原来",
    "提升至",
]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(END_PIECES), max_size=12).map("".join))
def test_end_words_guard_drops_the_same(text):
    """A pattern of words at the end, passed over when the text's last character ends none of its words."""
    every = (label_words.PLAN_TAIL, label_words.CHANGE_TAIL, label_words.HANGING, labels.TRAILING, LINKING)
    for end_words in every:
        assert end_words.sub("", text) == end_words.compiled.sub("", text)
        assert bool(end_words.search(text)) == bool(end_words.compiled.search(text))


def test_design_words_hold_every_design_scale_word():
    """design_of_unbuilt ends at once for a clause with no design word, which needs this."""
    design_words = set(plans_ahead.DESIGN_WORDS.pattern.split("|"))
    assert set(plans_ahead.DESIGN_SCALE.pattern.split("|")) <= design_words
