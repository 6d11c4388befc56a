"""The batched CLI (every core, rows straight from the records) prints the same bytes as reading the files
one at a time into the typed figures table: JSON and CSV, the errors on stderr and the exit status."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys

import pandas as pd
import pytest

from benchmarks.synthetic_replies import SentencePool, make_reply
from loaders import LoadError, load_path
from loaders.__main__ import KEYS, csv_text, jsonl_text, records
from tests.corpus import CORPUS, ROOT
from tests.reply_files import cjk_ttf, full_width, make_docx, make_pdf, seed_text


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[str]:
    """Corpus and probe replies, generated replies, other formats and encodings, and unreadable files."""
    folder = tmp_path_factory.mktemp("cli")
    pool, rng = SentencePool.from_corpus(), random.Random(13)
    names = [
        str(p) for p in sorted(CORPUS.glob("*/*.txt")) + sorted((ROOT / "tests" / "probe").glob("*.txt"))
    ]
    for i in range(40):
        path = folder / f"gen{i:02d}.txt"
        path.write_text(make_reply(i, pool, rng), encoding="utf-8")
        names.append(str(path))
    text = seed_text()
    odd = {
        "seed.gb18030.txt": full_width(text).replace("\n", "\r\n").encode("gb18030"),
        "seed.docx": make_docx(text.split("\n")),
        "seed.pdf": make_pdf(text.split("\n"), cjk_ttf(text, folder)),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "broken.docx": b"PK\x03\x04 this is not really a zip",
    }
    for name, data in odd.items():
        (folder / name).write_bytes(data)
    spots = rng.sample(range(len(names)), len(odd) + 1)
    for spot, name in sorted(zip(spots, [*odd, "missing.txt"], strict=True), reverse=True):
        names.insert(spot, str(folder / name))
    return names


def one_at_a_time(names: list[str], fmt: str) -> tuple[str, str, int]:
    """What the CLI printed before it was batched: each file read into its typed figures table."""
    out, err, status, wrote_header = io.StringIO(), io.StringIO(), 0, False
    for name in names:
        try:
            figures = load_path(name).figures
        except LoadError as error:
            err.write(f"{name}: {error}\n")
            status = 2
            continue
        rows = records(figures)
        if fmt == "jsonl":
            out.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
        else:
            frame = pd.DataFrame(rows, columns=KEYS)
            frame.to_csv(out, index=False, header=not wrote_header, lineterminator="\n")
            wrote_header = True
    return out.getvalue(), err.getvalue(), status


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_batched_output_is_the_one_at_a_time_output_byte_for_byte(files, fmt):
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "--format", fmt, *files], capture_output=True, cwd=ROOT
    )
    out, err, status = one_at_a_time(files, fmt)
    assert len(out.splitlines()) > 1000 and err.count("\n") == 4
    assert result.stderr.decode("utf-8") == err
    assert result.stdout == out.encode("utf-8")
    assert result.returncode == status == 2


def test_a_whole_number_column_with_a_gap_is_written_as_pandas_writes_it():
    """A PDF figure outside every page has no page: pandas then writes the other pages as 3.0."""
    row = {key: None for key in KEYS} | {"doc": "a", "text": "3个", "start": 1, "end": 3}
    rows = [[r[key] for key in KEYS] for r in (row | {"page": 3}, row)]
    expected = pd.DataFrame([dict(zip(KEYS, r, strict=True)) for r in rows], columns=KEYS)
    assert csv_text(rows) == expected.to_csv(index=False, header=False, lineterminator="\n")
    assert "3.0" in csv_text(rows)


@pytest.mark.parametrize(
    "value",
    ['a"b\\c\n\u2028中', "", "\x00", 1.5, 0.1 + 0.2, 1e16, -0.0, float("inf"), 10**20, True, False, None],
)
def test_a_json_line_is_what_json_dumps_writes(value):
    row = [None] * len(KEYS)
    row[1] = value
    assert jsonl_text([row]) == json.dumps(dict(zip(KEYS, row, strict=True)), ensure_ascii=False) + "\n"


def test_a_reader_that_stops_early_gets_no_traceback(files):
    """`python -m loaders … | head -1`: the command stops quietly when its output is closed."""
    command = [sys.executable, "-m", "loaders", *files]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as process:
        assert process.stdout.readline().startswith(b'{"doc"')
        process.stdout.close()
        errors = process.stderr.read().decode("utf-8")
        status = process.wait()
    assert "Traceback" not in errors and status != 0


def test_a_records_gaps_and_nans_are_typed_as_the_figures_table_types_them():
    """Columns of a type and gaps take a shortcut past the per-value typing: NaN and dates still convert."""
    from datetime import datetime

    from loaders.__main__ import FIELDS, typed_columns

    base = {name: None for name, _ in FIELDS} | {"doc": "a", "text": "3个", "start": 1, "end": 3}
    values = [
        {"value": 1.5, "period_start": datetime(2021, 1, 1)},
        {"value": float("nan"), "ocr_confidence": float("nan")},
        {"value": None, "page": 2},
    ]
    frame = pd.DataFrame([base | v for v in values])
    frame = frame.astype({name: dtype for name, dtype in FIELDS})
    columns = typed_columns([base | v for v in values])
    assert [list(row) for row in zip(*columns, strict=True)] == [
        [r[key] for key in KEYS] for r in records(frame)
    ]
