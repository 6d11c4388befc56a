"""Extracted tables cached as Parquet, keyed by content hash and loader version.

Layout: `<folder>/.cache/<LOADER_VERSION>/seg-<id>.{documents,sections,figures}.parquet`. A segment holds the
tables of one batch of replies, each row tagged with its file's sha256, so ingesting 10,000 replies writes a
few dozen files rather than 30,000, and a warm restart reads them in one pass (DuckDB or pyarrow can query the
same files directly). A new loader version reads from an empty folder, so everything is re-extracted. Rows of
removed replies are skipped on reading and dropped when segments are compacted. The doc key is set from the
manifest at read time, so the cache does not care what a file is called.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import loaders
from library.manifest import TEMP
from loaders.columns import columns_of, conform
from loaders.tables import DocumentRecords, ReplyTables, concat_tables, tables_from_records

TABLES = ("documents", "sections", "figures")
SHA = "sha256"
MAX_SEGMENTS = 32  # more than this (many single uploads) and the live rows are merged into one segment


def cache_dir(folder: Path) -> Path:
    """Where the current loader version's tables live (read at call time, so an upgrade takes effect)."""
    return folder / ".cache" / str(loaders.LOADER_VERSION)


def segments(directory: Path) -> list[str]:
    """Complete segments, oldest first (the documents file is written last, so it marks completeness)."""
    return _listing(directory)[0]


def _listing(directory: Path) -> tuple[list[str], bool]:
    """(complete segments oldest first, whether one vanished while listing: a compaction is under way)."""
    found, vanished = [], False
    try:
        scan = list(os.scandir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return [], False
    for item in scan:
        if item.name.startswith("seg-") and item.name.endswith(".documents.parquet"):
            try:
                found.append((item.stat().st_mtime_ns, item.name))
            except FileNotFoundError:
                vanished = True
    found.sort()
    return [name.removesuffix(".documents.parquet") for _, name in found], vanished


def frames_with_hash(parts: list[tuple[str, DocumentRecords]]) -> dict[str, pd.DataFrame]:
    """Typed frames for a batch of (sha256, records), built once, each row tagged with its reply's hash."""
    tagged = [
        DocumentRecords(
            {**records.document, SHA: sha},
            [{**row, SHA: sha} for row in records.sections],
            [{**row, SHA: sha} for row in records.figures],
        )
        for sha, records in parts
    ]
    tables = tables_from_records(tagged)  # conform() keeps only dictionary columns: add the tag back
    hashes = {
        "documents": [r.document[SHA] for r in tagged],
        "sections": [row[SHA] for r in tagged for row in r.sections],
        "figures": [row[SHA] for r in tagged for row in r.figures],
    }
    return {
        name: getattr(tables, name).assign(**{SHA: pd.array(hashes[name], dtype="string")}) for name in TABLES
    }


def write_segment(directory: Path, rows: list[dict[str, pa.Table]]) -> str | None:
    """One segment for a batch of replies' rows (as from `arrow_tables`); returns its id."""
    if not rows:
        return None
    return _write_raw(directory, concat_rows(rows))


def concat_rows(rows: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Many replies' rows as one table each (their schemas are the same: `_schema`)."""
    return {name: pa.concat_tables([r[name] for r in rows]).combine_chunks() for name in TABLES}


def frames_of(rows: list[dict[str, pa.Table]], names: dict[str, str]) -> ReplyTables:
    """Replies' rows as the loaders' tables, each row's doc key taken from `names` (sha256 → doc key)."""
    return named({name: table.to_pandas() for name, table in concat_rows(rows).items()}, names)


ARROW_TYPES = {"string": pa.large_string(), "Int64": pa.int64(), "Float64": pa.float64(),
               "boolean": pa.bool_(), "datetime64[s]": pa.timestamp("s")}  # fmt: skip


def _schema(table: str) -> pa.Schema:
    """The Arrow schema pandas would write for a table's typed frame, plus the hash tag."""
    fields = [pa.field(c.name, ARROW_TYPES[c.dtype]) for c in columns_of(table)]
    return pa.schema([*fields, pa.field(SHA, pa.large_string())])


def arrow_tables(parts: list[tuple[str, DocumentRecords]]) -> dict[str, pa.Table]:
    """Arrow tables for a batch of (sha256, records), built from the records directly: several times
    cheaper than typed pandas frames. Falls back to the frames on any value Arrow will not take as the
    dictionary's type."""
    try:
        out = {}
        for name in TABLES:
            if name == "documents":
                rows, hashes = [records.document for _, records in parts], [sha for sha, _ in parts]
            else:
                rows = [row for _, records in parts for row in getattr(records, name)]
                hashes = [sha for sha, records in parts for _ in getattr(records, name)]
            table = pa.Table.from_pylist(rows, schema=_schema(name))  # the tag column comes out null…
            out[name] = table.set_column(table.num_columns - 1, SHA, pa.array(hashes, pa.large_string()))
        return out
    except (pa.ArrowInvalid, pa.ArrowTypeError, KeyError, OverflowError):
        frames = frames_with_hash(parts)
        return {
            name: pa.Table.from_pandas(frames[name], schema=_schema(name), preserve_index=False)
            for name in TABLES
        }


def _write_raw(directory: Path, raw: dict[str, pa.Table]) -> str:
    directory.mkdir(parents=True, exist_ok=True)
    segment = f"seg-{uuid.uuid4().hex[:16]}"
    for name in ("figures", "sections", "documents"):  # documents last: the segment is complete when it lands
        path = directory / f"{segment}.{name}.parquet"
        temp = path.with_name(f"{TEMP}{uuid.uuid4().hex}.parquet")
        try:
            pq.write_table(raw[name], temp, compression="zstd")
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
    return segment


RETRIES = 5  # a compaction writes its segment before deleting the old ones: a second look finds the rows


def _read_raw(directory: Path, shas: set[str]) -> tuple[dict[str, pa.Table], set[str]]:
    """Rows of the wanted replies from all segments, each reply taken from the first segment holding it.

    Readers take no lock; a segment that vanishes under them (another process compacting) means the
    listing is out of date, so the whole read starts again with a fresh one.
    """
    for _ in range(RETRIES):
        raw, found, complete = _read_once(directory, shas)
        if complete:
            break
    return raw, found


def _read_once(directory: Path, shas: set[str]) -> tuple[dict[str, pa.Table], set[str], bool]:
    pieces: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    wanted = pa.array(sorted(shas), pa.string())
    found: set[str] = set()
    listed, vanished = _listing(directory)
    for segment in listed:
        try:
            stored = pq.read_table(directory / f"{segment}.documents.parquet")
            fresh = pc.and_(pc.is_in(stored[SHA], wanted), pc.invert(pc.is_in(stored[SHA], _array(found))))
            docs = stored.filter(fresh)
            if not docs.num_rows:
                continue
            taken = docs[SHA].combine_chunks().unique().to_pylist()
            # the usual case wants every reply of the segment: then its rows need no filtering
            every = docs.num_rows == stored.num_rows
            rest = {
                name: pq.read_table(
                    directory / f"{segment}.{name}.parquet", filters=None if every else [(SHA, "in", taken)]
                )
                for name in ("sections", "figures")
            }
        except (FileNotFoundError, OSError) as err:  # compacted away while we read: look again
            if (
                isinstance(err, FileNotFoundError)
                or not (directory / f"{segment}.documents.parquet").exists()
            ):
                vanished = True
                continue
            raise
        pieces["documents"].append(docs)
        for name, table in rest.items():
            pieces[name].append(table)
        found.update(taken)
    raw = {name: pa.concat_tables(t, promote_options="permissive") for name, t in pieces.items() if t}
    return raw, found, not vanished


def read_cached(directory: Path, names: dict[str, str]) -> tuple[ReplyTables, set[str]]:
    """Tables of the replies in `names` (sha256 → doc key) found in the cache, and the hashes not found."""
    raw, found = _read_raw(directory, set(names))
    if not found:
        return concat_tables([]), set(names)
    return named({name: raw[name].to_pandas() for name in TABLES}, names), set(names) - found


def named(frames: dict[str, pd.DataFrame], names: dict[str, str]) -> ReplyTables:
    """Hash-tagged frames as the loaders' tables, each row's doc key taken from the manifest."""
    out = []
    for name in TABLES:
        frame = frames[name].copy(deep=False)
        frame["doc"] = map_distinct(frame.pop(SHA), names)
        out.append(conform(frame, name))
    return ReplyTables(*out)


def map_distinct(column: pd.Series, mapping: dict, missing=None) -> pd.Series:
    """column.map(mapping), looking each distinct value up once: 300,000 figures name 10,000 replies, and
    Series.map looks up every row."""
    codes, distinct = pd.factorize(column)
    looked = [mapping.get(value, missing) for value in distinct] + [missing]  # code -1 (missing) → missing
    return pd.Series(pd.Series(looked, dtype=object).to_numpy()[codes], index=column.index)


def _array(values: set[str]) -> pa.Array:
    return pa.array(sorted(values), pa.string())


def compact(directory: Path, live: set[str]) -> bool:
    """Merge many segments into one holding only live replies (call under the library lock)."""
    old = segments(directory)
    if len(old) <= MAX_SEGMENTS:
        return False
    raw, found = _read_raw(directory, live)
    if found:
        _write_raw(directory, raw)
    for stale in old:
        for name in TABLES:
            with contextlib.suppress(FileNotFoundError):
                (directory / f"{stale}.{name}.parquet").unlink()
    return True


STALE_AFTER = 3600  # seconds: no live writer has a temp file this old (a segment takes seconds)


def sweep_stale(folder: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Delete what killed writers left in the cache (of every loader version): temp files and parts of
    segments that never got their documents file. Cache writes take no lock, so only old leftovers go."""
    root = folder / ".cache"
    if not root.is_dir():
        return []
    cutoff = time.time() - older_than
    removed = []
    for directory in (d for d in root.iterdir() if d.is_dir()):
        complete = set(segments(directory))
        for path in directory.iterdir():
            segment = path.name.split(".", 1)[0]
            leftover = path.name.startswith(TEMP) or (segment.startswith("seg-") and segment not in complete)
            with contextlib.suppress(FileNotFoundError):
                if leftover and path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
    return removed
