""".ofd (GB/T 33190, the national fixed-layout format) → text from its text layer, page by page.

An OFD package is a zip of XML: OFD.xml names each document's root (DocBody/DocRoot → Document.xml), which
lists its pages (Pages/Page BaseLoc → Content.xml); a page's layers hold TextObjects (a Boundary box, a font
Size) with TextCode runs placed at X/Y inside the box and spaced by DeltaX. Runs are grouped into lines by
their Y and ordered by X, then the lines are joined as PDF lines are (`pdf_reader.join_pages`: a line
running to the right margin without ending a sentence continues on the next), so "39." at a line end and
"9亿元" at the next start are one number.

Read by this small reader rather than a PyPI package: the maintained ones render or convert (pulling in
PDF and imaging stacks), none caps what a hostile package unpacks to or turns off XML entities, and the
text layer is all the loaders need. Only the XML parts on the path OFD.xml → Document.xml → Content.xml are
inflated, each in 1 MB steps under a cap; fonts, images and signatures are never read. XML is parsed with
entities unresolved, no DTD, no network; a DOCTYPE (which OFD never has) is refused outright.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib

from loaders.decoding import Decoded, LoadError, first_line
from loaders.formats.page_text import join_pages
from loaders.formats.pdf_reader import MAX_PAGES, normalize_radicals
from loaders.formats.text_build import clean_line
from loaders.formats.zip_parts import check_sizes, open_zip

MAX_ENTRIES = 20000
MAX_DECLARED_BYTES = 500 * 1024 * 1024  # what the headers say the whole package unpacks to
MAX_XML_BYTES = 50 * 1024 * 1024  # what is actually inflated: the XML parts read, all together
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def read_ofd(data: bytes) -> Decoded:
    package = _Package(data)
    root = package.xml("OFD.xml")
    doc_roots = [el.text.strip() for el in root.iter("{*}DocRoot") if el.text and el.text.strip()]
    if not doc_roots:
        raise LoadError("broken .ofd: OFD.xml names no document (DocBody/DocRoot)")
    pages = []
    for doc_root in doc_roots:
        document_path = _resolve("", doc_root)
        document = package.xml(document_path)
        for page in document.iter("{*}Page"):
            location = page.get("BaseLoc")
            if not location:
                continue
            if len(pages) >= MAX_PAGES:
                raise LoadError(f"refused: the .ofd has more than {MAX_PAGES} pages (limit {MAX_PAGES})")
            content = package.xml(_resolve(posixpath.dirname(document_path), location))
            pages.append(page_lines(content))
    text, offsets, cells = join_pages(pages)
    if sum(not ch.isspace() for ch in text) < 20:
        raise LoadError("the .ofd has no text layer (a scan or images?)")
    return Decoded(text=text, encoding="ofd", format="ofd", pages=offsets, cells=cells)


def page_lines(content) -> list[tuple[str, float, float]]:
    """The page's text as lines (text, right edge, font size), top to bottom."""
    runs = []  # (y, x, x_end, size, text)
    for obj in content.iter("{*}TextObject"):
        box = [*_numbers(obj.get("Boundary", "0 0 0 0")), 0.0, 0.0]
        size = (_numbers(obj.get("Size", "")) or [3.5])[0]
        x, y = 0.0, 0.0
        for code in obj.iter("{*}TextCode"):
            text = normalize_radicals(code.text or "")
            if not text:
                continue
            x = _first(code.get("X"), x)
            y = _first(code.get("Y"), y)
            advance = sum(_deltas(code.get("DeltaX", ""), len(text) - 1)) or (len(text) - 1) * size
            last_width = size if ord(text[-1]) > 0x2E80 else size / 2
            runs.append((box[1] + y, box[0] + x, box[0] + x + advance + last_width, size, text))
    lines: list[tuple[str, float, float]] = []
    current: list = []
    for run in sorted(runs, key=lambda r: (r[0], r[1])):
        if current and abs(run[0] - current[0][0]) > 0.5 * max(run[3], current[0][3]):
            lines.append(_line(current))
            current = []
        current.append(run)
    if current:
        lines.append(_line(current))
    return [line for line in lines if line[0]]


def _line(runs: list) -> tuple[str, float, float]:
    runs = sorted(runs, key=lambda r: r[1])
    parts, end = [], None
    for _, x, x_end, size, text in runs:
        if end is not None and x - end > 0.8 * size:
            parts.append(" ")  # a visible gap: words apart (clean_line drops it between ideographs)
        parts.append(text)
        end = x_end
    return clean_line("".join(parts)), max(r[2] for r in runs), max(r[3] for r in runs)


def _deltas(spec: str, n: int) -> list[float]:
    """DeltaX as a list of n advances: plain numbers, or 'g COUNT VALUE' for a value repeated."""
    tokens, out, i = spec.split(), [], 0
    while i < len(tokens) and len(out) < n:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(_first(tokens[i + 1], 0))
            out.extend([_first(tokens[i + 2], 0.0)] * max(0, min(count, n - len(out))))
            i += 3
        else:
            out.append(_first(tokens[i], 0.0))
            i += 1
    return out + [out[-1] if out else 0.0] * (n - len(out))


def _numbers(spec: str) -> list[float]:
    return [float(v) for v in _NUMBER.findall(spec or "")]


def _first(spec: str | None, default: float) -> float:
    values = _numbers(spec or "")
    return values[0] if values else default


def _resolve(base: str, location: str) -> str:
    """A path inside the package: absolute ("/Doc_0/…") from the root, else relative to `base`."""
    location = location.strip().replace("\\", "/")
    path = location.lstrip("/") if location.startswith("/") else posixpath.join(base, location)
    return posixpath.normpath(path).lstrip("/")


class _Package:
    """The zip, checked once; XML parts inflated on demand in bounded steps."""

    def __init__(self, data: bytes) -> None:
        self.archive, entries = open_zip(data, ".ofd")
        check_sizes(entries, ".ofd", MAX_ENTRIES, MAX_DECLARED_BYTES)
        self.names = {e.filename.lstrip("/").lower(): e for e in entries}
        self.budget = MAX_XML_BYTES

    def xml(self, name: str):
        from lxml import etree

        body = self._inflate(name)
        if b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper():
            raise LoadError(f"refused: {name[:60]} in the .ofd declares a DOCTYPE or entities")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
        )
        try:
            return etree.fromstring(body, parser)
        except etree.XMLSyntaxError as err:
            raise LoadError(f"broken .ofd: {name[:60]} is not well-formed XML ({first_line(err)})") from None

    def _inflate(self, name: str) -> bytes:
        entry = self.names.get(name.lower())
        if entry is None:
            raise LoadError(f"broken .ofd: the package has no {name[:60]}")
        chunks = []
        try:
            with self.archive.open(entry) as part:
                while chunk := part.read(1024 * 1024):
                    self.budget -= len(chunk)
                    if self.budget < 0:
                        raise LoadError(
                            f"refused: the .ofd's text parts unpack to more than {MAX_XML_BYTES >> 20} MB "
                            "(a zip bomb?)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as err:
            raise LoadError(f"broken .ofd: part {name[:60]} does not unpack ({first_line(err)})") from None
        return b"".join(chunks)
