"""The dashboard's navigation: the themes in display order and one page per (domain, theme) present in the
library, read from the loaders' editable theme and domain tables (re-read when a file changes)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from board.data import library
from loaders.domains import domains_path
from loaders.themes import themes_path


@st.cache_data(max_entries=4)
def _theme_table(path: str, mtime: int) -> list[tuple[str, str, str]]:
    """(domain, theme, English name) rows of the theme table at `path` (re-read when the file changes)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [
            (
                (row.get("domain") or "*").strip() or "*",
                row["theme"].strip(),
                (row.get("theme_en") or "").strip(),
            )
            for row in csv.DictReader(handle)
            if (row.get("theme") or "").strip()
        ]


@st.cache_data(max_entries=4)
def _domain_table(path: str, mtime: int) -> list[tuple[str, str]]:
    """(domain, English name) of the domain table at `path`, in its order."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [(r["domain"].strip(), (r.get("domain_en") or "").strip()) for r in csv.DictReader(handle)]
    return list(dict.fromkeys(r for r in rows if r[0]))


def _rows(path: Path, reader) -> list:
    return reader(str(path), path.stat().st_mtime_ns) if path.is_file() else []


def themes(figures: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """(theme, English name) in display order: the theme table's, then themes only the figures name.

    Pass the figures table when you have it: each library() call re-checks the folder.
    """
    names: dict[str, str] = {}
    for _, theme, theme_en in _rows(themes_path(), _theme_table):
        names.setdefault(theme, theme_en)  # a name shared by domains once, at its first row
    table = list(names.items())
    known = set(names)
    figures = library().tables.figures if figures is None else figures
    extra = [t for t in figures["theme"].dropna().unique() if t not in known]
    return table + [(t, "") for t in sorted(extra)]


@dataclass(frozen=True)
class ThemePage:
    domain: str
    theme: str
    url_path: str  # stable: theme-<English name>; a general theme, shared by domains, adds the domain's


def theme_pages(figures: pd.DataFrame) -> list[ThemePage]:
    """One page per (domain, theme) present in the library, domains in the domain table's order, themes in
    the theme table's; a domain's own theme before a general one of the same name."""
    rows = _rows(themes_path(), _theme_table)
    domains = _rows(domains_path(), _domain_table)
    domain_en = dict(domains)
    order = {d: i for i, (d, _) in enumerate(domains)}
    present = figures[["domain", "theme"]].dropna().drop_duplicates()
    pairs = set(zip(present["domain"], present["theme"], strict=True))
    pages: dict[tuple[str, str], ThemePage] = {}
    used: set[str] = set()
    for position, (domain, theme, theme_en) in enumerate(rows):
        top = domain.split("/")[0]
        for d, t in sorted(pairs, key=lambda p: order.get(p[0], len(order))):
            if t != theme or (d, t) in pages or (top != "*" and top != d):
                continue
            name = "-".join((theme_en or f"theme {position + 1}").lower().split())
            if top == "*" or f"theme-{name}" in used:  # shared by domains: the domain's name keeps it unique
                name = f"{domain_en.get(d) or f'domain-{order.get(d, 0) + 1}'}-{name}"
            used.add(f"theme-{name}")
            pages[(d, t)] = ThemePage(d, t, f"theme-{name}")
    for i, (d, t) in enumerate(sorted(pairs - set(pages))):  # a theme only the figures name
        pages[(d, t)] = ThemePage(d, t, f"theme-extra-{i + 1}")
    return sorted(pages.values(), key=lambda p: (order.get(p.domain, len(order)), _position(rows, p)))


def _position(rows: list[tuple[str, str, str]], page: ThemePage) -> int:
    for i, (domain, theme, _) in enumerate(rows):
        if theme == page.theme and domain.split("/")[0] in (page.domain, "*"):
            return i
    return len(rows)
