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


SIMPLIFIED = (
    "张三代表:\n您提出的《关于建设乡镇卫生院的建议》收悉,现答复如下:\n全县新建卫生院3个,新增床位120张。\n"
    "某县卫生健康局\n2023年6月1日\n"
)
TRADITIONAL = (
    "張三代表:\n您提出的《關于建設鄉鎮衛生院的建議》收悉,現答復如下:\n全縣新建衛生院3個,新增床位120張。\n"
    "某縣衛生健康局\n2023年6月1日\n"
)


def test_a_traditional_page_gets_the_domain_and_themes_of_its_simplified_twin():
    simple, written = load_text(SIMPLIFIED, "s.txt"), load_text(TRADITIONAL, "t.txt")
    assert written.documents["domain"].tolist() == simple.documents["domain"].tolist() == ["卫生、体育"]
    assert written.figures["theme"].tolist() == simple.figures["theme"].tolist()
    assert written.figures["label"].tolist() == ["全縣新建衛生院", "新增床位"]  # as the page wrote them
