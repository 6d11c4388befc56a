"""`python -m loaders` over many reply files against one bare regular-expression pass over the same text.

    .venv/bin/python benchmarks/cli.py [--files 10000] [--format jsonl] [--repeat 1]

Writes generated replies (benchmarks/synthetic_replies.py) into a temporary folder, then times the whole
command, interpreter start and imports included, writing its output to /dev/null; and, in the same run, a
bare pass of a simple unit regex over the same text (reading and decoding the files included, and the pass
alone over text in memory; the median of three). Prints the seconds and the ratios; the goal is at most
20× the bare pass. A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_replies import write_replies  # noqa: E402

BARE = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:元|亩|平方米|个|家|名|件|%)")


def bare_pass(paths: list[Path]) -> tuple[float, float, int]:
    """(seconds reading and matching, seconds matching alone, matches): the median of three passes, so
    that one pass slowed by another process does not decide the ratio."""
    both, alone = [], []
    for _ in range(3):
        started = time.perf_counter()
        texts = [p.read_bytes().decode("utf-8") for p in paths]
        hits = sum(1 for text in texts for _ in BARE.finditer(text))
        both.append(time.perf_counter() - started)
        started = time.perf_counter()
        hits = sum(1 for text in texts for _ in BARE.finditer(text))
        alone.append(time.perf_counter() - started)
    return statistics.median(both), statistics.median(alone), hits


def run_cli(paths: list[Path], fmt: str) -> tuple[float, int]:
    started = time.perf_counter()
    with open("/dev/null", "wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "loaders", "--format", fmt, *map(str, paths)],
            stdout=sink,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
    return time.perf_counter() - started, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_replies(folder, args.files, seed=1)
        paths = sorted(folder.glob("*.txt"))
        chars = sum(len(p.read_text("utf-8")) for p in paths)
        print(f"{len(paths):,} files, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")
        ratios = []
        for _ in range(args.repeat):
            cli, status = run_cli(paths, args.format)
            read_and_match, match, hits = bare_pass(paths)
            ratios.append((cli / match, cli / read_and_match))
            print(
                f"python -m loaders --format {args.format}: {cli:.1f} s (exit {status}), {chars / cli:,.0f} chars/s"
                f" | bare regex pass: {match:.3f} s over text in memory, {read_and_match:.3f} s reading the"
                f" files too ({hits:,} matches) | ratio {cli / match:.1f}x, {cli / read_and_match:.1f}x"
            )
        if args.repeat > 1:
            for i, what in enumerate(("the pass alone", "reading and the pass")):
                values = [r[i] for r in ratios]
                print(
                    f"ratio to {what}: median {statistics.median(values):.1f}x, "
                    f"{min(values):.1f}-{max(values):.1f}x (goal ≤ 20x)"
                )


if __name__ == "__main__":
    main()
