"""Unit words → kind, base unit and factor, read from the one unit table `loaders/rules/units.csv`.

Magnitude words (万 亿 千万 …) sit in the same table with kind `magnitude`: they multiply the number
before a unit (`39.9亿元` = 39.9 × 1e8 CNY). Units are matched longest first (`个百分点` before `个`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"  # the loaders' editable rule tables (package data)
UNITS_CSV = RULES_DIR / "units.csv"
BASE_UNITS = ("CNY", "USD", "m2", "percent", "pp", "count", "m", "m3", "kg", "year", "month", "day", "degree")
BASE_UNITS += ("times", "ug/m3", "mg/L", "kW", "kWh")  # 倍; concentrations; power and energy


@dataclass(frozen=True)
class Unit:
    word: str
    kind: str
    base_unit: str
    factor: float


class UnknownUnitError(KeyError):
    def __str__(self) -> str:
        return f"unit not in loaders/rules/units.csv: {self.args[0]!r}"


@cache
def unit_table() -> dict[str, Unit]:
    with UNITS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    table = {r["unit"]: Unit(r["unit"], r["kind"], r["base_unit"], float(r["factor"])) for r in rows}
    for unit in table.values():
        if unit.kind != "magnitude" and unit.base_unit not in BASE_UNITS:
            raise ValueError(f"loaders/rules/units.csv: {unit.word} has base unit {unit.base_unit!r}")
    return table


def lookup(word: str) -> Unit:
    try:
        return unit_table()[word]
    except KeyError:
        raise UnknownUnitError(word) from None


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def unit_pattern() -> str:
    """Regex alternation of every measure unit, longest first."""
    return _alternation(w for w, u in unit_table().items() if u.kind != "magnitude")


@cache
def magnitude_pattern() -> str:
    return _alternation(w for w, u in unit_table().items() if u.kind == "magnitude")
