"""Round seven of the genre's rules (from the misses of tests/real/fresh8 and fresh9, annotated before any code
ran), one made-up sentence each, in the same minimal reply dated 2021-10-08 as tests/test_genre_rules.py. Each
sentence differs from the one that prompted the rule in its words and its structure.
"""

from __future__ import annotations

import pytest

from loaders import load_text
from tests import genre_rounds
from tests.test_genre_rules import FOOT, HEAD, figures_of

# (sentence, [(text, base_value, base_unit, qualifier, period, is_planned)]), as in tests/test_genre_rules.py
CASES = [
    # a year's end before works completed or to be completed dates them (a stock at a year's end stays undated)
    ("2019年末,全县基本建成村级文化广场56个。", [("56个", 56, "count", "exact", "2019", False)]),
    ("2022年底,全区将累计完成农户改厕1.2万户。", [("1.2万户", 12000, "count", "exact", "2022", True)]),
    ("2020年末,全县共有养老机构18家。", [("18家", 18, "count", "exact", None, False)]),  # a guard, not a rule
    # a from–to pair of years: each year dates its own figure
    ("该厂日供水能力从2017年约2万吨提升至2020年的4.5万吨。",
     [("2万吨", 2e7, "kg", "approx", "2017", False), ("4.5万吨", 4.5e7, "kg", "exact", "2020", False)]),
    # a day written without separators is a day (no period): the year stated before it does not reach past it
    ("2020年完成投资300万元,2021415日拨付补助资金50万元。",
     [("300万元", 3e6, "CNY", "exact", "2020", False), ("50万元", 5e5, "CNY", "exact", None, False)]),
    # 年底前要(全面)完成…任务: a task of the reply's year
    ("年底前要全部完成农户改厕1800户任务。", [("1800户", 1800, "count", "exact", "2021", True)]),
    # money obtained (争取到) or paid out is no plan
    ("今年向省交通厅争取到农村公路养护资金120万元。", [("120万元", 1.2e6, "CNY", "exact", "2021", False)]),
    # 规划 + a verb + 了 reports what was laid out
    ("近三年我局规划新建了城乡公交线路18条。", [("18条", 18, "count", "exact", None, False)]),
    # a clause led by a past year after a plan reports what that year did
    ("全县计划新建幼儿园8所,2020年城北等幼儿园3所已投入使用,新增学位900个。",
     [("8所", 8, "count", "exact", None, True), ("3所", 3, "count", "exact", "2020", False),
      ("900个", 900, "count", "exact", "2020", False)]),
    # 规划 as the object of a verb (加强规划引导) is planning as work, not a plan
    ("编制了物流业发展专项方案,加强规划引导,初步形成了区域物流园区5个。",
     [("5个", 5, "count", "exact", None, False)]),
    # a subsidy applied for: the funds it involves are still to come, the area it covers is there
    ("目前全县申报了3200亩设施蔬菜补贴,涉及补贴资金480万元。",
     [("3200亩", 3200 * 10000 / 15, "m2", "exact", None, False), ("480万元", 4.8e6, "CNY", "exact", None, True)]),
    # the contents of a project put into a list of preliminary works are still to be built
    ("该项目已列入全市2021年重点项目前期工作计划。建设内容为:新建门诊楼4200平方米,总投资1500万元。",
     [("4200平方米", 4200, "m2", "exact", None, True), ("1500万元", 1.5e7, "CNY", "exact", None, True)]),
    # the later items of a list (二是…) share the plan the sentence opening it (一是计划…) stated
    ("一是计划在东片新建污水处理站3座。二是在西片8个行政村铺设污水管网。",
     [("3座", 3, "count", "exact", None, True), ("8个", 8, "count", "exact", None, True)]),
    # a count of projects whose feasibility studies are being reviewed: projects not yet begun
    ("可行性研究报告已编制完成,专家组对3个项目进行了评审。", [("3个", 3, "count", "exact", None, True)]),
    # 最多 caps; 以上 after a distributive list qualifies each value
    ("每个乡镇最多安排3个项目。", [("3个", 3, "count", "at_most", None, False)]),
    ("城区、乡镇的污水收集率分别达到95%、80%以上。",
     [("95%", 95, "percent", "at_least", None, False), ("80%", 80, "percent", "at_least", None, False)]),
]  # fmt: skip

# measure words the units did not know, and numbers that only look like figures
FIGURES = [
    ("新购置纯电动公交车45标台。", ["45标台"]),
    ("受21年上半年持续干旱影响,减产粮食约300吨。", ["300吨"]),  # 21年上半年: a year, not 21 years
    ("在三眼井社区新打机井12眼。", ["12眼"]),  # 三眼井: a place's name
]

# labels: (sentence, [(figure text, label)]), as in tests/test_genre_rules.py
LABELS = [
    # a count right after a bracketed list of places ends its aside: the noun after the count names it, as
    # without the brackets (not 南村(并入北村二组)等)村组)
    ("其余(东村、西村、南村(并入北村二组)等)6个村组正在铺设路面。", [("6个", "村组正在铺设路面")]),
    # a part introduced by 包含/包括/含 is labelled by the part, as one after 其中
    ("新建健身场地21处,包含羽毛球场6处、乒乓球场4处。",
     [("21处", "新建健身场地"), ("6处", "新建健身场地 · 羽毛球场"), ("4处", "新建健身场地 · 乒乓球场")]),
    # a part after 其中 that lists places keeps them (a list of places alone names no measure)
    ("2020年全县建设高标准农田8000亩,其中城关镇、河口镇共建设高标准农田1500亩。",
     [("8000亩", "全县建设高标准农田"), ("1500亩", "城关镇、河口镇 · 建设高标准农田")]),
    # the items of a list before a shared measure and 分别, one label each
    ("小麦、玉米主要粮食作物良种覆盖率分别达到98%、96%。",
     [("98%", "小麦主要粮食作物良种覆盖率"), ("96%", "玉米主要粮食作物良种覆盖率")]),
]  # fmt: skip

# labels that must hold a word: (sentence, figure text, word)
LABEL_WORDS = [
    ("全县申报了2.5万亩绿色食品基地认证。", "2.5万亩", "绿色食品基地"),  # not the verb 申报
    # the sum of a list a sentence opened with X包括… is X
    ("项目到位资金包括省级补助80万元、县级配套20万元,共计100万元。", "100万元", "项目到位资金"),
    # a count of a bus route's vehicles is that route's
    ("公交8路(火车站—新区),共投入车辆6台;公交12路(东站—北站),共投入车辆9台。", "6台", "8路"),
    ("公交8路(火车站—新区),共投入车辆6台;公交12路(东站—北站),共投入车辆9台。", "9台", "12路"),
]


test_case = genre_rounds.case_test(CASES)


test_figures = genre_rounds.figures_test(FIGURES)


test_label = genre_rounds.label_test(LABELS)


@pytest.mark.parametrize(
    ("sentence", "text", "word"), LABEL_WORDS, ids=[f"word{i}" for i in range(len(LABEL_WORDS))]
)
def test_label_holds(sentence, text, word):
    figures = figures_of(sentence)
    label = figures.loc[figures["text"] == text, "label"].iloc[0]
    assert word in label, label


def test_a_list_of_measures_the_body_will_take_is_planned():
    """我局将从以下方面做好工作: the numbered items that follow, with no word of a result, are what it will do."""
    body = "我局将积极采纳您的建议,从以下方面抓好落实。\n1.抓好技能培训。培训新型职业农民300人次。\n2.扩大种植规模。新增食用菌基地2个。\n"
    figures = load_text(HEAD + body + FOOT, "case.txt").figures
    assert figures["is_planned"].tolist() == [True, True]


def test_an_undated_reply_is_of_the_year_of_its_document_number():
    """A reply with no date and no session year in its title is of the year its 文号 was issued in (〔2019〕)."""
    text = (
        "农委建〔2019〕12号\n对县人大代表第8号建议的答复\n李四代表:\n"
        "您提出的《关于修建公厕的建议》收悉,现答复如下:\n今年新建公厕12座。2017年改造公厕5座。\n"
    )
    figures = load_text(text, "undated.txt").figures
    assert figures["period"].tolist() == ["2019", "2017"]
