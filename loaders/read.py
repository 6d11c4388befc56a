"""File → text: decode the bytes of a reply, whatever encoding or format it came in.

Offsets everywhere refer to the text returned here, so nothing downstream may change its length.
Text files are decoded from their bytes (BOM, then strict UTF-8, then GB18030, then charset-normalizer's
guess), never from their name. Other formats (.docx .pdf .html) are read by `loaders.formats`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused: no reply is this long


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
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, gb18030, …, or the container format's own (docx: "xml")
    format: str  # txt docx pdf html
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (page, start, end) for PDFs
    cells: list[TableCell] = field(default_factory=list)  # table body cells (docx, html); see TableCell


def sniff_format(data: bytes, name: str) -> str:
    """Format from the bytes first, the name second."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    suffix = Path(name).suffix.lower()
    return {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix, "txt")


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


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def looks_binary(text: str) -> bool:
    """Control characters other than tab/newline in more than 1% of the text mark a binary file."""
    sample = text[:20000]
    bad = len(CONTROL.findall(sample))
    return bad > max(1, len(sample) // 100)


def read_bytes(data: bytes, name: str) -> Decoded:
    """Decode one file's bytes. Raises LoadError with a one-line reason."""
    if not data:
        raise LoadError("empty file")
    if len(data) > MAX_BYTES:
        raise LoadError(
            f"file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
        )
    fmt = sniff_format(data, name)
    if fmt != "txt":
        from loaders import formats

        return formats.read(data, fmt)
    text, encoding = decode_text(data)
    if (b"\x00" in data[:4096] and encoding != "utf-16") or looks_binary(text):
        raise LoadError("binary file, not text")
    if not text.strip():
        raise LoadError("no text in file")
    return Decoded(text=text, encoding=encoding, format="txt")


def read_path(path: str | Path) -> Decoded:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(
                f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    return read_bytes(data, path.name)
