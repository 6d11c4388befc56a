"""Whether this tree's `python -m loaders` prints the same bytes as another git revision's: speed work must.

    .venv/bin/python benchmarks/same_output.py [--rev main] [--generated 2000]

Runs both CLIs (JSON lines and CSV) over the corpus, probe, real and real-domain replies and `--generated`
generated replies, and prints for each format whether the output is byte for byte the same (and the first
differing line when it is not). The other revision is read with `git archive` into a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_replies import SentencePool, make_reply  # noqa: E402


def reply_files(folder: Path, generated: int) -> list[str]:
    names = [str(p) for p in sorted((ROOT.parent / "shared" / "corpus").glob("*/*.txt"))]
    for pattern in ("probe/*.txt", "real/*/*.txt", "real_domains/*.txt"):
        names += [str(p) for p in sorted((ROOT / "tests").glob(pattern))]
    pool, rng = SentencePool.from_corpus(), random.Random(5)
    for i in range(generated):
        path = folder / f"gen{i:04d}.txt"
        path.write_text(make_reply(i, pool, rng), encoding="utf-8")
        names.append(str(path))
    return names


def cli_output(tree: Path, names: list[str], fmt: str) -> bytes:
    command = [sys.executable, "-m", "loaders", "--format", fmt, *names]
    return subprocess.run(command, capture_output=True, cwd=tree).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main")
    parser.add_argument("--generated", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        other, folder = Path(tmp) / "other", Path(tmp) / "replies"
        other.mkdir()
        folder.mkdir()
        archive = subprocess.run(["git", "archive", args.rev], capture_output=True, cwd=ROOT, check=True)
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive.stdout, check=True)
        names = reply_files(folder, args.generated)
        for fmt in ("jsonl", "csv"):
            mine, theirs = cli_output(ROOT, names, fmt), cli_output(other, names, fmt)
            if mine == theirs:
                print(f"{fmt}: the same bytes as {args.rev} ({len(names)} files, {len(mine):,} bytes)")
                continue
            lines = zip(mine.splitlines(), theirs.splitlines(), strict=False)
            first = next((i for i, (a, b) in enumerate(lines) if a != b), None)
            print(f"{fmt}: DIFFERS from {args.rev} (first differing line: {first})")


if __name__ == "__main__":
    main()
