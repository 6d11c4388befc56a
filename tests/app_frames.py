"""Small hand-made figures tables for the dashboard's unit tests, typed by the column dictionary.

They do not depend on the loaders' extraction, so chart and export tests keep testing charts and exports when
extraction changes. Offsets are found in the seed text, so provenance helpers can be tested on them too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.columns import columns_of, conform

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_reply.txt"

# surface|anchor|value|unit|base_value|high|base_unit|qualifier|word|period|kind|planned|growth|label|theme|
# section_id|section   (one figure per two lines; "" is None)
TABLE = """
39.9亿元|减负39.9|39.9|亿元|3.99e9||CNY|exact||2020-01/2020-06|money|0|0|为全市企业减负|减负与资金
|1.1|贯彻落实上级减负政策
2.36亿元|安排2.36|2.36|亿元|2.36e8||CNY|exact|||money|0|0|安排资金|减负与资金
|1.2|加强政策扶持
400万元|了400万元|400|万元|4e6||CNY|exact|||money|0|0|专项财政资金|减负与资金
|1.3|加强小微企业的金融支持力度
1%|超过1%|1|%|1||percent|at_most|不超过||percent|0|0|风险补偿比例|减负与资金
|1.3|加强小微企业的金融支持力度
15个|园区15个|15|个|15||count|exact|||count|0|0|已建成工业小微企业园区|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
2013.9亩|2013.9亩|2013.9|亩|1342600.0||m2|exact|||area|0|0|已建成工业小微企业园区 · 占地面积|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
1000家|超1000家|1000|家|1000||count|at_least|超||count|0|0|已建成工业小微企业园区 · 集聚小微企业|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
8个|企业园8个|8|个|8||count|exact|||count|0|0|在建小微企业园|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
1231.6亩|1231.6亩|1231.6|亩|821066.6666666666||m2|exact|||area|0|0|在建小微企业园 · 占地面积|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
370亩|约370亩|370|亩|246666.66666666666||m2|approx|约||area|1|0|谋划建设小微企业园 · 占地面积|园区与平台
|2.1|打造工业小微企业园“每镇建园”格局
50-80个|50-80个|50|个|50|80|count|range|||count|1|0|直播间|园区与平台
|2.3|打造产业带直播基地
4000余件|4000余件|4000|件|4000||count|at_least|余|2020-01/2020-06|count|0|0|办结企业诉求问题|企业服务
|3.1|组建慈溪市企业发展服务中心暨8718公共服务慈溪平台
1.6亿美元|1.6亿美元|1.6|亿美元|1.6e8||USD|exact||2020-01/2020-06|money|0|0|累计出口|外贸与出口
|3.2|推进“慈溪外贸”公共服务平台建设
2.21%|2.21%|2.21|%|2.21||percent|exact||2020-01/2020-06|percent|0|1|出口同比增长|外贸与出口
|3.2|推进“慈溪外贸”公共服务平台建设
数十家|数十家||家|||count|approx|数十||count|0|0|进行智能化改造升级的企业|创新与技改
|4.2|推进传统行业智能化改造
"""


def _rows() -> list[list]:
    lines = TABLE.strip().splitlines()
    rows = []
    for first, second in zip(lines[::2], lines[1::2], strict=True):
        cells = [c or None for c in (first + second).split("|")]
        for i in (2, 4, 5):  # numbers
            cells[i] = float(cells[i]) if cells[i] else None
        cells[11], cells[12] = cells[11] == "1", cells[12] == "1"
        rows.append(cells)
    return rows


ROWS = _rows()


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def sample_figures(text: str | None = None, doc: str = "seed_reply.txt") -> pd.DataFrame:
    """The seed's main figures, with offsets and sentences taken from the seed text."""
    text = text if text is not None else seed_text()
    rows = []
    for row in ROWS:
        surface, anchor, value, unit, base, high, base_unit, qual, word, period, kind, planned, growth = row[
            :13
        ]
        label, theme, section_id, section = row[13:]
        start = text.index(anchor) + anchor.index(surface[:2])
        assert text[start : start + len(surface)] == surface, surface
        s_start = max(text.rfind(ch, 0, start) for ch in "。;\n") + 1
        s_end = min(i for i in (text.find(ch, start) for ch in "。;\n") if i >= 0) + 1
        rows.append(
            {
                "doc": doc, "text": surface, "start": start, "end": start + len(surface), "value": value,
                "value_high": 80.0 if high else None, "unit": unit, "base_value": base,
                "base_value_low": 10.0 if surface == "数十家" else None,
                "base_value_high": float(high) if high else (99.0 if surface == "数十家" else None),
                "base_unit": base_unit, "qualifier": qual, "qualifier_word": word, "period": period,
                "period_start": None, "period_end": None, "kind": kind, "is_planned": planned,
                "is_growth": growth, "label": label, "theme": theme, "section_id": section_id,
                "section": section, "sentence": text[s_start:s_end], "sentence_start": s_start, "page": None,
            }
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=[c.name for c in columns_of("figures")])
    return conform(frame, "figures")


def sample_documents(doc: str = "seed_reply.txt") -> pd.DataFrame:
    row = {c.name: None for c in columns_of("documents")}
    row.update(
        doc=doc,
        title="关于扶持小微企业成长升级的建议",
        proposal_title="关于扶持小微企业成长升级的建议",
        proposal_number="170",
        proposal_kind="提案",
        session="十一届四次会议",
        addressee="杨文艳委员",
        replying_body="慈溪市经济和信息化局",
        index_number="11330282734267548D/2020-99722",
        category="政协委员提案",
        published_date=pd.Timestamp("2020-08-31"),
        signed_date=pd.Timestamp("2020-08-31"),
        year=2020,
        encoding="utf-8",
        format="txt",
        n_chars=len(seed_text()),
        n_figures=len(ROWS),
    )
    return conform(pd.DataFrame([row]), "documents")
