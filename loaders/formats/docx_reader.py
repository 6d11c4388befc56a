""".docx → text: paragraphs and tables in document order, read with python-docx.

The zip is checked before python-docx sees it: a .docx is a zip archive, and a small hostile one can claim to
unpack to gigabytes. The declared sizes are bounded first; then each part is inflated once in 1 MB steps, because
headers can understate a size and zipfile's read() inflates a whole member in one call before cutting it to
the declared length (a 50 MB upload could inflate to 50 GB). A part longer than declared fails its CRC check.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib

from loaders.decoding import Decoded, LoadError, check_text_budget, first_line
from loaders.formats.docx_numbering import ListNumbering
from loaders.formats.text_build import TextBuilder
from loaders.formats.zip_parts import check_sizes, open_zip

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a reply with a few pictures unpacks to a few MB
MAX_ENTRIES = 5000
# tags in the body's XML: a long reply has tens of thousands; python-docx spends ~10 µs per tag in Python
MAX_BODY_TAGS = 2_000_000
_OTHER_OFFICE = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint file"}


def read_docx(data: bytes) -> Decoded:
    _check_archive(data)
    import docx  # python-docx; imported here so plain-text replies never pay for it

    try:
        document = docx.Document(io.BytesIO(data))
        numbering = ListNumbering.of(document)
        builder = TextBuilder()
        for block in document.iter_inner_content():
            if isinstance(block, docx.table.Table):
                builder.add_table(_table_grid(block, numbering))
            else:
                for line in _numbered_text(block, numbering).split("\n"):
                    builder.add_line(line)
    except LoadError:
        raise
    except Exception as err:  # python-docx raises many kinds on a damaged package; one line is enough
        raise LoadError(f"broken .docx ({type(err).__name__}: {first_line(err)})") from None
    text = builder.text()
    if not text.strip():
        raise LoadError("the .docx holds no text")
    return Decoded(text=text, encoding="xml", format="docx", cells=builder.cells)


def _check_archive(data: bytes) -> None:
    archive, entries = open_zip(data, ".docx")
    names = {e.filename for e in entries}
    if "word/document.xml" not in names:
        kind = next((what for part, what in _OTHER_OFFICE.items() if part in names), "a zip archive")
        raise LoadError(f"{kind}, not a .docx (no word/document.xml)")
    check_sizes(entries, ".docx", MAX_ENTRIES, MAX_UNPACKED_BYTES)
    for entry in entries:
        _check_part(archive, entry)


def _check_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Inflate one part in bounded steps: it must unpack to exactly the size its headers state. The body's
    text is counted on the way, so a document over the text budget is refused before it is parsed."""
    text = _TextCount() if entry.filename == "word/document.xml" else None
    try:
        with archive.open(entry) as part:
            while chunk := part.read(1024 * 1024):
                if text is not None:
                    text.add(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as err:
        raise LoadError(
            f"broken .docx: part {entry.filename[:60]} does not unpack as its header says ({first_line(err)})"
        ) from None


class _TextCount:
    """Characters of text between the tags of streamed XML (roughly: entities count as written), and its
    tags, checked against the loaders' text budget and MAX_BODY_TAGS after every chunk."""

    _TAG = re.compile(r"<[^>]*>")

    def __init__(self) -> None:
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.carry = ""  # a tag cut by the chunk's end
        self.n = 0
        self.tags = 0

    def add(self, chunk: bytes) -> None:
        piece = self.carry + self.decoder.decode(chunk)
        cut = piece.rfind("<")
        if cut >= 0 and piece.find(">", cut) < 0 and len(piece) - cut < 65536:  # a tag, not a stray "<"
            piece, self.carry = piece[:cut], piece[cut:]
        else:
            self.carry = ""
        self.n += len("".join(self._TAG.sub("", piece).split()))
        self.tags += piece.count("<")
        check_text_budget(self.n)
        if self.tags > MAX_BODY_TAGS:
            raise LoadError(
                f"refused: the .docx body has more than {MAX_BODY_TAGS:,} XML tags (a long reply has tens of thousands)"
            )


def _numbered_text(paragraph, numbering: ListNumbering) -> str:
    """The paragraph's text with its list number in front; an empty list item counts but shows nothing."""
    label = numbering.label(paragraph)  # called for every paragraph: numbered ones advance their list
    text = paragraph.text
    return label + text if text.strip() else text


def _table_grid(table, numbering: ListNumbering) -> list[list[str | None]]:
    """The table as a grid of texts; None where a merged cell continues (right of or below its start)."""
    grid: list[list[str | None]] = []
    above: list = []
    for row in table.rows:
        out: list[str | None] = []
        seen: list = []
        for c, cell in enumerate(row.cells):
            element = cell._tc  # merged cells come back as the same element at every grid position
            merged_left = bool(seen) and seen[-1] is element
            merged_above = c < len(above) and above[c] is element
            out.append(None if merged_left or merged_above else _cell_text(cell, numbering))
            seen.append(element)
        grid.append(out)
        above = seen
    return grid


def _cell_text(cell, numbering: ListNumbering) -> str:
    text = " ".join(_numbered_text(p, numbering) for p in cell.paragraphs)
    for inner in cell.tables:  # a table inside a cell: its text, flattened
        text += " " + " ".join(c.text for row in inner.rows for c in row.cells)
    return text
