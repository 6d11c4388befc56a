"""Scores the reply metadata that names each reply on screen — title, replying body, proposal number — on the
real published replies (tests/real/{dev,fresh,fresh2}, tests/real_domains) against a hand-made gold,
tests/real/metadata_gold.csv, read from each text by a person before the extractor's output was looked at.

Exact match after removing spaces. The replies split in two: `rules` (dev, fresh, real_domains 01–20), whose
misses the metadata rules were written from, and `heldout` (fresh2, real_domains 21–36), scored only before and
after; `unseen` (fresh3–5, gathered while the rules were written) only after.
`python -m tests.real_metadata [rules|heldout|unseen|all] [--misses]` prints per-field accuracy (and the misses).
"""

from __future__ import annotations

import csv
import re
import sys
from functools import cache
from pathlib import Path

from loaders.fold import fold
from loaders.metadata import parse_metadata
from loaders.read import read_path

TESTS = Path(__file__).resolve().parent
GOLD = TESTS / "real" / "metadata_gold.csv"
FIELDS = ("title", "replying_body", "proposal_number")


def split_of(row: dict) -> str:
    if row["set"] in ("fresh3", "fresh4", "fresh5"):
        return "unseen"  # gathered by another helper while the rules were written; scored once, at the end
    if row["set"] == "fresh2" or (row["set"] == "domains" and int(row["file"][:2]) > 20):
        return "heldout"
    return "rules"


def text_path(row: dict) -> Path:
    folder = TESTS / "real_domains" if row["set"] == "domains" else TESTS / "real" / row["set"]
    return folder / f"{row['file']}.txt"


@cache
def gold_rows() -> tuple[dict, ...]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def _norm(value) -> str:
    return re.sub(r"\s+", "", value) if isinstance(value, str) else ""


def predicted(row: dict) -> dict:
    text = read_path(text_path(row)).text
    meta, _, _ = parse_metadata(text, fold(text))
    return {field: meta.get(field) for field in FIELDS}


def score(split: str = "all") -> tuple[dict, list[str]]:
    """({field: accuracy}, misses) over the gold rows of `split` (rules, heldout or all)."""
    rows = [r for r in gold_rows() if split in ("all", split_of(r))]
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for row in rows:
        got = predicted(row)
        for field in FIELDS:
            if _norm(got[field]) == _norm(row[field]):
                right[field] += 1
            else:
                misses.append(f"{row['file'][:28]:<28} {field:<15} gold={row[field]!r}  got={got[field]!r}")
    return {field: right[field] / len(rows) for field in FIELDS} | {"n": len(rows)}, misses


def main(argv: list[str]) -> None:
    splits = [a for a in argv if not a.startswith("-")] or ["rules", "heldout", "unseen"]
    for split in splits:
        accuracy, misses = score(split)
        fields = "  ".join(f"{f} {accuracy[f]:.2f}" for f in FIELDS)
        print(f"{split:<8} n={accuracy['n']:<3} {fields}")
        if "--misses" in argv:
            print("\n".join("    " + m for m in misses))


if __name__ == "__main__":
    main(sys.argv[1:])
