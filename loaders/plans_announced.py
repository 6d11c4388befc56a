"""Plans a reply announces rather than states figure by figure: the numbered measures that follow a paragraph
saying what the body will do (我局将从以下方面抓好落实。1.…), and the funds a subsidy applied for involves
(申报了…补助,涉及奖补资金2000多万元): money still to come. loaders.context calls them."""

from __future__ import annotations

import re

from loaders.plans import plan_in

# the kinds of numbered item: 1. / 1、, (1), 一、, (一)
ITEM_KINDS = tuple(
    re.compile(p)
    for p in (
        r"\d{1,2}(?:\.(?!\d)|、)",
        r"\(\d{1,2}\)",
        r"[一二三四五六七八九十]+、",
        r"\([一二三四五六七八九十]+\)",
    )
)
OPENING = re.compile(r"收悉|答复如下|回复如下|说明如下|函复如下")
SENTENCES = re.compile(r"[^。!?]+[。!?]?")
WILL = re.compile(
    r"将(?!近)|下一步|下步|今后|拟|计划|打算|力争"
)  # what is to come (确保…有扶持 is a purpose)


def _kind(line: str) -> int | None:
    line = line.lstrip()
    return next((i for i, kind in enumerate(ITEM_KINDS) if kind.match(line)), None)


def _lines_before(folded: str, start: int):
    """The non-empty lines before the one at `start`, nearest first."""
    while start > 0:
        end = start - 1
        start = folded.rfind("\n", 0, end) + 1
        if folded[start:end].strip():
            yield folded[start:end]


def measures_announced(folded: str, offset: int, cache: dict) -> bool:
    """Whether the figure at `offset` lies in a numbered item of a run of items of one kind that follows a
    paragraph whose last sentence says, with a plan word, what the body will do (我局将积极采纳您的建议,重点…
    开展各项支持工作), not what it did (…采取了一系列措施)."""
    start = folded.rfind("\n", 0, offset) + 1
    if start not in cache:
        kind = _kind(folded[start : start + 8])
        lead = None
        if kind is not None:
            lead = next((line for line in _lines_before(folded, start) if _kind(line) != kind), None)
        cache[start] = lead is not None and _kind(lead) is None and _announces(lead)
    return cache[start]


def _announces(lead: str) -> bool:
    sentences = [s for s in SENTENCES.findall(lead) if s.strip()]
    last = sentences[-1] if sentences else ""
    return (
        bool(WILL.search(last))
        and "了" not in last
        and not OPENING.search(lead)
        and bool(plan_in(last, last))
    )


# 申报了10.3万亩有机茶园补助,涉及奖补资金2000多万元: the sum a subsidy applied for would bring
APPLIED = re.compile(r"(?:申报|申请)(?:了)?[^。]{0,30}?(?:补助|补贴|奖补|资金)")
INVOLVED_FUNDS = re.compile(r"涉及[^,;。\d]{0,8}(?:资金|补助|补贴|奖补)[^,;。\d]{0,2}$")
OBTAINED = re.compile(r"获得|获批|下达|到位|拨付|兑现|发放|争取到")


def subsidy_applied(kind: str, clause: str, sentence: str) -> bool:
    return (
        kind == "money"
        and "涉及" in clause
        and bool(INVOLVED_FUNDS.search(clause))
        and bool(APPLIED.search(sentence))
        and not OBTAINED.search(sentence)
    )
