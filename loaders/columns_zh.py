"""The column dictionary's Chinese words: what each column of loaders.columns.COLUMNS means, for the
downloads' 字段说明 sheet (officials read it, not the dictionary's English meanings).

This adds no column: each entry is keyed by a dictionary entry's (table, name), and tests check that the two
name the same columns (tests/test_tables.py, tests/test_exports_chinese.py). Add a column to loaders.columns
first, then its Chinese meaning here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.columns import COLUMNS

if TYPE_CHECKING:  # pandas is imported where frames are built: `python -m loaders` never needs it
    import pandas as pd

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
    import pandas as pd  # as in loaders.columns.dictionary(): the CLI never needs pandas

    return pd.DataFrame(rows, columns=["表", "字段", "单位", "说明"])
