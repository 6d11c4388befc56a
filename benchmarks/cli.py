"""`python -m loaders` over many reply files against one bare regular-expression pass over the same text.

    .venv/bin/python benchmarks/cli.py [--files 10000] [--format jsonl] [--repeat 1]

Writes generated replies (benchmarks/synthetic_replies.py) into a temporary folder, then times the whole
command, interpreter start and imports included, writing its output to /dev/null; and, in the same run, a
bare pass of a simple unit regex over the same text (reading and decoding the files included, and the pass
alone over text in memory; the median of three). Prints the seconds and the ratios; the goal is at most
20× the bare pass. On a shared machine the seconds move with other processes' load; the CPU seconds of the
command and its workers against the pass's own CPU seconds move much less (the work, on however many
cores). A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import re
import resource
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


def bare_pass(paths: list[Path]) -> tuple[float, float, float, int]:
    """(seconds reading and matching, seconds matching alone, CPU seconds matching alone, matches): the
    median of three passes, so that one pass slowed by another process does not decide the ratio."""
    both, alone, cpu = [], [], []
    for _ in range(3):
        started = time.perf_counter()
        texts = [p.read_bytes().decode("utf-8") for p in paths]
        hits = sum(1 for text in texts for _ in BARE.finditer(text))
        both.append(time.perf_counter() - started)
        started, cpu_started = time.perf_counter(), time.process_time()
        hits = sum(1 for text in texts for _ in BARE.finditer(text))
        alone.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(both), statistics.median(alone), statistics.median(cpu), hits


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(paths: list[Path], fmt: str) -> tuple[float, float, int]:
    """(seconds, CPU seconds of the command and its workers, exit status)."""
    started, cpu = time.perf_counter(), cpu_of_children()
    with open("/dev/null", "wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "loaders", "--format", fmt, *map(str, paths)],
            stdout=sink,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
    return time.perf_counter() - started, cpu_of_children() - cpu, result.returncode


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
        _, start_cpu, _ = run_cli(paths[:1], args.format)
        print(f"start-up, one reply: {start_cpu:.2f} CPU s (interpreter, imports, one reply's rows)")
        ratios = []
        for _ in range(args.repeat):
            cli, cli_cpu, status = run_cli(paths, args.format)
            read_and_match, match, match_cpu, hits = bare_pass(paths)
            ratios.append((cli / match, cli / read_and_match, cli_cpu / match_cpu))
            print(
                f"python -m loaders --format {args.format}: {cli:.1f} s (exit {status}), {chars / cli:,.0f} chars/s,"
                f" {cli_cpu:.1f} CPU s | bare regex pass: {match:.3f} s over text in memory, {read_and_match:.3f} s"
                f" reading the files too ({hits:,} matches) | ratio {cli / match:.1f}x, {cli / read_and_match:.1f}x;"
                f" CPU seconds {cli_cpu / match_cpu:.1f}x"
            )
        what = ("the pass alone", "reading and the pass", "the pass alone in CPU seconds (all cores)")
        for i, name in enumerate(what):
            values = [r[i] for r in ratios]
            print(
                f"ratio to {name}: median {statistics.median(values):.1f}x, "
                f"{min(values):.1f}-{max(values):.1f}x over {len(values)} runs"
                + (" (goal ≤ 20x)" if i < 2 else "")
            )


if __name__ == "__main__":
    main()
