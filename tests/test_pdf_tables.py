"""Ruled tables inside PDF replies: each body cell with a number is a figure, labelled by its headers,
exactly as the same table in a .docx gives; tables too large to find quickly, and boxes that are no table,
leave the text as it was."""

from __future__ import annotations

import time

import pytest

from loaders import load_bytes
from loaders.formats.pdf_tables import MAX_GRID_POINTS
from loaders.read import LoadError, read_bytes
from tests.reply_files import NOTO_CJK, cjk_ttf, make_pdf, seed_text
from tests.test_table_cells import FOOT, PROSE, ROWS, docx_bytes

pytestmark = pytest.mark.skipif(not NOTO_CJK.exists(), reason="fonts-noto-cjk is not installed")
FIGURE_KEYS = ["label", "text", "base_value", "base_unit", "qualifier", "is_planned", "section_id"]


@pytest.fixture(scope="module")
def font(tmp_path_factory):
    every_text = "".join(PROSE + FOOT + [c for row in ROWS for c in row]) + seed_text() + "园区建设情况表格外"
    return cjk_ttf(every_text, tmp_path_factory.mktemp("font"))


def pdf_bytes(font, table=ROWS) -> bytes:
    return make_pdf(PROSE + FOOT, font, table=table, table_after=len(PROSE) - 1)


def test_pdf_table_rows_become_lines_and_cells_carry_headers(font):
    decoded = read_bytes(pdf_bytes(font), "t.pdf")
    lines = decoded.text.split("\n")
    assert lines[len(PROSE) : len(PROSE) + len(ROWS)] == ["\t".join(row) for row in ROWS]
    assert lines[len(PROSE) + len(ROWS) :] == FOOT  # the table sits between the prose and the signature
    cells = [(decoded.text[c.start : c.end], c.row_header, c.col_header) for c in decoded.cells]
    assert cells[:3] == [
        ("15", "已建成园区", "数量(个)"),
        ("2013.9", "已建成园区", "占地面积（亩）"),
        ("12000", "已建成园区", "投资/万元"),
    ]
    assert len(cells) == 9 and {c.table for c in decoded.cells} == {0}


def test_pdf_table_gives_the_figures_the_docx_table_gives(font):
    from_pdf = load_bytes(pdf_bytes(font), "t.pdf").figures[FIGURE_KEYS]
    from_docx = load_bytes(docx_bytes(), "t.docx").figures[FIGURE_KEYS]
    assert from_pdf.to_dict("records") == from_docx.to_dict("records")
    figures = from_pdf.set_index("label")
    assert figures.loc["已建成园区 · 占地面积", "base_value"] == pytest.approx(2013.9 * 10000 / 15)
    assert figures.loc["在建园区 · 投资", "qualifier"] == "at_least"
    assert len(figures) == 9


def test_merged_pdf_cells_are_written_once(font):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, PROSE[-1], new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False, line_height=8) as grid:
        grid.row(ROWS[0][:3])
        grid.row(ROWS[1][:3])
        row = grid.row()
        row.cell("在建园区")
        row.cell("8个", colspan=2)  # one cell over two columns
    decoded = read_bytes(bytes(pdf.output()), "m.pdf")
    cells = [(decoded.text[c.start : c.end], c.row_header, c.col_header) for c in decoded.cells]
    assert cells == [
        ("15", "已建成园区", "数量(个)"),
        ("2013.9", "已建成园区", "占地面积（亩）"),
        ("8个", "在建园区", "数量(个)"),
    ]
    assert decoded.text.count("8个") == 1


def test_a_box_around_a_paragraph_is_no_table(font):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, PROSE[1], border=1, new_x="LMARGIN", new_y="NEXT")  # a framed note
    pdf.multi_cell(0, 7, FOOT[0], new_x="LMARGIN", new_y="NEXT")
    decoded = read_bytes(bytes(pdf.output()), "box.pdf")
    assert decoded.text.split("\n") == [PROSE[1], FOOT[0]] and decoded.cells == []


def grid_page(n_rows: int, n_columns: int, font) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, PROSE[1], new_x="LMARGIN", new_y="NEXT")
    pdf.set_line_width(0.1)
    for i in range(n_rows + 1):
        pdf.line(10, 40 + i * 240 / n_rows, 200, 40 + i * 240 / n_rows)
    for j in range(n_columns + 1):
        pdf.line(10 + j * 190 / n_columns, 40, 10 + j * 190 / n_columns, 280)
    return bytes(pdf.output())


def test_a_page_of_dense_rulings_is_read_as_text_in_bounded_time(font):
    data = grid_page(120, 120, font)  # 14,641 grid points: pdfplumber would take ~10 s to find its cells
    assert MAX_GRID_POINTS < 121 * 121
    started = time.monotonic()
    decoded = read_bytes(data, "grid.pdf")
    assert time.monotonic() - started < 2.0
    assert decoded.text == PROSE[1] and decoded.cells == []


@pytest.mark.parametrize(
    "mangle",
    [
        lambda data: data.replace(b" re", b" xx"),  # drawing operators the content parser does not know
        lambda data: data[: len(data) * 2 // 3],  # cut short
    ],
    ids=["unknown-operators", "truncated"],
)
def test_odd_pdfs_with_tables_give_text_or_a_one_line_reason(font, mangle):
    data = mangle(pdf_bytes(font))
    try:
        decoded = read_bytes(data, "odd.pdf")
    except LoadError as err:
        assert "\n" not in str(err)
        return
    assert PROSE[0] in decoded.text


def test_table_cells_keep_offsets_inside_the_text(font):
    decoded = read_bytes(pdf_bytes(font), "t.pdf")
    assert all(0 <= c.start < c.end <= len(decoded.text) for c in decoded.cells)
    assert all("\n" not in decoded.text[c.start : c.end] for c in decoded.cells)
    assert decoded.pages[0][1] == 0 and decoded.pages[-1][2] == len(decoded.text)
