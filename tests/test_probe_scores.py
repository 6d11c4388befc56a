"""The thirty-nine probe replies (tests/probe/README.md) against their gold, with the corpus's own scorer.

They were written after the rules, so they measure how the rules generalise; thresholds are the same
acceptance figures as for the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import CORPUS, load_gold, text_of
from tests.test_corpus_scores import check_acceptance, score_bytes

PROBES = sorted((Path(__file__).resolve().parent / "probe").glob("*.gold.jsonl"))
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the scorer lives in ../shared/corpus")


@pytest.mark.parametrize("gold_path", PROBES, ids=[p.name.split(".")[0] for p in PROBES])
def test_probe_reply_scores(gold_path):
    result = score_bytes(text_of(gold_path).read_bytes(), text_of(gold_path).name, load_gold(gold_path))
    check_acceptance(result, f1=0.95)


def test_probe_micro_f1():
    tp = fp = required = 0
    for gold_path in PROBES:
        result = score_bytes(text_of(gold_path).read_bytes(), text_of(gold_path).name, load_gold(gold_path))
        tp, fp, required = tp + result["tp"], fp + result["fp"], required + result["required"]
    precision, recall = tp / (tp + fp), tp / required
    assert len(PROBES) == 39
    assert 2 * precision * recall / (precision + recall) >= 0.98
