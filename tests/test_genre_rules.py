"""General rules of the genre (shared/GENRE.md), one sentence each, inside a minimal reply dated 2021.

Each case: a sentence and the figures it must give as (text, base_value, base_unit, qualifier, period,
is_planned); a sentence giving no figure lists none.
"""

from __future__ import annotations

import pytest

from loaders import load_text

HEAD = "张三代表:\n您提出的《关于测试的建议》收悉,现答复如下:\n"
FOOT = "\n某某局\n2021年10月8日\n"

CASES = [
    ("今年1-6月,全市规上工业增加值同比增长12.5%。", [("12.5%", 12.5, "percent", "exact", "2021-01/2021-06", False)]),
    ("截至2020年底,全市共有高新技术企业1235家,比上年增加200余家。",
     [("1235家", 1235, "count", "exact", None, False), ("200余家", 200, "count", "at_least", None, False)]),
    ("2019年全市实现出口总额3.2亿美元,同比下降5.3%。",
     [("3.2亿美元", 3.2e8, "USD", "exact", "2019", False), ("5.3%", 5.3, "percent", "exact", "2019", False)]),
    ("预计到2025年,全市将建成基站1.2万个。", [("1.2万个", 12000, "count", "exact", "2025", True)]),
    ("组织开展了约1200万人次的线上培训,惠及近300万名劳动者。",
     [("1200万人次", 1.2e7, "count", "approx", None, False), ("300万名", 3e6, "count", "approx", None, False)]),
    ("给予最高50万元的补助,标准为20万到100万元不等。",
     [("50万元", 5e5, "CNY", "at_most", None, False), ("20万到100万元", 2e5, "CNY", "range", None, False)]),
    ("计划用3至5年时间,培育上百家企业。",
     [("3至5年", 3, "year", "range", None, True), ("上百家", 100, "count", "at_least", None, True)]),
    ("共有十余家企业参与,累计投入资金二十余亿元。",
     [("十余家", 10, "count", "at_least", None, False), ("二十余亿元", 2e9, "CNY", "at_least", None, False)]),
    ("新建蓄水池46座(其中大型2座、小型44座)。",
     [("46座", 46, "count", "exact", None, False), ("2座", 2, "count", "exact", None, False),
      ("44座", 44, "count", "exact", None, False)]),
    ("已累计发放贷款1,250万元,惠及个体工商户1200多户。",
     [("1,250万元", 1.25e7, "CNY", "exact", None, False), ("1200多户", 1200, "count", "at_least", None, False)]),
    ("全县耕地保有量不低于52万亩,建成高标准农田2.8万公顷、水渠3.5公里。",
     [("52万亩", 52e4 * 10000 / 15, "m2", "at_least", None, False), ("2.8万公顷", 2.8e8, "m2", "exact", None, False),
      ("3.5公里", 3500, "m", "exact", None, False)]),
    ("平均利率下降0.5个百分点,面积7000平方米以上。",
     [("0.5个百分点", 0.5, "pp", "exact", None, False), ("7000平方米", 7000, "m2", "at_least", None, False)]),
    ("2016年至2020年,累计争取中央资金8.6亿元。", [("8.6亿元", 8.6e8, "CNY", "exact", "2016/2020", False)]),
    ("组织召开座谈会12场次,走访企业680余家次。",
     [("12场次", 12, "count", "exact", None, False), ("680余家次", 680, "count", "at_least", None, False)]),
    ("全市已有近千家企业上云,千余人参加培训。",
     [("千家", 1000, "count", "approx", None, False), ("千余人", 1000, "count", "at_least", None, False)]),
    ("2020年上半年,全省出口额达65亿元。", [("65亿元", 6.5e9, "CNY", "exact", "2020-01/2020-06", False)]),
    ("去年新增市场主体1.2万户,今年1至9月新增0.9万户。",
     [("1.2万户", 12000, "count", "exact", "2020", False), ("0.9万户", 9000, "count", "exact", "2021-01/2021-09", False)]),
    ("已规划建设产业园区2505.92平方公里。", [("2505.92平方公里", 2.50592e9, "m2", "exact", None, False)]),
    ("天河机场计划用2年左右时间恢复11条航线,预计年内恢复国际航线20条以上。",
     [("2年", 2, "year", "approx", None, True), ("11条", 11, "count", "exact", None, True),
      ("20条", 20, "count", "at_least", "2021", True)]),
    ("由于坡度大于25度,安排数十家企业、三大平台和几千人。",
     [("25度", 25, "degree", "at_least", None, False), ("数十家", None, "count", "approx", None, False),
      ("三大", 3, "count", "exact", None, False), ("几千人", None, "count", "approx", None, False)]),
    ("项目总投资5.6 亿元,到2017年底止已完成投资3亿元。",
     [("5.6 亿元", 5.6e8, "CNY", "exact", None, False), ("3亿元", 3e8, "CNY", "exact", None, False)]),
    ("最高可达50万元,按计划完成改造十几家。",
     [("50万元", 5e5, "CNY", "at_most", None, False), ("十几家", None, "count", "approx", None, False)]),
    ("三、下一步打算\n每年招聘教师200名以上,3年内补齐缺编教师。",
     [("200名", 200, "count", "at_least", None, True), ("3年", 3, "year", "at_most", None, True)]),
    ("我局将持续关注卫生事业,全县共有医疗卫生机构312个,床位2150张,达标率仅为85%左右。",
     [("312个", 312, "count", "exact", None, False), ("2150张", 2150, "count", "exact", None, False),
      ("85%", 85, "percent", "approx", None, False)]),
    ("将3家企业纳入上市后备库,办结率达100%,满意度99%以上。",
     [("3家", 3, "count", "exact", None, False), ("100%", 100, "percent", "exact", None, False),
      ("99%", 99, "percent", "at_least", None, False)]),
    # a completion verb inside a plan keeps the plan; a dated completion is a result
    ("计划2022年至2024年投资45亿元,完成农村公路提档升级1000公里,今年1-6月完成投资5亿元。",
     [("45亿元", 4.5e9, "CNY", "exact", "2022/2024", True), ("1000公里", 1e6, "m", "exact", "2022/2024", True),
      ("5亿元", 5e8, "CNY", "exact", "2021-01/2021-06", False)]),
    ("三、下一步打算\n年内实现全县289个行政村管护全覆盖,每个县至少建成1家特困供养机构。",
     [("289个", 289, "count", "exact", "2021", True), ("1家", 1, "count", "at_least", "2021", True)]),
    # 目标 as the yardstick of a result is not a plan
    ("城镇新增就业28.6万人,完成年度目标任务的114.4%,失业率低于全年控制目标0.2个百分点。",
     [("28.6万人", 286000, "count", "exact", None, False), ("114.4%", 114.4, "percent", "exact", None, False),
      ("0.2个百分点", 0.2, "pp", "exact", "2021", False)]),
    # a bound governing a verb of giving or a 的-phrase; 最低工资 is a noun
    ("单个项目最高奖励500万元,比例不低于教师总数的15%,按最低工资标准的80%发放。",
     [("500万元", 5e6, "CNY", "at_most", None, False), ("15%", 15, "percent", "at_least", None, False),
      ("80%", 80, "percent", "exact", None, False)]),
    # the year a comparison is made against is not the period; five-year plans are periods
    ("2020年接待游客4.9亿人次,恢复到2019年的87.1%,是2016年的2.3倍。",
     [("4.9亿人次", 4.9e8, "count", "exact", "2020", False), ("87.1%", 87.1, "percent", "exact", "2020", False),
      ("2.3倍", 2.3, "times", "exact", "2020", False)]),
    ("“十三五”期间,累计完成投资126亿元,新改建农村公路2300余公里。",
     [("126亿元", 1.26e10, "CNY", "exact", "2016/2020", False),
      ("2300余公里", 2.3e6, "m", "at_least", "2016/2020", False)]),
    # a school year (2020学年, 2021学年度) is that year's period, as 2020年 is
    ("2020学年,在园幼儿111人,设有大班2个。",
     [("111人", 111, "count", "exact", "2020", False), ("2个", 2, "count", "exact", "2020", False)]),
    # a time word inside a list item dates that item only; 3年内 is a duration
    ("今年以来,一是2020年交付学校7所;二是增加学位约1500个;三是拟在3年内培育企业20家。",
     [("7所", 7, "count", "exact", "2020", False), ("1500个", 1500, "count", "approx", None, False),
      ("3年", 3, "year", "at_most", None, True), ("20家", 20, "count", "exact", None, True)]),
    # decimals in Chinese numerals, tenths, measure words of wells and ponds, concentrations
    ("占诊疗量的百分之五十二点三,超过三成的企业,清淤山塘186口、机井120眼,PM2.5年均浓度为29微克/立方米。",
     [("百分之五十二点三", 52.3, "percent", "exact", None, False), ("三成", 30, "percent", "at_least", None, False),
      ("186口", 186, "count", "exact", None, False), ("120眼", 120, "count", "exact", None, False),
      ("29微克/立方米", 29, "ug/m3", "exact", None, False)]),
    ("全年发电量3.2亿千瓦时,新增光伏装机50兆瓦、风电装机12万千瓦。",
     [("3.2亿千瓦时", 3.2e8, "kWh", "exact", "2021", False), ("50兆瓦", 5e4, "kW", "exact", "2021", False),
      ("12万千瓦", 1.2e5, "kW", "exact", "2021", False)]),
    # text copied from PDFs has spaces between the qualifier, the number and the unit
    ("亩均投资约 2400 元,超过 3000 家企业受益,坡度大于 15 度,占比提高到 80% 左右,惠及企业近 百家。",
     [("2400 元", 2400, "CNY", "approx", None, False), ("3000 家", 3000, "count", "at_least", None, False),
      ("15 度", 15, "degree", "at_least", None, False), ("80%", 80, "percent", "approx", None, False),
      ("百家", 100, "count", "approx", None, False)]),
    # 确保 and 争取 set targets, but 争取中央资金 reports money obtained
    ("确保年内建成园区32个,争取新增贷款50亿元。2020年累计争取中央资金8.6亿元。",
     [("32个", 32, "count", "exact", "2021", True), ("50亿元", 5e9, "CNY", "exact", "2021", True),
      ("8.6亿元", 8.6e8, "CNY", "exact", "2020", False)]),
    # a span of years with as many figures after 分别 as it has years: one figure per year
    ("2019年至2021年共争取补助资金41.2亿元,分别为9.8亿元、13.5亿元和17.9亿元。",
     [("41.2亿元", 4.12e9, "CNY", "exact", "2019/2021", False), ("9.8亿元", 9.8e8, "CNY", "exact", "2019", False),
      ("13.5亿元", 1.35e9, "CNY", "exact", "2020", False), ("17.9亿元", 1.79e9, "CNY", "exact", "2021", False)]),
    # 全年 after a stated year is that year; a target year-end is its year; not across list items
    ("2019年全年为1426户次企业提供资金89.7亿元。一是力争到2025年底产值突破百亿元;二是确保年内新增25家。",
     [("1426户次", 1426, "count", "exact", "2019", False), ("89.7亿元", 8.97e9, "CNY", "exact", "2019", False),
      ("百亿元", 1e10, "CNY", "at_least", "2025", True), ("25家", 25, "count", "exact", "2021", True)]),
    # more measure words and bounds; 规划面积 and 占…计划…的 set no target
    ("开行1117列,清单1.36亿票,通关压缩至2分钟以内,围绕三类产业,每户最高可申领30万元,最长6个月。",
     [("1117列", 1117, "count", "exact", None, False), ("1.36亿票", 1.36e8, "count", "exact", None, False),
      ("2分钟", 2 / 1440, "day", "at_most", None, False), ("三类", 3, "count", "exact", None, False),
      ("30万元", 3e5, "CNY", "at_most", None, False), ("6个月", 6, "month", "at_most", None, False)]),
    ("完成投资占年度计划投资的54.2%,产业园规划面积约12万亩,辐射8个乡镇。",
     [("54.2%", 54.2, "percent", "exact", None, False), ("12万亩", 1.2e5 * 10000 / 15, "m2", "approx", None, False),
      ("8个", 8, "count", "exact", None, False)]),
    # round four: more verbs of giving after 最高, 约占…的 shares, 及以下, places counted, a target year-end
    ("单个项目最高奖补300万元,约占销售总额的三成,单户1000万元及以下,在咸阳等三市试点,年加工4亿穗。",
     [("300万元", 3e6, "CNY", "at_most", None, False), ("三成", 30, "percent", "approx", None, False),
      ("1000万元", 1e7, "CNY", "at_most", None, False), ("三市", 3, "count", "exact", None, False),
      ("4亿穗", 4e8, "count", "exact", None, False)]),
    ("力争全年新增首贷户不少于2000户,到2025年末贷款余额突破900亿元。",
     [("2000户", 2000, "count", "at_least", "2021", True), ("900亿元", 9e10, "CNY", "at_least", "2025", True)]),
    # round five: 将 as 把 is no plan; 年底前 is this year
    ("按照部署,将全市个体工商户划分为三种类型,将 157 家龙头企业纳入重点支持范围。年底前再推出主题服务30个。",
     [("三种", 3, "count", "exact", None, False), ("157 家", 157, "count", "exact", None, False),
      ("30个", 30, "count", "exact", "2021", False)]),
    # round six: 去年同期 is the same months a year earlier, for its clause; listed years with 分别; 去年全年
    ("1-7月,进出口846.1亿元,去年同期为841.0亿元;其中对东盟312.7亿元。2018年、2019年分别入库712家、1244家。",
     [("846.1亿元", 8.461e10, "CNY", "exact", "2021-01/2021-07", False),
      ("841.0亿元", 8.41e10, "CNY", "exact", "2020-01/2020-07", False),
      ("312.7亿元", 3.127e10, "CNY", "exact", "2021-01/2021-07", False),
      ("712家", 712, "count", "exact", "2018", False), ("1244家", 1244, "count", "exact", "2019", False)]),
    ("去年全年新增贷款9.6亿元,最高额度提高至30万元,明确到2023年底建成厂房100万平方米的目标。",
     [("9.6亿元", 9.6e8, "CNY", "exact", "2020", False), ("30万元", 3e5, "CNY", "at_most", "2020", False),
      ("100万平方米", 1e6, "m2", "exact", "2023", True)]),
    ("三、存在的困难和下一步打算\n当前,规模以上的仅占6.2%。下一步,我局将重点做好以下工作:新增园区3个。",
     [("6.2%", 6.2, "percent", "exact", None, False), ("3个", 3, "count", "exact", None, True)]),
    ("2020年,省财政将节水灌溉的比例提高到40%,整合资金4.6亿元。2022年,我局将新增园区5个。",
     [("40%", 40, "percent", "exact", "2020", False), ("4.6亿元", 4.6e8, "CNY", "exact", "2020", False),
      ("5个", 5, "count", "exact", "2022", True)]),
    # real replies (tests/real/dev): a span to a half year; plans issued are no plan; 年内 with a verb, a deadline
    # past the reply's year and the design figures of works that await their start are plans
    ("2019-2021年上半年,我县共争取下达项目计划114个,计划里程317.56公里。",
     [("114个", 114, "count", "exact", "2019-01/2021-06", False),
      ("317.56公里", 317560, "m", "exact", "2019-01/2021-06", True)]),
    ("年内投资2235万元,铺设输水管道28公里。",
     [("2235万元", 2.235e7, "CNY", "exact", "2021", True), ("28公里", 28000, "m", "exact", "2021", True)]),
    ("到2023年,全市新建公园30个。", [("30个", 30, "count", "exact", "2023", True)]),
    ("景康水库为新建水库,总库容248.7万立方米,工程总投资1.74亿元,待项目用地获批后开工建设。",
     [("248.7万立方米", 2.487e6, "m3", "exact", None, True), ("1.74亿元", 1.74e8, "CNY", "exact", None, True)]),
    ("近期进行3座水库除险加固。", [("3座", 3, "count", "exact", None, True)]),
    ("实施渝创渝新创业促进计划,发放创业担保贷款2444.1万元。", [("2444.1万元", 2.4441e7, "CNY", "exact", None, False)]),
    ("扩大承贷金融机构范围,从2020年的3家银行增加到6家。",
     [("3家", 3, "count", "exact", "2020", False), ("6家", 6, "count", "exact", None, False)]),
    ("2021年完成78个村的建设任务;2022年基本完成144个村的建设任务。",
     [("78个", 78, "count", "exact", "2021", True), ("144个", 144, "count", "exact", "2022", True)]),
    ("供水工程计划分两期完成。其中一期线路长33.5公里,投资约4亿元。",
     [("33.5公里", 33500, "m", "exact", None, True), ("4亿元", 4e8, "CNY", "approx", None, True)]),
]  # fmt: skip

NEGATIVES = [
    "根据《关于印发企业减负降本政策(2019年第一批)的通知》(浙政办发〔2019〕25号)等文件精神。",
    "您在市政协十一届四次会议期间提出的第170号提案收悉,市十五届人大二次会议。",
    "开展“三服务”活动,推出“惠企二十条”,实行7×24小时服务,构建1+N政策体系。",
    "排名全省第 3 位,位列第二十条规定,入选第一批名单,2018-2020年。",
    "一企一策、一镇一园、三严三实、两学一做、六稳六保、十四五、一站式、一条龙、一系列、进一步、十分重要。",
    "获得“中国十大魅力茶乡”,百年老字号,五强溪镇,319国道,G60科创走廊,5G基站,3A级景区,8718平台。",
    "联系电话0574-63988718,热线12345,7月24日召开会议,2020年8月31日,4月份以来。",
    "一二三产业融合,千家万户,万众创新,近几年来,几点建议,零距离,双休日,一篮子政策。",
    "全市60周岁以上老年人,80周岁以上高龄老人,一点一滴,三点一线。",
    "开通24小时就业服务热线,打造15分钟生活圈,提供24小时在线服务。",
    "严守三区三线。",
    "近三年,梨树镇、十家堡镇、八家铺村。三年来,五年以来。",
]


# Labels: the measure's key noun, read as a chart title (tests/real/dev showed each of these)
LABELS = [
    ("专项资金由800万元增加到1500万元。", [("800万元", "专项资金"), ("1500万元", "专项资金")]),
    ("低保标准调整为每人每月680元。", [("680元", "低保标准")]),
    ("全市农(牧)场12个,其中小(2)型水库30座。", [("12个", "全市农(牧)场"), ("30座", "小(2)型水库")]),
    ("建成14个国家级、20个省级、35个市级现代农业产业园。",
     [("14个", "建成国家级现代农业产业园"), ("20个", "省级现代农业产业园"), ("35个", "市级现代农业产业园")]),
    ("近期对坝湾、田心、那摩3座小(2)型水库除险加固。", [("3座", "小(2)型水库除险加固")]),
    ("覆盖全县20个村委会4.27万亩高标准农田。", [("20个", "覆盖全县村委会"), ("4.27万亩", "高标准农田")]),
    ("维修改造项目校(园)100余所。", [("100余所", "维修改造项目校(园)")]),
    ("目前全县仍有752个村小组未通硬化路。", [("752个", "全县村小组未通硬化路")]),
    ("项目实施后可解决4乡镇5986人饮水问题。", [("4乡", "项目实施后可解决乡镇"), ("5986人", "饮水问题")]),
    ("占永久基本农田面积的84.4%。", [("84.4%", "占永久基本农田面积")]),
    ("在2021年对9个行政村实施改造。", [("9个", "对行政村实施改造")]),
    ("全国要建成10亿亩高标准农田。", [("10亿亩", "全国要建成高标准农田")]),
    ("从2020年的3家银行增加到6家。", [("3家", "银行"), ("6家", "银行")]),
    ("物业服务覆盖率由改造前的46%提高至83%,补助比例可提高到40%。",
     [("46%", "物业服务覆盖率"), ("83%", "物业服务覆盖率"), ("40%", "补助比例")]),
    ("按每人每月500元标准给予补贴,出口增长4.1%,低于全年控制目标0.2个百分点。",
     [("500元", "按每人每月标准"), ("4.1%", "出口增长"), ("0.2个百分点", "低于控制目标")]),
]  # fmt: skip


# round two (tests/real/fresh as dev): expected results, targets with 要, projects sought, labels
CASES += [
    ("项目建成后,可新增学位3780个。", [("3780个", 3780, "count", "exact", None, True)]),
    ("工程实施后可解决12000人饮水问题。", [("12000人", 12000, "count", "exact", None, True)]),
    ("全国要建成10亿亩高标准农田。", [("10亿亩", 1e9 * 10000 / 15, "m2", "exact", None, True)]),
    ("争取我县2万亩高标准农田建设项目落地。", [("2万亩", 2e4 * 10000 / 15, "m2", "exact", None, True)]),
]  # fmt: skip


LABELS += [
    ("全区2020年第一次进行高标准农田建设,共实施建设3100亩。", [("3100亩", "实施建设高标准农田")]),
    ("争取我区1.4万亩高标准农田建设项目落地,市局多次沟通对接。", [("1.4万亩", "高标准农田建设项目")]),
    ("我局实施了(通达南街-福州南街)段约705米道路工程。", [("705米", "道路工程")]),
    ("道路按照规划25米宽度建设。", [("25米", "道路宽度")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), LABELS, ids=[f"label{i}" for i in range(len(LABELS))])
def test_label(sentence, expected):
    figures = figures_of(sentence)
    assert list(zip(figures["text"], figures["label"], strict=True)) == expected


def figures_of(sentence: str):
    return load_text(HEAD + sentence + FOOT, "case.txt").figures


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_sentence(sentence, expected):
    figures = figures_of(sentence)
    plain = figures.astype(object).where(figures.notna(), None)
    columns = ["text", "base_value", "base_unit", "qualifier", "period", "is_planned"]
    got = [tuple(row) for row in plain[columns].itertuples(index=False)]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for actual, wanted in zip(got, expected, strict=True):
        assert actual[1] == pytest.approx(wanted[1]) if wanted[1] is not None else actual[1] is None, actual
        assert actual[2:] == wanted[2:], actual


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[f"negative{i}" for i in range(len(NEGATIVES))])
def test_not_figures(sentence):
    assert figures_of(sentence)["text"].tolist() == []
