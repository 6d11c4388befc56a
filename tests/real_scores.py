"""Scores a folder of real replies (tests/real/dev, fresh, fresh2) against their gold, micro-averaged.

The corpus's score.py counts figures, qualifier, period and plan status, and a label as right when it holds
the gold key nouns (label_all / label_any). A chart title must also read as one: `label_title` further
requires that the label does not end in a remnant of the sentence — a verb or particle that led to the
number (增加到, 调整为, 约, 的) — and has no empty part. Run `python -m tests.real_scores` for the table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from loaders import load_bytes
from loaders.__main__ import records
from tests.corpus import load_gold, scorer, text_of

REAL = Path(__file__).resolve().parent / "real"
# what a label may not end in: the words that lead from a measure to its number
REMNANT = re.compile(
    r"(?:增加到|增加至|提高到|提高至|提升到|提升至|增长到|增长至|下降到|下降至|降低到|降至|调整为|调整到|调整|"
    r"达到|达|(?<![行作认成因以称])为|约|近|超|共|计|共计|累计|合计|分别|由|从|的|和|及|与|、|·|,|:)\s*$"
)


def holds_key_nouns(label: str, gold: dict) -> bool:
    return all(k in label for k in gold["label_all"]) and (
        not gold["label_any"] or any(k in label for k in gold["label_any"])
    )


def reads_as_title(label: str) -> bool:
    parts = [p.strip() for p in label.split("·")]
    return bool(label.strip()) and all(parts) and not REMNANT.search(label)


def score_folder(folder: Path) -> dict:
    """Micro figures over every reply in `folder`, plus the misses for reading."""
    totals = dict(required=0, tp=0, fp=0, qual=0, plan=0, per_ok=0, per_n=0, lab_ok=0, title_ok=0, lab_n=0)
    misses: list[str] = []
    for gold_path in sorted(folder.glob("*.gold.jsonl")):
        gold = load_gold(gold_path)
        text_path = text_of(gold_path)
        preds = records(load_bytes(text_path.read_bytes(), text_path.name).figures)
        result = scorer().score(gold, preds)
        totals["required"] += result["required"]
        totals["tp"] += result["tp"]
        totals["fp"] += result["fp"]
        totals["qual"] += round(result["qualifier_acc"] * result["tp"])
        totals["plan"] += round(result["planned_acc"] * result["tp"])
        figs = [g for g in gold if not g.get("negative")]
        for p in preds:  # the same matching as score.py, to read per-figure attributes
            g = next((g for g in figs if p["start"] < g["end"] and g["start"] < p["end"]), None)
            if g is None or g.get("optional"):
                continue
            where = f"{gold_path.name.split('.')[0]} {g['text']}"
            if g.get("period"):
                totals["per_n"] += 1
                totals["per_ok"] += p.get("period") == g["period"]
                if p.get("period") != g["period"]:
                    misses.append(f"period  {where}: {p.get('period')} (gold {g['period']})")
            if bool(p.get("planned")) != bool(g.get("planned")):
                misses.append(f"planned {where}: {p.get('planned')} (gold {g.get('planned')})")
            if "label_all" not in g:
                continue  # gold without label words (the probe replies)
            label = str(p.get("label") or "")
            nouns, title = holds_key_nouns(label, g), reads_as_title(label)
            totals["lab_n"] += 1
            totals["lab_ok"] += nouns
            totals["title_ok"] += nouns and title
            if not (nouns and title):
                misses.append(f"label   {where}: {label!r} (gold {g['label_all'] or g['label_any']})")
        misses += [f"missed  {gold_path.name.split('.')[0]} {t}" for t in result["missed_texts"]]
        misses += [f"extra   {gold_path.name.split('.')[0]} {t[1]}" for t in result["fp_texts"]]
    tp, fp, req = totals["tp"], totals["fp"], totals["required"]
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / req if req else 0.0
    return dict(
        replies=len(list(folder.glob("*.gold.jsonl"))),
        figures=req,
        f1=round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        qualifier=round(totals["qual"] / tp, 4) if tp else 0.0,
        period=round(totals["per_ok"] / totals["per_n"], 4) if totals["per_n"] else None,
        planned=round(totals["plan"] / tp, 4) if tp else 0.0,
        label=round(totals["lab_ok"] / totals["lab_n"], 4) if totals["lab_n"] else None,
        label_title=round(totals["title_ok"] / totals["lab_n"], 4) if totals["lab_n"] else None,
        misses=misses,
    )


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    for name in sys.argv[1:] or ["dev", "fresh", "fresh2"]:
        result = score_folder(REAL / name)
        misses = result.pop("misses")
        print(name, result)
        print("\n".join("   " + m for m in misses))
