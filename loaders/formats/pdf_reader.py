""".pdf → text from its text layer (pdfplumber), pages kept as offsets.

Two things make PDF text unlike the published text. CJK fonts often map glyphs to Kangxi-radical or
radical-supplement code points (⼀ U+2F00 for 一), so numbers like ⼗ go unread; they are mapped back char by
char (NFKC on the whole text would also turn full-width ：，（ into half-width and could change lengths). And
typesetting breaks lines inside sentences and numbers: `page_text.join_pages` puts them back together.

A page with images and (almost) no text layer is a scan: it is rendered and read by OCR (`scan_reader`), so a
mixed PDF is read page by page; without an OCR engine the text layer elsewhere is still read.

Ruled tables (`pdf_tables`) are taken out of the page's lines and written as .docx tables are: one line per
row, cells separated by tabs, each body cell recorded with its row and column headers.
"""

from __future__ import annotations

import io
import statistics
import unicodedata

from loaders.decoding import Decoded, LoadError
from loaders.formats.page_text import Line, PageItem, is_page_number, join_pages
from loaders.formats.pdf_tables import find_ruled_tables, outside_tables
from loaders.formats.radicals import RADICAL_SUPPLEMENT
from loaders.formats.text_build import clean_line

MAX_PAGES = 300  # replies run to a few dozen pages; more is not a reply, and each page costs ~50 ms
MIN_TEXT_CHARS = 20


def _build_char_map() -> dict[int, str]:
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    table.update({cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xF900, 0xFADA)})
    table.update({ord(k): v for k, v in RADICAL_SUPPLEMENT.items()})
    return {cp: ch for cp, ch in table.items() if len(ch) == 1 and ch != chr(cp)}


CHAR_MAP = _build_char_map()


def normalize_radicals(text: str) -> str:
    """Kangxi radicals, radical-supplement forms, compatibility ideographs → unified ideographs (len kept)."""
    return text.translate(CHAR_MAP)


def read_pdf(data: bytes) -> Decoded:
    import pdfplumber

    try:
        # only the first MAX_PAGES + 1 pages are ever parsed, whatever the page tree's Count claims
        pdf = pdfplumber.open(io.BytesIO(data), pages=range(1, MAX_PAGES + 2))
        n_pages = _page_count(pdf)
        if n_pages > MAX_PAGES:  # refused before any page is parsed (closing would parse them all)
            raise LoadError(f"refused: the PDF has {n_pages} pages (limit {MAX_PAGES})")
        with pdf:
            if len(pdf.pages) > MAX_PAGES:  # the Count lied
                raise LoadError(f"refused: the PDF has more than {MAX_PAGES} pages (limit {MAX_PAGES})")
            pages = [_page_lines(page) for page in pdf.pages]
            ocr_rows = _ocr_scanned_pages(pdf.pages, pages)
    except LoadError:
        raise
    except Exception as err:  # pdfminer raises its own error types for damaged or encrypted files
        reason = "encrypted PDF" if "password" in type(err).__name__.lower() else "broken PDF"
        raise LoadError(
            f"{reason} ({type(err).__name__}: {(str(err).splitlines() or [''])[0][:100]})"
        ) from None
    if not any(ocr_rows):
        text, offsets, cells = join_pages(pages)
        spans = []
    else:
        from loaders.formats.scan_reader import as_lines, text_of_pages

        pages = [as_lines(rows) if rows else items for items, rows in zip(pages, ocr_rows, strict=True)]
        text, offsets, cells, spans = text_of_pages(pages, ocr_rows)
    if sum(not ch.isspace() for ch in text) < MIN_TEXT_CHARS:
        raise LoadError("the PDF has no text layer (a scan or images?) and OCR read nothing on it")
    encoding = "pdf+ocr" if spans else "pdf"
    return Decoded(text=text, encoding=encoding, format="pdf", pages=offsets, cells=cells, ocr=spans)


def _ocr_scanned_pages(pdf_pages, pages: list[list]) -> list:
    """OCR rows for each page that has images and (almost) no text layer; None for the others.

    Without an OCR engine, a PDF that has text elsewhere is read from its text layer alone; one that is
    only a scan gets the engine's one-line reason.
    """
    scanned = [
        i
        for i, (page, items) in enumerate(zip(pdf_pages, pages, strict=True))
        if page.images and sum(len(item[0]) for item in items if isinstance(item, tuple)) < MIN_TEXT_CHARS
    ]
    rows: list = [None] * len(pages)
    if not scanned:
        return rows
    from loaders.formats.ocr_engines import default_engine
    from loaders.formats.scan_reader import MAX_OCR_PAGES, OCR_LONG_SIDE, fit_for_ocr, ocr_pages

    if len(scanned) > MAX_OCR_PAGES:  # before the engine starts or any page is rendered
        raise LoadError(
            f"refused: {len(scanned)} scanned pages need OCR (it reads at most {MAX_OCR_PAGES} a file)"
        )
    try:
        default_engine()
    except LoadError:
        if any(pages[i] for i in range(len(pages)) if i not in scanned):
            return rows  # the text layer elsewhere is still read
        raise

    def images():  # rendered one at a time, as OCR reaches them
        for i in scanned:
            page = pdf_pages[i]
            dpi = min(200.0, OCR_LONG_SIDE * 72.0 / max(float(page.width), float(page.height), 1.0))
            yield fit_for_ocr(page.to_image(resolution=dpi).original.convert("RGB"))

    for i, page_rows in zip(scanned, ocr_pages(images(), len(scanned)), strict=True):
        rows[i] = page_rows
    return rows


def _page_count(pdf) -> int:
    """Pages as the document's page tree states it, read before any page is parsed."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:
        return len(pdf.pages)


def _page_lines(page) -> list[PageItem]:
    """The page's lines of text and its ruled tables, top to bottom (a table's text is not in the lines)."""
    tables = find_ruled_tables(page, lambda cell: clean_line(normalize_radicals(cell)))
    lines: list[tuple[float, Line]] = []
    for line in outside_tables(page, tables).extract_text_lines(return_chars=True):
        text = clean_line(normalize_radicals(line["text"]))
        if text:
            sizes = [c.get("size", 0) for c in line.get("chars", [])] or [10.0]
            lines.append((float(line["top"]), (text, float(line["x1"]), float(statistics.median(sizes)))))
    while lines and is_page_number(lines[-1][1][0]):  # footers: "- 3 -", "第3页 共9页"
        lines.pop()
    while lines and is_page_number(lines[0][1][0]):
        lines.pop(0)
    placed = [*lines, *((table.top, table) for table in tables)]
    return [item for _, item in sorted(placed, key=lambda pair: pair[0])]
