"""The Document: one analysis per text, computed on first use."""

from __future__ import annotations

import numpy as np

from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.segment import segment
from summarizer.text import get_analyzer

TEXT = "Library plan approved\n\nThe council voted. It was close.\n\nWork starts soon."


def test_derived_views_of_a_text():
    doc = Document(TEXT, segment(TEXT), get_analyzer("english"))
    assert doc.n == 4 and doc.language == "en"
    assert doc.headings.tolist() == [True, False, False, False]
    assert doc.body_positions.tolist() == [0, 0, 1, 2]
    assert doc.word_counts.tolist() == [3, 3, 3, 3]
    assert doc.char_counts.tolist() == [e - s for s, e in doc.spans]
    assert doc.sizes(Budget("words", 10)) is doc.word_counts
    assert doc.sizes(Budget("chars", 10)) is doc.char_counts
    assert doc.sizes(Budget("ratio", 0.5)) is None
    assert doc.vectors.tf.shape[0] == 4 and doc.index.lengths.size == 4


def test_nothing_is_computed_before_it_is_needed():
    doc = Document(TEXT, segment(TEXT), get_analyzer("english"))
    assert "index" not in vars(doc) and "vectors" not in vars(doc)
    doc.headings  # noqa: B018
    assert "index" not in vars(doc)
    first = doc.vectors
    assert doc.vectors is first and "index" in vars(doc)


def test_empty_document():
    doc = Document("", [], get_analyzer("english"))
    assert doc.n == 0 and doc.headings.size == 0 and doc.body_positions.size == 0
    assert np.array_equal(doc.word_counts, np.zeros(0))
