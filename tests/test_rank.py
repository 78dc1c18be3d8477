"""The numeric core on hand-built matrices."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from summarizer import rank, vectorize
from summarizer.api import METHODS, summarize


def _nx_pagerank(w: np.ndarray, damping: float = 0.85) -> np.ndarray:
    graph = nx.from_numpy_array(w, create_using=nx.DiGraph)
    scores = nx.pagerank(graph, alpha=damping, weight="weight", tol=1e-13, max_iter=10_000)
    return np.array([scores[i] for i in range(w.shape[0])])


def _random_graph(rng, n: int, density: float, symmetric: bool) -> np.ndarray:
    w = rng.random((n, n)) * (rng.random((n, n)) < density)
    np.fill_diagonal(w, 0.0)
    if symmetric:
        w = np.triu(w) + np.triu(w).T
    return w


def _unit_rows(rng, n: int, d: int, density: float) -> sp.csr_matrix:
    x = sp.random(n, d, density=density, random_state=rng, format="csr")
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


@pytest.mark.parametrize("seed", range(6))
def test_pagerank_equals_networkx_on_random_directed_graphs(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    w = _random_graph(rng, n, rng.uniform(0.05, 0.6), symmetric=False)
    w[rng.integers(n)] = 0.0  # at least one dangling node
    damping = float(rng.uniform(0.5, 0.95))
    expected = _nx_pagerank(w, damping)
    for weights, solver in [(w, "direct"), (w, "power"), (sp.csr_matrix(w), "power")]:
        got = rank.pagerank(weights, damping, tol=1e-13, solver=solver)
        np.testing.assert_allclose(got, expected, atol=1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_pagerank_cg_equals_networkx_on_random_symmetric_graphs(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 60))
    w = _random_graph(rng, n, rng.uniform(0.02, 0.5), symmetric=True)
    expected = _nx_pagerank(w)
    operator = rank.similarity_operator(n, lambda v: w @ v)
    for weights in (w, sp.csr_matrix(w), operator):
        got = rank.pagerank(weights, tol=1e-12, solver="cg")
        np.testing.assert_allclose(got, expected, atol=1e-9)
    np.testing.assert_allclose(rank.pagerank(w), expected, atol=1e-9)


def test_pagerank_disconnected_graph_and_isolated_nodes():
    w = np.zeros((7, 7))
    w[:3, :3] = 1.0  # a triangle (with self-loops, as networkx counts them)
    w[3, 4] = w[4, 3] = 2.0  # an edge
    # nodes 5 and 6 are isolated
    expected = _nx_pagerank(w)
    for solver in ("direct", "power", "cg"):
        got = rank.pagerank(w, tol=1e-13, solver=solver)
        np.testing.assert_allclose(got, expected, atol=1e-9)
        assert got[5] == pytest.approx(got[6]) and got[0] == pytest.approx(got[2])


def test_pagerank_small_cases():
    assert rank.pagerank(np.zeros((0, 0))).size == 0
    assert rank.pagerank(np.zeros((0, 0)), solver="cg").size == 0
    assert rank.pagerank(np.zeros((1, 1))).tolist() == [1.0]
    np.testing.assert_allclose(rank.pagerank(np.zeros((3, 3))), np.full(3, 1 / 3))
    np.testing.assert_allclose(rank.pagerank(sp.csr_matrix((3, 3)), solver="cg"), np.full(3, 1 / 3))
    ring = np.roll(np.eye(5), 1, axis=1) + np.roll(np.eye(5), -1, axis=1)
    np.testing.assert_allclose(rank.pagerank(ring), np.full(5, 0.2), atol=1e-12)
    chain = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    x = rank.pagerank(chain)
    assert abs(x.sum() - 1) < 1e-12 and x[2] > x[1] > x[0]
    with pytest.raises(ValueError):
        rank.pagerank(sp.csr_matrix(chain), solver="direct")
    with pytest.raises(ValueError):
        rank.pagerank(chain, solver="magic")


def test_gram_slices_equal_one_product():
    rng = np.random.default_rng(1)
    for n, k in [(5, 3), (40, 700), (90, 100), (300, 20)]:
        x = rng.random((n, k))
        np.testing.assert_allclose(rank._gram(x), x @ x.T, rtol=1e-12)


def test_cosine_similarity_zero_diagonal():
    x = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    for m in (x, x.toarray()):
        s = rank.cosine_similarity(m)
        np.testing.assert_allclose(np.diag(s), 0)
        np.testing.assert_allclose(s[0, 1], 0.6)
        np.testing.assert_allclose(s, s.T)


def test_overlap_similarity():
    counts = np.array([[2.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    lengths = np.array([3.0, 2.0, 1.0, 1.0])
    for m in (counts, sp.csr_matrix(counts)):
        s = rank.overlap_similarity(m, lengths)
        np.testing.assert_allclose(s[0, 1], 1 / (np.log(3) + np.log(2)))
        np.testing.assert_allclose(s[1, 2], 1 / np.log(2))
        assert s[0, 2] == 0 and np.all(np.diag(s) == 0)
        assert s[2, 3] == 0  # both one word long: log lengths sum to zero


def _explicit(operator) -> np.ndarray:
    """The matrix of an operator, one column per unit vector."""
    return operator @ np.eye(operator.shape[0])


def _threshold_graph_sparse(x, threshold, max_edges=rank.MAX_EDGES, block_work=8_000_000):
    """The thresholded graph of ``threshold_pairs`` as a symmetric CSR matrix."""
    n = x.shape[0]
    rows, cols = rank.threshold_pairs(x, threshold, max_edges, block_work)
    lower = sp.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    return sp.csr_matrix(lower + lower.T)


@pytest.mark.parametrize("seed", range(4))
def test_operators_equal_explicit_matrices(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 50))
    x = _unit_rows(rng, n, 30, 0.15)
    np.testing.assert_allclose(
        _explicit(rank.cosine_operator(x)), rank.cosine_similarity(x), atol=1e-12
    )
    counts = sp.csr_matrix(rng.integers(0, 3, (n, 25)) * (rng.random((n, 25)) < 0.2), dtype=float)
    lengths = np.asarray(counts.sum(axis=1)).ravel() + rng.integers(0, 2, n)
    lengths[: min(n, 3)] = [0, 1, 1][: min(n, 3)]
    before = counts.toarray()
    np.testing.assert_allclose(
        _explicit(rank.overlap_operator(counts, lengths)),
        rank.overlap_similarity(counts, lengths),
        atol=1e-12,
    )
    np.testing.assert_array_equal(counts.toarray(), before)  # inputs are left alone


@pytest.mark.parametrize("seed", range(6))
def test_factored_overlap_operator_equals_the_explicit_matrix(seed):
    """The exponential-sum kernel (used past ``exact_work``) against the dense definition,
    with one-word and empty sentences, duplicates and many distinct lengths."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 90))
    counts = sp.csr_matrix(rng.integers(0, 3, (n, 40)) * (rng.random((n, 40)) < 0.15), dtype=float)
    lengths = np.asarray(counts.sum(axis=1)).ravel() + rng.integers(0, 300, n) * (seed % 2)
    lengths[: min(n, 4)] = [0, 1, 1, 1][: min(n, 4)]
    expected = rank.overlap_similarity(counts, lengths)
    got = _explicit(rank.overlap_operator(counts, lengths, exact_work=0))
    np.testing.assert_allclose(got, expected, rtol=1e-11, atol=1e-13)
    exact = _explicit(rank.overlap_operator(counts, lengths))
    np.testing.assert_allclose(exact, expected, atol=1e-12)


@pytest.mark.parametrize("low,high", [(np.log(2), 2 * np.log(1e6)), (1.0, 1.0), (0.01, 50.0)])
def test_overlap_kernel_approximates_one_over_s(low, high):
    rates, weights, constant, linear = rank.overlap_kernel(low, high)
    s = np.geomspace(low, high, 5001)
    approx = constant + linear * s + np.exp(-np.outer(s, rates)) @ weights
    assert np.abs(approx * s - 1.0).max() < 1e-11
    assert rates.size < 80


def test_textrank_with_the_factored_kernel_ranks_as_the_exact_one():
    rng = np.random.default_rng(5)
    n = 400
    counts = sp.csr_matrix(rng.integers(0, 2, (n, 60)) * (rng.random((n, 60)) < 0.1), dtype=float)
    lengths = np.asarray(counts.sum(axis=1)).ravel() + rng.integers(1, 200, n)
    exact = rank.pagerank(rank.overlap_operator(counts, lengths), symmetric=True)
    factored = rank.pagerank(rank.overlap_operator(counts, lengths, exact_work=0), symmetric=True)
    np.testing.assert_allclose(factored, exact, rtol=1e-9)


@pytest.mark.parametrize("threshold", [0.0, 0.1, 0.3])
def test_threshold_graph_sparse_equals_dense(threshold):
    rng = np.random.default_rng(7)
    x = _unit_rows(rng, 120, 40, 0.08)
    expected = rank.threshold_graph(rank.cosine_similarity(x), threshold)
    got = _threshold_graph_sparse(x, threshold, block_work=50)  # many blocks
    np.testing.assert_array_equal(got.toarray(), expected)
    op = rank.threshold_operator(x, threshold, block_work=200)
    np.testing.assert_array_equal(_explicit(op), expected)


def test_threshold_graph_cap_keeps_the_strongest_links():
    rng = np.random.default_rng(8)
    x = _unit_rows(rng, 150, 30, 0.12)
    sim = rank.cosine_similarity(x)
    full = rank.threshold_graph(sim, 0.05)
    capped = _threshold_graph_sparse(x, 0.05, max_edges=400, block_work=100).toarray()
    assert 0 < capped.sum() <= 400 < full.sum()
    np.testing.assert_array_equal(capped, capped.T)
    assert np.all(capped <= full)
    kept, dropped = sim[capped > 0], sim[(full > 0) & (capped == 0)]
    assert kept.min() > dropped.max() - (1 - 0.05) / 256  # within one grid step
    assert _threshold_graph_sparse(x, 0.05, max_edges=0).nnz == 0


def test_identical_sentences_tie_and_empty_sentences_are_handled():
    counts = np.array(
        [[1.0, 1, 0, 0], [1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 1, 1], [1, 1, 0, 0]]
    )
    lengths = counts.sum(axis=1)
    vectors = vectorize._weigh(counts, None)
    for dense_max in (100, 0):
        for scores in (
            rank.textrank_scores(
                counts if dense_max else sp.csr_matrix(counts), lengths, 0.85, dense_max
            ),
            rank.lexrank_scores(
                vectors if dense_max else sp.csr_matrix(vectors), 0.85, None, dense_max
            ),
            rank.lexrank_scores(
                vectors if dense_max else sp.csr_matrix(vectors), 0.85, 0.2, dense_max
            ),
        ):
            assert np.isfinite(scores).all() and abs(scores.sum() - 1) < 1e-12
            np.testing.assert_allclose(scores[[1, 5]], scores[0], rtol=1e-9)
            assert scores[3] == min(scores)  # no content words: only teleports in
    empty = np.zeros((4, 3))
    np.testing.assert_allclose(rank.textrank_scores(empty, np.zeros(4)), np.full(4, 0.25))
    np.testing.assert_allclose(rank.lexrank_scores(sp.csr_matrix(empty), dense_max=0), 0.25)


@pytest.mark.parametrize("seed", range(3))
def test_large_document_path_agrees_with_small_one(seed):
    rng = np.random.default_rng(seed)
    n = 70
    counts = sp.csr_matrix(rng.integers(0, 3, (n, 60)) * (rng.random((n, 60)) < 0.08))
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    vectors = vectorize._weigh(counts, None)
    pairs = [
        (
            rank.textrank_scores(counts.toarray(), lengths),
            rank.textrank_scores(counts, lengths, dense_max=0),
        ),
        (rank.lexrank_scores(vectors.toarray()), rank.lexrank_scores(vectors, dense_max=0)),
        (
            rank.lexrank_scores(vectors.toarray(), threshold=0.1),
            rank.lexrank_scores(vectors, threshold=0.1, dense_max=0),
        ),
    ]
    for small, large in pairs:
        np.testing.assert_allclose(large, small, rtol=1e-8)


@pytest.mark.parametrize("method", [m for m in METHODS if m != "lead"])
def test_summaries_are_the_same_through_the_large_document_path(monkeypatch, article, method):
    options = {"threshold": 0.1} if method == "lexrank" else {}
    small = summarize(article, sentences=3, method=method, **options)
    monkeypatch.setattr(rank, "DENSE_MAX", 0)
    monkeypatch.setattr(vectorize, "DENSE_MAX_CELLS", 0)
    large = summarize(article, sentences=3, method=method, **options)
    assert [s.index for s in large] == [s.index for s in small]
    np.testing.assert_allclose([s.score for s in large], [s.score for s in small], rtol=1e-8)


def test_centroid_scores():
    x = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    for m in (x, sp.csr_matrix(x)):
        scores = rank.centroid_scores(m)
        assert scores[0] == scores[1] > scores[2]
    assert rank.centroid_scores(sp.csr_matrix((2, 3))).tolist() == [0.0, 0.0]


def test_threshold_graph():
    s = np.array([[0.0, 0.3], [0.3, 0.0]])
    assert rank.threshold_graph(s, 0.2).tolist() == [[0.0, 1.0], [1.0, 0.0]]
    assert rank.threshold_graph(s, 0.3).sum() == 0  # strictly above
    assert rank.threshold_graph(s, 0.0).tolist() == [[0.0, 1.0], [1.0, 0.0]]  # no self-loops


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


def _spanning_rows(seed: int, n: int, v: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.random((n, v)) * (rng.random((n, v)) < 0.3)
    x[0], x[1] = np.eye(v)[0], np.eye(v)[1]  # two sentences sharing nothing: min similarity 0
    x[2] = x[0]  # and two identical ones: max similarity 1
    norms = np.linalg.norm(x, axis=1)
    norms[norms == 0] = 1.0
    return x / norms[:, None]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("beta", [0.0, 0.3])
def test_pacsum_scores_long_path_equals_dense(seed, beta):
    # without an n x n matrix the threshold is taken on [0, 1]; with similarities spanning
    # exactly [0, 1] both paths are the same computation
    x = _spanning_rows(seed, 30, 8)
    dense = rank.directed_centrality(rank.cosine_similarity(x), beta, -0.5)
    np.testing.assert_allclose(rank.pacsum_scores(x, beta, -0.5), dense)  # dense path (n <= 80)
    np.testing.assert_allclose(rank.pacsum_scores(sp.csr_matrix(x), beta, -0.5, dense_max=0), dense)


def test_pacsum_scores_identical_sentences_favour_the_first():
    x = sp.csr_matrix(np.ones((200, 1)))
    scores = rank.pacsum_scores(x)  # long path: 200 > DENSE_MAX
    assert np.all(np.diff(scores) < 0)


@pytest.mark.parametrize("max_edges", [rank.MAX_EDGES, 60])
def test_threshold_pairs_values_are_the_pairs_cosines(max_edges):
    rng = np.random.default_rng(7)
    x = _unit_rows(rng, 90, 30, 0.15)
    dense = rank.cosine_similarity(x)
    rows, cols = rank.threshold_pairs(x, 0.1, max_edges, block_work=500)
    rows2, cols2, sims = rank.threshold_pairs(x, 0.1, max_edges, block_work=500, values=True)
    assert np.array_equal(rows, rows2) and np.array_equal(cols, cols2)
    assert rows.size > 0 and sims.dtype == np.float64
    np.testing.assert_allclose(sims, dense[rows, cols], rtol=0, atol=1e-12)
    assert (sims > 0.1).all()


def test_pair_work_counts_the_pairs_sharing_each_term():
    rng = np.random.default_rng(11)
    x = _unit_rows(rng, 60, 20, 0.2)
    binary = (x.toarray() > 0).astype(float)
    expected = sum(int(binary[:, t].sum()) * (int(binary[:, t].sum()) + 1) // 2 for t in range(20))
    assert rank.pair_work(x) == expected


def test_thresholded_ranks_past_the_pair_budget_use_their_linear_forms():
    """Dense text would make the thresholded graph quadratic: past ``pair_budget``
    LexRank is the continuous one and PacSum's edges are not thresholded."""
    rng = np.random.default_rng(12)
    x = _unit_rows(rng, 200, 30, 0.3)
    continuous = rank.lexrank_scores(x, dense_max=10)
    np.testing.assert_array_equal(
        rank.lexrank_scores(x, threshold=0.1, dense_max=10, pair_budget=0), continuous
    )
    exact = rank.lexrank_scores(x, threshold=0.1, dense_max=10)
    assert not np.allclose(exact, continuous)
    np.testing.assert_allclose(exact, rank.pagerank(_threshold_graph_sparse(x, 0.1)), rtol=1e-8)
    unthresholded = rank.pacsum_scores(x, 0.0, dense_max=10)
    np.testing.assert_array_equal(
        rank.pacsum_scores(x, 0.2, dense_max=10, pair_budget=0), unthresholded
    )
    assert not np.allclose(rank.pacsum_scores(x, 0.2, dense_max=10), unthresholded)
