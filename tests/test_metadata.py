"""Reply metadata in the shapes sites publish: key：value headers, 文号 with a class, polite addressees,
titles broken over lines, signatures dated in words; full-width punctuation throughout."""

from __future__ import annotations

from loaders import load_text
from tests.corpus import CORPUS

KEY_VALUE_REPLY = """索引号：001008003004/2021-00123　　　发布机构：杭州市经济和信息化局
公开方式：主动公开　　　组配分类：人大代表建议
成文日期：2021-07-15　　发布日期：2021-07-20

关于市十四届人大五次会议第125号建议的答复
杭经信建〔2021〕45号　　　　　答复类别：B类

尊敬的王某某代表：
　　您在市十四届人大五次会议上提出的《关于加快数字经济发展的建议》（第125号）收悉。现答复如下：
　　一、主要工作成效
　　（一）数字经济规模持续扩大。2020年，全市数字经济核心产业实现增加值4290亿元，同比增长13.3%。
　　1．实施“凤凰行动”。累计培育专精特新“小巨人”企业36家。
　　（1）推动企业上云。全年新增上云企业1.2万家。
　　二、下一步工作
　　下一步，我局将力争到2025年，全市数字经济核心产业增加值突破7000亿元。

杭州市经济和信息化局
二〇二一年七月十五日
（联系人：张某，联系电话：0571-85256789）
"""


def test_key_value_header():
    tables = load_text(KEY_VALUE_REPLY, "hz.txt")
    doc = tables.documents.iloc[0]
    assert doc["title"] == "关于市十四届人大五次会议第125号建议的答复"
    assert doc["doc_number"] == "杭经信建〔2021〕45号"
    assert doc["reply_class"] == "B"
    assert doc["addressee"] == "王某某代表"
    assert doc["index_number"] == "001008003004/2021-00123"
    assert doc["category"] == "人大代表建议"
    assert (doc["proposal_title"], doc["proposal_number"], doc["proposal_kind"]) == (
        "关于加快数字经济发展的建议",
        "125",
        "建议",
    )
    assert doc["session"] == "十四届人大五次会议"
    assert doc["replying_body"] == "杭州市经济和信息化局"
    assert str(doc["signed_date"].date()) == "2021-07-15"
    assert str(doc["published_date"].date()) == "2021-07-20"
    sections = tables.sections
    assert sections["number"].tolist() == ["一、", "（一）", "1．", "（1）", "二、"]
    assert sections["level"].tolist() == [1, 2, 3, 4, 1]


def test_figures_of_the_key_value_reply():
    figures = load_text(KEY_VALUE_REPLY, "hz.txt").figures.set_index("text")
    assert figures.loc["36家", "label"].endswith("“小巨人”企业")
    assert figures.loc["7000亿元", ["qualifier", "period"]].tolist() == ["at_least", "2025"]
    assert bool(figures.loc["7000亿元", "is_planned"])
    assert figures.loc["1.2万家", "section_id"] == "1.1.1.1"
    assert "0571" not in "".join(figures.index)


def test_dev_replies_metadata():
    dev = CORPUS / "dev"
    if not dev.exists():
        return
    docs = {
        p.name[:2]: load_text(p.read_text(encoding="utf-8"), p.name).documents.iloc[0]
        for p in dev.glob("*.txt")
    }
    assert docs["11"]["title"] == "对石家庄市第十四届人民代表大会第六次会议第135号建议的答复"
    assert docs["11"]["doc_number"] == "石科建议字〔2021〕第6号"
    assert docs["11"]["reply_class"] == "A"
    assert docs["03"]["addressee"] == "邓壮河、彭永怀代表"
    assert docs["05"]["proposal_title"] == "关于将广东省生猪优势产区现代农业产业园项目交由肇庆市承建的建议"
    assert docs["06"]["year"] == 2025  # the signature's year, not the page's publication date
    assert docs["09"]["year"] == 2023  # no date at all: the latest month the reply names


def test_addressee_on_the_opening_line():
    text = "关于第12号提案的答复\n杨文艳委员:您提出的《关于测试的建议》(第12号提案)收悉,现答复如下:共建成园区15个。\n某局\n2020年8月31日"
    tables = load_text(text, "inline.txt")
    doc = tables.documents.iloc[0]
    assert (doc["addressee"], doc["proposal_title"], doc["proposal_number"]) == (
        "杨文艳委员",
        "关于测试的建议",
        "12",
    )
    assert tables.figures["text"].tolist() == ["15个"]
