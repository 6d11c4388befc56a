"""Round five of the genre's rules (tests/real/fresh5 and fresh6, held out until round four, as dev material,
with the patterns of issue 13), one made-up sentence each, in the same minimal reply dated 2021-10-08 as
tests/test_genre_rules.py. Each sentence differs from the one that prompted the rule in its words and its
structure: the rules are phrased for the language of replies, not for one reply.
"""

from __future__ import annotations

from tests import genre_rounds

# (sentence, [(text, base_value, base_unit, qualifier, period, is_planned)]), as in tests/test_genre_rules.py
CASES = [
    # the contents and investment of an approved project (批复…。主要建设内容为…。总投资…) are what it is to build,
    # unless the reply says they were built
    ("该中心项目已于2020年11月经市发改委批复立项。主要建设内容为新建业务用房3200平方米。项目总投资1560万元。"
     "供水项目于2018年获省发改委批复。主要建设内容为铺设管网12公里,现已全部建成。",
     [("3200平方米", 3200, "m2", "exact", None, True), ("1560万元", 1.56e7, "CNY", "exact", None, True),
      ("12公里", 12000, "m", "exact", None, False)]),
    # funds arranged (安排…资金) for a plan period still running are still to be spent; funds of a period past are
    # not, nor funds a superior body released (下达)
    ("2016-2020年期间,县财政安排配套资金1800万元。“十四五”期间,全县将实施农村供水管网延伸工程。"
     "县财政安排配套资金2600万元,用于管网改造。省里下达补助资金900万元。",
     [("1800万元", 1.8e7, "CNY", "exact", "2016/2020", False), ("2600万元", 2.6e7, "CNY", "exact", None, True),
      ("900万元", 9e6, "CNY", "exact", None, False)]),
    # an amount put into the project list of a year not yet past (纳入2022年…项目库) is planned, dated that year;
    # caps a rule sets for its items (按照…比例要求:…不低于40%) are figures, not plans (dated by the year named)
    ("已将城东片区1.2万亩耕地纳入2022年高标准农田建设项目库,按照投资比例要求:路面工程,山区不低于40%。",
     [("1.2万亩", 1.2e4 * 10000 / 15, "m2", "exact", "2022", True), ("40%", 40, "percent", "at_least", "2022", False)]),
    # design figures of works not yet carried out, awaiting approval, or studied for their feasibility
    ("东环路延伸段总长约2.3公里,因资金未落实暂未实施。",
     [("2.3公里", 2300, "m", "approx", None, True)]),
    ("新建桥梁全长约180米,设计方案已报市交通局审批。",
     [("180米", 180, "m", "approx", None, True)]),
    ("我局已完成该河道治理工程可行性研究报告编制,涉及4个村,匡算投资约8000万元。",
     [("4个", 4, "count", "exact", None, True), ("8000万元", 8e7, "CNY", "approx", None, True)]),
    # design figures in a sentence that says what the works will bring once built (建成后可…) are of works to
    # come, unless the sentence says they were built; so are those of works whose preliminary design is approved
    # or whose building is under way (正在进行…施工)
    ("社区卫生服务中心项目总投资1800万元,建成后可服务居民3万人。"
     "该项目已于2020年建成投用,总投资2000万元,建成后可新增学位360个。",
     [("1800万元", 1.8e7, "CNY", "exact", None, True), ("3万人", 3e4, "count", "exact", None, True),
      ("2000万元", 2e7, "CNY", "exact", "2020", False), ("360个", 360, "count", "exact", "2020", True)]),
    ("该水库为新建小(1)型水库,总库容320万立方米,初步设计已获批复。", [("320万立方米", 3.2e6, "m3", "exact", None, True)]),
    ("新建综合楼设计建筑面积8600平方米,目前正在进行主体施工。", [("8600平方米", 8600, "m2", "exact", None, True)]),
    # … and those of works still being tendered or prepared (正在进行招投标, 处于前期工作阶段)
    ("城西污水管网项目正在进行招投标,总投资800万元。体育馆项目目前处于前期工作阶段,估算总投资2亿元。",
     [("800万元", 8e6, "CNY", "exact", None, True), ("2亿元", 2e8, "CNY", "exact", None, True)]),
    # the length of works only partly built (目前80%的路段已完成) is still to come; the share built is done
    ("该公路全长约24公里,目前80%的路段已完成路基施工。",
     [("24公里", 24000, "m", "approx", None, True), ("80%", 80, "percent", "exact", None, False)]),
    # so is the design scale of works whose report gives the share done (完成总投资的…, 形象进度) or says they are
    # in hand (施工中); works said to be wholly built keep theirs done
    ("水厂项目总投资1.6亿元,截至目前完成总投资的56%。环湖路全长5.6公里,目前施工中。"
     "泵站项目总投资3200万元,形象进度100%,项目已全面完工。",
     [("1.6亿元", 1.6e8, "CNY", "exact", None, True), ("56%", 56, "percent", "exact", None, False),
      ("5.6公里", 5600, "m", "exact", None, True), ("3200万元", 3.2e7, "CNY", "exact", None, False),
      ("100%", 100, "percent", "exact", None, False)]),
    # the year that leads the sentence saying when works still to be finished were started or decided dates the
    # decision, not their design figures (a year's task keeps its year)
    ("2020年,县里启动了城北污水处理厂建设,设计规模3万吨/日,目前正在加快施工。2021年计划新建学校3所。",
     [("3万吨", 3e7, "kg", "exact", None, True), ("3所", 3, "count", "exact", "2021", True)]),
    # a length a superior body assigns over a span reaching the reply's year is a task, with or without 任务
    ("2020-2022年市里共下达我县农村公路提质改造38公里。",
     [("38公里", 38000, "m", "exact", "2020/2022", True)]),
    # a count assigned as a task reaching the reply's year is work still to do as well (funds released are not)
    ("十四五期间,市里分解给我县的新建学校任务为6所。今年下达我县改厕任务资金500万元。",
     [("6所", 6, "count", "exact", "2021/2025", True), ("500万元", 5e6, "CNY", "exact", "2021", False)]),
    # the task of the reply's year (…任务, …任务为) is work to do, unless the sentence says it was met
    ("今年全县高标准农田建设任务2.6万亩,目前已完成1.9万亩。今年全县改厕任务为1200户,已全部完成。",
     [("2.6万亩", 2.6e4 * 10000 / 15, "m2", "exact", "2021", True), ("1.9万亩", 1.9e4 * 10000 / 15, "m2", "exact", None, False),
      ("1200户", 1200, "count", "exact", "2021", False)]),
    # a figure of a period that ends after the reply's year is a target, unless its clause says it is done or it
    # is the floor of a standing rule (每年安排…不少于)
    ("2021-2025年,全县新建改建农村公路800公里。“十四五”期间全县已新建学校5所,每年安排教育资金不少于800万元。",
     [("800公里", 800000, "m", "exact", "2021/2025", True), ("5所", 5, "count", "exact", "2021/2025", False),
      ("800万元", 8e6, "CNY", "at_least", "2021/2025", False)]),
    # a deadline after the reply's year set by 年底前/年前, 至 or the end of a five-year plan makes a target, as 到 does
    ("2023年底前,全市建成公共充电桩800个;“十四五”末,农村自来水普及率达到96%。",
     [("800个", 800, "count", "exact", "2023", True), ("96%", 96, "percent", "exact", None, True)]),
    # a sentence led by a scheme's name and a colon says what the scheme will do
    ("远期改造方案:对老旧小区新增充电桩200个。", [("200个", 200, "count", "exact", None, True)]),
    # a span of months across two years is the period from the first month to the last (截至… is no span)
    ("2020年10月至2021年3月,全县发放取暖补贴420万元;截至2021年6月底,累计发放1200万元。",
     [("420万元", 4.2e6, "CNY", "exact", "2020-10/2021-03", False), ("1200万元", 1.2e7, "CNY", "exact", None, False)]),
    # plans listed as the ground of what was done (根据…规划及…规划) plan nothing
    ("今年根据县域供水规划及水源保护规划,完成了管网改造工程,共涉及6个乡镇。",
     [("6个", 6, "count", "exact", "2021", False)]),
]  # fmt: skip

# measure words the units did not know
FIGURES = [
    ("全镇肉鸭存栏12.5万羽。", ["12.5万羽"]),  # 羽: poultry
]

# labels: (sentence, [(figure text, label)]), as in tests/test_genre_rules.py
LABELS = [
    # a list after 分别是 names the parts of the figure before it
    ("今年新开通3条城乡公交线路,分别是城关至河口2条,城关至新集1条。",
     [("3条", "新开通城乡公交线路"), ("2条", "新开通城乡公交线路 · 城关至河口"),
      ("1条", "新开通城乡公交线路 · 城关至新集")]),
    # the parts of a total go on after a bracket that closes (…),其中…), and a part named only after its figure
    # inside the bracket is a part as well
    ("全县登记家庭农场520个(有130个获评示范农场),其中种植业300个,养殖业220个。",
     [("520个", "全县登记家庭农场"), ("130个", "全县登记家庭农场 · 获评示范农场"),
      ("300个", "全县登记家庭农场 · 种植业"), ("220个", "全县登记家庭农场 · 养殖业")]),
    # a region that qualifies a cap names no measure: the item the cap is for does, then the region
    ("各项投资占比:机耕道路,南方不高于20%;沟渠治理,西北不低于35%。",
     [("20%", "机耕道路 · 南方"), ("35%", "沟渠治理 · 西北")]),
    # 缩短至/延长至 lead to a changed value like 提高到: the indicator is the one before the change
    ("审批时限由20个工作日缩短至5个工作日。", [("20个工作日", "审批时限"), ("5个工作日", "审批时限")]),
    # people right after a count of households are those households' 人口
    ("涉及搬迁群众450户1620人。", [("450户", "涉及搬迁群众"), ("1620人", "搬迁群众人口")]),
    # a count right after another count's bare noun, in another measure word (8个乡镇36座), counts what the
    # sentence opened with, not that noun
    ("今年完成了全县农村公厕的提升改造,共涉及8个乡镇36座。",
     [("8个", "涉及乡镇"), ("36座", "完成了全县农村公厕的提升改造")]),
    # levels or places listed before 分别, as many as the values after it: one label per item (the levels share the
    # noun after the last of them; the places take the measure after 分别)
    ("建成国家级、省级、市级示范合作社分别为3家、12家、25家。",
     [("3家", "国家级示范合作社"), ("12家", "省级示范合作社"), ("25家", "市级示范合作社")]),
    ("东城街道、西城街道、南城街道分别新增停车位300个、200个、150个。",
     [("300个", "东城街道 · 新增停车位"), ("200个", "西城街道 · 新增停车位"), ("150个", "南城街道 · 新增停车位")]),
    # a change against the year before (比上年提高, 较去年同期增长) is a change of the measure before it
    ("全县农村自来水普及率达到93.4%,比上年提高1.8个百分点。",
     [("93.4%", "全县农村自来水普及率"), ("1.8个百分点", "全县农村自来水普及率 · 比上年提高")]),
    # a sum named only by the verb that spent it is measured by its purpose (…用于X)
    ("全镇共筹集资金260万元,主要用于村庄道路亮化。", [("260万元", "全镇共筹集资金 · 村庄道路亮化")]),
    # a clause that ends in 每 leaves the measure to the words after the figure
    ("早晚高峰平均每8分钟开出一班车。", [("8分钟", "早晚高峰平均每开出一班车")]),
]  # fmt: skip


test_figures = genre_rounds.figures_test(FIGURES)


test_case = genre_rounds.case_test(CASES)


test_label = genre_rounds.label_test(LABELS)
