"""The reply's own facts: page metadata, title, 文号, addressee, the proposal answered, signature and date.

The header is everything above the addressee line (`杨文艳委员:`); the signature is the last body name and
date at the foot. Sites write the header as `key:value` lines or as a bare block of values; both are read.
"""

from __future__ import annotations

import re
from datetime import datetime

from loaders.numbers import parse_chinese, parse_positional

META_KEYS = {
    "索引号": "index_number",
    "发布机构": "publisher",
    "来源": "publisher",
    "信息来源": "publisher",
    "公开方式": "disclosure",
    "组配分类": "category",
    "主题分类": "topic",
    "成文日期": "written_date",
    "发布日期": "published_date",
    "发布时间": "published_date",
    "公开范围": "audience",
    "办理结果": "reply_class",
    "答复类别": "reply_class",
    "类别": "reply_class",  # 类别:C at the head of a reply (a value that names no class is dropped)
    "信息分类": "topic",
    "文号": "doc_number",
}
_KEYS = "|".join(sorted(META_KEYS, key=len, reverse=True))
KEY_VALUE = re.compile(rf"({_KEYS})\s*:\s*((?:(?!(?:{_KEYS})\s*:)[^\s])*)")
_ADDRESSEE = r"^\s*((?:尊敬的)?[^\s:,。;]{1,40}?(?:委员|代表|先生|女士|同志|委员会|主任|主席)(?:们)?)\s*:"
ADDRESSEE = re.compile(_ADDRESSEE + r"\s*$")
ADDRESSEE_INLINE = re.compile(_ADDRESSEE)  # 杨文艳委员:您提出的…收悉 on one line
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(]\d{4}[〕\])]\s*第?\s*\d+\s*号")
CLASS_LINE = re.compile(r"\(?([ABC]\d?)\s*类?\)?")  # a header line that is only the class: C, A类, (B类)
REPLY_CLASS = re.compile(r"(?:^|[^A-Za-z])\(?([ABC]\d?)\)?\s*类?(?![A-Za-z])")
SESSION = re.compile(
    r"第?[一二三四五六七八九十]+\s*届\s*(?:[\u4e00-\u9fff]{0,8}?)\s*第?[一二三四五六七八九十]+\s*次\s*会议"
)
PROPOSAL_NUMBER = re.compile(r"第\s*(\d+)\s*号")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
WORD_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
BODY_SUFFIX = re.compile(r"(?:局|厅|委|办|会|府|院|室|中心|部|处|站|所|行|社|司)$")
TITLE_BODY = re.compile(r"^\s*(\S{2,30}?(?:局|厅|委员会|办公室|委|办|政府|中心))(?:关于|对)")
TITLE_WORDS = re.compile(r"答复|的函|建议|提案|议案")


def _date(match) -> datetime | None:
    """A date from a match of ISO_DATE, CN_DATE (2020年8月31日) or WORD_DATE (二〇二〇年八月三十一日)."""
    parts = [match.group(i) for i in (1, 2, 3)]
    if not parts[0].isdigit():
        parts = [parse_positional(parts[0]), parse_chinese(parts[1]), parse_chinese(parts[2])]
    try:
        return datetime(*(int(p) for p in parts))
    except (TypeError, ValueError):
        return None


def _lines(folded: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in folded.splitlines(keepends=True):
        body = line.strip()
        if body:
            start = pos + line.index(body[0])
            spans.append((start, start + len(body)))
        pos += len(line)
    return spans


def _header_end(folded: str, lines) -> tuple[int, int | None]:
    """(number of header lines, index of the addressee line or None) among the first lines."""
    for i, (start, end) in enumerate(lines[:30]):
        if ADDRESSEE.match(folded[start:end]):
            return i, i
    for i, (start, end) in enumerate(lines[:30]):
        if "收悉" in folded[start:end]:
            return i, None
    return 0, None


def _read_header(text: str, folded: str, lines, meta: dict) -> None:
    title_parts, dates = [], []
    for start, end in lines:
        line, original = folded[start:end], text[start:end]
        pairs = KEY_VALUE.findall(line)
        for key, value in pairs:
            if key == "类别" and not re.search(r"[ABC]", value):
                continue  # 类别 names a reply's class only when it is one
            if value.strip():
                meta.setdefault(META_KEYS[key], value.strip(" ()"))
        number = DOC_NUMBER.search(line)
        if number:  # 杭经信建〔2021〕45号 may share its line with 答复类别:B类
            meta.setdefault("doc_number", original[number.start() : number.end()])
            klass = REPLY_CLASS.search(line[number.end() :])
            if klass and not pairs:
                meta.setdefault("reply_class", klass.group(1))
        if pairs or number:
            continue
        lone_class = CLASS_LINE.fullmatch(line)
        if lone_class:
            meta.setdefault("reply_class", lone_class.group(1))
            continue
        if re.fullmatch(r"[0-9A-Za-z]{6,}/\d{4}-\d+", line):
            meta.setdefault("index_number", original)
        elif ISO_DATE.fullmatch(line.split()[0]):
            dates.append(line.split()[0])
        elif (
            (TITLE_WORDS.search(line) or line.startswith(("关于", "对")))
            and len(line) >= 8
            and not (line.endswith(("提案", "建议")) and len(line) <= 12)
        ):
            if original not in title_parts:
                title_parts.append(original)
        elif title_parts and len(title_parts) == 1 and not title_parts[0].endswith(("答复", "的函")):
            title_parts.append(original)  # a title broken over two lines
        elif len(line) <= 12 and ("提案" in line or "建议" in line):
            meta.setdefault("category", original)
        elif "/" in line and len(line) <= 20:
            meta.setdefault("topic", original)
    if dates:  # a bare block lists the written date, then the published date
        meta.setdefault("written_date", dates[0])
        meta.setdefault("published_date", dates[-1])
    if title_parts:
        meta["title"] = "".join(title_parts)


def _read_opening(text: str, folded: str, start: int, meta: dict) -> None:
    """The sentence naming the proposal: 《关于…的建议》(第170号提案)收悉."""
    window_end = folded.find("收悉", start, start + 600)
    window = folded[start : window_end if window_end > 0 else start + 300]
    quoted = (
        re.search(r"《([^》]{4,80})》", window)
        or re.search(r'"([^"]{4,120})"', window)
        or re.search(r"提出的((?:关于)[^,。]{2,80}?的(?:建议|提案|议案))", window)
    )
    if quoted:
        meta["proposal_title"] = text[start + quoted.start(1) : start + quoted.end(1)]
    where = window + " " + meta.get("title", "")
    number = PROPOSAL_NUMBER.search(where)
    if number:
        meta["proposal_number"] = number.group(1)
    kind = re.search(r"提案|议案|建议", where[where.find("》") + 1 :] if "》" in where else where)
    if kind:
        meta["proposal_kind"] = "提案" if kind.group() == "提案" else "建议"


def _read_signature(text: str, folded: str, lines, meta: dict) -> int:
    """Body name and date at the foot; returns where the signature starts (the body's end)."""
    for i in range(len(lines) - 1, max(len(lines) - 8, -1), -1):
        start, end = lines[i]
        line = folded[start:end]
        found = CN_DATE.search(line) or WORD_DATE.search(line)
        if not found or found.end() != len(line.rstrip()) or found.start() > 30:
            continue  # the date must end its line, after at most a body's name
        meta["signed_date"] = _date(found)
        sign_start = start
        if found.start() > 0 and BODY_SUFFIX.search(line[: found.start()].strip()):
            meta["replying_body"] = text[start : start + len(line[: found.start()].rstrip())]
            return sign_start
        if i > 0:
            prev_start, prev_end = lines[i - 1]
            prev = folded[prev_start:prev_end]
            if len(prev) <= 30 and BODY_SUFFIX.search(prev) and not re.search(r"[,。!:]", prev):
                meta["replying_body"] = text[prev_start:prev_end]
                sign_start = prev_start
        return sign_start
    return len(text)


def _year(folded: str, meta: dict) -> int | None:
    for key in ("signed_date", "published_date", "written_date"):
        if isinstance(meta.get(key), datetime):
            return meta[key].year
    stated = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月", folded)]
    stated = stated or [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", folded)]
    return max(stated) if stated else None


def parse_metadata(text: str, folded: str) -> tuple[dict, int, int]:
    """Returns (metadata, body_start, body_end)."""
    meta: dict = {}
    lines = _lines(folded)
    n_header, addressee_index = _header_end(folded, lines)
    _read_header(text, folded, lines[:n_header], meta)
    body_start = lines[n_header][0] if n_header < len(lines) else 0
    inline = None
    if addressee_index is None and n_header < len(lines):
        inline = ADDRESSEE_INLINE.match(folded[body_start : lines[n_header][1]])
    if addressee_index is not None or inline:
        start, end = (
            lines[addressee_index] if addressee_index is not None else (body_start, body_start + inline.end())
        )
        name = ADDRESSEE_INLINE.match(folded[start:end]).group(1).strip()
        polite = len(name) - len(name.removeprefix("尊敬的"))
        meta["addressee"] = text[start + polite : start + len(name)]
        body_start = end
    _read_opening(text, folded, body_start, meta)
    body_end = _read_signature(text, folded, lines, meta)
    head = folded[: body_start + 600]
    session = SESSION.search(head)
    if session:
        meta["session"] = re.sub(r"\s+", "", session.group())
    for key in ("published_date", "written_date"):
        if isinstance(meta.get(key), str):
            found = ISO_DATE.search(meta[key]) or CN_DATE.search(meta[key])
            meta[key] = _date(found) if found else None
    if "replying_body" not in meta:
        found = TITLE_BODY.match(meta.get("title", ""))
        meta["replying_body"] = found.group(1) if found else meta.get("publisher")
    meta.setdefault("title", meta.get("proposal_title"))
    meta["category"] = "/".join(v for v in (meta.get("category"), meta.get("topic")) if v) or None
    meta["year"] = _year(folded, meta)
    if meta.get("reply_class"):  # 办理结果:(A), 答复类别:B类, A2类 → A, B, A2
        found = re.search(r"[ABC]\d?", meta["reply_class"])
        meta["reply_class"] = found.group() if found else meta["reply_class"]
    return meta, body_start, body_end
