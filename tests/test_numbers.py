"""Numerals: Chinese and Arabic, exact and vague; property tests over generated numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.numbers import parse_arabic, parse_chinese, parse_decimal, parse_positional, parse_vague

DIGIT_WORDS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Reference writer of Chinese cardinals (as replies write them: 一百二十, 十五, 一千零五)."""
    if n == 0:
        return "零"

    def below_10000(x: int, leading: bool) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = x // value % 10
            if digit:
                if zero and out:
                    out += "零"
                silent_one = value == 10 and digit == 1 and leading and not out  # 十五, not 一十五
                out += ("" if silent_one else DIGIT_WORDS[digit]) + name
                zero = False
            elif out:
                zero = True
        return out

    parts, out = [(n // 100_000_000, "亿"), (n // 10_000 % 10_000, "万"), (n % 10_000, "")], ""
    for value, name in parts:
        if value:
            if out and value < 1000:
                out += "零"
            out += below_10000(value, leading=not out) + name
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("一百二十", 120), ("一百零五", 105),
     ("两千", 2000), ("一千二百万", 12_000_000), ("一亿零一万", 100_010_000), ("一万零五", 10_005), ("三亿", 300_000_000), ("十万", 100_000), ("两", 2)],
)  # fmt: skip
def test_chinese_examples(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["十四五", "一二三", "百", "千", "万", "亿", "", "三五", "二〇二〇"])
def test_not_cardinals(text):
    assert parse_chinese(text) is None


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_chinese_round_trip(n):
    assert parse_chinese(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_arabic_with_and_without_thousands_separators(whole, cents):
    plain = f"{whole}.{cents:02d}"
    grouped = f"{whole:,}.{cents:02d}"
    assert parse_arabic(plain) == parse_arabic(grouped) == pytest.approx(whole + cents / 100)


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿", max_size=12))
def test_chinese_never_raises(text):
    value = parse_chinese(text)
    assert value is None or (isinstance(value, int) and value >= 0)


def test_positional_years():
    assert parse_positional("二〇二〇") == 2020
    assert parse_positional("十") is None


@pytest.mark.parametrize(
    ("prefix", "numeral", "low", "high", "qualifier"),
    [("数", "十", 10, 99, "approx"), ("几", "百", 100, 999, "approx"), ("上", "亿", 1e8, 1e9 - 1, "at_least"),
     ("数", "十万", 1e5, 1e6 - 1, "approx")],
)  # fmt: skip
def test_vague(prefix, numeral, low, high, qualifier):
    vague = parse_vague(prefix, numeral)
    assert (vague.low, vague.high, vague.qualifier) == (low, high, qualifier)


@given(st.integers(min_value=0, max_value=99_999), st.text(alphabet="0123456789", min_size=1, max_size=4))
def test_chinese_decimal_round_trip(whole, fraction):
    written = (
        (to_chinese(whole) if whole else "零")
        + "点"
        + "".join("零一二三四五六七八九"[int(d)] for d in fraction)
    )
    assert parse_decimal(written) == pytest.approx(float(f"{whole}.{fraction}"))


@pytest.mark.parametrize("text", ["点三", "五十点", "五十点十", "五十点两", "十四五点一二三万"])
def test_malformed_decimals(text):
    assert parse_decimal(text) is None
