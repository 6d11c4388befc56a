"""Figure → theme, from the editable keyword table `loaders/rules/themes.csv`.

The keyword nearest the figure wins: a label reads left to right towards the figure, so its last keyword
names what is counted (`8718平台共办结企业诉求问题` is about 诉求, not the 平台). Without a keyword in the
label, the section heading decides, then the sentence; failing all, the table's last theme (其他).
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache

from loaders.units import RULES_DIR

THEMES_CSV = RULES_DIR / "themes.csv"


@cache
def theme_table() -> list[tuple[str, list[str]]]:
    with THEMES_CSV.open(encoding="utf-8") as handle:
        return [(r["theme"], [k for k in r["keywords"].split("|") if k]) for r in csv.DictReader(handle)]


def theme_names() -> list[str]:
    """Themes in display order."""
    return [name for name, _ in theme_table()]


@cache
def _keyword_pattern() -> tuple[re.Pattern, dict[str, str]]:
    owner = {}
    for name, keywords in theme_table():
        for keyword in keywords:
            owner.setdefault(keyword, name)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(owner, key=len, reverse=True)))
    return pattern, owner


@lru_cache(maxsize=4096)  # a section's heading and a sentence are asked about once per figure in them
def _last_theme(text: str) -> str | None:
    pattern, owner = _keyword_pattern()
    hits = list(pattern.finditer(text or ""))
    return owner[hits[-1].group()] if hits else None


def assign_theme(label: str, section_heading: str, sentence: str) -> str:
    for text in (label, section_heading, sentence):
        theme = _last_theme(text)
        if theme:
            return theme
    return theme_names()[-1]
