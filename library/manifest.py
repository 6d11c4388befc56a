"""The library's manifest and the rules that keep the folder consistent when writers crash or race.

The folder holds each reply file unchanged and `manifest.json` (one entry per reply: content hash, names,
format, how and when it was added). Every write goes to a temp file in the same folder and is moved into
place with os.replace, so a reader sees the old manifest or the new one, never half of one. Writers hold an
exclusive fcntl lock on `.library.lock` for the short moment they touch the folder; readers take no lock.

Adding or removing a file is a small transaction whose commit point is the manifest replace:
  add:    write the bytes to `.pending-<hash>`; commit the manifest with the entry; rename to the stored name.
  remove: move the stored file to `.pending-<hash>`; commit the manifest without it; delete the pending file.
`recover()` (run under the lock before any change) finishes or undoes whatever a killed writer left: an entry
whose file is missing gets it back from its pending file; any other pending or temp file is an uncommitted
leftover and is deleted. So a crash at any point leaves the library as it was before or as it was after.
A stored name is checked before the commit (it fits the file system: `name_fits`), so the rename after it
cannot fail for the name; should it fail anyway, recover() undoes that add and says so, rather than trying
again on every open.

Symbolic links in the folder are followed only to files inside it; a link that loops, leads nowhere or leads
outside (to /etc/passwd, /proc/self/status) is skipped and reported, never read.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
LOCK = ".library.lock"
IGNORE = ".libraryignore"  # file-name patterns in the folder that are not replies (e.g. data tables)
PENDING = ".pending-"
TEMP = ".tmp-"
REPLY_SUFFIXES = {
    ".txt",
    ".docx",
    ".pdf",
    ".html",
    ".htm",
    ".doc",
    ".wps",
    ".rtf",
    ".ofd",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
}
ADDED_HOW = ("upload", "folder", "cli")


@dataclass(frozen=True)
class Entry:
    """One reply in the library."""

    sha256: str  # of the file's bytes: the same content twice is one reply
    original_name: str  # as uploaded or found
    stored_name: str  # the file's name in the library folder (unique there)
    format: str  # txt docx doc wps rtf ofd pdf html png jpg tiff
    encoding: str
    added_at: str  # ISO 8601, UTC
    added_how: str  # upload, folder or cli
    size: int  # bytes
    # of the stored file when it was recorded (0: not known, e.g. an older manifest): a file whose size or
    # modification time differs is hashed again, so a reply replaced by hand is noticed (library.store)
    mtime_ns: int = 0


class ManifestError(RuntimeError):
    """The manifest cannot be read; the message names the file."""


_READ: dict[Path, tuple[tuple[int, int, int], list[Entry]]] = {}  # last manifest read per folder


def read_manifest(folder: Path) -> list[Entry]:
    """The committed entries; none when the library has no manifest yet (a folder of files is enough).

    The manifest is only ever replaced (atomic_write), so an unchanged (inode, mtime, size) means unchanged
    entries: a large ingest, which reads it before each commit, decodes it once per change, not per commit.
    """
    path = folder / MANIFEST
    try:
        stat = path.stat()
        key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        cached = _READ.get(path)
        if cached and cached[0] == key:
            return list(cached[1])
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = [Entry(**row) for row in raw["entries"]]
        _READ[path] = (key, entries)
        return list(entries)
    except FileNotFoundError:
        return []
    except (ValueError, KeyError, TypeError) as err:
        raise ManifestError(f"{path}: not a valid library manifest ({err})") from None


def write_manifest(folder: Path, entries: list[Entry]) -> None:
    """One entry per line: readable, and encoded by json's C encoder (indent= would use the pure-Python one,
    and a 10,000-reply ingest rewrites the manifest once per batch)."""
    lines = ",\n  ".join(map(_entry_line, entries))
    body = f'{{"format": "reply-library-manifest", "version": 1, "entries": [\n  {lines}\n]}}\n'
    path = folder / MANIFEST
    atomic_write(path, body.encode("utf-8"))
    stat = path.stat()  # what was just written is what the next read (under the same lock) would decode
    _READ[path] = ((stat.st_ino, stat.st_mtime_ns, stat.st_size), list(entries))


@functools.lru_cache(maxsize=65536)
def _entry_line(entry: Entry) -> str:
    return json.dumps(vars(entry), ensure_ascii=False)


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder, flushed to disk, then os.replace onto `path`."""
    fd, temp = tempfile.mkstemp(prefix=TEMP, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; the manifest is as readable as the replies
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def pending_path(folder: Path, sha256: str) -> Path:
    return folder / f"{PENDING}{sha256}"


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Exclusive write lock on the library (across threads and processes: each call opens its own fd)."""
    with open(folder / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def recover(folder: Path, notes: list[str] | None = None) -> list[Entry]:
    """Finish or undo interrupted transactions (call under the lock); returns the committed entries.

    An add whose file cannot be moved into place is undone (its entry dropped, its pending file deleted)
    and a "name: reason" line appended to `notes`: the library never stays stuck on one file.
    """
    entries = read_manifest(folder)
    present = set(os.listdir(folder))  # one listing, not a stat per entry: this runs before every commit
    undone: set[str] = set()
    for entry in entries:
        pending = PENDING + entry.sha256
        if pending in present and entry.stored_name not in present:
            try:
                os.replace(folder / pending, folder / entry.stored_name)
            except OSError as err:
                undone.add(entry.sha256)
                if notes is not None:
                    reason = err.strerror or type(err).__name__
                    notes.append(f"{entry.original_name}: could not be stored ({reason}); the add was undone")
                continue
            present.discard(pending)
    if undone:
        entries = [e for e in entries if e.sha256 not in undone]
        write_manifest(folder, entries)
    for name in present:
        if name.startswith((PENDING, TEMP)) and (folder / name).is_file():
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
    return entries


def ignored_patterns(folder: Path) -> list[str]:
    try:
        lines = (folder / IGNORE).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def reply_files(folder: Path, skipped: list[str] | None = None) -> dict[str, os.DirEntry]:
    """Files in the folder that may be replies: by suffix, not hidden, not listed in .libraryignore, and
    not a symbolic link that loops or leads outside the folder (those are named in `skipped`).

    Values are directory entries: `.stat()` costs a system call on first use only, and most callers need
    just the names.
    """
    ignore = ignored_patterns(folder)
    found = {}
    inside = os.path.realpath(folder)
    with os.scandir(folder) as scan:
        for item in scan:
            name = item.name
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in REPLY_SUFFIXES:
                continue
            if ignore and any(Path(name).match(pattern) for pattern in ignore):
                continue
            if item.is_symlink():
                why = _unsafe_link(item.path, inside)
                if why:
                    if skipped is not None:
                        skipped.append(f"{name}: skipped, {why}")
                    continue
            if item.is_file():
                found[name] = item
    return found


def _unsafe_link(path: str, inside: str) -> str:
    """Why a symbolic link in the folder is not followed ("" when it leads to a file in the folder)."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as err:
        return f"a symbolic link that loops or leads nowhere ({err.strerror or type(err).__name__})"
    if os.path.commonpath([target, inside]) != inside:
        return "a symbolic link to a file outside the library folder"
    return ""


NAME_MAX = 255  # bytes in one file name (ext4, XFS, btrfs …)


def safe_name(name: str, fmt: str, taken: set[str], limit: int = NAME_MAX) -> str:
    """A stored name: the original's base name, cleaned, with a reply suffix, unique in the folder, and at
    most `limit` bytes in UTF-8 with its suffix and any " (2)" counter (84 ideographs are 252 bytes)."""
    base = Path(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '/:*?"<>|').strip().lstrip(".")
    stem, suffix = Path(base).stem[:100] or "reply", Path(base).suffix.lower()
    if suffix not in REPLY_SUFFIXES:
        stem, suffix = (Path(base).name[:100] or "reply"), f".{fmt}"
    candidate, n = _fit(stem, suffix, limit), 2
    while candidate in taken:
        candidate, n = _fit(stem, f" ({n}){suffix}", limit), n + 1
    return candidate


def _fit(stem: str, tail: str, limit: int) -> str:
    """stem + tail, the stem cut (at a character boundary) so the whole is at most `limit` bytes."""
    room = limit - len(tail.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip() or "reply"
    return cut + tail


def name_max(folder: Path) -> int:
    """The longest file name the folder's file system takes, in bytes (at most NAME_MAX)."""
    try:
        return min(NAME_MAX, os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return NAME_MAX
