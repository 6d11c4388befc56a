"""The header of a published reply as sites print it: labelled fields and the reply's title among page furniture.

Sites label fields three ways — `key:value`, table cells (`名 称: | X |`, `编号 247 办理部门 农水局`) and a key on
its own line above its value (`- 发文机构` / `- 隆阳区水务局`) — and print the title among breadcrumbs
(`您当前的位置: 首页 >> … >> 正文`), counters and buttons (`浏览:1851次 字体:`, `【打印正文】`), often twice or thrice
(page heading, labelled 名称, the letter's own heading broken over lines). This module reads the labels and
picks one clean title and the replying body among those the page names; loaders.metadata reads the rest.
"""

from __future__ import annotations

import re

from loaders.fold import fold

LABELS = {  # label → field of the metadata (None: page furniture, read and dropped)
    "索引号": "index_number",
    "发布机构": "publisher",
    "发文机构": "publisher",
    "发文机关": "publisher",
    "来源": "publisher",
    "信息来源": "publisher",
    "文章来源": "publisher",
    "公开方式": "disclosure",
    "组配分类": "category",
    "公文目录": "category",
    "公开目录": "category",
    "主题分类": "topic",
    "信息分类": "topic",
    "成文日期": "written_date",
    "发文日期": "written_date",
    "答复时间": "written_date",
    "发布日期": "published_date",
    "日期": "published_date",
    "发布时间": "published_date",
    "公开范围": "audience",
    "办理结果": "reply_class",
    "答复类别": "reply_class",
    "类别": "reply_class",  # 类别:C at the head of a reply (a value that names no class is dropped)
    "文号": "doc_number",
    "发文字号": "doc_number",
    "标题": "title_label",
    "名称": "title_label",
    "题目": "proposal_title_label",
    "提案名称": "proposal_title_label",
    "建议名称": "proposal_title_label",
    "建议号": "number_label",
    "提案号": "number_label",
    "编号": "number_label",
    "答复单位": "host",
    "主办单位": "host",
    "承办单位": "host",
    "主要承办单位": "host",
    "办理单位": "host",
    "办理部门": "host",
    "签发人": None,
    "签发": None,
    "作者": None,
    "浏览量": None,
    "浏览次数": None,
    "点击数": None,
    "阅读次数": None,
    "访问量": None,
    "字号": None,
    "字体": None,
    "处理状态": None,
    "是否有效": None,
    "有效性": None,
    "生效日期": None,
    "废止日期": None,
    "生成日期": None,
    "责任部门": None,
    "主题词": None,
    "所属主题": None,
    "关键字": None,
    "提案人": None,
    "建议人": None,
}
_KEY = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(LABELS, key=len, reverse=True))
# a label at a cell's start (line start, after a space or a table bar), then `:`, a bar or a space
LABEL = re.compile(rf"(?:^|(?<=[\s|•\-]))({_KEY})\s*(:|\||\s|$)")
LABEL_FIRST = {key[0] for key in LABELS}
CJK = r"\u4e00-\u9fff"
BREADCRUMB = re.compile(r"(?:当前(?:的|所在的?)?位置|现在(?:的|所在的?)?位置|^首页\s*[>/])")
FURNITURE = re.compile(
    r"(?:字号|字体|浏览|点击|阅读|访问量|签发人|签发|来源|发布时间|发布日期|发表时间|日期|时间)\s*[::【\[]"
    r"|【\s*(?:打印|关闭|字体)|\[\s*[大中小]\s*\]|分享到|打印本页|-\s*人大建议|-\s*政协提案"
)
TITLE_END = re.compile(r"(?:答\s*复|复函|的函|回复|答复函|答复意见|意见的函|办理情况|回复单)(?:\([^)]*\))?$")
TITLE_NAMES = re.compile(r"关于|^对|第\s*[A-Za-z]*\s*\d+\s*号|\d+\s*号|会议")
TITLE_WORDS = re.compile(r"答\s*复|复函|的函|回复")
PROPOSAL_WORDS = re.compile(r"建议|提案|议案")
BODY_SUFFIX = re.compile(r"(?:局|厅|委|办|会|府|院|室|中心|部|处|站|所|行|社|司)$")
DOC_PREFIX = re.compile(r"^[^\s]{1,16}[〔\[(]\d{4}[〕\])]\s*第?\s*\d+\s*号\s*(?:[-—_]+|\s)\s*")
HANDED_TO = re.compile(r"交由?(?![由我本])([^\s,。、]{2,20}?(?:局|厅|委员会|委|办公室|中心))(?:研究)?办理")
TITLE_START = re.compile(
    r"^(?:[^\s()（）]{2,30}?(?:局|厅|委员会|委|办公室|政府|中心))?(?:关于|对)"
)  # 某局对县政协…会议
TITLE_BODY_PAREN = re.compile(r"\(([^()\d]{2,15}?(?:局|厅|委|办|政府|中心))\)$")


def label_pairs(line: str) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of one folded line: `key:value` anywhere; `key | value |` and `key value`
    cells when the line starts with a label. A label alone on its line has an empty value (the next line's)."""
    head = line.lstrip(" |•-\t")[:1]
    if head not in LABEL_FIRST and ":" not in line:
        return []  # most lines: neither a label at their start nor a colon anywhere
    found = list(LABEL.finditer(line))
    at_start = bool(found) and not line[: found[0].start()].strip(" |•-\t")
    if not at_start:
        found = [f for f in found if f.group(2) == ":"]
    pairs = []
    for here, after in zip(found, [*found[1:], None], strict=False):
        start, end = here.end(), after.start() if after else len(line)
        while start < end and line[start] in " |:\t":
            start += 1
        while end > start and line[end - 1] in " |\t":
            end -= 1
        pairs.append((re.sub(r"\s+", "", here.group(1)), start, end))
    return pairs


def read_labels(text: str, folded: str, lines, meta: dict) -> tuple[list, list]:
    """Reads the labelled fields of the header lines into meta (first value wins); returns the spans of the
    lines that carry no label and of those that do."""
    plain, labelled, pending = [], [], None
    for start, end in lines:
        original = text[start:end]
        pairs = label_pairs(folded[start:end])
        if pending and not pairs:  # `- 发文机构` on one line, `- 隆阳区水务局` on the next
            meta.setdefault(pending, original.strip(" -•|\t"))
            pending = None
            continue
        pending = None
        (labelled if pairs else plain).append((start, end))
        for key, value_start, value_end in pairs:
            field, value = LABELS[key], original[value_start:value_end].strip()
            if field and not value and len(pairs) == 1:
                pending = field
            if not field or not value or (key == "类别" and not re.search(r"[ABC]", fold(value))):
                continue  # 类别 names a reply's class only when it is one
            if not field.endswith("title_label"):
                value = value.split()[0].strip(" ()（）|")
            if value:
                meta.setdefault(field, value)
    return plain, labelled


def is_body_name(line: str) -> bool:
    """A line that is only a body's name: `南华县交通运输局`, `石林彝族自治县卫生健康局`."""
    line = fold(line).strip()
    return 3 <= len(line) <= 30 and bool(BODY_SUFFIX.search(line)) and not re.search(r"[,。!:;\d|>\s]", line)


def clean_title(line: str) -> str:
    """The title without page furniture: breadcrumbs before it, counters and buttons after it, spaces between
    Chinese characters (`答 复`), a leading 文号 (`德教议复字〔2022〕25号——`)."""
    folded = fold(line)
    if BREADCRUMB.search(folded):
        last = max(folded.rfind(">"), folded.rfind("/"), folded.rfind("›"))
        line, folded = line[last + 1 :], folded[last + 1 :]
    cut = FURNITURE.search(folded)
    if cut and cut.start() > 0:
        line, folded = line[: cut.start()], folded[: cut.start()]
    prefix = DOC_PREFIX.match(folded.strip(" |-•\t"))
    if prefix:
        skip = len(folded) - len(folded.lstrip(" |-•\t")) + prefix.end()
        line = line[skip:]
    line = re.sub(
        r"^\s*\d{1,4}\s*号\s+(?=关于|对)", "", line
    )  # the tail of a 文号 cut by the page: `34号 对…`
    line = re.sub(r"^[\u4e00-\u9fff\s]{1,4}[:：]\s*", "", line.strip(" |-•\t"))  # a label cut short: `称:`
    line = re.sub(rf"(?<=[{CJK}])\s+(?=[{CJK}\d“《(（])|(?<=[\d”》)）])\s+(?=[{CJK}])", "", line)
    return line.strip(" |-•\t")


def looks_like_title(line: str) -> bool:
    line = fold(line)
    return (
        8 <= len(line) <= 120
        and "。" not in line
        and bool(
            TITLE_WORDS.search(line) or (line.startswith(("关于", "对")) and PROPOSAL_WORDS.search(line))
        )
        and bool(TITLE_NAMES.search(line))
    )


def pick_title(lines: list[str], labelled: str | None) -> str | None:
    """One title from the header's plain lines: a labelled 标题/名称 first, else the first complete title; a
    body's name on the line above (`高平市卫生健康和体育局` / `关于…的` / `答 复`) and the title's tail on the
    line below are joined to it."""
    cleaned = [clean_title(line) if len(line) <= 200 else "" for line in lines]  # body text is no title
    candidates = []
    for i, line in enumerate(cleaned):
        following = cleaned[i + 1] if i + 1 < len(lines) else ""
        opens = TITLE_START.match(line) and TITLE_NAMES.search(fold(line))
        joined = opens and len(following) <= 40 and looks_like_title(line + following)
        if not (looks_like_title(line) or joined):
            continue
        title = line
        if i > 0 and line.startswith(("关于", "对")) and is_body_name(lines[i - 1]):
            title = lines[i - 1].strip() + title
        j = i + 1
        while not TITLE_END.search(fold(title)) and j < len(lines) and j <= i + 2:
            tail = cleaned[j]
            if not tail or len(tail) > 40 or "。" in tail:
                break
            title += tail
            j += 1
        candidates.append(title)
    if labelled and len(labelled) >= 6:
        labelled = clean_title(labelled)
        fuller = [c for c in candidates if c.endswith(labelled) and len(c) > len(labelled)]
        return fuller[0] if fuller and is_body_name(fuller[0][: -len(labelled)]) else labelled
    complete = [c for c in candidates if TITLE_END.search(fold(c))]
    return (complete or candidates or [None])[0]


def title_body(title: str | None) -> tuple[str | None, str | None]:
    """(title without a trailing `(水利局)`, the body named there or before 关于/对 at its start)."""
    if not title:
        return title, None
    title = re.sub(r"[(（]关于[^()（）]{2,80}?(?:建议|提案|议案)[)）]$", "", title)  # the proposal's, again
    inner = re.search(r"[(（]([^()（）]{8,120})[)）]$", title)
    if inner and TITLE_START.match(inner.group(1)) and TITLE_END.search(fold(inner.group(1))):
        title = inner.group(
            1
        )  # a page heading around the reply's own: 南港镇…办理答复(舒城县水利局关于…的函)
    paren = TITLE_BODY_PAREN.search(fold(title))
    if paren:
        return title[: paren.start()], paren.group(1)
    found = re.match(r"^\s*([^\s()（）]{2,30}?(?:局|厅|委员会|办公室|委|办|政府|中心))\s*(?:关于|对)", title)
    return title, found.group(1) if found else None


def pick_body(
    bodies: list[str | None], opening: str, folded_opening: str, publisher: str | None
) -> str | None:
    """The replying body: the signature's, else a labelled 答复单位/主办单位, the title's own, the body the
    opening says the proposal was given to (县政府已交由县农业农村局办理), the publisher; a short form
    (县教育局) gives way to a full name that ends with it (连南瑶族自治县教育局)."""
    handed = HANDED_TO.search(folded_opening)
    bodies = [*bodies, opening[handed.start(1) : handed.end(1)] if handed else None, publisher]
    chosen = next((b for b in bodies if b), None)
    if not chosen:
        return None
    core = chosen.lstrip("省市县区")
    for other in bodies:
        if other and len(other) > len(chosen) and other.endswith(core):
            return other
    return chosen
