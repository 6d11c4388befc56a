"""Sentences → figures: every number with a unit or measure word that reports an amount.

One pass of one regular expression over the fold finds candidates (number, magnitude, 余/多, unit, and an
optional range's low end); `_is_figure` drops what the genre uses numbers for without reporting anything
(years, ordinals, session numbers, titles in 《》, set phrases, names with Latin letters). Qualifier,
period, plan and label come from the words around the figure (loaders.context).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from loaders import context
from loaders.candidates import (
    candidate_pattern,
    set_phrase_characters,
    set_phrase_pattern,
)
from loaders.named_numbers import (
    PHASE,
    PLACE_ENDS,
    POLICY_NOUNS,
    POLICY_TITLE,
    SURROUNDINGS,
    class_bound,
    next_phase,
    slogan,
)
from loaders.numbers import (
    parse_arabic,
    parse_chinese,
    parse_decimal,
    parse_vague,
)
from loaders.structure import Structure
from loaders.units import lookup

# 三年行动计划, 三年专项行动, 三年攻坚行动: a programme's name (a short modifier may come between)
PLAN_NAME = re.compile(r"(?:专项|攻坚|提升|整治|集中|建设)?(?:行动|计划|规划|攻坚|工程|发展纲要)")
TOPONYM_ENDS = set("堡屯沟岗湾铺营寨")
AROUND_THE_CLOCK = re.compile(r"[^,;。]{0,6}?(?:圈|热线|服务|值班|在线|营业|开放|不打烊|响应)")
YEAR_PART = re.compile(
    r"上半年|下半年|第?[一二三四]季度|底|末|初|\d{1,2}月"
)  # after 23年: a year in two digits


@dataclass
class Figure:
    text: str
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str
    base_value: float | None
    base_value_low: float | None
    base_value_high: float | None
    base_unit: str
    kind: str
    qualifier: str = "exact"
    qualifier_word: str | None = None
    period: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    is_planned: bool = False
    is_growth: bool = False
    label: str = ""
    sentence_text: str = ""
    sentence_start: int = 0

    def as_row(self) -> dict:
        row = dict(self.__dict__)
        row["sentence"] = row.pop("sentence_text")
        return row


BARE_MAGNITUDE_CUES = ("近", "约", "超", "逾", "达", "过", "余", "多", "破", "到")  # 突破百亿元, 达到百亿元


def _number(text: str, before: str = "", after: str = "") -> tuple[float | None, bool]:
    """(value, is_chinese) of one numeral; None when it is not a well-formed cardinal.

    A bare 百/千/万 counts as one hundred/thousand/ten thousand only when a qualifier holds it (近千家,
    千余人): alone it is idiom (百年, 千家万户, 万众).
    """
    if text[0].isdigit():
        return parse_arabic(text), False
    if "点" in text:
        return parse_decimal(text), True
    value = parse_chinese(text)
    if value is None and text[0] in "百千万" and (before[-1:] in BARE_MAGNITUDE_CUES or after[:1] in "余多"):
        value = parse_chinese("一" + text)
    return (float(value) if value is not None else None), True


def _inside(folded: str, start: int, open_mark: str, close_mark: str, reach: int = 120) -> bool:
    lo = max(0, start - reach)
    return folded.rfind(open_mark, lo, start) > folded.rfind(close_mark, lo, start)


def _is_figure(m: re.Match, text: str, folded: str, value: float | None, is_chinese: bool, unit: str) -> bool:
    start, end = m.start(), m.end()
    lead = folded[max(0, start - 4) : start].rstrip()
    before = lead[-1:]
    after = folded[end : end + 2]
    if value is None and not m.group("vague"):
        return False
    if (
        before in ("第", "×", "*", "+")
        or after[:1] in ("×", "*", "+")
        or (before.isascii() and before.isalpha())
    ):
        return False  # ordinals (第三批), 7×24小时, 1+N, and names with letters (G60, No.5)
    if unit.isascii() and after[:1].isascii() and after[:1].isalpha():
        return False  # 5mm is not 5 m
    if unit == "年" and not is_chinese and 1000 <= (value or 0) <= 2999 and "." not in m.group("num"):
        return False  # calendar years and year spans are dates
    if unit == "年" and not is_chinese and 10 <= (value or 0) <= 99 and YEAR_PART.match(folded, end):
        return False  # 23年上半年, 22年底: a year written with two digits
    if is_chinese and not m.group("vague") and (value or 0) <= 2:
        return False  # 一批 一直 两大: the genre's counts of one and two are optional and mostly idiom
    if unit == "大" and not (is_chinese and 3 <= (value or 0) <= 9):
        return False  # 三大平台 counts; 十大品牌 names an award
    if unit == "年" and is_chinese and PLAN_NAME.match(folded, end):
        return False  # 三年行动计划 names a plan
    if unit == "年" and (
        (before == "近" and not folded.startswith("时间", end)) or folded.startswith(("来", "以来"), end)
    ):
        return False  # 近三年, 三年来: a time window (用近3年时间 stays a duration)
    if (
        is_chinese
        and unit == "家"
        and (after[:1] in TOPONYM_ENDS or (after[:1] == "渠" and after[1:] != "道"))
    ):
        return False  # 十家堡镇, 八家铺村, 五家渠市 are place names
    if is_chinese and unit == "眼" and after[:1] in ("桥", "泉", "井", "塘"):
        return False  # 五眼桥, 三眼井: names of places (机井120眼 counts wells)
    if unit == "期" and (
        before in PLACE_ENDS or PHASE.match(folded, end) or next_phase(folded, start, before)
    ):
        return False  # 三期近期工程, 一期…;三期将适时启动, 软件园三期: phases of works
    if unit == "基" and (is_chinese or after[:1] in "本础地层金因准数线点站"):
        return False  # 63基 counts towers' foundations; 三基, 2基本, 1基地 do not
    if is_chinese and value == 4 and unit == "周" and after[:1] in SURROUNDINGS:
        return False
    if (
        unit == "条"
        and after[:1] in ("、", "等", '"')
        and not lead.endswith(POLICY_NOUNS)
        and POLICY_TITLE.search(folded, max(0, start - 30), start)
    ):
        return False  # 出台促进就业九条、复工复产20条等: policies' names
    if unit in ("小时", "分钟") and AROUND_THE_CLOCK.match(folded, end, end + 12):
        return False  # 24小时服务热线, 15分钟生活圈 name a service, they report no amount
    if (unit, after[:1]) in {
        ("次", "会"),
        ("周", "年"),
        ("周", "岁"),  # 60周岁以上老年人: an age bound, not 60 weeks
        ("期", "间"),
        ("支", "持"),
        ("处", "理"),
        ("届", ""),
    }:
        return False
    if folded.startswith("以", end + (folded[end : end + 1] == "及")) and class_bound(
        folded, end, unit, lookup(unit).kind
    ):
        return False  # 30户以上自然村, 5000万元以上的项目: a bound naming a class, not an amount
    if (
        _inside(folded, start, "《", "》")
        or _inside(text, start, "“", "”", reach=10)
        or slogan(text, start, end)
    ):
        return False  # numbers in the titles of cited documents, and in short quoted slogans (“三服务”)
    if folded[start] not in set_phrase_characters():
        return True  # a set phrase around the number would hold its first character
    for phrase in set_phrase_pattern().finditer(folded, max(0, start - 12), start + 12):
        if phrase.start() <= start < phrase.end():
            return False  # 三心二意, 一带一路: inside a set phrase
    return True


GROUPS = ("lo", "lo_mag", "vague", "num", "more", "mag", "unit", "pct")


def _measure(m: re.Match, text: str, folded: str) -> Figure | None:
    lo, lo_mag, vague_word, num, more, mag, unit_word, pct = m.group(*GROUPS)  # one call, not one a group
    if pct is not None:
        value, is_chinese = _number(pct)
        if value is None:
            return None
        return Figure(
            m.group(), m.start(), m.end(), value, None, "%", value, None, None, "percent", "percent"
        )
    unit = lookup(unit_word)
    vague = parse_vague(vague_word, num) if vague_word else None
    if vague_word and (vague is None or lo):
        return None  # 数十十亿, 0-数亿元: not an amount the genre writes
    num_start = m.start("num")
    before = folded[max(0, num_start - 2) : num_start].rstrip(" ")[-1:]  # 近 百家: past a space
    after = folded[m.end("num") : m.end("num") + 1]
    value, is_chinese = _number(num, before, after) if not vague else (None, True)
    if not _is_figure(m, text, folded, value, is_chinese, unit.word):
        return None
    factor = unit.factor * (lookup(mag).factor if mag else 1.0)
    low = high = value_high = None
    if lo:
        lo_value, _ = _number(lo)
        if lo_value is None:
            return None
        lo_factor = unit.factor * lookup(lo_mag).factor if lo_mag else factor
        value_high, value = value, lo_value
        if unit.word == "年" and lo_value >= 1000:
            return None  # 2018-2020年 is a span of years
        base, high = value * lo_factor, value_high * factor
    elif vague:  # 数十 has no single value; 上百 is at least its bound
        low, high = vague.low * factor, vague.high * factor
        base = low if vague.qualifier == "at_least" else None
    elif more == "几":  # 十几家: somewhere in 11-19
        base, low, high = None, (value + 1) * factor, (value + 9) * factor
    else:
        base = value * factor
    text = m.group()
    return Figure(
        text,
        m.start(),
        m.end(),
        value,
        value_high,
        unit.word if not mag else mag + unit.word,
        _tidy(base),
        _tidy(low),
        _tidy(high),
        unit.base_unit,
        unit.kind,
    )


def _tidy(x: float | None) -> float | None:
    """9.8 × 1e8 is 980000000.0000001 in binary floating point: keep 12 significant digits, as written."""
    if type(x) is float and x.is_integer() and -1e12 < x < 1e12:
        return x  # a whole number below 10^12 already reads the same in 12 significant digits
    return None if x is None else float(f"{x:.12g}")


def extract_figures(text: str, structure: Structure) -> list[Figure]:
    """All figures of one reply, in reading order, each with its context filled in."""
    folded = structure.folded
    found: list[Figure] = []
    for m in candidate_pattern().finditer(folded, *_body(structure)):
        figure = _measure(m, text, folded)
        if figure is None:
            continue
        figure.text = text[figure.start : figure.end]
        found.append(figure)
    context.annotate(found, structure)
    return found


def _body(structure: Structure) -> tuple[int, int]:
    """Figures are read from the opening to the signature; the header's numbers are metadata."""
    return structure.body_start, structure.body_end
