"""The loaders never crash: random and mutated reply texts keep offsets exact and values finite."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import load_text
from tests.corpus import SEED_TEXT

SEED = SEED_TEXT.read_text(encoding="utf-8")
NOISE = st.sampled_from(
    [
        *"0123456789一二两三十百千万亿数几上余多约超近%,.:;()（）、。\n\r\t\x00\x0b\u3000《》“”第年月日个家元亩-~至到",
        "亿元",
        "万平方米",
        "个百分点",
        "以上",
        "左右",
        "不超过",
        "20万到100万元",
        "今年1-6月",
        "截至目前",
        "一、",
        "(一)",
    ]
)


def check(text: str) -> None:
    tables = load_text(text, "fuzz.txt")
    figures = tables.figures.astype(object).where(tables.figures.notna(), None)
    for row in figures.itertuples():
        assert text[row.start : row.end] == row.text
        for value in (row.base_value, row.base_value_low, row.base_value_high):
            assert value is None or math.isfinite(value)
        assert row.text in row.sentence
    assert len(tables.documents) == 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text):
    check(text)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SEED)), NOISE), max_size=40))
def test_mutated_seed(insertions):
    text = SEED
    for position, noise in sorted(insertions, reverse=True):
        text = text[:position] + noise + text[position:]
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(NOISE, max_size=200))
def test_figure_soup(pieces):
    check("".join(pieces))


def test_long_line_without_newline():
    line = ("全市共建成园区15个,占地面积2013.9亩,超1000家企业入驻;" * 20000)[:300_000]
    tables = load_text(line, "long.txt")
    assert len(tables.figures) > 15_000
    assert (tables.figures["text"].str.len() > 0).all()


@pytest.mark.slow
def test_ten_megabytes_without_a_newline(monkeypatch):
    """The seed run together (its line ends made full stops) and repeated to 10 MB: one line, read whole
    (with the text budget raised: by default 3.4 M characters are refused, see test_hostile_inputs)."""
    from loaders import decoding, load_bytes

    monkeypatch.setattr(decoding, "MAX_TEXT_CHARS", 20_000_000)

    unit = SEED.replace("\n", "。").encode("utf-8")
    data = (unit * (10 * 1024 * 1024 // len(unit) + 1))[: 10 * 1024 * 1024]
    text = data.decode("utf-8", errors="ignore")  # the cut may split a character
    assert "\n" not in text and len(text.encode("utf-8")) > 10_000_000
    tables = load_bytes(text.encode("utf-8"), "long.txt")
    assert len(tables.figures) > 1000 * 27
    figures = tables.figures
    assert (figures["end"] - figures["start"] == figures["text"].str.len()).all()
    sample = figures.iloc[:: max(1, len(figures) // 2000)]
    for row in sample.itertuples():
        assert text[row.start : row.end] == row.text
    values = figures["base_value"].dropna().astype(float)
    assert values.map(math.isfinite).all()


def test_regressions_found_by_hypothesis():
    for text in ["数十十亿元", "0-数亿元", "上百-千家"]:
        check(text)
