"""What OCR read from a scanned reply, kept beside the table cache so the reader never reads a scan twice.

Extraction keeps only the tables; the reader page needs the text itself and, for a scan, the box of every
character (to draw a figure's box on the page image). Reading a scan again means OCR again: seconds a page.
What was read is written to `<folder>/.cache/<LOADER_VERSION>/scans/<sha256>.json.gz` (so a new loader
version, or another OCR engine, reads it afresh) when the library's ingest reads the scan (library.ingest,
in whichever worker process read it), or else the first time the reader opens it; later opens, after a
restart or another upload, load it in milliseconds.
Only results that needed OCR are kept: text files and .docx are quicker to read again than to load.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import hashlib
import json
import os
import uuid
from pathlib import Path

from library import cache
from loaders.decoding import Decoded, OcrSpan, TableCell
from loaders.formats.ocr_engines import engine_version
from loaders.read import file_bytes, read_bytes


def store_path(folder: Path, sha256: str) -> Path:
    return cache.cache_dir(folder) / "scans" / f"{sha256}.json.gz"


def read_decoded(path: str | Path) -> Decoded:
    """The reply's decoded text (and OCR boxes) as the loaders read it; a scan from its store when there.

    Raises LoadError like `loaders.read.read_bytes` for a file that cannot be read."""
    path = Path(path)
    data = file_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    kept = _load(store_path(path.parent, sha256))
    if kept is not None:
        return kept
    decoded = read_bytes(data, path.name)
    keep(path.parent, sha256, decoded)
    return decoded


def keep(folder: Path, sha256: str, decoded: Decoded) -> None:
    """Keep what OCR read from the reply whose bytes hash to `sha256`, for the reader of the library in
    `folder`; nothing for a reply that needed no OCR, or a folder this process may not write."""
    if decoded.ocr and os.access(folder, os.W_OK):
        _save(store_path(folder, sha256), decoded)


def _save(target: Path, decoded: Decoded) -> None:
    """Written atomically (a reader of a half-written file would get a broken page); a full disk only means
    the scan is read again next time."""
    record = {"engine": engine_version(), **dataclasses.asdict(decoded)}
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{uuid.uuid4().hex}.tmp")
        try:
            temp.write_bytes(gzip.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"), 6))
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)


def _load(stored: Path) -> Decoded | None:
    """The kept result, or None when there is none, it is damaged, or another OCR engine read it."""
    try:
        record = json.loads(gzip.decompress(stored.read_bytes()))
        if record.get("engine") != engine_version():
            return None
        return Decoded(
            text=record["text"],
            encoding=record["encoding"],
            format=record["format"],
            pages=[tuple(p) for p in record["pages"]],
            cells=[TableCell(**c) for c in record["cells"]],
            ocr=[_span(s) for s in record["ocr"]],
        )
    except (OSError, EOFError, ValueError, KeyError, TypeError):
        return None


def _span(raw: dict) -> OcrSpan:
    return OcrSpan(
        page=raw["page"],
        start=raw["start"],
        end=raw["end"],
        box=tuple(raw["box"]),
        confidences=tuple(raw["confidences"]),
        char_boxes=tuple(tuple(b) for b in raw["char_boxes"]),
    )
