"""The words around a figure: its qualifier, period, plan status, growth flag and label.

Everything here reads the fold of the figure's own sentence, up to the figure (what a reply states before
a number is what the number is about). Lists share context: in `已建成园区15个,占地面积2013.9亩` the
second clause only names an attribute, so its label borrows the first clause's subject.
"""

from __future__ import annotations

import re
from datetime import datetime

from loaders.periods import period_before, time_expressions

QUALIFIER_BEFORE = {  # checked against the characters right before the number, longest word first
    "at_most": "不超过 未超过 不高于 不多于 不足 不到 最高 最多 低于 小于 少于",
    "at_least": "不少于 不低于 至少 最少 最低 突破 超过 超出 多于 大于 高于 逾 超",
    "approx": "将近 接近 大约 大概 约 近",
}
BEFORE_WORDS = sorted(
    ((word, q) for q, words in QUALIFIER_BEFORE.items() for word in words.split()), key=lambda p: -len(p[0])
)
QUALIFIER_AFTER = (
    ("以上", "at_least"), ("之上", "at_least"), ("多", "at_least"), ("余", "at_least"),
    ("以下", "at_most"), ("以内", "at_most"), ("之内", "at_most"), ("内", "at_most"), ("左右", "approx"), ("上下", "approx"),
    ("不等", "range"),
)  # fmt: skip
PLAN_WORDS = re.compile(r"计划|将(?!近)|拟|力争|目标|预计|有望|谋划|规划|预期|力求|准备|打算")
PLAN_SECTION = re.compile(r"下一步|打算|工作思路|工作计划|目标任务|今后|下阶段|努力方向")
PLAN_SENTENCE_START = re.compile(r"^\s*(?:下一步|今后|下阶段|明年|未来)")
DONE_BEFORE_PLAN = re.compile(r"已(?:经)?$")
GROWTH_WORDS = re.compile(r"(?:增长|下降|提高|降低|增加|减少|增幅|降幅|上升|回落|提升|同比|环比)$")
LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()]")
POST_CUT = re.compile(r"用于|参加|给予|和|及|以及|等")
LEADING_FILLER = re.compile(
    r"^(?:另外|此外|同时|其中|并且|并|且|而|和|及|截至目前|截止目前|目前|至今|现|已累计(?=\S)|"
    r"我(?:市|县|区|省|局|厅|委|办)|共有|共计|总计|共)+"
)
TIME_WORDS = re.compile(
    r"(?:截至|截止|自|从|到|至)?(?:\d{4} ?年(?:\d{1,2}(?:-\d{1,2})?月份?(?:\d{1,2}日)?)?(?:以来|起|底|末)?|"
    r"\d{1,2}(?:(?:-|至|到|~)\d{1,2})?月份?(?:\d{1,2}日)?|今年|去年|年内|全年|当年|上半年|下半年|近年来)"
)
TRAILING = re.compile(  # qualifier and linking words between a label and its number
    "(?:"
    + "|".join(
        sorted(
            {w for w, _ in BEFORE_WORDS}
            | {"高达", "达到", "共计", "累计达", "达", "为", "有", "是", "了", "共", "计", "仅", "只有"},
            key=len,
            reverse=True,
        )
    )
    + ")+$"
)
GENERIC = re.compile(
    r"^(?:总?占地面积|占地|建筑面积|总?面积|总投资|投资额?|金额|总额|规模|其中|同比(?:增长|下降)?|环比(?:增长|下降)?|"
    r"增长|下降|增幅|提高|降低|分别为|分别|占比|比例|比重|合计|总计|)$"
)
LABEL_MAX = 32
INNER_MORE = re.compile(r"(余|多)")
DIGIT = re.compile(r"\d")
DONE_WORDS = re.compile(r"已|累计|完成|建成|实现|共有|现有|拥有|目前")
LAST_LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()][^,;:、。!?\n()]*$")
LAST_CLAUSE_BOUNDARY = re.compile(r"[,;。!?\n][^,;。!?\n]*$")
RELATIONAL = re.compile(r"集聚|聚集|入驻|吸引|带动|覆盖|涉及|惠及|容纳|吸纳|辐射|拥有|包括|包含")
LINKING = re.compile(r"(?:可达到|可达|达到|高达|达|可|为|了)$")


def qualifier_of(folded: str, start: int, end: int, figure) -> tuple[str, str | None]:
    """(qualifier, the word that set it); ranges and vague amounts carry their own."""
    if figure.value_high is not None:
        return "range", None
    if figure.base_value is None and figure.base_value_low is not None:
        return "approx", None
    inner = INNER_MORE.search(figure.text, 1)
    if inner or (folded[start] == "上" and figure.base_value_low is not None):
        return "at_least", inner.group(1) if inner else "上"
    for word, qualifier in QUALIFIER_AFTER:
        if folded.startswith(word, end):
            return qualifier, word
    lead = LINKING.sub("", folded[max(0, start - 8) : start])  # 最高可达50万元: the qualifier before 可达
    for word, qualifier in BEFORE_WORDS:
        if lead.endswith(word):
            return qualifier, word
    return "exact", None


def _clean_pre(pre: str) -> str:
    pre = TIME_WORDS.sub("", pre)
    pre = LEADING_FILLER.sub("", pre.strip())
    return TRAILING.sub("", pre).strip()


def _post(folded: str, end: int) -> str:
    rest = folded[end : end + 24]
    for word, _ in QUALIFIER_AFTER:
        if rest.startswith(word):
            rest = rest[len(word) :]
            break
    stop = LABEL_BOUNDARY.search(rest)
    rest = rest[: stop.start()] if stop else rest
    digit = DIGIT.search(rest)
    rest = rest[: digit.start()] if digit else rest  # 由800万元增加到1500万元: the next figure is not a label
    cut = POST_CUT.search(rest)
    rest = rest[: cut.start()] if cut else rest
    return rest.lstrip("的").strip()[:14]


def _is_plan(clause_before: str, sentence_before: str) -> bool | None:
    """True for a plan word in the clause (not 已规划), None when the clause says nothing either way."""
    for match in reversed(list(PLAN_WORDS.finditer(clause_before))):
        ahead, behind = clause_before[: match.start()], clause_before[match.end() : match.end() + 1]
        if (
            DONE_BEFORE_PLAN.search(ahead)
            or ahead.rfind("《") > ahead.rfind("》")
            or ahead.endswith(("按", "按照"))
        ):
            continue  # 已规划 is done; 《…规划》 is a title; 按计划完成 reports what was done
        if (
            ahead.endswith("的")
            or behind in ("、", "的")
            or (match.group() == "将" and (behind == "" or behind.isdigit()))
        ):
            continue  # 扶持规划、… names a plan; 将3家企业纳入 is 把, not will
        return True
    if PLAN_SENTENCE_START.match(sentence_before):
        return True
    if DONE_WORDS.search(clause_before):
        return False
    return None


def annotate(figures: list, structure) -> None:
    """Fill qualifier, period, plan, growth, label and sentence of each figure in place."""
    folded, text = structure.folded, structure.text
    year = structure.meta.get("year")
    head, head_sentence, head_planned, head_from_figure = "", None, False, False
    last_planned, last_sentence = None, None
    previous_end, times, times_sentence = 0, [], None
    for fig in figures:
        s_start, s_end = structure.sentence_at(fig.start)
        fig.sentence_text, fig.sentence_start = text[s_start:s_end], s_start
        fig.qualifier, fig.qualifier_word = qualifier_of(folded, fig.start, fig.end, fig)
        before = folded[s_start : fig.start]
        if s_start != times_sentence:
            times, times_sentence = time_expressions(folded[s_start:s_end], year), s_start
        fig.period = period_before(times, fig.start - s_start)
        fig.period_start, fig.period_end = period_bounds(fig.period)
        found = LAST_CLAUSE_BOUNDARY.search(before)
        clause_start = found.start() + 1 if found else 0
        plan = _is_plan(before[clause_start:], before)
        if plan is None and last_planned is not None and last_sentence == s_start:
            plan = last_planned  # a clause silent on it continues the list it is in: …312个,床位2150张
        if plan is None:  # …or shares the sentence's intent: 计划用3年,培育上百家企业
            plan = _is_plan(before, before)
        if plan is None:  # …and the section's: figures under 三、下一步打算 are intentions
            plan = True if PLAN_SECTION.search(structure.headings_at(fig.start)) else None
        found = LAST_LABEL_BOUNDARY.search(before)
        label_start = found.start() + 1 if found else 0
        label_start = max(label_start, previous_end - s_start)  # 5家…企业申请线路46条: not "5家" again
        own_pre = _clean_pre(before[label_start:])
        fig.is_growth = fig.kind == "percent" and bool(GROWTH_WORDS.search(TRAILING.sub("", own_pre)))
        post = _post(folded, fig.end) if fig.kind in ("count", "money", "percent") else ""
        generic = bool(GENERIC.match(PLAN_WORDS.sub("", own_pre))) and not post
        if head_sentence != s_start:  # a new sentence: the head is the clause before, if any
            clauses = LABEL_BOUNDARY.split(before[max(0, label_start - 40) : max(label_start - 1, 0)])
            head = _clean_pre(clauses[-1])[-16:]
            head_sentence, head_planned, head_from_figure = s_start, False, False
        same_list = head_from_figure and before[label_start - 1 : label_start] in (",", "、")
        if generic and head:
            fig.label = f"{head} · {own_pre}" if own_pre else head
            fig.is_planned = bool(plan) if plan is not None else head_planned
        elif same_list and RELATIONAL.match(own_pre):  # 园区15个,集聚小微企业超1000家: the parks' enterprises
            fig.label = f"{head} · {own_pre[-18:]}{post}"
            fig.is_planned = bool(plan) if plan is not None else head_planned
        else:
            fig.label = (own_pre[-18:] + post) or head
            fig.is_planned = bool(plan)
            if own_pre:
                head, head_planned, head_from_figure = own_pre[-18:] + post, fig.is_planned, True
        fig.label = _curly_quotes(fig.label[:LABEL_MAX])
        last_planned, last_sentence = fig.is_planned, s_start
        previous_end = fig.end + (
            len(fig.qualifier_word or "") if folded.startswith(fig.qualifier_word or "-", fig.end) else 0
        )


def _curly_quotes(label: str) -> str:
    """Labels are read off the fold; give their quotes back the shape replies print: “小巨人”."""
    parts = label.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]


def period_bounds(period: str | None) -> tuple[datetime | None, datetime | None]:
    """`2020-01/2020-06` → (2020-01-01, 2020-06-30); `2019` → the whole year."""
    if not period:
        return None, None
    first, _, last = period.partition("/")
    last = last or first

    def parse(part: str, at_end: bool) -> datetime | None:
        bits = [int(b) for b in part.split("-")]
        year, month = bits[0], bits[1] if len(bits) > 1 else (12 if at_end else 1)
        if not at_end:
            return datetime(year, month, 1)
        following = datetime(year + (month == 12), month % 12 + 1, 1)
        return datetime.fromordinal(following.toordinal() - 1)

    try:
        return parse(first, False), parse(last, True)
    except ValueError:
        return None, None
