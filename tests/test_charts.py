"""Chart builders: one axis per kind, grouping by label, bounds drawn as bounds, sources named."""

from __future__ import annotations

import pandas as pd
from app_frames import sample_documents, sample_figures

from board import charts

THEMES = ["减负与资金", "园区与平台", "企业服务", "外贸与出口", "创新与技改", "人才与培训", "其他"]


def test_by_theme_counts_every_figure_in_theme_order():
    figures = sample_figures()
    chart = charts.by_theme(figures, THEMES)
    assert chart.data["数据条数"].sum() == len(figures)
    assert sum(sum(t.x) for t in chart.figure.data) == len(figures)
    assert chart.figure.layout.yaxis.title.text == "主题"


def test_by_section_lists_sections_in_reply_order():
    chart = charts.by_section(sample_figures(), THEMES)
    order = list(chart.figure.layout.yaxis.categoryarray)
    assert order[0].startswith("1.1") and order[-1].startswith("4.2")
    assert {t.name for t in chart.figure.data} <= set(THEMES)


def test_section_order_is_numeric():
    assert sorted(["2.10", "2.9", "10", "1"], key=charts.section_order) == ["1", "2.9", "2.10", "10"]


def test_kinds_never_share_an_axis():
    groups = charts.axis_groups(sample_figures())
    for group in groups:
        kinds = set(zip(group.rows["kind"], group.rows["base_unit"], group.rows["is_growth"], strict=True))
        assert len({charts.family(k, u, bool(g))[0] for k, u, g in kinds}) == 1
    keys = [g.key for g in groups]
    assert len(keys) == len(set(keys))
    assert {"money-CNY", "money-USD", "area-m2", "count-个", "count-家", "percent", "growth"} <= set(keys)


def test_counts_in_different_measure_words_never_share_an_axis():
    groups = [g for g in charts.axis_groups(sample_figures()) if g.key.startswith("count-")]
    for group in groups:
        assert len({charts.measure_word(u) for u in group.rows["unit"]}) == 1, group.key
    assert {g.title for g in groups} >= {"数量（个）", "数量（家）"}


def test_rare_measure_words_share_one_axis():
    figures = sample_figures()
    counts = figures[figures["base_unit"] == "count"].head(1)
    words = ["个", "家", "名", "件", "项", "所", "座"]
    many = pd.concat([counts.assign(unit=w, start=i) for i, w in enumerate(words)], ignore_index=True)
    keys = [g.key for g in charts.axis_groups(many)]
    assert len(keys) == charts.MAX_COUNT_AXES + 1 and keys[-1] == "count-其他"


def test_money_in_yi_and_area_in_mu():
    groups = {g.key: g for g in charts.axis_groups(sample_figures())}
    assert groups["money-CNY"].title == "金额（亿元）"
    assert groups["area-m2"].title == "面积（亩）"
    assert groups["growth"].title == "增长率（%）"
    chart = charts.group_chart(groups["area-m2"])
    ys = sorted(y for trace in chart.figure.data for y in trace.y)
    assert ys == [370.0, 1231.6, 2013.9]


def test_parks_are_compared_side_by_side_with_separate_axes():
    parks = sample_figures().query("theme == '园区与平台'")
    chart = charts.comparison_chart(parks)
    assert chart is not None
    titles = [a.text for a in chart.figure.layout.annotations]
    assert titles == ["面积（亩）", "数量（个）"]  # the parks' 超1000家 enterprises are not parks
    xs = {x.replace("<br>", "") for trace in chart.figure.data for x in trace.x}
    assert xs == {"已建成工业小微企业园区", "在建小微企业园", "谋划建设小微企业园"}
    axes = {trace.yaxis for trace in chart.figure.data}
    assert axes == {"y", "y2"}


def test_bounds_and_ranges_are_marked_with_the_qualifier_in_the_label():
    bars = {}
    for group in charts.axis_groups(sample_figures()):
        if not group.key.startswith("count-"):
            continue
        for trace in charts.group_chart(group).figure.data:
            for text, shape, plus in zip(
                trace.text, trace.marker.pattern.shape, trace.error_y.array, strict=True
            ):
                bars[text] = (shape, plus)
    assert bars["超1000家"][0] == "/"
    assert bars["50-80个（计划）"] == ("", 30.0)
    assert bars["4000余件"][0] == "/"
    assert "数十家" not in bars or bars["数十家"][1] > 0  # a vague amount shows its span


def test_theme_with_no_figures_has_no_charts():
    assert charts.theme_charts(sample_figures().query("theme == '人才与培训'")) == []


def test_labels_are_escaped_in_chart_text():
    figures = sample_figures().head(1).copy()
    figures["label"] = pd.array(["<script>alert(1)</script>"], dtype="string")
    chart = charts.theme_charts(figures)[0]
    assert "<script>" not in chart.figure.to_json()


def test_source_caption_names_reply_and_sections():
    rows = sample_figures().query("theme == '减负与资金'")
    caption = charts.source_caption(rows, sample_documents())
    assert caption.startswith("来源：《关于扶持小微企业成长升级的建议》（seed_reply.txt）")
    assert "1.1 贯彻落实上级减负政策" in caption and "1.3 加强小微企业的金融支持力度" in caption


def test_chart_data_carries_the_figure_as_written():
    chart = charts.theme_charts(sample_figures().query("theme == '减负与资金'"))[0]
    assert chart.data.iloc[0]["数据"] == "39.9亿元"
    assert {"sentence", "start", "section"} <= set(chart.data.columns)


def test_selected_keys_from_a_plotly_event():
    event = {"selection": {"points": [{"customdata": ["seed_reply.txt:506", "x"]}, {"x": 1}]}}
    assert charts.selected_keys(event) == ["seed_reply.txt:506"]
    assert charts.selected_keys(None) == []
