"""What OCR read from a scan is kept beside the library's cache: the reader never OCRs a scan twice, also
after a restart (the loaders' in-process memory of recent scans is emptied here to stand for one), and never
OCRs again what the library's ingest read, in this process or in its pool's workers."""

from __future__ import annotations

import io
import os

import pytest

import library
from library import scans
from loaders import pool
from loaders.decoding import LoadError
from loaders.formats import scan_reader
from tests.test_ocr import CountingEngine


@pytest.fixture
def engine(monkeypatch):
    counting = CountingEngine()
    monkeypatch.setattr(scan_reader, "default_engine", lambda: counting)
    return counting


def restart(monkeypatch) -> None:
    monkeypatch.setattr(scan_reader, "_REMEMBERED", type(scan_reader._REMEMBERED)())


def blank_png(width: int = 120, height: int = 160) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, format="PNG")
    return out.getvalue()


def test_a_scan_read_once_is_loaded_after_a_restart(engine, monkeypatch, tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(blank_png())
    restart(monkeypatch)
    first = scans.read_decoded(path)
    restart(monkeypatch)
    again = scans.read_decoded(path)
    assert engine.pages == 1
    assert again == first and "39.9亿元" in again.text and again.ocr[0].box == (10, 10, 900, 50)


def test_a_damaged_or_foreign_record_means_reading_again(engine, monkeypatch, tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(blank_png())
    scans.read_decoded(path)
    stored = next((tmp_path / ".cache").rglob("*.json.gz"))
    stored.write_bytes(b"not gzip")
    restart(monkeypatch)
    assert "39.9亿元" in scans.read_decoded(path).text and engine.pages == 2
    monkeypatch.setattr(scans, "engine_version", lambda: "another-engine 2.0")
    restart(monkeypatch)
    scans.read_decoded(path)
    assert engine.pages == 3  # what another engine read is not taken for this one's


def test_text_replies_are_not_kept_and_read_only_folders_are_not_written(engine, monkeypatch, tmp_path):
    (tmp_path / "reply.txt").write_text("今年建成公园3个。", encoding="utf-8")
    assert "3个" in scans.read_decoded(tmp_path / "reply.txt").text
    assert not (tmp_path / ".cache").exists()
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "scan.png").write_bytes(blank_png())
    locked.chmod(0o555)
    try:
        assert "39.9亿元" in scans.read_decoded(locked / "scan.png").text
        assert not (locked / ".cache").exists()
    finally:
        locked.chmod(0o755)


def test_a_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        scans.read_decoded(tmp_path / "gone.png")


def test_what_ingest_read_is_kept_for_the_reader(engine, monkeypatch, tmp_path):
    restart(monkeypatch)
    assert library.add_bytes(blank_png(), "scan.png", tmp_path).status == "added"
    assert engine.pages == 1
    restart(monkeypatch)
    assert "39.9亿元" in scans.read_decoded(tmp_path / "scan.png").text
    assert engine.pages == 1  # the reader loaded what the ingest read


def test_what_the_pools_workers_read_is_kept_for_the_reader(engine, monkeypatch, tmp_path):
    # forked workers inherit the counting engine; the pages they read are counted in their own copies of it
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)  # fork, whatever threads pytest runs
    files = [(f"scan{i}.png", blank_png(120 + i)) for i in range(pool.PARALLEL_MIN)]
    results = library.add_uploads(files, tmp_path, workers=2)
    assert [r.status for r in results] == ["added"] * len(files)
    assert engine.pages == 0  # every page was read in a worker
    restart(monkeypatch)
    for name, _ in files:
        assert "39.9亿元" in scans.read_decoded(tmp_path / name).text
    assert engine.pages == 0  # and none is read again when the reader opens it
