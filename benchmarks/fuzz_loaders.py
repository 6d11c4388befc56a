"""Coverage-guided fuzzing of the loaders with atheris (libFuzzer for Python).

    .venv/bin/python benchmarks/fuzz_loaders.py -max_total_time=600 [-seed=1] [corpus_dir]

Each input is split by atheris' FuzzedDataProvider into a file name (.txt .html .htm .md or none), a shape
and the file's bytes, then fed to `loaders.load_bytes` and to the library's reading (`library.ingest`, under
its text and figure budgets). The shapes are what issue 11's hostile files were made of: the bytes as they
are, repeated as dense numbered headings, nested in deep HTML, behind a byte-order mark, or strewn with
control and invisible characters. An unreadable input may raise `LoadError` (that is the loaders' one-line
refusal); anything else is a crash. For every table that comes back the invariants of the property tests are
checked: `text[start:end]` is the figure's surface, every value is finite, one document row.
A crash writes `crash-<sha1>` in the working directory (libFuzzer's convention): keep it as a regression test
in tests/test_fuzz_regressions.py. Seeds: the corpus replies and the seed, written to corpus_dir on start.

.docx and .pdf are not fuzzed here: their parsers (python-docx, pdfminer) are third-party and any byte
mutation makes a broken archive that is refused before the loaders see text; tests/test_hardening.py covers
their hostile forms instead.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import atheris
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["loaders", "library"]):
    from library.ingest import load_records
    from loaders import LoadError, load_bytes
    from loaders.read import read_bytes
from benchmarks.synthetic_replies import source_replies  # noqa: E402

NAMES = ("reply.txt", "reply.html", "reply.htm", "reply.md", "reply")
VALUES = ("value", "value_high", "base_value", "base_value_low", "base_value_high")


def shaped(data: bytes, shape: int, times: int) -> bytes:
    """The fuzzer's bytes in one of the hostile shapes (0: as they are)."""
    if shape == 1:  # dense headings: every line a numbered section
        return b"".join(f"{m}\n".encode() + data for m in ("一、", "(一)", "1.", "(1)") * times)
    if shape == 2:  # deep HTML
        return b"<html><body>" + b"<div>" * (times * 50) + data + b"</div>" * (times * 50) + b"</body></html>"
    if shape == 3:  # a UTF-16 byte-order mark before whatever follows
        return b"\xff\xfe" + data
    if shape == 4:  # control and invisible characters between the bytes
        return data.replace(b"\xe3", "\x01\u3164=\x0b".encode() + b"\xe3", times)
    return data


def check(data: bytes, name: str) -> None:
    """Raises AssertionError (a crash to libFuzzer) when a table breaks an invariant."""
    try:
        load_records(data, name)  # the library's reading, under its budgets: LoadError or records
    except LoadError as err:
        assert str(err) and "\n" not in str(err), f"LoadError must be one line: {err!r}"
    try:
        tables = load_bytes(data, name)
    except LoadError as err:
        assert str(err) and "\n" not in str(err), f"LoadError must be one line: {err!r}"
        return
    text = read_bytes(data, name).text
    assert len(tables.documents) == 1
    for row in tables.figures.itertuples():
        assert text[row.start : row.end] == row.text, (row.start, row.end, row.text)
        for value in (getattr(row, column) for column in VALUES):
            assert pd.isna(value) or math.isfinite(value), value


def test_one_input(raw: bytes) -> None:
    provider = atheris.FuzzedDataProvider(raw)
    name = NAMES[provider.ConsumeIntInRange(0, len(NAMES) - 1)]
    shape, times = provider.ConsumeIntInRange(0, 4), provider.ConsumeIntInRange(1, 40)
    data = provider.ConsumeBytes(provider.remaining_bytes())
    check(shaped(data, shape, times), name)


def write_seeds(folder: Path) -> None:
    """Seed inputs: each corpus reply behind a name-choosing prefix byte (0: .txt), plus an HTML page."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in source_replies(with_seed=False):
        (folder / path.name).write_bytes(b"\x00\x00\x00" + path.read_bytes())
    seed = (ROOT / "data" / "seed_reply.txt").read_text("utf-8")
    page = (
        f"<html><body><div class='article'><p>{seed[:2000]}</p><script>alert(1)</script></div></body></html>"
    )
    (folder / "seed.html").write_bytes(b"\x01\x00\x00" + page.encode("utf-8"))
    (folder / "seed.gb18030.txt").write_bytes(b"\x00\x00\x00" + seed.encode("gb18030"))


if __name__ == "__main__":
    args = sys.argv[1:]
    corpus = next((a for a in args if not a.startswith("-")), None)
    if corpus:
        write_seeds(Path(corpus))
    atheris.Setup([sys.argv[0], *args], test_one_input)
    atheris.Fuzz()
