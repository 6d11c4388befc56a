"""Writes NN_topic.gold.jsonl beside each reply: the loaders' figures as a starting point, read by eye,
with the judgements below (negatives, themes that differ from the loaders' or admit two answers).

Run once when a reply is added (`python tests/real_domains/make_gold.py`), then check the file by hand; the
gold files are data, and tests/test_real_domains.py scores the loaders against them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from loaders import load_path  # noqa: E402
from loaders.__main__ import records  # noqa: E402

NEGATIVE = {("15", "八镇"), ("20", "3年"), ("34", "5万m3")}  # a place name, a condition, a size class
THEME = {  # (file number, figure text) → gold theme, or a list of acceptable themes
    ("01", "105人"): "学生与入学",
    ("02", "55%"): "学位与学校",
    ("06", "4800万元"): ["资金投入", "供水"],
    ("06", "3700万元"): ["水利工程", "供水", "资金投入"],
    ("12", "45万元"): ["医疗机构", "资金投入"],
    ("12", "6.39万元"): ["医疗机构", "资金投入"],
    ("15", "8万元"): ["资金投入", "旅游设施与经营"],
    ("16", "1.2公里"): ["旅游设施与经营", "项目与设施"],
    ("17", "1次"): ["其他", "服务与受益"],
    ("17", "2次"): ["其他", "服务与受益"],
    ("19", "2.1亿元"): ["景区与线路", "资金投入"],
    ("26", "2000万元"): ["减负与资金", "园区与平台"],
    ("30", "1条"): "公交与客运",
    ("35", "65.6%"): ["水利工程", "成效与增长"],
    ("36", "4.03亿元"): ["资金投入", "水利工程"],
    ("36", "2.79亿元"): ["资金投入", "水利工程"],
    ("36", "6800万元"): ["资金投入", "水利工程"],
}
FIELDS = [
    "text",
    "start",
    "end",
    "base_value",
    "base_value_low",
    "base_value_high",
    "base_unit",
    "qualifier",
    "period",
    "kind",
    "planned",
]


def main() -> None:
    for path in sorted(HERE.glob("*.txt")):
        number = path.name[:2]
        rows = []
        for row in records(load_path(path).figures):
            gold = {name: row.get(name) for name in FIELDS}
            if (number, row["text"]) in NEGATIVE:
                gold.update(negative=True)
            else:
                gold.update(negative=False, theme=THEME.get((number, row["text"]), row["theme"]))
            rows.append(gold)
        out = path.with_name(path.stem + ".gold.jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
