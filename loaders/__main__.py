"""CLI: `python -m loaders FILE...` prints one JSON object per figure per line (or CSV with --format csv).

A file that cannot be read gets one line on stderr naming it and the reason; the other files are still
processed, and the exit status is 2. Many files are read on every core (loaders.pool), each worker turning
its replies straight into output lines; lines are printed in the order of the files, as soon as they are
ready. The lines are the same bytes the figures table gives (`records`): values typed as the column
dictionary says, and CSV written as pandas writes one reply's rows.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import operator
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.columns import columns_of
from loaders.formats.ocr_engines import PROGRESS_ENV
from loaders.pool import map_chunks
from loaders.read import LoadError, read_path
from loaders.tables import extract_decoded

if TYPE_CHECKING:  # the CLI itself never builds a frame: it starts without importing pandas
    import pandas as pd

# The CLI's field names: the figures table's columns, with `planned` for is_planned (what score.py reads)
CLI_NAMES = {"is_planned": "planned", "is_growth": "growth"}
FIELDS = [(c.name, c.dtype) for c in columns_of("figures")]
KEYS = [CLI_NAMES.get(name, name) for name, _ in FIELDS]
CHUNK = 16  # files per worker task: output starts early, and both cores stay busy to the end


def _plain(value):
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def records(figures: pd.DataFrame) -> list[dict]:
    """A typed figures table as the CLI's rows (plain Python values)."""
    names = [c.name for c in columns_of("figures")]
    return [
        {CLI_NAMES.get(name, name): _plain(row[name]) for name in names}
        for row in figures.to_dict(orient="records")
    ]


def _typed(value, dtype: str):
    """One extracted value as its typed column gives it back (`records` of the table): without the table."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if dtype == "Float64":
        return float(value)
    if dtype == "Int64":
        return int(value)
    if dtype == "boolean":
        return bool(value)
    if dtype == "string":
        return value if type(value) is str else str(value)
    if dtype.startswith("datetime") and isinstance(value, datetime):
        return value.date().isoformat()
    return _plain(value)


SETTLED = {"string": str, "Int64": int, "Float64": float, "boolean": bool}  # values already as typed
FIELD_VALUES = operator.itemgetter(*(name for name, _ in FIELDS))
NONE = type(None)


def typed_columns(figures: list[dict]) -> list[list]:
    """A reply's figure records (loaders.tables) as the CLI's columns, in KEYS order, each value as `_typed`
    gives it. A column whose values are all of their type already or None (and no NaN: the only value that
    is not equal to itself) is kept as it is: one check per column, in C, instead of one Python test per
    value; a column of dates and gaps is written by one comprehension."""
    columns = []
    if not figures:
        return [[] for _ in FIELDS]
    # each record's values in KEYS order by one C call, then turned into columns by zip
    for (_, dtype), column in zip(FIELDS, zip(*map(FIELD_VALUES, figures), strict=True), strict=True):
        settled = SETTLED.get(dtype)
        kinds = set(map(type, column))
        if settled is not None and kinds <= {settled, NONE}:
            if settled is float and not all(map(operator.eq, column, column)):
                column = [v if v == v else None for v in column]
        elif dtype.startswith("datetime") and kinds <= {datetime, NONE}:
            column = [None if v is None else v.date().isoformat() for v in column]
        else:
            column = [
                v if type(v) is settled and v == v else None if v is None else _typed(v, dtype)
                for v in column
            ]
        columns.append(column)
    return columns


JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(…, ensure_ascii=False) builds at every call
KEY_PREFIXES = [("{" if i == 0 else ", ") + JSON.encode(key) + ": " for i, key in enumerate(KEYS)]


def _json_value(value) -> str:
    """One value as JSON.encode writes it, the common types without the encoder's per-object work."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int or (kind is float and value - value == 0):  # finite (the encoder spells inf Infinity)
        return repr(value)
    return JSON.encode(value)


BOOLEANS = {True: "true", False: "false"}
# one row's line with a %s for each value: `%` formats a whole row in one C call
LINE = "".join(prefix.replace("%", "%%") + "%s" for prefix in KEY_PREFIXES) + "}\n"


def _json_column(column: list) -> list[str]:
    """Each value as `_json_value` writes it; a column of one plain type in one C-level map."""
    kinds = set(map(type, column))
    if kinds == {str}:
        return list(map(encode_basestring, column))
    if kinds == {bool}:
        return list(map(BOOLEANS.__getitem__, column))
    if kinds == {int}:
        return list(map(int.__repr__, column))
    if kinds == {float} and all(map(math.isfinite, column)):
        return list(map(float.__repr__, column))
    if kinds == {str, NONE}:
        return [encode_basestring(v) if v is not None else "null" for v in column]
    # filter(None, …) drops the gaps (and 0.0, finite anyway)
    if kinds == {float, NONE} and all(map(math.isfinite, filter(None, column))):
        return [float.__repr__(v) if v is not None else "null" for v in column]
    if kinds == {NONE}:
        return ["null"] * len(column)
    return list(map(_json_value, column))


def jsonl_lines(columns: list[list]) -> str:
    """Typed columns (`typed_columns`) as JSON lines, one per row."""
    return "".join(map(LINE.__mod__, zip(*map(_json_column, columns), strict=True)))


def jsonl_text(rows: list[list]) -> str:
    """Each row as `json.dumps(dict(zip(KEYS, row)), ensure_ascii=False)` writes it, one per line."""
    return jsonl_lines([list(column) for column in zip(*rows, strict=True)]) if rows else ""


def csv_text(rows: list[list], header: bool = False) -> str:
    """One reply's rows as `pd.DataFrame(rows).to_csv(index=False)` writes them."""
    return csv_lines([list(column) for column in zip(*rows, strict=True)] if rows else [], header)


def csv_lines(columns: list[list], header: bool = False) -> str:
    """Typed columns as `pd.DataFrame(rows).to_csv(index=False)` writes one reply's rows: a whole-number
    column with a gap is a float column there (page 3 is written 3.0 when another figure of the reply has
    no page)."""
    columns = list(columns)
    for i, (_, dtype) in enumerate(FIELDS):
        if columns and dtype == "Int64" and None in columns[i] and any(v is not None for v in columns[i]):
            columns[i] = [None if v is None else repr(float(v)) for v in columns[i]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(KEYS)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()


def render(name: str, fmt: str) -> tuple[str, bytes]:
    """(the reason the file cannot be read, or "", its output lines as UTF-8 bytes). Bytes: the worker
    encodes them once, pickling them to the parent is a copy, and the parent writes them as they are
    (a string would be encoded by pickle, decoded in the parent and encoded again by stdout)."""
    try:
        figures = extract_decoded(read_path(name), Path(name).name).figures
    except LoadError as err:
        return str(err), b""
    except Exception as err:  # a loader bug must not sink the other files
        return f"internal error while reading ({type(err).__name__}: {err})".splitlines()[0], b""
    columns = typed_columns(figures)
    return "", (jsonl_lines(columns) if fmt == "jsonl" else csv_lines(columns)).encode("utf-8")


def render_chunk(jobs: Sequence[tuple[str, str]]) -> list[tuple[str, bytes]]:
    return [render(name, fmt) for name, fmt in jobs]


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
    sys.stdout.flush()
    out = sys.stdout.buffer  # the workers' lines are UTF-8 bytes already
    jobs = [(name, args.format) for name in args.files]
    done = (result for chunk in map_chunks(render_chunk, jobs, chunk=CHUNK) for result in chunk)
    for name, (error, text) in zip(args.files, done, strict=True):
        if error:
            out.flush()
            print(f"{name}: {error}", file=sys.stderr)
            status = 2
            continue
        if args.format == "csv" and not wrote_header:
            out.write(csv_text([], header=True).encode("utf-8"))
            wrote_header = True
        out.write(text)
        out.flush()
    return status


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
