"""Years a sentence states in ways loaders.periods reads as running totals: a year's end before works completed
or to be completed (2018年底,基本完成了…; 2020年底,全市将累计建成…), which dates them as a deadline does, and a
from–to pair of years (从2020年…约200吨增加至2022年的…500吨), where each year dates its own figure; and a day written without
separators (2016310日), which dates an event as any day does."""

from __future__ import annotations

import re

# 2019年末,全县基本建成…: the year's end heads a clause whose verb completes works (a stock, 共有, does not)
YEAR_END_DONE = re.compile(
    r"(?<!截至)(?<!截止)(?<![到至止])(\d{4})\s*年\s*(?:底|末)(?![前止])"
    r"(?=\s*,?\s*[^,;。\d]{0,6}?(?:将|已|已经|要|力争)?\s*(?:累计)?\s*(?:全面|全部|基本)?\s*(?:建成|完成|竣工|完工|建设完成))"
)
# 从2017年约2万吨提升至2020年的4.5万吨: the year of the value changed from, and the year of the value reached
FROM_YEAR = re.compile(r"从\s*(\d{4})\s*年(?!\d|\s*(?:至|到|-|~))")
TO_YEAR = re.compile(r"(?:增加|提高|提升|增长|上升|下降|降低|减少|扩大)(?:到|至)\s*(\d{4})\s*年(?:的)?")


# 2016310日 (2016-03-10): a day written without separators; its digits after the year split one way only
RUN_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2,4})日")


def _day_splits(digits: str) -> int:
    """How many (month, day) readings the digits after a run-together year have (2 for 122: 1-22 and 12-2)."""
    cuts = (1, 2) if len(digits) == 3 else (1,) if len(digits) == 2 else (2,)
    return sum(1 <= int(digits[:c]) <= 12 and 1 <= int(digits[c:]) <= 31 for c in cuts if digits[c:])


def year_ends_and_pairs(sentence: str, found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """`found` (end offset, period) with the periods of year ends before completion and of from–to pairs of
    years added after the expressions they replace (period_before takes the last at an offset)."""
    added = []
    if "底" in sentence or "末" in sentence:
        added += [(m.end(), m.group(1)) for m in YEAR_END_DONE.finditer(sentence)]
    if "从" in sentence:
        for start in FROM_YEAR.finditer(sentence):
            end = clause_end(sentence, start.end(), ",;。")
            reached = TO_YEAR.search(sentence, start.end(), end)
            if reached and int(reached.group(1)) > int(start.group(1)):
                added += [(start.end(), start.group(1)), (reached.end(), reached.group(1))]
    if "日" in sentence:  # a day dates an event: no period, and the year stated before it reaches no further
        added += [(m.end(), None) for m in RUN_DATE.finditer(sentence) if _day_splits(m.group(2)) >= 1]
    if not added:
        return found
    # sorted is stable: an added period follows the expression at the same offset it replaces
    return sorted(found + added, key=lambda pair: pair[0])


def clause_end(sentence: str, start: int, marks: str = ",;") -> int:
    """Where the clause holding `start` ends: the first of `marks` from there, else the sentence's end."""
    ends = [i for i in (sentence.find(mark, start) for mark in marks) if i >= 0]
    return min(ends) if ends else len(sentence)
