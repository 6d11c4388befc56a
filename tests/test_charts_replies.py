"""Charts name each figure's reply and never let a small bar vanish beside a large one on one axis."""

from __future__ import annotations

import pandas as pd
from app_frames import sample_documents, sample_figures

from board import charts
from board.charts.scale import magnitude_bands
from board.reply_names import reply_short_names


def three_replies() -> tuple[pd.DataFrame, dict[str, str]]:
    docs = ["a.txt", "b.txt", "c.txt"]
    figures = pd.concat([sample_figures(doc=d) for d in docs], ignore_index=True)
    documents = pd.concat([sample_documents(d) for d in docs], ignore_index=True)
    documents["replying_body"] = ["甲市教育局", "乙市交通运输局", "丙市经济和信息化局"]
    documents["proposal_number"] = ["12", "34", pd.NA]
    return figures, reply_short_names(documents)


def test_short_names_are_body_and_number_else_body_and_title_and_unique():
    _, names = three_replies()
    assert names["a.txt"] == "甲市教育局·提案12号" and names["b.txt"] == "乙市交通运输局·提案34号"
    assert names["c.txt"].startswith("丙市经济和信息化局·《")
    documents = pd.concat([sample_documents("x.txt"), sample_documents("y.txt")], ignore_index=True)
    twice = reply_short_names(documents)
    assert len(set(twice.values())) == 2 and twice["x.txt"].endswith("（x.txt）")
    unsigned = sample_documents("z.txt").assign(
        replying_body=pd.NA, proposal_number="30", proposal_kind="建议"
    )
    unsigned["title"] = "关于优化公交布局畅通学子求知路的建议"
    assert reply_short_names(unsigned)["z.txt"] == "《关于优化公交布局畅通学子求…》·建议30号"


def test_every_bar_and_tooltip_names_its_reply():
    figures, names = three_replies()
    for chart in charts.theme_charts(figures[figures["theme"] == "园区与平台"], names):
        for trace in chart.figure.data:
            replies = [c[5] for c in trace.customdata]
            assert all(r in names.values() for r in replies)
            if chart.key != "compare":  # the comparison is one reply's section
                assert all(r in x.replace("<br>", "") for x, r in zip(trace.x, replies, strict=True))


def test_small_amounts_get_their_own_axis():
    rows = pd.DataFrame(
        {
            "base_value": [3.99e9, 4e6, 2.36e8],
            "base_value_low": [pd.NA] * 3,
            "base_value_high": [pd.NA] * 3,
        },
        dtype="Float64",
    )
    bands = magnitude_bands(rows)
    assert [b["base_value"].tolist() for b in bands] == [[3.99e9, 2.36e8], [4e6]]
    money = sample_figures()
    money = money[money["base_unit"] == "CNY"]
    groups = charts.axis_groups(money)  # 39.9亿元 and 2.36亿元 on one axis, 400万元 on another
    assert len(groups) == 2 and groups[1].unit == "万元"


def test_long_section_names_are_cut_with_an_ellipsis_and_stay_apart():
    figures = sample_figures()
    long = "打造工业小微企业园每镇建园格局并推进园区提升改造工作"
    figures["section"] = [long + ("甲" if i % 2 else "乙") for i in range(len(figures))]
    chart = charts.by_section(figures, sorted(figures["theme"].unique()))
    ticks = list(chart.figure.layout.yaxis.ticktext)
    assert ticks and all(t.endswith("…") and len(t) <= 18 for t in ticks)
    assert len(chart.figure.layout.yaxis.tickvals) == len(set(figures["section_id"] + figures["section"]))


def test_page_scripts_survive_the_html_sanitizer():
    """DOMPurify (st.html) drops a script whose text has "<" before a letter or digit, and every on* attribute."""
    import re

    from board.markup import COPY_LINK_BUTTON, scroll_to_figure

    for snippet in (COPY_LINK_BUTTON, scroll_to_figure(1022, 3)):
        scripts = re.findall(r"<script>(.*?)</script>", snippet, re.S)
        assert scripts and not any(re.search(r"<[/\w!]", s) for s in scripts)
        assert not re.search(r"\son\w+=", snippet)
