"""The column dictionary: every column of every table the loaders produce, described once.

Axis titles, table headers, download headers and the CLI read their names from here, and a test checks
that each table has exactly the columns listed for it. Add a column here first, then its Chinese meaning in
loaders/columns_zh.py (the downloads' 字段说明 sheet), then produce it.
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
