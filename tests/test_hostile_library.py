"""One bad file never takes the library down (issue 11): long names, planted links, a compaction mid-read."""

from __future__ import annotations

import json

import pytest

import library
from library import cache
from library.manifest import MANIFEST, locked, read_manifest, recover, safe_name

REPLY = "我市已建成小微企业园15个，安排资金2.36亿元。\n".encode()
LONG = "关于进一步加强小微企业园建设" * 6  # 84 characters: 252 bytes in UTF-8


def test_stored_names_fit_the_file_systems_255_bytes_with_suffix_and_counter():
    taken: set[str] = set()
    for _ in range(12):
        name = safe_name(LONG + ".txt", "txt", taken)
        assert len(name.encode("utf-8")) <= 255 and name.endswith(".txt")
        taken.add(name)
    assert len(taken) == 12
    assert safe_name("é" * 300, "txt", set()).encode("utf-8").__len__() <= 255


def test_a_long_chinese_name_is_added_and_the_library_still_opens(tmp_path):
    result = library.add_bytes(REPLY, LONG + ".txt", tmp_path)
    assert result.status == "added", result
    assert (tmp_path / result.stored_name).is_file()
    lib = library.open_library(tmp_path)
    assert [e.stored_name for e in lib.entries] == [result.stored_name] and not lib.problems


def test_two_files_with_the_same_83_character_name_are_both_added_from_the_cli(tmp_path):
    name = LONG[:83] + ".txt"
    one, two = tmp_path / "a", tmp_path / "b"
    for folder, text in ((one, REPLY), (two, REPLY + "共服务企业1000家。".encode())):
        folder.mkdir()
        (folder / name).write_bytes(text)
    store = tmp_path / "lib"
    store.mkdir()
    results = library.add_files([one / name, two / name], store)
    assert [r.status for r in results] == ["added", "added"], results
    assert len(library.open_library(store).entries) == 2


def test_recover_rolls_back_an_entry_it_cannot_roll_forward_and_says_so(tmp_path):
    library.add_bytes(REPLY, "好.txt", tmp_path)
    entries = read_manifest(tmp_path)
    sha = "f" * 64
    wedged = dict(vars(entries[0]), sha256=sha, stored_name=LONG + "长.txt", original_name="x.txt")
    (tmp_path / f".pending-{sha}").write_bytes(b"x")
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest["entries"].append(wedged)
    (tmp_path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    notes: list[str] = []
    with locked(tmp_path):
        kept = recover(tmp_path, notes)
    assert [e.stored_name for e in kept] == ["好.txt"]
    assert len(notes) == 1 and "x.txt" in notes[0]
    assert not (tmp_path / f".pending-{sha}").exists()
    lib = library.open_library(tmp_path)
    assert [e.stored_name for e in lib.entries] == ["好.txt"]


def test_a_wedged_manifest_shows_as_a_problem_when_the_library_opens(tmp_path):
    library.add_bytes(REPLY, "好.txt", tmp_path)
    sha = "e" * 64
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest["entries"].append(dict(manifest["entries"][0], sha256=sha, stored_name="a" * 300 + ".txt"))
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / f".pending-{sha}").write_bytes(b"x")
    lib = library.open_library(tmp_path)
    assert [e.stored_name for e in lib.entries] == ["好.txt"]
    assert any("could not be stored" in p for p in lib.problems), lib.problems


def test_a_symlink_loop_and_links_outside_are_skipped_and_the_rest_lists(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "好.txt").write_bytes(REPLY)
    (folder / "loop.txt").symlink_to("loop.txt")
    secret = tmp_path / "secret.txt"
    secret.write_bytes("机密：账户余额1000万元。\n".encode())
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "status.txt").symlink_to("/proc/self/status")
    (folder / "inside.txt").symlink_to("好.txt")  # a link inside the folder is followed
    (folder / (LONG[:80] + ".txt")).write_bytes(REPLY + "共服务企业1000家。".encode())
    lib = library.open_library(folder)
    names = {e.stored_name for e in lib.entries} | {name for name, _ in lib.duplicates}
    assert names == {"好.txt", "inside.txt", LONG[:80] + ".txt"} and len(lib.entries) == 2
    assert "机密" not in " ".join(lib.tables.figures["sentence"])
    problems = " ".join(lib.problems)
    for name in ("loop.txt", "passwd.txt", "status.txt"):
        assert name in problems
    assert library.add_bytes("新增答复：资金1亿元。".encode(), "new.txt", folder).status == "added"
    assert len(library.open_library(folder).entries) == 3


def test_a_reader_survives_a_compaction_between_listing_and_reading(tmp_path, monkeypatch):
    for i in range(4):
        library.add_bytes(f"答复{i}：资金{i + 1}亿元。\n".encode(), f"r{i}.txt", tmp_path)
    directory = cache.cache_dir(tmp_path)
    assert len(cache.segments(directory)) == 4
    names = {e.sha256: e.stored_name for e in read_manifest(tmp_path)}
    real_read, compacted = cache.pq.read_table, []

    def compact_then_read(path, *args, **kwargs):
        if str(path).endswith(".documents.parquet") and not compacted:
            compacted.append(True)
            monkeypatch.setattr(cache, "MAX_SEGMENTS", 1)
            cache.compact(directory, set(names))  # another process compacts right after our listing
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(cache.pq, "read_table", compact_then_read)
    tables, missing = cache.read_cached(directory, names)
    assert compacted and not missing
    assert sorted(tables.documents["doc"]) == sorted(names.values())


def test_a_reader_retries_when_a_segment_vanishes_between_its_parts(tmp_path, monkeypatch):
    for i in range(3):
        library.add_bytes(f"答复{i}：资金{i + 1}亿元。\n".encode(), f"r{i}.txt", tmp_path)
    directory = cache.cache_dir(tmp_path)
    names = {e.sha256: e.stored_name for e in read_manifest(tmp_path)}
    real_read, compacted = cache.pq.read_table, []

    def read_then_compact(path, *args, **kwargs):
        table = real_read(path, *args, **kwargs)
        if str(path).endswith(".documents.parquet") and not compacted:
            compacted.append(True)
            monkeypatch.setattr(cache, "MAX_SEGMENTS", 0)
            cache.compact(directory, set(names))
        return table

    monkeypatch.setattr(cache.pq, "read_table", read_then_compact)
    tables, missing = cache.read_cached(directory, names)
    assert compacted and not missing
    assert sorted(tables.figures["doc"]) == sorted(names.values())


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("REPLY_LIBRARY", raising=False)


def test_the_dashboard_opens_on_a_library_with_planted_links(tmp_path, monkeypatch):
    from tests.app_support import run_app

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "好.txt").write_bytes(REPLY)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    monkeypatch.setenv("REPLY_LIBRARY", str(folder))
    at = run_app()
    shown = " ".join(e.value for e in at.error)
    assert "loop.txt" in shown and "passwd.txt" in shown
    at.switch_page("views/library.py").run()
    assert not at.exception and list(at.dataframe[0].value["文件"]) == ["好.txt"]
