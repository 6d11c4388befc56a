"""Assemble the text of a container document line by line, keeping offsets for table cells and pages.

Every container reader (.docx, .pdf, .html) ends in one plain text the loaders read like any .txt reply, so
offsets must be taken while the text is built, not recovered afterwards.
"""

from __future__ import annotations

import re

from loaders.decoding import TableCell

# Ideographs and full-width forms: a space between two of them is a layout artefact (source line wraps in
# HTML, letter-spacing in PDFs), never something the author typed.
_WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_SPACE_BETWEEN_WIDE = re.compile(rf"(?<={_WIDE})[ \t]+(?={_WIDE})")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002-\u200b\u3000]+")
_SERIAL_HEADERS = {"序号", "编号", "序", "no", "no.", "#"}


def clean_line(text: str) -> str:
    """One line as a reader sees it: runs of blanks collapsed, blanks between ideographs dropped."""
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    return _SPACE_BETWEEN_WIDE.sub("", text)


class TextBuilder:
    """Appends lines and remembers where each piece landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self.cells: list[TableCell] = []
        self.n_tables = 0

    def append(self, piece: str) -> tuple[int, int]:
        start = self.length
        self._parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def add_line(self, line: str) -> None:
        """A cleaned non-empty line followed by a newline; empty lines are skipped."""
        line = clean_line(line)
        if line:
            self.append(line + "\n")

    def add_table(self, grid: list[list[str | None]]) -> None:
        """A table: one line per row, cells separated by tabs; body cells recorded with their headers.

        `grid` holds one string per grid position, or None where a merged cell continues (its text is
        written once, where the merge starts, so a number in it is not counted twice).
        """
        rows = [[clean_line(c) if c else c for c in row] for row in grid if any(row)]
        if not _is_data_table(rows):
            for row in rows:
                for cell in row:
                    if cell:
                        self.add_line(cell)
            return
        table = self.n_tables
        self.n_tables += 1
        label_col = _row_label_column(rows)
        headers = _fill_merged(rows[0])  # a header merged across columns heads each of them
        row_header = ""
        for r, row in enumerate(rows):
            if label_col < len(row) and row[label_col] is not None:
                row_header = row[label_col]  # a label merged down the rows names each of them
            written = False
            for c, cell in enumerate(row):
                if not cell:
                    continue
                if written:
                    self.append("\t")
                start, end = self.append(cell)
                written = True
                if r > 0 and c > label_col:
                    col_header = headers[c] if c < len(headers) else ""
                    self.cells.append(TableCell(table, r, c, start, end, row_header or "", col_header or ""))
            if written:
                self.append("\n")

    def text(self) -> str:
        return "".join(self._parts)


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """Two rows and two columns at least, with short cells: otherwise a layout box around paragraphs."""
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return False
    return all(len(c) <= 200 for row in rows for c in row if c)


def _row_label_column(rows: list[list[str | None]]) -> int:
    """The column naming each row: the first, unless the first only numbers the rows (序号 1 2 3)."""
    first = [row[0] or "" for row in rows[1:] if row]
    header = (rows[0][0] or "").strip().lower() if rows[0] else ""
    is_serial = header in _SERIAL_HEADERS or (first and all(re.fullmatch(r"\d{1,3}[.、]?", c) for c in first))
    widths = {len(r) for r in rows}
    return 1 if is_serial and min(widths) > 2 else 0


def _fill_merged(row: list[str | None]) -> list[str]:
    """Headers of merged cells carry over to the grid positions they span."""
    filled, last = [], ""
    for cell in row:
        last = cell if cell is not None else last
        filled.append(last or "")
    return filled
