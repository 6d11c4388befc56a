"""The reply's identity on published pages — title, replying body, proposal number — read past page furniture:
breadcrumbs, counters, repeated titles, labelled table cells, signatures with a broken or missing date.
Each case is one header or one foot in the shape real sites print it (tests/real, tests/real_domains)."""

from __future__ import annotations

from loaders.fold import fold
from loaders.metadata import parse_metadata
from tests.real_metadata import gold_rows, score

BODY = "李某代表:\n您提出的《关于测试的建议》收悉,现答复如下:\n共建成园区15个。\n"


def meta_of(head: str, foot: str = "") -> dict:
    text = head + "\n" + BODY + foot
    return parse_metadata(text, fold(text))[0]


def test_breadcrumb_before_the_title_is_dropped():
    meta = meta_of(
        "您当前的位置: 首页 >> 部门目录 >> 楚雄市水务局 >> 正文\n楚雄市水务局关于对市九届人大四次会议第41号建议的答复"
    )
    assert meta["title"] == "楚雄市水务局关于对市九届人大四次会议第41号建议的答复"
    meta = meta_of(
        "当前位置:首页 人大建议 > 旺苍县农业农村局关于旺苍县第十九届人民代表大会第四次会议第14号建议回复的函"
    )
    assert meta["title"] == "旺苍县农业农村局关于旺苍县第十九届人民代表大会第四次会议第14号建议回复的函"


def test_counters_and_buttons_after_the_title_are_dropped():
    meta = meta_of("镇康县水务局关于第0076号建议的答复函\n浏览:1851次 字体:【")
    assert meta["title"] == "镇康县水务局关于第0076号建议的答复函"
    meta = meta_of("镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函\n签发人:龙英")
    assert meta["title"] == "镇坪县文化和旅游广电局关于县政协九届六次会议第86号提案办理情况的复函"
    meta = meta_of("关于对隆阳区人大第六届二次会议第101号建议的答复\n- 公开目录\n- 人大建议办理结果")
    assert meta["title"] == "关于对隆阳区人大第六届二次会议第101号建议的答复"


def test_a_title_printed_three_times_is_read_once():
    head = (
        "重庆市文化和旅游发展委员会关于市五届人大四次会议第0072号建议办理情况的答复函\n"
        "发布时间:2021-08-04 11:29\n字号: [小] [大] 【打印正文】\n"
        "重庆市文化和旅游发展委员会\n关于市五届人大四次会议第0072号建议办理情况的答复函"
    )
    assert (
        meta_of(head)["title"]
        == "重庆市文化和旅游发展委员会关于市五届人大四次会议第0072号建议办理情况的答复函"
    )


def test_a_title_broken_under_its_body_name():
    meta = meta_of(
        "高平市卫生健康和体育局\n关于对市七届人大五次会议第71号建议的\n答 复\n高卫体发〔2023〕148号"
    )
    assert meta["title"] == "高平市卫生健康和体育局关于对市七届人大五次会议第71号建议的答复"
    assert meta["replying_body"] == "高平市卫生健康和体育局"
    meta = meta_of("旺苍县文化旅游和体育局\n关于对县政协第十届第四次会议第32号\n提案答复的函")
    assert (meta["title"], meta["proposal_number"]) == (
        "旺苍县文化旅游和体育局关于对县政协第十届第四次会议第32号提案答复的函",
        "32",
    )


def test_labelled_title_in_table_cells():
    meta = meta_of(
        "索 引 号: | 000014349/2022-4099750 | 是否有效: | |\n发布机构: | 发文日期: | ||\n"
        "名 称: | 德教议复字〔2022〕25号——德江县教育局关于县第十八届人大一次会议第46号建议的答复 | ||"
    )
    assert meta["title"] == "德江县教育局关于县第十八届人大一次会议第46号建议的答复"
    assert (meta["replying_body"], meta["proposal_number"]) == ("德江县教育局", "46")


def test_labels_without_colons():
    meta = meta_of("标题 对宁陕县第十九届人大二次会议 第247号建议的复函\n编号 247 办理部门 农水局 处理状态")
    assert meta["title"] == "对宁陕县第十九届人大二次会议第247号建议的复函"
    assert (meta["replying_body"], meta["proposal_number"]) == ("农水局", "247")


def test_a_label_above_its_value():
    meta = meta_of(
        "关于对隆阳区人大第六届二次会议第101号建议的答复\n- 发文机构\n- 隆阳区水务局\n- 日期\n- 2023-08-08"
    )
    assert meta["replying_body"] == "隆阳区水务局"
    assert str(meta["published_date"].date()) == "2023-08-08"


def test_proposal_title_label_when_the_page_has_no_reply_title():
    meta = meta_of("建议内容:\n题目:关于加快建设南水北调登封供水工程 保障居民用水的建议\n答复内容:")
    assert meta["title"] == "关于加快建设南水北调登封供水工程 保障居民用水的建议"


def test_signature_with_a_broken_date():
    meta = meta_of("关于第30号代表建议的答复", "感谢您的关心。\n 周村区交通运输局\n2025 915\n")
    assert (meta["replying_body"], str(meta["signed_date"].date())) == ("周村区交通运输局", "2025-09-15")
    meta = meta_of("关于第42号建议答复的函", "感谢您。\n连南瑶族自治县教育局\n                 2021830\n")
    assert (meta["replying_body"], str(meta["signed_date"].date())) == ("连南瑶族自治县教育局", "2021-08-30")
    meta = meta_of("关于第86号提案办理情况的复函", "特此函告。\n   镇坪县文化和旅游广电局\n20211026\n")
    assert (meta["replying_body"], str(meta["signed_date"].date())) == (
        "镇坪县文化和旅游广电局",
        "2021-10-26",
    )


def test_signature_above_page_furniture_or_without_a_date():
    foot = "武定县水务局\n2020年9月27日\n上一条:武定县水务局关于第9号提案的答复 |\n下一条:某局对第156号提案的答复 |\n"
    assert meta_of("对第5号提案的答复", foot)["replying_body"] == "武定县水务局"
    assert (
        meta_of("对第55号提案的答复", "感谢你们的支持!\n南华县交通运输局\n")["replying_body"]
        == "南华县交通运输局"
    )


def test_alphanumeric_and_title_proposal_numbers():
    assert (
        meta_of("某委关于区十九届人大第六次会议第DH0271号建议办理情况的复函")["proposal_number"] == "DH0271"
    )
    assert meta_of("对云南省第十二届人大第五次会议第 JY100012050700号建议的答复")["proposal_number"] == (
        "JY100012050700"
    )
    assert (
        meta_of("2023年对区政协十届二次会议《关于测试的建议》(100号提案)的答复")["proposal_number"] == "100"
    )
    text = "区十八届人大二次会议建议:第009号--关于测试的建议的答复\n李影代表:\n您提出的《关于测试的建议》:第2019009号已收悉"
    assert parse_metadata(text, fold(text))[0]["proposal_number"] == "009"  # the title's, not the opening's


def test_addressee_without_a_colon_and_a_body_line_that_is_not_one():
    text = "巫溪县人力资源和社会保障局关于县政协十一届二次会议第95号提案的复函\n日期:2023-07-06\n向胜飞委员\n您提出的建议收悉。"
    meta = parse_metadata(text, fold(text))[0]
    assert (meta["addressee"], meta["replying_body"]) == ("向胜飞委员", "巫溪县人力资源和社会保障局")
    text = "某委员会关于第72号建议的答复函\n重庆市文化和旅游发展委员会\n卫中华代表:\n您提出的建议收悉。"
    assert parse_metadata(text, fold(text))[0]["addressee"] == "卫中华代表"


def test_body_in_full_and_body_in_brackets():
    meta = meta_of(
        "连南瑶族自治县教育局关于县十五届人大六次会议第42号建议答复的函\n时间: 来源:县教育局 访问量:-"
    )
    assert meta["replying_body"] == "连南瑶族自治县教育局"  # not the publisher's short form
    meta = meta_of("对县十六届人大一次会议第3号建议的答复(水利局)\n发布日期:2012-06-18 来源:人大办公室")
    assert (meta["title"], meta["replying_body"]) == ("对县十六届人大一次会议第3号建议的答复", "水利局")


def test_the_quote_that_names_the_proposal():
    text = "杨世国代表:\n您提出的“关于加大乡村旅游开发(以雪山为例)的建议”,已交我局办理。\n我局已编制《龙陵县乡村旅游扶贫规划》。"
    assert parse_metadata(text, fold(text))[0]["proposal_title"] == "关于加大乡村旅游开发(以雪山为例)的建议"


def test_real_replies_metadata_floors():
    """Hand-made gold of 70 published replies (tests/real/metadata_gold.csv); see tests/real_metadata.py."""
    assert all(None not in row and len(row) == 5 for row in gold_rows())  # a comma inside a field is quoted
    rules, _ = score("rules")
    assert rules["title"] >= 0.97 and rules["replying_body"] >= 0.95 and rules["proposal_number"] >= 0.97
    heldout, _ = score("heldout")
    assert heldout["title"] >= 0.9 and heldout["replying_body"] >= 0.9 and heldout["proposal_number"] >= 0.95
    unseen, _ = score("unseen")
    assert unseen["title"] >= 0.97 and unseen["replying_body"] >= 0.95 and unseen["proposal_number"] >= 0.97


def test_session_is_not_read_from_links_to_other_replies():
    foot = "武定县水务局\n2020年9月27日\n上一条:武定县水务局关于对武定县第九届政协第四次会议第9号提案的答复\n"
    assert "session" not in meta_of("", foot)


def test_links_to_other_replies_name_no_number_of_this_one():
    text = (
        "县政协社会和法制委员会:\n您提出的“关于将西安闸改扩建为小(二)型水库的提案”的提案交由我局办理,现答复如下:\n"
        "我局将积极努力。\n上一条:某县水务局关于答复政协某县第十届委员会一次会议第2号提案的函\n【关闭】"
    )
    meta, _, body_end = parse_metadata(text, fold(text))
    assert "proposal_number" not in meta and text[body_end:].startswith("上一条")


def test_a_page_title_that_repeats_the_proposal_in_brackets():
    meta = meta_of(
        "对区十九届人大四次会议第30号代表建议的答复(关于优化公交布局,畅通学子求知路的建议)\n区十九届人大四次会议"
    )
    assert meta["title"] == "对区十九届人大四次会议第30号代表建议的答复"


def test_a_form_heading_gives_way_to_the_proposal_it_names():
    meta = meta_of(
        "某市政协五届二次会议提案办理回复单\n提案名称:关于进一步提高公办幼儿园学位比例的建议\n主要承办单位:某市教育局"
    )
    assert (meta["title"], meta["replying_body"]) == ("关于进一步提高公办幼儿园学位比例的建议", "某市教育局")


def test_a_date_in_words_with_a_circle_for_zero():
    meta = meta_of(
        "宁陕县交通局\n对县十六届人大六次会议第29号建议的复函", "敬请您的谅解。\n二○一一年五月二十日\n"
    )
    assert str(meta["signed_date"].date()) == "2011-05-20"
    assert meta["title"] == "宁陕县交通局对县十六届人大六次会议第29号建议的复函"


def test_a_letter_to_the_main_handler_is_addressed_to_a_body():
    text = "某局关于区政协三届一次会议第033号提案协办意见的函\n达川经信函〔2021〕153号\n区乡村振兴局:\n现将协办意见函告如下:"
    meta = parse_metadata(text, fold(text))[0]
    assert (meta["addressee"], meta["title"]) == (
        "区乡村振兴局",
        "某局关于区政协三届一次会议第033号提案协办意见的函",
    )
    text = "某局关于第05030103号提案的答复\n市政协人口资源环境委员会第二学习小组:\n你们提出的提案收悉。"
    assert parse_metadata(text, fold(text))[0]["addressee"] == "市政协人口资源环境委员会第二学习小组"


def test_a_body_named_after_the_date_with_its_contact():
    meta = meta_of(
        "对第112号提案的答复", "以上答复。\n2022726\n舞钢市教育体育局  联系电话:3303606 联系人:刘熠\n"
    )
    assert meta["replying_body"] == "舞钢市教育体育局"


def test_a_title_broken_after_its_session():
    meta = meta_of("秦安县发展和改革局对县政协第十四届委员会第二次会议\n第35号提案的答复")
    assert meta["title"] == "秦安县发展和改革局对县政协第十四届委员会第二次会议第35号提案的答复"


def test_the_tail_of_a_cut_doc_number_and_a_heading_around_the_title():
    meta = meta_of(
        "34号 对岳阳市第九届人民代表大会第四次会议第297号建议的答复\n岳卫提字〔2024〕34号 A1类 同意公开"
    )
    assert meta["title"] == "对岳阳市第九届人民代表大会第四次会议第297号建议的答复"
    meta = meta_of(
        "南港镇2023年人大代表建议办理答复(舒城县水利局关于县十八届人大二次会议第14号代表建议办理的函)"
    )
    assert (meta["title"], meta["replying_body"]) == (
        "舒城县水利局关于县十八届人大二次会议第14号代表建议办理的函",
        "舒城县水利局",
    )


def test_the_body_the_proposal_was_given_to():
    text = "王某等委员:\n你们提出的《关于测试的提案》县政府已交由县农业农村局办理,经认真研究,现答复如下:\n共15个。"
    assert parse_metadata(text, fold(text))[0]["replying_body"] == "县农业农村局"
    text = "王某委员:\n您提出的“关于测试的提案”的提案交由我局办理,现答复如下:\n共15个。"
    assert parse_metadata(text, fold(text))[0]["replying_body"] is None


def test_the_kind_of_proposal_from_who_wrote_it():
    text = (
        "陈清丽代表:\n您提出的《关于调整和增加一条公交线路的意见》(第20240076号)收悉。经研究办理,现答复如下。"
    )
    meta = parse_metadata(text, fold(text))[0]
    assert (meta["proposal_number"], meta["proposal_kind"]) == ("20240076", "建议")
    text = "刘林波委员:\n你提出的《关于安装饮水净化过滤设备的意见》,已交我们研究办理,现答复如下:"
    assert parse_metadata(text, fold(text))[0]["proposal_kind"] == "提案"
    text = "对市政协十二届二次会议第415号提案的答复\n周某等16位委员:\n你们提出的关于“关于提高油茶产业效益的建议”的 提案收悉。"
    assert parse_metadata(text, fold(text))[0]["proposal_kind"] == "提案"  # the title's word, not the quote's
