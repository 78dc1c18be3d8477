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
  O(nnz x distinct lengths) time and memory O((terms + n) x distinct
  lengths). Exact while that stays within ``OVERLAP_EXACT_WORK``; beyond, the
  kernel ``1 / (a_i + a_j)`` is an exponential sum of rank about 50
  (relative error about 1e-12): O(nnz) time and memory per product.
- ``threshold_pairs``: LexRank's thresholded graph is found in blocks of rows
  by sparse products, each pair once, and kept as a list of pairs. It is
  exact up to ``MAX_EDGES`` links; beyond that the threshold is raised just
  enough to keep at most that many (see the function), so memory stays
  O(MAX_EDGES). Its time grows with the number of pairs sharing a term
  (``pair_work``), up to n^2 on dense text; past ``PAIR_WORK`` its callers
  fall back to O(nnz) forms (``lexrank_scores``, ``pacsum_scores``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from summarizer._sparse import issparse as _issparse
from summarizer._sparse import sparse as _sparse

if TYPE_CHECKING:
    import scipy.sparse as sp
    from scipy.sparse.linalg import LinearOperator

__all__ = [
    "DENSE_MAX",
    "body_positions",
    "centroid_scores",
    "cosine_operator",
    "cosine_similarity",
    "directed_centrality",
    "lead_prior",
    "lexrank_scores",
    "overlap_kernel",
    "overlap_operator",
    "overlap_similarity",
    "pacsum_scores",
    "pagerank",
    "pair_work",
    "positional_scores",
    "similarity_operator",
    "textrank_scores",
    "threshold_graph",
    "threshold_operator",
    "threshold_pairs",
]

DENSE_MAX = 80  # up to this many sentences: dense n x n graphs, PageRank by a direct solve
MAX_EDGES = 20_000_000  # threshold_pairs: links kept at most (about 240 MB)
# overlap_operator: exact while groups x max(entries, terms + sentences) stays within this
OVERLAP_EXACT_WORK = 1 << 22
# threshold_pairs is used while the products of pairs sharing a term stay within
# max(PAIR_WORK, PAIR_WORK_PER_ENTRY x entries) (about 2 s on dense text); beyond, see
# lexrank_scores and pacsum_scores.
PAIR_WORK = 1 << 24
PAIR_WORK_PER_ENTRY = 64


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if _issparse(matrix) else np.asarray(matrix, dtype=np.float64)


def _csr(matrix) -> sp.csr_matrix:
    return _sparse().csr_matrix(matrix, dtype=np.float64)


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
    if _issparse(vectors):
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


def similarity_operator(n: int, matvec: Callable[[np.ndarray], np.ndarray]) -> LinearOperator:
    """A symmetric n x n weight matrix known only by its product with a vector, as a scipy
    ``LinearOperator`` (``pagerank`` accepts one in place of a matrix)."""
    from scipy.sparse.linalg import LinearOperator

    def flat(v: np.ndarray) -> np.ndarray:
        return matvec(np.ravel(v))  # scipy may pass a column vector

    return LinearOperator((n, n), matvec=flat, rmatvec=flat, dtype=np.float64)


def cosine_operator(vectors) -> LinearOperator:
    """``cosine_similarity`` of unit (or zero) rows as an operator: ``X (X^T v) - diag * v``."""
    x = _csr(vectors)
    xt = x.T.tocsr()
    self_similarity = np.asarray(x.multiply(x).sum(axis=1)).ravel()

    def matvec(v: np.ndarray) -> np.ndarray:
        return x @ (xt @ v) - self_similarity * v

    return similarity_operator(x.shape[0], matvec)


def overlap_operator(
    counts, lengths: np.ndarray, exact_work: int = OVERLAP_EXACT_WORK
) -> LinearOperator:
    """``overlap_similarity`` as an operator, without an n x n matrix.

    With B the binary sentence x term matrix and a = log lengths, the product
    is ``(W v)_i = sum_g c_ig (B B_g^T v_g)_i - w_ii v_i`` over the groups g of
    sentences with equal length, where ``c_ig = 1 / (a_i + a_g)``: exact, in
    time O(nnz x groups) and memory O((terms + n) x groups) per product. When
    either would pass ``exact_work``, the kernel ``1 / (a_i + a_j)`` is
    replaced by its exponential sum (``overlap_kernel``), relative error
    about 1e-12 (far below PageRank's tolerance), and a product costs
    O(nnz x R) time and O((shared terms + n) x R) memory, R about 50 (see
    ``_factored_overlap``).
    """
    binary = _sparse().csr_matrix(counts, dtype=np.float64, copy=True)  # changed below
    binary.sum_duplicates()
    binary.eliminate_zeros()
    binary.data[:] = 1.0
    n, n_terms = binary.shape
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    levels, group = np.unique(logs, return_inverse=True)
    group = group.reshape(-1)
    n_groups = levels.size
    if n_groups * max(binary.nnz, n_terms + n) > exact_work:
        return _factored_overlap(binary, logs)
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

    return similarity_operator(n, matvec)


def overlap_kernel(low: float, high: float, tol: float = 1e-12) -> tuple[np.ndarray, ...]:
    """Rates t, weights c and two constants with ``1 / s ~ c0 + c1 s + sum_r c_r exp(-t_r s)``
    to relative error about ``tol`` for s in [low, high] (0 < low <= high).

    The trapezoidal rule on ``1 / s = integral of exp(u - e^u s) du`` over the whole real
    line, step h = pi^2 / log(20 / tol) (the integrand is analytic for |Im u| < pi / 2, so
    the error falls like exp(-pi^2 / h)), up to where ``exp(-e^u low)`` is below tol. The
    nodes below ``e^u = tol^(1/3) / high``, where ``exp(-e^u s) ~ 1 - e^u s``, sum to two
    geometric series: ``c0 + c1 s``. So ``1 / (a_i + a_j)`` is a kernel of rank R + 3, R
    about 45 for sentences of up to 10^6 words.
    """
    h = np.pi**2 / np.log(20.0 / tol)
    u_low = np.log(tol ** (1.0 / 3.0) / high)
    u_high = np.log(-np.log(tol) / low)
    u = u_low + h * np.arange(int(np.ceil((u_high - u_low) / h)) + 1)
    rates = np.exp(u)
    # the nodes below u_low, where exp(-e^u s) ~ 1 - e^u s: two geometric series
    q = np.exp(h)
    constant = h * rates[0] / (q - 1.0)
    linear = -h * rates[0] ** 2 / (q * q - 1.0)
    return rates, h * rates, constant, linear


def _factored_overlap(binary, logs: np.ndarray) -> LinearOperator:
    """The overlap operator with the kernel ``1 / (a_i + a_j)`` in factored form.

    Terms in one sentence only are dropped (they add to no pair), so memory is O(n x R +
    shared terms x R). Pairs of sentences of at most one word (a = 0: weight 0 by
    definition) are subtracted again, and so is the diagonal.
    """
    n = binary.shape[0]
    shared_terms = np.bincount(binary.indices, minlength=binary.shape[1]) > 1
    b = binary[:, shared_terms].tocsr()
    bt = b.T.tocsr()
    positive = logs[logs > 0.0]
    if positive.size == 0 or b.nnz == 0:
        return similarity_operator(n, lambda v: np.zeros(n))
    low = float(positive.min()) + (0.0 if (logs == 0.0).any() else float(positive.min()))
    rates, weights, constant, linear = overlap_kernel(low, 2.0 * float(logs.max()))
    factors = np.exp(-logs[:, None] * rates[None, :])  # n x R
    kernel_diag = factors**2 @ weights + constant + 2.0 * linear * logs
    distinct = np.diff(b.indptr).astype(np.float64)
    zero = np.flatnonzero(logs == 0.0)
    kernel_zero = float(weights.sum() + constant)
    b_zero = b[zero]
    b_zero_t = b_zero.T.tocsr()

    def matvec(v: np.ndarray) -> np.ndarray:
        spread = bt @ (factors * v[:, None])  # shared terms x R
        out = np.einsum("ir,ir->i", b @ spread, factors * weights)
        plain = b @ (bt @ v)
        out += constant * plain + linear * (logs * plain + b @ (bt @ (logs * v)))
        out -= kernel_diag * distinct * v
        if zero.size:  # pairs of one-word sentences have no weight
            pairs = b_zero @ (b_zero_t @ v[zero]) - distinct[zero] * v[zero]
            out[zero] -= kernel_zero * pairs
        return out

    return similarity_operator(n, matvec)


def pair_work(vectors) -> float:
    """About how many multiply-adds ``threshold_pairs`` needs: per term, the pairs of
    sentences holding it (``df (df + 1) / 2``), summed. O(nnz)."""
    x = _csr(vectors)
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
    return float((df * (df + 1.0)).sum() / 2.0)


def _pairs_affordable(vectors, budget: float | None) -> bool:
    nnz = _csr(vectors).nnz
    limit = max(PAIR_WORK, PAIR_WORK_PER_ENTRY * nnz) if budget is None else budget
    return pair_work(vectors) <= limit


def threshold_pairs(
    vectors,
    threshold: float,
    max_edges: int = MAX_EDGES,
    block_work: int = 8_000_000,
    *,
    values: bool = False,
) -> tuple[np.ndarray, ...]:
    """The pairs ``i > j`` of unit (or zero) non-negative rows with cosine > ``threshold``.

    A block of rows j is multiplied with the rows from the block on (a sparse
    product of about ``block_work`` multiply-adds), so each pair is computed
    once and nothing n x n is built. If more than ``max_edges`` links (two per
    pair) pass the threshold, it is raised to the lowest value on a grid of
    256 steps between ``threshold`` and 1 that leaves at most ``max_edges``
    links, as if that threshold had been asked for: memory stays O(max_edges)
    and the graph symmetric. (At ``threshold=0.1`` news-like text links about
    2 % of all pairs, so 20 million links cover about 30,000 sentences.)
    Returns ``(rows, cols)`` as int32 arrays; with ``values=True`` also each
    pair's cosine (float64, from the same products, so callers need not
    recompute it; 8 more bytes per pair).
    """
    x = _csr(vectors)
    n = x.shape[0]
    n_bins = 256
    step = (1.0 - threshold) / n_bins
    budget = max_edges // 2
    df = np.bincount(x.indices, minlength=x.shape[1])
    row_of = np.repeat(np.arange(n), np.diff(x.indptr))
    work = np.cumsum(np.bincount(row_of, weights=df[x.indices], minlength=n) + 1.0)
    hist = np.zeros(n_bins, dtype=np.int64)  # pairs stored so far, by bin (bins >= floor)
    floor = 0  # the lowest bin kept: only rises
    parts: list[tuple] = []  # (rows, cols, bins, cosines or None)
    stored = 0
    start = 0
    while start < n:
        # The product with rows start.. costs about (n - start) / n of the full one.
        scaled = block_work * n / (n - start)
        stop = min(n, max(start + 1, int(np.searchsorted(work, work[start] + scaled, "right"))))
        part = _threshold_block(x, start, stop, threshold, step, n_bins, floor, values)
        hist += np.bincount(part[2], minlength=n_bins)
        parts.append(part)
        stored += part[0].size
        if stored > budget:
            at_or_above = np.cumsum(hist[::-1])[::-1]  # pairs with bin >= b
            fits = at_or_above <= budget
            floor = max(floor, int(np.argmax(fits))) if fits.any() else n_bins
            hist[:floor] = 0
            if stored > 2 * budget:  # drop what the floor excludes, now and then
                parts = [_above(part, floor) for part in parts]
                stored = sum(part[0].size for part in parts)
        start = stop
    parts = [_above(part, floor) for part in parts]
    rows = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int32)
    cols = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int32)
    if not values:
        return rows, cols
    sims = np.concatenate([p[3] for p in parts]) if parts else np.zeros(0)
    return rows, cols, sims


def _above(part, floor):
    rows, cols, bins, sims = part
    if floor == 0 or bins.size == 0 or bins.min() >= floor:
        return part
    keep = bins >= floor
    return rows[keep], cols[keep], bins[keep], None if sims is None else sims[keep]


def _threshold_block(x, start, stop, threshold, step, n_bins, floor, values=False):
    """Pairs i > j, j in start..stop, with similarity > threshold and grid bin >= floor:
    ``(rows, cols, bins, cosines)``, cosines None unless ``values``."""
    product = _sparse().csr_matrix(
        x[start:] @ x[start:stop].T
    )  # entry (i, j): rows start + i, start + j
    kept = np.flatnonzero(product.data > threshold + floor * step)
    rows = np.searchsorted(product.indptr, kept, side="right") - 1
    cols = product.indices[kept]
    sims = product.data[kept]
    del product
    upper = rows > cols
    rows = (rows[upper] + start).astype(np.int32)
    cols = (cols[upper] + start).astype(np.int32)
    sims = sims[upper]
    bins = np.minimum(((sims - threshold) / step).astype(np.intp), n_bins - 1)
    keep = bins >= floor
    if not keep.all():
        rows, cols, bins, sims = rows[keep], cols[keep], bins[keep], sims[keep]
    return rows, cols, bins.astype(np.uint8), sims if values else None


def threshold_operator(
    vectors, threshold: float, max_edges: int = MAX_EDGES, block_work: int = 8_000_000
) -> LinearOperator:
    """``threshold_graph(cosine_similarity(vectors), threshold)`` as an operator that stores
    each pair once (from ``threshold_pairs``; see there for ``max_edges``)."""
    n = vectors.shape[0]
    rows, cols = threshold_pairs(vectors, threshold, max_edges, block_work)
    lower = _sparse().csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    upper = lower.T

    def matvec(v: np.ndarray) -> np.ndarray:
        return lower @ v + upper @ v

    return similarity_operator(n, matvec)


def pagerank(
    weights,
    damping: float = 0.85,
    tol: float = 1e-10,
    max_iter: int = 500,
    *,
    solver: str = "auto",
    symmetric: bool = False,
    teleport: np.ndarray | None = None,
) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph.

    ``weights[i, j] >= 0`` is the weight of edge i -> j: a dense array, a scipy
    sparse matrix, or an operator with ``matvec``/``rmatvec`` (such as
    ``similarity_operator``). With probability ``damping`` the walk follows an
    edge in proportion to its weight, else it jumps to a node uniformly at
    random, or in proportion to ``teleport`` (non-negative, not all zero: a
    personalized PageRank); nodes without edges (dangling) always jump. The
    result sums to 1.

    Solvers: ``"power"`` iterates until the L1 change falls below ``tol`` or
    ``max_iter`` steps. ``"direct"`` solves the linear system exactly (dense
    weights only). ``"cg"`` solves it by conjugate gradients, for symmetric
    weights only, until the relative residual falls below ``tol``; it needs
    about a third of power iteration's products. ``"auto"``: direct for dense
    graphs of at most ``DENSE_MAX`` nodes, else cg if ``symmetric`` is true
    (the caller's promise, not checked), else power.
    """
    if solver not in ("auto", "power", "direct", "cg"):
        raise ValueError(f"unknown solver {solver!r}")
    if teleport is not None:
        teleport = np.asarray(teleport, dtype=np.float64)
        teleport = teleport / teleport.sum()
    if _issparse(weights):
        w = _sparse().csr_matrix(weights, dtype=np.float64)
        out = np.asarray(w.sum(axis=1)).ravel()
        product = w.__matmul__
        transpose_product = w.T.__matmul__
    elif hasattr(weights, "matvec"):
        out = np.asarray(weights.matvec(np.ones(weights.shape[0])), dtype=np.float64)
        product, transpose_product = weights.matvec, weights.rmatvec
    else:
        w = np.asarray(weights, dtype=np.float64)
        out = w.sum(axis=1)
        if solver == "direct" or (solver == "auto" and w.shape[0] <= DENSE_MAX):
            return _pagerank_direct(w, out, damping, teleport)
        product, transpose_product = w.__matmul__, w.T.__matmul__
    if solver == "direct":
        raise ValueError("solver='direct' needs dense weights")
    if solver == "cg" or (solver == "auto" and symmetric):
        return _pagerank_cg(product, out, damping, tol, max_iter, teleport)
    return _pagerank_power(transpose_product, out, damping, tol, max_iter, teleport)


def _pagerank_direct(
    w: np.ndarray, out: np.ndarray, damping: float, teleport: np.ndarray | None = None
) -> np.ndarray:
    """Solve ``(I - damping * T) x = (1 - damping) t`` where column j of T is where the
    walk goes from j (a dangling node jumps by the teleport vector t, uniform by default)."""
    n = w.shape[0]
    if n == 0:
        return np.zeros(0)
    dangling = out <= 0
    if dangling.any():
        inv = np.divide(-damping, out, out=np.zeros(n), where=~dangling)
        system = (w * inv[:, None]).T
        system[:, dangling] = -damping / n if teleport is None else -damping * teleport[:, None]
    else:
        system = (w * (-damping / out)[:, None]).T
    system.flat[:: n + 1] += 1.0
    rhs = np.full(n, (1.0 - damping) / n) if teleport is None else (1.0 - damping) * teleport
    x = np.linalg.solve(system, rhs)
    np.maximum(x, 0.0, out=x)
    return x / x.sum()


def _pagerank_power(
    transpose_product, out, damping, tol, max_iter, teleport: np.ndarray | None = None
) -> np.ndarray:
    """Power iteration; ``transpose_product(v)`` is ``W^T v``."""
    n = out.size
    if n == 0:
        return np.zeros(0)
    dangling = out <= 0
    inv = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    jump = np.full(n, 1.0 / n) if teleport is None else teleport
    for _ in range(max_iter):
        new = np.asarray(transpose_product(x * inv), dtype=np.float64).ravel()
        new *= damping
        if teleport is None:  # the uniform case, as it always was computed
            new += damping * x[dangling].sum() / n + (1.0 - damping) / n
        else:
            new += (damping * x[dangling].sum() + (1.0 - damping)) * jump
        err = np.abs(new - x).sum()
        x = new
        if err < tol:
            break
    return x / x.sum()


def _pagerank_cg(
    product, out, damping, tol, max_iter, teleport: np.ndarray | None = None
) -> np.ndarray:
    """PageRank of a symmetric graph by conjugate gradients.

    With teleport and dangling jumps by t (uniform by default) the answer is
    proportional to the z solving ``(I - damping * W D^+) z = t`` (D: weighted
    degrees). With ``z = D^(1/2) y`` on nodes with edges this becomes ``(I -
    damping * S) y = D^(-1/2) t`` for the symmetric ``S = D^(-1/2) W D^(-1/2)``,
    whose eigenvalues lie in [-1, 1]: the system is positive definite with
    condition number at most (1 + damping) / (1 - damping). Nodes without edges
    get z = t.
    """
    n = out.size
    if n == 0:
        return np.zeros(0)
    live = out > 0
    scale = np.zeros(n)
    scale[live] = 1.0 / np.sqrt(out[live])

    def apply(v: np.ndarray) -> np.ndarray:
        return v - damping * scale * np.asarray(product(scale * v), dtype=np.float64).ravel()

    b = scale.copy() if teleport is None else scale * teleport
    y = np.zeros(n)
    r = b.copy()
    p = r.copy()
    rr = r @ r
    stop = (tol * tol) * rr
    for _ in range(max_iter):
        if rr <= stop:
            break
        ap = apply(p)
        alpha = rr / (p @ ap)
        y += alpha * p
        r -= alpha * ap
        rr_next = r @ r
        p *= rr_next / rr
        p += r
        rr = rr_next
    z = np.where(live, y / np.where(live, scale, 1.0), 1.0 if teleport is None else teleport)
    np.maximum(z, 0.0, out=z)
    return z / z.sum()


def textrank_scores(
    counts, lengths: np.ndarray, damping: float = 0.85, dense_max: int | None = None
) -> np.ndarray:
    """TextRank: PageRank over ``overlap_similarity``, dense up to ``dense_max`` sentences
    (default ``DENSE_MAX``), above that over the exact ``overlap_operator``."""
    if counts.shape[0] <= (DENSE_MAX if dense_max is None else dense_max):
        return pagerank(overlap_similarity(counts, lengths), damping)
    return pagerank(overlap_operator(counts, lengths), damping, symmetric=True)


def lexrank_scores(
    vectors,
    damping: float = 0.85,
    threshold: float | None = None,
    dense_max: int | None = None,
    max_edges: int | None = None,
    pair_budget: float | None = None,
) -> np.ndarray:
    """LexRank: PageRank over the cosine graph of unit rows, weighted (``threshold=None``)
    or unweighted with links where similarity > ``threshold``.

    Dense up to ``dense_max`` sentences (default ``DENSE_MAX``). Above that the
    weighted graph is ``cosine_operator`` (exact) and the thresholded one
    ``threshold_operator`` (exact while it has at most ``max_edges`` links,
    default ``MAX_EDGES``). Finding the thresholded links costs a product per pair
    of sentences sharing a term, quadratic on dense text: when ``pair_work`` exceeds
    ``pair_budget`` (default ``max(PAIR_WORK, PAIR_WORK_PER_ENTRY x nnz)``), the
    weighted graph is used instead (continuous LexRank, Erkan & Radev's own
    recommendation), in O(nnz).
    """
    if vectors.shape[0] <= (DENSE_MAX if dense_max is None else dense_max):
        similarity = cosine_similarity(vectors)
        if threshold is not None:
            similarity = threshold_graph(similarity, threshold)
        return pagerank(similarity, damping)
    if threshold is None or not _pairs_affordable(vectors, pair_budget):
        return pagerank(cosine_operator(vectors), damping, symmetric=True)
    graph = threshold_operator(vectors, threshold, MAX_EDGES if max_edges is None else max_edges)
    return pagerank(graph, damping, symmetric=True)


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


def pacsum_scores(
    vectors,
    beta: float = 0.0,
    earlier: float = -0.5,
    later: float = 1.0,
    dense_max: int | None = None,
    max_edges: int | None = None,
    pair_budget: float | None = None,
) -> np.ndarray:
    """``directed_centrality`` of the cosine graph of unit (or zero) non-negative rows.

    Exact up to ``dense_max`` sentences (default ``DENSE_MAX``). Above that
    nothing n x n is built, and the edge threshold is ``beta`` itself, i.e.
    taken between 0 and 1 (the range of such cosines) instead of the
    document's own smallest and largest similarity. With ``beta=0`` the sums
    then come from running column sums in O(nnz), exact whenever some two
    sentences share no term; otherwise from ``threshold_pairs`` (exact up to
    ``max_edges`` links, default ``MAX_EDGES``). When that would cost more than
    ``pair_budget`` products (see ``lexrank_scores``: dense text), the edges are
    not thresholded (the ``beta=0`` sums), in O(nnz).
    """
    n = vectors.shape[0]
    if n <= (DENSE_MAX if dense_max is None else dense_max):
        return directed_centrality(cosine_similarity(vectors), beta, earlier, later)
    x = _csr(vectors)
    if beta <= 0.0 or not _pairs_affordable(x, pair_budget):
        # sum_{j<i} x_i . x_j = sum_v x_iv * (column v summed over rows before i)
        col = x.tocsc()
        col.sort_indices()
        data = col.data.astype(np.float64)
        col_of = np.repeat(np.arange(col.shape[1]), np.diff(col.indptr))
        running = np.concatenate(([0.0], np.cumsum(data)))
        before = running[:-1] - running[col.indptr[:-1]][col_of]  # same column, earlier rows
        after = running[col.indptr[1:]][col_of] - running[1:]  # same column, later rows
        rows = col.indices
        to_earlier = np.bincount(rows, weights=data * before, minlength=n)
        to_later = np.bincount(rows, weights=data * after, minlength=n)
        return later * to_later + earlier * to_earlier
    rows, cols, sims = threshold_pairs(
        x, beta, MAX_EDGES if max_edges is None else max_edges, values=True
    )
    sims -= beta  # every kept pair exceeds beta (or the raised threshold above it)
    # pairs have rows > cols: the later sentence is the row
    return later * np.bincount(cols, weights=sims, minlength=n) + earlier * np.bincount(
        rows, weights=sims, minlength=n
    )


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
