"""The reply library: files kept unchanged, a manifest, a Parquet cache; safe under races and crashes."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

import library
import loaders
from library import cache, manifest, store
from loaders import load_path
from tests.reply_files import SEED, make_docx, make_html, seed_text

REPO = Path(__file__).resolve().parents[1]


def variant(i: int) -> bytes:
    """A distinct reply: the seed with one more closing line."""
    return (seed_text() + f"\n附件{i}").encode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the library folder (cache aside) with its bytes: 'unchanged' means this is equal."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != manifest.LOCK}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith((manifest.PENDING, manifest.TEMP))]


@pytest.fixture
def lib(tmp_path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "seed_reply.txt").write_bytes(SEED.read_bytes())
    return folder


def test_a_folder_with_only_the_seed_works_with_no_setup(lib):
    opened = library.open_library(lib)
    expected = load_path(SEED)
    pd.testing.assert_frame_equal(opened.tables.figures, expected.figures)
    pd.testing.assert_frame_equal(opened.tables.documents, expected.documents)
    pd.testing.assert_frame_equal(opened.tables.sections, expected.sections)
    [entry] = opened.entries
    assert (entry.stored_name, entry.added_how, entry.format) == ("seed_reply.txt", "folder", "txt")
    assert (lib / "seed_reply.txt").read_bytes() == SEED.read_bytes()  # the original, unchanged
    catalog = opened.catalog()
    assert catalog.loc[0, "n_figures"] == len(expected.figures) and catalog.loc[0, "proposal_number"] == "170"


def test_the_project_data_folder_is_the_default(monkeypatch):
    monkeypatch.delenv("REPLY_LIBRARY", raising=False)
    assert library.library_folder() == REPO / "data"
    monkeypatch.setenv("REPLY_LIBRARY", "/tmp/elsewhere")
    assert library.library_folder() == Path("/tmp/elsewhere")


def test_data_tables_in_the_folder_are_not_replies(lib):
    (lib / "units.csv").write_text("unit,factor\n", encoding="utf-8")
    (lib / "set_phrases.txt").write_text("一站式\n", encoding="utf-8")
    (lib / manifest.IGNORE).write_text("# not replies\nset_phrases.txt\n", encoding="utf-8")
    assert [e.stored_name for e in library.open_library(lib).entries] == ["seed_reply.txt"]


def test_the_shipped_data_folder_holds_only_the_default_library():
    """The loaders' rule tables live in loaders/rules/, so data/ needs no list of files that are not replies."""
    assert sorted(manifest.reply_files(REPO / "data")) == ["seed_reply.txt"]
    assert not (REPO / "data" / manifest.IGNORE).exists()


def test_adding_each_format_and_recognising_duplicates(lib):
    docx = make_docx(seed_text().split("\n"))
    page = make_html(seed_text().split("\n"), charset="gbk").encode("gbk")
    results = library.add_uploads([("答复.docx", docx), ("答复.htm", page), ("again.docx", docx)], lib)
    assert [(r.status, r.stored_name) for r in results] == [
        ("added", "答复.docx"),
        ("added", "答复.htm"),
        ("duplicate", ""),
    ]
    assert results[2].reason == "same content as 答复.docx"
    assert library.add_bytes(SEED.read_bytes(), "copy.txt", lib).status == "duplicate"  # same as the seed
    opened = library.open_library(lib)
    # the seed, never picked up before, is registered when the library is next opened
    assert [e.stored_name for e in opened.entries] == ["答复.docx", "答复.htm", "seed_reply.txt"]
    assert (lib / "答复.docx").read_bytes() == docx  # kept unchanged
    counts = opened.tables.figures.groupby("doc").size()
    assert counts["答复.docx"] == counts["答复.htm"] == counts["seed_reply.txt"] > 20
    assert set(opened.catalog()["format"]) == {"txt", "docx", "html"}


def test_stored_names_are_safe_and_unique(lib):
    first = library.add_bytes(variant(1), "../../etc/reply.txt", lib)
    second = library.add_bytes(variant(2), "reply.txt", lib)
    third = library.add_bytes(make_docx(["一、正文15个。"]), "no-suffix", lib)
    assert (first.stored_name, second.stored_name, third.stored_name) == (
        "reply.txt",
        "reply (2).txt",
        "no-suffix.docx",
    )
    assert (lib / "reply.txt").exists() and not (lib.parent / "etc").exists()


def test_unreadable_files_are_named_with_a_reason_and_touch_nothing(lib):
    library.open_library(lib)
    before = snapshot(lib)
    results = library.add_uploads(
        [("empty.txt", b""), ("blob.pdf", b"%PDF-1.4 garbage"), ("x.docx", b"PK\x03\x04zz")], lib
    )
    assert [(r.status, r.name) for r in results] == [
        ("failed", "empty.txt"),
        ("failed", "blob.pdf"),
        ("failed", "x.docx"),
    ]
    assert results[0].reason == "empty file" and "PDF" in results[1].reason and ".docx" in results[2].reason
    assert snapshot(lib) == before and not leftovers(lib)


def test_dropped_files_are_picked_up_and_broken_ones_reported(lib):
    library.open_library(lib)
    (lib / "new.txt").write_bytes(variant(7))
    (lib / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    opened = library.open_library(lib)
    assert [e.stored_name for e in opened.entries] == ["seed_reply.txt", "new.txt"]
    assert len(opened.problems) == 1 and opened.problems[0].startswith("broken.docx: broken .docx")
    (lib / "new.txt").unlink()  # deleted by hand: forgotten
    assert [e.stored_name for e in library.open_library(lib).entries] == ["seed_reply.txt"]


def test_removing_a_reply(lib):
    added = library.add_bytes(variant(3), "r3.txt", lib)
    sha = next(e.sha256 for e in library.open_library(lib).entries if e.stored_name == added.stored_name)
    removed = library.remove(sha, lib)
    assert removed.stored_name == "r3.txt" and not (lib / "r3.txt").exists()
    opened = library.open_library(lib)
    assert [e.stored_name for e in opened.entries] == ["seed_reply.txt"]
    assert set(opened.tables.figures["doc"]) == {"seed_reply.txt"}
    with pytest.raises(KeyError):
        library.remove(sha, lib)


def test_restart_reads_the_cache_and_a_new_loader_version_re_extracts(lib, monkeypatch):
    library.add_bytes(variant(4), "r4.txt", lib)
    first = library.open_library(lib).tables

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again although cached")

    monkeypatch.setattr(library.ingest, "load_records", no_extraction)
    pd.testing.assert_frame_equal(library.open_library(lib).tables.figures, first.figures)
    monkeypatch.undo()
    monkeypatch.setattr(loaders, "LOADER_VERSION", "test-upgrade")
    again = library.open_library(lib).tables
    assert (lib / ".cache" / "test-upgrade").is_dir()
    pd.testing.assert_frame_equal(again.figures, first.figures)


def test_many_small_segments_are_compacted(lib, monkeypatch):
    monkeypatch.setattr(cache, "MAX_SEGMENTS", 3)
    for i in range(5):
        library.add_bytes(variant(10 + i), f"s{i}.txt", lib)
    library.remove(library.open_library(lib).entries[-1].sha256, lib)
    opened = library.open_library(lib)
    assert len(cache.segments(cache.cache_dir(lib))) <= 3
    assert len(opened.entries) == 5 and set(opened.tables.documents["doc"]) == {
        e.stored_name for e in opened.entries
    }


# --- races and crashes -------------------------------------------------------------------------------------


def _add_in_process(folder: str, first: int) -> None:
    for i in range(first, first + 5):
        library.add_bytes(variant(i), f"p{i}.txt", folder)


def test_twenty_concurrent_adds_from_threads_and_processes_all_land(lib):
    threads = [
        threading.Thread(target=lambda i=i: library.add_bytes(variant(i), f"t{i}.txt", lib))
        for i in range(10)
    ]
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_add_in_process, args=(str(lib), first)) for first in (100, 105)]
    for worker in [*threads, *processes]:
        worker.start()
    for worker in [*threads, *processes]:
        worker.join(timeout=60)
    assert all(p.exitcode == 0 for p in processes)
    raw = json.loads((lib / manifest.MANIFEST).read_text(encoding="utf-8"))
    names = sorted(e["stored_name"] for e in raw["entries"])
    expected = sorted([*(f"t{i}.txt" for i in range(10)), *(f"p{i}.txt" for i in range(100, 110))])
    assert [n for n in names if n != "seed_reply.txt"] == expected
    assert all((lib / n).read_bytes() for n in names) and not leftovers(lib)
    assert len(library.open_library(lib).tables.documents) == 21


def test_parallel_ingest_of_a_folder_through_the_cli(lib, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for i in range(20):
        (incoming / f"r{i:02}.txt").write_bytes(variant(200 + i))
    (incoming / "dup.txt").write_bytes(variant(200))
    (incoming / "empty.txt").write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "-m", "library", "--library", str(lib), "add", str(incoming), "--workers", "2"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "22 files" in run.stdout and "20 added, 1 duplicate, 1 failed" in run.stdout
    assert "failed: empty.txt: empty file" in run.stdout and "[22/22]" in run.stderr
    assert len(library.open_library(lib).entries) == 21
    again = subprocess.run(
        [sys.executable, "-m", "library", "--library", str(lib), "add", str(incoming / "r00.txt")],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert again.returncode == 0 and "0 added, 1 duplicate, 0 failed" in again.stdout


def test_a_failed_commit_leaves_the_library_as_it_was(lib, monkeypatch):
    library.open_library(lib)
    before = snapshot(lib)
    real_replace = os.replace

    def failing_replace(src, dst):
        if Path(dst).name == manifest.MANIFEST:
            raise OSError("disk full")
        return real_replace(src, dst)

    monkeypatch.setattr(manifest.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        library.add_bytes(variant(5), "r5.txt", lib)
    sha = library.open_library(lib).entries[0].sha256
    with pytest.raises(OSError, match="disk full"):
        library.remove(sha, lib)
    monkeypatch.undo()
    assert snapshot(lib) == before and not leftovers(lib)
    assert [e.stored_name for e in library.open_library(lib).entries] == ["seed_reply.txt"]


def test_a_write_interrupted_half_way_leaves_the_library_as_it_was(lib, monkeypatch):
    library.open_library(lib)
    before = snapshot(lib)

    def crash(fd):
        raise OSError("power cut")

    monkeypatch.setattr(store.os, "fsync", crash)  # the reply's bytes are half on disk when this fires
    with pytest.raises(OSError, match="power cut"):
        library.add_bytes(variant(6), "r6.txt", lib)
    monkeypatch.undo()
    assert snapshot(lib) == before and not leftovers(lib)


KILL_AT = {
    "before-commit": "library.store.write_manifest",  # the pending file is written, the manifest not
    "after-commit": "os.replace",  # the manifest names the file, the rename has not happened
}


@pytest.mark.parametrize("moment", list(KILL_AT))
def test_a_writer_killed_mid_add_leaves_before_or_after(lib, moment):
    library.open_library(lib)
    before = snapshot(lib)
    target = KILL_AT[moment]
    module, attribute = target.rsplit(".", 1)
    script = f"""
import os, signal, sys, importlib
import library, library.store
holder = importlib.import_module("{module}")
real = getattr(holder, "{attribute}")
def killer(*args, **kwargs):
    if "{moment}" == "before-commit" or str(args[1]).endswith("killed.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(holder, "{attribute}", killer)
library.add_bytes(sys.stdin.buffer.read(), "killed.txt", "{lib}")
"""
    run = subprocess.run([sys.executable, "-c", script], input=variant(9), cwd=REPO, timeout=60)
    assert run.returncode == -signal.SIGKILL
    opened = library.open_library(lib)  # recovery runs here
    names = [e.stored_name for e in opened.entries]
    if moment == "before-commit":
        assert names == ["seed_reply.txt"] and snapshot(lib) == before
    else:
        assert names == ["seed_reply.txt", "killed.txt"] and (lib / "killed.txt").read_bytes() == variant(9)
    assert not leftovers(lib)
