"""Pages in traditional characters (mirror sites; Hong Kong, Macao and Taiwan bodies) are read by the same
rules: the fold maps each traditional character to its simplified one, keeping every offset."""

from __future__ import annotations

from loaders import load_text
from loaders.fold import fold, traditional_to_simplified

REPLY = (
    "关于增加泊位的答复\n\n截至目前,全市已建成停車泊位6600個,佔地2989畝;計劃投資1.2億元,新增泊位500餘個。\n"
)


def test_the_fold_keeps_offsets_and_leaves_simplified_text_alone():
    text = "已建成停車泊位6600個、占地2989畝,種鴨存欄120萬羽"
    assert fold(text) == "已建成停车泊位6600个、占地2989亩,种鸭存栏120万羽"
    simplified = "已建成停车泊位6600个、占地2989亩,计划投资1.2亿元"
    assert fold(simplified) == simplified
    assert len(traditional_to_simplified()) > 3000


def test_figures_of_a_traditional_page_are_found_with_their_units_and_plans():
    figures = load_text(REPLY, "traditional.txt").figures.set_index("text")
    assert figures.loc["6600個", "base_unit"] == "count" and figures.loc["6600個", "base_value"] == 6600
    assert figures.loc["2989畝", "base_unit"] == "m2"
    assert figures.loc["1.2億元", "base_value"] == 1.2e8 and bool(figures.loc["1.2億元", "is_planned"])
    assert figures.loc["500餘個", "qualifier"] == "at_least"


def test_labels_of_a_traditional_page_read_as_the_page_wrote_them():
    figures = load_text(REPLY, "traditional.txt").figures.set_index("text")
    assert "停車泊位" in figures.loc["6600個", "label"]
    simplified = load_text(REPLY.replace("停車泊位", "停车泊位"), "mixed.txt").figures.set_index("text")
    assert (
        "停车泊位" in simplified.loc["6600個", "label"]
    )  # a character the page also writes simplified stays
