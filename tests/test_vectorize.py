from __future__ import annotations

import numpy as np
import pytest

from summarizer.errors import InvalidFileError
from summarizer.vectorize import DocumentFrequencies, smoothed_idf, vectorize


def test_tf_and_unit_rows():
    v = vectorize([["cat", "dog", "cat"], ["dog"], []])
    assert v.terms == ["cat", "dog"]
    assert v.tf.toarray().tolist() == [[2.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
    norms = np.sqrt(np.asarray(v.tfidf.multiply(v.tfidf).sum(axis=1)).ravel())
    np.testing.assert_allclose(norms, [1.0, 1.0, 0.0])


def test_sentence_idf_weights_rare_terms_higher():
    v = vectorize([["cat", "dog"], ["dog"], ["dog"]])
    row = v.tfidf.toarray()[0]
    assert row[0] > row[1]
    np.testing.assert_allclose(smoothed_idf(np.array([0, 3]), 3), [np.log(4) + 1, 1.0])


def test_corpus_frequencies():
    f = DocumentFrequencies()
    f.update([["cat", "dog"], ["cat"]])
    f.update([["dog"]])
    assert f.n_documents == 2 and f.counts == {"cat": 1, "dog": 2}
    np.testing.assert_allclose(f.idf(["cat", "dog", "eel"]), smoothed_idf(np.array([1, 2, 0]), 2))
    v = vectorize([["eel", "dog"]], f)
    assert v.tfidf.toarray()[0, 0] > v.tfidf.toarray()[0, 1]


def test_empty_document():
    v = vectorize([])
    assert v.tf.shape == (0, 0) and v.terms == []


def test_frequencies_round_trip_as_plain_data():
    f = DocumentFrequencies()
    f.update([["cat", "dog"], ["cat"]])
    f.update([["dog", "eel"]])
    data = f.to_dict()
    assert data == {
        "version": 1,
        "n_documents": 2,
        "document_frequencies": {"cat": 1, "dog": 2, "eel": 1},
    }
    assert DocumentFrequencies.from_dict(data) == f


def test_merge_equals_counting_everything_at_once():
    docs = [[["a", "b"]], [["b"], ["c"]], [["a"]], []]
    whole = DocumentFrequencies()
    parts = [DocumentFrequencies(), DocumentFrequencies()]
    for i, doc in enumerate(docs):
        whole.update(doc)
        parts[i % 2].update(doc)
    assert DocumentFrequencies.merge(parts) == whole
    assert DocumentFrequencies.merge([]) == DocumentFrequencies()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ([1, 2], "expected an object"),
        ({"n_documents": 1, "document_frequencies": {}}, "version"),
        ({"version": 99, "n_documents": 1, "document_frequencies": {}}, "newer"),
        ({"version": 1, "n_documents": -1, "document_frequencies": {}}, "n_documents"),
        ({"version": 1, "n_documents": 2, "document_frequencies": []}, "term -> count"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": 3}}, "'a'"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": 1.5}}, "'a'"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": True}}, "'a'"),
    ],
)
def test_frequencies_from_bad_data(data, match):
    with pytest.raises(InvalidFileError, match=match):
        DocumentFrequencies.from_dict(data)
