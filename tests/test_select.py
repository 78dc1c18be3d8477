from __future__ import annotations

import numpy as np
import pytest

from summarizer.errors import InvalidOptionError
from summarizer.select import DEFAULT_SENTENCES, Budget, rank_order, select

WORDS = np.array([5, 10, 3, 8])
CHARS = WORDS * 6


def test_budget_default_and_validation():
    assert Budget.from_options() == Budget("sentences", DEFAULT_SENTENCES)
    assert Budget.from_options(words=20) == Budget("words", 20)
    assert Budget.from_options(ratio=1) == Budget("ratio", 1.0)
    with pytest.raises(InvalidOptionError, match="at most one"):
        Budget.from_options(sentences=1, chars=10)


def test_rank_order_breaks_ties_by_position():
    assert rank_order(np.array([0.5, 0.9, 0.5, 0.9])).tolist() == [1, 3, 0, 2]
    assert rank_order(np.array([1.0, 1.0 + 1e-15, 1.0])).tolist() == [0, 1, 2]
    assert rank_order(np.zeros(0)).tolist() == []


def test_sentences_budget_document_and_score_order():
    scores = np.array([0.1, 0.4, 0.3, 0.2])
    assert select(scores, Budget("sentences", 2), WORDS, CHARS).tolist() == [1, 2]
    assert select(scores, Budget("sentences", 2), WORDS, CHARS, "score").tolist() == [1, 2]
    assert select(scores, Budget("sentences", 3), WORDS, CHARS, "score").tolist() == [1, 2, 3]


def test_ratio_rounds_half_up_and_takes_at_least_one():
    scores = np.arange(4.0)
    assert len(select(scores, Budget("ratio", 0.5), WORDS, CHARS)) == 2
    assert len(select(scores, Budget("ratio", 0.375), WORDS, CHARS)) == 2  # 1.5 -> 2
    assert len(select(scores, Budget("ratio", 0.01), WORDS, CHARS)) == 1


def test_words_budget_skips_sentences_that_overflow():
    scores = np.array([0.4, 0.3, 0.2, 0.1])  # best first: 5, 10, 3, 8 words
    assert select(scores, Budget("words", 9), WORDS, CHARS).tolist() == [0, 2]
    assert select(scores, Budget("words", 2), WORDS, CHARS).tolist() == [0]  # best kept
    assert select(scores, Budget("chars", 48), WORDS, CHARS).tolist() == [0, 2]


def test_empty_scores():
    assert select(np.zeros(0), Budget("sentences", 3), WORDS[:0], CHARS[:0]).tolist() == []
