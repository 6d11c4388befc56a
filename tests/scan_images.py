"""Scans the OCR tests and benchmarks make themselves: a reply's text typeset on A4 pages at 200 dpi with
Noto Sans CJK, as a scanner returns a signed letter — turned by under a degree, speckled with noise, a red
seal stamped over the last lines. Nothing here is shipped; no binary fixtures are needed.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_FACE = 2  # the simplified-Chinese face in the collection
DPI = 200
A4_MM = (210, 297)
NO_LINE_START = set("。，、；：！？）》」』”’,.;:!?)")  # typesetters hang these at the line end instead


def _px(mm: float, dpi: int = DPI) -> int:
    return round(mm / 25.4 * dpi)


def typeset(paragraphs: list[str], font, width: int) -> list[tuple[str, bool]]:
    """Lines broken at the right margin; True for a paragraph's first line (indented two characters)."""
    lines: list[tuple[str, bool]] = []
    for paragraph in paragraphs:
        line, first = "", True
        for ch in paragraph:
            indent = font.size * 2 if first else 0
            if font.getlength(line + ch) + indent > width and ch not in NO_LINE_START:
                lines.append((line, first))
                line, first = "", False
            line += ch
        if line:
            lines.append((line, first))
    return lines


def layout(paragraphs: list[str], dpi: int = DPI):
    """The type (三号, 16 pt), the lines broken at the margin, and how many lines a page holds."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(NOTO_CJK), size=_px(16 / 72 * 25.4, dpi), index=SC_FACE)
    per_page = (_px(A4_MM[1], dpi) - _px(37, dpi) - _px(35, dpi)) // round(font.size * 1.75)
    return font, typeset(paragraphs, font, _px(156, dpi)), per_page


def render_pages(
    paragraphs: list[str],
    dpi: int = DPI,
    rotate_degrees: float = 0.6,
    noise: float = 0.02,
    seal: bool = True,
    seed: int = 7,
    max_pages: int | None = None,
):
    """The paragraphs as scanned A4 page images (PIL, RGB)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    font, lines, per_page = layout(paragraphs, dpi)
    width, height = _px(A4_MM[0], dpi), _px(A4_MM[1], dpi)
    left, top = _px(28, dpi), _px(37, dpi)
    line_height = round(font.size * 1.75)
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(page)
        chunk = lines[start : start + per_page]
        for row, (line, first) in enumerate(chunk):
            x = left + (font.size * 2 if first else 0)
            draw.text((x, top + row * line_height), line, font=font, fill=(20, 20, 20))
        if seal:
            _stamp(page, left + _px(18, dpi), top + (len(chunk) - 4) * line_height, dpi)  # on the signature
        pages.append(_scanner(page, rotate_degrees * (1 if len(pages) % 2 == 0 else -1), noise, rng))
        if max_pages and len(pages) >= max_pages:
            break
    return pages


def _stamp(page, x: int, y: int, dpi: int) -> None:
    """A red official seal: a ring, a star and an arc of text, half transparent over the last lines."""
    from PIL import Image, ImageDraw, ImageFont

    size = _px(42, dpi)
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (220, 30, 30, 150)
    draw.ellipse((4, 4, size - 4, size - 4), outline=red, width=max(3, size // 40))
    font = ImageFont.truetype(str(NOTO_CJK), size=size // 9, index=SC_FACE)
    draw.text((size // 2, size // 2), "★", font=font, fill=red, anchor="mm")
    draw.text((size // 2, size // 4), "慈溪市经济和信息化局", font=font, fill=red, anchor="mm")
    page.paste(seal, (x, y), seal)


def _scanner(page, degrees: float, noise: float, rng: random.Random):
    """What a scanner adds: a small turn, grey speckles, a slightly uneven background."""
    from PIL import Image

    page = page.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor="white")
    pixels = page.load()
    w, h = page.size
    for _ in range(int(w * h * noise / 20)):
        x, y = rng.randrange(w), rng.randrange(h)
        v = rng.randrange(90, 200)
        pixels[x, y] = (v, v, v)
    return page


def png_bytes(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def image_pdf(images, dpi: int = DPI) -> bytes:
    """A PDF of page images only (no text layer), as a scanner writes it."""
    out = io.BytesIO()
    first, *rest = [im.convert("RGB") for im in images]
    first.save(out, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return out.getvalue()


def value_f1(gold: list[dict], records: list[dict]) -> dict:
    """Figures found by value: (base value, base unit) pairs against the gold's required figures.

    OCR moves offsets and may change punctuation around a figure, so a figure is matched by what it
    says, not where; a figure matching an optional gold figure is neither a hit nor a false one.
    """
    from collections import Counter

    def key(row: dict) -> tuple:
        value = row.get("base_value")
        return (None if value is None else float(f"{float(value):.9g}"), row.get("base_unit"))

    required = Counter(key(g) for g in gold if not g.get("optional") and not g.get("negative"))
    optional = Counter(key(g) for g in gold if g.get("optional"))
    found = Counter(key(r) for r in records)
    tp = sum(min(n, found[k]) for k, n in required.items())
    extra = found - required
    spare = sum(min(n, optional[k]) for k, n in extra.items())
    predicted = sum(found.values()) - spare
    precision = tp / predicted if predicted else 0.0
    recall = tp / sum(required.values()) if required else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    missed = list((required - found).elements())
    false = list((extra - optional).elements())
    return {"f1": f1, "precision": precision, "recall": recall, "missed": missed, "false": false}
