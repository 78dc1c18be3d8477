"""The numeric core on hand-built matrices."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from summarizer import rank


def test_pagerank_uniform_on_symmetric_ring():
    n = 5
    w = np.zeros((n, n))
    for i in range(n):
        w[i, (i + 1) % n] = w[(i + 1) % n, i] = 1.0
    np.testing.assert_allclose(rank.pagerank(w), np.full(n, 1 / n), atol=1e-12)


def test_pagerank_dangling_and_empty():
    w = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    x = rank.pagerank(w)
    assert abs(x.sum() - 1) < 1e-12 and x[2] > x[1] > x[0]
    assert rank.pagerank(np.zeros((0, 0))).size == 0
    np.testing.assert_allclose(rank.pagerank(np.zeros((3, 3))), np.full(3, 1 / 3))


def test_pagerank_sparse_equals_dense():
    rng = np.random.default_rng(0)
    w = rng.random((30, 30)) * (rng.random((30, 30)) < 0.2)
    np.testing.assert_allclose(rank.pagerank(sp.csr_matrix(w)), rank.pagerank(w), atol=1e-12)


def test_cosine_similarity_zero_diagonal():
    x = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    s = rank.cosine_similarity(x)
    np.testing.assert_allclose(np.diag(s), 0)
    np.testing.assert_allclose(s[0, 1], 0.6)
    np.testing.assert_allclose(s, s.T)


def test_overlap_similarity():
    counts = sp.csr_matrix(np.array([[2.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 1.0]]))
    lengths = np.array([3.0, 2.0, 1.0])
    s = rank.overlap_similarity(counts, lengths)
    np.testing.assert_allclose(s[0, 1], 1 / (np.log(3) + np.log(2)))
    np.testing.assert_allclose(s[1, 2], 1 / np.log(2))
    assert s[0, 2] == 0 and np.all(np.diag(s) == 0)


def test_centroid_scores():
    x = sp.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]))
    scores = rank.centroid_scores(x)
    assert scores[0] == scores[1] > scores[2]
    assert rank.centroid_scores(sp.csr_matrix((2, 3))).tolist() == [0.0, 0.0]


def test_threshold_graph():
    s = np.array([[0.0, 0.3], [0.3, 0.0]])
    assert rank.threshold_graph(s, 0.2).tolist() == [[0.0, 1.0], [1.0, 0.0]]
    assert rank.threshold_graph(s, 0.5).sum() == 0
