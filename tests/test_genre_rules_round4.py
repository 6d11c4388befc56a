"""Round four of the genre's rules (tests/real/fresh4 and the misses left in the earlier sets as dev material,
with the patterns of issue 13), one made-up sentence each, in the same minimal reply dated 2021-10-08 as
tests/test_genre_rules.py. Each sentence differs from the one that prompted the rule in its words and its
structure: the rules are phrased for the language of replies, not for one reply.
"""

from __future__ import annotations

import pytest

from tests import genre_rounds
from tests.test_genre_rules import figures_of

# (sentence, [(text, base_value, base_unit, qualifier, period, is_planned)]), as in tests/test_genre_rules.py
CASES = [
    # a plan named as the ground of what was done (根据/依照/按照…规划) plans nothing; a plan word of its own does
    ("依照全县学校布局调整规划,今年撤并村小3所。按照规划要求,计划新建学校2所。",
     [("3所", 3, "count", "exact", "2021", False), ("2所", 2, "count", "exact", None, True)]),
    # the share of the reply's year in a plan the sentence before states is done when the next year's share is
    # the one called planned (a past year's share always is); a share with no year of its own keeps the plan
    ("十四五期间,全县计划改造农村危房1200户。其中2021年改造危房260户,投入资金780万元。2022年计划改造危房300户。",
     [("1200户", 1200, "count", "exact", "2021/2025", True), ("260户", 260, "count", "exact", "2021", False),
      ("780万元", 7.8e6, "CNY", "exact", "2021", False), ("300户", 300, "count", "exact", "2022", True)]),
    ("全县计划新建公园8个。其中2021年新建3个。", [("8个", 8, "count", "exact", None, True), ("3个", 3, "count", "exact", "2021", True)]),
    # sentences led by the steps of what was decided (第一步…第二步…) plan them, unless a step says it is done
    ("县里决定分步推进校园改造。第一步对城区6所学校更换课桌椅,第二步为乡村学校添置图书2万册。",
     [("6所", 6, "count", "exact", None, True), ("2万册", 2e4, "count", "exact", None, True)]),
    ("第一步已为12所学校安装空调。", [("12所", 12, "count", "exact", None, False)]),
    # works finished on a stated day date what they yield by its month; a day alone still dates an event
    ("新村安置点于2020年6月18日落成,安置搬迁群众86户。2020年7月2日召开现场会,参会干部120人。",
     [("86户", 86, "count", "exact", "2020-06", False), ("120人", 120, "count", "exact", None, False)]),
    # a span closed at both ends is the period even when 自/从 leads it (自2019年起 and 从…以来 stay running totals)
    ("自2018年至2020年已累计投入资金1600万元,从2019年起新增岗位300个。",
     [("1600万元", 1.6e7, "CNY", "exact", "2018/2020", False), ("300个", 300, "count", "exact", None, False)]),
    # a length or area of works under way is still to be built (the count of places it runs through is there)
    ("目前还有9个村23.5公里道路正在进行路基施工。",
     [("9个", 9, "count", "exact", None, False), ("23.5公里", 23500, "m", "exact", None, True)]),
    # a length or area a superior body assigns as a task reaching the reply's year is work still to do; the funds
    # released with it, the count of projects and a task of a year past are not
    ("省交通厅2020-2022年共下达我县村组道路建设任务186公里。市里安排我县3000亩高标准农田建设任务。",
     [("186公里", 186000, "m", "exact", "2020/2022", True), ("3000亩", 3000 * 10000 / 15, "m2", "exact", None, True)]),
    ("2019年下达我县改造任务50公里,已全部完成。今年下达供水项目12个,下达中央资金2300万元。",
     [("50公里", 50000, "m", "exact", "2019", False), ("12个", 12, "count", "exact", "2021", False),
      ("2300万元", 2.3e7, "CNY", "exact", "2021", False)]),
    # 年底 before a verb of completion is a deadline of the reply's year (年底 before a stock is no period); the
    # design figures of works whose completion is still striven for are planned
    ("该水厂计划在年底建成投用,可解决1.2万人饮水问题。年底全县生猪存栏12万头。",
     [("1.2万人", 1.2e4, "count", "exact", "2021", True), ("12万头", 1.2e5, "count", "exact", None, False)]),
    ("水库总库容120万立方米,力争年底完工。", [("120万立方米", 1.2e6, "m3", "exact", None, True)]),
    # the size of works whose approval is sought for the reply's year is still to be built (not a count)
    ("2021年,我县积极争取省级高标准农田项目立项3.2万亩。2020年争取项目获批3个,已全部完工。",
     [("3.2万亩", 3.2e4 * 10000 / 15, "m2", "exact", "2021", True), ("3个", 3, "count", "exact", "2020", False)]),
    # the parts of a total, in the next sentence led by 其中, share its span (a time of their own still decides)
    ("2019年至2020年,全区各级财政累计投入养老服务资金3600万元。其中居家养老补贴1200万元,2020年敬老院改造2400万元。",
     [("3600万元", 3.6e7, "CNY", "exact", "2019/2020", False), ("1200万元", 1.2e7, "CNY", "exact", "2019/2020", False),
      ("2400万元", 2.4e7, "CNY", "exact", "2020", False)]),
    ("2019-2020年两级财政投入农村改厕资金5000万元。其中奖补农户4200万元,建设公厕800万元。",
     [("5000万元", 5e7, "CNY", "exact", "2019/2020", False), ("4200万元", 4.2e7, "CNY", "exact", "2019/2020", False),
      ("800万元", 8e6, "CNY", "exact", "2019/2020", False)]),
]  # fmt: skip

# names that hold a numeral but report no amount
NEGATIVES = [
    "新建1所十二年一贯制学校和2所九年一贯制学校。",  # a school's type, not nine years
]

# measure words the units did not know
FIGURES = [
    ("陵园现有墓穴460穴,已安葬骨灰120穴。", ["460穴", "120穴"]),  # 穴: graves
]

# labels: (sentence, [(figure text, label)]), as in tests/test_genre_rules.py
LABELS = [
    # a sum in brackets right after a noun is what that noun measures, not the previous figure's measure
    ("全县发放创业担保贷款贴息(86万元)和岗位补贴(112.4万元)。",
     [("86万元", "全县发放创业担保贷款贴息"), ("112.4万元", "岗位补贴")]),
    # a bracket with no number right before the figure explains the noun before it, it is not the measure
    ("该村距县城(镇政府所在地)4.5公里。", [("4.5公里", "该村距县城(镇政府所在地)")]),
    # words after a figure that say what became of it (已于…, 正在…) name nothing
    ("新改建农村公路,其中26公里已于6月通车。", [("26公里", "新改建农村公路")]),
    # a list of places before the figure: the last place is no part of the measure (a noun with 乡/村 inside is)
    ("城关镇、河口镇、新集乡共建成村级光伏电站42座。", [("42座", "建成村级光伏电站")]),
    ("国省道、美丽乡村公路120公里。", [("120公里", "美丽乡村公路")]),
    # the parts of a total (after 其中, or in brackets after it) need the total's noun; a share (占) is the part's;
    # a level named alone after a level with its noun (国家级…企业5家、省级12家) shares that noun
    ("全县农民合作社325家,其中种植业172家,占53%;养殖业90家,占28%。",
     [("325家", "全县农民合作社"), ("172家", "全县农民合作社 · 种植业"), ("53%", "全县农民合作社 · 种植业 · 占比"),
      ("90家", "全县农民合作社 · 养殖业"), ("28%", "全县农民合作社 · 养殖业 · 占比")]),
    ("全县创建星级农家乐56家(五星级4家、四星级11家),带动就业800人。",
     [("56家", "全县创建星级农家乐"), ("4家", "全县创建星级农家乐 · 五星级"), ("11家", "全县创建星级农家乐 · 四星级"),
      ("800人", "全县创建星级农家乐 · 带动就业")]),
    ("全市规模以上企业86家,其中国家级高新技术企业5家、省级12家。",
     [("86家", "全市规模以上企业"), ("5家", "国家级高新技术企业"), ("12家", "省级高新技术企业")]),
    # 及以上/及以下 bound a grade, they list nothing; a value that specifies the noun after a count is part of it
    ("每个乡镇配备1所二级及以上标准的卫生院。", [("1所", "每个乡镇配备二级及以上标准的卫生院")]),
    ("每个行政村至少建成1个面积不少于200平方米的文化广场,1条长度300米以上的健身步道。",
     [("1个", "每个行政村至少建成面积不少于200平方米的文化广场"), ("200平方米", "文化广场"),
      ("1条", "长度300米以上的健身步道"), ("300米", "健身步道")]),
]  # fmt: skip


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[f"negative{i}" for i in range(len(NEGATIVES))])
def test_not_figures(sentence):
    assert figures_of(sentence)["text"].tolist() == ["1所", "2所"]


test_figures = genre_rounds.figures_test(FIGURES)


test_case = genre_rounds.case_test(CASES)


test_label = genre_rounds.label_test(LABELS)
