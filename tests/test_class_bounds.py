"""A number bounding a class of things (30户以上自然村, 5000万元以上的项目) names the class; it reports no amount and
must not become a figure on a chart. One made-up sentence each, in the minimal reply of tests/test_genre_rules.py;
the sentences beside them keep their figures: a count of the noun itself, a share, a bound followed by a verb."""

from __future__ import annotations

import pytest

from tests.test_genre_rules import figures_of

CASES = [
    # a bound naming a class: not a figure, and the class stays in the label of the figure it qualifies
    ("全县30户以上自然村通硬化路84个。", ["84个"]),
    ("将50户以上未硬化的自然村道路纳入项目库。", []),
    ("全市投资5000万元以上的项目32个。", ["32个"]),
    ("对1000人以上的村(社区)配备专职网格员。", []),
    ("从事公益岗位3年以上人员逐步退出。", []),
    ("新建100亩以上基地6个。", ["6个"]),
    # amounts reported, even next to 以上
    ("帮扶500户以上农户。", ["500户"]),  # the unit counts the noun itself
    ("全县80%以上的行政村通了客车。", ["80%"]),  # a share of villages is reported
    ("建成30个以上示范村。", ["30个"]),  # a classifier counting the noun
    ("全年投入资金500万元以上用于村道维修。", ["500万元"]),  # a verb follows: an amount spent
    ("新增就业11万人以上。", ["11万人"]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_class_bounds(sentence, expected):
    assert figures_of(sentence)["text"].tolist() == expected


def test_the_class_stays_in_the_label():
    figures = figures_of("全县30户以上自然村通硬化路84个。")
    assert "30户以上自然村" in figures["label"].iloc[0]
