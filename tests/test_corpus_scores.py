"""Golden scores: the loaders against the hand-made gold files, with the corpus's own scorer.

Thresholds are the acceptance figures of the loaders issue. Variants (GB18030 bytes, CRLF line ends,
full-width punctuation) are built here from the seed and must score the same.
"""

from __future__ import annotations

import pytest

from loaders import load_bytes
from loaders.__main__ import records
from tests.corpus import CORPUS, gold_files, load_gold, scorer, text_of

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")

SEED_GOLD = CORPUS / "seed" / "seed_reply.gold.jsonl"
HALF_TO_FULL = str.maketrans({":": "：", ",": "，", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})


def score_bytes(data: bytes, name: str, gold: list[dict]) -> dict:
    return scorer().score(gold, records(load_bytes(data, name).figures))


def check_acceptance(result: dict, f1: float) -> None:
    assert result["f1"] >= f1, result
    assert result["qualifier_acc"] >= 0.95, result
    assert result["planned_acc"] >= 0.95, result
    if result["period_acc"] is not None:
        assert result["period_acc"] >= 0.90, result


def test_seed_scores():
    result = score_bytes(text_of(SEED_GOLD).read_bytes(), "seed_reply.txt", load_gold(SEED_GOLD))
    check_acceptance(result, f1=0.98)
    assert result["theme_acc"] >= 0.90, result
    assert result["label_acc"] >= 0.90, result


def test_dev_micro_f1():
    tp = fp = required = 0
    for gold_path in gold_files():
        if gold_path.parent.name != "dev":
            continue
        result = score_bytes(text_of(gold_path).read_bytes(), text_of(gold_path).name, load_gold(gold_path))
        check_acceptance(result, f1=0.0)
        tp, fp, required = tp + result["tp"], fp + result["fp"], required + result["required"]
    precision, recall = tp / (tp + fp), tp / required
    assert 2 * precision * recall / (precision + recall) >= 0.95


def crlf_gold(text: str, gold: list[dict]) -> list[dict]:
    """Gold offsets moved by one for every line end before them."""
    ends = [i for i, ch in enumerate(text) if ch == "\n"]

    def shift(offset: int) -> int:
        return offset + sum(1 for i in ends if i < offset)

    return [{**g, "start": shift(g["start"]), "end": shift(g["end"])} for g in gold]


@pytest.mark.parametrize("variant", ["gb18030", "utf-8-sig", "crlf", "full-width", "full-width-gbk-crlf"])
def test_seed_variants_score_the_same(variant):
    text = text_of(SEED_GOLD).read_text(encoding="utf-8")
    gold = load_gold(SEED_GOLD)
    if "full-width" in variant:
        text = text.translate(HALF_TO_FULL)
    if "crlf" in variant:
        gold = crlf_gold(text, gold)
        text = text.replace("\n", "\r\n")
    encoding = {"gb18030": "gb18030", "utf-8-sig": "utf-8-sig", "full-width-gbk-crlf": "gb18030"}.get(variant)
    result = score_bytes(text.encode(encoding or "utf-8"), "seed.txt", gold)
    check_acceptance(result, f1=0.98)
    assert result["theme_acc"] >= 0.90, result
