"""The noun after a figure (loaders.labels): 改造农村公路120公里 names its measure before the number, but
`1.2万户农户`, `3所学校`, `4乡镇` name it after, and `26公里已于6月通车` says only what became of it."""

from __future__ import annotations

import re

from loaders.label_clean import TRAILING, TRAILING_ENDS
from loaders.label_parts import specified
from loaders.label_words import CHANGE_AFTER, CHANGE_WORD
from loaders.qualifiers import word_after

LABEL_BOUNDARY = re.compile(r"[,;:、。!?\n()]")
POST_CUT = re.compile(
    r"用于|参加|给予|和|及(?!以[上下])|以及|等|立足|依托|通过|按照|根据|积极|加快"
)  # 三级及以上公路: no list
DIGIT = re.compile(r"\d")

# 4乡镇, 12村组: the measure word begins the noun after it
COUNTER_COMPOUND = {"乡": "镇", "村": "组居", "镇": "街村"}

VERB_PHRASE = re.compile(r"已(?:于|经|在|全部|基本)|于\d|将于|正在|均已|全部")
VERB_FIRST = frozenset("已于将正均全")
COPULA = re.compile(r"^(?:均为|均是|都是|为|是)(?=[\u4e00-\u9fff])")
PLACED = re.compile(r"(?:安装|设置|布设|布置|放置|摆放|投放|分布|落户|坐落|位于)(?:在|于|到)")
SORTED_BY_YEAR = re.compile(r"^\d{4}年(?:以前|之前|以后|之后|前|后)[^,;:。\d]{0,8}?的")


def noun_after(folded: str, end: int, counter: str = "") -> str:
    """The noun right after the figure at `end` (up to 18 characters, or 24 with a value that specifies it)."""
    rest = folded[end : end + 24].lstrip(" ")
    rest = rest[len(word_after(rest, 0) or "") :]
    if (rest[:1] in VERB_FIRST and VERB_PHRASE.match(rest)) or PLACED.match(rest):
        return (
            ""  # 36.2公里已于6月通车, 500多件安装在主城区: what became of it or where it went names nothing
        )
    rest = SORTED_BY_YEAR.sub(
        "", rest, count=1
    )  # 7个2000年以前建成的老旧小区: the noun after the year's clause
    rest = COPULA.sub("", rest, count=1) if rest[:1] in "为是均都" else rest  # 其中9所为城区幼儿园
    if CHANGE_AFTER.match(rest):
        return ""  # 由800万元增加到…: what follows is the change, not a noun
    if counter in COUNTER_COMPOUND and rest[:1] and rest[0] in COUNTER_COMPOUND[counter]:
        rest = counter + rest
    stop = LABEL_BOUNDARY.search(rest)
    rest = rest[: stop.start()] if stop else rest
    digit, most = DIGIT.search(rest), 18
    if digit and (spec := specified(rest, digit.start())):
        rest, most = rest[:spec], 24  # 1条路面宽度不低于4.5米的硬化路: the spec is part of the noun
    elif digit:
        rest = rest[: digit.start()]  # 由800万元增加到1500万元: the next figure is not a label
    change = CHANGE_WORD.search(rest)  # 3家银行增加到6家: the noun ends where the change begins
    rest = rest[: change.start()] if change else rest
    cut = POST_CUT.search(rest)
    if cut and cut.start() == 0 and rest[0] == "和" and len(rest) >= 4:
        cut = POST_CUT.search(rest, 1)  # 65个和美乡村精品示范村: a word that opens the noun lists nothing
    rest = rest[: cut.start()] if cut else rest
    rest = rest.lstrip("的").strip()[:most].rstrip("的")
    return TRAILING.sub("", rest) if rest and rest[-1] in TRAILING_ENDS else rest  # 84条防火通道共608.5公里


# 全县累计投入3.2亿元用于农村饮水安全巩固提升: a sum named only by the verb that spent it is measured by its purpose
SPEND_ONLY = re.compile(
    r"^(?:全[县市区省镇乡村]|[县市省镇乡]财政)?(?:累计|共|共计|先后)?(?:投入|投资|安排|争取|筹集|整合|拨付)(?:[^,;。]{0,4}资金)?$"
)
PURPOSE = re.compile(r"\s*,?\s*(?:主要|全部|重点)?用于([^,;:。()\d]{2,16})")


def purpose_after(own: str, window: str) -> str:
    """农村饮水安全巩固提升, the purpose after a sum (…用于X) whose clause names only the verb that spent it."""
    if not SPEND_ONLY.match(own):
        return ""
    found = PURPOSE.match(window, len(word_after(window, 0) or ""))  # past 余, 左右
    return found.group(1).rstrip("等的") if found else ""


# 公交43路(麦积便桥头—三阳火车站),共运行车辆10台: a route named with its stops heads the item it opens
ROUTE = re.compile(r"((?:公交|专线)?\d{1,4}路(?:、\d{1,4}路)*)\s*\([^()]{2,30}\)")


def route_named(item: str) -> str:
    """The bus route the item before a figure (back to a ；) names with its stops, for a count of its own."""
    if "路" not in item:
        return ""
    found = list(ROUTE.finditer(item))
    return found[-1].group(1) if found else ""


# 项目到位资金包括中央补助资金4830万元,…,共计34138万元: the sum of a list is what the sentence opened with
LIST_OPENS = re.compile(r"^\s*([^,;:。\d]{2,16}?)(?:包括|包含|主要有|由)")
SUM_ONLY = re.compile(r"^(?:共计|合计|总计|累计|共)$")


def sum_of_list(clause: str, sentence_before: str) -> str:
    """The noun a sentence opens with before 包括 (…资金包括…), for a sum of its list named only by 共计."""
    if not SUM_ONLY.match(clause.strip()):
        return ""
    found = LIST_OPENS.match(sentence_before)
    return found.group(1) if found else ""
