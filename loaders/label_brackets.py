"""Brackets inside a label's noun (小(2)型水库, 农(牧)场, 项目校(园)): masked as full-width ones, which no label
boundary cuts at, and given back afterwards. Read by loaders.labels."""

from __future__ import annotations

import re

# 小(2)型水库, 农(牧)场, 项目校(园): a short bracket inside a noun is part of it, not a clause break
INLINE_BRACKET = re.compile(
    r"(?<=[\u4e00-\u9fff])\(([^()\d,;。、]{0,2}\d?[^()\d,;。、]{0,2})\)(?=[\u4e00-\u9fff\d])"
)


def opening_first(pattern: re.Pattern) -> re.Pattern:
    """`(?<=X)\\(…` as `\\((?<=X\\()…`, the same matches: a pattern that opens with a lookbehind is tried at
    every place of the text, one that opens with a character lets re skip to the next bracket. The pattern
    itself when it has another shape."""
    lookbehind = re.match(r"\(\?<=(\[[^\]]*\])\)\\\(", pattern.pattern)
    if not lookbehind:
        return pattern
    rest = pattern.pattern[lookbehind.end() :]
    return re.compile(rf"\((?<={lookbehind.group(1)}\(){rest}", pattern.flags)


INLINE_BRACKET_FAST = opening_first(INLINE_BRACKET)


def mask_brackets(text: str) -> str:
    """Inline brackets as full-width ones (same length), which no label boundary cuts at."""
    if "(" not in text:
        return text
    return INLINE_BRACKET_FAST.sub(lambda m: f"（{m.group(1).translate(WIDE_DIGITS)}）", text)


# digits inside a masked bracket become private-use characters (\\d would still see full-width ones)
WIDE_DIGITS = {ord(d): 0xE000 + i for i, d in enumerate("0123456789")}
NARROW = {ord("（"): "(", ord("）"): ")", **{0xE000 + i: d for i, d in enumerate("0123456789")}}
MASKED = re.compile("[（）\ue000-\ue009]")


def unmask(label: str) -> str:
    # translate is slow on CJK, and a search of one class faster than `max` over the characters
    return label.translate(NARROW) if MASKED.search(label) else label
