"""The column dictionary: every column of every table the loaders produce, described once.

Axis titles, table headers, download headers and the CLI read their names from here, and a test checks
that each table has exactly the columns listed for it. Add a column here first, then produce it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where frames are built: `python -m loaders` never needs it
    import pandas as pd


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    dtype: str  # a pandas dtype string
    unit: str  # "" when the column has no unit
    meaning: str
    label_zh: str  # header shown to officials


_C = Column

COLUMNS: tuple[Column, ...] = (
    # --- documents: one row per reply -------------------------------------------------------------
    _C("documents", "doc", "string", "", "document key: the file name as added", "文件"),
    _C("documents", "title", "string", "", "the reply's title line, or the proposal title when none", "标题"),
    _C(
        "documents",
        "proposal_title",
        "string",
        "",
        "title of the proposal or suggestion answered (in 《》)",
        "建议/提案题目",
    ),
    _C(
        "documents",
        "proposal_number",
        "string",
        "",
        "number of the proposal or suggestion, e.g. 170",
        "建议/提案编号",
    ),
    _C(
        "documents",
        "proposal_kind",
        "string",
        "",
        "提案 (CPPCC proposal) or 建议 (congress suggestion)",
        "类型",
    ),
    _C("documents", "session", "string", "", "the session it was raised at, e.g. 十一届四次会议", "会议届次"),
    _C("documents", "addressee", "string", "", "the member(s) answered, e.g. 杨文艳委员", "答复对象"),
    _C("documents", "replying_body", "string", "", "the body that signed the reply", "答复单位"),
    _C("documents", "doc_number", "string", "", "the reply's document number (文号)", "文号"),
    _C("documents", "reply_class", "string", "", "reply class A/B/C (办理结果), when stated", "答复类别"),
    _C("documents", "index_number", "string", "", "the publishing site's index number (索引号)", "索引号"),
    _C("documents", "category", "string", "", "the site's category (组配分类 / 主题分类)", "分类"),
    _C(
        "documents",
        "domain",
        "string",
        "",
        "policy domain (公文主题分类 top level) from loaders/rules/domains.csv, never blank",
        "领域",
    ),
    _C(
        "documents",
        "domain_source",
        "string",
        "",
        "what decided the domain: publisher (the page's 主题分类), body, title or text",
        "领域依据",
    ),
    _C(
        "documents",
        "published_date",
        "datetime64[s]",
        "",
        "publication date from the page metadata",
        "发布日期",
    ),
    _C("documents", "signed_date", "datetime64[s]", "", "the date under the signature", "落款日期"),
    _C("documents", "year", "Int64", "year", "the reply's year: resolves 今年 and bare months", "年份"),
    _C(
        "documents",
        "encoding",
        "string",
        "",
        "how the bytes were decoded (utf-8, utf-8-sig, gb18030, …)",
        "编码",
    ),
    _C(
        "documents",
        "format",
        "string",
        "",
        "source format: txt, docx, doc, wps, rtf, ofd, pdf, html, png, jpg, tiff",
        "格式",
    ),
    _C("documents", "n_chars", "Int64", "characters", "length of the decoded text", "字数"),
    _C("documents", "n_figures", "Int64", "figures", "figures extracted from the reply", "数据条数"),
    # --- sections: the numbered outline of each reply ---------------------------------------------
    _C("sections", "doc", "string", "", "document key", "文件"),
    _C("sections", "section_id", "string", "", "outline path, e.g. 2.1 for 二、(一)", "章节编号"),
    _C("sections", "number", "string", "", "the number as written: 一、 (一) 1. (1)", "序号"),
    _C(
        "sections",
        "heading",
        "string",
        "",
        "the heading text (first sentence of the numbered paragraph)",
        "标题",
    ),
    _C("sections", "level", "Int64", "", "depth: 1 for 一、, 2 for (一), 3 for 1., 4 for (1)", "层级"),
    _C("sections", "start", "Int64", "characters", "offset where the section starts in the text", "起始位置"),
    _C("sections", "end", "Int64", "characters", "offset where the section ends (exclusive)", "结束位置"),
    # --- figures: one row per reported figure -----------------------------------------------------
    _C("figures", "doc", "string", "", "document key", "文件"),
    _C("figures", "text", "string", "", "surface string: text[start:end]", "原文数值"),
    _C(
        "figures",
        "start",
        "Int64",
        "characters",
        "offset of the surface string in the decoded text",
        "起始位置",
    ),
    _C("figures", "end", "Int64", "characters", "end offset (exclusive)", "结束位置"),
    _C(
        "figures", "value", "Float64", "as written", "the number as written, before the unit's factor", "数值"
    ),
    _C("figures", "value_high", "Float64", "as written", "high end of a range as written", "数值上限"),
    _C("figures", "unit", "string", "", "the unit or measure word as written, e.g. 亿元, 亩, 家", "单位"),
    _C("figures", "base_value", "Float64", "base_unit", "value in base units (low end of a range)", "标准值"),
    _C(
        "figures",
        "base_value_low",
        "Float64",
        "base_unit",
        "lower bound of a vague amount (数十 → 10)",
        "标准值下限",
    ),
    _C(
        "figures",
        "base_value_high",
        "Float64",
        "base_unit",
        "high end of a range or vague amount",
        "标准值上限",
    ),
    _C(
        "figures",
        "base_unit",
        "string",
        "",
        "CNY USD m2 percent pp count m m3 kg year month day degree times ug/m3 mg/L kW kWh",
        "标准单位",
    ),
    _C("figures", "qualifier", "string", "", "exact approx at_least at_most range", "限定"),
    _C(
        "figures",
        "qualifier_word",
        "string",
        "",
        "the word that set the qualifier: 超 余 约 不超过 …",
        "限定词",
    ),
    _C("figures", "period", "string", "", "period referred to: 2019, 2020-01/2020-06, 2018/2019", "时期"),
    _C("figures", "period_start", "datetime64[s]", "", "first day of the period", "时期起"),
    _C("figures", "period_end", "datetime64[s]", "", "last day of the period", "时期止"),
    _C("figures", "kind", "string", "", "money area count percent length volume mass duration other", "类别"),
    _C(
        "figures",
        "is_planned",
        "boolean",
        "",
        "a plan, target or expectation (计划 将 力争 拟 有望)",
        "计划目标",
    ),
    _C("figures", "is_growth", "boolean", "", "a change rate (同比增长 下降 提高)", "增长率"),
    _C("figures", "label", "string", "", "what is measured, from the clause before the figure", "指标"),
    _C("figures", "theme", "string", "", "theme from loaders/rules/themes.csv, one of its domain's", "主题"),
    _C("figures", "domain", "string", "", "the reply's policy domain (as in documents)", "领域"),
    _C("figures", "domain_source", "string", "", "what decided the reply's domain", "领域依据"),
    _C("figures", "section_id", "string", "", "outline path of the section holding the figure", "章节编号"),
    _C("figures", "section", "string", "", "heading of the section holding the figure", "章节"),
    _C("figures", "sentence", "string", "", "the sentence that reports the figure", "原句"),
    _C("figures", "sentence_start", "Int64", "characters", "offset of the sentence in the text", "原句位置"),
    _C(
        "figures",
        "page",
        "Int64",
        "",
        "page of the source PDF, .ofd or scan holding the figure (null for other formats)",
        "页码",
    ),
    _C(
        "figures",
        "ocr_confidence",
        "Float64",
        "",
        "lowest OCR confidence (0–1) of the characters the figure was read from; null unless read by OCR",
        "识别置信度",
    ),
    _C(
        "figures",
        "needs_check",
        "boolean",
        "",
        "read by OCR with a confidence below loaders.tables.OCR_CHECK_BELOW: check it against the page",
        "请核对",
    ),
)

TABLES = ("documents", "sections", "figures")


def columns_of(table: str) -> list[Column]:
    """The columns of one table, in order."""
    return [c for c in COLUMNS if c.table == table]


def dtypes_of(table: str) -> dict[str, str]:
    return {c.name: c.dtype for c in columns_of(table)}


def labels_zh(table: str) -> dict[str, str]:
    """Column name → Chinese header, for displays and downloads."""
    return {c.name: c.label_zh for c in columns_of(table)}


def dictionary() -> pd.DataFrame:
    """The column dictionary as a table (shown in the app, shipped with downloads)."""
    import pandas as pd

    return pd.DataFrame([c.__dict__ for c in COLUMNS]).astype("string")


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Order and type a frame's columns as the dictionary says; a missing or extra column is a bug."""
    names = [c.name for c in columns_of(table)]
    missing = set(names) - set(frame.columns)
    extra = set(frame.columns) - set(names)
    if missing or extra:
        raise ValueError(f"{table}: columns not as in the dictionary (missing {missing}, extra {extra})")
    return frame[names].astype(dtypes_of(table))


# What each column means, in Chinese: the downloads' 字段说明 sheet (officials read it, not the English above).
MEANINGS_ZH: dict[tuple[str, str], str] = {
    ("documents", "doc"): "答复文件名（添加时的文件名）",
    ("documents", "title"): "答复的标题；没有标题时为建议/提案题目",
    ("documents", "proposal_title"): "所答复的建议或提案的题目（《》中的文字）",
    ("documents", "proposal_number"): "建议或提案的编号，如 170",
    ("documents", "proposal_kind"): "提案（政协委员提案）或建议（人大代表建议）",
    ("documents", "session"): "提出时的会议届次，如 十一届四次会议",
    ("documents", "addressee"): "答复对象，如 杨文艳委员",
    ("documents", "replying_body"): "落款的答复单位",
    ("documents", "doc_number"): "答复的文号",
    ("documents", "reply_class"): "答复类别（办理结果 A/B/C 类），原文写明时才有",
    ("documents", "index_number"): "发布网站的索引号",
    ("documents", "category"): "发布网站的分类（组配分类、主题分类）",
    ("documents", "published_date"): "网页上的发布日期",
    ("documents", "signed_date"): "落款日期",
    ("documents", "year"): "答复所在年份：据此确定“今年”和只写月份的时间",
    ("documents", "encoding"): "读取文件时使用的文字编码",
    ("documents", "format"): "文件格式：文本、Word、PDF、网页",
    ("documents", "domain"): "答复所属的政策领域（依据领域关键词表，不会为空）",
    ("documents", "domain_source"): "确定领域的依据：发布网站的主题分类、答复单位、标题或正文用词",
    ("documents", "n_chars"): "答复正文的字数",
    ("documents", "n_figures"): "从该答复中提取的数据条数",
    ("figures", "doc"): "数据所在的答复文件",
    ("figures", "text"): "原文中的数值及单位，照原文",
    ("figures", "start"): "该数值在答复正文中的起始位置（第几个字）",
    ("figures", "end"): "该数值在答复正文中的结束位置",
    ("figures", "value"): "原文写出的数字（未按单位换算）",
    ("figures", "value_high"): "区间的上限，照原文",
    ("figures", "unit"): "原文的单位或量词，如 亿元、亩、家",
    ("figures", "base_value"): "换算为标准单位后的数值（区间取下限）",
    ("figures", "base_value_low"): "约数的下限（如“数十”记为 10）",
    ("figures", "base_value_high"): "区间或约数的上限（标准单位）",
    ("figures", "base_unit"): "标准单位：元、美元、平方米、%、个（计数）等",
    ("figures", "qualifier"): "限定：确数、约数、不少于、不超过、区间",
    ("figures", "qualifier_word"): "原文中表示限定的词：超、余、约、不超过等",
    ("figures", "period"): "数据所指的时期，如 2019年、2020年1-6月、2018—2019年",
    ("figures", "period_start"): "时期的第一天",
    ("figures", "period_end"): "时期的最后一天",
    ("figures", "kind"): "类别：金额、面积、数量、比例、长度、体积、重量、时长、其他",
    ("figures", "is_planned"): "是否为计划、目标或预期（计划、将、力争、拟、有望）",
    ("figures", "is_growth"): "是否为增减幅度（同比增长、下降、提高）",
    ("figures", "label"): "指标：数值前的分句所说明的内容",
    ("figures", "theme"): "主题（依据主题关键词表）",
    ("figures", "domain"): "数据所在答复的政策领域（与来源表相同）",
    ("figures", "domain_source"): "确定该答复领域的依据",
    ("figures", "section_id"): "数据所在章节的编号路径，如 2.1 表示 二、(一)",
    ("figures", "section"): "数据所在章节的标题",
    ("figures", "sentence"): "报告该数据的原句",
    ("figures", "sentence_start"): "原句在答复正文中的起始位置",
    ("figures", "page"): "PDF 原件中的页码（其他格式为空）",
    ("figures", "ocr_confidence"): "文字识别（OCR）读出该数值的最低置信度（0–1）；非扫描件为空",
    ("figures", "needs_check"): "识别置信度偏低，请对照原件核对",
}
UNITS_ZH = {
    "characters": "字",
    "figures": "条",
    "year": "年",
    "as written": "原文单位",
    "base_unit": "标准单位",
}


def dictionary_zh(tables: tuple[str, ...] = ("figures", "documents")) -> pd.DataFrame:
    """The column dictionary in Chinese for the downloads: 表, 字段, 单位, 说明 (the Chinese header stands for a
    column whose meaning has not been written in Chinese yet)."""
    names = {"figures": "数据", "documents": "来源", "sections": "章节"}
    rows = [
        (
            names[c.table],
            c.label_zh,
            UNITS_ZH.get(c.unit, c.unit),
            MEANINGS_ZH.get((c.table, c.name), c.label_zh),
        )
        for c in COLUMNS
        if c.table in tables
    ]
    import pandas as pd  # as in dictionary(): the CLI never needs pandas

    return pd.DataFrame(rows, columns=["表", "字段", "单位", "说明"])
