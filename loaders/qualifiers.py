"""Qualifiers: whether a figure is exact, approximate, a floor, a ceiling or a range.

The words sit right before the number (超 约 不超过, possibly before a linking 可达/达到) or right after it
(以上 左右 以内); 余/多 inside a figure and vague amounts (数十) carry their own.
"""

from __future__ import annotations

import re

from loaders.end_words import EndWords

QUALIFIER_BEFORE = {  # checked against the characters right before the number, longest word first
    "at_most": "不超过 未超过 不高于 不多于 不足 不到 最高 最多 最长 低于 小于 少于",
    "at_least": "不少于 不低于 至少 最少 最低 最短 突破 超过 超出 多于 大于 高于 逾 超",
    "approx": "将近 接近 大约 大概 约 近",
}
BEFORE_WORDS = sorted(
    ((word, q) for q, words in QUALIFIER_BEFORE.items() for word in words.split()), key=lambda p: -len(p[0])
)
QUALIFIER_AFTER = (
    ("及以上", "at_least"), ("以上", "at_least"), ("之上", "at_least"), ("多", "at_least"), ("余", "at_least"),
    ("及以下", "at_most"), ("以下", "at_most"), ("以内", "at_most"), ("之内", "at_most"), ("内", "at_most"), ("左右", "approx"), ("上下", "approx"),
    ("不等", "range"),
)  # fmt: skip
LINKING_WORDS = "可达到|可达|达到|高达|达|可|为|了"
LINKING = EndWords(rf"(?:{LINKING_WORDS})$", LINKING_WORDS)
# a bound governing a verb or a 的-phrase before the number: 至少建成1个, 不低于…总数的15%. 最高/最低 are also
# adjectives (最低工资标准的80% is a share of the minimum wage), so they govern only a verb of giving:
# 单个项目最高奖励500万元
GAP = r"[^\d,;。:、()“”\s]"
GOVERNING = re.compile(
    rf"(?P<word>不超过|不高于|不多于|不少于|不低于|至少)(?!的)(?:{GAP}{{1,6}}|{GAP}{{1,16}}的)$"
    r"|(?P<top>最高|最多|最长|最低|最少)(?:可以?|获得?|享受|申领|申请|领取|报销|给予|奖励|奖补|补助|补贴|补偿|资助"
    r"|扶持|支持|贴息|担保|授信|贷款|延长|放宽|发放|拨付|返还|减免){1,2}$"
    r"|(?P<most>最多|最少)[^\d,;。:、的]{0,3}$"  # 最多安排3个, 最多有3个: a cap (最多的 is an adjective)
    rf"|(?P<share>约|大约|近|将近)占{GAP}{{0,16}}的$"  # 约占销售总额的30%: about a share
    r"|(?P<cap>最高|最低)(?:额度|标准|限额|金额)(?:提高至|提高到|上调至|调整为|调至|为)$"  # 最高额度提高至30万元
)
GOVERNING_CUE = re.compile(r"[不至最约近]")  # a character every GOVERNING match holds: most windows have none
GOVERNING_QUALIFIER = {w: q for q in ("at_most", "at_least", "approx") for w in QUALIFIER_BEFORE[q].split()}
INNER_MORE = re.compile(r"(余|多)")
BEFORE_OF, AFTER_OF = dict(BEFORE_WORDS), dict(QUALIFIER_AFTER)
BEFORE_LENGTHS = sorted({len(word) for word in BEFORE_OF}, reverse=True)
AFTER_LENGTHS = sorted({len(word) for word in AFTER_OF}, reverse=True)


# 18项内容, 10公里内河航道: 内 begins a noun there, it bounds nothing (3年内完成 does)
NOUN_AFTER_INSIDE = frozenset("容涵部侧地河陆科存需资网")


def word_after(folded: str, end: int) -> str | None:
    """The qualifier word right after a figure (以上, 左右, …). No after-word begins another, so the one
    found by length is the one trying them in order would find."""
    for length in AFTER_LENGTHS:
        if folded[end : end + length] in AFTER_OF:
            word = folded[end : end + length]
            if word == "内" and folded[end + 1 : end + 2] in NOUN_AFTER_INSIDE:
                return None
            return word
    return None


def word_before(lead: str) -> str | None:
    """The longest qualifier word `lead` ends with (不超过 before 超过 before 超)."""
    for length in BEFORE_LENGTHS:
        if lead[-length:] in BEFORE_OF:
            return lead[-length:]
    return None


def qualifier_of(folded: str, start: int, end: int, figure) -> tuple[str, str | None]:
    """(qualifier, the word that set it); ranges and vague amounts carry their own."""
    if figure.value_high is not None:
        return "range", None
    if figure.base_value is None and figure.base_value_low is not None:
        return "approx", None
    inner = INNER_MORE.search(folded, start + 1, end)  # the fold: 500餘個 is 500余个
    if inner or (folded[start] == "上" and figure.base_value_low is not None):
        return "at_least", inner.group(1) if inner else "上"
    after = word_after(folded, end + 1 if folded.startswith(" ", end) else end)  # 80% 左右: PDF copies
    if after:
        return AFTER_OF[after], after
    # 最高可达50万元: the qualifier before 可达; 约 2400 元: before a space
    lead = LINKING.sub("", folded[max(0, start - 8) : start].rstrip(" "))
    before = word_before(lead)
    if before:
        return BEFORE_OF[before], before
    window = max(0, start - 20)
    governing = GOVERNING_CUE.search(folded, window, start) and GOVERNING.search(folded, window, start)
    if governing:
        word = (
            governing["word"]
            or governing["top"]
            or governing["most"]
            or governing["share"]
            or governing["cap"]
        )
        return GOVERNING_QUALIFIER[word], word
    return "exact", None
