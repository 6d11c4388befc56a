"""Word lists the labels read (loaders.labels): what a bare count measures, verbs whose object an earlier
clause gave, the intent words a chart title leaves to is_planned, and where a long clause may be cut."""

from __future__ import annotations

import re

from loaders.end_words import EndWords

# what a count of households or people measures when no noun names it
HEAD_COUNT = {"户": "户数", "人": "人数", "人次": "人次"}
KIND_NOUN = {"length": "里程", "area": "面积", "money": "金额"}  # after a verb of reach (涉及, 覆盖) alone

# a verb whose object the clause leaves to the one before (去年发放补贴1236万元,今年1-9月发放986万元)
ELIDED_VERB = re.compile(
    r"^(?:发放|新增|培训|完成|实施|建成|新建|改造|投入|争取|安排|下达|举办|开展|招聘|引进|培育|认定|开通|种植)$"
)
PEOPLE_VERB = re.compile(
    r"^(?:培训|招聘|安置|接待|救助|帮扶|转移|资助|慰问|服务)$"
)  # 培训1460人次 → 培训人次
PLACE_ONLY = re.compile(r"^(?:该|全|本|我)?(?:村|社区|镇|乡|县|市|区)$")  # 该村, 全县: a place, no measure

# a total that names no noun (主城区总数) counts the noun an earlier clause gave a number of (机动车数量)
TOTAL_ONLY = re.compile(r"^(.{0,4}?)(总数|总量)$")
COUNTED_NOUN = re.compile(r"([\u4e00-\u9fff]{2,5}?)(?:数量|总数|总量|保有量)")

# the intent is is_planned's to say, not the title's: 力争新增学位, 进出口总额力争
PLAN_TAIL_WORDS = "力争|预计|有望|确保|争取|将|拟|要"
PLAN_TAIL = EndWords(rf"(?:{PLAN_TAIL_WORDS})+$", PLAN_TAIL_WORDS)
PLAN_HEAD = re.compile(r"^(?:力争|预计|确保|将|拟)+")

# where a long clause may be cut so that its last words still start a word: after a verb of giving or
# doing, a preposition or 的 (关于建议省政府每年给予|砚山承接产业加工园区)
WORD_START = re.compile(
    r"(?:给予|安排|用于|开展|实施|完成|批示|投入|累计|布局|设立|引进|培育|推进|(?<![公总一])共|(?<![面针相应绝核比])对|向"
    r"|(?<![认成作因行视称更即分最较])为|将|把|的)"
)


def last_words(own: str, most: int = 18) -> str:
    """The last `most` characters of a clause, from the start of a word where one can be seen."""
    if len(own) <= most:
        return own
    for cut in WORD_START.finditer(own):
        if 4 <= len(own) - cut.end() <= most:  # not 房屋的|减免: too little left to name the measure
            return own[cut.end() :]
    return own[-most:]


# 由800万元增加到1500万元, 标准调整为每人每月680元: the change, not the indicator
CHANGE = (
    r"(?:增加|提高|提升|增长|上升|下降|降低|减少|调整|扩大|压缩|精简|缩短|延长|缩减)(?:到|至|为)|降至|调整"
)
PER_UNIT = r"每人每月|每人每年|每户每月|每户每年|每人|每户|每月|每年|每亩|人均|户均|年均"
CHANGE_AFTER = re.compile(rf"\s*(?:{CHANGE})")
CHANGE_WORD = re.compile(CHANGE)
BARE_CHANGE = r"增加|提高|提升|增长|扩大|压缩|降低|减少|精简|缩短|延长|缩减"
FORMER = r"原来|原|改造前|以前|过去|目前|现在|现行|今年|当前"
# the words that lead into a change, with the per-person unit they may carry: 由每人每月, 调整为每人每月
CHANGE_TAIL = EndWords(
    rf"(?:(?:{CHANGE})|(?:由|从)(?:{FORMER})?)(?:{PER_UNIT})*的?$|的$",
    CHANGE,
    "由|从",
    FORMER,
    PER_UNIT,
    "的",
)
ONLY_CHANGE = re.compile(rf"^(?:{CHANGE}|{BARE_CHANGE})(?:{FORMER})?(?:{PER_UNIT})*的?$")
FROM_VALUE = re.compile(rf"(?:由|从)(?:{FORMER})?(?:{PER_UNIT})*的?$")
# a clause before the figure that ends in its verb names no measure: the noun after the figure does
VERB_END = re.compile(
    r"(?:建成|新建|建设|实施|完成|改造|保障|实现|新增|培育|打造|创建|铺设|解决|种植|流转|治理|整治|恢复|申报|申请|认定|认证)$"
)
# words a dropped 有/为 leaves hanging (全县仍有752个 → 全县仍)
HANGING_WORDS = "仍|还|也|尚|均|都|又|再|另|已经|已|可"
HANGING = EndWords(rf"(?:{HANGING_WORDS})+$", HANGING_WORDS)
