"""Bytes → text, and what reading a file yields: Decoded text, its table cells (TableCell), or a LoadError.

Kept apart from `loaders.read` so that the format readers (`loaders.formats`) and `read` both depend on it
and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class LoadError(ValueError):
    """A file that cannot be read; the message is one line naming the reason."""


def first_line(err: Exception) -> str:
    """A library's error as one short line for a LoadError."""
    return (str(err).splitlines() or [""])[0][:120]


# The work a file causes follows its text, not its bytes (a 0.4 MB .docx can hold 95 MB of XML): a long
# reply is 20,000 characters; a hundred times that is refused before the loaders start on it.
MAX_TEXT_CHARS = 2_000_000


def check_text_budget(n_chars: int) -> None:
    if n_chars > MAX_TEXT_CHARS:
        raise LoadError(
            f"refused: the text is over {MAX_TEXT_CHARS:,} characters (a long reply has about 20,000)"
        )


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
    """Decode plain-text bytes; returns (text, encoding). Raises LoadError when no encoding fits.

    The encoding returned may carry a note on what was mended: "utf-8 (after a UTF-16 byte-order mark)",
    "gb18030 (1 invalid byte replaced)". The manifest and the library page show it as the file's encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_by_bom(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        body = data[2:]
        if b"\x00" not in body and _is_utf8(body):  # UTF-16 text of any length has NULs or fails UTF-8
            return body.decode("utf-8"), "utf-8 (after a UTF-16 byte-order mark)"
        return _decode_by_bom(data, "utf-16"), "utf-16"
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    for codec in ("utf-8", "gb18030"):  # a few bad bytes in otherwise good text: replaced, and said so
        mended = _mended(data, codec)
        if mended:
            return mended
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("not text in any known encoding (binary file?)")
    return str(best), best.encoding


MENDED_PER = 1000  # at most one bad byte sequence per this many bytes (and at least one) is mended


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_REPLACEMENT = {"utf-8": "\ufffd".encode("utf-8"), "gb18030": "\ufffd".encode("gb18030")}


def _mended(data: bytes, codec: str) -> tuple[str, str] | None:
    """The text with its few undecodable byte sequences replaced by U+FFFD, or None when there are many."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.count(_REPLACEMENT[codec])  # less any U+FFFD the file really holds
    if bad > max(1, len(data) // MENDED_PER):
        return None
    plural = "s" if bad > 1 else ""
    return text, f"{codec} ({bad} invalid byte{plural} replaced)"


def _decode_by_bom(data: bytes, codec: str) -> str:
    """A byte-order mark names the encoding: bytes that do not follow it are a broken file, not a guess."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise LoadError(
            f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} "
            f"(bad bytes at {err.start})"
        ) from None
