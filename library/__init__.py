"""The reply library: a folder of reply files kept unchanged, a manifest, and a Parquet cache of their tables.

    from library import open_library, add_files, add_bytes, remove
    lib = open_library()            # data/ by default, or $REPLY_LIBRARY, or a folder given
    lib.tables.figures              # every reply's figures (loaders.tables.ReplyTables)
    lib.catalog()                   # one row per reply: names, format, when and how added, figure count
    add_files(["replies/"], how="cli")

Files dropped into the folder are picked up when the library is opened; a folder with only the seed reply and
no manifest works with no set-up. Safety rules (atomic writes, lock, crash recovery) are in library.manifest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from library import cache
from library.ingest import Source, extract_all
from library.manifest import REPLY_SUFFIXES, Entry, ManifestError, locked, read_manifest, reply_files
from library.store import AddResult, Progress, add_sources, commit_batch, forget_missing, remove_entry
from loaders.tables import ReplyTables, concat_tables

__all__ = [
    "AddResult",
    "Entry",
    "Library",
    "ManifestError",
    "add_bytes",
    "add_files",
    "library_folder",
    "load_library",
    "open_library",
    "remove",
]

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "data"


def library_folder(folder: str | Path | None = None) -> Path:
    """The folder given, else $REPLY_LIBRARY, else the project's data/ (which ships the seed reply)."""
    return Path(folder or os.environ.get("REPLY_LIBRARY") or DEFAULT_FOLDER).resolve()


@dataclass
class Library:
    folder: Path
    entries: list[Entry]
    tables: ReplyTables
    problems: list[str] = field(default_factory=list)  # "name: reason" for files that could not be read
    # (name, stored name) for files dropped into the folder whose content is already in the library: they are
    # readable and left where they are, but not added twice
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    def catalog(self) -> pd.DataFrame:
        """One row per reply, in the order added, with its document metadata and figure count."""
        columns = [name for name in Entry.__dataclass_fields__ if name != "mtime_ns"]
        rows = pd.DataFrame([e.__dict__ for e in self.entries], columns=columns)
        rows = rows.astype({"size": "Int64"}).astype({c: "string" for c in rows.columns if c != "size"})
        rows["added_at"] = pd.to_datetime(rows["added_at"], utc=True)
        documents = self.tables.documents.rename(columns={"format": "doc_format", "encoding": "doc_encoding"})
        merged = rows.merge(documents, how="left", left_on="stored_name", right_on="doc")
        return merged.drop(columns=["doc", "doc_format", "doc_encoding"])


def open_library(folder: str | Path | None = None, workers: int | None = None) -> Library:
    """Pick up dropped files, finish interrupted writes, and load every reply's tables (cached per file)."""
    folder = library_folder(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"library folder {folder} does not exist")
    writable = os.access(folder, os.W_OK)
    problems: list[str] = []
    duplicates: list[tuple[str, str]] = []
    if writable:
        cache.sweep_stale(folder)
    entries = forget_missing(folder, problems) if writable else read_manifest(folder)
    known = {e.stored_name for e in entries}
    on_disk = reply_files(folder, problems)  # links that loop or lead outside are named, not read
    dropped = [
        Source(name, path=folder / name, in_place=True, mtime_ns=on_disk[name].stat().st_mtime_ns)
        for name in sorted(on_disk)
        if name not in known
    ]
    fresh: dict[str, dict] = {}  # sha256 → rows (library.ingest.Extracted.rows)
    if dropped:
        extracted = list(extract_all(dropped, workers, scans_in=folder))
        if writable:
            results = commit_batch(folder, list(zip(dropped, extracted, strict=True)), "folder", problems)
            problems += [f"{r.name}: {r.reason}" for r in results if r.status == "failed"]
            duplicates += [(r.name, r.duplicate_of) for r in results if r.status == "duplicate"]
            entries = read_manifest(folder)
        else:  # a read-only library (a shared corpus): list the files without recording them
            by_sha = {e.sha256: e.stored_name for e in entries}
            for source, got in zip(dropped, extracted, strict=True):
                if got.error:
                    problems.append(f"{source.name}: {got.error}")
                elif got.sha256 in by_sha:
                    duplicates.append((source.name, by_sha[got.sha256]))
                else:
                    entries.append(_entry_in_memory(source, got))
                    fresh[got.sha256] = got.rows
                    by_sha[got.sha256] = source.name
    tables = _tables_for(folder, entries, fresh, writable, problems, workers)
    return Library(folder, entries, tables, problems, duplicates)


def _tables_for(folder, entries, fresh, writable, problems, workers) -> ReplyTables:
    """Cached tables where the cache has them; the rest extracted now (and cached when we may write)."""
    names = {e.sha256: e.stored_name for e in entries}
    directory = cache.cache_dir(folder)
    cached, missing = cache.read_cached(directory, names)
    missing -= set(fresh)
    stale = [e for e in entries if e.sha256 in missing]
    parts = []
    sources = [Source(e.stored_name, path=folder / e.stored_name) for e in stale]
    for entry, got in zip(stale, extract_all(sources, workers, scans_in=folder), strict=True):
        if got.error or got.sha256 != entry.sha256:
            problems.append(f"{entry.stored_name}: {got.error or 'the file changed since it was added'}")
        else:
            parts.append((entry.sha256, got.rows))
    if parts and writable:
        cache.write_segment(directory, [rows for _, rows in parts])
        if len(cache.segments(directory)) > cache.MAX_SEGMENTS:
            with locked(folder):
                cache.compact(directory, set(names))
    extracted = [*parts, *fresh.items()]
    if extracted:
        cached = concat_tables([cached, cache.frames_of([rows for _, rows in extracted], names)])
    return _in_manifest_order(cached, [e.stored_name for e in entries])


def _in_manifest_order(tables: ReplyTables, order: list[str]) -> ReplyTables:
    rank = {name: i for i, name in enumerate(order)}

    def arrange(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
        ranks = cache.map_distinct(frame["doc"], rank, missing=len(rank)).to_numpy(dtype=float)
        keys = [frame[c].to_numpy(dtype=float, na_value=np.inf) for c in reversed(by)]
        order = np.lexsort((*keys, ranks))  # stable; the last key sorts first
        if (order == np.arange(len(order))).all():  # the cache holds them in order already: no copy
            return frame.reset_index(drop=True)
        return frame.take(order).reset_index(drop=True)

    return ReplyTables(
        contiguous(arrange(tables.documents, [])),
        contiguous(arrange(tables.sections, ["start"])),
        contiguous(arrange(tables.figures, ["start"])),
    )


def contiguous(frame: pd.DataFrame) -> pd.DataFrame:
    """Arrow-backed text columns in one chunk each. Read from several cache segments (or concatenated with
    fresh extractions) they arrive in pieces, and taking rows from a column in pieces joins the pieces
    first: 40 rows out of 300,000 cost 30 ms in ten pieces, 2 ms in one. Once at load time, for every page's
    row taking after."""
    for name in frame.columns:
        values = frame[name].array
        if isinstance(frame[name].dtype, pd.StringDtype) and hasattr(values, "__arrow_array__"):
            pieces = values.__arrow_array__()
            if getattr(pieces, "num_chunks", 1) > 1:
                frame[name] = pd.array(pieces.combine_chunks(), dtype=frame[name].dtype)
    return frame


def _entry_in_memory(source: Source, got) -> Entry:
    mtime = datetime.fromtimestamp(source.path.stat().st_mtime, UTC) if source.path else datetime.now(UTC)
    return Entry(got.sha256, source.name, source.name, got.format, got.encoding,
                 mtime.isoformat(timespec="seconds"), "folder", got.size, source.mtime_ns)  # fmt: skip


def load_library(folder: str | Path | None = None) -> ReplyTables:
    """All replies' tables: what the dashboard shows."""
    return open_library(folder).tables


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the reply files inside folders named (not recursing into hidden folders)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(_reply_files_under(path), key=lambda p: p.parts)  # the order sorted(paths) gives
        else:
            files.append(path)
    return files


def _reply_files_under(folder: Path) -> Iterator[Path]:
    """Reply files below a folder, skipping hidden files and folders (symlinked folders are not followed)."""
    for root, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in REPLY_SUFFIXES:
                path = Path(root, name)
                if path.is_file():
                    yield path


def add_files(
    paths: Iterable[str | Path], folder: str | Path | None = None, how: str = "cli",
    progress: Progress | None = None, workers: int | None = None,
) -> list[AddResult]:  # fmt: skip
    """Copy files (or folders of them) into the library; files already in its folder are registered."""
    folder = library_folder(folder)
    in_folder = reply_files(folder)  # listed once: a folder of 10,000 files is not listed 10,000 times
    sources = [
        Source(p.name, path=p, in_place=p.name in in_folder and p.resolve().parent == folder)
        for p in expand(paths)
    ]
    return add_sources(folder, sources, how, progress, workers)


def add_bytes(data: bytes, name: str, folder: str | Path | None = None, how: str = "upload") -> AddResult:
    """Add one file given as bytes (an upload)."""
    return add_sources(library_folder(folder), [Source(name, data=data)], how)[0]


def add_uploads(
    files: list[tuple[str, bytes]], folder: str | Path | None = None, workers: int | None = None
) -> list[AddResult]:
    """Add several uploaded files in one transaction (workers=1: read in this thread, whose OCR progress
    callback then hears every page)."""
    sources = [Source(n, data=d) for n, d in files]
    return add_sources(library_folder(folder), sources, "upload", workers=workers)


def remove(sha256: str, folder: str | Path | None = None) -> Entry:
    """Remove a reply (its file and entry); the caller asks the user first."""
    return remove_entry(library_folder(folder), sha256)
