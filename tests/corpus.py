"""Access to the shared corpus (../shared/corpus beside the checkout; CI has it there too)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_TEXT = ROOT / "data" / "seed_reply.txt"


def gold_files() -> list[Path]:
    return sorted(CORPUS.glob("seed/*.gold.jsonl")) + sorted(CORPUS.glob("dev/*.gold.jsonl"))


def text_of(gold: Path) -> Path:
    return gold.with_name(gold.name.replace(".gold.jsonl", ".txt"))


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def scorer():
    """The corpus's own score.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
