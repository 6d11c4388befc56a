"""Round six of the genre's rules (from the misses of tests/real/fresh7, annotated before any code ran), one
made-up sentence each, in the same minimal reply dated 2021-10-08 as tests/test_genre_rules.py. Each sentence
differs from the one that prompted the rule in its words and its structure: the rules are phrased for the
language of replies, not for one reply.
"""

from __future__ import annotations

from loaders import load_text
from tests import genre_rounds

# (sentence, [(text, base_value, base_unit, qualifier, period, is_planned)]), as in tests/test_genre_rules.py
CASES = [
    # periods: a school year's span; 年初 and a month with no year are in the reply's year
    ("2020-2021学年,全县有小学23所,在校生8600人。",
     [("23所", 23, "count", "exact", "2020/2021", False), ("8600人", 8600, "count", "exact", "2020/2021", False)]),
    ("年初,全县新开工项目16个。", [("16个", 16, "count", "exact", "2021", False)]),
    ("5月,完成河道清淤3.2公里。", [("3.2公里", 3200, "m", "exact", "2021-05", False)]),
    ("每年3月开展培训,参训200人。", [("200人", 200, "count", "exact", None, False)]),  # every year's March
    ("2020年,全县开工项目12个,7月完成河道清淤3.2公里。",  # a month after a year the sentence stated is of it
     [("12个", 12, "count", "exact", "2020", False), ("3.2公里", 3200, "m", "exact", "2020-07", False)]),
    # a year that sorts things (…年以前建成的) dates no figure: the period stated before it still does
    ("今年改造1995年以前建成的住宅楼42栋,涉及居民1800户。",
     [("42栋", 42, "count", "exact", "2021", False), ("1800户", 1800, "count", "exact", "2021", False)]),
    # a plan's span in brackets after its title dates what the sentence says of the plan
    ("依据《全县供水设施布局规划》(2016—2030),拟新建水厂2座。", [("2座", 2, "count", "exact", "2016/2030", True)]),
    # the phases of a plan (第一期…) in the sentence after the one that plans them are planned
    ("按照分批推进的原则,计划对全区86个老旧小区进行改造。第一期改造32个小区,惠及居民5600户。",
     [("86个", 86, "count", "exact", None, True), ("32个", 32, "count", "exact", None, True),
      ("5600户", 5600, "count", "exact", None, True)]),
    ("县里计划分两期改造老旧小区40个。首期改造18个小区。",
     [("40个", 40, "count", "exact", None, True), ("18个", 18, "count", "exact", None, True)]),
    # works under way (正在建设的…) are still to come
    ("目前正在建设的乡镇污水处理站共9座。", [("9座", 9, "count", "exact", None, True)]),
    # projects admitted to a project library, or put into one, are not built
    ("2020年11月,省发改委审核通过我县农村公路项目库12项86公里。",
     [("12项", 12, "count", "exact", "2020-11", True), ("86公里", 86000, "m", "exact", "2020-11", True)]),
    ("城西路4.6公里已纳入市级道路改造项目库。", [("4.6公里", 4600, "m", "exact", None, True)]),
    ("全市15家企业入选省级科技项目库。", [("15家", 15, "count", "exact", None, False)]),  # firms, not projects
    # an estimate is made for a project still being designed
    ("该工程目前处于方案设计阶段,估算投资380万元。", [("380万元", 3.8e6, "CNY", "exact", None, True)]),
    # the length and contract sum of works whose term ends after the reply's year
    ("该段道路全长8.5公里,合同价款650万元,工期为2021年9月1日至2022年6月30日。",
     [("8.5公里", 8500, "m", "exact", None, True), ("650万元", 6.5e6, "CNY", "exact", None, True)]),
    # new works whose completion is expected are to come; the part already done is not
    ("新建排水管网12公里,目前已完成8公里,预计明年5月建成。",
     [("12公里", 12000, "m", "exact", None, True), ("8公里", 8000, "m", "exact", None, False)]),
    # money the reply says it still has to apply for, and what it is for
    ("现需申报资金28万元用于修复护栏1.2公里。",
     [("28万元", 2.8e5, "CNY", "exact", None, True), ("1.2公里", 1200, "m", "exact", None, True)]),
    # the reply's year's programme in the words of works going on or to be done; a plain 实施 states the year's
    ("2021年,继续实施农村危房改造120户。", [("120户", 120, "count", "exact", "2021", True)]),
    ("今年对35所学校的食堂进行提升改造。", [("35所", 35, "count", "exact", "2021", True)]),
    ("2021年,持续推进农村公路提质改造86公里。", [("86公里", 86000, "m", "exact", "2021", True)]),
    ("2021年,全县实施高标准农田建设1.5万亩。", [("1.5万亩", 1.5e4 * 10000 / 15, "m2", "exact", "2021", False)]),
    # a plan an earlier clause put the works into (列入…计划) does not make the money obtained later a plan
    ("去年即列入维修计划,积极争取资金86万元。", [("86万元", 8.6e5, "CNY", "exact", "2020", False)]),
    # 内 that begins a noun (内容) bounds nothing
    ("完善道路、绿化、照明等共计12项内容。", [("12项", 12, "count", "exact", None, False)]),
]  # fmt: skip

# measure words the units did not know, and words that only look like them
FIGURES = [
    ("输电线路铁塔共计86基,已完成建设70基。", ["86基", "70基"]),  # 基: foundations, towers
    ("坚持三基建设,统一基本标准,新建基地2个。", ["2个"]),
]

# labels: (sentence, [(figure text, label)]), as in tests/test_genre_rules.py
LABELS = [
    # a change against the same period of last year is the change of the measure before it
    ("全县茶叶产量2.3万吨,较去年同期增加8%。", [("2.3万吨", "全县茶叶产量"), ("8%", "全县茶叶产量 · 较同期增加")]),
    # words after a count that say where the things went name nothing
    ("采购健身器材120套安装在各村文化广场。", [("120套", "采购健身器材")]),
    # a list of names ending in 及…等 is not the measure; the noun after a sorting year is
    ("已改造城东小区、南苑小区及北苑小区等5个1990年以前建成的小区。", [("5个", "小区")]),
    ("今年改造1995年以前建成的住宅楼42栋。", [("42栋", "改造1995年以前建成的住宅楼")]),
    # a noun after the count that starts with 和 (和美乡村) is no list
    ("重点扶持在建的42个和美乡村示范点。", [("42个", "重点扶持在建和美乡村示范点")]),
    ("完善道路、绿化、照明等共计12项内容。", [("12项", "内容")]),
    # a verb of reach alone (涉及) reaches the count of its measure word, or the area right after it
    ("完成城东、城西等10个棚户区改造,涉及4200套56万平方米。",
     [("10个", "棚户区改造"), ("4200套", "涉及套数"), ("56万平方米", "涉及面积")]),
    # the part done of a total: the total's measure
    ("输电线路铁塔共计86基,已完成建设70基。", [("86基", "输电线路铁塔"), ("70基", "输电线路铁塔 · 已完成建设")]),
]  # fmt: skip


test_case = genre_rounds.case_test(CASES)


test_figures = genre_rounds.figures_test(FIGURES)


test_label = genre_rounds.label_test(LABELS)


def test_an_undated_reply_is_of_its_sessions_year():
    """A reply whose own date is garbled (0一十二日), whose title names its session's year, is of that year
    (今年), not of the year its page was posted."""
    text = (
        "2020年某县九届人大三次会议第15号建议的答复\n浏览:52次 时间:2021年1月8日\n\n李四代表:\n\n"
        "您提出的《关于修建公厕的建议》收悉,现答复如下:\n\n今年新建公厕12座。\n\n"
        "对于您提出的其他问题,我局将认真研究。\n\n衷心感谢您对城市建设工作的关心和支持。\n\n"
        "承办单位:某县住房和城乡建设局\n\n单位负责人:\n\n0一十二日\n\n抄送:县人大人事委\n"
    )
    figures = load_text(text, "undated.txt").figures
    assert figures["period"].tolist() == ["2020"]
