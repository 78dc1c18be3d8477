from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from summarizer.text import Analyzer, TermIndex
from summarizer.vectorize import DocumentFrequencies, smoothed_idf, vectorize


def _array(m) -> np.ndarray:
    return m.toarray() if sp.issparse(m) else np.asarray(m)


def _index(term_lists: list[list[str]]) -> TermIndex:
    vocabulary = sorted({t for terms in term_lists for t in terms}, reverse=True)
    ids = {t: i for i, t in enumerate(vocabulary)}
    flat = [ids[t] for terms in term_lists for t in terms]
    indptr = np.cumsum([0] + [len(terms) for terms in term_lists])
    return TermIndex(np.asarray(flat, dtype=np.intp), indptr.astype(np.intp), vocabulary)


def _vectorize(term_lists, frequencies=None, dense=None):
    return vectorize(_index(term_lists), frequencies, dense)


def test_tfidf_equals_scikit_learns(article):
    """scikit-learn's TfidfVectorizer, given our terms, as the oracle: same smoothed IDF
    (``ln((1 + n) / (1 + df)) + 1``), raw counts and unit rows."""
    analyzer = Analyzer("english")
    spans = [(0, 150), (150, 300), (300, 420), (420, len(article))]
    index = analyzer.index(article, spans)
    term_lists = [
        [index.vocabulary[i] for i in index.ids[index.indptr[k] : index.indptr[k + 1]].tolist()]
        for k in range(len(spans))
    ]
    oracle = TfidfVectorizer(analyzer=lambda terms: terms, lowercase=False)
    expected = oracle.fit_transform(term_lists).toarray()
    columns = [oracle.vocabulary_[t] for t in _vectorize(term_lists).terms]
    for dense in (True, False):
        ours = vectorize(index, dense=dense)
        np.testing.assert_allclose(_array(ours.tfidf), expected[:, columns], rtol=1e-12)


def test_tf_and_unit_rows():
    v = _vectorize([["cat", "dog", "cat"], ["dog"], []], dense=False)
    assert v.terms == ["cat", "dog"]
    assert v.tf.toarray().tolist() == [[2.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
    norms = np.sqrt(np.asarray(v.tfidf.multiply(v.tfidf).sum(axis=1)).ravel())
    np.testing.assert_allclose(norms, [1.0, 1.0, 0.0])


def test_sentence_idf_weights_rare_terms_higher():
    v = _vectorize([["cat", "dog"], ["dog"], ["dog"]])
    row = _array(v.tfidf)[0]
    assert row[0] > row[1]
    np.testing.assert_allclose(smoothed_idf(np.array([0, 3]), 3), [np.log(4) + 1, 1.0])


def test_corpus_frequencies():
    f = DocumentFrequencies()
    f.update([["cat", "dog"], ["cat"]])
    f.update([["dog"]])
    assert f.n_documents == 2 and f.counts == {"cat": 1, "dog": 2}
    np.testing.assert_allclose(f.idf(["cat", "dog", "eel"]), smoothed_idf(np.array([1, 2, 0]), 2))
    v = _vectorize([["eel", "dog"]], f)
    assert v.terms == ["eel", "dog"]
    assert _array(v.tfidf)[0, 0] > _array(v.tfidf)[0, 1]
    weighted = smoothed_idf(np.array([0, 2]), 2)
    np.testing.assert_allclose(_array(v.tfidf)[0], weighted / np.linalg.norm(weighted))


def test_empty_document():
    for dense in (True, False):
        w = _vectorize([], dense=dense)
        assert w.tf.shape == (0, 0) and w.terms == [] and w.tfidf.shape == (0, 0)


def test_dense_and_sparse_vectors_are_equal():
    term_lists = [["b", "a", "b"], [], ["c", "a"], ["a"], ["d", "d", "d"]]
    expected = _vectorize(term_lists, dense=False)
    for dense in (True, None):
        v = _vectorize(term_lists, dense=dense)
        assert sp.issparse(v.tf) == (dense is False) and sp.issparse(v.tfidf) == sp.issparse(v.tf)
        assert v.terms == expected.terms == ["b", "a", "c", "d"]  # first appearance
        np.testing.assert_array_equal(_array(v.tf), expected.tf.toarray())
        np.testing.assert_allclose(_array(v.tfidf), expected.tfidf.toarray(), rtol=1e-15)


def test_tfidf_by_hand():
    v = _vectorize([["x", "y"], ["y"], ["y", "y", "z"]], dense=True)
    tf = np.array([[1.0, 1, 0], [0, 1, 0], [0, 2, 1]])
    weighted = tf * smoothed_idf(np.array([1, 3, 1]), 3)
    expected = weighted / np.linalg.norm(weighted, axis=1, keepdims=True)
    np.testing.assert_allclose(v.tfidf, expected, rtol=1e-15)


def test_results_do_not_depend_on_what_the_analyzer_saw_before(article, wrapped):
    fresh = Analyzer("english")
    used = Analyzer("english")
    used.index(wrapped[::-1] + wrapped, [(0, 2 * len(wrapped))])
    spans = [(0, 200), (200, 400), (400, len(article))]
    a = vectorize(fresh.index(article, spans))
    b = vectorize(used.index(article, spans))
    assert a.terms == b.terms
    np.testing.assert_array_equal(_array(a.tfidf), _array(b.tfidf))


def test_merge_equals_counting_everything_at_once():
    docs = [[["a", "b"]], [["b"], ["c"]], [["a"]], []]
    whole = DocumentFrequencies()
    parts = [DocumentFrequencies(), DocumentFrequencies()]
    for i, doc in enumerate(docs):
        whole.update(doc)
        parts[i % 2].update(doc)
    assert DocumentFrequencies.merge(parts) == whole
    assert DocumentFrequencies.merge([]) == DocumentFrequencies()


def test_both_ways_of_finding_columns_agree(monkeypatch, article):
    """Long documents find first appearances through a vocabulary-sized lookup, short ones
    by sorting their ids: the same columns, terms and matrices either way."""
    from summarizer import vectorize as vectorize_module

    analyzer = Analyzer("english")
    analyzer.index(article[::-1], [(0, len(article))])  # ids not in order of appearance
    index = analyzer.index(article, [(0, 300), (300, 900), (900, len(article))])
    monkeypatch.setattr(vectorize_module, "_LOOKUP_MIN", 10**9)
    by_sort = [vectorize(index, dense=dense) for dense in (True, False)]
    monkeypatch.setattr(vectorize_module, "_LOOKUP_MIN", 0)
    by_lookup = [vectorize(index, dense=dense) for dense in (True, False)]
    for a, b in zip(by_sort, by_lookup, strict=True):
        assert a.terms == b.terms
        np.testing.assert_array_equal(_array(a.tf), _array(b.tf))
        np.testing.assert_array_equal(_array(a.tfidf), _array(b.tfidf))
    assert by_sort[0].terms[:3] == analyzer.terms(article)[:3]


def test_warm_up_imports_what_long_documents_need_and_changes_nothing(article):
    import sys

    from summarizer import Summarizer

    before = Summarizer().summarize(article, 2).to_dict()["sentences"]
    engine = Summarizer().warm_up()
    assert "scipy.sparse" in sys.modules and "scipy.sparse.linalg" in sys.modules
    assert engine.summarize(article, 2).to_dict()["sentences"] == before
