"""The numeric core on hand-built matrices."""

from __future__ import annotations

import numpy as np
import pytest
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


# Position-aware ranking -----------------------------------------------------------------------

SIM3 = np.array([[0.0, 0.5, 0.2], [0.5, 0.0, 0.4], [0.2, 0.4, 0.0]])


def test_directed_centrality_by_hand():
    # beta=0: edges shifted down by the smallest off-diagonal similarity (0.2)
    # e01 = 0.3, e02 = 0.0, e12 = 0.2
    scores = rank.directed_centrality(SIM3, beta=0.0, earlier=-0.5, later=1.0)
    np.testing.assert_allclose(scores, [0.3, 0.2 - 0.5 * 0.3, -0.5 * 0.2])
    # symmetric weights give the degree of the shifted graph
    np.testing.assert_allclose(rank.directed_centrality(SIM3, 0.0, 1.0, 1.0), [0.3, 0.5, 0.2])


def test_directed_centrality_threshold_and_small_inputs():
    # beta=0.5: threshold 0.35, only edge 0-1 (0.15) and 1-2 (0.05) survive
    np.testing.assert_allclose(rank.directed_centrality(SIM3, 0.5, 0.0, 1.0), [0.15, 0.05, 0.0])
    assert not rank.directed_centrality(SIM3, beta=1.0).any()  # nothing above the maximum
    assert rank.directed_centrality(np.zeros((1, 1))).tolist() == [0.0]
    assert rank.directed_centrality(np.zeros((0, 0))).size == 0
    np.testing.assert_allclose(
        rank.directed_centrality(sp.csr_matrix(SIM3)), rank.directed_centrality(SIM3)
    )


def test_directed_centrality_favours_what_later_sentences_repeat():
    # sentence 0 is echoed by every later sentence; the echoes only resemble earlier text
    sim = np.full((5, 5), 0.1)
    sim[0, 1:] = sim[1:, 0] = 0.6
    np.fill_diagonal(sim, 0.0)
    scores = rank.directed_centrality(sim)  # beta 0, earlier -0.5, later 1
    np.testing.assert_allclose(scores, [2.0, -0.25, -0.25, -0.25, -0.25])
    # undirected (earlier = later) it is plain degree: the lead still wins, echoes are not punished
    np.testing.assert_allclose(rank.directed_centrality(sim, 0.0, 1.0), [2.0, 0.5, 0.5, 0.5, 0.5])


def test_body_positions_skip_headings():
    assert rank.body_positions([True, False, False, True, False]).tolist() == [0, 0, 1, 2, 2]
    assert rank.body_positions([False, False]).tolist() == [0, 1]
    assert rank.body_positions(np.zeros(0, dtype=bool)).size == 0


def test_lead_prior_uncapped_is_the_lead_curve():
    pos = np.arange(6.0)
    prior = rank.lead_prior(pos, k=1, n=10_000, weight=6.0, decay=1.5, cap=1.0, slot_cap=1.0)
    np.testing.assert_allclose(prior, 1.0 + 6.0 * np.exp(-pos / 1.5))


def test_lead_prior_caps():
    pos = np.arange(30.0)
    news = rank.lead_prior(pos, k=3, n=30)  # base rate 0.1: cap 0.45 / 0.1 = 4.5
    assert news.max() == pytest.approx(4.5) and news.min() >= 1.0
    assert np.all(np.diff(news) <= 0)  # never favours a later sentence
    # a summary keeping more than `cap` of the text: position favours nobody
    assert np.all(rank.lead_prior(pos[:10], k=5, n=10) == 1.0)
    # one sentence of a short text: at most slot_cap * n = 0.2 * 6
    short = rank.lead_prior(np.arange(6.0), k=1, n=6)
    assert short.max() == pytest.approx(1.2)
    # ... while a long article keeps a strong lead for the same budget
    assert rank.lead_prior(pos, k=1, n=30).max() == pytest.approx(6.0)


def test_lead_prior_degenerate_budgets():
    pos = np.arange(4.0)
    assert np.all(rank.lead_prior(pos, k=0, n=4) == rank.lead_prior(pos, k=1, n=4))
    assert np.all(rank.lead_prior(pos, k=9, n=4) == 1.0)  # everything is taken
    assert rank.lead_prior(np.zeros(0), k=3, n=0).size == 0
    assert np.all(rank.lead_prior(pos, k=1, n=4, weight=0.0) == 1.0)


def test_positional_scores():
    scores = rank.positional_scores(np.array([0.2, 0.4, 0.1]), np.array([3.0, 1.0, 1.0]))
    np.testing.assert_allclose(scores, [1.5, 1.0, 0.25])
    excluded = rank.positional_scores(np.array([0.5, 0.4]), np.ones(2), np.array([True, False]))
    np.testing.assert_allclose(excluded, [0.0, 0.8])
    np.testing.assert_allclose(
        rank.positional_scores(np.zeros(3), np.array([2.0, 1, 1])), [2, 1, 1]
    )
    assert rank.positional_scores(np.zeros(0), np.zeros(0)).size == 0
