"""Inputs the coverage-guided fuzzer (benchmarks/fuzz_loaders.py) found to crash the loaders, kept for good.

Each case is the (bytes, name) the harness passed to `loaders.load_bytes`, with the date and what it broke.
The contract: a LoadError with a one-line reason, or tables whose offsets slice to each figure's surface.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from loaders import LoadError, load_bytes
from loaders.read import read_bytes

CRASHES = [
    # 2026-11-28, atheris run 1 after 56,571 inputs: a UTF-16 BOM before an odd number of bytes raised
    # UnicodeDecodeError out of loaders.read.decode_text
    (b"\xfe\xff\xe0\x1f\x1b\xe0\xe9\xbd\x8a\xff\xff\xff~", "reply.txt"),
    # the same class of input, found by reading the code the crash pointed at
    (b"\xff\xfe\x00", "reply.txt"),
    (
        b"\xef\xbb\xbf\xe5\x9b\xad15\xff\xfe\xe4\xb8\xaa",
        "reply.txt",
    ),  # UTF-8 BOM, then bytes that are not UTF-8
    (b"\xfe\xff\x00<\x00h\x00t\x00m", "reply.html"),
]


@pytest.mark.parametrize(("data", "name"), CRASHES, ids=lambda v: v if isinstance(v, str) else v[:6].hex())
def test_fuzzer_crashes_stay_fixed(data, name):
    try:
        tables = load_bytes(data, name)
    except LoadError as err:
        assert str(err) and "\n" not in str(err)
        return
    text = read_bytes(data, name).text
    for row in tables.figures.itertuples():
        assert text[row.start : row.end] == row.text
        assert pd.isna(row.base_value) or math.isfinite(row.base_value)
