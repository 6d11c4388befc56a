"""Saved government web page (.html/.htm) → the reply's text: the article body, not menus and footers.

The article is the block the site marks as content (TRS_Editor, zoom, article, content, …) holding most of the
page's Chinese text, or failing that the element whose paragraphs hold most of it. The page's metadata block
(索引号, 发布机构, 发布日期 …) and its heading usually sit outside the article; they are kept in front of it,
one "key:value" line each, because the loaders read the reply's date and title from them.
"""

from __future__ import annotations

import re

from loaders.decoding import Decoded, LoadError, decode_text
from loaders.formats.text_build import TextBuilder

_DROP = {
    *("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "template"),
    *("button", "select", "svg", "object", "embed", "head", "link", "meta", "input", "textarea"),
}
_BLOCKS = {
    *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table"),
    *("section", "article", "main", "blockquote", "pre", "dd", "dt", "dl", "center", "hr"),
}
_CONTENT_HINT = re.compile(r"trs_editor|zoom|article|artical|content|zwnr|main|detail|text|con\b|wz", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_META_KEYS = ("索引号", "发布机构", "发文机关", "发布日期", "发布时间", "成文日期", "文号", "来源", "公开")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-]{2,20})""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Page text: BOM, then the declared charset (GB2312/GBK read as GB18030, a superset), else a guess."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data)
    match = _CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in _GB_FAMILY else declared
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration lies (a re-saved page); the bytes decide
    return decode_text(data)


def read_html(data: bytes) -> Decoded:
    from bs4 import BeautifulSoup, Comment

    markup, encoding = decode_html(data)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as err:
        raise LoadError(f"broken HTML ({type(err).__name__})") from None
    for element in soup.find_all(list(_DROP)):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    body = soup.body or soup
    article = _main_block(body)
    builder = TextBuilder()
    _add_metadata(body, article, builder)
    heading = _heading_outside(body, article)
    if heading:
        builder.add_line(heading)
    _render(article, builder)
    text = builder.text()
    if not _CJK.search(text):
        raise LoadError("no Chinese text in the page's body")
    return Decoded(text=text, encoding=encoding, format="html", cells=builder.cells)


def _cjk_counts(root) -> dict[int, int]:
    """Chinese characters under each element, in one pass over the text nodes."""
    counts: dict[int, int] = {}
    for string in root.find_all(string=True):
        n = len(_CJK.findall(string))
        if n:
            for parent in string.parents:
                counts[id(parent)] = counts.get(id(parent), 0) + n
                if parent is root:
                    break
    return counts


def _main_block(body):
    counts = _cjk_counts(body)
    hinted = [
        el
        for el in body.find_all(True)
        if _CONTENT_HINT.search(" ".join([el.get("id") or "", *(el.get("class") or [])]))
    ]
    best = max((counts.get(id(el), 0) for el in hinted), default=0)
    if best >= 30:
        # the innermost marked block that still holds most of the marked text: not the page-wide wrapper
        strong = [el for el in hinted if counts.get(id(el), 0) >= 0.7 * best]
        return max(strong, key=lambda el: len(list(el.parents)))
    scores: dict[int, tuple[int, object]] = {}
    for p in body.find_all(["p", "br", "td", "div"]):
        own = sum(len(_CJK.findall(s)) for s in p.find_all(string=True, recursive=False))
        parent = p.parent if p.name in ("p", "br") else p
        if own and parent is not None:
            total, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (total + own, parent)
    return max(scores.values(), key=lambda pair: pair[0])[1] if scores else body


def _inside(element, block) -> bool:
    return element is block or any(parent is block for parent in element.parents)


def _add_metadata(body, article, builder: TextBuilder) -> None:
    """The smallest block outside the article naming at least two metadata keys, as key:value lines."""
    candidates = []
    for el in body.find_all(["table", "div", "ul", "dl", "section"]):
        if _inside(el, article) or _inside(article, el):
            continue
        text = el.get_text(" ", strip=True)
        if len(text) < 2000 and sum(key in text for key in _META_KEYS) >= 2:
            candidates.append(el)
    if not candidates:
        return
    block = min(candidates, key=lambda el: len(el.get_text()))
    pending = ""
    for piece in block.stripped_strings:
        if pending:
            builder.add_line(pending + piece)
            pending = ""
        elif piece.rstrip().endswith((":", "：")):
            pending = piece
        else:
            builder.add_line(piece)
    if pending:
        builder.add_line(pending)


def _heading_outside(body, article) -> str:
    """The page's own heading (h1, else a marked title block) when the article does not contain it."""
    for el in body.find_all(["h1", "h2"]) + body.find_all(class_=re.compile(r"title", re.I)):
        if not _inside(el, article) and not _inside(article, el) and _CJK.search(el.get_text()):
            return el.get_text(" ", strip=True)
    return ""


def _render(element, builder: TextBuilder) -> None:
    """Text of the article, one line per block; data tables as rows with their cells recorded."""
    line: list[str] = []

    def flush() -> None:
        if line:
            builder.add_line("".join(line))
            line.clear()

    def walk(node) -> None:
        for child in node.children:
            name = getattr(child, "name", None)
            if name is None:
                line.append(str(child))
            elif name == "table" and not child.find("table"):
                flush()
                builder.add_table(_table_grid(child))
            elif name in _BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(element)
    flush()


def _table_grid(table) -> list[list[str | None]]:
    """Rows of cell texts with row/colspans laid out on a grid; None where a span continues."""
    grid: list[list[str | None]] = []
    carried: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(table.find_all("tr")):
        out: list[str | None] = []
        c = 0
        for cell in row.find_all(["td", "th"], recursive=False):
            while carried.pop((r, c), False):
                out.append(None)
                c += 1
            out.append(cell.get_text(" ", strip=True))
            rowspan, colspan = _span(cell.get("rowspan")), _span(cell.get("colspan"))
            out.extend([None] * (colspan - 1))
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    carried[(r + dr, c + dc)] = True
            c += colspan
        while carried.pop((r, c), False):
            out.append(None)
            c += 1
        grid.append(out)
    return grid


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 50))
    except (TypeError, ValueError):
        return 1
