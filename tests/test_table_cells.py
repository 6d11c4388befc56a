"""Tables inside .docx and .html replies: each body cell with a number is a figure, labelled by its headers."""

from __future__ import annotations

import io

import docx
import pytest

from loaders import load_bytes
from loaders.cells import header_unit

ROWS = [
    ["项目", "数量(个)", "占地面积（亩）", "投资/万元"],
    ["已建成园区", "15", "2013.9", "12000"],
    ["在建园区", "8个", "1231.6", "超5000"],
    ["计划建设园区", "约5", "370", "3000"],
]
PROSE = ["张三代表:", "您提出的《关于园区的建议》收悉,现答复如下:", "一、园区建设情况如下表。"]
FOOT = ["某某局", "2020年8月31日"]


def docx_bytes() -> bytes:
    document = docx.Document()
    for line in PROSE:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in FOOT:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def html_bytes() -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in ROWS)
    body = (
        "".join(f"<p>{line}</p>" for line in PROSE)
        + f"<table>{cells}</table>"
        + "".join(f"<p>{x}</p>" for x in FOOT)
    )
    page = f'<html><head><meta charset="utf-8"></head><body><div class="nav">首页 | 政务公开</div><div class="content">{body}</div><div class="footer">版权所有</div></body></html>'
    return page.encode("utf-8")


@pytest.mark.parametrize(("name", "make"), [("t.docx", docx_bytes), ("t.html", html_bytes)])
def test_cells_become_labelled_figures(name, make):
    figures = load_bytes(make(), name).figures.set_index("label")
    assert figures.loc["已建成园区 · 数量", "base_value"] == 15
    assert figures.loc["已建成园区 · 占地面积", "base_value"] == pytest.approx(2013.9 * 10000 / 15)
    assert figures.loc["已建成园区 · 投资", "base_value"] == 12000 * 10000
    assert figures.loc["在建园区 · 数量", "text"] == "8个"
    assert figures.loc["在建园区 · 投资", "qualifier"] == "at_least"
    assert figures.loc["计划建设园区 · 数量", "qualifier"] == "approx"
    assert bool(figures.loc["计划建设园区 · 占地面积", "is_planned"])
    assert len(figures) == 9  # three rows of three measures


def test_header_units():
    assert header_unit("金额（万元）")[:3] == ("万元", 10000.0, "CNY")
    assert header_unit("面积/亩")[2] == "m2"
    assert header_unit("占比%")[2] == "percent"
    assert header_unit("企业家数")[2] == "count"
    assert header_unit("备注") is None
