"""Pinyin that some mirror sites print after characters: `44523萬(wàn)元`, `規(guī)劃`, `城區(qū)停車泊位`.

It splits a number from its unit and every word from itself (規(guī)劃 is no longer 规划), so figures are lost,
plans read as done and labels cut. A syllable in brackets holding a tone mark, right after a Chinese
character, is no word of the reply. The loaders read such a reply without it (`compact`) and give every
offset back in the text as the file wrote it (`to_text`), so figures, sentences and sections still point
at the page's own characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# one syllable of lower-case pinyin holding a tone mark, in half- or full-width brackets
SYLLABLE = re.compile(r"[(（](?=[a-zü" + TONED + r"]{1,6}[)）])[a-zü]*[" + TONED + r"][a-zü]*[)）]")
HAS_TONE = re.compile("[" + TONED + "]")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def residue_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each bracketed syllable that follows a Chinese character."""
    if HAS_TONE.search(text) is None:
        return []
    return [m.span() for m in SYLLABLE.finditer(text) if m.start() > 0 and _is_han(text[m.start() - 1])]


@dataclass(frozen=True)
class Compacted:
    """A text without its pinyin, and the way back to the offsets of the text as written."""

    text: str
    kept_at: tuple[int, ...]  # where each stretch of `text` starts in the text as written
    stretch_starts: tuple[int, ...]  # where each stretch starts in `text`

    def to_text(self, offset: int) -> int:
        """The offset in the text as written of `offset` in the compact text."""
        i = bisect_right(self.stretch_starts, offset) - 1
        return self.kept_at[i] + offset - self.stretch_starts[i]

    def to_compact(self, offset: int) -> int:
        """The offset in the compact text of `offset` in the text as written (inside a syllable: its end)."""
        i = bisect_right(self.kept_at, offset) - 1
        ends = (*self.stretch_starts[1:], len(self.text))
        return min(self.stretch_starts[i] + offset - self.kept_at[i], ends[i])


def compact(text: str) -> Compacted | None:
    """The text without pinyin after its characters; None when it has none (the common case)."""
    spans = residue_spans(text)
    if not spans:
        return None
    pieces, kept_at, stretch_starts, last, length = [], [], [], 0, 0
    for start, end in [*spans, (len(text), len(text))]:
        kept_at.append(last)
        stretch_starts.append(length)
        pieces.append(text[last:start])
        length += start - last
        last = end
    return Compacted("".join(pieces), tuple(kept_at), tuple(stretch_starts))
