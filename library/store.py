"""Adding and removing replies: the transactions described in library.manifest, one lock hold per batch."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from library import cache
from library.ingest import Extracted, Source, extract_all, sha256_of
from library.manifest import (
    Entry,
    locked,
    name_max,
    pending_path,
    recover,
    reply_files,
    safe_name,
    write_manifest,
)

# files per transaction in a large batch: a crash loses at most this much work (a few seconds of extraction),
# and 10,000 files make 10 cache segments, well under cache.MAX_SEGMENTS, so an ingest never compacts
COMMIT_EVERY = 1024
FSYNC_EACH = 8  # up to this many files, each is fsynced; a larger batch calls os.sync() once (3 ms per fsync)


@dataclass(frozen=True)
class AddResult:
    name: str  # as given
    status: str  # added, duplicate, failed
    reason: str = ""  # why it failed, or which stored reply it duplicates
    stored_name: str = ""
    n_figures: int = 0
    duplicate_of: str = ""  # the stored name of the reply with the same content


Progress = Callable[[int, int, AddResult], None]


def add_sources(
    folder: Path,
    sources: Iterable[Source],
    how: str,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[AddResult]:
    """Read every source, then store the readable ones in transactions of up to COMMIT_EVERY files."""
    sources = list(sources)
    results: list[AddResult] = []
    batch: list[tuple[Source, Extracted]] = []

    def commit() -> None:
        for result in commit_batch(folder, batch, how):
            results.append(result)
            if progress:
                progress(len(results), len(sources), result)
        batch.clear()

    for source, extracted in zip(sources, extract_all(sources, workers, scans_in=folder), strict=True):
        batch.append((source, extracted))
        if len(batch) >= COMMIT_EVERY:
            commit()
    commit()
    return results


def commit_batch(
    folder: Path, batch: list[tuple[Source, Extracted]], how: str, notes: list[str] | None = None
) -> list[AddResult]:
    """Store a batch of extracted sources: one lock hold, one manifest commit."""
    if not batch:
        return []
    results: list[AddResult] = []
    with locked(folder):
        entries = recover(folder, notes)
        by_sha = {e.sha256: e for e in entries}
        on_disk = reply_files(folder)
        # every name in the folder, links skipped as replies included: a new file never replaces one
        taken = {e.stored_name for e in entries} | set(os.listdir(folder))
        limit = name_max(folder)
        registering = {source.name for source, _ in batch if source.in_place}
        unregistered = set(on_disk) - {e.stored_name for e in entries} - registering
        by_sha.update(_unregistered(folder, on_disk, unregistered, batch))
        added: list[tuple[Entry, Path | None]] = []
        rows = []
        try:
            durable = len(batch) <= FSYNC_EACH  # a large batch syncs the disk once instead, before committing
            for source, got in batch:
                result, entry, pending = _place(folder, source, got, by_sha, taken, how, durable, limit)
                results.append(result)
                if entry:
                    by_sha[entry.sha256] = entry
                    added.append((entry, pending))
                    rows.append(got.rows)
            if added:
                if not durable:
                    os.sync()
                cache.write_segment(cache.cache_dir(folder), rows)
                write_manifest(folder, entries + [entry for entry, _ in added])  # the commit point
                cache.compact(cache.cache_dir(folder), set(by_sha))
        except BaseException:
            for _, pending in added:
                if pending:
                    with contextlib.suppress(FileNotFoundError):
                        pending.unlink()
            raise
        for entry, pending in added:
            if pending:
                os.replace(pending, folder / entry.stored_name)
    return results


def _unregistered(folder: Path, on_disk: dict, names: set[str], batch) -> dict[str, Entry]:
    """Files dropped into the folder but not yet picked up, hashed when a candidate could duplicate them."""
    sizes = {got.size for _, got in batch if not got.error}
    found = {}
    for name in sorted(names):
        size = on_disk[name].stat().st_size
        if size in sizes:
            sha = sha256_of((folder / name).read_bytes())
            found[sha] = Entry(sha, name, name, "", "", "", "folder", size)
    return found


def _place(
    folder: Path,
    source: Source,
    got: Extracted,
    by_sha: dict,
    taken: set,
    how: str,
    durable: bool,
    limit: int,
):
    """One file of a batch: (result, new entry or None, its pending file or None). The stored name fits
    the file system (`limit` bytes), so the rename after the commit cannot fail for its name."""
    if got.error:
        return AddResult(source.name, "failed", got.error), None, None
    if got.sha256 in by_sha:
        of = by_sha[got.sha256].stored_name
        return AddResult(source.name, "duplicate", f"same content as {of}", duplicate_of=of), None, None
    pending = None
    if source.in_place:
        stored, added_at = source.name, datetime.fromtimestamp((folder / source.name).stat().st_mtime, UTC)
        mtime_ns = source.mtime_ns  # stat'ed before reading: a later change shows as a different mtime
    else:
        data = source.read()
        if sha256_of(data) != got.sha256:
            return AddResult(source.name, "failed", "the file changed while it was being added"), None, None
        stored, added_at = safe_name(source.name, got.format, taken, limit), datetime.now(UTC)
        pending = pending_path(folder, got.sha256)
        try:
            with open(pending, "wb") as out:
                out.write(data)
                if durable:
                    out.flush()
                    os.fsync(out.fileno())
        except BaseException:
            pending.unlink(missing_ok=True)
            raise
        mtime_ns = pending.stat().st_mtime_ns  # the rename into place keeps it
    taken.add(stored)
    entry = Entry(
        sha256=got.sha256,
        original_name=source.name,
        stored_name=stored,
        format=got.format,
        encoding=got.encoding,
        added_at=added_at.isoformat(timespec="seconds"),
        added_how=how,
        size=got.size,
        mtime_ns=mtime_ns,
    )
    return AddResult(source.name, "added", stored_name=stored, n_figures=got.n_figures), entry, pending


def remove_entry(folder: Path, sha256: str) -> Entry:
    """Take a reply out of the library: its file and its manifest entry go together."""
    with locked(folder):
        entries = recover(folder)
        entry = next((e for e in entries if e.sha256 == sha256), None)
        if entry is None:
            raise KeyError(f"no reply with content hash {sha256[:12]}… in the library")
        stored, pending = folder / entry.stored_name, pending_path(folder, sha256)
        moved = stored.exists()
        if moved:
            os.replace(stored, pending)
        try:
            write_manifest(folder, [e for e in entries if e.sha256 != sha256])  # the commit point
        except BaseException:
            if moved:
                os.replace(pending, stored)
            raise
        with contextlib.suppress(FileNotFoundError):
            pending.unlink()
    return entry


def forget_missing(folder: Path, notes: list[str] | None = None) -> list[Entry]:
    """Drop entries whose file was deleted or replaced by hand; returns the entries kept.

    A replaced file shows by its size, or, when only its modification time changed, by its content hash (a
    file touched but unchanged keeps its entry, with the new time recorded so it is not hashed again). The
    replacement is then picked up as a dropped file: extracted, and cached under its own hash. What
    recovery had to undo is appended to `notes`.
    """
    with locked(folder):
        entries = recover(folder, notes)
        on_disk = reply_files(folder)
        kept: list[Entry] = []
        for entry in entries:
            found = on_disk.get(entry.stored_name)
            stat = found.stat() if found is not None else None  # taken before hashing: a later change shows
            if stat is None or stat.st_size != entry.size:
                continue
            if stat.st_mtime_ns != entry.mtime_ns:
                try:
                    same = sha256_of((folder / entry.stored_name).read_bytes()) == entry.sha256
                except OSError:
                    same = False
                if not same:
                    continue
                entry = replace(entry, mtime_ns=stat.st_mtime_ns)
            kept.append(entry)
        if kept != entries:
            write_manifest(folder, kept)
    return kept
