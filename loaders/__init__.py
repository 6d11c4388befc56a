"""Reply documents → pandas tables (documents, sections, figures), every figure traceable to its sentence.

    from loaders import load_path, load_bytes, load_many
    tables = load_path("data/seed_reply.txt")
    tables.figures  # one row per reported figure; columns described in loaders.columns

Nothing here imports streamlit.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from loaders.read import LoadError, read_bytes, read_path
from loaders.tables import (
    ReplyTables,
    build_tables,
    concat_tables,
    extract_decoded,
    extract_records,
    tables_from_records,
)


def _loader_version() -> str:
    """The extraction's version: a hash of the loaders' code and rule tables, so that any change to how
    figures are read re-extracts cached tables (the library keys its cache by it)."""
    import hashlib

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    rule_tables = sorted((here / "rules").iterdir())
    for name in ("REPLY_THEMES_CSV", "REPLY_DOMAINS_CSV"):  # an official's edited copy, when one is in use
        if os.environ.get(name) and Path(os.environ[name]).is_file():
            rule_tables.append(Path(os.environ[name]))
    for path in sorted(here.rglob("*.py")) + rule_tables:
        digest.update(path.name.encode() + path.read_bytes())
    from loaders.formats.ocr_engines import engine_version

    digest.update(engine_version().encode())  # scans read by another OCR engine or model are read anew
    return "1." + digest.hexdigest()[:12]


LOADER_VERSION = _loader_version()

__all__ = [
    "LOADER_VERSION",
    "LoadError",
    "ReplyTables",
    "concat_tables",
    "extract_decoded",
    "extract_records",
    "load_bytes",
    "load_many",
    "load_path",
    "load_text",
    "load_texts",
    "tables_from_records",
]


def load_text(text: str, doc: str, encoding: str = "utf-8", fmt: str = "txt") -> ReplyTables:
    """Tables for one reply given as decoded text."""
    return build_tables(text, doc, encoding=encoding, fmt=fmt)


def load_bytes(data: bytes, name: str) -> ReplyTables:
    """Tables for one reply given as file bytes; raises LoadError (one-line reason) on unreadable input."""
    return tables_from_records([extract_decoded(read_bytes(data, name), name)])


def load_path(path: str | Path) -> ReplyTables:
    path = Path(path)
    return tables_from_records([extract_decoded(read_path(path), path.name)])


def load_texts(texts: Iterable[tuple[str, str]]) -> ReplyTables:
    """Tables for many replies given as (doc, decoded text) pairs: one frame per table for the batch."""
    return tables_from_records([extract_records(text, doc) for doc, text in texts])


def load_many(paths: Iterable[str | Path]) -> ReplyTables:
    """Tables for many replies, one table each (unreadable files raise LoadError naming the file)."""
    batch = []
    for path in paths:
        path = Path(path)
        try:
            decoded = read_path(path)
        except LoadError as err:
            raise LoadError(f"{path.name}: {err}") from None
        batch.append(extract_decoded(decoded, path.name))
    return tables_from_records(batch)
