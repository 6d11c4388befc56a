"""The words around a figure: its qualifier, period, plan status, growth flag and label.

Everything here reads the fold of the figure's own sentence, up to the figure (what a reply states before
a number is what the number is about). The rules live in loaders.qualifiers, loaders.periods,
loaders.plans and loaders.labels; this module walks a reply's figures in order and fills them in.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from loaders.fold import unfold_table
from loaders.label_after import route_named, sum_of_list
from loaders.label_parts import distributed
from loaders.labels import TRAILING, LabelChain, curly_quotes, last_mark, marks_of
from loaders.paragraph_year import paragraph_year
from loaders.period_spans import one_per_year
from loaders.periods import period_before, time_expressions
from loaders.plans import (
    MIXED_SECTION,
    PLAN_TURN,
    plan_in,
    plan_status,
    scheduled,
    share_reported,
    sought_project,
    works_ahead,
    year_leads,
)
from loaders.plans_ahead import (
    BUILT_ALREADY,
    approved_contents,
    design_of_unbuilt,
    funds_for_plan_period,
    period_ahead,
    projects_awaiting,
    put_into_plan,
    started_not_dated,
    task_of_the_year,
)
from loaders.plans_announced import measures_announced, subsidy_applied
from loaders.plans_unfinished import unfinished, year_programme
from loaders.qualifiers import qualifier_of

GROWTH_WORDS = re.compile(r"(?:增长|下降|提高|降低|增加|减少|增幅|降幅|上升|回落|提升|同比|环比)$")
LAST_CLAUSE_BOUNDARY = re.compile(r"[,;。!?\n][^,;。!?\n]*$")
CLAUSE_MARKS = marks_of(LAST_CLAUSE_BOUNDARY)
AS_TARGET = re.compile(r"\s*(?:以上|左右)?的(?:工作|发展|建设)?目标")
DATE_KEYS = ("signed_date", "published_date", "written_date")
RESPECTIVELY = re.compile(r"分别[^,;。:\d]{0,12}$")  # 分别为, 分别达到, 分别入库, 分别新增停车位
# a sentence that details the one before it: 其中…, 该幼儿园…, 二期…, 第一期… (the phases of works it named)
# and the later items of a list (二是…) after a sentence that opened it with a plan (一是计划…)
ELABORATION = re.compile(
    r"\s*(?:其中|该(?=[\u4e00-\u9fff])|(?:第?[一二三四五六七八九十]|首)期|[二三四五六七八九十]是(?=[\u4e00-\u9fff]))"
)
SHARED_AFTER = ("以上", "以下", "左右", "以内")  # after the last value of a list after 分别, it bounds each
LIST_GAP = re.compile(r"^\s*(?:以上|左右|余|多)?\s*[、,和及与]\s*$")


def annotate(figures: list, structure) -> None:
    """Fill qualifier, period, plan, growth, label and sentence of each figure in place.

    What depends only on the sentence (its text, its time expressions) is read once per sentence, and what
    depends only on the headings above a figure once per section."""
    folded, text = structure.folded, structure.text
    year = structure.meta.get("year")
    # a reply with no date has its year guessed from the years it states: none of them can be ahead of it, so
    # a sentence led by a year is no schedule there (2023年,新增泊位6745个 in a reply guessed to be of 2022)
    dated = any(isinstance(structure.meta.get(key), datetime) for key in DATE_KEYS)
    labels = LabelChain()
    last_planned, last_sentence, last_period = None, None, None
    total_period, total_sentence = None, None
    sentence_text, sentence, times, leads = "", "", [], []
    mixed: dict[str, bool] = {}  # headings → whether they name a problems-and-plans section
    items: dict[int, bool] = {}  # paragraph start → whether it is an item of measures announced
    for fig in figures:
        s_start, s_end = structure.sentence_at(fig.start)
        if s_start != last_sentence:
            sentence_text, sentence = text[s_start:s_end], folded[s_start:s_end]
            carried = None  # 2016年末有692户。全年出栏108头: 全年 is the year the paragraph stated before
            if "全年" in sentence or "当年" in sentence:
                carried = paragraph_year(folded[folded.rfind("\n", 0, s_start) + 1 : s_start], year)
            times, leads = time_expressions(sentence, year, carried), year_leads(sentence)
            # the figure before the sentence: a total that a sentence led by 其中 splits
            total_period, total_sentence = last_period, last_sentence
        fig.sentence_text, fig.sentence_start = sentence_text, s_start
        fig.qualifier, fig.qualifier_word = qualifier_of(folded, fig.start, fig.end, fig)
        fig.period = period_before(times, fig.start - s_start)
        fig.period_start, fig.period_end = period_bounds(fig.period)
        before = folded[s_start : fig.start]
        continued = last_planned if last_sentence == s_start else None
        headings = structure.headings_at(fig.start)
        if headings not in mixed:
            mixed[headings] = MIXED_SECTION.search(headings) is not None
        turned = mixed[headings] and _turned_to_plans(structure, fig.start)
        clause = before[last_mark(before, CLAUSE_MARKS) + 1 :]
        announced = measures_announced(folded, fig.start, items)
        plan = plan_status(clause, before, continued, headings, turned, year, announced)
        elaborates = s_start > 0 and ELABORATION.match(before)
        previous_start = structure.sentence_at(s_start - 1)[0] if elaborates else s_start
        previous = folded[previous_start:s_start]
        if (
            fig.period is None
            and elaborates
            and previous_start == total_sentence
            and before_time(times, before)
        ):
            fig.period = total_period  # 2020-2022年共投入5亿元。其中用于…2亿元,用于…3亿元: the total's span
            fig.period_start, fig.period_end = period_bounds(fig.period)
        if (
            plan is None
            and elaborates
            and not share_reported(fig.period, folded[s_end : s_end + 40], dated and year)
        ):
            plan = plan_in(previous, previous, year)  # 计划分两期完成…。其中一期…投资约4亿元
            if plan is None and last_sentence == previous_start:
                plan = last_planned  # 其中一期…投资约4亿元(planned)。二期…全长约8.8km
        if sought_project(sentence, len(before)) or subsidy_applied(fig.kind, clause, sentence):
            plan = True
        if (
            plan is not True
            and (  # (a plan already: these could only say so again)
                design_of_unbuilt(clause, sentence)
                or projects_awaiting(fig.kind, clause_after(folded, fig.end), sentence)
                or (elaborates and design_of_unbuilt(clause, previous) and not BUILT_ALREADY.search(sentence))
                or scheduled(sentence, len(before), year if dated else None, leads)
                or works_ahead(fig.kind, clause, clause_after(folded, fig.end), fig.period, year)
                or task_of_the_year(fig.kind, clause, folded[fig.end : s_end], fig.period, year)
            )
        ):
            plan = True
        if plan is not True and AS_TARGET.match(folded, fig.end):
            plan = True  # 建成标准厂房100万平方米的目标: the figure names a target
        if plan is not True:
            plan = _ahead(fig, folded, (s_start, sentence), clause, before, year) or plan
        if plan is not True and period_ahead(fig.period, clause, year if dated else None):
            plan = True  # 2021-2025年,全县新建学校12所 (a reply of 2021): a target
        if plan is not True:
            plan = _unfinished(fig, folded, s_end, clause, sentence, year, plan)
        if plan and started_not_dated(fig.period, clause, before):
            fig.period, fig.period_start, fig.period_end = None, None, None  # the year works started
        fig.label, fig.is_planned, own = labels.label(fig, folded, s_start, before, plan)
        fig.label = sum_of_list(clause, before) or fig.label  # …资金包括…,共计34138万元
        route = route_named(before[before.rfind(";") + 1 :])
        if route and fig.kind == "count" and route not in fig.label:
            fig.label = f"{route} · {fig.label}"  # 公交43路(…),共运行车辆10台
        fig.is_growth = fig.kind == "percent" and bool(GROWTH_WORDS.search(TRAILING.sub("", own)))
        last_planned, last_sentence, last_period = fig.is_planned, s_start, fig.period
    spread_over_years(figures, folded)
    back = unfold_table(text, folded)  # a page in traditional characters: its labels as it wrote them
    if back:
        for fig in figures:
            fig.label = fig.label.translate(back) if fig.label else fig.label


def _ahead(fig, folded: str, at: tuple, clause: str, before: str, year: int | None) -> bool | None:
    """Works and funds described before they exist (loaders.plans_ahead): True, or None when none is.
    `at`: where the figure's sentence starts, and its folded text."""
    s_start, sentence = at
    into = put_into_plan(re.split(r"[,;。]", folded[fig.end : fig.end + 60], maxsplit=1)[0], year)
    if into:
        fig.period = fig.period or into  # 2989亩农田纳入2025年…储备项目: dated by that year
        fig.period_start, fig.period_end = period_bounds(fig.period)
        return True
    paragraph = folded[folded.rfind("\n", 0, s_start) + 1 : s_start]
    if approved_contents(sentence, paragraph):
        return True
    previous = paragraph[paragraph.rfind("。", 0, len(paragraph) - 1) + 1 :]
    return funds_for_plan_period(clause, previous + before, year) or None


def _unfinished(
    fig, folded: str, s_end: int, clause: str, sentence: str, year, plan: bool | None
) -> bool | None:
    """Works and money not finished (loaders.plans_unfinished) are planned; else `plan` as it was."""
    after, rest = clause_after(folded, fig.end), folded[fig.end : s_end].split(";", 1)[0]
    if unfinished(fig, clause, after, rest, sentence, year):
        return True
    if plan is None and year_programme(clause, after, fig.period, year):
        return True  # 2025年,继续实施老旧小区改造85个 (in a July reply): the year's programme
    return plan


def clause_after(folded: str, end: int) -> str:
    """The rest of the figure's clause (up to 30 characters)."""
    rest = folded[end : end + 30]
    stop = CLAUSE_MARKS.search(rest)
    return rest[: stop.start()] if stop else rest


def before_time(times: list, before: str) -> bool:
    """Whether a sentence opening with 其中 states no time before the figure (its parts then share the total's)."""
    return before.lstrip().startswith("其中") and not any(end <= len(before) for end, _ in times)


def _turned_to_plans(structure, offset: int) -> bool:
    """Whether the problems-and-plans section holding `offset` has said 下一步 in its text before it."""
    for section in structure.sections:
        if section.start <= offset < section.end and MIXED_SECTION.search(section.heading):
            body = structure.folded.find("\n", section.start) + 1 or section.start  # past the heading
            return PLAN_TURN.search(structure.folded, body, offset) is not None
    return False


YEAR_LIST = re.compile(r"(\d{4})年?((?:[、和及与]\d{4}年?)+)年")


def _listed_years(lead: str, count: int) -> list[str] | None:
    """2018年、2019年全区分别入库712家、1244家: the years listed before 分别, when there are `count` of them."""
    listed = list(YEAR_LIST.finditer(lead))
    if not listed:
        return None
    years = re.findall(r"\d{4}", listed[-1].group())
    return years if len(years) == count else None


# 蔬菜、水果、茶叶的产后低温处理率分别为63%、72%、58%: items listed before 的 and the measure they share
DISTRIBUTIVE = re.compile(r"([^,;:。]+)的([^,;:。的、]{2,14}?)分别(?:为|是|达到|达)?$")


WHOLE_PLACE = re.compile(r"^(?:全|我|本)(?:市|县|区|省|镇|乡)")


def _listed_items(lead: str, count: int) -> list[str] | None:
    """One label per item (蔬菜产后低温处理率, 水果…) when as many items as values are listed before 的."""
    found = DISTRIBUTIVE.search(lead.rstrip())
    if not found:
        return distributed(lead.rstrip(), count)  # 国家级、省级示范社分别为…; 东城街道、西城街道分别新增…
    items = [item.strip() for item in found.group(1).split("、")]  # not 和: 施工企业和监理企业 is one
    if len(items) != count or any(not 1 <= len(item) <= 10 or re.search(r"\d", item) for item in items):
        return None
    items[0] = WHOLE_PLACE.sub("", items[0]) or items[0]  # 全市蔬菜、水果: the place is every item's
    return [curly_quotes(item + found.group(2)) for item in items]


def spread_over_years(figures: list, folded: str) -> None:
    """2021年至2023年…分别为3860万元、4520万元和5220万元: as many figures as the span has years, listed after
    分别, are one per year, in order."""
    i = 0
    while i < len(figures):
        fig = figures[i]
        if folded.find("分别", fig.sentence_start, fig.start) < 0:
            i += 1
            continue  # most sentences: no list of values to spread
        lead = folded[fig.sentence_start : fig.start]
        if not RESPECTIVELY.search(lead.rstrip()):
            i += 1
            continue
        run = [fig]
        while i + len(run) < len(figures):
            nxt = figures[i + len(run)]
            if nxt.period != fig.period or not LIST_GAP.match(folded[run[-1].end : nxt.start]):
                break
            run.append(nxt)
        years = one_per_year(fig.period, len(run)) or _listed_years(lead, len(run))
        for member, year in zip(run, years or [], strict=False):
            member.period = year
            member.period_start, member.period_end = period_bounds(year)
        for member, label in zip(run, _listed_items(lead, len(run)) or [], strict=False):
            member.label = label
        shared = run[-1].qualifier_word if run[-1].qualifier_word in SHARED_AFTER else None
        for member in run[:-1] if shared and all(m.qualifier == "exact" for m in run[:-1]) else []:
            member.qualifier, member.qualifier_word = run[-1].qualifier, shared  # 分别达到86.5%、91.8%以上
        i += len(run)


@lru_cache(maxsize=1024)  # a reply names a few periods, each for many figures
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
