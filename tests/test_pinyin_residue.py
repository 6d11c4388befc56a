"""Pages that print pinyin after their characters (萬(wàn)元, 規(guī)劃): read without it, offsets as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders import load_bytes
from loaders.pinyin_residue import compact, residue_spans
from tests.test_genre_rules import FOOT, HEAD

PAGE = (
    HEAD
    + "今年縣財(cái)政投入資(zī)金1280萬(wàn)元,新修村道(dào)36公(gōng)里。計(jì)劃(huà)明年再建橋(qiáo)梁4座。"
    + FOOT
)


def test_a_syllable_after_a_character_is_residue_and_nothing_else_is():
    text = "萬(wàn)元 規(guī)劃 (ā) abc(wàn) 小(2)型 项目(一期) 汉(han)"
    assert [text[a:b] for a, b in residue_spans(text)] == ["(wàn)", "(guī)"]


def test_figures_plans_and_labels_read_through_the_pinyin_with_offsets_as_written():
    figures = load_bytes(PAGE.encode("utf-8"), "mirror.txt").figures
    assert figures["text"].tolist() == ["1280萬(wàn)元", "36公(gōng)里", "4座"]
    assert figures["base_value"].tolist() == [1.28e7, 36000, 4]
    assert figures["is_planned"].tolist() == [False, False, True]  # 計(jì)劃 still says "planned"
    for row in figures.itertuples():
        assert PAGE[row.start : row.end] == row.text  # offsets into the page as written
        assert PAGE[row.sentence_start :].startswith(row.sentence)
        assert "(" not in row.label
    assert "资金" in figures["label"].iloc[0] or "資金" in figures["label"].iloc[0]


def test_a_page_without_pinyin_is_read_as_it_is():
    assert compact("全县新建公园8个(含口袋公园3个)。") is None


@given(st.lists(st.sampled_from(["萬", "(wàn)", "元", "7", "(", ")", "a", "規", "(guī)", "。"]), max_size=30))
def test_offsets_go_back_to_the_same_characters(pieces):
    text = "".join(pieces)
    short = compact(text)
    if short is None:
        return
    for i, char in enumerate(short.text):
        assert text[short.to_text(i)] == char
        assert short.to_compact(short.to_text(i)) == i
