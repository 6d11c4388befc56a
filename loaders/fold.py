"""Fold a text to one spelling without changing its length: offsets into the fold are offsets into the text.

Government sites write `：，（一）１２３％`; the corpus copies write `:,(一)123%`. Rules are written once,
for the half-width spelling, and run on the fold. Kangxi radicals that PDF fonts produce (`⼀` U+2F00)
fold to the ideographs they stand for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_EXTRA = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",
    "、": "、",  # kept: the enumeration comma is its own mark
    "。": "。",
    "～": "~",
    "—": "-",
    "–": "-",
    "－": "-",
    "〜": "~",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "﹪": "%",
}


@cache
def _table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    for first, last in ((0x2F00, 0x2FD5), (0x2E80, 0x2EF3)):  # Kangxi radicals, CJK radicals supplement
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table.update({ord(k): v for k, v in _EXTRA.items() if k != v})
    table[ord("\r")] = "\n"  # CRLF: each \r becomes a line end of its own; blank lines are harmless
    return table


@cache
def _foldable() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_table())) + "]")


def fold(text: str) -> str:
    """Same length as `text`, one spelling: half-width ASCII punctuation and digits.

    Replaces only the characters that fold: str.translate would look every character of the text up in the
    table, several times slower on Chinese text, where few characters fold.
    """
    table = _table()
    folded = _foldable().sub(lambda found: table[ord(found.group())], text)
    assert len(folded) == len(text)
    return folded
