"""Bytes → text, and what reading a file yields: Decoded text, its table cells (TableCell), or a LoadError.

Kept apart from `loaders.read` so that the format readers (`loaders.formats`) and `read` both depend on it
and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class LoadError(ValueError):
    """A file that cannot be read; the message is one line naming the reason."""


@dataclass(frozen=True)
class TableCell:
    """A body cell of a table in a .docx/.html reply: its text sits at text[start:end] of the Decoded text.

    The label of a figure in a cell is its row and column headers (e.g. 已建成园区 · 占地面积(亩)); a unit
    missing from the cell may be in the column header's brackets. Header cells are not listed.
    """

    table: int  # 0-based index of the table in the document
    row: int  # 0-based row in the table grid (row 0 holds the column headers)
    col: int  # 0-based column in the grid
    start: int
    end: int
    row_header: str
    col_header: str


@dataclass(frozen=True)
class OcrSpan:
    """A line read by OCR: text[start:end], on page `page`, in `box` (pixels of the page image as read),
    with the engine's confidence (0–1) and box for each of its characters."""

    page: int
    start: int
    end: int
    box: tuple[int, int, int, int]
    confidences: tuple[float, ...]
    char_boxes: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, gb18030, …, or the container format's own (docx: "xml")
    format: str  # txt docx doc wps rtf ofd pdf html png jpg tiff
    pages: list[tuple[int, int, int]] = field(
        default_factory=list
    )  # (page, start, end) for PDFs, .ofd, scans
    cells: list[TableCell] = field(default_factory=list)  # table body cells (docx, html); see TableCell
    ocr: list[OcrSpan] = field(default_factory=list)  # lines read by OCR (scans), in text order


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode plain-text bytes; returns (text, encoding). Raises LoadError when no encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_by_bom(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_by_bom(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("not text in any known encoding (binary file?)")
    return str(best), best.encoding


def _decode_by_bom(data: bytes, codec: str) -> str:
    """A byte-order mark names the encoding: bytes that do not follow it are a broken file, not a guess."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise LoadError(
            f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} "
            f"(bad bytes at {err.start})"
        ) from None
