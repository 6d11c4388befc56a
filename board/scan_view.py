"""A scanned reply's page image with a figure's box drawn where OCR read it, beside the text.

The official checks a number against the paper in one look. The boxes come from the OCR spans of the
decoded reply (`Decoded.ocr`: a box per character, in pixels of the page image as it was read), so the
page is rendered here exactly as the reader rendered it for OCR.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from loaders.decoding import Decoded

SCAN_FORMATS = {"png", "jpg", "tiff"}


def is_scan(document: dict) -> bool:
    return document.get("format") in SCAN_FORMATS or str(document.get("encoding") or "").startswith("pdf+ocr")


def figure_box(decoded: Decoded, start: int, end: int) -> tuple[int, tuple[int, int, int, int]] | None:
    """The page and the box (x0, y0, x1, y1) covering the characters text[start:end] were read from."""
    boxes, page = [], None
    for span in decoded.ocr:
        if span.start < end and start < span.end:
            page = span.page
            chars = span.char_boxes or (span.box,) * (span.end - span.start)
            boxes += chars[max(0, start - span.start) : end - span.start]
    if not boxes or page is None:
        return None
    return page, (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def page_image(path: str, page: int):
    """The page as OCR saw it: an image file's frame, or a PDF page rendered at the reader's resolution."""
    from loaders.formats.scan_reader import OCR_LONG_SIDE, fit_for_ocr, image_pages

    data = Path(path).read_bytes()
    if not data.startswith(b"%PDF"):
        frames, _ = image_pages(data)
        for number, image in enumerate(frames, start=1):
            if number == page:
                return image
        return None
    import pdfplumber

    with pdfplumber.open(path, pages=[page]) as pdf:
        found = pdf.pages[0]
        dpi = min(200.0, OCR_LONG_SIDE * 72.0 / max(float(found.width), float(found.height), 1.0))
        return fit_for_ocr(found.to_image(resolution=dpi).original.convert("RGB"))


def with_box(image, box: tuple[int, int, int, int]):
    """The page with the figure's box drawn in blue (red is the seal's colour) and a margin around it."""
    from PIL import ImageDraw

    marked = image.copy()
    pad = max(4, (box[3] - box[1]) // 4)
    ImageDraw.Draw(marked).rectangle(
        (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad), outline=(0, 90, 220), width=max(3, pad // 2)
    )
    return marked


@st.cache_data(max_entries=16, show_spinner=False)
def _marked_page(path: str, page: int, box: tuple[int, int, int, int], stamp: str):
    image = page_image(path, page)
    return None if image is None else with_box(image, box)


def show(path: str, figures, stamp: str = "") -> None:
    """A figure picker and its page with the box drawn (nothing when the reply was not read by OCR).

    The OCR boxes come from what the reader read (library.scans keeps it beside the cache), never a new OCR."""
    from library.scans import read_decoded
    from loaders import LoadError

    try:
        decoded = read_decoded(path)
    except LoadError:
        return
    rows = [r for r in figures.itertuples() if figure_box(decoded, int(r.start), int(r.end))]
    if not rows:
        return
    with st.expander("扫描件原页：核对数字", expanded=False):
        labels = [f"第{int(r.page)}页 · {r.text} · {r.label or ''}" for r in rows]
        chosen = st.selectbox("数据", range(len(rows)), format_func=lambda i: labels[i], key="scan-figure")
        row = rows[chosen]
        page, box = figure_box(decoded, int(row.start), int(row.end))
        image = _marked_page(path, page, box, stamp)
        if image is not None:
            st.image(image, caption=f"第{page}页：蓝框为“{row.text}”的识别位置", width="stretch")
