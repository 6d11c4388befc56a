"""Throughput of the loaders against one bare regular-expression pass over the same text.

    .venv/bin/python benchmarks/extract.py [--megabytes 5] [--repeat 3] [--generated]

Builds a corpus of at least 5 MB by repeating the corpus replies (each copy loaded as its own document,
as the library does; `--generated` uses distinct generated replies instead, benchmarks/synthetic_replies.py),
then prints characters and figures per second for the loaders, the rate of one bare regex pass over the
same text (this machine's reference speed), and the ratio of the two, measured in the same run. The goal is
a ratio of at most 20 to the simple unit regex (aim: 10). On a shared machine the ratio moves from run to
run: `--repeat` prints each run's ratio and their spread. A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_replies import SentencePool, make_reply, source_replies  # noqa: E402
from loaders import load_texts  # noqa: E402
from loaders.candidates import candidate_pattern  # noqa: E402

BARE = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:元|亩|平方米|个|家|名|件|%)")


def corpus_texts() -> list[str]:
    """The corpus replies, or the seed alone where ../shared/corpus is absent (a printed line says which)."""
    return [p.read_text(encoding="utf-8") for p in source_replies(with_seed=False)]


def documents(megabytes: float, generated: bool) -> list[str]:
    docs, size = [], 0
    if generated:
        pool, rng = SentencePool.from_corpus(), random.Random(1)
        while size < megabytes * 1_000_000:
            docs.append(make_reply(len(docs), pool, rng))
            size += len(docs[-1].encode("utf-8"))
        return docs
    texts = corpus_texts()
    while size < megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def timed_pass(pattern: re.Pattern, joined: str) -> tuple[float, int]:
    """Seconds (the median of three passes: one slowed by another process does not decide) and matches."""
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        hits = sum(1 for _ in pattern.finditer(joined))
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--generated", action="store_true", help="distinct generated replies, not copies")
    args = parser.parse_args()
    docs = documents(args.megabytes, args.generated)
    chars, size = sum(len(t) for t in docs), sum(len(t.encode("utf-8")) for t in docs)
    joined = "\n".join(docs)
    print(f"corpus: {len(docs)} documents, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")
    ratios: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        started = time.perf_counter()
        figures = len(load_texts((f"doc{i}", text) for i, text in enumerate(docs)).figures)
        loaders_seconds = time.perf_counter() - started
        print(
            f"loaders: {loaders_seconds:.2f} s, {chars / loaders_seconds:,.0f} chars/s, "
            f"{figures / loaders_seconds:,.0f} figures/s ({figures:,} figures)"
        )
        for name, pattern in (
            ("the simple unit regex", BARE),
            ("the loaders' candidate regex alone", candidate_pattern()),
        ):
            seconds, hits = timed_pass(pattern, joined)
            ratios.setdefault(name, []).append(loaders_seconds / seconds)
            print(f"  bare pass, {name}: {seconds:.3f} s, {chars / seconds:,.0f} chars/s ({hits:,} matches)")
            print(f"    ratio loaders / this pass: {loaders_seconds / seconds:.1f}x")
    for name, values in ratios.items():
        print(
            f"ratio to {name}: median {statistics.median(values):.1f}x, "
            f"spread {min(values):.1f}-{max(values):.1f}x over {len(values)} runs"
            + (" (goal ≤ 20x, aim 10x)" if name == "the simple unit regex" else "")
        )


if __name__ == "__main__":
    main()
