"""Table cells (from .docx and .html replies) → figures labelled by their row and column headers.

A table row such as `已建成园区 | 15 | 2013.9` under headers `项目 | 数量(个) | 占地面积(亩)` reports two figures;
the unit of a bare number sits in its column header's brackets (`(亩)`, `（万元）`, `/亩`, `%`). Figures the
prose rules already found inside a cell (`15个`) keep their values and take the headers as their label.
"""

from __future__ import annotations

import re

from loaders.candidates import ARABIC
from loaders.context import period_bounds
from loaders.figures import Figure
from loaders.numbers import parse_arabic
from loaders.periods import find_period
from loaders.plans import PLAN_WORDS
from loaders.qualifiers import BEFORE_WORDS
from loaders.units import lookup, magnitude_pattern, unit_pattern

BARE_CELL = re.compile(
    rf"^\s*(?P<before>约|近|超过|超|逾|不足|不超过)?\s*(?P<num>{ARABIC})\s*(?P<more>余|多)?\s*$"
)
COUNT_HEADER = re.compile(r"数量|个数|家数|人数|户数|次数|件数|项数|数目")


def header_unit(header: str) -> tuple[str, float, str, str, str] | None:
    """(unit as written, factor, base unit, kind, header without the unit) from a column header."""
    unit_words = rf"(?P<mag>{magnitude_pattern()})?(?P<unit>{unit_pattern()})"
    for pattern in (rf"[(（]\s*{unit_words}\s*[)）]", rf"[/／]\s*{unit_words}\s*$"):
        found = re.search(pattern, header)
        if not found:
            continue
        mag, word = found.group("mag") or "", found.group("unit")
        unit = lookup(word)
        factor = unit.factor * (lookup(mag).factor if mag else 1.0)
        return (
            mag + word,
            factor,
            unit.base_unit,
            unit.kind,
            (header[: found.start()] + header[found.end() :]).strip(),
        )
    if header.rstrip().endswith(("%", "％")):
        return "%", 1.0, "percent", "percent", header.rstrip(" %％")
    if COUNT_HEADER.search(header):
        return "", 1.0, "count", "count", header
    return None


def _label(cell) -> str:
    col = re.sub(r"[(（][^)）]*[)）]|[/／].*$", "", cell.col_header).strip()
    return " · ".join(part for part in (cell.row_header.strip(), col) if part)[:32]


def _bare_cell_figure(text: str, cell, year: int | None) -> Figure | None:
    found = BARE_CELL.match(text[cell.start : cell.end])
    unit = header_unit(cell.col_header)
    if not found or unit is None:
        return None
    written, factor, base_unit, kind, _ = unit
    start, end = cell.start + found.start("num"), cell.start + found.end("num")
    value = parse_arabic(found.group("num"))
    if value is None:  # too large to be an amount
        return None
    qualifier, word = "exact", None
    if found.group("more"):
        qualifier, word = "at_least", found.group("more")
    elif found.group("before"):
        word = found.group("before")
        qualifier = dict(BEFORE_WORDS)[word]
    headers = cell.row_header + " " + cell.col_header
    return Figure(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        value_high=None,
        unit=written,
        base_value=value * factor,
        base_value_low=None,
        base_value_high=None,
        base_unit=base_unit,
        kind=kind,
        qualifier=qualifier,
        qualifier_word=word,
        period=find_period(headers, year),
        is_planned=bool(PLAN_WORDS.search(headers)),
    )


def apply_cells(text: str, figures: list[Figure], cells: list, year: int | None) -> list[Figure]:
    """Figures with table cells taken into account: headers as labels, bare numbers with header units."""
    if not cells:
        return figures
    by_start = sorted(cells, key=lambda c: c.start)
    covered = set()
    for fig in figures:
        for cell in by_start:
            if cell.start <= fig.start < cell.end:
                fig.label = _label(cell) or fig.label
                covered.add((cell.table, cell.row, cell.col))
                break
    added = []
    for cell in by_start:
        if (cell.table, cell.row, cell.col) in covered:
            continue
        fig = _bare_cell_figure(text, cell, year)
        if fig is not None:
            fig.label = _label(cell)
            line_start = text.rfind("\n", 0, cell.start) + 1
            line_end = text.find("\n", cell.end)
            fig.sentence_start = line_start
            fig.sentence_text = text[line_start : line_end if line_end >= 0 else len(text)]
            fig.period_start, fig.period_end = period_bounds(fig.period)
            added.append(fig)
    return sorted(figures + added, key=lambda f: f.start)
