"""CLI: `python -m loaders FILE...` prints one JSON object per figure per line (or CSV with --format csv).

A file that cannot be read gets one line on stderr naming it and the reason; the other files are still
processed, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from datetime import datetime

import pandas as pd

from loaders import LoadError, load_path
from loaders.columns import columns_of
from loaders.formats.ocr_engines import PROGRESS_ENV

# The CLI's field names: the figures table's columns, with `planned` for is_planned (what score.py reads)
CLI_NAMES = {"is_planned": "planned", "is_growth": "growth"}


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def records(figures: pd.DataFrame) -> list[dict]:
    names = [c.name for c in columns_of("figures")]
    return [
        {CLI_NAMES.get(name, name): _plain(row[name]) for name in names}
        for row in figures.to_dict(orient="records")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.splitlines()[0])
    parser.add_argument(
        "files",
        nargs="+",
        help="reply files (.txt in any encoding, .docx, .doc, .wps, .rtf, .ofd, .pdf, .html, scans .png .jpg .tif)",
    )
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    args = parser.parse_args(argv)
    os.environ.setdefault(PROGRESS_ENV, "1")  # scans: each OCR page on stderr
    status, wrote_header = 0, False
    out = sys.stdout
    for name in args.files:
        try:
            figures = load_path(name).figures
        except LoadError as err:
            print(f"{name}: {err}", file=sys.stderr)
            status = 2
            continue
        rows = records(figures)
        if args.format == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            frame = pd.DataFrame(rows, columns=[CLI_NAMES.get(c.name, c.name) for c in columns_of("figures")])
            frame.to_csv(out, index=False, header=not wrote_header, lineterminator="\n")
            wrote_header = True
        out.flush()
    return status


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
