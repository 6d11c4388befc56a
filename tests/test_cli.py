"""The CLI: JSON Lines or CSV on stdout; each unreadable file one line on stderr, exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.corpus import ROOT, SEED_TEXT

REQUIRED = {"doc", "text", "start", "end", "value", "unit", "base_value", "base_value_high", "base_unit"}
REQUIRED |= {"qualifier", "period", "kind", "planned", "theme", "section", "label", "sentence"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT
    )


def test_jsonl_output():
    result = run(str(SEED_TEXT))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 27
    assert all(set(row) >= REQUIRED for row in rows)
    assert "39.9亿元" in result.stdout  # not ASCII-escaped
    first = rows[0]
    assert (first["text"], first["base_value"], first["period"], first["planned"]) == (
        "39.9亿元",
        3990000000.0,
        "2020-01/2020-06",
        False,
    )
    undated = next(row for row in rows if row["period"] is None)
    assert undated["period_start"] is None and undated["period_end"] is None  # null, not "NaT"


def test_csv_output():
    result = run("--format", "csv", str(SEED_TEXT), str(SEED_TEXT))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc,text,start,end")
    assert len(lines) == 1 + 2 * 27  # one header for both files


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("blank.txt", b"   \n\n  ", "no text"),
        ("broken.docx", b"PK\x03\x04 this is not really a zip", ""),
    ],
)
def test_bad_files_are_reported_and_others_still_processed(tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run(str(bad), str(SEED_TEXT))
    assert result.returncode == 2
    message = result.stderr.strip().splitlines()
    assert len(message) == 1 and message[0].startswith(str(bad)) and reason in message[0]
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 27


def test_missing_file(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{tmp_path / 'nope.txt'}: no such file"


def test_undecodable_bytes(tmp_path):
    bad = tmp_path / "mixed.txt"
    bad.write_bytes("慈溪".encode() + b"\xff\xfe\xfa\x80\x81" * 200 + b"\x00" * 50)
    result = run(str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
