"""`python -m library add FOLDER_OR_FILES...`: add replies to the library, with progress and a summary.

Exit status 0 when every file was added or already there, 1 when any failed (each named with its reason).
`python -m library list` prints the library's replies; `--library DIR` picks the folder (default: data/ or
$REPLY_LIBRARY).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from library import AddResult, add_files, library_folder, open_library
from loaders.formats.ocr_engines import PROGRESS_ENV


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m library", description="Manage the reply library.")
    parser.add_argument("--library", help="library folder (default: $REPLY_LIBRARY or data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add reply files, or every reply file inside folders")
    add.add_argument("paths", nargs="+")
    add.add_argument("--workers", type=int, default=None, help="processes for extraction (default: cores)")
    commands.add_parser("list", help="list the replies in the library")
    args = parser.parse_args(argv)
    folder = library_folder(args.library)
    if args.command == "list":
        return list_library(folder)
    return add_command(args.paths, folder, args.workers)


def add_command(paths: list[str], folder, workers: int | None) -> int:
    started = time.perf_counter()
    print(f"library: {folder}", file=sys.stderr)
    os.environ.setdefault(PROGRESS_ENV, "1")  # scans: each OCR page on stderr, from the worker processes too

    def progress(done: int, total: int, result: AddResult) -> None:
        detail = {
            "added": f"→ {result.stored_name} ({result.n_figures} figures)",
            "duplicate": f"({result.reason})",
            "failed": f": {result.reason}",
        }[result.status]
        print(f"[{done}/{total}] {result.status} {result.name} {detail}", file=sys.stderr, flush=True)

    results = add_files(paths, folder, how="cli", progress=progress, workers=workers)
    counts = {status: sum(r.status == status for r in results) for status in ("added", "duplicate", "failed")}
    elapsed = time.perf_counter() - started
    print(
        f"{len(results)} files in {elapsed:.1f} s: {counts['added']} added, {counts['duplicate']} duplicate, "
        f"{counts['failed']} failed"
    )
    for result in results:
        if result.status == "failed":
            print(f"  failed: {result.name}: {result.reason}")
    return 1 if counts["failed"] else 0


def list_library(folder) -> int:
    library = open_library(folder)
    for _, row in library.catalog().iterrows():
        print(f"{row['stored_name']}\t{row['format']}\t{row['added_at']:%Y-%m-%d %H:%M}\t{row['n_figures']}")
    for problem in library.problems:
        print(f"problem: {problem}", file=sys.stderr)
    for name, of in library.duplicates:
        print(f"duplicate: {name} (same content as {of}; not added)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
