"""Hostile files are refused (or read) within bounded time and memory, with one clear line saying why.

What the tests bound is memory, Python's own allocations (tracemalloc), where zipfile and the readers keep
what they unpack: a refusal that parses the whole thing first shows there. Time is not asserted (a loaded
machine fails a timed assertion whose logic is right); benchmarks/hostile.py prints the seconds.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile

import pytest

import library
from loaders import LoadError
from loaders.formats.docx_reader import MAX_ENTRIES, MAX_UNPACKED_BYTES
from loaders.formats.pdf_reader import MAX_PAGES
from loaders.read import MAX_BYTES, read_bytes, read_path
from tests.reply_files import make_docx, seed_text

MB = 1024 * 1024


def refused(data: bytes, name: str, megabytes: int = 64) -> str:
    """The one-line reason read_bytes gives, checked to come within the memory bound."""
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as caught:
            read_bytes(data, name)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message, message
    assert peak < megabytes * MB, f"{name}: {peak / MB:.0f} MB allocated"
    return message


def docx_with(parts: dict[str, bytes]) -> bytes:
    """The seed's .docx with some parts replaced or added."""
    base = zipfile.ZipFile(io.BytesIO(make_docx(seed_text().splitlines()[8:14])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            archive.writestr(info.filename, parts.pop(info.filename, None) or base.read(info.filename))
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def lying_sizes(data: bytes, member: str, declared: int) -> bytes:
    """A zip whose headers understate one member's unpacked size (a bomb that hides from a size check)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    patched = bytearray(data)
    patched[info.header_offset + 22 : info.header_offset + 26] = declared.to_bytes(
        4, "little"
    )  # local header
    for match in re.finditer(rb"PK\x01\x02", data):  # its central directory record
        start = match.start()
        length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + length] == member.encode():
            patched[start + 24 : start + 28] = declared.to_bytes(4, "little")
    return bytes(patched)


# --- zip bombs disguised as .docx -------------------------------------------------------------------------


def test_a_docx_declaring_gigabytes_is_refused_before_unpacking():
    big = b"\0" * (MAX_UNPACKED_BYTES + MB)  # 101 MB of zeros deflate to ~100 KB
    message = refused(docx_with({"word/media/image1.png": big}), "报告.docx")
    assert "zip bomb" in message and "limit 100 MB" in message


def test_a_docx_whose_headers_hide_its_size_fails_its_check_without_unpacking_it():
    bomb = docx_with({"word/document.xml": b"<w:document/>" + b" " * (60 * MB)})
    message = refused(lying_sizes(bomb, "word/document.xml", 2000), "答复.docx")
    assert message.startswith("broken .docx")


def test_a_docx_of_thousands_of_parts_is_refused():
    parts = {f"word/media/p{i}.xml": b"<x/>" for i in range(MAX_ENTRIES + 1)}
    message = refused(docx_with(parts), "many.docx")
    assert "parts" in message and f"(limit {MAX_ENTRIES})" in message


def test_an_entity_expansion_bomb_in_the_document_xml_is_refused():
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert refused(docx_with({"word/document.xml": xml.encode()}), "laughs.docx").startswith("broken .docx")


# --- PDFs with thousands of pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thousands_of_pages() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=8)
    for i in range(2000):
        pdf.add_page()
        pdf.cell(0, 5, f"section {i}: 15 parks")
    return bytes(pdf.output())


def test_a_pdf_of_thousands_of_pages_is_refused_before_any_page_is_read(thousands_of_pages):
    assert "2000 pages (limit 300)" in refused(thousands_of_pages, "答复.pdf")


def test_a_pdf_whose_page_count_lies_is_refused_after_the_limit(thousands_of_pages, monkeypatch):
    from loaders.formats import pdf_reader

    lying = thousands_of_pages.replace(b"/Count 2000", b"/Count 1   ")  # same length: offsets hold
    assert lying != thousands_of_pages
    read_pages = []
    original = pdf_reader._page_lines
    monkeypatch.setattr(pdf_reader, "_page_lines", lambda page: read_pages.append(page) or original(page))
    assert f"more than {MAX_PAGES} pages" in refused(lying, "答复.pdf")
    assert read_pages == []  # refused from the page tree, before any page's text was extracted


# --- very large text files --------------------------------------------------------------------------------


def test_a_200_mb_text_file_is_refused_from_its_size_without_reading_it(tmp_path):
    huge = tmp_path / "答复.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * MB)  # sparse: no disk used, but stat() says 200 MB
    tracemalloc.start()
    with pytest.raises(LoadError, match=r"file too large \(200 MB; the limit is 50 MB\)"):
        read_path(huge)
    assert tracemalloc.get_traced_memory()[1] < MB
    tracemalloc.stop()
    lib = tmp_path / "lib"
    lib.mkdir()
    [result] = library.add_files([huge], folder=lib)
    assert (result.status, result.reason) == ("failed", "file too large (200 MB; the limit is 50 MB)")
    assert library.open_library(lib).entries == []


def test_bytes_over_the_limit_are_refused_before_decoding():
    message = refused(b"\xe5\x9b\xad" * (MAX_BYTES // 3 + 1), "big.txt", megabytes=1)
    assert message.startswith("file too large")


def test_uploads_over_the_stated_limits_are_refused_with_a_reason(tmp_path, monkeypatch):
    from board import actions, roles

    monkeypatch.setattr(
        roles, "is_editor", lambda: True
    )  # an editor's session (tests/test_roles.py signs in)

    big = b"x" * (actions.MAX_UPLOAD_MB * MB + 1)
    [outcome] = actions.add_uploaded([("big.txt", big)], tmp_path)
    assert f"{actions.MAX_UPLOAD_MB} MB" in outcome.detail
    many = [(f"r{i}.txt", b"x") for i in range(actions.MAX_UPLOAD_FILES + 1)]
    assert all(str(actions.MAX_UPLOAD_FILES) in o.detail for o in actions.add_uploaded(many, tmp_path))
    assert not list(tmp_path.glob("*.txt"))
