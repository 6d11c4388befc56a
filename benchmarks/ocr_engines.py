"""OCR engines on scans rendered here: figure F1 (by value) and seconds per page.

    .venv/bin/python benchmarks/ocr_engines.py [--engines rapidocr,tesseract] [--replies 7]

Each reply (the seed, then the corpus's dev replies) is typeset on A4 at 200 dpi with Noto Sans CJK, turned
by under a degree, speckled, a red seal stamped over the signature (`tests/scan_images.py`); each engine
reads the pages; the text goes through the loaders as any reply; figures are matched by value against the
reply's gold. Prints one row per reply and engine and a total. No test asserts a time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.__main__ import records  # noqa: E402
from loaders.decoding import Decoded  # noqa: E402
from loaders.formats.ocr_engines import RapidOcr, Tesseract  # noqa: E402
from loaders.formats.scan_reader import as_lines, page_rows, text_of_pages  # noqa: E402
from loaders.tables import extract_decoded, tables_from_records  # noqa: E402
from tests.corpus import CORPUS, load_gold  # noqa: E402
from tests.scan_images import render_pages, value_f1  # noqa: E402

ENGINES = {"rapidocr": RapidOcr, "tesseract": Tesseract}


def replies(n: int) -> list[tuple[str, str, list[dict]]]:
    golds = sorted(CORPUS.glob("seed/*.gold.jsonl")) + sorted(CORPUS.glob("dev/*.gold.jsonl"))
    if not golds:  # nothing to score: say so rather than print an empty table
        raise SystemExit(
            f"ocr_engines: no gold replies at {CORPUS} (README: ../shared beside the repository)"
        )
    print(f"text: {min(n, len(golds))} gold replies from {CORPUS} (seed, then dev)")
    out = []
    for gold in golds[:n]:
        text = gold.with_name(gold.name.replace(".gold.jsonl", ".txt")).read_text(encoding="utf-8")
        out.append((gold.name.replace(".gold.jsonl", ""), text, load_gold(gold)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--replies", type=int, default=7)
    args = parser.parse_args()
    engines = {name: ENGINES[name]() for name in args.engines.split(",")}
    totals = {name: [0, 0.0, 0, 0, 0] for name in engines}  # pages, seconds, tp, predicted, required
    chosen = replies(args.replies)
    print("reply | engine | pages | s/page | value F1 | missed | false")
    for name, text, gold in chosen:
        pages = render_pages(text.split("\n"))
        for engine_name, engine in engines.items():
            started = time.perf_counter()
            rows = [page_rows(engine.read(page)) for page in pages]
            seconds = time.perf_counter() - started
            joined, offsets, _, spans = text_of_pages([as_lines(r) for r in rows], rows)
            decoded = Decoded(joined, "ocr", "png", pages=offsets, ocr=spans)
            found = records(tables_from_records([extract_decoded(decoded, name)]).figures)
            score = value_f1(gold, found)
            required = sum(1 for g in gold if not g.get("optional") and not g.get("negative"))
            tp = round(score["recall"] * required)
            predicted = round(tp / score["precision"]) if score["precision"] else len(found)
            t = totals[engine_name]
            t[0], t[1], t[2], t[3], t[4] = (
                t[0] + len(pages),
                t[1] + seconds,
                t[2] + tp,
                t[3] + predicted,
                t[4] + required,
            )
            print(
                f"{name} | {engine_name} | {len(pages)} | {seconds / len(pages):.1f} | {score['f1']:.3f} | "
                f"{score['missed']} | {score['false']}",
                flush=True,
            )
    for engine_name, (n_pages, seconds, tp, predicted, required) in totals.items():
        precision, recall = tp / max(predicted, 1), tp / max(required, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"TOTAL | {engine_name} | {n_pages} | {seconds / max(n_pages, 1):.1f} | {f1:.3f} (micro)")


if __name__ == "__main__":
    main()
