"""Labels of figures that split or specify another: the parts of a total (其中种植业172家, 农家乐56家(五星级4家…),
八条专线,分别是王村中学5条), a count whose noun a value specifies (1条路面宽度不低于4.5米的硬化路), a cap's region,
and lists (levels that share one noun, names or places listed before the figure). Read by loaders.labels."""

from __future__ import annotations

import re

DIGIT = re.compile(r"\d")

# an attribute with its bound, then a value and the noun it specifies: 路面宽度不低于4.5米的硬化路
SPEC_BEFORE = re.compile(
    r"(?:宽度|长度|面积|高度|深度|直径|等级|容量|规模)(?:不低于|不少于|不小于|不超过|达到|在)?$"
)
SPEC_VALUE = re.compile(r"\d+(?:\.\d+)?[^\d,;:。、()]{1,3}?(?:及?以[上下])?的?(?=[\u4e00-\u9fff])")


def specified(rest: str, digit: int) -> int:
    """Where the noun after a count ends when a value specifies it (面积不少于200平方米的广场): past the
    value and the head noun after it; 0 when the digit starts no such value."""
    if not SPEC_BEFORE.search(rest, 0, digit):
        return 0
    value = SPEC_VALUE.match(rest, digit)
    return (value.end() + len(re.match(r"[^\d]*", rest[value.end() :]).group())) if value else 0


def up_to_value(noun: str, trailing) -> str:
    """面积不少于 of 面积不少于200平方米的广场: the words before the value a noun's spec holds."""
    digit = DIGIT.search(noun)
    return trailing.sub("", noun[: digit.start()]) if digit else noun


# the words that open a list of parts: ,其中 / a bracket / ,分别是 (八条专线,分别是王村中学5条,…)
# (,包含/包括/含 篮球场9处 opens them as 其中 does)
PARTS_START = re.compile(
    r"^\s*(?:[,;]\s*(?:其中|包含|包括|含(?=[\u4e00-\u9fff]))|\(|[^\d,;:。]{0,16}[,;:]\s*分别(?:是|为)(?=[\u4e00-\u9fff]))"
)
PART_END = re.compile(r"\)")
AGAIN_PARTS = re.compile(r"\)\s*[,;]\s*其中[^)]*$")
LEVEL_NOUN = re.compile(r"级([^\d,;:、。()]{2,10})$")


def parts_of(gap: str, previous_label: str, total: str) -> str:
    """The total whose parts the figure lists: the previous figure's label when the words since it open a list
    of parts (,其中 or a bracket), the same total while the list goes on, none once a bracket closes it."""
    if PARTS_START.match(gap):
        return previous_label.split(" · ")[0]
    if total and AGAIN_PARTS.search(gap):
        return total  # 农场838个(有294个注册),其中:种植业628个: the bracket closes, the parts of the same total follow
    return "" if PART_END.search(gap) else total


def level_noun(own: str, previous_own: str) -> str:
    """高新技术企业 for 省级 after 国家级高新技术企业: the noun a list of levels shares, named once."""
    if not own.endswith("级") or len(own) > 4:
        return ""
    found = LEVEL_NOUN.search(previous_own)
    return found.group(1) if found else ""


def part_named(own: str, post: str, label: str, bracketed: bool = False) -> bool:
    """Whether a part's label names only the part (种植业, 国家级, AA级): short, and no noun after the figure;
    or, in a bracket after the total, the part is named only after it (农场838个(有294个在市场监管局注册登记))."""
    if not own:
        return bracketed and bool(post) and len(post) <= 12 and label == post
    return not post and len(own) <= 6 and label.startswith(own)


# 田块整治,北方不低于10%: a region that qualifies a cap of an item named in the clause before
REGION = re.compile(
    r"^(?:北方|南方|东北|西北|西南|东南|华北|华东|华南|华中|东部|西部|中部|平原|山区|丘陵|沿海)(?:地区)?$"
)
ITEM = re.compile(r"(?:^|[,;:、。])([^\d,;:、。()]{2,10})[,;]$")


def region_item(own: str, before: str) -> str:
    """田块整治 · 北方 for 北方 in `田块整治,北方不低于10%`: the item the cap is for, then its region."""
    if not REGION.match(own):
        return own
    item = ITEM.search(before[: before.rfind(own)])
    return f"{item.group(1).strip()} · {own}" if item else own


# a list of places before the figure (城关镇、河口镇、新集乡共建成…): the last place opens the words that follow
PLACE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,5}(?:镇|乡|村|县|区|街道|社区)$")
LEAD_PLACE = re.compile(
    r"^[\u4e00-\u9fff]{2,5}?(?:镇|乡|村|县|区|街道|社区)(?:等[\u4e00-\u9fff]{0,2}?(?:镇|乡|村|县|区)?)?(?:共|均|都|各)?"
)


def after_places(listed: str, own: str, part=None) -> str:
    """建成村级光伏电站 from 新集乡共建成村级光伏电站 when the items listed before are places as well; a part of
    a total (`part`: the clause opens with 其中) is those places' (城关镇、河口镇 · 建设高标准农田)."""
    items = (re.sub(r"^[\s,;]*其中", "", listed) if part else listed).split("、")
    lead = LEAD_PLACE.match(own)
    if (
        not lead
        or "分别" in own
        or len(own) - lead.end() < 2
        or not all(PLACE_ITEM.search(i.strip()) for i in items[-2:])
    ):
        return own
    if part:
        return (
            "、".join([*(i.strip() for i in items), own[: lead.end()].rstrip("共均都各")])
            + " · "
            + own[lead.end() :]
        )
    return own[lead.end() :]


# 14个国家级、119个省级、55个市级现代农业产业园: the list's head noun, after its last 级
LEVEL_ITEM = re.compile(r"(?:\d+|[一二三四五六七八九十]+)\s*个\s*[^\d、,;。()]{0,5}级([^\d、,;。()]{0,14})")


def shared_head(post: str, rest: str) -> str:
    """国家级 in 14个国家级、119个省级…55个市级现代农业产业园: the noun the list's items share."""
    if not post.endswith("级") or len(post) > 6:
        return ""
    sentence_rest = re.split(r"[;。\n]", rest, maxsplit=1)[0]
    for item in LEVEL_ITEM.finditer(sentence_rest):
        if item.group(1):
            return item.group(1)
    return ""


def names_before(clause: str, own: str) -> bool:
    """坝湾、田心、那摩、寨子心5座小(2)型水库: the clause before the figure lists names, not a measure."""
    items = clause.split("、")
    return (
        len(items) >= 2
        and bool(own)
        and all(len(item) <= 8 and not DIGIT.search(item) for item in items[1:-1])
        and len(items[-1]) <= 12  # the last name may carry 及 and 等: 东园西区及东园东区等
        and not DIGIT.search(items[-1])
        and bool(items[0].strip())
        and not DIGIT.search(items[0])
    )


# 国家级、省级、市级示范合作社分别为3家、12家、25家: levels that share the noun after the last of them
LEVELS_BEFORE = re.compile(
    r"((?:[^,;:。、\d]{1,6}级、)+[^,;:。、\d]{1,6}?级)([^,;:。的、\d]{2,14}?)分别(?:为|是|达到|达|有)?$"
)
LEVEL = re.compile(r"(?:国家|省|市|县|区|乡|镇|村|[A-Z]{1,5}|[一二三四五]星)级$")
# 东城街道、西城街道分别新增停车位300个、200个: places, each with the measure after 分别
PLACE = r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|村|县|区|街道|社区)"
PLACES_BEFORE = re.compile(rf"((?:{PLACE}、)+{PLACE})(?:各)?分别([^,;:。\d]{{2,12}})$")


def distributed(lead: str, count: int) -> list[str] | None:
    """One label per item when `count` levels or places are listed before 分别, as many as its values."""
    if found := LEVELS_BEFORE.search(lead):
        items = found.group(1).split("、")
        first = LEVEL.search(items[0])
        items[0] = first.group() if first else items[0]
        labels = [item + found.group(2) for item in items]
    elif found := PLACES_BEFORE.search(lead):
        labels = [f"{item} · {found.group(2)}" for item in found.group(1).split("、")]
    else:
        labels = _items_and_measure(lead)
        if labels is None:
            return None
    return labels if len(labels) == count else None


# 玉米、水稻、大豆主要粮油作物耕种收综合机械化率分别达到…: short items, then the measure they share
ITEMS_BEFORE = re.compile(
    r"(?:^|[,;:。])\s*((?:[^,;:。、\d]{1,4}、)+)([^,;:。、\d]{3,30}?)分别(?:为|是|达到|达|有)?$"
)


def _items_and_measure(lead: str) -> list[str] | None:
    """The last item is as long as the one before it (a list of crops or kinds names each alike)."""
    found = ITEMS_BEFORE.search(lead)
    if not found:
        return None
    items = found.group(1).rstrip("、").split("、")
    cut = len(items[-1])
    last, measure = found.group(2)[:cut], found.group(2)[cut:]
    if len(measure) < 2 or any(not item.strip() for item in items):
        return None
    return [item + measure for item in [*items, last]]
