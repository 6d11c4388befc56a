"""Container formats → text: .docx (paragraphs and tables), .pdf with a text layer, saved .html pages;
.doc, .wps and .rtf through LibreOffice (converted to .docx); .ofd from its text layer;
scans (.png .jpg .tif, PDF pages without a text layer) by OCR.

`read(data, fmt)` is what `loaders.read.read_bytes` calls once it has sniffed a non-text format. Each reader
returns the whole reply as one plain text the loaders read like a .txt file, plus what the container adds:
page offsets for PDFs, table body cells with their row and column headers for .docx and .html
(`loaders.read.TableCell`). Every failure is a `LoadError` with a one-line reason, within bounded time and
memory; the libraries' own exceptions never escape.
"""

from __future__ import annotations

from loaders.decoding import Decoded, LoadError

__all__ = ["read"]


def read(data: bytes, fmt: str) -> Decoded:
    if fmt in ("pdf", "png", "jpg", "tiff"):  # may need OCR, seconds a page: the last few results are kept
        from loaders.formats.scan_reader import remembered

        return remembered(data, lambda: _read(data, fmt))
    return _read(data, fmt)


def _read(data: bytes, fmt: str) -> Decoded:
    if fmt == "docx":
        from loaders.formats.docx_reader import read_docx

        return read_docx(data)
    if fmt == "pdf":
        from loaders.formats.pdf_reader import read_pdf

        return read_pdf(data)
    if fmt == "html":
        from loaders.formats.html_reader import read_html

        return read_html(data)
    if fmt == "ofd":
        from loaders.formats.ofd_reader import read_ofd

        return read_ofd(data)
    if fmt in ("png", "jpg", "tiff"):
        from loaders.formats.scan_reader import read_image

        return read_image(data, fmt)
    if fmt in ("doc", "wps", "rtf"):
        from loaders.formats.legacy_word import read_legacy_word

        return read_legacy_word(data, fmt)
    raise LoadError(f"unsupported format: {fmt}")
