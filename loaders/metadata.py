"""The reply's own facts: page metadata, title, 文号, addressee, the proposal answered, signature and date.

The header is everything above the addressee line (`杨文艳委员:`); the signature is the last body name and
date at the foot, above the page's own furniture. Labels, the title and the choice of the replying body are
read by loaders.reply_header.
"""

from __future__ import annotations

import re
from datetime import datetime

from loaders.numbers import parse_chinese, parse_positional
from loaders.reply_header import (
    BODY_SUFFIX,
    is_body_name,
    pick_body,
    pick_title,
    read_labels,
    title_body,
)

_WHO = r"(?:委员|代表|先生|女士|同志|委员会|主任|主席|小组|代表团)(?:们)?"
_ADDRESSEE = r"^\s*((?:尊敬的)?[^\s:,。;]{1,40}?" + _WHO + r")\s*:"
# the whole line: a list of names (`薛彦宁、贾黎、…委员:`), or one name without its colon (`向胜飞委员`)
_NAMES = r"^\s*((?:尊敬的)?(?!人大|政协)[^\s:,。;|]{1,150}?"
# a body too, whole line with its colon: a 协办 letter to the main handler (`区乡村振兴局:`)
ADDRESSEE = re.compile(_NAMES + r"(?:" + _WHO + r"|局|厅|委|办|政府|办公室))\s*:\s*$")
ADDRESSEE_BARE = re.compile(_NAMES + r"(?:委员|代表|委员小组|代表小组)(?:们)?)\s*$")  # a person's, no colon
ADDRESSEE_INLINE = re.compile(_ADDRESSEE)  # 杨文艳委员:您提出的…收悉 on one line
BREADCRUMB_HINT = re.compile(r"首页|位置|正文")
REPLY_MARK = re.compile(r"^(?:答复内容|办理情况|办理回复|回复|答复)\s*:?$")  # a header that ends in a marker
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(]\d{4}[〕\])]\s*第?\s*\d+\s*号")
CLASS_LINE = re.compile(r"\(?([ABC]\d?)\s*类?\)?")  # a header line that is only the class: C, A类, (B类)
REPLY_CLASS = re.compile(r"(?:^|[^A-Za-z])\(?([ABC]\d?)\)?\s*类?(?![A-Za-z])")
SESSION = re.compile(
    r"第?[一二三四五六七八九十]+\s*届\s*(?:[\u4e00-\u9fff]{0,8}?)\s*第?[一二三四五六七八九十]+\s*次\s*会议"
)
# 第101号, 第 JY100012050700号, 第DH0271号; 048号提案, (100号提案) without 第
PROPOSAL_NUMBER = re.compile(
    r"第\s*([A-Za-z]{0,4}\s*\d+)\s*号|(?<![\d〕\]\)A-Za-z])([A-Za-z]{0,4}\d+)\s*号\s*(?:代表)?(?:提案|建议|议案)"
)
BODY_BEFORE_CONTACT = re.compile(r"(\S{3,30}?(?:局|厅|委员会|委|办公室|政府|中心))\s+(?:\(?联系|承办)")
BROKEN_DATE = re.compile(r"(?:19|20)\d{2}(?:\s*\d{1,2}\s+\d{1,2}|\s*\d{2,4})")  # 2021830, 2025 915
FOOT_FURNITURE = re.compile(
    r"^(?:上一[条篇]|下一[条篇]|【|\[|打印|关闭|扫一扫|附件|抄送|联系|\(?联系|\(此件|\(依申请|主办单位|版权|网站|"
    r"账号|手机|还没有|立即注册|登录|下载|分享|<!--|.{0,6}(?:ICP|公网安备))"
)
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
WORD_DATE = re.compile(
    r"([〇零○Oo一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)


def _date(match) -> datetime | None:
    """A date from a match of ISO_DATE, CN_DATE (2020年8月31日) or WORD_DATE (二〇二〇年八月三十一日)."""
    parts = [match.group(i) for i in (1, 2, 3)]
    if not parts[0].isdigit():
        year = re.sub("[○Oo]", "〇", parts[0])  # 二○一一: a circle typed for 〇
        parts = [parse_positional(year), parse_chinese(parts[1]), parse_chinese(parts[2])]
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
        if ADDRESSEE.match(folded[start:end]) or ADDRESSEE_BARE.match(folded[start:end]):
            return i, i
    for i, (start, end) in enumerate(lines[:30]):
        if "收悉" in folded[start:end]:
            return i, None
    for i, (start, end) in enumerate(lines[:30]):
        if REPLY_MARK.match(folded[start:end]):
            return i + 1, None
    return 0, None


def _read_header(text: str, folded: str, lines, meta: dict) -> None:
    plain, labelled = read_labels(text, folded, lines, meta)
    for start, end in labelled:  # 杭经信建〔2021〕45号 may share its line with 答复类别:B类
        number = DOC_NUMBER.search(folded, start, end)
        if number:
            meta.setdefault("doc_number", text[number.start() : number.end()])
    dates, rest = [], []
    for start, end in plain:
        line, original = folded[start:end], text[start:end]
        number = DOC_NUMBER.search(line)
        if number:  # 杭经信建〔2021〕45号 may share its line with 答复类别:B类
            meta.setdefault("doc_number", original[number.start() : number.end()])
            klass = REPLY_CLASS.search(line[number.end() :])
            if klass:
                meta.setdefault("reply_class", klass.group(1))
            if number.start() < 2:
                continue
        lone_class = CLASS_LINE.fullmatch(line.strip())
        if lone_class:
            meta.setdefault("reply_class", lone_class.group(1))
        elif re.fullmatch(r"[0-9A-Za-z]{6,}/\d{4}-\d+", line.strip()):
            meta.setdefault("index_number", original.strip())
        elif line.split() and ISO_DATE.fullmatch(line.split()[0]):
            dates.append(line.split()[0])
        elif len(line) <= 12 and ("提案" in line or "建议" in line):
            meta.setdefault("category", original.strip())
            rest.append(original)
        else:
            if "/" in line and len(line) <= 20 and not BREADCRUMB_HINT.search(line):
                meta.setdefault("topic", original.strip())
            rest.append(original)
    if dates:  # a bare block lists the written date, then the published date
        meta.setdefault("written_date", dates[0])
        meta.setdefault("published_date", dates[-1])
    title = pick_title(rest, meta.pop("title_label", None))
    if title:
        meta["title"] = title


def _read_opening(text: str, folded: str, start: int, end: int, meta: dict) -> None:
    """The sentence naming the proposal: 《关于…的建议》(第170号提案)收悉."""
    window_end = folded.find("收悉", start, min(start + 600, end))
    window = folded[start : window_end if window_end > 0 else min(start + 300, end)]
    quotes = sorted(  # quoted titles first; then 提出的关于…的建议 written bare
        found.span(found.lastindex) for found in re.finditer(r"《([^》]{4,80})》|\"([^\"]{4,120})\"", window)
    ) or [
        found.span(1) for found in re.finditer(r"提出的((?:关于)[^,。]{2,80}?的(?:建议|提案|议案))", window)
    ]
    # the first quote that names a proposal, not a plan the opening cites (《…规划》)
    named = [q for q in quotes if re.search(r"(?:建议|提案|议案)$|^关于", window[q[0] : q[1]])]
    if quotes:
        first = (named or quotes)[0]
        meta["proposal_title"] = text[start + first[0] : start + first[1]]
    where = window + " " + meta.get("title", "")
    # the title names the proposal answered; a labelled 建议号, then the opening, when it does not
    for source in (meta.get("title", ""), meta.pop("number_label", ""), window):
        number = PROPOSAL_NUMBER.search(source) or re.fullmatch(r"([A-Za-z]{0,4}\d+)号?", source)
        if number:
            meta["proposal_number"] = re.sub(r"\s+", "", number.group(1) or number.group(2))
            break
    # the kind: the word after the title's number (第415号提案), after the opening's quote (》的提案), who wrote
    # it (代表 write 建议, 委员 提案), any word of the opening
    quote_end = max(window.rfind("》"), window.rfind('"'))
    kind = (
        re.search(r"\d\s*号\s*(?:代表)?(提案|议案|建议)", meta.get("title", ""))
        or re.search(r"(提案|议案|建议)", window[quote_end + 1 :] if quote_end >= 0 else "")
        or re.search(r"(代表|委员)(?:小组|们)?$", meta.get("addressee", ""))
        or re.search(r"(提案|议案|建议)", where)
    )
    if kind:
        meta["proposal_kind"] = "提案" if kind.group(1) in ("提案", "委员") else "建议"


def _foot_date(line: str):
    """(date, where it starts) of a date ending the line: 2020年8月31日, 二〇二〇年八月三十一日, or one whose 年月日
    were lost (`2021830`, `2025 915`, `20211026`), which only counts as the whole line."""
    found = CN_DATE.search(line) or WORD_DATE.search(line)
    if found and found.end() == len(line.rstrip(" |")) and found.start() <= 30:
        return _date(found), found.start()
    bare = line.strip(" |")
    if not BROKEN_DATE.fullmatch(bare):
        return None
    parts = bare.split()
    digits = "".join(parts)
    rest = digits[4:]
    splits = (
        [tuple(parts[1:])]
        if len(parts) == 3
        else [(rest[:k], rest[k:]) for k in {2: (1,), 3: (1, 2), 4: (2,)}[len(rest)]]
    )
    for month, day in splits:
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            try:
                return datetime(int(digits[:4]), int(month), int(day)), 0
            except ValueError:
                continue
    return None


def _read_signature(text: str, folded: str, lines, meta: dict) -> int:
    """Body name and date at the foot, above the page's own furniture (上一条, 联系人, 【关闭】); returns where the
    signature starts (the body's end). A body's name alone on the last line signs a reply left undated."""
    last = len(lines)
    while (
        last > 0 and len(lines) - last < 12 and FOOT_FURNITURE.match(folded[slice(*lines[last - 1])].strip())
    ):
        last -= 1
    for i in range(last - 1, max(last - 8, -1), -1):
        start, end = lines[i]
        line = folded[start:end]
        dated = _foot_date(line)
        if not dated:
            continue  # the date must end its line, after at most a body's name
        meta["signed_date"], date_start = dated
        if date_start > 0 and BODY_SUFFIX.search(line[:date_start].strip()):
            meta["replying_body"] = text[start : start + len(line[:date_start].rstrip())]
            return start
        if i > 0 and is_body_name(folded[slice(*lines[i - 1])]):
            meta["replying_body"] = text[slice(*lines[i - 1])]
            return lines[i - 1][0]
        below = BODY_BEFORE_CONTACT.match(folded[slice(*lines[i + 1])]) if i + 1 < len(lines) else None
        if below:  # the date, then `舞钢市教育体育局  联系电话:…`
            meta["replying_body"] = text[lines[i + 1][0] : lines[i + 1][0] + below.end(1)]
        return start
    if last > 1 and is_body_name(folded[slice(*lines[last - 1])]):
        meta["replying_body"] = text[slice(*lines[last - 1])]
        return lines[last - 1][0]
    return lines[last][0] if last < len(lines) else len(text)  # the page's furniture is not the reply's


# 2023年…八届人大二次会议《…》的答复: the session's year in the title
SESSION_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[^《》\n]{0,24}?届[^《》\n]{0,10}?次\s*会议")


def _year(folded: str, meta: dict) -> int | None:
    for key in ("signed_date", "published_date", "written_date"):
        if isinstance(meta.get(key), datetime):
            return meta[key].year
    session = SESSION_YEAR.search(meta.get("title") or "")
    if session:  # undated: a reply is written in its session's year, whenever the page was posted
        return int(session.group(1))
    issued = re.search(r"[〔\[(]((?:19|20)\d{2})[〕\])]", meta.get("doc_number") or "")
    if issued:  # 建议主办〔2023〕10号: the year the reply was issued in
        return int(issued.group(1))
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
        line = folded[start:end]
        name = (
            (ADDRESSEE.match(line) or ADDRESSEE_BARE.match(line) or ADDRESSEE_INLINE.match(line))
            .group(1)
            .strip()
        )
        polite = len(name) - len(name.removeprefix("尊敬的"))
        meta["addressee"] = text[start + polite : start + len(name)]
        body_start = end
    body_end = _read_signature(text, folded, lines, meta)
    _read_opening(text, folded, body_start, body_end, meta)
    head = folded[: min(body_start + 600, body_end)]  # not the links to other replies below the signature
    session = SESSION.search(head)
    if session:
        meta["session"] = re.sub(r"\s+", "", session.group())
    for key in ("published_date", "written_date"):
        if isinstance(meta.get(key), str):
            found = ISO_DATE.search(meta[key]) or CN_DATE.search(meta[key])
            meta[key] = _date(found) if found else None
    named_proposal = meta.pop("proposal_title_label", None)
    meta.setdefault("proposal_title", named_proposal)
    if named_proposal and not re.search(r"关于|《|\d", meta.get("title") or "关于"):
        meta["title"] = (
            named_proposal  # a form's heading (…提案办理回复单) names no proposal; its 提案名称 does
        )
    meta.setdefault("title", named_proposal or meta.get("proposal_title"))
    meta["title"], named = title_body(meta["title"])
    opening = slice(body_start, min(body_start + 300, body_end))
    bodies = [meta.get("replying_body"), meta.pop("host", None), named]
    meta["replying_body"] = pick_body(bodies, text[opening], folded[opening], meta.get("publisher"))
    meta["category"] = "/".join(v for v in (meta.get("category"), meta.get("topic")) if v) or None
    meta["year"] = _year(folded, meta)
    if meta.get("reply_class"):  # 办理结果:(A), 答复类别:B类, A2类 → A, B, A2
        found = re.search(r"[ABC]\d?", meta["reply_class"])
        meta["reply_class"] = found.group() if found else meta["reply_class"]
    return meta, body_start, body_end
