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
