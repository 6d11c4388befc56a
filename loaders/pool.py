"""Work over many replies on every core: chunks mapped in worker processes, results in input order.

The loaders are pure Python, so threads would share one core; a process pool runs one reply per core. Each
task is a chunk of items (one process round trip carries many replies), results come back in the order of
the input as soon as each chunk is done, so a caller can stream them. Small batches stay in-process, where
starting workers would cost more than it saves. The library's ingest and `python -m loaders` both use it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MIN = 16  # items; below this a pool costs more than it saves
CHUNK = 32  # items per worker task at most: enough work per round trip, small enough to keep every core busy


def default_workers() -> int:
    return min(os.cpu_count() or 1, 4)


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def map_chunks(
    work: Callable[[Sequence[Item]], Result],
    items: Sequence[Item],
    workers: int | None = None,
    chunk: int = CHUNK,
) -> Iterator[Result]:
    """`work(chunk)` for consecutive chunks of `items`, in order, each yielded as soon as it (and every
    chunk before it) is done. `work` must be a module-level function (it is sent to the workers by name)."""
    workers = workers if workers is not None else default_workers()
    if len(items) < PARALLEL_MIN or workers < 2:
        yield from map(work, chunked(items, chunk))
        return
    # several chunks per worker, so that one slow chunk does not leave the other cores idle at the end
    size = max(1, min(chunk, -(-len(items) // (workers * 4))))
    # fork is cheapest (workers inherit the imported loaders) but unsafe once other threads run (a web
    # server): then a forkserver starts clean workers instead
    method = "fork" if threading.active_count() == 1 else "forkserver"
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
    try:
        yield from pool.map(work, chunked(items, size))
    finally:  # a caller that stops early (a closed pipe, an error) does not wait for the chunks still queued
        pool.shutdown(wait=True, cancel_futures=True)
