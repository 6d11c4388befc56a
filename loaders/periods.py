"""The period a figure refers to, from the time words its sentence states before it.

The nearest time expression before the figure decides: `2019年` → "2019"; `今年1-6月` (in a 2020 reply) →
"2020-01/2020-06"; `2018-2019年` → "2018/2019". Running totals have no period: a time word led by
截至/截止/自/从/至, or followed by 以来/起/止/底 (`截至7月25日`, `自2020年以来`, `到2017年底止`), gives None,
and so does a single day (`7月24日` dates an event, not a period).
"""

from __future__ import annotations

import re

from loaders.period_ends import clause_end, year_ends_and_pairs
from loaders.period_spans import (
    SPAN_START,
    shift_years,
    sorting_year,
    spans_of_years,
    title_spans,
)

_RELATIVE_YEAR = {
    "今年": 0,
    "本年": 0,
    "年内": 0,
    "全年": 0,
    "当年": 0,
    "本年度": 0,
    "去年": -1,
    "上年": -1,
    "明年": 1,
    "年底前": 0,  # 年底前再推出30个: a deadline this year, like 年内
    "年底": 0,  # 计划在年底建成: a deadline this year (only before a verb of completion: COMPLETION_AHEAD)
    "年初": 0,  # 年初即列入改建计划: the start of the reply's year
}
_HALVES = {"上半年": (1, 6), "下半年": (7, 12), "一季度": (1, 3), "第一季度": (1, 3), "二季度": (4, 6),
           "第二季度": (4, 6), "三季度": (7, 9), "第三季度": (7, 9), "四季度": (10, 12), "第四季度": (10, 12),
           "前三季度": (1, 9)}  # fmt: skip
_REL = "|".join(sorted(_RELATIVE_YEAR, key=len, reverse=True))
_PART = "|".join(sorted(_HALVES, key=len, reverse=True))
_NOW = "截至目前|截止目前|截至现在|至今|迄今|目前|当前"
_LEAD = "截至|截止|自|从|至|到|比|较|同比|环比"
_TAIL = "以来|起|止|底前|末前|底|末|初|至今|之前|前"
# how a time expression can start: a number before 年, 月 or a range's dash, or one of its words. Checked
# before the pattern proper, so that the many places that only look like a start (10039万元, 一是, 上述) are
# passed over at the cost of one lookahead
_WORDS = {word for words in (_NOW, _LEAD, _REL, _PART, _TAIL) for word in words.split("|")}
_PLAN_START = r"[\"“]?十[一二三四五六]五"  # the five-year plans: “十三五”期间


def _by_first_character(words: set[str]) -> str:
    """An alternation that some word starts here, one branch per first character (截(?:至|止|至目前)|…): re
    tries the branches of an alternation one by one, and a lookahead only asks whether any matches."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    return "|".join(
        re.escape(first) + ("" if "" in rest else f"(?:{'|'.join(map(re.escape, sorted(rest)))})")
        for first, rest in sorted(rests.items())
    )


# a run of digits is a start only where it ends before 年, 月 or a dash: `++` gives back no digit to try a
# shorter run, which would end before a digit
_STARTS = r"\d{1,4}+\s*(?:学年|[年月至到~-])|" + _by_first_character(_WORDS) + "|" + _PLAN_START

TIME_EXPRESSION = re.compile(
    r"(?=[\d今本年全当去上明下一二三四第前截至自从到比较同环目迄十\"“])"  # only where a time word can start
    rf"(?={_STARTS})"
    rf"(?:(?P<now>{_NOW})|"
    r"[\"“]?十(?P<plan>[一二三四五六])五[\"”]?(?:规划)?(?P<plan_tail>期间|时期|以来|末|初)|"  # “十三五”期间
    rf"(?P<lead>{_LEAD})?\s*"
    rf"(?:(?P<y1>\d{{4}})\s*年?\s*(?:-|至|到|~)\s*(?P<y2>\d{{4}})\s*(?:学年度?|年)(?:(?P<last_part>上半年|前三季度))?"
    rf"|(?:(?P<year>\d{{4}})\s*(?:学年度?|年度?)|(?P<rel>{_REL}))?\s*"  # 2020学年: a school year
    rf"(?:(?P<part>{_PART})|(?P<m1>\d{{1,2}})\s*(?:月份?)?\s*(?:-|至|到|~)\s*(?P<m2>\d{{1,2}})\s*月份?"
    rf"|(?P<month>\d{{1,2}})\s*月份?(?:\s*(?P<day>\d{{1,2}})\s*日)?)?)"
    rf"(?P<tail>{_TAIL})?)"
)


def _format(year: int, first: int | None = None, last: int | None = None) -> str:
    if first is None:
        return str(year)
    if last is None or last == first:
        return f"{year}-{first:02d}"
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _period_of(match: re.Match, doc_year: int | None) -> str | None:
    g = match.groupdict()
    if g["plan"]:  # the n-th five-year plan: 十一五 is 2006-2010, 十四五 2021-2025
        first = 2006 + 5 * ("一二三四五六".index(g["plan"]))
        return f"{first}/{first + 4}" if g["plan_tail"] in ("期间", "时期") else None
    if g["y1"] and g["lead"] in ("自", "从") and not g["tail"] and int(g["y1"]) < int(g["y2"]):
        return f"{g['y1']}/{g['y2']}"  # 自2019年至2021年已投入1600万元: a span closed at both ends
    if (
        g["now"]
        or g["lead"] in ("截至", "截止", "自", "从", "至")
        or g["tail"] in ("以来", "起", "止", "至今", "之前", "前")
    ):
        return None
    if g["tail"] in ("底", "末"):
        return None  # 2019年底 dates a stock (as of year end), like 截至; 2021年底前 is a deadline
    if g["y1"]:
        if int(g["y1"]) >= int(g["y2"]):
            return None
        if g["last_part"]:  # 2021-2023年上半年: from the first year's January to the last part's end
            return f"{g['y1']}-01/{g['y2']}-{_HALVES[g['last_part']][1]:02d}"
        return f"{g['y1']}/{g['y2']}"
    year = int(g["year"]) if g["year"] else None
    if g["rel"]:
        year = doc_year + _RELATIVE_YEAR[g["rel"]] if doc_year else None
    if g["day"]:
        return None
    if g["part"] or g["m1"] or g["month"]:
        year = year or doc_year
        if year is None:
            return None
        if g["part"]:
            return _format(year, *_HALVES[g["part"]])
        if g["m1"]:
            first, last = int(g["m1"]), int(g["m2"])
            return _format(year, first, last) if 1 <= first < last <= 12 else None
        month = int(g["month"])
        return _format(year, month) if 1 <= month <= 12 else None
    return str(year) if year else None


# a year as the yardstick of a comparison: 恢复到2019年的87.1%, 相当于2019年同期的92%, 是2016年的2.3倍
BASELINE_BEFORE = re.compile(r"(?:恢复到|恢复至|相当于|是|为|达到|超过|高于|低于)$")
BASELINE_AFTER = re.compile(r"(?:同期)?(?:水平)?的")


ITEM_BREAK = re.compile(r";|(?<![一二三四五六七八九十])[一二三四五六七八九十]是")
OTHER_YEAR = {"去年", "上年", "明年", "今年", "本年"}  # named years that 全年 can follow
SAME_YEAR = {
    "全年",
    "当年",
    "年内",
    "本年度",
}  # after 2023年 in a sentence they mean 2023, else the reply's year
TARGET = re.compile(
    r"力争|计划|预计|目标|确保|争取|将|(?<![一二三四五六七八九十])[一二三四五六七八九十]是$"
)  # 二是到2023年底
# the verb that leads from a value of an earlier year to the value reached (从2021年的27%提升至55%)
CHANGED_TO = re.compile(r"(?:增加|提高|提升|增长|上升|下降|降低|减少|扩大|调整|升|降)(?:到|至|为)")
AHEAD = re.compile(r"力争|计划|预计|确保|争取|(?<!已)将(?!近)|要(?=建成|实现|达到|完成)")  # after 到<year>底
EVERY_YEAR = ("每年", "次年", "翌年", "隔年", "每")
NUMERAL_BEFORE = set("0123456789一二三四五六七八九十两几数")
ENUMERATOR = re.compile(r"(?<![一二三四五六七八九十])[一二三四五六七八九十]是")  # 一是…二是…: list items


def time_expressions(
    sentence: str, doc_year: int | None, carried: int | None = None
) -> list[tuple[int, str | None]]:
    """(end offset, period or None) of every time expression in a sentence (the fold), in order.

    A time word inside a list item (一是…二是…) dates that item only: each item starts again from the
    period stated before the list (今年以来，一是…；二是…). `carried`: a year the paragraph stated in an
    earlier sentence (paragraph_year), which 全年/当年 with no year of their own sentence refer to.
    """
    found, stated_year, stated_end, month_year = [], carried, 0, None

    def head_words(match: re.Match) -> str:  # the sentence before it, back to a ；: 力争…，到2025年末…
        return sentence[sentence.rfind(";", 0, match.start()) + 1 : match.start()]

    for match in TIME_EXPRESSION.finditer(sentence):
        if match.start() == match.end():
            continue  # nothing here (the pattern is all optional parts)
        g = match.groupdict()
        if not (
            g["now"] or g["plan"] or g["y1"] or g["year"] or g["rel"] or g["part"] or g["m1"] or g["month"]
        ):
            continue
        if g["lead"] in ("比", "较", "同比", "环比"):
            continue  # 比上年增加: the year compared with, not the period reported
        if sentence[match.start() - 1 : match.start()] in ("对", "把", "将") and ATTRIBUTE.match(
            sentence, match.end()
        ):
            continue  # 将于2025年对2021-2022年实施的设施进行改造: it dates the things, not the work
        if g["year"] and not g["lead"] and sorting_year(sentence, match.end(), g["tail"]):
            continue  # 7个2000年以前建成的老旧小区: the year sorts the estates, it dates nothing
        if g["rel"] == "年底" and not COMPLETION_AHEAD.match(sentence, match.end()):
            continue  # 年底全县存栏…: a stock at the year's end has no period
        if g["month"] and not (g["year"] or g["rel"]) and sentence.endswith(EVERY_YEAR, 0, match.start()):
            continue  # 每年3月, 次年3月: a month of every year or of a year the sentence does not name
        if g["rel"] and sentence[match.start("rel") - 1 : match.start("rel")] in NUMERAL_BEFORE:
            continue  # 3年内 is a duration, not 年内 (this year)
        head = sentence[max(0, match.start() - 3) : match.start()] + (g["lead"] or "")
        if BASELINE_AFTER.match(sentence, match.end()) and BASELINE_BEFORE.search(head):
            continue
        if stated_year and ITEM_BREAK.search(sentence, stated_end, match.start()):
            # a year stated in an earlier item (；二是…) does not reach this one
            stated_year = month_year = None
        if g["rel"] in SAME_YEAR and stated_year:
            period = _period_of(match, stated_year)  # 2023年全年: the whole of the year stated, not this one
        elif (
            g["tail"] in ("底", "末")
            and g["year"]
            and g["lead"] == "到"
            and (
                TARGET.search(head_words(match))
                or "的目标" in sentence[match.end() : clause_end(sentence, match.end())]
                or _heads_a_plan(sentence, match.end())
            )
        ):
            period = g["year"]  # 力争到2025年底: a target for that year (到2017年底止 stays a running total)
        elif g["lead"] == "从" and (g["year"] or g["rel"]) and sentence.startswith("的", match.end()):
            # 从2022年的3家增加到6家, 从去年的12家: the year of the value changed from
            period = g["year"] or (str(doc_year + _RELATIVE_YEAR[g["rel"]]) if doc_year else None)
            change = CHANGED_TO.search(sentence, match.end(), clause_end(sentence, match.end()))
            if change:  # 2022年,…从2021年的27%提升至55%: the value reached is the period stated before
                found.append((change.end(), period_before(found, match.start())))
        elif (
            g["day"] and g["year"] and not (g["lead"] or g["tail"]) and COMPLETED.match(sentence, match.end())
        ):
            period = _format(int(g["year"]), int(g["month"]))  # 于2020年6月18日落成,安置86户: what it yielded
        elif month_year and not (g["year"] or g["rel"] or g["lead"]) and (g["part"] or g["m1"] or g["month"]):
            period = _period_of(match, month_year)  # 2021年,…其中1-6月完成2亿元: months of the year stated
        else:
            period = _period_of(match, doc_year)
        if g["rel"] == "去年" and sentence.startswith("同期", match.end()):
            # 1-7月…,去年同期为841.0亿元;其中…: the same months a year earlier, for this clause only
            period = shift_years(period_before(found, match.start()), -1) or period
            found.append((match.end(), period))
            found.append((clause_end(sentence, match.end()), period_before(found[:-1], match.start())))
            continue
        if g["year"] and not g["tail"] and not g["lead"]:
            stated_year, stated_end = int(g["year"]), match.end()  # 2023年, not 到2025年 (a deadline)
            if not _enclosed(sentence, match.start()):
                month_year = stated_year  # not a year in brackets or a title: 《…(2019年第一批)》
        elif g["rel"] in OTHER_YEAR and doc_year and not g["tail"]:
            stated_year, stated_end = doc_year + _RELATIVE_YEAR[g["rel"]], match.end()  # 去年全年: last year
        found.append((match.end(), period))
    found.sort(key=lambda pair: pair[0])
    if "年" in sentence and SPAN_START.search(sentence):
        found = spans_of_years(sentence, found)
    if "》" in sentence:
        found = title_spans(sentence, found)
    found = year_ends_and_pairs(sentence, found)
    items = (
        [m.end() for m in ENUMERATOR.finditer(sentence)] if "是" in sentence else []
    )  # re tries every place
    if len(items) < 2:
        return found
    shared = period_before(found, items[0])
    resets = [(end, shared) for end in items[1:]]
    return sorted(found + resets, key=lambda pair: pair[0])


COMPLETION_AHEAD = re.compile(
    r"\s*(?:前)?\s*(?:全面|全部|基本)?(?:建成|竣工|完工|完成|投用|投入使用|投产|开通)"
)
# works finished on a stated day: what they yield is of that month (a day alone dates an event, no period)
COMPLETED = re.compile(r"\s*(?:正式)?(?:建成|竣工|完工|落成|投用|投入使用|投产|开通)")
ATTRIBUTE = re.compile(r"[^\s\d,;。的]{1,4}的")  # 实施的, 建成的: a relative clause before a noun


def _enclosed(sentence: str, offset: int) -> bool:
    """Whether `offset` lies inside brackets or a title's 《》 opened before it."""
    return any(sentence.rfind(o, 0, offset) > sentence.rfind(c, 0, offset) for o, c in ("()", "《》"))


def _heads_a_plan(sentence: str, end: int) -> bool:
    """到2022年底,全县将建成…: a plan word in the clause the deadline heads (not 到2017年底止,已建成…)."""
    return not sentence.startswith("止", end) and bool(
        AHEAD.search(sentence, end, clause_end(sentence, end + 1))
    )


def period_before(expressions: list[tuple[int, str | None]], offset: int) -> str | None:
    """The period of the nearest time expression ending at or before `offset` in the sentence."""
    period = None
    for end, value in expressions:
        if end > offset:
            break
        period = value
    return period


def find_period(before: str, doc_year: int | None) -> str | None:
    """Period from the sentence text before a figure (the fold), or None."""
    return period_before(time_expressions(before, doc_year), len(before))
