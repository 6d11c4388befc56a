"""Page image → lines of text with a box and a confidence per character: the OCR engines.

`RapidOcr` (PP-OCRv4 models shipped inside the rapidocr-onnxruntime wheel, run on the CPU by onnxruntime;
nothing is downloaded) is the one used: it read the figures of rendered scans at F1 0.99–1.00 where
Debian's tesseract with chi_sim read 0.8x (docs/ocr.md). `Tesseract` (the `tesseract` command, TSV output)
is kept for the comparison in `benchmarks/ocr_engines.py`.

Before either engine sees a page, red is taken out: an official letter's seal is red ink over the signature
and the last lines, and read as text it adds the stamping body's name in pieces.
"""

from __future__ import annotations

import contextvars
import csv
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from loaders.decoding import LoadError

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels

# Called after each page read by OCR with (pages done, pages to read); set by the upload page or the CLIs.
PROGRESS: contextvars.ContextVar[Callable[[int, int], None] | None] = contextvars.ContextVar(
    "ocr_progress", default=None
)
PROGRESS_ENV = "REPLY_OCR_PROGRESS"  # "1": worker processes print each OCR page on stderr (the CLIs set it)


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: Box
    confidences: tuple[float, ...]  # one per character of text, 0–1
    char_boxes: tuple[Box, ...] = ()  # one per character where the engine gives them


def report_progress(done: int, total: int) -> None:
    callback = PROGRESS.get()
    if callback is not None:
        callback(done, total)
    elif os.environ.get(PROGRESS_ENV) == "1":
        print(f"  OCR page {done}/{total}", file=sys.stderr, flush=True)


def without_red(image):
    """The page with red ink (seals, red headers' stamps) turned white; black text under it stays."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image.convert("RGB")).copy()
    r, g, b = (pixels[..., i].astype(np.int16) for i in range(3))
    red = (r > 120) & (r - g > 50) & (r - b > 50)
    pixels[red] = 255
    return Image.fromarray(pixels)


def engine_version() -> str:
    """What the cache key needs: the engine and its version (models ship inside the wheel, so they move
    with it), read without importing the engine."""
    try:
        return f"rapidocr-onnxruntime {metadata.version('rapidocr-onnxruntime')}"
    except metadata.PackageNotFoundError:
        return "no-ocr"


@cache
def default_engine() -> RapidOcr:
    return RapidOcr()


class RapidOcr:
    name = "rapidocr-onnxruntime"

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise LoadError(
                "a scan needs OCR, and the OCR engine is not installed (pip install rapidocr-onnxruntime)"
            ) from None
        self._engine = RapidOCR(print_verbose=False)
        self.version = engine_version()

    def read(self, image) -> list[OcrLine]:
        import numpy as np

        result, _ = self._engine(np.asarray(without_red(image)), return_word_box=True)
        lines = []
        for box, text, score, *words in result or []:
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            confidences = _per_char(text, float(score), words)
            char_boxes = _char_boxes(text, words)
            lines.append(OcrLine(text, _int_box(xs, ys), confidences, char_boxes))
        return lines


def _per_char(text: str, score: float, words: list) -> tuple[float, ...]:
    """The recogniser's probability of each character; the line's mean where they cannot be lined up."""
    if len(words) >= 3:
        chars, probs = words[1], words[2]
        if len(chars) == len(probs) == len(text) and "".join(chars) == text:
            return tuple(float(p) for p in probs)
    return (score,) * len(text)


def _char_boxes(text: str, words: list) -> tuple[Box, ...]:
    if words and len(words[0]) == len(text):
        return tuple(_int_box([p[0] for p in quad], [p[1] for p in quad]) for quad in words[0])
    return ()


def _int_box(xs: list, ys: list) -> Box:
    return int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys))


class Tesseract:
    """Debian's tesseract-ocr with chi_sim, through its command line (TSV: one row per word)."""

    name = "tesseract chi_sim"

    def __init__(self) -> None:
        found = shutil.which("tesseract")
        if not found:
            raise LoadError(
                "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
            )
        self.command = found
        self.version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout.split()[1]

    def read(self, image) -> list[OcrLine]:
        buffer = io.BytesIO()
        without_red(image).save(buffer, format="PNG")
        out = subprocess.run(
            [self.command, "stdin", "stdout", "-l", "chi_sim", "--psm", "6", "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=600,
        ).stdout.decode("utf-8", "replace")
        rows: dict[tuple, list[dict]] = {}
        for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("level") == "5" and (row.get("text") or "").strip():
                rows.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
        lines = []
        for words in rows.values():
            text, confidences, boxes = "", [], []
            for word in words:
                x, y, w, h = (int(word[k]) for k in ("left", "top", "width", "height"))
                token = word["text"].strip()
                text += token
                confidences += [max(0.0, float(word["conf"])) / 100] * len(token)
                boxes += [
                    (x + w * i // len(token), y, x + w * (i + 1) // len(token), y + h)
                    for i in range(len(token))
                ]
            xs = [b[0] for b in boxes] + [b[2] for b in boxes]
            ys = [b[1] for b in boxes] + [b[3] for b in boxes]
            lines.append(OcrLine(text, _int_box(xs, ys), tuple(confidences), tuple(boxes)))
        return lines
