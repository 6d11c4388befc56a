"""Scans → text: page images (.png .jpg .tif, or PDF pages without a text layer) read by OCR.

OCR lines become the same text the loaders read from a PDF: the pieces of one row are put together left to
right, footers with the page number dropped, and rows joined by `pdf_reader.join_pages` (a row that runs
to the right margin without ending a sentence continues on the next, so "39." + "9亿元" is one number).
Every line read keeps where it landed in the text (`OcrSpan`): its page, its box on the page image, and the
engine's confidence for each of its characters, so a figure carries the confidence of the characters it was
read from and can be drawn on the page.

Bounds: images over `MAX_PIXELS` are refused from their header, before they are decoded; large pages are
scaled down to `OCR_LONG_SIDE` pixels; at most `MAX_OCR_PAGES` pages are read by OCR (seconds a page).
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator

from loaders.decoding import Decoded, LoadError, OcrSpan, first_line
from loaders.formats.ocr_engines import OcrLine, default_engine, engine_version, report_progress
from loaders.formats.page_text import is_page_number, join_pages
from loaders.formats.text_build import clean_line

MAX_PIXELS = 80_000_000  # an A3 page at 600 dpi is 70 MP; 30000×30000 is 900 MP
MAX_OCR_PAGES = 40  # replies run to a few pages; OCR costs seconds a page
OCR_LONG_SIDE = 2400  # pixels: about 200 dpi for A4, what the recogniser needs for 三号/四号 type
MIN_TEXT_CHARS = 20


def read_image(data: bytes, fmt: str) -> Decoded:
    """A photo or scan of one or more pages (multi-page TIFF) read by OCR."""
    images, n_pages = image_pages(data)
    return decoded_from_ocr(ocr_pages(images, n_pages), fmt=fmt)


def image_pages(data: bytes) -> tuple[Iterator, int]:
    """The pages of an image file (decoded one at a time, each checked against MAX_PIXELS before it is
    decoded) and how many there are."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # Pillow warns from 89 MP on; the limit here is MAX_PIXELS
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            n_frames = getattr(image, "n_frames", 1)
            if n_frames <= MAX_OCR_PAGES:
                for frame in range(n_frames):  # headers only: no pixel is decoded here
                    image.seek(frame)
                    _check_size(image.size)
    except LoadError:
        raise
    except Image.DecompressionBombError:
        raise LoadError(
            f"refused: the image has too many pixels (limit {MAX_PIXELS // 1_000_000} megapixels)"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as err:
        raise LoadError(f"broken image ({type(err).__name__}: {first_line(err)})") from None
    if n_frames > MAX_OCR_PAGES:
        raise LoadError(f"refused: the image has {n_frames} pages (OCR reads at most {MAX_OCR_PAGES})")
    return _frames(image, n_frames), n_frames


def _frames(image, n_frames: int) -> Iterator:
    from PIL import Image, ImageOps

    for frame in range(n_frames):
        try:
            image.seek(frame)
            image.draft("RGB", _target_size(image.size))  # JPEG: decode at a reduced scale when it is large
            page = ImageOps.exif_transpose(image.convert("RGB"))
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as err:
            raise LoadError(f"broken image ({type(err).__name__}: {first_line(err)})") from None
        yield fit_for_ocr(page)


def _check_size(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise LoadError(
            f"refused: the image is {width}×{height} pixels (limit {MAX_PIXELS // 1_000_000} megapixels)"
        )


def _target_size(size: tuple[int, int]) -> tuple[int, int]:
    scale = min(1.0, OCR_LONG_SIDE / max(size))
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


def fit_for_ocr(image):
    """Large pages scaled down so the long side is OCR_LONG_SIDE pixels (time and memory stay bounded)."""
    if max(image.size) > OCR_LONG_SIDE:
        from PIL import Image

        image = image.resize(_target_size(image.size), Image.LANCZOS)
    return image


def ocr_pages(images: Iterable, n_pages: int) -> list[list[OcrLine]]:
    """Each page image's rows, read by the OCR engine, with progress reported after each page.

    The count is checked before any page is read or rendered, so a 1,000-page scan costs nothing."""
    if n_pages > MAX_OCR_PAGES:
        raise LoadError(f"refused: {n_pages} pages need OCR (it reads at most {MAX_OCR_PAGES} a file)")
    engine = default_engine()
    pages = []
    for number, image in enumerate(images, start=1):
        pages.append(page_rows(engine.read(image)))
        report_progress(number, n_pages)
    return pages


def page_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """Pieces on the same row joined left to right; rows top to bottom; page-number footers dropped."""
    lines = [line for line in lines if line.text.strip()]
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        centre, height = (line.box[1] + line.box[3]) / 2, line.box[3] - line.box[1]
        if rows:
            last = rows[-1][0]
            if abs(centre - (last.box[1] + last.box[3]) / 2) < 0.5 * min(height, last.box[3] - last.box[1]):
                rows[-1].append(line)
                continue
        rows.append([line])
    merged = [_merge(sorted(row, key=lambda ln: ln.box[0])) for row in rows]
    merged = [row for row in merged if row.text]
    while merged and is_page_number(merged[-1].text):
        merged.pop()
    while merged and is_page_number(merged[0].text):
        merged.pop(0)
    return merged


def _merge(pieces: list[OcrLine]) -> OcrLine:
    """One row: its pieces' text with a space where there is a visible gap, cleaned as PDF lines are."""
    raw, confidences, boxes = "", [], []
    for i, piece in enumerate(pieces):
        if i and piece.box[0] - pieces[i - 1].box[2] > 0.8 * (piece.box[3] - piece.box[1]):
            raw, confidences, boxes = raw + " ", [*confidences, 1.0], [*boxes, piece.box]
        raw += piece.text
        confidences += list(piece.confidences)
        boxes += (
            list(piece.char_boxes)
            if len(piece.char_boxes) == len(piece.text)
            else [piece.box] * len(piece.text)
        )
    text = clean_line(raw)
    keep = _aligned(text, raw)
    box = (
        min(p.box[0] for p in pieces),
        min(p.box[1] for p in pieces),
        max(p.box[2] for p in pieces),
        max(p.box[3] for p in pieces),
    )
    return OcrLine(text, box, tuple(confidences[i] for i in keep), tuple(boxes[i] for i in keep))


def _aligned(text: str, raw: str) -> list[int]:
    """For each character of the cleaned text, the index of the raw character it came from."""
    out, j = [], 0
    for ch in text:
        while j < len(raw) and not (raw[j] == ch or (ch == " " and raw[j].isspace())):
            j += 1
        out.append(min(j, len(raw) - 1))
        j += 1
    return out


def decoded_from_ocr(pages: list[list[OcrLine]], fmt: str, encoding: str | None = None) -> Decoded:
    text, offsets, _, spans = text_of_pages([as_lines(rows) for rows in pages], pages)
    if sum(not ch.isspace() for ch in text) < MIN_TEXT_CHARS:
        raise LoadError("OCR found no text on the page (a blank page or a photograph?)")
    version = default_engine().version
    return Decoded(text=text, encoding=encoding or f"ocr {version}", format=fmt, pages=offsets, ocr=spans)


def as_lines(rows: list[OcrLine]) -> list[tuple[str, float, float]]:
    """OCR rows as the PDF joiner's lines: text, right edge, type size (the row's height)."""
    return [(row.text, float(row.box[2]), float(row.box[3] - row.box[1])) for row in rows]


def text_of_pages(items: list[list], ocr_rows: list[list[OcrLine] | None]):
    """join_pages on the pages' items; then each OCR row found where it landed, in order, as an OcrSpan."""
    text, offsets, cells = join_pages(items)
    spans = []
    for (number, start, end), rows in zip(offsets, ocr_rows, strict=True):
        cursor = start
        for row in rows or []:
            at = text.find(row.text, cursor, end)
            if at < 0:
                continue
            spans.append(OcrSpan(number, at, at + len(row.text), row.box, row.confidences, row.char_boxes))
            cursor = at + len(row.text)
    return text, offsets, cells, spans


_REMEMBERED: OrderedDict[str, Decoded] = OrderedDict()
REMEMBER = 8  # files whose OCR result is kept in this process (the reader reopens what was just added)


def remembered(data: bytes, read: Callable[[], Decoded]) -> Decoded:
    """The file read once per process: a scan opened again (the reader page after an upload) is not OCR'd
    again. Only results that needed OCR are kept; the key is the content's hash and the engine's version."""
    key = hashlib.sha256(data).hexdigest() + engine_version()
    with _LOCK:
        if key in _REMEMBERED:
            _REMEMBERED.move_to_end(key)
            return _REMEMBERED[key]
    decoded = read()
    if decoded.ocr:
        with _LOCK:
            _REMEMBERED[key] = decoded
            while len(_REMEMBERED) > REMEMBER:
                _REMEMBERED.popitem(last=False)
    return decoded


_LOCK = threading.Lock()
