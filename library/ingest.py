"""Reading candidate files into tables, in parallel for large batches.

Extraction is the slow part of adding a reply, and it runs before the library is touched: a file that cannot
be read is reported with its reason and never stored. Batches use a process pool (the loaders are pure
Python, so threads would share one core); small batches stay in-process, where starting workers would cost
more than it saves.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from loaders.read import MAX_BYTES, LoadError, read_bytes
from loaders.tables import DocumentRecords, extract_decoded

PARALLEL_MIN = 16  # files; below this a pool costs more than it saves


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
    """What reading one source gave: its rows and identity, or a one-line reason it cannot be read.

    Rows stay plain records until a whole batch is in: typed frames are built once per batch, since building
    them per reply costs several times more than reading the reply.
    """

    sha256: str = ""
    size: int = 0
    format: str = ""
    encoding: str = ""
    records: DocumentRecords | None = None
    error: str = ""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_records(data: bytes, name: str) -> DocumentRecords:
    decoded = read_bytes(data, name)
    return extract_decoded(decoded, name)


def extract_one(source: Source) -> Extracted:
    """Never raises: a reply that cannot be read comes back with its reason."""
    try:
        data = source.read()
        records = load_records(data, source.name)
    except LoadError as err:
        return Extracted(error=str(err))
    except OSError as err:
        return Extracted(error=f"cannot read the file ({err.strerror or type(err).__name__})")
    except Exception as err:  # a loader bug must not sink the other files of the batch
        return Extracted(error=f"internal error while reading ({type(err).__name__}: {err})".splitlines()[0])
    document = records.document
    return Extracted(
        sha256=sha256_of(data),
        size=len(data),
        format=str(document.get("format") or ""),
        encoding=str(document.get("encoding") or ""),
        records=records,
    )


def extract_all(sources: Iterable[Source], workers: int | None = None) -> Iterator[Extracted]:
    """Extracted results in the order of `sources`."""
    sources = list(sources)
    cores = os.cpu_count() or 1
    workers = workers if workers is not None else min(cores, 4)
    if len(sources) < PARALLEL_MIN or workers < 2:
        yield from map(extract_one, sources)
        return
    # fork is cheapest (workers inherit the imported loaders) but unsafe once other threads run (a web
    # server): then a forkserver starts clean workers instead
    method = "fork" if threading.active_count() == 1 else "forkserver"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        yield from pool.map(extract_one, sources, chunksize=8)
