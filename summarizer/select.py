"""From sentence scores and a ``Budget`` to the chosen sentences.

Without diversity, sentences are taken best first (ties to the earlier sentence). With
``diversity`` above 0 they are taken one at a time by Maximal Marginal Relevance (Carbonell &
Goldstein 1998): each pick maximizes ``(1 - diversity) * relevance - diversity * redundancy``,
where relevance is the score rescaled to [0, 1] and redundancy the largest cosine similarity to
a sentence already taken. Values are compared after rounding to 12 decimals (they lie in
[-1, 1]), so last-bit differences between machines never change a pick; ties go to the more
relevant sentence, then the earlier one.

Short documents recompute every candidate's value at each pick (a few numpy operations).
Long ones use a lazy greedy priority queue: values only fall as picks are made, so a stored
value is an upper bound, and a candidate is re-evaluated (against the picks made since it was
last evaluated) only when it reaches the top; the top is taken once its value is current. The
picks are kept as postings (per term, the picks holding it), so a re-evaluation multiplies
only pairs that share a term, each pair once; and two bounds usually settle it with no
products at all (the largest weight of each term among the picks, and the pick holding it:
see ``_LazyMMR``). All of that is exact, bit for bit. Its worst case (many sentences that
share a few terms in weights the bounds cannot settle) would still compare each candidate
with each pick, so the exact phase is bounded: at most ``_WORK_PER_ENTRY`` multiply-adds per
stored matrix entry and ``_UPDATES_PER_SENTENCE`` re-evaluations per sentence. Past either
bound, redundancy is no longer recomputed (the remaining picks follow the last values found),
except that a sentence whose vector equals a chosen one's counts as fully redundant. Every
dev-set document stays far within both bounds (``benchmarks/picks.py`` gives the same picks
as an unbounded run); they keep the cost linear on hostile input
(``benchmarks/adversarial.py``).
"""

from __future__ import annotations

import heapq

import numpy as np

from summarizer import validate
from summarizer._sparse import sparse
from summarizer.budget import Budget
from summarizer.errors import InvalidOptionError

__all__ = ["ORDERS", "check_diversity", "rank_order", "select"]

ORDERS: tuple[str, ...] = ("document", "score")
_DENSE_MMR_MAX = 256  # up to this many sentences MMR recomputes every value at each pick
# Exact MMR's work, at most: multiply-adds per stored matrix entry, and re-evaluations per
# sentence (then approximate). The dev-set documents need at most ~800 and ~3.4.
_WORK_PER_ENTRY = 2048
_UPDATES_PER_SENTENCE = 16
_DECIMALS = 12
_TOPS_WORK = 512  # _LazyMMR: try the top picks' cosines before more multiply-adds


def rank_order(scores: np.ndarray) -> np.ndarray:
    """Indices from best to worst score; equal scores (to 12 digits) keep document order.

    Rounding (relative to the largest absolute score) makes the order independent of
    last-bit differences between machines, so the same input gives the same summary.
    """
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0:
        return np.zeros(0, dtype=np.intp)
    scale = float(np.abs(scores).max()) or 1.0
    return np.lexsort((np.arange(scores.size), -(scores / scale).round(_DECIMALS)))


def check_diversity(value: object) -> float:
    """``value`` as a float if it is a valid ``diversity=`` (a number in [0, 1])."""
    return validate.number("diversity", value, 0.0, 1.0)


def select(
    scores: np.ndarray,
    budget: Budget,
    sizes: np.ndarray | None = None,
    order: str = "document",
    *,
    diversity: float = 0.0,
    vectors=None,
    candidates: np.ndarray | None = None,
) -> np.ndarray:
    """Indices of the chosen sentences, in document order or best first (``order="score"``).

    ``sizes`` are the sentences' lengths in the budget's unit, needed by word and character
    budgets. ``diversity > 0`` needs ``vectors``: one unit-norm, non-negative row per
    sentence (dense or scipy sparse). ``candidates`` (a boolean mask) restricts the choice:
    the others are never taken and do not count for a ``ratio`` budget.
    """
    n = len(scores)
    scores = np.asarray(scores, dtype=np.float64)
    diversity = check_diversity(diversity)
    if not budget.counts_sentences and (sizes is None or len(sizes) != n):
        raise InvalidOptionError(f"a {budget.kind} budget needs one size per sentence")
    if candidates is not None and not candidates.all():
        keep = np.flatnonzero(candidates)
        chosen = select(
            scores[keep],
            budget,
            None if sizes is None else np.asarray(sizes)[keep],
            order,
            diversity=diversity,
            vectors=None if vectors is None else vectors[keep],
        )
        return keep[chosen]
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    if diversity > 0.0 and n > 1:
        if vectors is None or vectors.shape[0] != n:
            raise InvalidOptionError("diversity > 0 needs one vector per sentence")
        chosen = np.sort(_mmr(scores, budget, sizes, diversity, vectors))
        return chosen if order == "document" else chosen[rank_order(scores[chosen])]
    ranked = rank_order(scores)
    count = budget.count(n)
    chosen = ranked[:count] if count is not None else _fill(ranked, sizes, int(budget.value))
    return np.sort(chosen) if order == "document" else np.asarray(chosen)


def _fill(ranked: np.ndarray, sizes, limit: int) -> np.ndarray:
    """Best first while the total fits; the best alone if nothing fits."""
    taken: list[int] = []
    used = 0
    for i in ranked.tolist():
        if used + sizes[i] <= limit:
            taken.append(i)
            used += int(sizes[i])
    return np.asarray(taken or [int(ranked[0])], dtype=np.intp)


def _keys(values: np.ndarray) -> np.ndarray:
    return values.round(_DECIMALS)


def _mmr(scores, budget: Budget, sizes, diversity: float, vectors) -> np.ndarray:
    """The MMR picks (see the module docstring), in the order taken."""
    n = len(scores)
    low, high = float(scores.min()), float(scores.max())
    relevance = (scores - low) / (high - low) if high > low else np.ones(n)
    count = budget.count(n)
    room = None if count is not None else int(budget.value)
    sizes = None if room is None else np.asarray(sizes)
    if n <= _DENSE_MMR_MAX:
        taken = _mmr_dense(relevance, count, sizes, room, diversity, vectors)
    else:
        taken = _LazyMMR(relevance, sizes, diversity, vectors).run(count, room)
    if not taken:  # even the best sentence overflows: take it alone
        taken = [int(rank_order(scores)[0])]
    return np.asarray(taken, dtype=np.intp)


def _mmr_dense(relevance, count, sizes, room, diversity, vectors) -> list[int]:
    """MMR recomputing every candidate's value at each pick (a few hundred sentences)."""
    n = relevance.size
    weighted = (1.0 - diversity) * relevance
    redundancy = np.zeros(n)
    free = np.ones(n, dtype=bool)
    taken: list[int] = []
    while count is None or len(taken) < count:
        candidates = (free if room is None else free & (sizes <= room)).nonzero()[0]
        if candidates.size == 0:
            break
        keys = _keys(weighted[candidates] - diversity * redundancy[candidates])
        tied = candidates[keys == keys.max()]  # ascending: argmax takes the earliest
        pick = int(tied[relevance[tied].argmax()]) if tied.size > 1 else int(tied[0])
        taken.append(pick)
        free[pick] = False
        if room is not None:
            room -= int(sizes[pick])
        if len(taken) != count:  # the last pick's redundancy is never used
            np.maximum(redundancy, _cosine_row(vectors, pick), out=redundancy)
    return taken


def _cosine_row(x, i: int) -> np.ndarray:
    """``x @ x[i].T`` as a flat float64 array, for dense or sparse ``x``."""
    row = x @ x[i].T
    if not isinstance(row, np.ndarray):
        row = row.toarray() if hasattr(row, "toarray") else np.asarray(row)
    return np.asarray(row, dtype=np.float64).ravel()


class _LazyMMR:
    """Lazy greedy MMR over a priority queue of upper bounds (see the module docstring).

    Entries are ``(-key, -relevance, index)``: the smallest is the best candidate, ties going
    to the more relevant, then the earlier sentence. Candidates never evaluated wait in one
    array sorted by their first value (``frontier``) rather than in the heap, so a summary of
    a few sentences of a long text costs one sort, not n heap pushes.

    The picks are kept as postings: for each term, the picks holding it, in the order taken
    (slots ``start[t]:start[t] + filled[t]`` of one array laid out like the matrix's
    columns). Bringing a candidate up to date only visits the postings of its own terms that
    it has not seen yet (``seen``, one count per stored entry), so each pair of a candidate
    and a pick sharing a term is multiplied once, and pairs sharing nothing cost nothing.
    Before that, two cheap bounds often settle it: with ``top[t]`` the largest weight of
    term t in any pick, no pick's cosine with i exceeds ``sum_t x_it top[t]`` (summed in the
    same order as a cosine, so the bound holds in floating point too); if that is no more
    than i's redundancy, nothing changed; if the pick holding ``top[t]`` for one of i's terms
    reaches it, that cosine is the new redundancy. Both give exactly what the full
    comparison would, bit for bit.
    """

    def __init__(self, relevance: np.ndarray, sizes, diversity: float, vectors) -> None:
        x = sparse().csr_matrix(vectors, dtype=np.float64)
        if not x.has_canonical_format:  # sorted terms: sums in scipy's order, bit for bit
            x = x.copy()
            x.sum_duplicates()
        self.x, self.relevance, self.sizes, self.diversity = x, relevance, sizes, diversity
        self.weighted = (1.0 - diversity) * relevance
        n, n_terms = x.shape
        self.frontier = np.lexsort((np.arange(n), -relevance, -_keys(self.weighted))).tolist()
        self.redundancy = np.zeros(n)
        self.checked = np.zeros(n, dtype=np.intp)  # picks compared with so far
        self.picks: list[int] = []
        df = np.bincount(x.indices, minlength=n_terms)
        self.start = np.concatenate(([0], np.cumsum(df)[:-1])).astype(np.intp)
        self.filled = np.zeros(n_terms, dtype=np.intp)
        self.post_pick = np.empty(x.nnz, dtype=np.intp)
        self.post_weight = np.empty(x.nnz)
        self.seen = np.zeros(x.nnz, dtype=np.intp)  # per entry (i, t): postings of t seen
        self.top = np.zeros(n_terms)  # largest weight of each term in a pick
        self.top_pick = np.zeros(n_terms, dtype=np.intp)  # a pick with that weight
        # (row, term) of every entry as one sorted key, to look up a pick's weight of a term
        self.entry_key = (
            np.repeat(np.arange(n, dtype=np.int64), np.diff(x.indptr)) * n_terms + x.indices
        )
        self.seen_rows: set[bytes] = set()  # vectors of the picks, for the approximate mode
        self.work_left = _WORK_PER_ENTRY * max(x.nnz, n)
        self.updates_left = _UPDATES_PER_SENTENCE * n

    def _entry(self, i: int) -> tuple[float, float, int]:
        value = self.weighted[i] - self.diversity * self.redundancy[i]
        return (-float(_keys(np.array(value))), -float(self.relevance[i]), i)

    def run(self, count: int | None, room: int | None) -> list[int]:
        heap: list[tuple[float, float, int]] = []
        frontier, f = self.frontier, 0
        keys0 = _keys(self.weighted)
        while count is None or len(self.picks) < count:
            while f < len(frontier) and room is not None and self.sizes[frontier[f]] > room:
                f += 1  # too long for what is left; room only shrinks
            head = None
            if f < len(frontier):
                i = frontier[f]
                head = (-float(keys0[i]), -float(self.relevance[i]), i)
            if heap and (head is None or heap[0] < head):
                entry = heapq.heappop(heap)
            elif head is not None:
                entry, f = head, f + 1
            else:
                break
            i = entry[2]
            if room is not None and self.sizes[i] > room:
                continue
            if self.checked[i] < len(self.picks) and self._update(i):
                heapq.heappush(heap, self._entry(i))
                continue
            self._take(i)
            if room is not None:
                room -= int(self.sizes[i])
        return self.picks

    def _row(self, i: int) -> tuple[int, int]:
        return int(self.x.indptr[i]), int(self.x.indptr[i + 1])

    def _take(self, i: int) -> None:
        lo, hi = self._row(i)
        terms, weights = self.x.indices[lo:hi], self.x.data[lo:hi]
        slots = self.start[terms] + self.filled[terms]
        self.post_pick[slots] = len(self.picks)
        self.post_weight[slots] = weights
        self.filled[terms] += 1
        better = weights > self.top[terms]
        self.top[terms[better]] = weights[better]
        self.top_pick[terms[better]] = i
        self.picks.append(i)
        self.checked[i] = len(self.picks)
        self.seen_rows.add(terms.tobytes() + b"|" + weights.tobytes())

    def _update(self, i: int) -> bool:
        """Bring i's redundancy up to date; whether its value changed (then it is re-queued)."""
        self.checked[i] = len(self.picks)
        lo, hi = self._row(i)
        terms, weights = self.x.indices[lo:hi], self.x.data[lo:hi]
        seen = self.seen[lo:hi]
        first = self.start[terms] + seen  # the postings of i's terms not compared yet
        lengths = self.filled[terms] - seen
        total = int(lengths.sum())
        if total == 0:
            return False
        self.updates_left -= 1
        if total > self.work_left or self.updates_left < 0:  # approximate from now on
            self.work_left = self.updates_left = 0
            key = terms.tobytes() + b"|" + weights.tobytes()
            if key in self.seen_rows and self.redundancy[i] < 1.0:
                self.redundancy[i] = 1.0
                return True
            return False
        seen += lengths  # the entries of self.seen: all postings compared from now on
        old = self.redundancy[i]
        if total > 2 * terms.size:  # worth trying the bounds first
            bound = _sequential_dot(weights, self.top[terms])
            if bound <= old:
                return False
            if total > _TOPS_WORK:
                best = self._tops_cosine(terms, weights, total)
                if best >= bound:  # no pick exceeds the bound: this is the largest cosine
                    return self._raise(i, best)
        self.work_left -= total
        ends = np.cumsum(lengths)
        index = np.arange(total) + np.repeat(first - (ends - lengths), lengths)
        owners = self.post_pick[index]
        low = int(owners.min())
        products = self.post_weight[index] * np.repeat(weights, lengths)
        return self._raise(i, float(np.bincount(owners - low, weights=products).max()))

    def _raise(self, i: int, best: float) -> bool:
        if best > self.redundancy[i]:
            self.redundancy[i] = best
            return True
        return False

    def _tops_cosine(self, terms: np.ndarray, weights: np.ndarray, limit: int) -> float:
        """The largest cosine of a row (``terms``, ``weights``) with a pick holding the top
        weight of one of its terms; 0 if that needs more than ``limit`` look-ups."""
        owners = np.unique(self.top_pick[terms[self.top[terms] > 0.0]])
        if 2 * owners.size * terms.size > limit:
            return 0.0
        keys = (owners[:, None].astype(np.int64) * self.x.shape[1] + terms[None, :]).ravel()
        at = np.minimum(np.searchsorted(self.entry_key, keys), self.entry_key.size - 1)
        found = self.entry_key[at] == keys
        products = np.where(found, self.x.data[at], 0.0) * np.tile(weights, owners.size)
        which = np.repeat(np.arange(owners.size), terms.size)
        return float(np.bincount(which, weights=products).max())


def _sequential_dot(a: np.ndarray, b: np.ndarray) -> float:
    """``sum(a * b)`` added left to right, as ``np.bincount`` adds a cosine's products."""
    return float(np.bincount(np.zeros(a.size, dtype=np.intp), weights=a * b, minlength=1)[0])
