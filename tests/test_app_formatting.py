"""Chinese magnitude formatting: the figure as an official writes it, qualifier never dropped."""

from __future__ import annotations

import pandas as pd
import pytest
from app_frames import sample_figures

from board.formatting import display_unit, format_amount, format_figure, format_figures, number_zh
from board.summaries import headlines, newest_first


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((3.99e9, "CNY"), {}, "39.9亿元"),
        ((2.36e8, "CNY"), {}, "2.36亿元"),
        ((4e6, "CNY"), {}, "400万元"),
        ((850, "CNY"), {}, "850元"),
        ((1.6e8, "USD"), {}, "1.6亿美元"),
        ((1342600.0, "m2"), {"unit": "亩"}, "2013.9亩"),
        ((821066.6666666666, "m2"), {"unit": "亩"}, "1231.6亩"),
        ((8e6, "m2"), {"unit": "万亩"}, "1.2万亩"),
        ((1930000.0, "m2"), {"unit": "万平方米"}, "193万平方米"),
        ((39000.0, "m2"), {"unit": "平方米"}, "3.9万平方米"),
        ((1000, "count", "at_least"), {"unit": "家", "qualifier_word": "超"}, "超1000家"),
        ((1000, "count", "at_least"), {"unit": "家"}, "超1000家"),
        ((3000, "count", "at_least"), {"unit": "家", "qualifier_word": "超过"}, "超过3000家"),
        ((4000, "count", "at_least"), {"unit": "件", "qualifier_word": "余"}, "4000余件"),
        ((7000, "m2", "at_least"), {"unit": "平方米", "qualifier_word": "以上"}, "7000平方米以上"),
        ((246666.66666666666, "m2", "approx"), {"unit": "亩", "qualifier_word": "约"}, "约370亩"),
        ((1, "percent", "at_most"), {"unit": "%", "qualifier_word": "不超过"}, "不超过1%"),
        ((2.21, "percent"), {"unit": "%"}, "2.21%"),
        ((3, "pp"), {}, "3个百分点"),
        ((50, "count", "range"), {"unit": "个", "high": 80}, "50-80个"),
        ((2e5, "CNY", "range"), {"unit": "万元", "high": 1e6}, "20-100万元"),
        ((336700, "count"), {"unit": "万人"}, "33.67万人"),
        ((12e6, "count", "approx"), {"unit": "万人次", "qualifier_word": "约"}, "约1200万人次"),
    ],
)
def test_format_amount(args, kwargs, expected):
    assert format_amount(*args, **kwargs) == expected


def test_missing_value_is_a_dash_not_nan():
    assert format_amount(None, "CNY") == "—"
    assert format_amount(float("nan"), "CNY") == "—"


def test_number_zh_drops_trailing_zeros():
    assert [number_zh(x) for x in (15.0, 2013.90, 0.5, 1231.6000001, 0.004)] == [
        "15",
        "2013.9",
        "0.5",
        "1231.6",
        "0.004",
    ]


def test_display_unit_picks_officials_magnitudes():
    assert display_unit("CNY", 3.99e9) == (1e8, "亿元")
    assert display_unit("CNY", 4e6) == (1e4, "万元")
    assert display_unit("m2", 1342600.0, "亩")[1] == "亩"
    assert display_unit("count", 15, "个") == (1.0, "个")


def test_format_figure_on_rows_keeps_qualifiers_and_vague_amounts():
    shown = format_figures(sample_figures()).tolist()
    for expected in [
        "39.9亿元",
        "超1000家",
        "2013.9亩",
        "约370亩",
        "50-80个",
        "4000余件",
        "不超过1%",
        "数十家",
    ]:
        assert expected in shown
    assert format_figure({"base_value": pd.NA, "text": "上亿元"}) == "上亿元"


def test_headlines_put_achieved_levels_first_in_reply_order():
    tops = headlines(sample_figures(), per_theme=3)
    parks = tops[tops["theme"] == "园区与平台"]["text"].tolist()
    assert parks == ["15个", "2013.9亩", "1000家"]
    trade = tops[tops["theme"] == "外贸与出口"]["text"].tolist()
    assert trade == ["1.6亿美元", "2.21%"]  # the growth rate after the level
    assert tops.groupby("theme").size().max() <= 3


def test_plain_escapes_markdown_in_document_text():
    from board.markup import plain

    assert plain("园区*1* [链接](x)") == "园区\\*1\\* \\[链接\\]\\(x\\)"
    assert plain("已建成园区 · 占地面积") == "已建成园区 · 占地面积"


def test_with_several_replies_each_card_is_a_different_reply_newest_first():
    one = sample_figures()
    replies = pd.concat([one.assign(doc=f"r{i}.txt") for i in range(6)], ignore_index=True)
    documents = pd.DataFrame(
        {
            "doc": [f"r{i}.txt" for i in range(6)],
            "signed_date": pd.to_datetime(
                ["2020-01-05", None, "2022-03-01", "2021-07-01", None, "2019-01-01"]
            ),
            "published_date": pd.to_datetime([None, "2023-01-01", None, None, None, None]),
        }
    )
    order = newest_first(documents)
    assert order == ["r1.txt", "r2.txt", "r3.txt", "r0.txt", "r5.txt", "r4.txt"]
    tops = headlines(replies, per_theme=4, doc_order=order)
    for _, cards in tops.groupby("theme"):
        assert cards["doc"].is_unique
        assert cards["doc"].tolist() == order[: len(cards)]
    alone = headlines(one, per_theme=4)
    first = tops[tops["doc"] == "r1.txt"].set_index("theme")["text"]
    assert first.to_dict() == alone.groupby("theme").head(1).set_index("theme")["text"].to_dict()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"text": "12345个", "base_value": 12345.0, "base_unit": "count", "unit": "个"}, "12345个"),
        ({"text": "123456人", "base_value": 123456.0, "base_unit": "count", "unit": "人"}, "123456人"),
        ({"text": "39000平方米", "base_value": 39000.0, "base_unit": "m2", "unit": "平方米"}, "39000平方米"),
        ({"text": "370亩", "base_value": 246666.7, "qualifier": "approx", "qualifier_word": "约"}, "约370亩"),
        (
            {"text": "1000家", "base_value": 1000.0, "qualifier": "at_least", "qualifier_word": "超"},
            "超1000家",
        ),
        (
            {"text": "4000余件", "base_value": 4000.0, "qualifier": "at_least", "qualifier_word": "余"},
            "4000余件",
        ),
        (
            {"text": "1000万元", "base_value": 1e7, "qualifier": "at_most", "qualifier_word": "及以下"},
            "1000万元及以下",
        ),
        ({"text": "2年", "base_value": 2.0, "qualifier": "at_most", "qualifier_word": "内"}, "2年内"),
        ({"text": "４５．６万余户", "base_value": 456000.0, "qualifier_word": "余"}, "45.6万余户"),
    ],
)
def test_a_figure_is_shown_as_reported_with_its_qualifier(row, expected):
    assert format_figure(row) == expected


def test_a_missing_qualifier_word_is_no_word():
    from board.formatting import reported_figure

    assert reported_figure("1000家", pd.NA) == "1000家" and reported_figure("1000家", None) == "1000家"


def test_durations_are_drawn_in_the_unit_the_reply_wrote():
    """3分钟 is stored as 3/1440 of a day; an axis titled 分钟 must show 3, not 0.0021."""
    divisor, unit = display_unit("day", 3 / 1440, "分钟")
    assert unit == "分钟" and round(3 / 1440 / divisor, 9) == 3
    assert display_unit("day", 2 / 24, "小时") == (1 / 24, "小时")
    assert display_unit("day", 14, "周") == (7, "周")
    assert display_unit("day", 5, "") == (1.0, "天")
    assert display_unit("year", 3, "年") == (1.0, "年")
