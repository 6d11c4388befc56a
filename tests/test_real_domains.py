"""Real published replies on many topics (tests/real_domains/, sources.csv names each page): the reply's
domain, and that a figure is filed under a theme of its own domain, never an enterprise theme for a school.

The `collected` column says whether a reply was read before the domain rules were written (before_rules) or
collected after them, to measure them on replies they had never seen (after_rules).
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest

from loaders import load_path
from loaders.themes import theme_table

HERE = Path(__file__).resolve().parent / "real_domains"
ENTERPRISE = {t.theme for t in theme_table() if t.domain == "工业、交通/工业" and t.keywords}
NOT_ENTERPRISE_TOPICS = (
    "youeryuan",
    "daolu",
    "xiangjianlu",
    "gongjiao",
    "shuiku",
    "xushui",
    "gongshui",
    "yinshui",
)


def sources() -> list[dict]:
    with (HERE / "sources.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def loaded(name: str):
    return load_path(HERE / name)


def gold_rows(name: str) -> list[dict]:
    path = HERE / name.replace(".txt", ".gold.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_sources_list_every_reply_with_a_url_and_a_gold_domain():
    rows = sources()
    assert {r["file"] for r in rows} == {p.name for p in HERE.glob("*.txt")}
    assert len(rows) >= 20
    assert all(r["url"].startswith("http") and r["domain_gold"] for r in rows)
    assert (
        len({r["domain_gold"] for r in rows}) >= 6
    )  # agriculture and water share a class, as do roads and industry


@pytest.mark.parametrize("collected", ["before_rules", "after_rules"])
def test_domain_right_for_nine_replies_in_ten(collected):
    rows = [r for r in sources() if r["collected"] == collected]
    right = [r["file"] for r in rows if loaded(r["file"]).documents["domain"].iloc[0] == r["domain_gold"]]
    assert len(right) / len(rows) >= 0.9, sorted({r["file"] for r in rows} - set(right))


def test_every_figure_row_repeats_its_replys_domain_and_source():
    for row in sources():
        tables = loaded(row["file"])
        document = tables.documents.iloc[0]
        assert document["domain_source"] in {"publisher", "body", "title", "text"}
        assert (tables.figures["domain"] == document["domain"]).all()
        assert (tables.figures["domain_source"] == document["domain_source"]).all()


def test_school_road_bus_and_water_figures_are_not_filed_under_enterprise_themes():
    figures = [
        theme
        for row in sources()
        if any(topic in row["file"] for topic in NOT_ENTERPRISE_TOPICS)
        for theme in loaded(row["file"]).figures["theme"]
    ]
    assert len(figures) >= 30
    misfiled = [t for t in figures if t in ENTERPRISE]
    assert len(misfiled) / len(figures) <= 0.10, misfiled


def test_themes_match_the_gold_for_nine_figures_in_ten():
    right = total = 0
    for row in sources():
        found = {
            int(s): t for s, t in loaded(row["file"]).figures[["start", "theme"]].itertuples(index=False)
        }
        for gold in gold_rows(row["file"]):
            if gold["negative"] or gold["start"] not in found:
                continue
            wanted = gold["theme"] if isinstance(gold["theme"], list) else [gold["theme"]]
            total += 1
            right += found[gold["start"]] in wanted
    assert total >= 80
    assert right / total >= 0.9, (right, total)


def test_a_figure_is_only_filed_under_a_theme_of_its_domain():
    for row in sources():
        tables = loaded(row["file"])
        domain = tables.documents["domain"].iloc[0]
        allowed = {t.theme for t in theme_table() if t.domain in ("*",) or t.top == domain}
        assert set(tables.figures["theme"]) <= allowed, row["file"]
