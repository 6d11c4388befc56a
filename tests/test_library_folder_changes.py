"""The library folder changed by hand: a copy dropped in, a reply replaced by other bytes of the same size, and
leftovers of killed cache writers. Each is noticed when the library is opened."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import library
from library import cache, manifest
from tests.reply_files import SEED, seed_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lib(tmp_path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


# --- a duplicate dropped into the folder -------------------------------------------------------------------


def test_a_copy_dropped_into_the_folder_is_a_duplicate_not_a_problem(lib):
    library.open_library(lib)
    (lib / "copy.txt").write_bytes(SEED.read_bytes())
    opened = library.open_library(lib)
    assert opened.problems == []
    assert opened.duplicates == [("copy.txt", "seed_reply.txt")]
    assert [e.stored_name for e in opened.entries] == ["seed_reply.txt"]
    assert (lib / "copy.txt").exists()  # left where the user put it


def test_a_read_only_library_reports_a_copy_as_a_duplicate(lib, monkeypatch):
    library.open_library(lib)
    (lib / "copy.txt").write_bytes(SEED.read_bytes())
    monkeypatch.setattr(library.os, "access", lambda path, mode: False)  # as on a shared, read-only folder
    opened = library.open_library(lib)
    assert (opened.problems, opened.duplicates) == ([], [("copy.txt", "seed_reply.txt")])
    assert [e.stored_name for e in manifest.read_manifest(lib)] == ["seed_reply.txt"]  # nothing written


def test_the_library_page_says_a_copy_is_a_duplicate_in_chinese(lib, monkeypatch):
    library.open_library(lib)
    (lib / "copy.txt").write_bytes(SEED.read_bytes())
    monkeypatch.setenv("REPLY_LIBRARY", str(lib))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("views/library.py").run()
    assert not at.exception and not at.error and not at.warning
    assert [i.value for i in at.info] == ["copy.txt：与资料库中的 seed_reply.txt 内容相同，未重复添加"]
    assert "共 1 份答复" in " ".join(c.value for c in at.caption)


# --- a reply replaced by other bytes of the same size ------------------------------------------------------


def same_size_other_figures() -> bytes:
    """The seed with one figure changed, byte for byte as long (15个 → 16个)."""
    data = seed_text().replace("小微企业园区15个", "小微企业园区16个").encode("utf-8")
    assert len(data) == SEED.stat().st_size and data != SEED.read_bytes()
    return data


def test_a_reply_replaced_by_the_same_size_is_extracted_again(lib):
    first = library.open_library(lib)
    assert "15个" in set(first.tables.figures["text"])
    (lib / SEED.name).write_bytes(same_size_other_figures())
    old = os.stat(lib / SEED.name)
    os.utime(lib / SEED.name, ns=(old.st_atime_ns, old.st_mtime_ns + 1_000_000_000))  # a coarse clock
    opened = library.open_library(lib)
    texts = set(opened.tables.figures["text"])
    assert "16个" in texts and "15个" not in texts
    [entry] = opened.entries
    assert entry.sha256 != first.entries[0].sha256 and entry.stored_name == SEED.name
    assert opened.problems == []


def test_a_touched_but_unchanged_reply_is_hashed_once_and_kept(lib, monkeypatch):
    library.open_library(lib)
    old = os.stat(lib / SEED.name)
    os.utime(lib / SEED.name, ns=(old.st_atime_ns, old.st_mtime_ns + 5_000_000_000))
    hashed = []
    real = library.store.sha256_of
    monkeypatch.setattr(library.store, "sha256_of", lambda data: hashed.append(1) or real(data))
    monkeypatch.setattr(library.ingest, "load_records", pytest.fail)  # cached: nothing is extracted
    first = library.open_library(lib)
    second = library.open_library(lib)
    assert len(hashed) == 1  # the new time is recorded: the second open only compares it
    assert (
        first.entries == second.entries and first.entries[0].mtime_ns == os.stat(lib / SEED.name).st_mtime_ns
    )


def test_an_older_manifest_without_times_still_loads(lib):
    library.open_library(lib)
    path = lib / manifest.MANIFEST
    raw = json.loads(path.read_text(encoding="utf-8"))
    for row in raw["entries"]:
        del row["mtime_ns"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert manifest.read_manifest(lib)[0].mtime_ns == 0
    [entry] = library.open_library(lib).entries  # hashed once, found unchanged, its time recorded
    assert entry.mtime_ns == os.stat(lib / SEED.name).st_mtime_ns


def test_uploads_and_dropped_files_record_their_time(lib):
    library.add_bytes((seed_text() + "\n附件").encode("utf-8"), "up.txt", lib)
    entries = {e.stored_name: e for e in library.open_library(lib).entries}
    for name in (SEED.name, "up.txt"):
        assert entries[name].mtime_ns == os.stat(lib / name).st_mtime_ns
    assert "mtime_ns" not in library.open_library(lib).catalog().columns


# --- stale temp files in the cache ----------------------------------------------------------------------------


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temp_files_in_the_cache_are_removed_on_open_and_fresh_ones_kept(lib):
    library.open_library(lib)
    directory = cache.cache_dir(lib)
    old_version = lib / ".cache" / "an-older-loader"
    old_version.mkdir()
    stale = [directory / f"{manifest.TEMP}dead.parquet", old_version / f"{manifest.TEMP}dead.parquet"]
    orphan = directory / "seg-0123456789abcdef.figures.parquet"  # a segment whose documents never landed
    fresh = directory / f"{manifest.TEMP}writing-now.parquet"
    for path in [*stale, orphan, fresh]:
        path.write_bytes(b"partial")
    for path in [*stale, orphan]:
        age(path, 2 * cache.STALE_AFTER)
    complete = cache.segments(directory)
    for name in cache.TABLES:  # an old but complete segment is the cache itself, not a leftover
        age(directory / f"{complete[0]}.{name}.parquet", 2 * cache.STALE_AFTER)
    opened = library.open_library(lib)
    assert not any(p.exists() for p in [*stale, orphan])
    assert fresh.exists() and cache.segments(directory) == complete
    assert len(opened.tables.figures) == 27
