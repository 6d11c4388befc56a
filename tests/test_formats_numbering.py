"""Word's automatic list numbering: headings numbered by Word (no digits in the text) read as typed ones.

The seed is rebuilt as a .docx whose 一、 and (一) are Word list levels; its text, sections and the section of
every figure must be those of the plain seed. Then each counter format, restarts, styles, and broken
numbering definitions, on small documents built here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import load_bytes
from loaders.formats.docx_numbering import chinese_counting, format_counter
from loaders.numbers import parse_chinese
from loaders.read import LoadError, read_bytes
from tests.reply_files import (
    full_width,
    lvl,
    make_numbered_docx,
    numbering_xml,
    seed_as_word_list,
    seed_numbering,
    seed_text,
)


def lines_of(data: bytes) -> list[str]:
    return read_bytes(data, "reply.docx").text.rstrip("\n").split("\n")


@pytest.mark.parametrize("punctuation", ["half-width", "full-width"])
def test_seed_with_word_numbered_headings_reads_as_the_plain_seed(punctuation):
    text = seed_text() if punctuation == "half-width" else full_width(seed_text())
    items = seed_as_word_list(text)
    assert sum(level is not None for _, level in items) == 19  # 5 一、 headings and 14 (一) headings
    assert not any(
        t.startswith(("一、", "(一)", "（一）")) for t, _ in items
    )  # the digits are not in the text
    data = make_numbered_docx(items, seed_numbering(full_width_parens=punctuation == "full-width"))
    assert read_bytes(data, "reply.docx").text.rstrip("\n") == text

    plain, word = load_bytes(text.encode("utf-8"), "reply.txt"), load_bytes(data, "reply.docx")
    columns = ["section_id", "number", "heading", "level", "start", "end"]
    pd.testing.assert_frame_equal(plain.sections[columns], word.sections[columns])
    assert len(plain.sections) >= 19
    keys = ["text", "start", "section_id", "section", "base_value"]
    pd.testing.assert_frame_equal(plain.figures[keys], word.figures[keys])
    assert set(word.figures["section_id"]) >= {"1.1", "2.1", "3.2", "5.1"}


def one_level(fmt: str, text: str, start: int = 1) -> str:
    return numbering_xml({"0": lvl(0, fmt, text, start)}, {"1": "0"})


@pytest.mark.parametrize(
    ("fmt", "lvl_text", "start", "labels"),
    [
        ("chineseCounting", "%1、", 1, ["一、", "二、", "三、"]),
        ("chineseCounting", "%1、", 9, ["九、", "十、", "十一、"]),
        ("chineseCountingThousand", "（%1）", 19, ["（十九）", "（二十）", "（二十一）"]),
        ("chineseLegalSimplified", "%1、", 1, ["壹、", "贰、", "叁、"]),
        ("ideographTraditional", "%1、", 1, ["甲、", "乙、", "丙、"]),
        ("ideographZodiac", "%1.", 11, ["戌.", "亥.", "13."]),  # past the series: Arabic digits
        ("decimal", "%1.", 1, ["1.", "2.", "3."]),
        ("decimal", "(%1)", 9, ["(9)", "(10)", "(11)"]),
        ("decimalZero", "%1", 9, ["09 ", "10 ", "11 "]),  # a bare counter keeps a space before the text
        ("decimalEnclosedCircle", "%1", 1, ["①", "②", "③"]),
        ("decimalEnclosedParen", "%1", 1, ["⑴", "⑵", "⑶"]),
        ("decimalFullWidth", "%1．", 1, ["１．", "２．", "３．"]),
        ("lowerLetter", "%1)", 25, ["y)", "z)", "aa)"]),
        ("upperRoman", "%1.", 3, ["III.", "IV.", "V."]),
        ("bullet", "●", 1, ["", "", ""]),  # a bullet is no number
        ("ordinalText", "第%1条", 1, ["第1条", "第2条", "第3条"]),  # unknown formats: Arabic digits
    ],
)
def test_counter_formats(fmt, lvl_text, start, labels):
    data = make_numbered_docx([("工作", 0)] * 3, one_level(fmt, lvl_text, start))
    assert lines_of(data) == [label + "工作" for label in labels]


def test_lower_levels_restart_when_a_higher_one_advances():
    levels = (
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCounting", "（%2）")
        + lvl(2, "decimal", "%3.")
        + lvl(3, "chineseCounting", "%1.%2.%3.%4", extra="<w:isLgl/>")  # legal: every counter in digits
        + lvl(4, "decimal", "(%5)", extra='<w:lvlRestart w:val="1"/>')  # restarts under a new 一、 only
    )
    items = [
        ("甲", 0),
        ("乙", 1),
        ("丙", 2),
        ("丁", 2),
        ("戊", 4),
        ("己", 1),
        ("庚", 2),
        ("辛", 3),
        ("壬", 4),
    ]
    items += [("癸", 0), ("子", 4)]
    assert lines_of(make_numbered_docx(items, numbering_xml({"0": levels}, {"1": "0"}))) == [
        "一、甲",
        "（一）乙",
        "1.丙",
        "2.丁",
        "(1)戊",
        "（二）己",
        "1.庚",
        "1.2.1.1 辛",  # a label ending in a digit keeps a space before the text
        "(2)壬",  # (一)→(二) did not restart level 4
        "二、癸",
        "(1)子",
    ]


def test_list_instances_continue_or_restart_as_word_does():
    # numId 2 restarts the shared list at 1 (Word's "restart numbering"); numId 3, without an override,
    # continues the count of the abstract list it shares with numId 1
    nums = {
        "1": "0",
        "2": '0|<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
        "3": "0",
    }
    xml = numbering_xml({"0": lvl(0, "decimal", "%1.")}, nums)
    items = [("a", 0, "1"), ("b", 0, "1"), ("c", 0, "2"), ("d", 0, "2"), ("e", 0, "3")]
    assert lines_of(make_numbered_docx(items, xml)) == ["1.a", "2.b", "1.c", "2.d", "3.e"]


def test_numbering_carried_by_the_paragraph_style():
    # python-docx's template gives style "List Number" the list numId 5 (in its styles.xml, not the paragraph)
    xml = numbering_xml({"7": lvl(0, "chineseCounting", "%1、")}, {"5": "7"})
    items = [("引言", None), ("措施", None), ("成效", None), ("不编号", 0, "0"), ("计划", None)]
    style = {1: "List Number", 2: "List Number", 3: "List Number", 4: "List Number"}
    assert lines_of(make_numbered_docx(items, xml, style=style)) == [
        "引言",
        "一、措施",
        "二、成效",
        "不编号",
        "三、计划",
    ]


def test_a_list_defined_through_a_numbering_style():
    # abstract 8 only points at the numbering style CxList (w:numStyleLink); that style's numId 9 → abstract 9
    abstracts = {"8": '<w:numStyleLink w:val="CxList"/>', "9": lvl(0, "chineseCounting", "%1、")}
    xml = numbering_xml(abstracts, {"1": "8", "9": "9"})
    style = '<w:style w:type="numbering" w:styleId="CxList"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'
    assert lines_of(make_numbered_docx([("甲", 0), ("乙", 0)], xml, extra_styles=style)) == [
        "一、甲",
        "二、乙",
    ]


def test_empty_list_items_count_but_show_nothing():
    xml = one_level("decimal", "%1.")
    assert lines_of(make_numbered_docx([("a", 0), ("", 0), ("c", 0)], xml)) == ["1.a", "3.c"]


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_counting_reads_back_as_the_number(value):
    assert parse_chinese(chinese_counting(value)) == value


def test_chinese_counting_is_written_as_replies_write_it():
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 101, 110, 1001, 1010)] == [
        "一",
        "十",
        "十一",
        "二十",
        "一百零一",
        "一百一十",
        "一千零一",
        "一千零一十",
    ]
    assert (
        format_counter(0, "chineseCounting") == "〇" and format_counter(12345, "chineseCounting") == "12345"
    )


BROKEN = {
    "missing num": numbering_xml({"0": lvl(0, "decimal", "%1.")}, {"9": "0"}),
    "missing abstract": numbering_xml({}, {"1": "4"}),
    "level out of range": numbering_xml({"0": lvl(0, "decimal", "%1.")}, {"1": "0"}).replace(
        'ilvl="0"', 'ilvl="99"'
    ),
    "garbage numbers": numbering_xml({"0": lvl(0, "decimal", "%1.%9.")}, {"1": "0"}).replace(
        'w:val="1"', 'w:val="x"'
    ),
    "huge start": one_level("chineseCounting", "%1、", 10**30),
    "style link loop": numbering_xml({"0": '<w:numStyleLink w:val="ListNumber"/>'}, {"1": "0", "5": "0"}),
    "empty part": "",
    "not xml": "<w:numbering",
    "wrong root": '<?xml version="1.0"?><html><body>numbering</body></html>',
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("numbering", list(BROKEN.values()), ids=list(BROKEN))
def test_broken_numbering_never_raises_more_than_a_one_line_reason(numbering):
    items = [("加强扶持", 0), ("已建成园区15个", 1), ("结语", None)]
    data = make_numbered_docx(items, numbering, style={2: "List Number"})
    try:
        lines = lines_of(data)
    except LoadError as err:  # python-docx refuses a numbering part that is not XML: one line, naming it
        assert "broken .docx" in str(err) and "\n" not in str(err)
        return
    assert len(lines) == 3, lines  # the text is all there, with or without numbers
    assert all(line.endswith(text) for line, (text, _) in zip(lines, items, strict=True)), lines
