from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from summarizer.errors import InvalidFileError
from summarizer.text import Analyzer, TermIndex
from summarizer.vectorize import DocumentFrequencies, smoothed_idf, vectorize, vectorize_index


def _array(m) -> np.ndarray:
    return m.toarray() if sp.issparse(m) else np.asarray(m)


def _index(term_lists: list[list[str]]) -> TermIndex:
    vocabulary = sorted({t for terms in term_lists for t in terms}, reverse=True)
    ids = {t: i for i, t in enumerate(vocabulary)}
    flat = [ids[t] for terms in term_lists for t in terms]
    indptr = np.cumsum([0] + [len(terms) for terms in term_lists])
    return TermIndex(np.asarray(flat, dtype=np.intp), indptr.astype(np.intp), vocabulary)


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
    w = vectorize_index(_index([["eel", "dog"]]), f)
    np.testing.assert_allclose(_array(w.tfidf), v.tfidf.toarray())


def test_empty_document():
    v = vectorize([])
    assert v.tf.shape == (0, 0) and v.terms == []
    w = vectorize_index(_index([]))
    assert w.tf.shape == (0, 0) and w.terms == [] and w.tfidf.shape == (0, 0)


def test_index_vectors_equal_string_vectors_dense_or_sparse():
    term_lists = [["b", "a", "b"], [], ["c", "a"], ["a"], ["d", "d", "d"]]
    expected = vectorize(term_lists)
    for dense in (True, False, None):
        v = vectorize_index(_index(term_lists), dense=dense)
        assert sp.issparse(v.tf) == (dense is False) and sp.issparse(v.tfidf) == sp.issparse(v.tf)
        assert v.terms == expected.terms == ["b", "a", "c", "d"]  # first appearance
        np.testing.assert_array_equal(_array(v.tf), expected.tf.toarray())
        np.testing.assert_allclose(_array(v.tfidf), expected.tfidf.toarray(), rtol=1e-15)


def test_tfidf_by_hand():
    v = vectorize_index(_index([["x", "y"], ["y"], ["y", "y", "z"]]), dense=True)
    tf = np.array([[1.0, 1, 0], [0, 1, 0], [0, 2, 1]])
    weighted = tf * smoothed_idf(np.array([1, 3, 1]), 3)
    expected = weighted / np.linalg.norm(weighted, axis=1, keepdims=True)
    np.testing.assert_allclose(v.tfidf, expected, rtol=1e-15)


def test_results_do_not_depend_on_what_the_analyzer_saw_before(article, wrapped):
    fresh = Analyzer("english")
    used = Analyzer("english")
    used.index(wrapped[::-1] + wrapped, [(0, 2 * len(wrapped))])
    spans = [(0, 200), (200, 400), (400, len(article))]
    a = vectorize_index(fresh.index(article, spans))
    b = vectorize_index(used.index(article, spans))
    assert a.terms == b.terms
    np.testing.assert_array_equal(_array(a.tfidf), _array(b.tfidf))


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
