"""Filters: widget/URL state ↔ Filters, applied to a figures table, described for the filter sheet."""

from __future__ import annotations

from urllib.parse import parse_qs

from app_frames import sample_figures

from board.filters import (
    NO_PERIOD,
    Filters,
    apply_filters,
    describe,
    figure_key,
    from_state,
    parse_figure_key,
    slug,
    to_query,
)


def test_empty_filters_keep_everything():
    figures = sample_figures()
    assert len(apply_filters(figures, Filters())) == len(figures)
    assert Filters().is_empty()


def test_each_filter_narrows():
    figures = sample_figures()
    assert set(apply_filters(figures, Filters(themes=("园区与平台",)))["theme"]) == {"园区与平台"}
    assert set(apply_filters(figures, Filters(kinds=("area",)))["text"]) == {"2013.9亩", "1231.6亩", "370亩"}
    assert set(apply_filters(figures, Filters(qualifiers=("at_least",)))["text"]) == {"1000家", "4000余件"}
    planned = apply_filters(figures, Filters(status="planned"))
    assert set(planned["text"]) == {"370亩", "50-80个"}
    assert len(apply_filters(figures, Filters(status="achieved"))) == len(figures) - 2
    assert set(apply_filters(figures, Filters(query="园区"))["theme"]) == {"园区与平台"}
    assert len(apply_filters(figures, Filters(docs=("other.txt",)))) == 0
    half = apply_filters(figures, Filters(periods=("2020-01/2020-06",)))
    assert set(half["text"]) == {"39.9亿元", "4000余件", "1.6亿美元", "2.21%"}
    none = apply_filters(figures, Filters(periods=(NO_PERIOD,)))
    assert none["period"].isna().all() and len(none) == len(figures) - 4
    assert len(apply_filters(figures, Filters(sections=("加强政策扶持",)))) == 1


def test_search_is_literal_not_a_regex():
    figures = sample_figures()
    with_paren = sum(
        "(" in s or "(" in lab for s, lab in zip(figures["sentence"], figures["label"], strict=True)
    )
    assert len(apply_filters(figures, Filters(query="("))) == with_paren > 0  # "(" is not a regex error
    assert len(apply_filters(figures, Filters(query="1-6月"))) == 4  # the sentences that say 1-6月


def test_from_state_reads_widget_values_and_query_params():
    f = from_state({"theme": ["园区与平台"], "kind": "area", "status": "planned", "q": " 园 "})
    assert f == Filters(themes=("园区与平台",), kinds=("area",), status="planned", query="园")
    assert from_state({"status": "nonsense"}).status == "all"


def test_query_round_trip_names_the_filters():
    f = Filters(themes=("园区与平台",), kinds=("area",), status="planned", query="园区")
    params = parse_qs(to_query(f, fig="seed_reply.txt:1007"))
    assert params == {
        "theme": ["园区与平台"],
        "kind": ["面积"],
        "status": ["计划/目标"],
        "q": ["园区"],
        "fig": ["seed_reply.txt:1007"],
    }


def test_describe_lists_every_filter():
    rows = dict(describe(Filters(kinds=("money", "area"), query="x")))
    assert rows["类别"] == "金额、面积"
    assert rows["主题"] == "全部"
    assert rows["关键词"] == "x"
    assert len(rows) == 12  # with 领域, 答复单位, 办理结果, 年份


def test_figure_keys_round_trip():
    assert parse_figure_key(figure_key("a:b.txt", 12)) == ("a:b.txt", 12)
    assert parse_figure_key("nonsense") is None
    assert slug('园区/平台:"x"') == "园区_平台__x"
