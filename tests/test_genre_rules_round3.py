"""Round three of the genre's rules (tests/real/fresh2 and the dev replies as dev material), one made-up
sentence each, in the same minimal reply dated 2021 as tests/test_genre_rules.py: no sentence here is copied
from the replies that prompted the rule.
"""

from __future__ import annotations

from loaders import load_text
from tests import genre_rounds

# (sentence, [(text, base_value, base_unit, qualifier, period, is_planned)]), as in tests/test_genre_rules.py
CASES = [
    # 全年/当年 with no year of their own sentence: the year the paragraph stated before (ANNOTATION.md reads a
    # bare 全年 as the reply's year, which it stays when the paragraph named none or a span)
    ("2019年末,全村有农户320户。全年出售肉牛85头,当年种植烤烟300亩。\n全年新增就业120人。",
     [("320户", 320, "count", "exact", None, False), ("85头", 85, "count", "exact", "2019", False),
      ("300亩", 300 * 10000 / 15, "m2", "exact", "2019", False), ("120人", 120, "count", "exact", "2021", False)]),
    ("2019年以来,新建园区3个。全年新增就业120人。",
     [("3个", 3, "count", "exact", None, False), ("120人", 120, "count", "exact", "2021", False)]),
    # 从<year>的A增加到B: A is of that year, B of the period stated before 从 (none when none is)
    ("2020年,全县普惠率从2019年的62%提高到85%。今年1-6月,合作社从去年的12家增加到20家。",
     [("62%", 62, "percent", "exact", "2019", False), ("85%", 85, "percent", "exact", "2020", False),
      ("12家", 12, "count", "exact", "2020", False), ("20家", 20, "count", "exact", "2021-01/2021-06", False)]),
    # consecutive years listed (2019、2020年, 从2020年和2021年) are the span they cover; not years apart
    ("2019、2020年共争取补助资金860万元。我县从2020年和2021年实施了一批项目,总计投入资金1200万元。",
     [("860万元", 8.6e6, "CNY", "exact", "2019/2020", False), ("1200万元", 1.2e7, "CNY", "exact", "2020/2021", False)]),
    ("2018年和2020年新增企业30家。", [("30家", 30, "count", "exact", "2020", False)]),
    # a time word in a relative clause after 对/把/将 dates the things, not the work done on them
    ("计划于2024年对2020-2021年建成的站点进行升级,每个站点更换设备2台。", [("2台", 2, "count", "exact", "2024", True)]),
    # a deadline year-end heading a clause with a plan word is the target's year; one heading a result is not
    ("到2022年底,全县将建成充电桩800个。到2020年底,全县已建成充电桩300个。",
     [("800个", 800, "count", "exact", "2022", True), ("300个", 300, "count", "exact", None, False)]),
    # months and halves after a year stated in the sentence are of that year (not of a year in a title)
    ("2020年,全县完成投资5亿元,其中1-6月完成2亿元,下半年完成3亿元。",
     [("5亿元", 5e8, "CNY", "exact", "2020", False), ("2亿元", 2e8, "CNY", "exact", "2020-01/2020-06", False),
      ("3亿元", 3e8, "CNY", "exact", "2020-07/2020-12", False)]),
    ("根据《关于印发减负政策(2019年第一批)的通知》精神,1-6月减负12亿元。",
     [("12亿元", 1.2e9, "CNY", "exact", "2021-01/2021-06", False)]),
    # 为确保… states a purpose: what was done for it is no plan (a plan word of its own still is)
    ("为确保景区验收成功,拨付专项经费12万元。为确保年内完工,我局将追加投资300万元。",
     [("12万元", 1.2e5, "CNY", "exact", None, False), ("300万元", 3e6, "CNY", "exact", "2021", True)]),
    # a sentence that details the one before (该…, the next phase) shares its plan: its words, else its figures'
    ("城东社区养老中心将于年底投入运营。该中心可设置床位80张,配备护理员12名。城西中心已投入运营。该中心设置床位60张。",
     [("80张", 80, "count", "exact", None, True), ("12名", 12, "count", "exact", None, True),
      ("60张", 60, "count", "exact", None, False)]),
    ("供水工程计划分三期实施。其中一期新建管网12公里,投资3000万元。二期改造泵站6座,投资1500万元。",
     [("三期", 3, "count", "exact", None, True), ("12公里", 12000, "m", "exact", None, True),
      ("3000万元", 3e7, "CNY", "exact", None, True), ("6座", 6, "count", "exact", None, True),
      ("1500万元", 1.5e7, "CNY", "exact", None, True)]),
    # a plan word in a modifier of an earlier clause (即将建成的…) plans nothing; funds 下达 were released;
    # 当前 is now, not the span stated before
    ("作为即将建成的区域中心城市,全县人均公园绿地面积达12平方米。省林业局计划安排我市造林3万亩,下达造林补助资金900万元。",
     [("12平方米", 12, "m2", "exact", None, False), ("3万亩", 3e4 * 10000 / 15, "m2", "exact", None, True),
      ("900万元", 9e6, "CNY", "exact", None, False)]),
    ("十三五期间建成体育馆一座,当前全县人均体育场地面积达1.8平方米。", [("1.8平方米", 1.8, "m2", "exact", None, False)]),
    # a sentence about the project (该项目…) after one that says it awaits approval: its design figures are planned
    ("项目已完成立项,待上级审批后正式启动。该项目总投资6000万元,改造面积8000平方米。",
     [("6000万元", 6e7, "CNY", "exact", None, True), ("8000平方米", 8000, "m2", "exact", None, True)]),
    # the design scale of works still being built is planned; the land a park under construction holds is not
    ("设计日处理能力5万吨的水厂正加快建设,预计明年6月建成投用。在建产业园5个,占地面积300亩,预计明年建成。",
     [("5万吨", 5e7, "kg", "exact", None, True), ("5个", 5, "count", "exact", None, False),
      ("300亩", 300 * 10000 / 15, "m2", "exact", None, False)]),
]  # fmt: skip

# names, slogans and phases that hold a numeral but report no amount
NEGATIVES = [
    "三家渠村新修水渠,经五家渠市转运。",  # place names: N家 + 渠 (not 渠道)
    "二期扩建工程已完工,三期扩建工程正在设计。",  # a phase of works, as 第三期 would be
    "一期已投用;二期正在建设;三期将适时启动。",  # a clause led by the next phase
    "园区四周都是农田,学校四周均为民房。",  # the surroundings, not four weeks
    "纳入全县农村公路三年攻坚行动,列入三年专项行动。",  # a programme's name
    "按照“一年起步、两年成型、三年见效”的思路推进。",  # a short quoted slogan of parallel clauses
    "先后出台稳外贸十条、惠企30条等政策。",  # policies known by their number of articles
    "科技园三期东侧新建球场。",  # a phase of a named development
]

# the same words where they do report an amount
FIGURES = [
    ("通过五家渠道商销售,举办培训班三期。", ["五家", "三期"]),
    ("为期四周的培训,先后出台支持措施20条、细则15条。", ["四周", "20条", "15条"]),
    ("用三年时间完成改造。", ["三年"]),
    ("查处交通违法行为1250起,发生事故三起。", ["1250起", "三起"]),  # 起: cases
]


test_not_figures = genre_rounds.negatives_test(NEGATIVES)


test_figures = genre_rounds.figures_test(FIGURES)


test_case = genre_rounds.case_test(CASES)


# labels: (sentence, [(figure text, label)]), as in tests/test_genre_rules.py
LABELS = [
    # an adverb left alone (尚有 → 尚) names nothing: the noun after the figure does
    ("目前尚有35公里未完成路面硬化。", [("35公里", "未完成路面硬化")]),
    # a figure named only by the noun after it heads its sentence's later clauses
    ("今年1-5月,已有860家企业完成登记,同比增长12.5%。", [("860家", "企业完成登记"), ("12.5%", "企业完成登记 · 同比增长")]),
    # a count of households or people that nothing else names (a place only, or the previous figure's noun);
    # people right after households are their 人口 (round five)
    ("该村2020年底有1520户4860人。", [("1520户", "该村户数"), ("4860人", "该村人口")]),
    ("学校现有规模6个班210人。", [("6个", "学校现有规模班"), ("210人", "学校现有规模人数")]),
    ("工程涉及8个乡镇、96个行政村、12.5万人。", [("8个", "工程涉及乡镇"), ("96个", "行政村"), ("12.5万人", "人数")]),
    ("城镇和农村居民分别为3.2万户、1.5万户。", [("3.2万户", "城镇和农村居民"), ("1.5万户", "城镇和农村居民")]),
    # a long clause is cut where a word starts (after 给予, 批示, 的 …), not in the middle of one (议省政府…)
    ("市财政每年给予城北物流产业集聚园区发展资金500万元。", [("500万元", "城北物流产业集聚园区发展资金")]),
    ("2019年,市政府专门批示安排城北物流园区道路及配套设施经费800万元。", [("800万元", "安排城北物流园区道路及配套设施经费")]),
    # the intent is is_planned's to say, not the title's: no leading 力争/将/预计, no trailing 力争/控制在
    ("力争全县农村自来水普及率达到95%,将城区初中平均班额控制在45人,新建学校总投资预计1.2亿元。",
     [("95%", "全县农村自来水普及率"), ("45人", "城区初中平均班额"), ("1.2亿元", "新建学校总投资")]),
    # the noun after a count and a clause before an amount end before the linking word (共, 合计, 近 …)
    ("新修5条产业路共12.6公里。全县注册资本合计36亿元。",
     [("5条", "新修产业路"), ("12.6公里", "产业路"), ("36亿元", "全县注册资本")]),
    # a share (约占…的) is of the list's subject
    ("全市新能源汽车3.2万辆,约占汽车保有量的4.1%。", [("3.2万辆", "全市新能源汽车"), ("4.1%", "全市新能源汽车 · 占汽车保有量")]),
    # items listed before 的 and the measure they share, one value each (分别为): item and measure
    ("全县小麦、玉米、水稻的机收率分别为98%、92%、85%。", [("98%", "小麦机收率"), ("92%", "玉米机收率"), ("85%", "水稻机收率")]),
    ("查处交通违法行为1250起。", [("1250起", "查处交通违法行为")]),  # 行为 keeps its 为
    ("当前全县人均体育场地面积达1.8平方米。", [("1.8平方米", "全县人均体育场地面积")]),  # 当前, like 目前, is no label
    # a verb whose object the clause leaves to an earlier one (今年发放986万元); 惠及N人 counts people
    ("去年全县发放创业补贴1236万元,惠及2472人;今年1-9月发放986万元,惠及1972人。",
     [("1236万元", "全县发放创业补贴"), ("2472人", "全县发放创业补贴 · 惠及人数"), ("986万元", "发放创业补贴"),
      ("1972人", "发放创业补贴 · 惠及人数")]),
    # the noun after a count reaches to the end of its phrase (up to 18 characters), not into a word
    ("目前全镇仍有48个村民小组(或自然村)村内道路没有硬化。", [("48个", "全镇村民小组(或自然村)村内道路没有硬化")]),
    # a verb of reach alone (涉及) before a length, an area or a sum: what it reaches
    ("全乡仍有36个村民小组道路未硬化,涉及58.6公里。",
     [("36个", "全乡村民小组道路未硬化"), ("58.6公里", "全乡村民小组道路未硬化 · 涉及里程")]),
    # a state (在建, 已建成) or a gap of the list's subject is an attribute of it, as 占地面积 is
    ("城区现有停车泊位2.1万个,缺口约8000个。", [("2.1万个", "城区现有停车泊位"), ("8000个", "城区现有停车泊位 · 缺口")]),
    ("全县布局建设乡镇污水处理厂12座,已建成8座,在建4座。",
     [("12座", "全县布局建设乡镇污水处理厂"), ("8座", "全县布局建设乡镇污水处理厂 · 已建成"),
      ("4座", "全县布局建设乡镇污水处理厂 · 在建")]),
    # a long clause may also be cut after 布局, 设立, 引进, 培育, 推进
    ("我厅会同省商务厅在兰州、天水、酒泉等地布局建设区域性冷链物流集配中心9个。", [("9个", "建设区域性冷链物流集配中心")]),
    # the noun after a count, past a copula (其中5所为乡镇中心园)
    ("新建幼儿园12所(其中5所为乡镇中心园)。", [("12所", "新建幼儿园"), ("5所", "乡镇中心园")]),
    ("2021年度计划投资8000万元。", [("8000万元", "计划投资")]),
    ("2020年底前完成改造的小区有32个。", [("32个", "完成改造的小区")]),  # a deadline, 年底前, as a whole
    # this year's end, 已于<year>: time words and their preposition are no label
    ("将于今年底前完成全部120户改造任务。该项目已于2020年完工,总投资5000万元。",
     [("120户", "完成全部改造任务"), ("5000万元", "该项目已完工 · 总投资")]),  # 年度 is part of the time word, not of the label
    # 现有 and a numbered paragraph's 1. are no label words (现状 is); 各 and 将增至 lead to the number
    ("现状供水能力达1.5亿立方米,现有山坪塘860口。", [("1.5亿立方米", "现状供水能力"), ("860口", "山坪塘")]),
    ("1. 全县新建污水管网36公里。", [("36公里", "全县新建污水管网")]),
    ("大班3个,中、小班各2个。城区公办幼儿园数量将增至24所。",
     [("3个", "大班"), ("2个", "小班"), ("24所", "城区公办幼儿园数量")]),
    # a verb done to people before their count (培训4200人次); a list of names needs a name before its 、
    ("全年举办技能培训班36期、培训4200人次,接待游客1.2万人次。",
     [("36期", "举办技能培训班"), ("4200人次", "培训人次"), ("1.2万人次", "接待游客")]),
    # a total that names no noun counts the noun an earlier clause gave a number of
    ("近年来全县电动自行车数量快速增长,目前城区总数约6万辆。", [("6万辆", "城区电动自行车总数")]),
    # a duration the plan takes: 用时, not 用
    ("预计用3个月时间完成整改。", [("3个月", "预计用时")]),
]  # fmt: skip


test_label = genre_rounds.label_test(LABELS)


def test_undated_reply_has_no_schedule():
    """A reply with no date has its year guessed from the years it states (here 2020, the last with a month);
    a sentence led by a later year reports what was done unless a plan word says otherwise."""
    text = (
        "张三代表:\n您提出的《关于测试的建议》收悉,现答复如下:\n2020年5月,我局启动停车设施建设。"
        "2021年,全市新增停车泊位3200个。2022年,全市计划新增停车泊位5000个。\n某某局\n"
    )
    figures = load_text(text, "undated.txt").figures
    assert figures[["text", "is_planned"]].values.tolist() == [["3200个", False], ["5000个", True]]
