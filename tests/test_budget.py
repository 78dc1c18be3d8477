"""Budgets: made and checked once, then carried to selection."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from summarizer.budget import DEFAULT_SENTENCES, Budget
from summarizer.errors import InvalidOptionError


def test_from_options_default_and_one_of_each_kind():
    assert Budget.from_options() == Budget("sentences", DEFAULT_SENTENCES)
    assert Budget.from_options(words=20) == Budget("words", 20)
    assert Budget.from_options(ratio=1) == Budget("ratio", 1.0)
    assert Budget.from_options(chars=5.0) == Budget("chars", 5)
    with pytest.raises(InvalidOptionError, match="at most one"):
        Budget.from_options(sentences=1, chars=10)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("pages", 5, "unknown budget kind 'pages'"),
        ("sentences", 0, "sentences must be a positive integer, not 0"),
        ("sentences", 1.5, "positive integer"),
        ("sentences", True, "positive integer"),
        ("sentences", "3", "positive integer"),
        ("words", float("inf"), "positive integer"),
        ("ratio", 0, r"ratio must be a number in \(0, 1\], not 0"),
        ("ratio", float("nan"), "ratio"),
    ],
)
def test_a_budget_is_checked_when_made(kind, value, message):
    with pytest.raises(InvalidOptionError, match=message) as info:
        Budget(kind, value)
    assert info.value.option in (kind, "budget kind")


def test_counts():
    assert Budget("sentences", 3).count(10) == 3
    assert Budget("sentences", 30).count(10) == 10
    assert Budget("ratio", 0.25).count(10) == 3  # 2.5 rounds up
    assert Budget("ratio", 0.01).count(10) == 1
    assert Budget("words", 100).count(10) is None
    assert Budget("words", 100).expected_count(10, np.array([10, 30])) == 5.0
    assert Budget("chars", 100).expected_count(10, np.zeros(0)) == 1.0
    assert Budget("ratio", 0.5).counts_sentences and not Budget("chars", 9).counts_sentences


def test_budgets_pickle_and_serialize():
    budget = Budget("ratio", 0.2)
    assert pickle.loads(pickle.dumps(budget)) == budget
    assert budget.to_dict() == {"kind": "ratio", "value": 0.2}
