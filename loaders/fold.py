"""Fold a text to one spelling without changing its length: offsets into the fold are offsets into the text.

Government sites write `：，（一）１２３％`; the corpus copies write `:,(一)123%`. Rules are written once,
for the half-width spelling, and run on the fold. Kangxi radicals that PDF fonts produce (`⼀` U+2F00)
fold to the ideographs they stand for. Traditional characters fold to simplified ones (mirror sites and
Hong Kong, Macao and Taiwan pages print 個 畝 萬 億 餘 計劃 for 个 亩 万 亿 余 计划), one character for one,
from OpenCC's character table (the package opencc-python-reimplemented ships it; its first choice is taken
where a character has several): the unit table and every rule stay written once, in simplified.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache
from pathlib import Path

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


def traditional_to_simplified() -> dict[str, str]:
    """OpenCC's traditional → simplified characters that map one character to one other character (about
    3,750 in the Basic Multilingual Plane; the 350 rare ones beyond it are left); empty when the package is
    missing (traditional pages then lose their figures, nothing else)."""
    spec = importlib.util.find_spec("opencc")  # the data file only: importing the package loads every table
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    pairs = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            key, _, choices = line.rstrip("\n").partition("\t")
            first = choices.split(" ")[0] if choices else ""
            if len(key) == 1 and len(first) == 1 and first != key and ord(key) <= 0xFFFF:
                pairs[key] = (
                    first  # BMP only: one character outside it makes re test the class range by range
                )
    return pairs


@cache
def _table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    for first, last in ((0x2F00, 0x2FD5), (0x2E80, 0x2EF3)):  # Kangxi radicals, CJK radicals supplement
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table.update({ord(k): v for k, v in traditional_to_simplified().items()})
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


def unfold_table(text: str, folded: str) -> dict[int, str]:
    """For labels built on the fold: simplified → the traditional character this text wrote, for every
    character the fold changed that the text never writes unfolded and always wrote the same way (a page in
    traditional characters gets its labels back as written; a mixed page keeps what is ambiguous)."""
    if not _traditional().search(text):  # most replies: one bitmap scan, no Python loop
        return {}
    written: dict[str, set[str]] = {}
    native: set[str] = set()
    for original, simple in zip(text, folded, strict=True):
        if original == simple:
            native.add(simple)
        elif original in _traditional_pairs():
            written.setdefault(simple, set()).add(original)
    return {ord(s): next(iter(t)) for s, t in written.items() if len(t) == 1 and s not in native}


@cache
def _traditional_pairs() -> dict[str, str]:
    return traditional_to_simplified()


@cache
def _traditional() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(k) for k in sorted(_traditional_pairs())) + "]")
