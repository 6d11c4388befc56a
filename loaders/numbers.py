"""Numerals as written in replies → values.

Arabic (`39.9`, `1,200`), Chinese (`三`, `二十`, `一百二十`, `一千二百万`, `两`), positional Chinese digits
(`二〇二〇`), decimals (`五十二点三`), and vague amounts (`数十`, `几百`, `上亿`, `十余`). Property-tested in tests/test_numbers.py.
"""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)


@dataclass(frozen=True)
class Vague:
    """A vague amount: `数十` is somewhere in [10, 99]; `上百` is at least 100."""

    low: float
    high: float
    qualifier: str  # approx for 数/几, at_least for 上


# No reply reports an amount this large (a province's GDP is ~1e13 元): a longer digit string is a code or an
# attack, and times 亿 it could overflow to inf. Every value is finite, and so is every product with a unit.
MAX_VALUE = 1e18


def parse_arabic(text: str) -> float | None:
    """`1,200.5` → 1200.5; None for a number too large to be an amount (MAX_VALUE). Full-width digits are
    folded before this is called."""
    value = float(text.replace(",", ""))
    return value if abs(value) < MAX_VALUE else None


def _parse_section(text: str) -> int | None:
    """A Chinese numeral below 10,000: `一千二百三十四`, `二十`, `十五`, `三`."""
    total, digit, seen_digit = 0, None, False
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:  # two digits in a row: not a cardinal here
                return None
            digit = DIGITS[ch]
            seen_digit = True
        elif ch in SMALL_UNITS:
            if digit is None and ch == "十" and total == 0:
                digit = 1  # 十五 = 15
            if digit is None:
                return None
            total += digit * SMALL_UNITS[ch]
            digit = None
        else:
            return None
    if digit:
        total += digit
    return total if (seen_digit or total) else None


def parse_chinese(text: str) -> int | None:
    """Chinese cardinal → int, or None when it is not a well-formed cardinal (`十四五`, `一二三`)."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return None  # positional digit strings (二〇二〇, 一二三) are years or lists, see parse_positional
    total, rest = 0, text
    for unit in ("亿", "万"):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            if unit in rest or (unit == "亿" and "亿" in rest):
                return None
            head = head.lstrip("零〇")  # 一亿零一万: the 零 only marks the empty ten-millions
            value = parse_chinese(head) if head else None
            if value is None:
                return None
            total += value * LARGE_UNITS[unit]
    if rest:
        section = _parse_section(rest)
        if section is None:
            return None
        # 一万五 (= 15000) is colloquial; replies write 一万五千, so a trailing bare digit stays a digit
        total += section
    return total


def parse_decimal(text: str) -> float | None:
    """`五十二点三` → 52.3, `三点五` → 3.5: a cardinal, 点, then digits read one by one (None if malformed)."""
    whole, point, fraction = text.partition("点")
    value = parse_chinese(whole)
    if not point:
        return None if value is None else float(value)
    if value is None or not fraction or any(ch not in DIGITS or ch == "两" for ch in fraction):
        return None
    return float(f"{value}.{''.join(str(DIGITS[ch]) for ch in fraction)}")


def parse_positional(text: str) -> int | None:
    """`二〇二〇` → 2020: digit by digit, as years are written."""
    if len(text) < 2 or any(ch not in DIGITS or ch == "两" for ch in text):
        return None
    return int("".join(str(DIGITS[ch]) for ch in text))


VAGUE_PREFIX = {"数": "approx", "几": "approx", "上": "at_least"}


def parse_vague(prefix: str, numeral: str) -> Vague | None:
    """`数十` → [10, 99]; `几百` → [100, 999]; `上亿` → [1e8, 1e9 - 1]; `数十万` → [1e5, 999999]."""
    if prefix not in VAGUE_PREFIX or not numeral:
        return None
    scale = parse_chinese("一" + numeral)
    if scale is None:
        return None
    return Vague(low=float(scale), high=float(scale * 10 - 1), qualifier=VAGUE_PREFIX[prefix])
