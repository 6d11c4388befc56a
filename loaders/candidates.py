"""The candidates of figures: one regular expression over the fold for every number with a unit or measure
word (and an optional range's low end), and the set phrases whose numbers are idiom (一带一路, 三心二意).
loaders.figures decides which candidates report an amount."""

from __future__ import annotations

import re
from functools import cache

from loaders.numbers import CHINESE_NUMERAL_CHARS, DIGITS
from loaders.units import RULES_DIR, magnitude_pattern, unit_pattern, unit_table

ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
CN = CHINESE_NUMERAL_CHARS
CHINESE = rf"[{CN}]+(?:点[{''.join(DIGITS)}]+)?"  # 五十二点三: a decimal point written out
RANGE_SEP = r"\s*(?:-|~|至|到)\s*"


@cache
def candidate_pattern() -> re.Pattern:
    unit, mag = unit_pattern(), magnitude_pattern()
    return re.compile(
        rf"(?=[\d{CN}数几上])(?<![\d.{CN}])"  # cheap first test: only where a numeral starts
        rf"(?:{range_guard()}(?P<lo>{ARABIC}|[{CN}]+)(?P<lo_mag>{mag})?(?:{unit})?{RANGE_SEP})?"
        rf"(?P<vague>[数几上](?=[十百千万亿]))?"
        rf"(?P<num>{ARABIC}|{CHINESE})"
        # each numeral length re backtracks to is tried only where what follows can start (a first test)
        rf"(?=[ 余多几{first_characters(mag, unit)}]) ?"
        rf"(?P<more>余|多|几)?(?P<mag>{mag})?(?P<more2>余|多)? ?"
        rf"(?=[{first_characters(unit)}])(?P<unit>{unit})"
        rf"|百分之(?P<pct>{ARABIC}|{CHINESE})"
    )


def first_characters(*alternations: str) -> str:
    """The characters the words of regex alternations (loaders.units) can start with, as a class's body."""
    words = [re.sub(r"\\(.)", r"\1", word) for alternation in alternations for word in alternation.split("|")]
    return "".join(sorted({re.escape(word[0]) for word in words if word}))


def range_guard() -> str:
    """A lookahead every range's low end passes (the numeral's characters, at most a unit, a dash): trying
    a range at each numeral costs most of the candidate pattern's time, and few numerals start one. Empty
    (no guard) if a unit word itself holds a space or a dash, which the lookahead could not pass."""
    units = [word for word, unit in unit_table().items() if unit.kind != "magnitude"]
    if any(ch.isspace() or ch in "-~至到" for word in units for ch in word):
        return ""
    return rf"(?=[\d,.{CN}]*+[^\s\-~至到]{{0,{max(map(len, units))}}}\s*[\-~至到])"


@cache
def set_phrases() -> tuple[str, ...]:
    lines = (RULES_DIR / "set_phrases.txt").read_text(encoding="utf-8").splitlines()
    return tuple(p.strip() for p in lines if p.strip() and not p.startswith("#"))


@cache
def set_phrase_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(p) for p in sorted(set_phrases(), key=len, reverse=True)))


@cache
def set_phrase_characters() -> frozenset[str]:
    return frozenset("".join(set_phrases()))
