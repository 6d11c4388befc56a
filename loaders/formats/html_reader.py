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
# a saved reply page has a few thousand tags; the parser spends ~70 µs per element, so this bounds a page
MAX_TAGS = 200_000  # "<" characters: about 100,000 elements, read in seconds
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
    if markup.count("<") > MAX_TAGS:
        raise LoadError(
            f"refused: the page has more than {MAX_TAGS:,} tags (a saved reply page has thousands)"
        )
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as err:
        raise LoadError(f"broken HTML ({type(err).__name__})") from None
    for element in soup.find_all(list(_DROP)):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    body = soup.body or soup
    tree = _Tree(body)
    article = _main_block(body, tree)
    builder = TextBuilder()
    _add_metadata(body, article, builder, tree)
    heading = _heading_outside(body, article, tree)
    if heading:
        builder.add_line(heading)
    _render(article, builder, tree)
    text = builder.text()
    if not _CJK.search(text):
        raise LoadError("no Chinese text in the page's body")
    return Decoded(text=text, encoding=encoding, format="html", cells=builder.cells)


class _Tree:
    """What the reader asks of every element, found in two passes over the page (never per element, and
    never by recursion: a page may nest 100,000 levels deep).

    Per element: its place in document order and the last place inside it (so "is A inside B" is two
    comparisons), its depth, the Chinese characters and all characters of text under it, and whether a
    table is inside it.
    """

    def __init__(self, root) -> None:
        self.index: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.depth: dict[int, int] = {id(root): 0}
        self.cjk: dict[int, int] = {}
        self.chars: dict[int, int] = {}  # of text stripped string by string, as get_text(strip=True) keeps
        self.raw: dict[int, int] = {}  # of text as it is
        self.has_table: set[int] = set()
        nodes = [root, *root.descendants]
        for i, node in enumerate(nodes):
            key = id(node)
            self.index[key] = self.last[key] = i
            if node is not root:
                self.depth[key] = self.depth.get(id(node.parent), 0) + 1
        for node in reversed(nodes):  # children before their parents
            key = id(node)
            if getattr(node, "name", None) is None:
                self.cjk[key] = len(_CJK.findall(node))
                self.chars[key] = len(node.strip())
                self.raw[key] = len(node)
            if node is root:
                break
            parent = id(node.parent)
            self.last[parent] = max(self.last.get(parent, 0), self.last[key])
            self.cjk[parent] = self.cjk.get(parent, 0) + self.cjk.get(key, 0)
            self.chars[parent] = self.chars.get(parent, 0) + self.chars.get(key, 0)
            self.raw[parent] = self.raw.get(parent, 0) + self.raw.get(key, 0)
            if getattr(node, "name", None) == "table" or key in self.has_table:
                self.has_table.add(parent)

    def size(self, element) -> int:
        """Nodes inside the element."""
        return self.last[id(element)] - self.index[id(element)]

    def inside(self, element, block) -> bool:
        """`element` is `block` or lies within it."""
        i, b = self.index.get(id(element)), self.index.get(id(block))
        return i is not None and b is not None and b <= i <= self.last[id(block)]


def _main_block(body, tree: _Tree):
    counts = tree.cjk
    hinted = [
        el
        for el in body.find_all(True)
        if _CONTENT_HINT.search(" ".join([el.get("id") or "", *(el.get("class") or [])]))
    ]
    best = max((counts.get(id(el), 0) for el in hinted), default=0)
    if best >= 30:
        # the innermost marked block that still holds most of the marked text: not the page-wide wrapper
        strong = [el for el in hinted if counts.get(id(el), 0) >= 0.7 * best]
        return max(strong, key=lambda el: tree.depth.get(id(el), 0))
    scores: dict[int, tuple[int, object]] = {}
    for p in body.find_all(["p", "br", "td", "div"]):
        own = sum(len(_CJK.findall(s)) for s in p.find_all(string=True, recursive=False))
        parent = p.parent if p.name in ("p", "br") else p
        if own and parent is not None:
            total, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (total + own, parent)
    return max(scores.values(), key=lambda pair: pair[0])[1] if scores else body


def _add_metadata(body, article, builder: TextBuilder, tree: _Tree) -> None:
    """The smallest block outside the article naming at least two metadata keys, as key:value lines."""
    candidates = []
    for el in body.find_all(["table", "div", "ul", "dl", "section"]):
        if tree.inside(el, article) or tree.inside(article, el):
            continue
        if tree.chars.get(id(el), 0) >= 2000 or tree.size(el) > 5000:  # no metadata block is this large
            continue
        text = el.get_text(" ", strip=True)
        if len(text) < 2000 and sum(key in text for key in _META_KEYS) >= 2:
            candidates.append(el)
    if not candidates:
        return
    block = min(candidates, key=lambda el: tree.raw.get(id(el), 0))
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


def _heading_outside(body, article, tree: _Tree) -> str:
    """The page's own heading (h1, else a marked title block) when the article does not contain it."""
    for el in body.find_all(["h1", "h2"]) + body.find_all(class_=re.compile(r"title", re.I)):
        outside = not tree.inside(el, article) and not tree.inside(article, el)
        if outside and tree.cjk.get(id(el), 0):
            return el.get_text(" ", strip=True)
    return ""


def _render(element, builder: TextBuilder, tree: _Tree) -> None:
    """Text of the article, one line per block; data tables as rows with their cells recorded. Walked with
    a stack of open elements, not by recursion."""
    line: list[str] = []

    def flush() -> None:
        if line:
            builder.add_line("".join(line))
            line.clear()

    stack = [iter(element.children)]
    closes_block = [False]  # whether leaving the element at the same depth of the stack ends a line
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if closes_block.pop():
                flush()
            continue
        name = getattr(child, "name", None)
        if name is None:
            line.append(str(child))
        elif name == "table" and id(child) not in tree.has_table:
            flush()
            builder.add_table(_table_grid(child))
        else:
            if name in _BLOCKS:
                flush()
            stack.append(iter(child.children))
            closes_block.append(name in _BLOCKS)
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
