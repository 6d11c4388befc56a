"""Ruled tables on a PDF page (pdfplumber's table finder) → grids of cell texts, like a .docx table's.

A PDF has no table object: a table is words placed inside drawn rulings. pdfplumber's "lines" strategy (its
default) snaps the page's lines and rectangle edges into a grid and reads the words inside each cell, so only
tables with drawn borders are found; columns aligned by spaces alone stay lines of text, as before. A cell
spanning several grid positions is read once, where it starts, and None marks the positions it covers,
which is what `TextBuilder.add_table` expects.
"""

from __future__ import annotations

from dataclasses import dataclass

# The finder's time grows much faster than the grid it finds: a 50 × 50 grid of rulings takes 0.25 s, a
# 100 × 100 one 3.5 s, 150 × 150 20 s. A reply's table has tens of rows and a few columns, so a page whose
# rulings could form more grid points than MAX_GRID_POINTS (or that draws more than MAX_EDGES edges) is read
# as text only.
MAX_GRID_POINTS = 2500
MAX_EDGES = 10_000
SNAP = 3  # points; pdfplumber's default snap tolerance: rulings closer than this are one


@dataclass(frozen=True)
class PdfTable:
    """One ruled table: its grid of cell texts (None where a merged cell continues) and where it sits."""

    grid: list[list[str | None]]
    top: float
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom


def find_ruled_tables(page, clean) -> list[PdfTable]:
    """Tables of two rows and two columns at least, top to bottom; `clean` is applied to each cell's text."""
    if not _grid_is_small(page):
        return []
    tables = []
    for table in page.find_tables():
        grid = [[None if cell is None else clean(cell) for cell in row] for row in table.extract()]
        n_columns = max((len(row) for row in grid), default=0)
        if len(grid) < 2 or n_columns < 2 or not any(cell for row in grid for cell in row):
            continue  # a frame around a paragraph or a box: its text is read as lines
        tables.append(PdfTable(grid, float(table.bbox[1]), tuple(float(v) for v in table.bbox)))
    return sorted(tables, key=lambda t: t.top)


def _grid_is_small(page) -> bool:
    """Whether the page's rulings can form a cell at all, and few enough grid points to find quickly."""
    if not (page.lines or page.rects or page.curves):  # most pages: nothing drawn, no table to find
        return False
    edges = page.edges
    if len(edges) > MAX_EDGES:
        return False
    rows = {round(e["top"] / SNAP) for e in edges if e.get("orientation") == "h"}
    columns = {round(e["x0"] / SNAP) for e in edges if e.get("orientation") == "v"}
    return len(rows) >= 2 and len(columns) >= 2 and len(rows) * len(columns) <= MAX_GRID_POINTS


def outside_tables(page, tables: list[PdfTable]):
    """The page without the characters inside the tables (they are read as cells), everything else kept."""
    if not tables:
        return page
    boxes = [t.bbox for t in tables]

    def is_outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2  # the char's centre decides
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return page.filter(is_outside)
