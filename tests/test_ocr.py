"""Scans read by OCR: page images rendered here from the seed (200 dpi, turned, noisy, a red seal), as a
photographed .jpg and inside a PDF beside a page with a text layer; the limits on hostile scans; 请核对.
The two tests that run the engine take 20–40 s each on two shared cores (marked slow).

The engine runs with the network blocked: its models ship inside the wheel, nothing is downloaded.
"""

from __future__ import annotations

import io
import socket

import pandas as pd
import pytest

from loaders import load_bytes
from loaders.__main__ import records
from loaders.decoding import Decoded, LoadError, OcrSpan
from loaders.formats import ocr_engines, scan_reader
from loaders.formats.ocr_engines import PROGRESS, OcrLine
from loaders.formats.scan_reader import page_rows, text_of_pages
from loaders.read import read_bytes, sniff_format
from loaders.tables import extract_decoded, tables_from_records
from tests.corpus import CORPUS, load_gold
from tests.reply_files import NOTO_CJK, cjk_ttf, seed_text
from tests.scan_images import image_pdf, jpeg_bytes, layout, render_pages, value_f1

SEED_GOLD = CORPUS / "seed" / "seed_reply.gold.jsonl"
needs_ocr = pytest.mark.skipif(
    not (NOTO_CJK.exists() and ocr_engines.engine_version() != "no-ocr"),
    reason="needs fonts-noto-cjk and rapidocr-onnxruntime",
)
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def one_page_of_figures() -> tuple[list[str], int, int]:
    """The seed's paragraphs from its second section (parks: a dozen figures) that fit one scanned page,
    and where they start and end in the seed text."""
    text = seed_text()
    paragraphs = text.split("\n")
    first = next(i for i, p in enumerate(paragraphs) if p.startswith("二、"))
    n = 1
    while first + n < len(paragraphs):
        _, lines, per_page = layout(paragraphs[first : first + n + 1])
        if len(lines) > per_page:
            break
        n += 1
    start = len("\n".join(paragraphs[:first])) + 1
    return paragraphs[first : first + n], start, start + len("\n".join(paragraphs[first : first + n]))


@pytest.fixture(scope="module")
def seed_page():
    paragraphs, start, end = one_page_of_figures()
    gold = (
        [g for g in load_gold(SEED_GOLD) if start <= g["start"] and g["end"] <= end]
        if CORPUS.exists()
        else []
    )
    assert sum(not g.get("optional") and not g.get("negative") for g in gold) >= 8
    return render_pages(paragraphs)[0], gold


@pytest.mark.slow
@needs_ocr
@needs_corpus
def test_a_photographed_page_gives_the_seed_figures_with_page_and_confidence(seed_page, no_network):
    """A scanned page (200 dpi, turned, noisy, a seal) photographed: fewer pixels, saved as JPEG."""
    image, gold = seed_page
    photo = jpeg_bytes(image.resize((image.width * 3 // 4, image.height * 3 // 4)), quality=70)
    done = []
    token = PROGRESS.set(lambda page, total: done.append((page, total)))
    try:
        tables = load_bytes(photo, "photo.jpg")
    finally:
        PROGRESS.reset(token)
    assert done == [(1, 1)]
    figures = tables.figures
    assert tables.documents["format"].iloc[0] == "jpg"
    score = value_f1(gold, records(figures))
    assert score["f1"] >= 0.90, score
    assert (figures["page"] == 1).all()
    assert figures["ocr_confidence"].between(0, 1).all()
    assert "2013.9亩" in set(figures["text"])


@pytest.mark.slow
@needs_ocr
def test_a_mixed_pdf_reads_its_text_layer_and_ocrs_its_scanned_page(tmp_path):
    text_page = ["一、减轻企业负担", "2019年,我市累计为全市企业减负39.9亿元。"]
    scanned = ["二、园区建设", "全市已建成小微企业园15个,占地面积2013.9亩。"]
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", fname=str(cjk_ttf("".join(text_page), tmp_path)))
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    for paragraph in text_page:
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(render_pages(scanned)[0], x=0, y=0, w=210, h=297)
    data = bytes(pdf.output())
    decoded = read_bytes(data, "mixed.pdf")
    assert decoded.encoding == "pdf+ocr" and len(decoded.pages) == 2
    assert all(span.page == 2 for span in decoded.ocr)
    figures = load_bytes(data, "mixed.pdf").figures.set_index("text")
    assert figures.loc["39.9亿元", "page"] == 1 and pd.isna(figures.loc["39.9亿元", "ocr_confidence"])
    assert figures.loc["2013.9亩", "page"] == 2 and figures.loc["2013.9亩", "ocr_confidence"] > 0.5


def test_rows_are_put_together_and_a_number_split_at_the_margin_is_one_number():
    """Pieces of a row left to right; a row reaching the margin continues; the footer is dropped."""
    conf = 0.99
    lines = [
        OcrLine("我市累计为全市企业减负39.", (200, 100, 1400, 140), (conf,) * 15),
        OcrLine("9亿元。", (200, 160, 330, 200), (conf, 0.42, conf, conf, conf)),
        OcrLine("本年度", (200, 220, 300, 260), (conf,) * 3),
        OcrLine("其中", (320, 222, 400, 258), (conf,) * 2),  # the same row, written after it
        OcrLine("- 1 -", (700, 2200, 760, 2240), (conf,) * 5),
    ]
    rows = page_rows(list(reversed(lines)))
    assert [row.text for row in rows] == ["我市累计为全市企业减负39.", "9亿元。", "本年度其中"]
    text, offsets, _, spans = text_of_pages([[(r.text, r.box[2], r.box[3] - r.box[1]) for r in rows]], [rows])
    assert text.startswith("我市累计为全市企业减负39.9亿元。\n本年度其中")
    decoded = Decoded(text, "ocr", "png", pages=offsets, ocr=spans)
    figure = tables_from_records([extract_decoded(decoded, "x.png")]).figures.iloc[0]
    assert figure["text"] == "39.9亿元" and figure["page"] == 1
    assert figure["ocr_confidence"] == pytest.approx(0.42) and bool(figure["needs_check"])


def test_text_files_have_no_ocr_confidence():
    figures = load_bytes("为全市企业减负39.9亿元。".encode(), "a.txt").figures
    assert figures["ocr_confidence"].isna().all() and not figures["needs_check"].any()


def test_a_confident_figure_is_not_marked():
    text = "为全市企业减负39.9亿元。"
    span = OcrSpan(1, 0, len(text), (0, 0, 10, 10), (0.99,) * len(text))
    decoded = Decoded(text, "ocr", "png", pages=[(1, 0, len(text))], ocr=[span])
    figure = tables_from_records([extract_decoded(decoded, "x.png")]).figures.iloc[0]
    assert figure["ocr_confidence"] == pytest.approx(0.99) and not bool(figure["needs_check"])


# --- hostile scans: refused from their headers or page counts, before any OCR ----------------------


@pytest.fixture
def no_engine(monkeypatch):
    def engine():
        raise AssertionError("the OCR engine was started")

    monkeypatch.setattr(ocr_engines, "default_engine", engine)
    monkeypatch.setattr(scan_reader, "default_engine", engine)


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims the size; its pixels never come (a decoder would need width×height×3)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(1000)))


@pytest.mark.parametrize("size", [(30000, 30000), (12000, 9000)])
def test_a_huge_image_is_refused_from_its_header(size, no_engine):
    with pytest.raises(LoadError, match="refused: the image") as err:
        read_bytes(png_header(*size), "huge.png")
    assert "\n" not in str(err.value)


def test_a_thousand_page_tiff_is_refused_before_ocr(no_engine):
    from PIL import Image

    frames = [Image.new("1", (8, 8)) for _ in range(1000)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(LoadError, match="1000 pages"):
        read_bytes(out.getvalue(), "scan.tif")


def test_a_long_scanned_pdf_is_refused_before_ocr(no_engine):
    from PIL import Image

    pages = [Image.new("RGB", (80, 110), "white") for _ in range(scan_reader.MAX_OCR_PAGES + 1)]
    with pytest.raises(LoadError, match="need OCR"):
        read_bytes(image_pdf(pages, dpi=10), "scan.pdf")


def test_image_formats_are_sniffed_from_their_bytes():
    assert sniff_format(b"\x89PNG\r\n\x1a\n" + bytes(20), "x.txt") == "png"
    assert sniff_format(b"\xff\xd8\xff\xe0" + bytes(20), "x") == "jpg"
    assert sniff_format(b"II*\x00" + bytes(20), "x.tif") == "tiff"
    assert sniff_format(b"MM\x00*" + bytes(20), "x.tiff") == "tiff"


def test_a_broken_image_is_one_line(no_engine):
    with pytest.raises(LoadError, match="broken image") as err:
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40), "broken.png")
    assert "\n" not in str(err.value)


def test_a_figure_to_check_says_so_wherever_it_is_shown():
    from board.formatting import format_figure

    row = {"base_value": 3.99e9, "base_unit": "CNY", "qualifier": "exact", "unit": "亿元", "text": "39.9亿元"}
    assert format_figure(row) == "39.9亿元"
    assert format_figure({**row, "needs_check": True}) == "39.9亿元（请核对）"
    assert format_figure({**row, "needs_check": False}) == "39.9亿元"


def test_cli_progress_goes_to_stderr_page_by_page(monkeypatch, capsys):
    """The CLIs set REPLY_OCR_PROGRESS, which worker processes inherit: each OCR page is one stderr line."""
    from loaders.formats.ocr_engines import PROGRESS_ENV, report_progress

    monkeypatch.setenv(PROGRESS_ENV, "1")
    report_progress(2, 5)
    assert capsys.readouterr().err == "  OCR page 2/5\n"
    monkeypatch.delenv(PROGRESS_ENV)
    report_progress(3, 5)
    assert capsys.readouterr().err == ""


class CountingEngine:
    """Stands in for the OCR engine: one fixed line per page, counting the pages it is asked to read."""

    version = "stub"

    def __init__(self) -> None:
        self.pages = 0

    def read(self, image) -> list[OcrLine]:
        self.pages += 1
        text = "2019年,我市累计为全市企业减负39.9亿元。"
        return [OcrLine(text, (10, 10, 900, 50), (0.97,) * len(text))]


def test_a_scan_opened_again_is_not_read_again(monkeypatch):
    from PIL import Image

    engine = CountingEngine()
    monkeypatch.setattr(scan_reader, "default_engine", lambda: engine)
    monkeypatch.setattr(scan_reader, "_REMEMBERED", type(scan_reader._REMEMBERED)())
    out = io.BytesIO()
    Image.new("RGB", (120, 160), "white").save(out, format="PNG")
    first = read_bytes(out.getvalue(), "a.png")
    again = read_bytes(out.getvalue(), "copy.png")
    assert engine.pages == 1 and again.text == first.text
    assert "39.9亿元" in first.text and first.ocr[0].page == 1


def test_the_figure_box_is_drawn_on_the_page_it_was_read_from(monkeypatch, tmp_path):
    from PIL import Image

    from board import scan_view

    engine = CountingEngine()
    monkeypatch.setattr(scan_reader, "default_engine", lambda: engine)
    path = tmp_path / "scan.png"
    Image.new("RGB", (1000, 200), "white").save(path)
    decoded = read_bytes(path.read_bytes(), "scan.png")
    start = decoded.text.index("39.9亿元")
    page, box = scan_view.figure_box(decoded, start, start + len("39.9亿元"))
    assert page == 1 and box == (10, 10, 900, 50)  # the stub gives one box for its whole line
    assert scan_view.figure_box(decoded, len(decoded.text) + 5, len(decoded.text) + 9) is None
    marked = scan_view.with_box(scan_view.page_image(str(path), page), box)
    assert marked.size == (1000, 200) and marked.getpixel((box[0] - 10, 30)) != (255, 255, 255)
    assert scan_view.is_scan({"format": "png"}) and scan_view.is_scan(
        {"format": "pdf", "encoding": "pdf+ocr"}
    )
    assert not scan_view.is_scan({"format": "pdf", "encoding": "pdf"})
