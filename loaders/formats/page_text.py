"""Lines of fixed-layout pages (PDF, .ofd, OCR'd scans) → one text, with page offsets.

Typesetting breaks lines inside sentences and numbers: a line that runs to the right margin and does not
end a sentence continues on the next line, so the break is dropped ("39." + "9亿元" is one number); short
lines (metadata, headings, the last line of a paragraph) keep theirs. Ruled tables are written as .docx
tables are (`TextBuilder.add_table`).
"""

from __future__ import annotations

import re

from loaders.decoding import TableCell
from loaders.formats.pdf_tables import PdfTable
from loaders.formats.text_build import TextBuilder

_SENTENCE_END = tuple("。！？!?：:；;")
_CLOSERS = "”’」』\"'"
_HEADING_START = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)")
_PAGE_NUMBER = re.compile(
    r"[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+.*",
    re.IGNORECASE,
)


def is_page_number(line: str) -> bool:
    """A footer or header line that only numbers the page: "- 3 -", "第3页 共9页"."""
    return bool(_PAGE_NUMBER.fullmatch(line))


Line = tuple[str, float, float]  # text, right edge x1, font size
PageItem = Line | PdfTable


def join_pages(pages: list[list[PageItem]]) -> tuple[str, list[tuple[int, int, int]], list[TableCell]]:
    """One text for all pages; a line running to the margin without ending a sentence joins the next one.

    Tables are written by `TextBuilder.add_table`, so their body cells come back with offsets and headers.
    """
    builder = TextBuilder()
    offsets = []
    wraps = False  # the line before continues on the next
    line_open = False  # the last thing written is a line still without its line break
    for number, items in enumerate(pages, start=1):
        page_start = builder.length
        margin = max((item[1] for item in items if not isinstance(item, PdfTable)), default=0.0)
        for item in items:
            if isinstance(item, PdfTable):
                if line_open:
                    builder.append("\n")
                builder.add_table(item.grid)  # ends with a line break
                wraps = line_open = False
                continue
            text, x1, size = item
            if line_open and not (wraps and not _HEADING_START.match(text)):
                builder.append("\n")
            builder.append(text)
            line_open = True
            is_full = x1 >= margin - 2.0 * size
            wraps = is_full and not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)
        offsets.append((number, page_start, builder.length))
    return builder.text(), _tidy_offsets(offsets, builder.length), builder.cells


def _tidy_offsets(offsets: list[tuple[int, int, int]], length: int) -> list[tuple[int, int, int]]:
    """Pages tile the text from 0 to its end, so every offset falls on exactly one page."""
    tidy = [(number, start, end) for number, start, end in offsets]
    if tidy:
        tidy[0] = (tidy[0][0], 0, tidy[0][2])
        tidy[-1] = (tidy[-1][0], tidy[-1][1], length)
    return tidy
