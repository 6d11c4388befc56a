"""Text → sentences, clauses and the numbered section tree of a reply (with offsets).

Works on the fold (loaders.fold), so `（一）` and `(一)` are one rule. Metadata lives in loaders.metadata.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from loaders.fold import fold
from loaders.metadata import parse_metadata

CN = "一二三四五六七八九十"
# (level, pattern) for markers that open a numbered paragraph at the start of a line
SECTION_MARKERS = (
    (1, re.compile(rf"[{CN}]+、")),
    (2, re.compile(rf"\([{CN}]+\)")),
    (3, re.compile(r"\d{1,2}(?:\.(?!\d)|、)")),
    (4, re.compile(r"\(\d{1,2}\)")),
)
INLINE_ITEM = re.compile(rf"(?:^|(?<=[。;:]))[ \t]*([{CN}]是)", re.M)
ITEM_WORD = re.compile(rf"[{CN}]是")  # in every inline item; unlike INLINE_ITEM, re finds it quickly
# [。!?]+ spelled as one alternative per mark: alternatives that each open with a character let re skip to
# the next mark (one that opens with a class makes it try the pattern at every place)
SENTENCE_END = re.compile(r"。[。!?]*[\"')]*|![。!?]*[\"')]*|\?[。!?]*[\"')]*|\n\n*")
CLAUSE_CUT = re.compile(r"[;,](?!\d)")  # not the comma of 1,250
HEADING_MAX = 30
HEADING_END = re.compile(r"[。!?:]")
SENTENCE_MAX = 400  # a longer "sentence" (a table flattened to text, a line with no stops) is cut at clauses


@dataclass(frozen=True)
class Section:
    section_id: str
    number: str
    heading: str
    level: int
    start: int
    end: int

    def as_row(self) -> dict:
        return {k: getattr(self, k) for k in ("section_id", "number", "heading", "level", "start", "end")}


@dataclass
class Structure:
    text: str
    folded: str
    meta: dict
    sections: list[Section]
    sentences: list[tuple[int, int]]
    body_start: int = 0
    body_end: int = 0
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _cuts: list[int] = field(default_factory=list, repr=False)  # every section start and end, sorted
    _outline: list[tuple[str, Section | None]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]
        # which sections hold an offset changes only at a section's start or end: answer once per stretch
        self._cuts = sorted({s.start for s in self.sections} | {s.end for s in self.sections})
        self._outline = _outline(self.sections, self._cuts)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    def headings_at(self, offset: int) -> str:
        """The headings of every section holding `offset`, outermost first, joined."""
        i = bisect_right(self._cuts, offset) - 1
        return self._outline[i][0] if i >= 0 else ""

    def section_at(self, offset: int) -> Section | None:
        """The innermost numbered section holding `offset` (None before the first one)."""
        i = bisect_right(self._cuts, offset) - 1
        return self._outline[i][1] if i >= 0 else None

    # the definitions the outline answers from, one scan of every section per offset (tests compare them)
    def _headings_holding(self, offset: int) -> str:
        return " ".join(s.heading for s in self.sections if s.start <= offset < s.end)

    def _innermost_holding(self, offset: int) -> Section | None:
        best = None
        for section in self.sections:
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best


def _outline(sections: list[Section], cuts: list[int]) -> list[tuple[str, Section | None]]:
    """(headings joined outermost first, innermost section) holding each cut, in one sweep: the sections
    open at a cut are those open at the one before, less the ended ones, plus the ones starting there. They
    nest (a section ends where one of its level or above starts), so few are open at once."""
    order = sorted(range(len(sections)), key=lambda i: sections[i].start)  # stable: list order on ties
    outline, open_now, k = [], [], 0
    for cut in cuts:
        open_now = [i for i in open_now if sections[i].end > cut]
        while k < len(order) and sections[order[k]].start <= cut:
            if sections[order[k]].end > cut:
                open_now.append(order[k])
            k += 1
        open_now.sort()  # list order, as a scan of the sections would give
        best = None
        for i in open_now:
            if best is None or sections[i].level >= best.level:
                best = sections[i]
        outline.append((" ".join(sections[i].heading for i in open_now), best))
    return outline


def split_sentences(folded: str) -> list[tuple[int, int]]:
    """Sentences end at 。!? (with closing quotes) or a line end; blank stretches are skipped."""
    spans, start = [], 0
    ends = [(m.start() if m.group()[0] == "\n" else m.end(), m.end()) for m in SENTENCE_END.finditer(folded)]
    for end, next_start in [*ends, (len(folded), len(folded))]:
        piece = folded[start:end]
        kept = piece.lstrip()  # str.strip drops exactly the characters str.isspace calls space
        if kept:
            first = start + len(piece) - len(kept)
            last = first + len(kept.rstrip())
            if last - first > SENTENCE_MAX:
                spans += _cut_long(folded, first, last)
            else:
                spans.append((first, last))
        start = next_start
    return spans


def _cut_long(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most SENTENCE_MAX characters, cut after a ; or , where one is near the limit."""
    pieces = []
    while end - start > SENTENCE_MAX:
        window = folded[start + SENTENCE_MAX // 2 : start + SENTENCE_MAX]
        cuts = [m.end() for m in CLAUSE_CUT.finditer(window)]
        stop = start + SENTENCE_MAX // 2 + cuts[-1] if cuts else start + SENTENCE_MAX
        pieces.append((start, stop))
        start = stop
    pieces.append((start, end))
    return pieces


def _heading(folded: str, text: str, start: int, line_end: int) -> str:
    """The heading is the marker's line up to its first sentence end, kept short."""
    stop = line_end
    found = HEADING_END.search(folded, start, line_end)
    if found:
        stop = found.start()
    heading = text[start:stop].strip()
    return heading if len(heading) <= HEADING_MAX else heading[: HEADING_MAX - 1] + "…"


def parse_sections(text: str, folded: str, body_start: int = 0, body_end: int | None = None) -> list[Section]:
    """Numbered paragraphs (一、 (一) 1. (1)) and inline items (一是…) form the section tree."""
    body_end = len(text) if body_end is None else body_end
    found: list[tuple[int, str, int, int, int]] = []  # (start, number, level, heading_start, line_end)
    pos = body_start
    for line in folded[body_start:body_end].splitlines(keepends=True):
        stripped = line.lstrip()
        line_start = pos + len(line) - len(stripped)
        line_end = pos + len(line.rstrip("\n"))
        for level, marker in SECTION_MARKERS:
            match = marker.match(stripped)
            if match and not stripped[match.end() : match.end() + 1].isdecimal():  # \d is a decimal digit
                found.append((line_start, match.group(), level, line_start + match.end(), line_end))
                break
        pos += len(line)
    found = _with_inline_items(folded, body_start, body_end, found)
    sections, counters = [], [0] * 6
    ends = _section_ends(found, body_end)
    for i, (start, _number, level, heading_start, line_end) in enumerate(found):
        counters[level - 1] += 1
        counters[level:] = [0] * (6 - level)
        path = ".".join(str(c) for c in counters[:level] if c)
        end = ends[i]
        heading = _heading(folded, text, heading_start, line_end)
        sections.append(Section(path, text[start:heading_start].strip(), heading, level, start, end))
    return sections


def _section_ends(found: list[tuple], body_end: int) -> list[int]:
    """Each section ends where the next one of its level or above starts: one pass from the end, keeping the
    nearest start seen so far for each level (levels are 1 to 6)."""
    nearest = [body_end] * 7  # nearest[level]: the closest later start at that level
    ends = [body_end] * len(found)
    for i in range(len(found) - 1, -1, -1):
        start, level = found[i][0], found[i][2]
        ends[i] = min(nearest[1 : level + 1])
        nearest[level] = start
    return ends


def _with_inline_items(folded, body_start, body_end, found):
    """一是…二是… inside a paragraph become sections one level below the paragraph's own."""
    if not ITEM_WORD.search(folded, body_start, body_end):
        return sorted(found)
    items = []
    found = sorted(found)
    starts = [f[0] for f in found]
    deepest = list(accumulate((f[2] for f in found), max))  # deepest level among the first k markers
    for match in INLINE_ITEM.finditer(folded, body_start, body_end):
        start = match.start(1)
        k = bisect_right(starts, start)
        parent_level = deepest[k - 1] if k else 0
        line_end = folded.find("\n", start)
        line_end = body_end if line_end < 0 else min(line_end, body_end)
        items.append((start, match.group(1), min(parent_level + 1, 5), start + 2, line_end))
    return sorted(found + items)


def parse_structure(text: str) -> Structure:
    folded = fold(text)
    meta, body_start, body_end = parse_metadata(text, folded)
    sections = parse_sections(text, folded, body_start, body_end)
    return Structure(text, folded, meta, sections, split_sentences(folded), body_start, body_end)
