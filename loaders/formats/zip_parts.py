"""Zip containers (.docx, .ofd): opened and checked against their limits before any part is inflated.

A zip bomb declares what it unpacks to, or lies about it; the count and the declared sizes are checked here,
each reader then inflates its parts within its own budget.
"""

from __future__ import annotations

import io
import zipfile

from loaders.decoding import LoadError, first_line


def open_zip(data: bytes, kind: str) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its entries; a LoadError naming `kind` (".docx") when it is not a readable zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return archive, archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise LoadError(f"broken {kind}: not a readable zip archive ({first_line(err)})") from None


def check_sizes(entries: list[zipfile.ZipInfo], kind: str, max_entries: int, max_bytes: int) -> None:
    """Refuse an archive of too many parts, or one whose headers say it unpacks to more than `max_bytes`."""
    if len(entries) > max_entries:
        raise LoadError(f"refused: the {kind} has {len(entries)} parts (limit {max_entries})")
    declared = sum(e.file_size for e in entries)
    if declared > max_bytes:
        raise LoadError(
            f"refused: the {kind} would unpack to {declared >> 20} MB (limit {max_bytes >> 20} MB; a zip bomb?)"
        )
