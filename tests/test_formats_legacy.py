""".doc and .wps replies, built here from the seed by LibreOffice itself, read through LibreOffice.

LibreOffice writes .doc but not .wps; a Kingsoft .wps is, in most archives, a Word 97 file in the same OLE2
container under another name, so the .wps here is the .doc renamed (which is what many .wps files are).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from loaders import load_bytes
from loaders.__main__ import records
from loaders.formats import legacy_word
from loaders.read import LoadError, read_bytes, sniff_format
from tests.corpus import CORPUS, load_gold, scorer
from tests.reply_files import make_docx, map_gold, seed_text

SEED_GOLD = CORPUS / "seed" / "seed_reply.gold.jsonl"
PARK_TABLE = [
    ["项目", "数量(个)", "占地面积(亩)"],
    ["已建成园区", "15", "2013.9"],
    ["在建园区", "8个", "1231.6"],
]
needs_soffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)


def docx_to_doc(docx: bytes) -> bytes:
    """The .docx saved by LibreOffice as Word 97 (.doc), as an older Word would have written it."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "reply.docx").write_bytes(docx)
        subprocess.run(
            [
                shutil.which("soffice") or "libreoffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(work),
                str(work / "reply.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return (work / "reply.doc").read_bytes()


@pytest.fixture(scope="module")
def seed_doc() -> bytes:
    return docx_to_doc(make_docx(seed_text().split("\n")))


def score(data: bytes, name: str) -> dict:
    decoded = read_bytes(data, name)
    gold = map_gold(load_gold(SEED_GOLD), seed_text(), decoded.text)
    return scorer().score(gold, records(load_bytes(data, name).figures))


def test_ole2_files_are_told_apart_by_name():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert sniff_format(ole2, "reply.doc") == "doc"
    assert sniff_format(ole2, "REPLY.WPS") == "wps"
    assert sniff_format(ole2, "reply") == "doc"  # the bytes say Word's container whatever the name
    assert sniff_format(b"{\\rtf1\\ansi hello}", "reply.doc") == "rtf"


@needs_soffice
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("name", ["reply.doc", "reply.wps"])
def test_doc_and_wps_give_the_seed_figures(seed_doc, name):
    decoded = read_bytes(seed_doc, name)
    assert decoded.format == name.rsplit(".", 1)[1]
    assert "为全市企业减负39.9亿元" in decoded.text.replace("\n", "")
    result = score(seed_doc, name)
    assert result["f1"] >= 0.95, result


@needs_soffice
def test_doc_tables_come_through_as_in_docx():
    data = docx_to_doc(make_docx(["一、园区建设情况。", "其他内容。"], table=PARK_TABLE))
    decoded = read_bytes(data, "t.doc")
    assert "已建成园区\t15\t2013.9" in decoded.text
    cell = next(c for c in decoded.cells if decoded.text[c.start : c.end] == "2013.9")
    assert (cell.row_header, cell.col_header) == ("已建成园区", "占地面积(亩)")
    figures = load_bytes(data, "t.doc").figures
    assert 2013.9 in set(figures["value"])


@needs_soffice
def test_a_damaged_doc_is_one_line():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + os.urandom(4000)
    with pytest.raises(LoadError) as err:
        read_bytes(data, "broken.doc")
    assert "\n" not in str(err.value)


@needs_soffice
@pytest.mark.skipif(not shutil.which("prlimit"), reason="util-linux's prlimit is not installed")
def test_libreoffice_runs_under_a_memory_cap(seed_doc, monkeypatch):
    """A conversion that needs more address space than the cap fails alone, as one line."""
    monkeypatch.setattr(legacy_word, "MEMORY_LIMIT_BYTES", 200 << 20)  # LibreOffice needs about 0.6 GB
    with pytest.raises(LoadError) as err:
        read_bytes(seed_doc, "reply.doc")
    assert "\n" not in str(err.value)


def test_without_libreoffice_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(legacy_word.shutil, "which", lambda name: None)
    with pytest.raises(LoadError, match="libreoffice-writer-nogui"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "reply.wps")


def test_a_hanging_conversion_is_killed_with_its_children(monkeypatch, tmp_path):
    """A file that makes LibreOffice hang: the whole process group is ended at the timeout."""
    pid_file = tmp_path / "child.pid"
    hang = tmp_path / "soffice"
    hang.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n")
    hang.chmod(0o755)
    monkeypatch.setattr(legacy_word, "soffice_command", lambda: [str(hang)])
    monkeypatch.setattr(legacy_word, "TIMEOUT_SECONDS", 1.0)
    with pytest.raises(LoadError, match="did not finish"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "hang.doc")
    assert ended(int(pid_file.read_text()))


def test_an_excel_file_named_doc_is_not_sent_to_libreoffice():
    with pytest.raises(LoadError, match="not a Word document"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"), "sheet.doc")


def ended(pid: int, within: float = 10.0) -> bool:
    """The process is gone (a killed process may linger a moment on a loaded machine before it is reaped)."""
    deadline = time.monotonic() + within
    while running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@needs_soffice
def test_rtf_is_read_through_libreoffice_too():
    text = "二是减轻企业负担。2019年为全市企业减负39.9亿元。"
    escaped = "".join(
        ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text
    )
    data = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 " + escaped + "\\par}").encode("ascii")
    figures = load_bytes(data, "reply.rtf").figures
    assert list(figures["text"]) == ["39.9亿元"]


# --- .ofd -----------------------------------------------------------------------------------------------

OFD_NS = "http://www.ofdspec.org/2016"
CHAR_MM = 3.5  # font size and advance of a wide character, in mm


def wrap(paragraph: str, width_mm: float = 160.0) -> list[str]:
    """A paragraph broken into lines at the right margin, as a typesetter would (digits are half width)."""
    lines, line, used = [], "", 0.0
    for ch in paragraph:
        advance = CHAR_MM if ord(ch) > 0x2E80 else CHAR_MM / 2
        if used + advance > width_mm:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + ch, used + advance
    return [*lines, line] if line else lines


def text_object(obj_id: int, x: float, y: float, text: str) -> str:
    """One line as OFD writers emit it: a TextObject box, the run at X/Y inside it, advances in DeltaX."""
    deltas = " ".join(str(CHAR_MM if ord(ch) > 0x2E80 else CHAR_MM / 2) for ch in text[:-1])
    body = text.replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<ofd:TextObject ID="{obj_id}" Boundary="{x} {y - 4} 170 6" Font="3" Size="{CHAR_MM}">'
        f'<ofd:TextCode X="0" Y="4" DeltaX="{deltas}">{body}</ofd:TextCode></ofd:TextObject>'
    )


def make_ofd(paragraphs: list[str], lines_per_page: int = 40, extra: dict[str, bytes] | None = None) -> bytes:
    """An OFD package with the paragraphs typeset into pages of lines; long lines split into two runs."""
    lines = [line for p in paragraphs for line in (wrap(p) or [])]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    parts = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" '
        'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}">'
        "<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
        "</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
        + "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        + "</ofd:Pages></ofd:Document>",
    }
    for number, page in enumerate(pages):
        objects, obj_id = [], 100
        for row, line in enumerate(page):
            y = 30 + row * 6.5
            cut = len(line) // 2 if len(line) > 20 else len(line)  # writers often split a line into runs
            x_cut = 25 + sum(CHAR_MM if ord(ch) > 0x2E80 else CHAR_MM / 2 for ch in line[:cut])
            for x, piece in ((25, line[:cut]), (x_cut, line[cut:])):
                if piece:
                    objects.append(text_object(obj_id, x, y, piece))
                    obj_id += 1
        objects.reverse()  # the order in the file is not the reading order
        parts[f"Doc_0/Pages/Page_{number}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    parts.update(extra or {})  # parts replaced or added by a test
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("name", ["reply.ofd", "reply.bin"])
def test_ofd_gives_the_seed_figures_page_by_page(name):
    data = make_ofd(seed_text().split("\n"))
    decoded = read_bytes(data, name)
    assert decoded.format == "ofd"
    assert len(decoded.pages) >= 2
    assert "为全市企业减负39.9亿元" in decoded.text
    result = score(data, name)
    assert result["f1"] >= 0.95, result
    figures = load_bytes(data, name).figures
    assert figures["page"].notna().all() and figures["page"].max() == len(decoded.pages)


def test_ofd_zip_bomb_is_refused(monkeypatch):
    from loaders.formats import ofd_reader

    monkeypatch.setattr(ofd_reader, "MAX_DECLARED_BYTES", 10 * 1024 * 1024)
    bomb = bytes(20 * 1024 * 1024)  # deflates to about 20 KB
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", "<x/>")
        archive.writestr("Doc_0/Res/image.png", bomb)
    with pytest.raises(LoadError, match="zip bomb"):
        read_bytes(out.getvalue(), "bomb.ofd")


def test_ofd_text_parts_are_inflated_under_a_cap(monkeypatch):
    from loaders.formats import ofd_reader

    monkeypatch.setattr(ofd_reader, "MAX_XML_BYTES", 4 * 1024 * 1024)
    padding = "<!-- " + "x" * (8 * 1024 * 1024) + " -->"
    data = make_ofd(["一、正文。为全市企业减负39.9亿元。"], extra={"Doc_0/Pages/Page_0/Content.xml": padding})
    with pytest.raises(LoadError, match="unpack to more than 4 MB"):
        read_bytes(data, "big.ofd")


def test_ofd_with_entities_is_refused_without_reading_them(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("为全市企业减负99.9亿元", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file://{secret}">]>'
        f'<ofd:OFD xmlns:ofd="{OFD_NS}"><ofd:DocBody><ofd:DocRoot>&e;</ofd:DocRoot></ofd:DocBody></ofd:OFD>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("OFD.xml", xxe)
    with pytest.raises(LoadError, match="DOCTYPE") as err:
        read_bytes(out.getvalue(), "xxe.ofd")
    assert "99.9" not in str(err.value)


def test_a_broken_ofd_is_one_line():
    for data in (make_ofd(["正文。"])[:200], b"PK\x03\x04" + bytes(100)):
        with pytest.raises(LoadError) as err:
            read_bytes(data, "broken.ofd")
        assert "\n" not in str(err.value)
