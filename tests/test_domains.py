"""The domain of a reply, one rule of the genre per test: a publisher's classification line wins, a body's
name says its domain, then the proposal's title, then the figures' words; never blank."""

from __future__ import annotations

import pytest

from loaders import load_text
from loaders.domains import detect_domain
from loaders.themes import assign_theme


def domain_of(text: str) -> tuple[str, str]:
    document = load_text(text, "reply.txt").documents.iloc[0]
    return document["domain"], document["domain_source"]


@pytest.mark.parametrize(
    ("body", "domain"),
    [
        ("某县教育局", "科技、教育"),
        ("某县交通运输局", "工业、交通"),
        ("某市水务局", "农业、林业、水利"),
        ("某县水利局", "农业、林业、水利"),
        ("某市卫生健康委员会", "卫生、体育"),
        ("某县人力资源和社会保障局", "劳动、人事、监察"),
        ("某市经济和信息化局", "工业、交通"),
        ("某县农业农村局", "农业、林业、水利"),
        ("某区民政局", "民政、扶贫、救灾"),
        ("某市生态环境局", "城乡建设、环境保护"),
    ],
)
def test_the_signing_body_names_the_domain(body, domain):
    text = f"张三代表:\n您提出的《关于做好有关工作的建议》收悉,现答复如下:\n我们将认真研究。\n{body}\n2023年6月1日\n"
    assert domain_of(text) == (domain, "body")


def test_the_publishers_classification_line_wins_over_the_body():
    text = "主题分类: 农业、林业、水利/水利\n张三代表:\n您提出的建议收悉,现答复如下:\n新建学校3所。\n某县教育局\n2023年6月1日\n"
    assert domain_of(text) == ("农业、林业、水利", "publisher")


def test_a_classification_line_that_names_no_class_is_no_evidence():
    text = "组配分类: 人大代表建议\n张三代表:\n您提出的建议收悉,现答复如下:\n我们将认真研究。\n某县教育局\n2023年6月1日\n"
    assert domain_of(text) == ("科技、教育", "body")


def test_a_body_naming_two_domains_is_settled_by_the_title():
    text = "张三代表:\n您提出的《关于发展乡村旅游的建议》收悉,现答复如下:\n我们将认真研究。\n某县文化和旅游局\n2023年6月1日\n"
    assert domain_of(text) == ("商贸、海关、旅游", "body")


def test_without_a_body_the_proposal_title_decides():
    text = (
        "张三代表:\n您提出的《关于加快农村公路建设的建议》收悉,现答复如下:\n我们将认真研究。\n2023年6月1日\n"
    )
    assert domain_of(text) == ("工业、交通", "title")


def test_in_a_title_the_later_word_settles_a_tie():
    meta = {"proposal_title": "关于整治向河道投放垃圾的建议"}
    assert detect_domain(meta, "", [])[0] == "城乡建设、环境保护"


def test_without_body_or_title_the_figures_words_decide():
    text = "张三代表:\n您的来信收悉,现答复如下:\n全县现有卫生院12所、村卫生室150个。\n2023年6月1日\n"
    assert domain_of(text) == ("卫生、体育", "text")


def test_nothing_to_go_on_gives_other_never_blank():
    assert detect_domain({}, "", [], "") == ("其他", "", "text")


def test_a_school_figure_gets_a_school_theme_and_a_fund_the_general_one():
    assert assign_theme("新建幼儿园", "", "", "科技、教育", "教育") == "学位与学校"
    assert assign_theme("道路硬化", "", "", "工业、交通", "交通") == "道路建设"
    assert assign_theme("安排", "", "", "国防", "") == "其他"  # no theme of its own fits: the general set's


def test_a_fiscal_transfer_is_funding_even_under_a_sports_heading():
    # 转移支付…体彩公益金248万元 under 全民健身场地设施建设: money, like the 投入…公益金 beside it
    heading = "落实群众身边全民健身场地设施建设"
    assert assign_theme("转移支付后溪镇体彩公益金", heading, "", "卫生、体育", "体育") == "资金投入"
    assert assign_theme("篮球场", heading, "", "卫生、体育", "体育") == "体育设施与活动"


def test_a_figure_is_never_filed_under_another_domains_theme():
    # 园区 is an enterprise keyword; a water reply's figure with it goes to the water or general themes
    assert assign_theme("园区供水管网", "", "", "农业、林业、水利", "水利") == "供水"
    assert assign_theme("产业园区", "", "", "卫生、体育", "卫生") == "其他"


@pytest.mark.parametrize(("line", "klass"), [("类别:C", "C"), ("C", "C"), ("A类", "A"), ("(B类)", "B")])
def test_a_header_line_stating_the_reply_class_is_read(line, klass):
    text = (
        f"{line}\n张三代表:\n您提出的建议收悉,现答复如下:\n我们将认真研究。\n某县交通运输局\n2023年6月1日\n"
    )
    assert load_text(text, "reply.txt").documents.iloc[0]["reply_class"] == klass


def test_a_category_that_is_no_class_is_not_a_reply_class():
    text = "类别:政策解读\n张三代表:\n您提出的建议收悉,现答复如下:\n我们将认真研究。\n某县交通运输局\n2023年6月1日\n"
    assert load_text(text, "reply.txt").documents["reply_class"].isna().all()


def test_the_cli_prints_each_figures_domain(capsys):
    from loaders.__main__ import main

    assert main(["tests/real_domains/06_taishun_xushui.txt", "--format", "csv"]) == 0
    header, first = capsys.readouterr().out.splitlines()[:2]
    assert "domain" in header.split(",") and "domain_source" in header.split(",")
    assert "农业、林业、水利" in first and "publisher" in first


def test_a_county_government_office_is_no_civil_affairs_body():
    # 人民政府办公室 holds the characters 民政 (civil affairs); the reply is about waste
    text = (
        "张三委员:\n您提出的《关于加强农村垃圾治理的提案》收悉,现答复如下:\n全县建成垃圾中转站12座。\n"
        "某县人民政府办公室\n2023年6月1日\n"
    )
    assert domain_of(text)[0] == "城乡建设、环境保护"


def test_a_reply_on_cemeteries_is_civil_affairs():
    text = "张三代表:\n您提出的《关于加强乡村公墓管理的建议》收悉,现答复如下:\n全州建成公益性公墓103个。\n2023年6月1日\n"
    assert domain_of(text) == ("民政、扶贫、救灾", "title")
