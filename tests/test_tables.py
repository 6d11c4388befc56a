"""Validation of the tables as plain tests: the dictionary describes every column, offsets slice to the
surface text, keys are unique, units are known."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import load_many, load_path
from loaders.columns import COLUMNS, TABLES, columns_of, conform, dictionary
from loaders.columns_zh import MEANINGS_ZH
from loaders.units import BASE_UNITS, UnknownUnitError, lookup, unit_table
from tests.corpus import CORPUS, SEED_TEXT, gold_files, text_of


@pytest.fixture(scope="module")
def corpus_tables():
    paths = [SEED_TEXT] + [text_of(g) for g in gold_files() if g.parent.name == "dev"]
    return load_many(paths), {p.name: p.read_text(encoding="utf-8") for p in paths}


def test_every_column_described_once():
    names = [(c.table, c.name) for c in COLUMNS]
    assert len(names) == len(set(names))
    assert all(c.meaning and c.label_zh and c.dtype for c in COLUMNS)
    assert set(dictionary()["table"]) == set(TABLES)


def test_chinese_meanings_name_only_dictionary_columns():
    # loaders/columns_zh.py adds words to the dictionary's entries, never a column of its own
    assert set(MEANINGS_ZH) <= {(c.table, c.name) for c in COLUMNS}


def test_tables_have_exactly_the_dictionary_columns(corpus_tables):
    tables, _ = corpus_tables
    for name in TABLES:
        frame = getattr(tables, name)
        assert list(frame.columns) == [c.name for c in columns_of(name)]
        assert {k: str(v) for k, v in frame.dtypes.items()} == {c.name: c.dtype for c in columns_of(name)}


def test_conform_rejects_unknown_columns():
    with pytest.raises(ValueError, match="extra"):
        conform(pd.DataFrame({"doc": [], "bogus": []}), "sections")


def test_offsets_slice_to_surface_and_keys_unique(corpus_tables):
    tables, texts = corpus_tables
    figures = tables.figures
    assert len(figures) > 60
    for row in figures.itertuples():
        text = texts[row.doc]
        assert text[row.start : row.end] == row.text
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence
        assert row.text in row.sentence
    assert not figures.duplicated(["doc", "start"]).any()
    assert set(figures["base_unit"]) <= set(BASE_UNITS)
    assert set(figures["qualifier"]) <= {"exact", "approx", "at_least", "at_most", "range"}


def test_sections_nest_and_parts_sum_to_total(corpus_tables):
    tables, _ = corpus_tables
    for doc, sections in tables.sections.groupby("doc"):
        assert (sections["start"] < sections["end"]).all(), doc
    # 46条(省际班线3条、市际班线43条): the reply's breakdown adds up, and the loaders keep all three
    wuhan = tables.figures[tables.figures["doc"].str.startswith("09_")]
    lines = dict(zip(wuhan["text"], wuhan["base_value"], strict=False))
    assert lines["3条"] + lines["43条"] == lines["46条"]


def test_units_table():
    assert lookup("亩").factor == pytest.approx(10000 / 15)
    assert lookup("亿").factor == 1e8
    assert all(u.kind == "magnitude" or u.base_unit in BASE_UNITS for u in unit_table().values())
    with pytest.raises(UnknownUnitError, match="斗"):
        lookup("斗")


def test_documents_table_for_many(corpus_tables):
    tables, _ = corpus_tables
    assert len(tables.documents) == 7
    assert tables.documents["n_figures"].sum() == len(tables.figures)


def test_seed_in_data_is_the_published_text():
    assert (CORPUS / "seed" / "seed_reply.txt").read_bytes() == SEED_TEXT.read_bytes()
    assert len(load_path(SEED_TEXT).figures) == 27
