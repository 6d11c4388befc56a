"""Labels: what a figure measures, in the words of the clause before it (and the noun after a count).

Lists share context. In `已建成园区15个,占地面积2013.9亩,集聚小微企业超1000家` the second clause only names an
attribute and the third relates to the same parks, so both borrow the first clause's subject:
`已建成园区 · 占地面积`, `已建成园区 · 集聚小微企业`.
"""

from __future__ import annotations

import re

from loaders.label_after import LABEL_BOUNDARY, noun_after, purpose_after
from loaders.label_brackets import mask_brackets, unmask
from loaders.label_clean import TIME_WORDS, TRAILING, clean_pre
from loaders.label_parts import (
    after_places,
    level_noun,
    names_before,
    part_named,
    parts_of,
    region_item,
    shared_head,
    up_to_value,
)
from loaders.label_words import (
    CHANGE_AFTER,
    CHANGE_TAIL,
    CHANGE_WORD,
    COUNTED_NOUN,
    ELIDED_VERB,
    FROM_VALUE,
    HANGING,
    HEAD_COUNT,
    KIND_NOUN,
    ONLY_CHANGE,
    PEOPLE_VERB,
    PLACE_ONLY,
    TOTAL_ONLY,
    VERB_END,
    last_words,
)
from loaders.plans import PLAN_WORDS

LAST_LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()][^,;:、。!?\n()]*$")
LAST_CLAUSE_BREAK = re.compile(r"[,;:。!?\n()][^,;:。!?\n()]*$")
DIGIT = re.compile(r"\d")
GENERIC = re.compile(
    r"^(?:总?占地面积|占地|建筑面积|总?面积|总投资|投资额?|金额|总额|规模|其中|同比(?:增长|下降)?|环比(?:增长|下降)?|"
    r"增长|下降|增幅|提高|降低|分别为|分别|占比|比例|比重|合计|总计|缺口|在建|已?(?:完工|竣工|开工|建成|投用|完成(?:建设|施工)?)|"
    r"(?:比|较)(?:上年|去年)?(?:同期)?(?:增长|下降|提高|降低|增加|减少)|)$"  # 比上年提高0.6个百分点: of the measure before
)
LABEL_MAX = 32


def marks_of(last: re.Pattern) -> re.Pattern:
    """The class of marks a `[marks][^marks]*$` pattern ends at."""
    return re.compile(last.pattern[: last.pattern.index("]") + 1])


BOUNDARY_MARKS, BREAK_MARKS = marks_of(LAST_LABEL_BOUNDARY), marks_of(LAST_CLAUSE_BREAK)


def last_mark(text: str, marks: re.Pattern) -> int:
    """Where `[marks][^marks]*$` would match in `text` (-1: nowhere): the last mark, found by one search
    of the reversed text, which re scans quickly, instead of a try at every mark from the left. A text
    ending in a line end, where `$` could also match before it, is asked the long way."""
    if text.endswith("\n"):
        found = re.search(marks.pattern + "[^" + marks.pattern[1:] + "*$", text)
        return found.start() if found else -1
    found = marks.search(text[::-1])
    return len(text) - 1 - found.start() if found else -1


def strip_change(label: str) -> str:
    """补助标准由每人每月 → 补助标准; 低保标准调整为每人每月 → 低保标准."""
    while True:
        shorter = CHANGE_TAIL.sub("", label).rstrip()
        hung = HANGING.sub("", shorter)
        shorter = hung if len(hung) >= 2 else shorter  # 补助比例可
        if shorter == label:
            return label
        label = shorter


# 园区15个,集聚企业超1000家; 泊位1.56万个,约占总泊位的1.54%: what the list's subject holds or its share
RELATIONAL = re.compile(r"集聚|聚集|入驻|吸引|带动|覆盖|涉及|惠及|容纳|吸纳|辐射|拥有|包括|包含|约?占(?!地)")


# 共实施建设3100亩: a clause of verbs alone; the sentence named what is built before (进行高标准农田建设)
PART_OPENS = re.compile(r"[\s,;]*其中")
VERB_ONLY = re.compile(r"^(?:实施|建设|完成|新建|改造|改扩建|进行|开展|推进|修建|建成|新增)+$")
BUILT_OBJECT = re.compile(r"([^,;:、。!?\n()\d]{2,14})(?:建设|改造)")
LEAD_VERB = re.compile(r"^.*(?:进行|开展|实施|推进|加快|加强|加大|完成|次)")
# 争取我区1.4万亩高标准农田建设项目落地: a verb and a place say nothing of the measure the noun after names
PLACE_END = re.compile(r"(?:我|本|全)(?:市|县|区|省|镇|乡)$")
PROJECT_NOUN = re.compile(r"^.*?(?:项目|工程)")
# 段约705米道路工程, 道路按照规划25米宽度建设: 段 and 规划 qualify the length; the noun after names it
LENGTH_MODIFIER = re.compile(r"(?:按照?|依照?)?(?:规划|设计)$|^段$")
VERB_TAIL = re.compile(r"(?:建设|实施|铺设|建成|修建)$")


def built_object(before: str) -> str:
    """高标准农田 from `…第一次进行高标准农田建设,共`: the object of the sentence's last 建设/改造."""
    found = list(BUILT_OBJECT.finditer(TIME_WORDS.sub("", before)))
    return LEAD_VERB.sub("", found[-1].group(1)).strip() if found else ""


def noun_instead(own: str, any_post: str, kind: str, before: str) -> tuple[str, str] | None:
    """(own, post) when the clause before the figure names no measure and the sentence does elsewhere."""
    if VERB_ONLY.match(own) and (obj := built_object(before)):
        return own + obj, ""
    if PLACE_END.search(own) and any_post:
        project = PROJECT_NOUN.match(any_post)
        return "", project.group() if project else any_post
    if kind in ("length", "area") and any_post and LENGTH_MODIFIER.search(own):
        return LENGTH_MODIFIER.sub("", own), VERB_TAIL.sub("", any_post)
    return None


def reach_noun(fig) -> str | None:
    """What a verb of reach (涉及, 覆盖) alone before a figure reaches: 里程, 面积, 金额, or the count of its
    measure word (套数, 栋数)."""
    unit = fig.unit.lstrip("万亿")
    return KIND_NOUN.get(fig.kind) or (f"{unit}数" if fig.kind == "count" and len(unit) == 1 else None)


class LabelChain:
    """Labels of one reply's figures in reading order, carrying the subject a list's clauses share."""

    def __init__(self) -> None:
        self.sentence: int | None = None
        self.head = ""  # the subject later clauses of the sentence may borrow
        self.head_planned = False
        self.head_from_figure = False
        self.previous_end = 0  # where the previous figure (and its 以上/左右) ended
        self.previous_label = ""
        self.previous_own = ""  # the previous figure's own words (规模 in 规模3个班105人)
        self.recent: list[str] = []  # the own words of the last four figures
        self.previous_post = ""  # the noun after the previous figure (20个村委会4.27万亩: not this one's)
        self.total = ""  # the label of a total whose parts follow (其中…, or in brackets after it)
        self.previous_unit = self.previous_kind = ""
        self.opening = ""  # the clause before the sentence's first figure

    def before_bracket(self, before: str, s_start: int) -> str:
        """The noun before a bracket the figure stands in (岗位补贴(112万元)) or right after (距县城(镇政府
        所在地)4.5公里: the bracket, with no number, explains that noun)."""
        opening = before.rfind("(")
        inside = before[opening + 1 : -1] if before.endswith(")") else ""
        if opening < 0 or DIGIT.search(inside) or len(inside) > 12 or "(" in inside:
            return ""
        start = max(last_mark(before[:opening], BOUNDARY_MARKS) + 1, self.previous_end - s_start)
        named = clean_pre(before[start:opening])
        return f"{named}({inside})" if named and inside else named

    def label(self, fig, folded: str, s_start: int, before: str, plan: bool | None) -> tuple[str, bool, str]:
        """(label, is_planned, the clause's own words) of one figure; `before` is its sentence up to it."""
        if "(" in before:  # 项目校(园)100余所
            before = mask_brackets(before + folded[fig.start : fig.start + 1])[:-1]
        label_start = max(last_mark(before, BOUNDARY_MARKS) + 1, self.previous_end - s_start)
        own = clean_pre(before[label_start:])
        if not own and before.endswith(("(", ")")):  # 岗位补贴(112万元); 距县城(镇政府所在地)4.5公里
            own = self.before_bracket(before, s_start)
        window = mask_brackets(folded[fig.end : fig.end + 80])
        any_post = noun_after(window, 0, fig.text.strip()[-1:])
        after_previous = bool(own) and self.previous_post.endswith(own)  # 20个村委会4.27万亩高标准农田
        post = any_post if fig.kind in ("count", "money", "percent") or after_previous or not own else ""
        if not post and (VERB_END.search(own) or own.endswith("每")):  # 平均每3-5分钟发出一趟车: per what
            post = any_post  # 全国要建成10亿亩高标准农田: the noun comes after the area
        post += shared_head(post, window[len(post) :] if post else window)
        if fig.kind == "money" and not post and (purpose := purpose_after(own, window)):
            post = " · " + purpose  # 累计投入3.2亿元用于农村饮水安全巩固提升
        if fig.kind == "duration" and own.endswith("用") and any_post.startswith("时间"):
            own += "时"  # 计划用2年时间: the time it takes (计划用时), not 计划用
        unnamed = not post and (
            not own
            or after_previous
            or PLACE_ONLY.search(own)
            or RELATIONAL.fullmatch(own)
            or PEOPLE_VERB.match(own)
        )
        counted = HEAD_COUNT.get(fig.unit.lstrip("万亿")) if unnamed else None
        if not post and RELATIONAL.fullmatch(own):
            counted = counted or reach_noun(fig)  # 涉及947.06公里: 涉及里程, 涉及8312套: 涉及套数, not 涉及
        elif not (post or own) and RELATIONAL.fullmatch(self.previous_own) and fig.start == self.previous_end:
            own, counted = self.previous_own, reach_noun(fig)  # 涉及8312套130余万平方米: 涉及面积
        if counted and "分别" not in before[before.rfind(",") + 1 :]:  # not …工商户分别为38.5万户、11.7万户
            # 2016年末有692户2078人, 规模3个班105人, 该村有320户, 惠及2472人: households or people
            own = self.previous_own if after_previous and not PEOPLE_VERB.match(own) else own
            post, after_previous = counted, False
            gap = before[max(self.previous_end - s_start, 0) :].strip()
            if not own and counted == "人数" and self.previous_unit == "户" and gap in ("", ",", "、"):
                # 该村有1520户4860人: the households' people, 该村人口 (惠及农户…: 农户人口)
                lead = RELATIONAL.match(self.previous_own)
                own, post = self.previous_own[lead.end() if lead else 0 :], "人口"
        # 共涉及12个乡镇20处: 乡镇 is the previous figure's noun, the sites are of what the sentence opened with
        of_opening = (
            after_previous
            and not post
            and fig.kind == "count"
            and own == self.previous_post
            and len(own) <= 4
            and fig.unit.lstrip("万亿") != self.previous_unit
            and self.previous_kind == "count"
            and self.sentence == s_start
            and bool(self.opening)
        )
        if not post and (instead := noun_instead(own, any_post, fig.kind, before[: max(label_start - 1, 0)])):
            own, post = instead
        if not post and (total := TOTAL_ONLY.match(own)):  # 机动车数量日益增加,目前主城区总数约10万辆
            counted_before = list(COUNTED_NOUN.finditer(before, 0, max(label_start - 1, 0)))
            own = total.group(1) + counted_before[-1].group(1) + total.group(2) if counted_before else own
        if not post and ELIDED_VERB.match(own):  # 去年发放创业补贴1236万元,惠及2472人;今年发放986万元
            own = next((o[o.find(own) :] for o in reversed(self.recent) if own in o[:-2]), own)
        from_value = CHANGE_AFTER.match(window[len(fig.qualifier_word or "") :]) and FROM_VALUE.search(
            before.rstrip()
        )
        changed_to = ONLY_CHANGE.match(own) and CHANGE_WORD.search(before, label_start)
        if changed_to and self.previous_label:  # 由800万元增加到1500万元: the same indicator
            own = strip_change(self.previous_label)
        own = strip_change(own)
        if fig.qualifier in ("at_least", "at_most"):
            own = region_item(own, before)  # 田块整治,北方不低于10%: the item, then the region of its cap
        if after_previous and post:
            own = ""
        if before[label_start - 1 : label_start] == "、":  # the figure's clause follows a list's 、
            clause_start = max(last_mark(before, BREAK_MARKS) + 1, self.previous_end - s_start)
            if post and names_before(
                before[clause_start : label_start - 1] + "、" + before[label_start:], own
            ):
                own = ""  # 坝湾、田心、寨子心5座小(2)型水库: the names are not what is counted
            else:  # 河口镇、新集乡共建成电站42座: not 新集乡共建成
                own = after_places(
                    before[clause_start : label_start - 1], own, PART_OPENS.match(before, clause_start)
                )
        if post and own.count(")") > own.count("("):  # (龙潭村、…、占马田等)17个村组: the end of an aside
            own = ""
        generic = not post and bool(GENERIC.match(PLAN_WORDS.sub("", own)))
        if self.sentence != s_start:  # a new sentence: the head is the clause before, if any
            clauses = LABEL_BOUNDARY.split(before[max(0, label_start - 40) : max(label_start - 1, 0)])
            self.head, self.sentence = last_words(clean_pre(clauses[-1]), 16), s_start
            self.opening = self.head
            self.head_planned = self.head_from_figure = False
            self.total = ""
        total, self.total = (
            self.total,
            parts_of(before[max(self.previous_end - s_start, 0) :], self.previous_label, self.total),
        )
        if total and not self.total and self.head_from_figure:
            self.head = (
                total  # 农家乐56家(五星级4家…),带动就业800人: the parts are over, the total heads again
            )
        if self.total and before[label_start - 1 : label_start] == "、":
            own = own + level_noun(own, self.previous_own)  # 其中国家级企业5家、省级12家: 省级企业
        same_list = self.head_from_figure and before[label_start - 1 : label_start] in (",", "、")
        inherited = bool(plan) if plan is not None else self.head_planned
        if generic and self.head:
            label, planned = (f"{self.head} · {own}" if own else self.head), inherited
        elif same_list and RELATIONAL.match(own):  # 园区15个,集聚小微企业超1000家: the parks' enterprises
            share = own.removeprefix("约")
            label = f"{self.head} · {'占比' if share == '占' and not post else last_words(share)}{post}"
            planned = inherited
        else:
            label, planned = (last_words(own) + post) or self.head, bool(plan)
            listed = before[label_start - 1 : label_start] == "、"
            if own or (post and not listed):  # 已有1523家企业…,同比增长36.7%: the noun after heads the rest
                self.head, self.head_planned, self.head_from_figure = last_words(own) + post, planned, True
        if of_opening:
            label = self.opening
        # (有294个在…注册登记) in a bracket after the total is its part; (其中5所为乡镇中心园) names it whole
        bracketed = folded.rfind("(", s_start, fig.start) > folded.rfind(")", s_start, fig.start)
        bracketed = bracketed and folded[fig.end : fig.end + 1] not in ("为", "是")
        # 合作社325家,其中种植业172家: 合作社 · 种植业
        if self.total and part_named(own, post, label, bracketed):
            label = f"{self.total} · {label}"
            self.head = label if self.head.endswith(own) else self.head
        if from_value:
            planned = False  # 拟将标准由1万元提高到2万元: the value changed from is the present one
        word = fig.qualifier_word or ""
        after = fig.end + 1 if folded.startswith(" ", fig.end) else fig.end
        self.previous_end = after + len(word) if word and folded.startswith(word, after) else fig.end
        self.previous_label, self.previous_post, self.previous_own = (
            label,
            up_to_value(any_post, TRAILING),
            own,
        )
        self.recent = [*self.recent[-3:], own]
        self.previous_unit, self.previous_kind = fig.unit.lstrip("万亿"), fig.kind
        return curly_quotes(unmask(label)[:LABEL_MAX]), planned, unmask(own)


def curly_quotes(label: str) -> str:
    """Labels are read off the fold; give their quotes back the shape replies print: “小巨人”."""
    if '"' not in label:
        return label
    parts = label.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]
