"""The words of a clause that are no part of a label (loaders.labels): times, fillers that open a clause
(另外, 其中, 一是, 我县), and the qualifier and linking words between a label and its number (约, 达到, 分别为)."""

from __future__ import annotations

import re

from loaders.end_words import EndWords
from loaders.label_words import HANGING, PLAN_HEAD, PLAN_TAIL
from loaders.qualifiers import BEFORE_WORDS

LEADING_FILLER = re.compile(
    r"^(?:另外|此外|同时|其中|包含|包括|并且|并|且|而|和|及|截至目前|截止目前|至目前|目前|当前|至今|现有|现(?![状代金场行])|"
    r"已累计(?=\S)|的|\d{1,2}[.、]\s*|"  # 现有山坪塘, but 现状供水能力; a numbered paragraph's 1.
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十]是|首先|其次|"  # list markers: 一是 二是
    r"我(?:市|县|区|省|局|厅|委|办)|共有|共计|总计|共|分别是|分别为)+"
)
TIME_WORDS = re.compile(
    r"(?=[截自从到至\d今本明去年全当上下近])"  # where one can start: re skips the other places quickly
    r"(?:截至|截止|自|从|到|至)?(?:\d{4} ?年? ?(?:-|至|到|~) ?\d{4} ?年|\d{4} ?(?:学年|年)度?(?!(?:以前|之前|以后|之后)[^,;。]{0,6}的)(?:\d{1,2}(?:-\d{1,2})?月份?(?:\d{1,2}日)?)?(?:以来|起|底止|底前|末前|底|末|止)?|"
    r"\d{1,2}(?:(?:-|至|到|~)\d{1,2})?月份?(?:\d{1,2}日)?(?:底|末|初|以来)?|(?:今|本|明)年(?:底前|末前|底|末)?|去年|年底前|(?<![\d一二三四五六七八九十两几])年内|全年|当年|上半年|下半年|近年来)"
)
TRAILING_WORDS = sorted(  # qualifier and linking words between a label and its number
    {w for w, _ in BEFORE_WORDS}
    | {"高达", "达到", "共计", "累计", "累计达", "达", "为", "有", "是", "了", "共", "仅", "只有", "的"}
    | {"各", "升至", "增至", "升到"}  # 水碾水磨各1座; 幼儿园数量将升至18所
    | {"分别为", "分别是", "分别达到", "分别", "总计", "合计", "总共"}
    | {"控制在", "稳定在", "保持在", "维持在"},
    key=len,
    reverse=True,
)
# 违法行为23437起, 提升至90%: there 为 and 升至 end or belong to a word, they are not the linking words
NOT_IN_WORD = {"为": "(?<![行作认成因以称])为", "升至": "(?<![提上])升至", "升到": "(?<![提上])升到"}
TRAILING_ENDS = frozenset(w[-1] for w in TRAILING_WORDS)
TRAILING = EndWords(
    f"(?=[{''.join(sorted({w[0] for w in TRAILING_WORDS}))}])"  # where one can start, as above
    f"(?:{'|'.join(NOT_IN_WORD.get(w, w) for w in TRAILING_WORDS)})+$",
    "|".join(TRAILING_WORDS),
)


TIME_PREPOSITION = re.compile(r"^在(?=\x00)|(?<![低高大小多少等])于(?=\x00)")


def clean_pre(pre: str) -> str:
    pre = TIME_WORDS.sub("\x00", pre)
    if "于\x00" in pre or pre.startswith("在\x00"):  # 在2023年对9个行政村, 已于2020年完工: no 在对, 已于完工
        pre = TIME_PREPOSITION.sub("", pre)  # (but 低于全年控制目标 keeps its 于)
    pre = pre.replace("\x00", "")
    pre = LEADING_FILLER.sub("", pre.strip())
    pre = TRAILING.sub("", pre).strip()
    bare = PLAN_HEAD.sub("", PLAN_TAIL.sub("", pre))
    pre = (
        bare if len(bare) >= 2 else pre
    )  # 力争新增学位, 进出口总额力争: the measure (is_planned says the intent)
    hung = HANGING.sub("", pre)
    return hung if hung != pre and (len(pre) > 2 or not hung) else pre  # 还有19公里未铺筑路面: no 还
