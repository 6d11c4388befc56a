"""Labels: what a figure measures, in the words of the clause before it (and the noun after a count).

Lists share context. In `已建成园区15个,占地面积2013.9亩,集聚小微企业超1000家` the second clause only names an
attribute and the third relates to the same parks, so both borrow the first clause's subject:
`已建成园区 · 占地面积`, `已建成园区 · 集聚小微企业`.
"""

from __future__ import annotations

import re

from loaders.plans import PLAN_WORDS
from loaders.qualifiers import BEFORE_WORDS, word_after

LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()]")
LAST_LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()][^,;:、。!?\n()]*$")
POST_CUT = re.compile(r"用于|参加|给予|和|及|以及|等")
DIGIT = re.compile(r"\d")
LEADING_FILLER = re.compile(
    r"^(?:另外|此外|同时|其中|并且|并|且|而|和|及|截至目前|截止目前|目前|至今|现|已累计(?=\S)|的|"
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十]是|首先|其次|"  # list markers: 一是 二是
    r"我(?:市|县|区|省|局|厅|委|办)|共有|共计|总计|共)+"
)
TIME_WORDS = re.compile(
    r"(?=[截自从到至\d今去年全当上下近])"  # where one can start: re skips the other places quickly
    r"(?:截至|截止|自|从|到|至)?(?:\d{4} ?年? ?(?:-|至|到|~) ?\d{4} ?年|\d{4} ?年(?:\d{1,2}(?:-\d{1,2})?月份?(?:\d{1,2}日)?)?(?:以来|起|底止|底|末|止)?|"
    r"\d{1,2}(?:(?:-|至|到|~)\d{1,2})?月份?(?:\d{1,2}日)?(?:底|末|初|以来)?|今年|去年|年内|全年|当年|上半年|下半年|近年来)"
)
TRAILING_WORDS = sorted(  # qualifier and linking words between a label and its number
    {w for w, _ in BEFORE_WORDS}
    | {"高达", "达到", "共计", "累计", "累计达", "达", "为", "有", "是", "了", "共", "仅", "只有"}
    | {"分别为", "分别是", "分别达到", "分别"},
    key=len,
    reverse=True,
)
TRAILING = re.compile(
    f"(?=[{''.join(sorted({w[0] for w in TRAILING_WORDS}))}])"  # where one can start, as above
    f"(?:{'|'.join(TRAILING_WORDS)})+$"
)
GENERIC = re.compile(
    r"^(?:总?占地面积|占地|建筑面积|总?面积|总投资|投资额?|金额|总额|规模|其中|同比(?:增长|下降)?|环比(?:增长|下降)?|"
    r"增长|下降|增幅|提高|降低|分别为|分别|占比|比例|比重|合计|总计|)$"
)
LABEL_MAX = 32
RELATIONAL = re.compile(r"集聚|聚集|入驻|吸引|带动|覆盖|涉及|惠及|容纳|吸纳|辐射|拥有|包括|包含")


def clean_pre(pre: str) -> str:
    pre = TIME_WORDS.sub("", pre)
    pre = LEADING_FILLER.sub("", pre.strip())
    return TRAILING.sub("", pre).strip()


def noun_after(folded: str, end: int) -> str:
    rest = folded[end : end + 24].lstrip(" ")
    rest = rest[len(word_after(rest, 0) or "") :]
    stop = LABEL_BOUNDARY.search(rest)
    rest = rest[: stop.start()] if stop else rest
    digit = DIGIT.search(rest)
    rest = rest[: digit.start()] if digit else rest  # 由800万元增加到1500万元: the next figure is not a label
    cut = POST_CUT.search(rest)
    rest = rest[: cut.start()] if cut else rest
    return rest.lstrip("的").strip()[:14]


class LabelChain:
    """Labels of one reply's figures in reading order, carrying the subject a list's clauses share."""

    def __init__(self) -> None:
        self.sentence: int | None = None
        self.head = ""  # the subject later clauses of the sentence may borrow
        self.head_planned = False
        self.head_from_figure = False
        self.previous_end = 0  # where the previous figure (and its 以上/左右) ended

    def label(self, fig, folded: str, s_start: int, before: str, plan: bool | None) -> tuple[str, bool, str]:
        """(label, is_planned, the clause's own words) of one figure; `before` is its sentence up to it."""
        found = LAST_LABEL_BOUNDARY.search(before)
        label_start = max(found.start() + 1 if found else 0, self.previous_end - s_start)
        own = clean_pre(before[label_start:])
        post = noun_after(folded, fig.end) if fig.kind in ("count", "money", "percent") else ""
        generic = bool(GENERIC.match(PLAN_WORDS.sub("", own))) and not post
        if self.sentence != s_start:  # a new sentence: the head is the clause before, if any
            clauses = LABEL_BOUNDARY.split(before[max(0, label_start - 40) : max(label_start - 1, 0)])
            self.head, self.sentence = clean_pre(clauses[-1])[-16:], s_start
            self.head_planned = self.head_from_figure = False
        same_list = self.head_from_figure and before[label_start - 1 : label_start] in (",", "、")
        inherited = bool(plan) if plan is not None else self.head_planned
        if generic and self.head:
            label, planned = (f"{self.head} · {own}" if own else self.head), inherited
        elif same_list and RELATIONAL.match(own):  # 园区15个,集聚小微企业超1000家: the parks' enterprises
            label, planned = f"{self.head} · {own[-18:]}{post}", inherited
        else:
            label, planned = (own[-18:] + post) or self.head, bool(plan)
            if own:
                self.head, self.head_planned, self.head_from_figure = own[-18:] + post, planned, True
        word = fig.qualifier_word or ""
        after = fig.end + 1 if folded.startswith(" ", fig.end) else fig.end
        self.previous_end = after + len(word) if word and folded.startswith(word, after) else fig.end
        return curly_quotes(label[:LABEL_MAX]), planned, own


def curly_quotes(label: str) -> str:
    """Labels are read off the fold; give their quotes back the shape replies print: “小巨人”."""
    if '"' not in label:
        return label
    parts = label.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]
