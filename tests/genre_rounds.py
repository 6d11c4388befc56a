"""The tests every round of genre rules states its sentences in (tests/test_genre_rules_round*.py): one factory
per kind of case, each giving a parametrized test over the round's list, named and identified as before."""

from __future__ import annotations

import pytest

from tests import test_genre_rules as round_one
from tests.test_genre_rules import figures_of


def _ids(prefix: str, cases: list) -> list[str]:
    return [f"{prefix}{i}" for i in range(len(cases))]


def case_test(cases: list):
    """Each sentence gives exactly its figures: (text, base_value, base_unit, qualifier, period, is_planned)."""

    @pytest.mark.parametrize(("sentence", "expected"), cases, ids=_ids("case", cases))
    def test_case(sentence, expected):
        round_one.test_sentence(sentence, expected)

    return test_case


def label_test(labels: list):
    """Each sentence gives exactly its figures with these labels: [(text, label)]."""

    @pytest.mark.parametrize(("sentence", "expected"), labels, ids=_ids("label", labels))
    def test_label(sentence, expected):
        round_one.test_label(sentence, expected)

    return test_label


def figures_test(figures: list):
    """Each sentence gives exactly these figure texts (what a rule must not lose)."""

    @pytest.mark.parametrize(("sentence", "texts"), figures, ids=_ids("figure", figures))
    def test_figures(sentence, texts):
        assert figures_of(sentence)["text"].tolist() == texts

    return test_figures


def negatives_test(negatives: list):
    """Each sentence gives no figure."""

    @pytest.mark.parametrize("sentence", negatives, ids=_ids("negative", negatives))
    def test_not_figures(sentence):
        assert figures_of(sentence)["text"].tolist() == []

    return test_not_figures
