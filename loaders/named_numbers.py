"""Numbers that belong to names rather than report an amount: phases of works (三期工程, 软件园三期), short
quoted slogans, policies known by their number of articles (促进就业九条), the surroundings (四周).
loaders.figures asks these while it decides what is a figure."""

from __future__ import annotations

import re

# 三期工程, 三期近期工程, 2期项目: a phase of works (an ordinal without 第), not a count of periods
PHASE = re.compile(r"\s*(?:近期|远期|续建|扩建)?(?:工程|项目)")
EARLIER_PHASE = re.compile(r"[一二]期")
PLACE_ENDS = set("园区城苑府庭")  # 软件园三期, 万达城二期: a phase of a named development
# 出台促进就业九条、复工复产20条等: a policy known by its number of articles (not 出台措施20条)
POLICY_TITLE = re.compile(r"(?:出台|印发|制定|推出|发布|实施)[^,;。]*$")
POLICY_NOUNS = ("措施", "政策", "意见", "条款", "举措", "办法", "规定", "了", "共", "计", "达", "等")
SURROUNDINGS = set("均都环围皆被")  # 四周均为民房: the surroundings, not four weeks


def next_phase(folded: str, start: int, before: str) -> bool:
    """一期…二期…;三期将适时启动: a clause led by a phase, after earlier phases were named."""
    return (before in ("", ",", ";", "。", "\n") or start == 0) and bool(
        EARLIER_PHASE.search(folded, max(0, start - 300), start)
    )


def slogan(text: str, start: int, end: int, reach: int = 24) -> bool:
    """“一年打基础,两年见成效,三年大提升”: a short quotation (up to `reach` characters) is a slogan, wherever
    its number stands in it; a longer one may cite a sentence or a proposal's title with figures."""
    if "“" not in text[max(0, start - reach) : start]:
        return False
    opened = text.rfind("“", max(0, start - reach), start)
    closed = text.find("”", end, end + reach)
    return (
        opened > text.rfind("”", opened, start)
        and 0 <= closed - opened <= reach
        and "。" not in text[opened:closed]
    )


# 30户以上自然村, 1000人以上的村(社区), 5000万元以上的项目, 3年以上人员: a bound that names a class of things
# (the villages of over 30 households), not an amount the reply reports. A count's unit that also counts the
# noun (500户以上农户) is a figure, and so is a share (80%以上的行政村), which is not asked here.
CLASS_NOUNS = (
    "自然村", "行政村", "村", "社区", "小区", "企业", "项目", "工程", "人员", "老人", "老年人", "家庭",
    "农户", "学校", "基地", "园区", "单位", "道路", "公路", "河道", "水库", "建筑", "场所", "医院", "乡镇",
    "合作社", "大户", "景区", "市场", "商场", "厂房", "车辆", "船舶",
)  # fmt: skip
CLASS_BOUND = re.compile(
    r"(?:及)?以[上下内](?:的)?(?:[\u4e00-\u9fff]{1,5}的|[未非已][\u4e00-\u9fff]{1,3}?)?("
    + "|".join(sorted(CLASS_NOUNS, key=len, reverse=True))
    + ")"
)
BOUNDED_KINDS = ("money", "area", "length", "mass", "volume", "duration")
BOUNDED_COUNTS = ("户", "人", "名", "岁", "周岁")


def class_bound(folded: str, end: int, unit: str, kind: str) -> bool:
    """Whether the figure ending at `end` bounds a class of things (30户以上自然村) rather than reports one."""
    if not (kind in BOUNDED_KINDS or unit in BOUNDED_COUNTS):
        return False
    bound = CLASS_BOUND.match(folded, end)
    return bound is not None and unit[-1:] not in bound.group(1)
