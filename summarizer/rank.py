"""Sentence scores from sentence vectors: pure functions over arrays, no text.

Every function takes sentence x term matrices or sentence x sentence weights
and returns one float per sentence; a higher score means more central.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = [
    "body_positions",
    "centroid_scores",
    "cosine_similarity",
    "directed_centrality",
    "lead_prior",
    "overlap_similarity",
    "pagerank",
    "positional_scores",
    "threshold_graph",
]


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sp.issparse(matrix) else np.asarray(matrix, dtype=np.float64)


def cosine_similarity(vectors) -> np.ndarray:
    """Pairwise cosine of unit-norm rows, with a zero diagonal (no self-loops)."""
    sim = _dense(vectors @ vectors.T)
    np.fill_diagonal(sim, 0.0)
    return sim


def overlap_similarity(counts, lengths: np.ndarray) -> np.ndarray:
    """TextRank's similarity (Mihalcea & Tarau 2004): shared terms over log lengths.

    ``counts`` is sentence x term; ``lengths`` the number of words per sentence.
    Sentences of at most one word get no edges (their log length is zero).
    """
    binary = sp.csr_matrix(counts, copy=True)
    binary.data[:] = 1.0
    shared = _dense(binary @ binary.T)
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    denom = logs[:, None] + logs[None, :]
    sim = np.divide(shared, denom, out=np.zeros_like(shared), where=denom > 0)
    np.fill_diagonal(sim, 0.0)
    return sim


def threshold_graph(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """LexRank's unweighted graph: an edge wherever similarity >= ``threshold``."""
    return (similarity >= threshold).astype(np.float64)


def centroid_scores(vectors) -> np.ndarray:
    """Cosine of each unit-norm row with the document's centroid (sum of rows)."""
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0.0:
        return np.zeros(vectors.shape[0])
    return np.asarray(vectors @ (centroid / norm)).ravel()


def pagerank(weights, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 500) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph (power iteration).

    ``weights[i, j] >= 0`` is the weight of edge i -> j. Rows without weight
    (dangling nodes) jump uniformly. Stops when the L1 change falls below
    ``tol`` or after ``max_iter`` steps; the result sums to 1.
    """
    w = weights.tocsr() if sp.issparse(weights) else np.asarray(weights, dtype=np.float64)
    n = w.shape[0]
    if n == 0:
        return np.zeros(0)
    out = np.asarray(w.sum(axis=1)).ravel()
    dangling = out == 0
    inv = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    transition_t = (sp.diags(inv) @ w).T.tocsr() if sp.issparse(w) else (w * inv[:, None]).T
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = damping * (transition_t @ x + x[dangling].sum() / n) + (1.0 - damping) / n
        err = np.abs(new - x).sum()
        x = new
        if err < tol:
            break
    return x / x.sum()


# Position-aware ranking (issue 6). Self-contained: uses only numpy and the helpers above.


def directed_centrality(
    similarity, beta: float = 0.0, earlier: float = -0.5, later: float = 1.0
) -> np.ndarray:
    """PacSum's directed degree centrality (Zheng & Lapata 2019, "Sentence Centrality Revisited").

    ``similarity`` is sentence x sentence in document order (the diagonal is
    ignored). Edges are shifted down by ``min + beta * (max - min)`` of the
    off-diagonal similarities and negative ones dropped; sentence i then scores
    ``later * sum_{j > i} e_ij + earlier * sum_{j < i} e_ij``. With
    ``earlier < 0 < later`` a sentence that later sentences elaborate on scores
    high and one that repeats what came before scores low, as in a news lead.
    """
    sim = _dense(similarity)
    n = sim.shape[0]
    if n < 2:
        return np.zeros(n)
    off = ~np.eye(n, dtype=bool)
    low, high = float(sim[off].min()), float(sim[off].max())
    edges = sim - (low + beta * (high - low))
    edges[edges < 0.0] = 0.0
    np.fill_diagonal(edges, 0.0)
    return later * np.triu(edges, 1).sum(axis=1) + earlier * np.tril(edges, -1).sum(axis=1)


def body_positions(is_heading) -> np.ndarray:
    """Each sentence's position counted in body sentences: how many non-headings precede it.

    So the first sentence after a title has position 0, like the first
    sentence of a text without one.
    """
    body = ~np.asarray(is_heading, dtype=bool)
    return (np.cumsum(body) - body).astype(np.float64)


def lead_prior(
    positions,
    k: float,
    n: int,
    weight: float = 6.0,
    decay: float = 1.5,
    cap: float = 0.45,
    slot_cap: float = 0.2,
) -> np.ndarray:
    """How much likelier than the base rate ``r = k / n`` a sentence is to be in a k-of-n summary.

    The lead of an article is where its summary usually is, so a sentence
    ``position`` p body sentences into the text is taken to be in the summary
    with probability ``r * (1 + weight * exp(-p / decay))``, but never less
    than ``r`` and never more than ``min(cap, 1 - (1 - slot_cap) ** k)``: no
    sentence is in more than ``cap`` of summaries, and none fills any one of
    the k summary slots more than ``slot_cap`` of the time. The prior is that
    probability divided by ``r``. The caps make it fade where position says
    little: when the summary keeps more than ``cap`` of the text (nothing is
    favoured), and for a one-sentence summary of a short text (at most
    ``slot_cap * n``), while a long article keeps a strong lead.
    """
    pos = np.asarray(positions, dtype=np.float64)
    if n <= 0:
        return np.ones_like(pos)
    k = min(max(float(k), 1.0), float(n))
    rate = k / float(n)
    top = min(cap, 1.0 - (1.0 - slot_cap) ** k)
    return np.minimum(1.0 + weight * np.exp(-pos / decay), max(1.0, top / rate))


def positional_scores(centrality, prior, exclude=None) -> np.ndarray:
    """Centrality rescaled to a maximum of 1, times ``prior``; ``exclude``d sentences get 0.

    Excluded sentences (headings) still come last in document order, so a
    budget larger than the body can take them.
    """
    c = np.asarray(centrality, dtype=np.float64)
    top = float(c.max()) if c.size else 0.0
    scores = (c / top if top > 0.0 else np.ones_like(c)) * np.asarray(prior, dtype=np.float64)
    if exclude is not None:
        scores = np.where(np.asarray(exclude, dtype=bool), 0.0, scores)
    return scores
