"""Container formats → text: .docx, .pdf and .html replies built here from the seed give the seed's figures.

Each format is checked three ways: the extracted text is the seed's text (so offsets and sentences hold), the
figures extracted from it match those of the plain seed, and the corpus scorer gives F1 ≥ 0.98 against the
seed's gold offsets moved into the extracted text.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from loaders import load_bytes, load_path
from loaders.__main__ import records
from loaders.formats.pdf_reader import MAX_PAGES, join_pages, normalize_radicals
from loaders.read import LoadError, read_bytes
from tests.corpus import CORPUS, load_gold, scorer
from tests.reply_files import (
    NOTO_CJK,
    SEED,
    cjk_ttf,
    full_width,
    make_docx,
    make_html,
    make_image_pdf,
    make_pdf,
    map_gold,
    seed_text,
)

SEED_GOLD = CORPUS / "seed" / "seed_reply.gold.jsonl"
PARK_TABLE = [
    ["项目", "数量(个)", "占地面积(亩)"],
    ["已建成园区", "15", "2013.9"],
    ["在建园区", "8个", "1231.6"],
]
needs_font = pytest.mark.skipif(not NOTO_CJK.exists(), reason="fonts-noto-cjk is not installed")


@pytest.fixture(scope="module")
def font(tmp_path_factory):
    return cjk_ttf(
        full_width(seed_text()) + seed_text() + "⼀⼆⼗⻓⻔项目数量", tmp_path_factory.mktemp("font")
    )


def figure_keys(data: bytes, name: str) -> list[tuple[str, float]]:
    return [(f["text"], f["base_value"]) for f in records(load_bytes(data, name).figures)]


def assert_same_figures(data: bytes, name: str, text: str = "") -> None:
    """≥ 98% of the plain seed's (surface, value) pairs come out of the container too, and no more."""
    expected = figure_keys((text or seed_text()).encode("utf-8"), "seed.txt")
    got = figure_keys(data, name)
    common = sum(min(expected.count(k), got.count(k)) for k in set(expected))
    assert common >= 0.98 * len(expected), (expected, got)
    assert len(got) <= len(expected) + 1, got


def assert_scores(data: bytes, name: str, source: str | None = None) -> None:
    decoded = read_bytes(data, name)
    gold = map_gold(load_gold(SEED_GOLD), source or seed_text(), decoded.text)
    assert sum(g["start"] < 0 for g in gold if not g.get("negative")) == 0
    result = scorer().score(gold, records(load_bytes(data, name).figures))
    assert result["f1"] >= 0.98, result


# --- .docx ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("punctuation", ["half-width", "full-width"])
def test_docx_gives_the_seed_text_and_figures(punctuation):
    text = seed_text() if punctuation == "half-width" else full_width(seed_text())
    data = make_docx(text.split("\n"))
    decoded = read_bytes(data, "reply.docx")
    assert decoded.format == "docx"
    assert decoded.text.rstrip("\n") == text  # full-width ：，（） survive untouched
    assert_same_figures(data, "reply.docx", text)
    assert_scores(data, "reply.docx", text)


def test_docx_table_rows_become_lines_and_cells_carry_headers():
    data = make_docx(["一、园区建设情况。", "其他内容。"], table=PARK_TABLE)
    decoded = read_bytes(data, "t.docx")
    assert decoded.text.split("\n")[:5] == [
        "一、园区建设情况。",
        "项目\t数量(个)\t占地面积(亩)",
        "已建成园区\t15\t2013.9",
        "在建园区\t8个\t1231.6",
        "其他内容。",
    ]  # the table sits where it is in the document, between the two paragraphs
    cells = [(decoded.text[c.start : c.end], c.row_header, c.col_header) for c in decoded.cells]
    assert cells == [
        ("15", "已建成园区", "数量(个)"),
        ("2013.9", "已建成园区", "占地面积(亩)"),
        ("8个", "在建园区", "数量(个)"),
        ("1231.6", "在建园区", "占地面积(亩)"),
    ]


def test_docx_merged_cells_are_written_once_and_label_every_row():
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "类别", "金额(万元)"], ["1", "园区", "400"], ["2", "", "250"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))  # 园区 spans both rows
    table.cell(0, 1).text = "类别"
    out = io.BytesIO()
    document.save(out)
    decoded = read_bytes(out.getvalue(), "m.docx")
    cells = [(decoded.text[c.start : c.end], c.row_header, c.col_header) for c in decoded.cells]
    assert cells == [("400", "园区", "金额(万元)"), ("250", "园区", "金额(万元)")]  # 序号 is not the label
    assert decoded.text.count("园区") == 1


# --- .pdf -----------------------------------------------------------------------------------------------


@needs_font
@pytest.mark.parametrize("punctuation", ["half-width", "full-width"])
def test_pdf_with_kangxi_radicals_gives_the_seed_text_and_figures(font, punctuation):
    text = seed_text() if punctuation == "half-width" else full_width(seed_text())
    # fonts that map 一 and 十 to Kangxi radicals, as many CJK PDFs do
    data = make_pdf([p.replace("一", "⼀").replace("十", "⼗") for p in text.split("\n")], font)
    decoded = read_bytes(data, "reply.pdf")
    assert decoded.text == text  # radicals mapped back, wrapped lines joined, short lines kept
    assert [p for p, _, _ in decoded.pages] == [1, 2]
    assert decoded.pages[0][1] == 0 and decoded.pages[-1][2] == len(text)
    assert all(a[2] == b[1] for a, b in zip(decoded.pages, decoded.pages[1:], strict=False))
    assert_same_figures(data, "reply.pdf", text)
    assert_scores(data, "reply.pdf", text)


@needs_font
def test_pdf_figures_keep_their_page(font):
    data = make_pdf(seed_text().split("\n"), font)
    figures = load_bytes(data, "reply.pdf").figures
    decoded = read_bytes(data, "reply.pdf")
    for _, fig in figures.iterrows():
        page = next(p for p, start, end in decoded.pages if start <= fig["start"] < end)
        assert fig["page"] == page
    assert set(figures["page"]) == {1, 2}


def test_line_joining_rules():
    full, short = 550.0, 200.0
    lines = [
        ("11330282734267548D/2020-99722", short, 11),  # metadata: short lines keep their breaks
        ("市经信局", 60, 11),
        ("我市累计为全市企业减负39", full, 11),  # broken inside a number
        (".9亿元,共有数十家企业进行了智能化", full, 11),  # broken inside a sentence
        ("改造。", 80, 11),
        ("一、加强小微企业扶持力度", full, 11),  # a heading the width of the page
        ("(一)贯彻落实上级减负政策。", 120, 11),
        ("现答复如下:", full, 11),  # a lead-in ends its line
        ("一是……", 60, 11),
    ]
    text, pages, cells = join_pages([lines[:4], lines[4:]])
    assert text.split("\n") == [
        "11330282734267548D/2020-99722",
        "市经信局",
        "我市累计为全市企业减负39.9亿元,共有数十家企业进行了智能化改造。",
        "一、加强小微企业扶持力度",
        "(一)贯彻落实上级减负政策。",
        "现答复如下:",
        "一是……",
    ]
    assert pages[0] == (1, 0, text.index("改造")) and pages[1][2] == len(text)
    assert cells == []


def test_radicals_map_to_ideographs_and_nothing_else_changes():
    assert normalize_radicals("⼀⼆⼗⻓⻔⺠") == "一二十长门民"
    mixed = "累计：39.9亿元，（一）⼗余家；５Ｇ"
    assert normalize_radicals(mixed) == "累计：39.9亿元，（一）十余家；５Ｇ"  # full-width kept, length kept


# --- .html ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charset", "codec"),
    [("utf-8", "utf-8"), ("gb2312", "gbk"), ("gbk", "gb18030"), ("utf-8", "gb18030"), ("", "gbk")],
    ids=["utf-8", "gb2312-declared", "gbk-declared", "declared-utf-8-but-gb18030", "no-declaration-gbk"],
)
def test_html_gives_the_article_not_the_menus(charset, codec):
    text = seed_text()
    page = make_html(text.split("\n"), charset=charset or "x-unknown")
    if not charset:
        page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=x-unknown">', "")
    data = page.encode(codec)
    decoded = read_bytes(data, "reply.htm")
    assert decoded.format == "html"
    for junk in ("首页", "访问量", "分享到", "主办单位", "技术支持", "当前位置", "var menu", "color"):
        assert junk not in decoded.text
    lines = decoded.text.rstrip("\n").split("\n")
    assert lines[0] == "索引号：11330282734267548D/2020-99722" and lines[6] == "发布日期：2020-08-31"
    assert "\n".join(lines[8:]) == "\n".join(text.split("\n")[8:])  # the article, line for line
    assert_same_figures(data, "reply.htm")
    assert_scores(data, "reply.htm")


def test_html_full_width_and_tables_with_spans():
    text = full_width(seed_text())
    table = [["项目", "数量(个)", "占地面积(亩)"], ["已建成园区", "15", "2013.9"]]
    page = make_html(text.split("\n"), table=table)
    page = page.replace("<td>项目</td>", "<td rowspan='1'>项目</td>").replace(
        "<tr><td>已建成园区</td>", "<tr><td colspan='1'>已建成园区</td>"
    )
    page = page.replace("</table>", "<tr><td rowspan='2'>在建园区</td><td colspan='2'>8个</td></tr>"
                        "<tr><td>3</td><td>1231.6</td></tr></table>")  # fmt: skip
    decoded = read_bytes(page.encode("utf-8"), "t.html")
    assert "（第170号提案）收悉。" in decoded.text and "杨文艳委员：" in decoded.text
    cells = [(decoded.text[c.start : c.end], c.row_header, c.col_header) for c in decoded.cells]
    assert cells == [
        ("15", "已建成园区", "数量(个)"),
        ("2013.9", "已建成园区", "占地面积(亩)"),
        ("8个", "在建园区", "数量(个)"),  # spans both columns: written once
        ("3", "在建园区", "数量(个)"),  # the row label spans down
        ("1231.6", "在建园区", "占地面积(亩)"),
    ]


# --- plain text in every encoding -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_encodings_give_the_same_figures(encoding):
    data = seed_text().encode(encoding)
    assert read_bytes(data, "seed.txt").text == seed_text()
    assert_same_figures(data, "seed.txt")


# --- files that cannot be read ----------------------------------------------------------------------------


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(unpacked_mb: int = 120) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                entry.write(chunk)
    return out.getvalue()


def many_pages_pdf(n: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=8)
    for i in range(n):
        pdf.add_page()
        pdf.cell(0, 5, f"page {i}")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.txt", lambda: b"", "empty"),
        ("blob.bin", lambda: bytes(range(256)) * 40, "binary"),
        ("cut.docx", lambda: make_docx(["一、正文。"])[:300], "broken .docx"),
        ("notes.docx", lambda: zip_bytes({"notes.txt": b"hello"}), "not a .docx"),
        ("sheet.docx", lambda: zip_bytes({"xl/workbook.xml": b"<x/>"}), "Excel"),
        ("bad-xml.docx", lambda: zip_bytes({"word/document.xml": b"<w:document"}), "broken .docx"),
        ("bomb.docx", zip_bomb, "zip bomb"),
        ("scan.pdf", make_image_pdf, "no text layer"),
        ("cut.pdf", lambda: b"%PDF-1.4\n1 0 obj <<", "PDF"),
        ("huge.pdf", lambda: many_pages_pdf(MAX_PAGES + 1), f"{MAX_PAGES + 1} pages"),
        ("menu.html", lambda: b"<html><body><nav>Home</nav><p>hello</p></body></html>", "no Chinese text"),
    ],
)
def test_unreadable_files_give_one_line_reasons(name, make, reason):
    with pytest.raises(LoadError) as caught:
        read_bytes(make(), name)
    message = str(caught.value)
    assert reason in message and "\n" not in message, message


def test_plain_seed_still_reads_as_before():
    assert read_bytes(SEED.read_bytes(), SEED.name).format == "txt"
    assert len(load_path(SEED).figures) >= 27
