"""Reply files the tests build themselves: the seed's text as .docx, .pdf and .html, in several encodings.

Nothing here is shipped; the corpus texts are read from ../shared/corpus at test time, never copied.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "data" / "seed_reply.txt"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_FACE = 2  # the simplified-Chinese face inside the Noto CJK collection

HALF_TO_FULL = str.maketrans({":": "：", ",": "，", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def full_width(text: str) -> str:
    """The text as government sites publish it: full-width ：，（） (a decimal point or hyphen stays)."""
    return text.translate(HALF_TO_FULL)


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A .docx with one paragraph per item; `table` (rows of cells) goes after the first paragraph."""
    import docx

    document = docx.Document()
    for i, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph)
        if table and i == 0:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CN_MARKER = re.compile(r"[一二三四五六七八九十]+、")
CN_PAREN_MARKER = re.compile(r"[(（][一二三四五六七八九十]+[)）]")


def numbering_xml(abstracts: dict[str, str], nums: dict[str, str]) -> str:
    """numbering.xml from abstract lists (id → their w:lvl elements) and instances (numId → abstractNumId[
    followed by w:lvlOverride elements, after a '|'])."""
    parts = [
        f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>' for a, levels in abstracts.items()
    ]
    for num_id, spec in nums.items():
        abstract, _, overrides = spec.partition("|")
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">{"".join(parts)}</w:numbering>'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """One w:lvl: counter format, label text (%1 … %9 stand for the counters) and where it starts."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def make_numbered_docx(
    items: list[tuple[str, int | None] | tuple[str, int | None, str]],
    numbering: str | bytes,
    style: dict[int, str] | None = None,
    extra_styles: str = "",
) -> bytes:
    """A .docx whose items (text, list level or None, numId "1" unless given) are Word list paragraphs.

    The digits are nowhere in the paragraph text, as in a reply typed with Word's numbering buttons: the
    paragraph names its list and level in w:numPr, and `numbering` (the whole numbering.xml, which may be
    broken on purpose) says how Word writes them. `style` gives item index → paragraph style name instead;
    `extra_styles` (w:style elements) is added to styles.xml.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if extra_styles:
        for element in parse_xml(f'<w:styles xmlns:w="{W_NS}">{extra_styles}</w:styles>'):
            document.styles.element.append(element)
    for i, item in enumerate(items):
        text, level = item[0], item[1]
        paragraph = document.add_paragraph(text, style=(style or {}).get(i))
        if level is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = int(item[2]) if len(item) > 2 else 1
    out = io.BytesIO()
    document.save(out)
    return _replace_part(out.getvalue(), "word/numbering.xml", numbering)


def _replace_part(data: bytes, name: str, content: str | bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            body = source.read(entry)
            if entry.filename == name:
                body = content.encode("utf-8") if isinstance(content, str) else content
            target.writestr(entry, body)
    return out.getvalue()


def seed_as_word_list(text: str) -> list[tuple[str, int | None]]:
    """The seed's lines with their 一、 and (一) markers taken out, as list levels 0 and 1 instead."""
    items: list[tuple[str, int | None]] = []
    for line in text.split("\n"):
        for level, marker in ((0, CN_MARKER), (1, CN_PAREN_MARKER)):
            if marker.match(line):
                items.append((line[marker.match(line).end() :], level))
                break
        else:
            items.append((line, None))
    return items


def seed_numbering(full_width_parens: bool = False) -> str:
    """The seed's two heading levels as Word defines them: 一、 (chineseCounting) over (一) restarting under it."""
    paren = "（%2）" if full_width_parens else "(%2)"
    levels = (
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCountingThousand", paren)
        + lvl(2, "decimal", "%3.")
    )
    return numbering_xml({"0": levels}, {"1": "0"})


def cjk_ttf(text: str, folder: Path) -> Path:
    """A TrueType subset of Noto Sans CJK SC covering `text`.

    fpdf2 embeds the CFF-outlined Noto .ttc with a custom encoding CMap that pdfminer cannot read back (the
    PDF comes out without extractable text), so the subset's outlines are converted to TrueType first.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(NOTO_CJK, fontNumber=SC_FACE)
    options = Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(text=text + "0123456789")
    subsetter.subset(font)
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphs, glyf.glyphOrder = {}, font.getGlyphOrder()
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs = 0x00010000, len(glyf.glyphOrder)
    counters = (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxPoints",
        "maxContours",
    )
    for field in (*counters, "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    path = folder / "cjk-subset.ttf"
    font.save(path)
    return path


def make_pdf(
    paragraphs: list[str],
    font_path: Path,
    page_height_mm: float = 297.0,
    table: list[list[str]] | None = None,
    table_after: int = 0,
) -> bytes:
    """A PDF with a text layer: each paragraph wrapped at the right margin by fpdf2, as a typesetter would.

    `table` (rows of cells, the first the headers) is drawn with ruled borders after paragraph `table_after`.
    """
    from fpdf import FPDF

    pdf = FPDF(format=(210, page_height_mm))
    pdf.add_font("cjk", fname=str(font_path))
    pdf.set_font("cjk", size=11)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for i, paragraph in enumerate(paragraphs):
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
        if table and i == table_after:
            with pdf.table(first_row_as_headings=False, line_height=8) as grid:
                for row in table:
                    grid.row(row)
    return bytes(pdf.output())


def make_image_pdf() -> bytes:
    """A PDF whose page is only a drawing: no text layer, like a scan."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def make_html(paragraphs: list[str], charset: str = "utf-8", table: list[list[str]] | None = None) -> str:
    """A saved government page: menus, a metadata block, the article in TRS_Editor, a footer, scripts."""
    meta_lines, body = paragraphs[:8], paragraphs[8:]
    keys = ["索引号", "发布机构", "公开方式", "组配分类", "主题分类", "成文日期", "发布日期", "公开范围"]
    meta_rows = "".join(
        f"<tr><td>{k}：</td><td>{html.escape(v)}</td></tr>" for k, v in zip(keys, meta_lines, strict=True)
    )
    article = "\n".join(f"<p style='text-indent:2em'>\u3000\u3000{html.escape(p)}</p>" for p in body)
    if table:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table)
        article = f"{article}\n<table border='1'>{rows}</table>"
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>慈溪市人民政府门户网站</title><script>var menu = "首页 政务公开 5个栏目";</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/hd">政民互动</a></li><li>今日访问量12345次</li></ul></div>
<div class="main-wrap">
  <div class="position">当前位置：首页 &gt; 政务公开 &gt; 建议提案办理</div>
  <div class="xxgk-meta"><table>{meta_rows}</table></div>
  <div class="content">
    <div class="TRS_Editor">
{article}
    </div>
  </div>
  <div class="share">分享到：微信 微博 <a href="#">打印本页</a> <a href="#">关闭窗口</a></div>
</div>
<div class="footer">主办单位：慈溪市人民政府办公室 网站标识码3302820001 浙ICP备05001234号
<p>技术支持：某某科技有限公司 联系电话：0574-63988718</p></div>
<script>document.write("访问量 100万次");</script>
</body></html>
"""


def map_gold(gold: list[dict], source: str, target: str) -> list[dict]:
    """Gold figures moved from offsets in `source` to the same words in `target` (an extracted text).

    Each figure is found by its surface with as much context either side as makes the match unique in both
    texts. A figure that cannot be found gets offsets (-1, -1), so the scorer counts it as missed.
    """
    mapped = []
    for g in gold:
        start, end = g["start"], g["end"]
        new_start = -1
        for width in (6, 10, 16, 24, 40):
            for before, after in ((width, width), (width, 0), (0, width)):
                a, b = max(0, start - before), min(len(source), end + after)
                snippet = source[a:b]
                if source.count(snippet) == 1 and target.count(snippet) == 1:
                    new_start = target.index(snippet) + (start - a)
                    break
            if new_start >= 0:
                break
        mapped.append({**g, "start": new_start, "end": new_start + (end - start) if new_start >= 0 else -1})
    return mapped
