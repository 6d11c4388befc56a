"""Seconds per MB for hostile replies of 1, 5 and 20 MB (issue 11): dense headings, deep and wide HTML.

    .venv/bin/python benchmarks/hostile.py            # as the library reads them (budgets on)
    .venv/bin/python benchmarks/hostile.py --lifted   # also the section outline alone with no text budget

Each shape is read the way an upload is (library.ingest.load_records: bytes → text → tables, under the text,
tag and figure budgets); a refusal counts as read, and its one-line reason is printed. The target: any 20 MB
reply in under 30 s on one core, and seconds per MB that do not grow with the size (linear work).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from library.ingest import load_records  # noqa: E402
from loaders import LoadError  # noqa: E402
from loaders.structure import parse_structure  # noqa: E402

MB = 1024 * 1024
SIZES = (1, 5, 20)
LINE = "一、加强扶持\n(一)完善政策\n1.落实资金\n(1)建设园区。一是培育企业15家。二是提升服务。\n"


def dense_headings(size: int) -> tuple[bytes, str]:
    unit = LINE.encode("utf-8")
    return unit * (size // len(unit) + 1), "headings.txt"


def deep_html(size: int) -> tuple[bytes, str]:
    depth = size // 11
    return b"<html><body>" + b"<div>" * depth + "资金2亿元".encode() + b"</div>" * depth, "deep.html"


def wide_html(size: int) -> tuple[bytes, str]:
    para = "<p>我市已建成小微企业园15个，安排资金2.36亿元。</p>".encode()
    return b'<html><body><div class="article">' + para * (
        size // len(para)
    ) + b"</div></body></html>", "wide.html"


def deep_text_html(size: int) -> tuple[bytes, str]:
    piece = "<div>第一段资金2万元。".encode()
    n = size // (len(piece) + 6)
    return b"<html><body>" + piece * n + b"</div>" * n + b"</body></html>", "deeptext.html"


SHAPES = {"dense headings": dense_headings, "deep HTML": deep_html, "wide HTML": wide_html,
          "deep HTML with text": deep_text_html}  # fmt: skip


def timed(work, *args) -> tuple[float, object]:
    started = time.process_time()
    try:
        outcome = work(*args)
    except LoadError as err:
        outcome = str(err)
    return time.process_time() - started, outcome


def main() -> None:
    print(f"{'shape':<22}{'MB':>4}{'s':>8}{'s/MB':>8}  outcome")
    for shape, make in SHAPES.items():
        for size in SIZES:
            data, name = make(size * MB)
            seconds, outcome = timed(load_records, data, name)
            if not isinstance(outcome, str):
                outcome = f"{len(outcome.sections):,} sections, {len(outcome.figures):,} figures"
            print(f"{shape:<22}{size:>4}{seconds:>8.2f}{seconds / size:>8.2f}  {outcome[:90]}")
    if "--lifted" in sys.argv:
        print("\nsection outline alone, no text budget (loaders.structure.parse_structure):")
        for size in SIZES:
            text = dense_headings(size * MB)[0].decode("utf-8")
            seconds, structure = timed(parse_structure, text)
            print(f"{'dense headings':<22}{size:>4}{seconds:>8.2f}{seconds / size:>8.2f}  "
                  f"{len(structure.sections):,} sections")  # fmt: skip


if __name__ == "__main__":
    main()
