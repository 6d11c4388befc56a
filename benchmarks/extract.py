"""Throughput of the loaders against one bare regular-expression pass over the same text.

    .venv/bin/python benchmarks/extract.py [--megabytes 5]

Builds a corpus of at least 5 MB by repeating the corpus replies (each copy loaded as its own document,
as the library does), then prints characters and figures per second for the loaders, the rate of one bare
regex pass over the same text (this machine's reference speed), and the ratio of the two. The goal is a
ratio of at most 15 (aim: 5). A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import load_texts  # noqa: E402
from loaders.figures import candidate_pattern  # noqa: E402

BARE = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:元|亩|平方米|个|家|名|件|%)")


def corpus_texts() -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    paths = sorted(shared.glob("*/*.txt")) or [ROOT / "data" / "seed_reply.txt"]
    return [p.read_text(encoding="utf-8") for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    texts, docs, size = corpus_texts(), [], 0
    while size < args.megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    chars = sum(len(t) for t in docs)

    started = time.perf_counter()
    figures = len(load_texts((f"doc{i}", text) for i, text in enumerate(docs)).figures)
    loaders_seconds = time.perf_counter() - started

    joined = "\n".join(docs)
    rates = {}
    for name, pattern in (
        ("simple unit regex", BARE),
        ("the loaders' candidate regex alone", candidate_pattern()),
    ):
        started = time.perf_counter()
        hits = sum(1 for _ in pattern.finditer(joined))
        rates[name] = (time.perf_counter() - started, hits)

    print(f"corpus: {len(docs)} documents, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")
    print(
        f"loaders: {loaders_seconds:.2f} s, {chars / loaders_seconds:,.0f} chars/s, {figures / loaders_seconds:,.0f} figures/s ({figures:,} figures)"
    )
    for name, (seconds, hits) in rates.items():
        print(f"bare pass, {name}: {seconds:.3f} s, {chars / seconds:,.0f} chars/s ({hits:,} matches)")
        print(f"  ratio loaders / this pass: {loaders_seconds / seconds:.1f}x (goal ≤ 15x, aim 5x)")


if __name__ == "__main__":
    main()
