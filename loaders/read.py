"""File → text: decode the bytes of a reply, whatever encoding or format it came in.

Offsets everywhere refer to the text returned here, so nothing downstream may change its length.
Text files are decoded from their bytes (BOM, then strict UTF-8, then GB18030, then charset-normalizer's
guess), never from their name. Other formats (.docx .pdf .html) are read by `loaders.formats`.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from loaders import formats
from loaders.decoding import MAX_TEXT_CHARS, Decoded, LoadError, TableCell, check_text_budget, decode_text

__all__ = ["MAX_TEXT_CHARS", "Decoded", "LoadError", "TableCell", "decode_text", "read_bytes", "read_path"]

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused: no reply is this long


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file header of .doc, .wps (and .xls, .ppt)


IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}


def sniff_format(data: bytes, name: str) -> str:
    """Format from the bytes first, the name second."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF"):
        return "pdf"
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04"):  # a zip: .docx, or an OFD package (its root part is OFD.xml)
        is_ofd = suffix == ".ofd" or (b"OFD.xml" in data and b"word/document.xml" not in data)
        return "ofd" if is_ofd else "docx"
    if data.startswith(OLE2):  # Word 97–2003 and Kingsoft WPS share the container: the name tells them apart
        return "wps" if suffix == ".wps" else "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    for magic, image_format in IMAGE_MAGIC.items():
        if data.startswith(magic):
            return image_format
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    return {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix, "txt")


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r
# what no reply means and spreadsheets refuse (openpyxl: \x00-\x08 \x0b \x0c \x0e-\x1f), and DEL
STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
        decoded = _read_container(data, fmt)
    else:
        text, encoding = decode_text(data)
        if (b"\x00" in data[:4096] and encoding != "utf-16") or looks_binary(text):
            raise LoadError("binary file, not text")
        if not text.strip():
            raise LoadError("no text in file")
        decoded = Decoded(text=text, encoding=encoding, format="txt")
    check_text_budget(len(decoded.text))
    if STRAY_CONTROL.search(decoded.text):  # a space each: same length, so every offset still holds
        decoded = replace(decoded, text=STRAY_CONTROL.sub(" ", decoded.text))
    return decoded


def _read_container(data: bytes, fmt: str) -> Decoded:
    """A format reader's text; whatever goes wrong inside one (a library's own exception, a recursion or
    memory limit) is a LoadError naming the format, so one bad file never stops a batch."""
    try:
        return formats.read(data, fmt)
    except LoadError:
        raise
    except (Exception, RecursionError, MemoryError) as err:
        raise LoadError(f"unreadable .{fmt} ({type(err).__name__})") from None


def file_bytes(path: str | Path) -> bytes:
    """A reply file's bytes under the size limit; LoadError with the reason otherwise."""
    try:  # os and open, not Path: a third of reading a short reply went to pathlib's own work
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise LoadError(
                f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
            )
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None


def read_path(path: str | Path) -> Decoded:
    return read_bytes(file_bytes(path), os.path.basename(path))
