"""Coverage-guided fuzzing of the loaders with atheris (libFuzzer for Python).

    .venv/bin/python benchmarks/fuzz_loaders.py -max_total_time=600 [-seed=1] [corpus_dir]

Each input is split by atheris' FuzzedDataProvider into a file name (.txt .html .htm .md or none) and the
file's bytes, then fed to `loaders.load_bytes`. An unreadable input may raise `LoadError` (that is the
loaders' one-line refusal); anything else is a crash. For every table that comes back the invariants of the
property tests are checked: `text[start:end]` is the figure's surface, values are finite, one document row.
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

with atheris.instrument_imports(include=["loaders"]):
    from loaders import LoadError, load_bytes
    from loaders.read import read_bytes

NAMES = ("reply.txt", "reply.html", "reply.htm", "reply.md", "reply")


def check(data: bytes, name: str) -> None:
    """Raises AssertionError (a crash to libFuzzer) when a table breaks an invariant."""
    try:
        tables = load_bytes(data, name)
    except LoadError as err:
        assert str(err) and "\n" not in str(err), f"LoadError must be one line: {err!r}"
        return
    text = read_bytes(data, name).text
    assert len(tables.documents) == 1
    for row in tables.figures.itertuples():
        assert text[row.start : row.end] == row.text, (row.start, row.end, row.text)
        for value in (row.base_value, row.base_value_low, row.base_value_high):
            assert pd.isna(value) or math.isfinite(value), value


def test_one_input(raw: bytes) -> None:
    provider = atheris.FuzzedDataProvider(raw)
    name = NAMES[provider.ConsumeIntInRange(0, len(NAMES) - 1)]
    data = provider.ConsumeBytes(provider.remaining_bytes())
    check(data, name)


def write_seeds(folder: Path) -> None:
    """Seed inputs: each corpus reply behind a name-choosing prefix byte (0: .txt), plus an HTML page."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sorted((ROOT.parent / "shared" / "corpus").glob("*/*.txt")) or [ROOT / "data" / "seed_reply.txt"]
    for path in texts:
        (folder / path.name).write_bytes(b"\x00" + path.read_bytes())
    seed = (ROOT / "data" / "seed_reply.txt").read_text("utf-8")
    page = (
        f"<html><body><div class='article'><p>{seed[:2000]}</p><script>alert(1)</script></div></body></html>"
    )
    (folder / "seed.html").write_bytes(b"\x01" + page.encode("utf-8"))
    (folder / "seed.gb18030.txt").write_bytes(b"\x00" + seed.encode("gb18030"))


if __name__ == "__main__":
    args = sys.argv[1:]
    corpus = next((a for a in args if not a.startswith("-")), None)
    if corpus:
        write_seeds(Path(corpus))
    atheris.Setup([sys.argv[0], *args], test_one_input)
    atheris.Fuzz()
