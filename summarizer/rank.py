"""Sentence scores from sentence vectors: pure functions over arrays, no text.

Every function takes sentence x term matrices or sentence x sentence weights
and returns one float per sentence; a higher score means more central.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = [
    "centroid_scores",
    "cosine_similarity",
    "overlap_similarity",
    "pagerank",
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
