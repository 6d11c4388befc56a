"""Word's automatic list numbering → the numbers Word displays ("一、", "（一）", "1.") in front of paragraphs.

A numbered paragraph holds no digits in its text: it names a list instance (w:numPr/w:numId) and a level
(w:ilvl), directly or through its paragraph style. numbering.xml maps the instance (w:num) to an abstract
definition (w:abstractNum) whose levels (w:lvl) say where to start (w:start), how to write the counter
(w:numFmt: decimal, chineseCounting, ideographTraditional, …) and the label around it (w:lvlText "%1、",
"（%2）", "%1.%2"; %N is level N's counter). Word counts paragraphs in document order; a level starts again
when a level above it advances. python-docx parses numbering.xml and styles.xml but models none of this, so the
XML is read here. A definition that is broken in any way gives paragraphs without numbers, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
N_LEVELS = 9  # Word lists have levels 0-8
MAX_STYLE_DEPTH = 20  # styles inherit through w:basedOn; a loop in a broken file must end

CN_DIGITS = "〇一二三四五六七八九"
CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
SERIES = {  # formats that name the first few counters with a fixed run of characters
    "ideographTraditional": "甲乙丙丁戊己庚辛壬癸",  # heavenly stems
    "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥",  # earthly branches
    "decimalEnclosedCircle": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedCircleChinese": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedParen": "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇",
    "decimalEnclosedFullstop": "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛",
}
CHINESE_COUNTING = {
    "chineseCounting",
    "chineseCountingThousand",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "japaneseCounting",
}
SILENT = {"bullet", "none"}  # a bullet glyph or nothing: no number a reader of the text could use
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_counting(value: int, digits: str = CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 15 → 十五, 101 → 一百零一, 1010 → 一千零一十 (below 10,000; above, Arabic digits)."""
    if not 0 < value < 10_000:
        return str(value) if value else digits[0]
    out, pending_zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = value // power % 10
        if digit == 0:
            pending_zero = bool(out)  # a gap inside the number is read as one 零
            continue
        if pending_zero:
            out += "零"  # the gap is read 零 even where zero alone is written 〇
            pending_zero = False
        out += unit if (power == 10 and digit == 1 and not out) else digits[digit] + unit  # 十五, not 一十五
    return out


def format_counter(value: int, fmt: str) -> str:
    """One counter written in a w:numFmt; formats not listed here are written in Arabic digits."""
    if fmt in CHINESE_COUNTING:
        return chinese_counting(value)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(value, CN_LEGAL_DIGITS, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(CN_DIGITS[int(d)] for d in str(value)) if value >= 0 else str(value)
    if fmt in SERIES:
        series = SERIES[fmt]
        return series[value - 1] if 0 < value <= len(series) else str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
    if fmt in ("lowerLetter", "upperLetter") and 0 < value < 10_000:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word: y z aa bb
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman, rest = "", value
        for amount, letters in ROMAN:
            roman, rest = roman + letters * (rest // amount), rest % amount
        return roman if fmt == "lowerRoman" else roman.upper()
    return str(value)


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str | None  # w:lvlText; None when absent
    restart_below: int | None  # w:lvlRestart: restarts only when a level above this one-based level is used
    is_legal: bool  # w:isLgl: every counter in the label is written in Arabic digits ("1.1", not "一.1")
    suffix: str  # w:suff: what Word puts between label and text: tab (default), space or nothing


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    # ECMA-376 §17.9.25: an absent w:start means 0; Word and LibreOffice always write it
    return Level(
        start=_int(_val(lvl, "start"), 0),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText"),
        restart_below=_int(_val(lvl, "lvlRestart")),
        is_legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl") not in ("0", "false"),
        suffix=_val(lvl, "suff") or "tab",
    )


def _levels(parent) -> dict[int, Level]:
    levels = {}
    for lvl in parent.iter(W + "lvl"):
        ilvl = _int(lvl.get(W + "ilvl"))
        if ilvl is not None and 0 <= ilvl < N_LEVELS:
            levels[ilvl] = _level(lvl)
    return levels


class ListNumbering:
    """The numbers of one document's list paragraphs, handed out in document order by `label`."""

    def __init__(self, numbering=None, styles=None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        # abstractNum → the numbering style whose numPr names the list that defines it (w:numStyleLink)
        self._style_links: dict[str, str] = {}
        self._level_styles: dict[tuple[str, str], int] = {}  # (abstractNum, paragraph style) → level
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # numId, ilvl, basedOn
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    @classmethod
    def of(cls, document) -> ListNumbering:
        """The numbering of a python-docx Document; an empty one when its parts cannot be read."""
        try:
            return cls(document.part.numbering_part.element, document.styles.element)
        except Exception:  # a missing or damaged numbering/styles part: the text is still worth reading
            return cls()

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(W + "abstractNum"):
            key = abstract.get(W + "abstractNumId") or ""
            self._abstracts[key] = _levels(abstract)
            link = _val(abstract, "numStyleLink")
            if link:
                self._style_links[key] = link
            for lvl in abstract.iter(W + "lvl"):
                style, ilvl = _val(lvl, "pStyle"), _int(lvl.get(W + "ilvl"))
                if style and ilvl is not None and 0 <= ilvl < N_LEVELS:
                    self._level_styles[(key, style)] = ilvl
        for num in root.iter(W + "num"):
            starts, levels = {}, {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"))
                if ilvl is None or not 0 <= ilvl < N_LEVELS:
                    continue
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[num.get(W + "numId") or ""] = (_val(num, "abstractNumId") or "", starts, levels)

    def _read_styles(self, root) -> None:
        for style in root.iter(W + "style"):
            if style.get(W + "type") not in (
                None,
                "paragraph",
                "numbering",
            ):  # numbering: numStyleLink targets
                continue
            style_id = style.get(W + "styleId") or ""
            num_pr = style.find(f"{W}pPr/{W}numPr")
            self._styles[style_id] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"), _val(style, "basedOn"))
            if style.get(W + "default") in ("1", "true", "on") and style.get(W + "type") != "numbering":
                self._default_style = style_id

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph (a python-docx Paragraph or w:p), "" when none.

        Call it for every paragraph in document order: each numbered one advances its list's counters.
        """
        try:
            return self._label(getattr(paragraph, "_p", paragraph))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return ""  # whatever a damaged definition holds, the paragraph keeps its own text

    def _label(self, p) -> str:
        num_id, ilvl = self._list_of(p)
        if not num_id or num_id == "0" or num_id not in self._nums:  # numId 0 switches a style's list off
            return ""
        abstract_id, start_overrides, level_overrides = self._nums[num_id]
        levels = {**self._abstract_levels(abstract_id), **level_overrides}
        if ilvl not in levels:
            return ""
        # Instances of one abstract list continue one count, unless an instance restarts it (startOverride:
        # Word's "restart numbering" writes a new w:num with an override, then counts on from there).
        key = num_id if start_overrides else "abstract:" + abstract_id
        counters = self._counters.setdefault(key, [None] * N_LEVELS)
        if start_overrides and num_id not in self._started:
            counters[:] = [None] * N_LEVELS
        self._started.add(num_id)

        def start(level: int) -> int:
            return start_overrides.get(level, levels[level].start if level in levels else 1)

        current = counters[ilvl]
        counters[ilvl] = start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, N_LEVELS):  # lower levels start again, unless w:lvlRestart says not
            restart_below = levels[deeper].restart_below if deeper in levels else None
            if restart_below is None or ilvl < restart_below:
                counters[deeper] = None
        level = levels[ilvl]
        if level.fmt in SILENT or not level.text:
            return ""

        def counter(match: re.Match) -> str:
            n = int(match.group(1)) - 1
            value = counters[n] if counters[n] is not None else start(n)
            fmt = "decimal" if level.is_legal or n not in levels else levels[n].fmt
            return format_counter(value, fmt)

        text = PLACEHOLDER.sub(counter, level.text)
        # The tab or space after a label ending in punctuation (一、 1. （一）) is layout: typed replies run the
        # text on. After a bare counter ("第一章", "1") it keeps the number apart from the words.
        ends_in_ascii_alnum = text[-1:].isascii() and text[-1:].isalnum()
        return text + " " if ends_in_ascii_alnum and level.suffix != "nothing" else text

    def _list_of(self, p) -> tuple[str | None, int]:
        """(numId, level) from the paragraph's own w:numPr, else from its style and the styles it is based on."""
        p_pr = p.find(W + "pPr")
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        style_id = _val(p_pr, "pStyle") or self._default_style
        num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        style, depth = style_id, 0
        while num_id is None and style in self._styles and depth < MAX_STYLE_DEPTH:
            num_id, style_ilvl, based_on = self._styles[style]
            ilvl = ilvl if ilvl is not None else style_ilvl
            style, depth = based_on, depth + 1
        level = _int(ilvl)
        if level is None and num_id in self._nums:  # a style names its list; the level names the style
            abstract_id = self._nums[num_id][0]
            level = self._level_styles.get((abstract_id, style_id or ""), 0)
        return num_id, level or 0

    def _abstract_levels(self, abstract_id: str) -> dict[int, Level]:
        """The levels of an abstract list; a w:numStyleLink defers to the list its style names (one hop)."""
        link = self._style_links.get(abstract_id)
        if link and link in self._styles:
            linked_num = self._styles[link][0]
            if linked_num in self._nums:
                return self._abstracts.get(self._nums[linked_num][0], {})
        return self._abstracts.get(abstract_id, {})
