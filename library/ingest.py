"""Reading candidate files into tables, in parallel for large batches.

Extraction is the slow part of adding a reply, and it runs before the library is touched: a file that cannot
be read is reported with its reason and never stored. Batches run on every core (loaders.pool: chunks of
files in worker processes, results in order); small batches stay in-process. What OCR read from a scan is
kept for the library's reader where the scan was read (library.scans), so opening it later reads no page again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import pyarrow as pa

from library import cache, scans
from loaders.pool import map_chunks
from loaders.read import MAX_BYTES, LoadError, read_bytes
from loaders.tables import DocumentRecords, extract_decoded

# Figures per reply: a long reply reports a few hundred; a file with more is refused before it is stored, so
# one upload cannot make the library slow to open for everyone (the loaders' text budget bounds the work)
MAX_FIGURES = 20_000


@dataclass(frozen=True)
class Source:
    """A file to add: bytes in hand (an upload) or a path (a folder or the command line)."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    in_place: bool = False  # already in the library folder under this name: register, don't copy
    mtime_ns: int = 0  # of an in-place file, taken before it was read (0: unknown, checked by hash later)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        size = self.path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(
                f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
            )
        return self.path.read_bytes()


@dataclass(frozen=True)
class Extracted:
    """What reading one source gave: its identity and rows, or a one-line reason it cannot be read.

    The rows are Arrow tables in the cache's layout (each row tagged with the reply's hash). A worker builds
    them for a whole chunk of replies at once and the parent slices them per reply: Arrow crosses the
    process boundary and lands in Parquet for a fraction of what pickled dicts, or typed frames, would cost.
    """

    sha256: str = ""
    size: int = 0
    format: str = ""
    encoding: str = ""
    rows: dict[str, pa.Table] | None = None
    error: str = ""

    @property
    def n_figures(self) -> int:
        return self.rows["figures"].num_rows if self.rows is not None else 0


@dataclass(frozen=True)
class Chunk:
    """A worker's answer for a run of sources: each result without its rows, and the rows of them all."""

    results: list[Extracted]
    tables: dict[str, pa.Table]  # rows of the readable results, in their order
    lengths: list[dict[str, int]]  # rows per table of each result (none for a failed one)

    def split(self) -> Iterator[Extracted]:
        """The results in order, each with its own zero-copy slice of the tables."""
        offsets = dict.fromkeys(cache.TABLES, 0)
        for got, lengths in zip(self.results, self.lengths, strict=True):
            if got.error:
                yield got
                continue
            rows = {name: self.tables[name].slice(offsets[name], lengths[name]) for name in cache.TABLES}
            for name in cache.TABLES:
                offsets[name] += lengths[name]
            yield replace(got, rows=rows)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_records(data: bytes, name: str, scans_in: Path | None = None) -> DocumentRecords:
    """A reply's records under the library's limits; what OCR read from an accepted scan is kept for the
    reader of the library in `scans_in` (library.scans), when given."""
    decoded = read_bytes(data, name)
    records = extract_decoded(decoded, name)
    if len(records.figures) > MAX_FIGURES:
        raise LoadError(
            f"refused: {len(records.figures):,} figures in one reply (the limit is {MAX_FIGURES:,})"
        )
    if scans_in is not None:
        scans.keep(scans_in, sha256_of(data), decoded)
    return records


def _read_one(source: Source, scans_in: Path | None = None) -> tuple[Extracted, DocumentRecords | None]:
    """Never raises: a reply that cannot be read comes back with its reason."""
    try:
        data = source.read()
        records = load_records(data, source.name, scans_in)
    except LoadError as err:
        return Extracted(error=str(err)), None
    except OSError as err:
        return Extracted(error=f"cannot read the file ({err.strerror or type(err).__name__})"), None
    except Exception as err:  # a loader bug must not sink the other files of the batch
        reason = f"internal error while reading ({type(err).__name__}: {err})".splitlines()[0]
        return Extracted(error=reason), None
    document = records.document
    got = Extracted(
        sha256=sha256_of(data),
        size=len(data),
        format=str(document.get("format") or ""),
        encoding=str(document.get("encoding") or ""),
    )
    return got, records


def extract_chunk(sources: list[Source], scans_in: Path | None = None) -> Chunk:
    """Read a run of sources; the rows of the readable ones become one Arrow table each (what OCR read kept
    for the reader of the library in `scans_in`, when given)."""
    results, parts, lengths = [], [], []
    for source in sources:
        got, records = _read_one(source, scans_in)
        results.append(got)
        if records is None:
            lengths.append({})
            continue
        parts.append((got.sha256, records))
        lengths.append({"documents": 1, "sections": len(records.sections), "figures": len(records.figures)})
    return Chunk(results, cache.arrow_tables(parts), lengths)


def extract_one(source: Source) -> Extracted:
    """One source's result (with its rows, or the reason it cannot be read)."""
    return next(extract_chunk([source]).split())


def extract_all(
    sources: Iterable[Source], workers: int | None = None, scans_in: Path | None = None
) -> Iterator[Extracted]:
    """Extracted results in the order of `sources` (chunks of them on every core: loaders.pool); what OCR read
    from a scan is kept, by the process that read it, for the reader of the library in `scans_in`."""
    for chunk in map_chunks(partial(extract_chunk, scans_in=scans_in), list(sources), workers):
        yield from chunk.split()
