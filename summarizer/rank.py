"""Sentence scores from sentence vectors: pure functions over arrays, no text.

Every function takes sentence x term matrices (dense numpy or scipy CSR) or
sentence x sentence weights and returns one float per sentence, or builds the
weights; a higher score means more central. Graphs have no self-loops.

Short documents use dense n x n similarity matrices and solve PageRank's
linear system directly. Long documents never build an n x n matrix:

- ``cosine_operator``: the cosine graph of unit rows X is ``X X^T - I``, so a
  product with it costs two sparse products, O(nnz), and nothing n x n is
  stored. Exact.
- ``overlap_operator``: TextRank's weight ``shared / (log l_i + log l_j)`` does
  not factor, but it does once sentences are grouped by length: for each
  distinct length the denominator is a fixed vector. A product costs
  O(nnz x distinct lengths) time and memory O(nnz + n x distinct lengths).
  Exact.
- ``threshold_graph_sparse``: LexRank's thresholded graph is built in blocks of
  rows by sparse products. It is exact while every sentence has at most
  ``max_edges // n`` links; beyond that a sentence keeps only its strongest
  links (see the function), so memory stays O(max_edges).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = [
    "DENSE_MAX",
    "SimilarityOperator",
    "centroid_scores",
    "cosine_operator",
    "cosine_similarity",
    "lexrank_scores",
    "overlap_operator",
    "overlap_similarity",
    "pagerank",
    "textrank_scores",
    "threshold_graph",
    "threshold_graph_sparse",
]

DENSE_MAX = 400  # up to this many sentences: dense n x n graphs, PageRank by a direct solve
MAX_EDGES = 20_000_000  # threshold_graph_sparse: links kept at most (about 240 MB)


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sp.issparse(matrix) else np.asarray(matrix, dtype=np.float64)


def _csr(matrix) -> sp.csr_matrix:
    return sp.csr_matrix(matrix, dtype=np.float64)


def _row_nnz(matrix) -> np.ndarray:
    if sp.issparse(matrix):
        return np.diff(sp.csr_matrix(matrix).indptr)
    return np.count_nonzero(matrix, axis=1)


def _shared_columns(matrix: np.ndarray) -> np.ndarray:
    """The columns non-zero in at least two rows: the only ones that add to off-diagonal
    products of rows. Dropping the rest shrinks short documents' products about
    fourfold, which also keeps them under the size where BLAS starts threads."""
    shared = np.count_nonzero(matrix, axis=0) > 1
    return matrix if shared.all() else matrix[:, shared]


def _gram(x: np.ndarray) -> np.ndarray:
    """``x @ x.T`` for a dense matrix. Small products go to BLAS in slices of under
    2**18 multiply-adds, which OpenBLAS runs on the calling thread: waking its
    thread pool costs more than such work, and on a busy machine can stall for
    milliseconds."""
    n, k = x.shape
    step = (1 << 18) // max(n * n, 1)
    if step >= k or n * n * k > (1 << 23) or step == 0:
        return x @ x.T
    out = x[:, :step] @ x[:, :step].T
    for start in range(step, k, step):
        part = x[:, start : start + step]
        out += part @ part.T
    return out


def cosine_similarity(vectors) -> np.ndarray:
    """Pairwise cosine of unit-norm rows, with a zero diagonal (no self-loops); dense n x n."""
    if sp.issparse(vectors):
        sim = (vectors @ vectors.T).toarray()
    else:
        sim = _gram(_shared_columns(np.asarray(vectors, dtype=np.float64)))
    np.fill_diagonal(sim, 0.0)
    return sim


def overlap_similarity(counts, lengths: np.ndarray) -> np.ndarray:
    """TextRank's similarity (Mihalcea & Tarau 2004): shared terms over log lengths; dense n x n.

    ``counts`` is sentence x term; ``lengths`` the number of words per
    sentence. The weight of i and j is the number of distinct terms they
    share over ``log(l_i) + log(l_j)``, and 0 where that denominator is 0
    (both sentences have at most one word).
    """
    shared = _gram((_shared_columns(_dense(counts)) > 0).astype(np.float64))
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    denom = logs[:, None] + logs
    if (logs == 0.0).any():
        shared[denom == 0.0] = 0.0
        denom[denom == 0.0] = 1.0
    shared /= denom
    np.fill_diagonal(shared, 0.0)
    return shared


def threshold_graph(similarity, threshold: float) -> np.ndarray:
    """LexRank's unweighted graph: an edge wherever similarity > ``threshold``, no self-loops."""
    graph = (_dense(similarity) > threshold).astype(np.float64)
    np.fill_diagonal(graph, 0.0)
    return graph


def centroid_scores(vectors) -> np.ndarray:
    """Cosine of each unit-norm row with the document's centroid (sum of rows)."""
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0.0:
        return np.zeros(vectors.shape[0])
    return np.asarray(vectors @ (centroid / norm)).ravel()


class SimilarityOperator:
    """A symmetric n x n weight matrix known only by its product with a vector.

    ``pagerank`` accepts it in place of a matrix; ``toarray`` builds the dense
    matrix (for tests on small inputs).
    """

    def __init__(self, n: int, matvec) -> None:
        self.shape = (n, n)
        self.matvec = matvec
        self.rmatvec = matvec

    def __matmul__(self, v: np.ndarray) -> np.ndarray:
        return self.matvec(np.asarray(v, dtype=np.float64))

    def toarray(self) -> np.ndarray:
        eye = np.eye(self.shape[0])
        return np.column_stack([self.matvec(e) for e in eye]) if self.shape[0] else eye


def cosine_operator(vectors) -> SimilarityOperator:
    """``cosine_similarity`` of unit (or zero) rows as an operator: ``X (X^T v) - diag * v``."""
    x = _csr(vectors)
    xt = x.T.tocsr()
    self_similarity = np.asarray(x.multiply(x).sum(axis=1)).ravel()

    def matvec(v: np.ndarray) -> np.ndarray:
        return x @ (xt @ v) - self_similarity * v

    return SimilarityOperator(x.shape[0], matvec)


def overlap_operator(counts, lengths: np.ndarray) -> SimilarityOperator:
    """``overlap_similarity`` as an operator, exact, without an n x n matrix.

    With B the binary sentence x term matrix and a = log lengths, the product
    is ``(W v)_i = sum_g c_ig (B B_g^T v_g)_i - w_ii v_i`` over the groups g of
    sentences with equal length, where ``c_ig = 1 / (a_i + a_g)``.
    """
    binary = _csr(counts)
    binary.sum_duplicates()
    binary.eliminate_zeros()
    binary.data[:] = 1.0
    n, n_terms = binary.shape
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    levels, group = np.unique(logs, return_inverse=True)
    group = group.reshape(-1)
    n_groups = levels.size
    denom = logs[:, None] + levels[None, :]
    inverse = np.divide(1.0, denom, out=np.zeros_like(denom), where=denom > 0)
    distinct_terms = np.diff(binary.indptr).astype(np.float64)
    self_weight = inverse[np.arange(n), group] * distinct_terms if n else np.zeros(0)
    row_of = np.repeat(np.arange(n), np.diff(binary.indptr))
    slot = binary.indices.astype(np.int64) * n_groups + group[row_of]

    def matvec(v: np.ndarray) -> np.ndarray:
        by_group = np.bincount(slot, weights=v[row_of], minlength=n_terms * n_groups)
        shared = binary @ by_group.reshape(n_terms, n_groups)
        return np.einsum("ig,ig->i", inverse, shared) - self_weight * v

    return SimilarityOperator(n, matvec)


def threshold_graph_sparse(
    vectors, threshold: float, max_edges: int = MAX_EDGES, block_work: int = 8_000_000
) -> sp.csr_matrix:
    """``threshold_graph(cosine_similarity(vectors), threshold)`` as CSR, built in row blocks.

    Rows must be unit (or zero) vectors with non-negative entries. Each block
    of rows is multiplied with all rows (a sparse product of about
    ``block_work`` multiply-adds), so nothing n x n is ever built. Every
    sentence may keep ``k = max_edges // n`` links; a sentence with more links
    keeps only those at or above the lowest similarity floor, on a grid of 64
    steps between ``threshold`` and 1, that leaves it at most ``k`` links (its
    strongest ones). Then the graph may no longer be symmetric, and memory
    stays O(max_edges).
    """
    x = _csr(vectors)
    n = x.shape[0]
    cap = max(1, max_edges // max(n, 1))
    n_bins = 64
    df = np.bincount(x.indices, minlength=x.shape[1])
    row_of = np.repeat(np.arange(n), np.diff(x.indptr))
    work = np.cumsum(np.bincount(row_of, weights=df[x.indices], minlength=n) + 1.0)
    blocks = []
    start = 0
    while start < n:
        stop = int(np.searchsorted(work, work[start] + block_work, side="right"))
        stop = min(n, max(stop, start + 1))
        blocks.append(_threshold_block(x, start, stop, threshold, cap, n_bins))
        start = stop
    return sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, 0))


def _threshold_block(x, start, stop, threshold, cap, n_bins) -> sp.csr_matrix:
    """Rows start..stop of the capped threshold graph."""
    n, width = x.shape[0], stop - start
    product = sp.csr_matrix(x @ x[start:stop].T)  # n x width: column j is row start + j
    rows = np.repeat(np.arange(n), np.diff(product.indptr))
    cols = product.indices
    sims = product.data
    keep = (sims > threshold) & (rows != cols + start)
    rows, cols, sims = rows[keep], cols[keep], sims[keep]
    counts = np.bincount(cols, minlength=width)
    if counts.max(initial=0) > cap:
        step = (1.0 - threshold) / n_bins
        bins = np.minimum(((sims - threshold) / step).astype(np.intp), n_bins - 1)
        hist = np.bincount(cols * n_bins + bins, minlength=width * n_bins).reshape(width, n_bins)
        at_or_above = np.cumsum(hist[:, ::-1], axis=1)[:, ::-1]  # links with bin >= b
        floor_bin = np.argmax(at_or_above <= cap, axis=1)  # lowest bin that fits
        crowded = at_or_above[:, -1] > cap  # more than cap links even in the top bin
        floor_bin[crowded] = n_bins - 1
        keep = bins >= floor_bin[cols]
        if crowded.any():  # of those, keep the first cap in document order
            top = np.flatnonzero(keep & crowded[cols])
            top = top[np.argsort(cols[top], kind="stable")]
            group_start = np.searchsorted(cols[top], cols[top])
            keep[top] = np.arange(top.size) - group_start < cap
        rows, cols = rows[keep], cols[keep]
    graph = sp.csr_matrix((np.ones(rows.size), (cols, rows)), shape=(width, n), dtype=np.float64)
    graph.sort_indices()
    return graph


def pagerank(
    weights,
    damping: float = 0.85,
    tol: float = 1e-10,
    max_iter: int = 500,
    *,
    solver: str = "auto",
) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph.

    ``weights[i, j] >= 0`` is the weight of edge i -> j: a dense array, a scipy
    sparse matrix, or an operator with ``matvec``/``rmatvec`` (such as
    ``SimilarityOperator``). With probability ``damping`` the walk follows an
    edge in proportion to its weight, else it jumps to a node uniformly at
    random; nodes without edges (dangling) always jump. The result sums to 1.

    ``solver="power"`` iterates until the L1 change falls below ``tol`` or
    ``max_iter`` steps; ``"direct"`` solves the linear system exactly (dense
    weights only); ``"auto"`` solves directly for dense graphs of at most
    ``DENSE_MAX`` nodes and iterates otherwise.
    """
    if solver not in ("auto", "power", "direct"):
        raise ValueError(f"unknown solver {solver!r}")
    if sp.issparse(weights):
        w = sp.csr_matrix(weights, dtype=np.float64)
        wt = w.T
        out = np.asarray(w.sum(axis=1)).ravel()
        transpose_product = wt.__matmul__
    elif hasattr(weights, "matvec"):
        out = np.asarray(weights.matvec(np.ones(weights.shape[0])), dtype=np.float64)
        transpose_product = weights.rmatvec
    else:
        w = np.asarray(weights, dtype=np.float64)
        out = w.sum(axis=1)
        if solver == "direct" or (solver == "auto" and w.shape[0] <= DENSE_MAX):
            return _pagerank_direct(w, out, damping)
        transpose_product = w.T.__matmul__
    if solver == "direct":
        raise ValueError("solver='direct' needs dense weights")
    return _pagerank_power(transpose_product, out, damping, tol, max_iter)


def _pagerank_direct(w: np.ndarray, out: np.ndarray, damping: float) -> np.ndarray:
    """Solve ``(I - damping * T) x = (1 - damping) / n`` where column j of T is where
    the walk goes from j."""
    n = w.shape[0]
    if n == 0:
        return np.zeros(0)
    dangling = out <= 0
    if dangling.any():
        inv = np.divide(-damping, out, out=np.zeros(n), where=~dangling)
        system = (w * inv[:, None]).T
        system[:, dangling] = -damping / n
    else:
        system = (w * (-damping / out)[:, None]).T
    system.flat[:: n + 1] += 1.0
    x = np.linalg.solve(system, np.full(n, (1.0 - damping) / n))
    np.maximum(x, 0.0, out=x)
    return x / x.sum()


def _pagerank_power(transpose_product, out, damping, tol, max_iter) -> np.ndarray:
    """Power iteration; ``transpose_product(v)`` is ``W^T v``."""
    n = out.size
    if n == 0:
        return np.zeros(0)
    dangling = out <= 0
    inv = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    teleport = (1.0 - damping) / n
    for _ in range(max_iter):
        new = np.asarray(transpose_product(x * inv), dtype=np.float64).ravel()
        new *= damping
        new += damping * x[dangling].sum() / n + teleport
        err = np.abs(new - x).sum()
        x = new
        if err < tol:
            break
    return x / x.sum()


def textrank_scores(
    counts, lengths: np.ndarray, damping: float = 0.85, dense_max: int = DENSE_MAX
) -> np.ndarray:
    """TextRank: PageRank over ``overlap_similarity``; an operator above ``dense_max`` sentences."""
    if counts.shape[0] <= dense_max:
        return pagerank(overlap_similarity(counts, lengths), damping)
    return pagerank(overlap_operator(counts, lengths), damping)


def lexrank_scores(
    vectors,
    damping: float = 0.85,
    threshold: float | None = None,
    dense_max: int = DENSE_MAX,
    max_edges: int = MAX_EDGES,
) -> np.ndarray:
    """LexRank: PageRank over the cosine graph of unit rows, weighted (``threshold=None``)
    or unweighted with links where similarity > ``threshold``.

    Above ``dense_max`` sentences the weighted graph is ``cosine_operator`` (exact) and
    the thresholded one ``threshold_graph_sparse`` (exact up to ``max_edges // n`` links
    per sentence).
    """
    if vectors.shape[0] <= dense_max:
        similarity = cosine_similarity(vectors)
        if threshold is not None:
            similarity = threshold_graph(similarity, threshold)
        return pagerank(similarity, damping)
    if threshold is None:
        return pagerank(cosine_operator(vectors), damping)
    return pagerank(threshold_graph_sparse(vectors, threshold, max_edges), damping)
