"""From sentence scores and a length budget to the chosen sentences."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from summarizer.errors import InvalidOptionError

__all__ = [
    "DEFAULT_SENTENCES",
    "ORDERS",
    "Budget",
    "budget_count",
    "check_diversity",
    "rank_order",
    "select",
]

DEFAULT_SENTENCES = 3
ORDERS: tuple[str, ...] = ("document", "score")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: a count of sentences or words or characters, or a ratio.

    ``sentences=k`` takes the k best sentences. ``ratio=r`` (0 < r <= 1) takes
    ``round(r * n)`` of the n sentences, at least one. ``words=w`` and
    ``chars=c`` add sentences best first while the total (words split on
    whitespace; characters of the sentences themselves) stays within the
    budget, skipping any that would overflow it; if even the best sentence
    alone overflows, it is taken anyway, so a text with content never gets an
    empty summary.
    """

    kind: str
    value: float

    def __reduce__(self):
        # Plain constructor arguments pickle faster than the dataclass default.
        return (Budget, (self.kind, self.value))

    @classmethod
    def from_options(cls, sentences=None, ratio=None, words=None, chars=None) -> Budget:
        given = {
            k: v
            for k, v in (
                ("sentences", sentences),
                ("ratio", ratio),
                ("words", words),
                ("chars", chars),
            )
            if v is not None
        }
        if len(given) > 1:
            raise InvalidOptionError(
                f"give at most one budget, not {' and '.join(given)}; "
                "choose sentences=, ratio=, words= or chars="
            )
        if not given:
            return cls("sentences", DEFAULT_SENTENCES)
        kind, value = given.popitem()
        if kind == "ratio":
            if not _is_number(value) or not 0.0 < float(value) <= 1.0:
                raise InvalidOptionError(f"ratio must be a number in (0, 1], not {value!r}")
            return cls(kind, float(value))
        whole = isinstance(value, (int, np.integer)) or (
            isinstance(value, (float, np.floating)) and float(value).is_integer()
        )
        if not _is_number(value) or not whole or int(value) < 1:
            raise InvalidOptionError(f"{kind} must be a positive integer, not {value!r}")
        return cls(kind, int(value))

    def to_dict(self) -> dict:
        return {"kind": self.kind, "value": self.value}


def rank_order(scores: np.ndarray) -> np.ndarray:
    """Indices from best to worst score; equal scores (to 12 digits) keep document order.

    Rounding makes the order independent of last-bit differences between
    machines, so the same input gives the same summary everywhere.
    """
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0:
        return np.zeros(0, dtype=np.intp)
    return np.lexsort((np.arange(scores.size), -_tie_keys(scores)))


def _tie_keys(values: np.ndarray, scale: float | None = None) -> np.ndarray:
    """``values`` over ``scale`` (default: their largest absolute value; 1 if that is 0),
    rounded to 12 digits. Equal keys are ties, whatever the machine's last bits."""
    if scale is None:
        scale = float(np.abs(values).max())
    return (values / (scale or 1.0)).round(12)


def check_diversity(value: object) -> float:
    """``value`` as a float if it is a valid ``diversity=`` (a number in [0, 1])."""
    if not _is_number(value) or not 0.0 <= float(value) <= 1.0:
        raise InvalidOptionError(f"diversity must be a number in [0, 1], not {value!r}")
    return float(value)


def select(
    scores: np.ndarray,
    budget: Budget,
    word_counts: np.ndarray,
    char_counts: np.ndarray,
    order: str = "document",
    *,
    diversity: float = 0.0,
    vectors=None,
) -> np.ndarray:
    """Indices of the chosen sentences, in document order or best first.

    ``diversity`` (0 to 1) is the redundancy control of Maximal Marginal
    Relevance (Carbonell & Goldstein 1998). At 0 sentences are taken best
    first. Above 0 they are taken one at a time, each maximizing
    ``(1 - diversity) * relevance - diversity * redundancy``, where relevance is
    the score rescaled to [0, 1] and redundancy the largest cosine similarity
    to a sentence already taken, so a summary does not say the same thing
    twice; ties go to the better score, then the earlier sentence (at 1 only
    redundancy counts, so the best sentence is still taken first). It needs
    ``vectors``: one unit-norm row per sentence (dense or scipy sparse). Word
    and character budgets are filled the same way, skipping sentences that
    would overflow. ``order="score"`` lists the chosen sentences best score
    first whatever the diversity.
    """
    n = len(scores)
    diversity = check_diversity(diversity)
    if diversity > 0.0 and n > 1:
        if vectors is None or vectors.shape[0] != n:
            raise InvalidOptionError("diversity > 0 needs one vector per sentence")
        chosen = _mmr(
            np.asarray(scores, dtype=np.float64),
            budget,
            word_counts,
            char_counts,
            diversity,
            vectors,
        )
        chosen = np.sort(chosen)
        if order == "document":
            return chosen
        return chosen[rank_order(np.asarray(scores, dtype=np.float64)[chosen])]
    ranked = rank_order(scores)
    if n == 0:
        return ranked
    count = budget_count(budget, n)
    if count is not None:
        chosen = ranked[:count]
    else:
        sizes = np.asarray(word_counts if budget.kind == "words" else char_counts)
        chosen = _fill(ranked, sizes, int(budget.value))
    return np.sort(chosen) if order == "document" else np.asarray(chosen)


def _fill(ranked: np.ndarray, sizes: np.ndarray, limit: int) -> np.ndarray:
    taken: list[int] = []
    used = 0
    for i in ranked.tolist():
        if used + sizes[i] <= limit:
            taken.append(i)
            used += int(sizes[i])
    if not taken:
        taken.append(int(ranked[0]))
    return np.asarray(taken, dtype=np.intp)


def budget_count(budget: Budget, n: int) -> int | None:
    """How many sentences a count budget takes; None for word and character budgets."""
    if budget.kind == "sentences":
        return min(n, int(budget.value))
    if budget.kind == "ratio":
        return min(n, max(1, math.floor(budget.value * n + 0.5)))
    return None


_POOL_MIN = 256  # candidates MMR keeps in its pool at least; fewer sentences take _mmr_small


def _mmr(scores, budget, word_counts, char_counts, diversity, vectors) -> np.ndarray:
    """The MMR picks (see ``select``) in the order taken.

    Each pick is the candidate of largest ``value = weighted - diversity *
    redundancy``; ties as in ``_Candidates.best``. Redundancy only grows, so
    values only fall: a pick changes only the sentences sharing a term with it
    (``_Similarity``), and the best is looked for among a pool of the highest
    values (``_Candidates``), so a pick costs about the size of its
    neighbourhood rather than O(n).
    """
    n = len(scores)
    low, high = float(scores.min()), float(scores.max())
    relevance = (scores - low) / (high - low) if high > low else np.ones(n)
    weighted = (1.0 - diversity) * relevance
    count = budget_count(budget, n)
    sizes = None
    room = 0
    if count is None:
        sizes = np.asarray(word_counts if budget.kind == "words" else char_counts)
        room = int(budget.value)
    if n <= _POOL_MIN:  # the pool would hold every candidate: no bookkeeping needed
        return _mmr_small(scores, relevance, weighted, count, sizes, room, diversity, vectors)
    redundancy = np.zeros(n)
    pool = _Candidates(weighted - diversity * redundancy, sizes, room)
    similarity = _Similarity(vectors)
    taken: list[int] = []
    while count is None or len(taken) < count:
        if pool.empty():
            if not taken:  # even the best sentence overflows: take it alone
                taken.append(int(rank_order(scores)[0]))
            break
        pick = pool.best(relevance)
        taken.append(pick)
        if len(taken) == count:
            break  # the last pick's redundancy is never used
        pool.remove(np.array([pick]))
        if sizes is not None:
            room -= int(sizes[pick])
            pool.shrink_room(room)
        if similarity.repeats(pick):  # same vector as an earlier pick: same cosines
            continue
        rows, cosines = similarity.row(pick)
        grown = np.maximum(redundancy[rows], cosines)
        changed = grown != redundancy[rows]
        if changed.any():
            rows = rows[changed]
            redundancy[rows] = grown[changed]
            pool.lower(rows, weighted[rows] - diversity * redundancy[rows])
    return np.asarray(taken, dtype=np.intp)


def _mmr_small(scores, relevance, weighted, count, sizes, room, diversity, vectors) -> np.ndarray:
    """``_mmr`` for a few hundred sentences (a news article): every candidate's value
    recomputed at each pick, which costs less than the pool's bookkeeping at this size."""
    n = len(scores)
    redundancy = np.zeros(n)
    free = np.ones(n, dtype=bool)
    taken: list[int] = []
    while count is None or len(taken) < count:
        candidates = (free if sizes is None else free & (sizes <= room)).nonzero()[0]
        if candidates.size == 0:
            if not taken:  # even the best sentence overflows: take it alone
                taken.append(int(rank_order(scores)[0]))
            break
        keys = _tie_keys(weighted[candidates] - diversity * redundancy[candidates])
        tied = (keys == keys.max()).nonzero()[0]
        if tied.size > 1:  # ascending: argmax takes the earliest of the most relevant
            tied = candidates[tied]
            pick = int(tied[relevance[tied].argmax()])
        else:
            pick = int(candidates[tied[0]])
        taken.append(pick)
        if len(taken) == count:
            break  # the last pick's redundancy is never used
        free[pick] = False
        if sizes is not None:
            room -= int(sizes[pick])
        np.maximum(redundancy, _cosine_row(vectors, pick), out=redundancy)
    return np.asarray(taken, dtype=np.intp)


def _cosine_row(x, i: int) -> np.ndarray:
    """``x @ x[i].T`` as a flat float64 array, for dense or sparse ``x``."""
    row = x @ x[i].T
    if not isinstance(row, np.ndarray):
        row = row.toarray() if hasattr(row, "toarray") else np.asarray(row)
    return np.asarray(row, dtype=np.float64).ravel()


class _Similarity:
    """Cosines of one sentence with the others, bit for bit as ``vectors @ vectors[i].T``.

    For canonical float64 CSR rows only the sentences sharing a term with i
    are visited (the others' cosine is exactly 0), through the columns of i's
    terms. Each row's products are added from 0 in ascending term order, the
    order of its stored entries, as scipy's product adds them (it adds the
    zero products of other terms too, which changes no sum), so the sums are
    identical. Other inputs: the full product.
    """

    def __init__(self, vectors) -> None:
        self.vectors = vectors
        self.sparse = (
            getattr(vectors, "format", None) == "csr"
            and vectors.dtype == np.float64
            and vectors.has_canonical_format  # sorted indices, no duplicates
        )
        if self.sparse:
            self.columns = vectors.tocsc()
            self.sums = np.zeros(vectors.shape[0])
        self.seen: set[bytes] = set()

    def repeats(self, i: int) -> bool:
        """Whether sentence i's vector equals one passed here before (then remembers it):
        texts that repeat a sentence would otherwise redo the same cosines each time."""
        x = self.vectors
        if self.sparse:
            start, stop = x.indptr[i], x.indptr[i + 1]
            key = x.indices[start:stop].tobytes() + b"|" + x.data[start:stop].tobytes()
        else:
            row = x[i]
            key = (row.toarray() if hasattr(row, "toarray") else np.asarray(row)).tobytes()
        if key in self.seen:
            return True
        self.seen.add(key)
        return False

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """``(rows, cosines)``: sentences whose cosine with i may be non-zero (possibly
        repeated), and that cosine."""
        x = self.vectors
        if not self.sparse:
            row = _cosine_row(x, i)
            return np.arange(row.size), row
        start, stop = x.indptr[i], x.indptr[i + 1]
        columns, sums = self.columns, self.sums
        parts = []
        for term, weight in zip(
            x.indices[start:stop].tolist(), x.data[start:stop].tolist(), strict=True
        ):
            lo, hi = columns.indptr[term], columns.indptr[term + 1]
            rows = columns.indices[lo:hi]  # distinct within a column
            sums[rows] += columns.data[lo:hi] * weight
            parts.append(rows)
        rows = np.concatenate(parts) if parts else np.zeros(0, dtype=np.intp)
        cosines = sums[rows]
        sums[rows] = 0.0
        return rows, cosines


class _Candidates:
    """The sentences MMR may still take, with their current values, which only fall.

    ``pool`` holds the indices of the highest values as of the last rebuild and
    ``bound`` is the largest value outside it (values only fall, so it stays
    an upper bound). While the pool's best key exceeds the bound's key, every
    tie of the best is in the pool and a pick costs O(pool); otherwise the pool
    is rebuilt from all candidates, O(n). The smallest value is kept up to date
    too (with how many candidates have it), since the tie keys are scaled by
    the largest absolute value.

    A text that repeats sentences makes large groups of exactly equal values.
    When the best is such a group, it is queued in tie order (higher relevance,
    then earlier) and later picks take its next live member in O(1), for as
    long as the queue stays exact: none of its members lowered and the scale
    unchanged (values only fall, so nothing outside it can catch up).
    """

    def __init__(self, values: np.ndarray, sizes, room: int) -> None:
        n = values.size
        self.values = values.copy()
        self.live = np.ones(n, dtype=bool)
        self.pool_size = max(_POOL_MIN, 4 * math.isqrt(n))
        self.pool = np.zeros(0, dtype=np.intp)
        self.bound = -np.inf
        self.by_size = None
        if sizes is not None:
            self.by_size = np.argsort(sizes, kind="stable")
            self.sorted_sizes = sizes[self.by_size]
            self.fits = self._fitting(room)  # by_size[:fits]: the sentences within the room
            self.live[:] = False
            self.live[self.by_size[: self.fits]] = True
        self.count = int(self.live.sum())
        self.low, self.low_count = 0.0, 0
        if self.count:
            self._find_low()
        self.values[~self.live] = -np.inf
        self.queue: np.ndarray | None = None  # a group of equal best values, in tie order
        self.queue_pos = 0
        self.queue_value = self.queue_scale = 0.0
        self.in_queue = np.zeros(n, dtype=bool)
        self._rebuild()

    def _find_low(self) -> None:
        values = self.values[self.live]
        self.low = float(values.min())
        self.low_count = int(np.count_nonzero(values == self.low))

    def _drop_queue(self) -> None:
        if self.queue is not None:
            self.in_queue[self.queue] = False
            self.queue = None

    def _fitting(self, room: int) -> int:
        return int(np.searchsorted(self.sorted_sizes, room, side="right"))

    def empty(self) -> bool:
        return self.count == 0

    def _rebuild(self, everything: bool = False) -> None:
        live = self.live.nonzero()[0]
        if everything or live.size <= self.pool_size:
            self.pool, self.bound = live, -np.inf
            return
        values = self.values[live]
        cut = live.size - self.pool_size - 1
        order = np.argpartition(values, cut)
        self.pool = np.sort(live[order[cut + 1 :]])
        self.bound = float(values[order[cut]])

    def best(self, relevance: np.ndarray) -> int:
        """The candidate with the largest value; ties (to 12 digits, scaled by the largest
        absolute value of all candidates) go to higher relevance, then the earlier one."""
        queue = self.queue
        if queue is not None:
            if max(abs(self.queue_value), abs(self.low)) == self.queue_scale:
                pos, live = self.queue_pos, self.live
                while pos < queue.size and not live[queue[pos]]:
                    pos += 1
                self.queue_pos = pos
                if pos < queue.size:
                    return int(queue[pos])
            self._drop_queue()
        for attempt in range(3):
            values = self.values[self.pool]
            top = float(values.max()) if values.size else -np.inf
            if top > self.bound:  # then top is the largest value of all
                scale = max(abs(top), abs(self.low))
                keys = _tie_keys(values, scale)
                best = keys.max()
                if self.bound == -np.inf or _tie_keys(np.array(self.bound), scale) < best:
                    tied = self.pool[keys == best]  # ascending: argmax takes the earliest
                    if tied.size > 2 and values[keys == best].min() == top:  # all equal
                        self.queue = tied[np.lexsort((tied, -relevance[tied]))]
                        self.queue_pos, self.queue_value, self.queue_scale = 0, top, scale
                        self.in_queue[self.queue] = True
                        return int(self.queue[0])
                    return int(tied[np.argmax(relevance[tied])])
            # a fresh pool can still fail when the best value's ties run past its end
            self._rebuild(everything=attempt > 0)
        raise AssertionError("unreachable: a pool of every candidate has no bound")

    def remove(self, rows: np.ndarray) -> None:
        rows = rows[self.live[rows]]
        if rows.size == 0:
            return
        self.low_count -= int(np.count_nonzero(self.values[rows] == self.low))
        self.live[rows] = False
        self.values[rows] = -np.inf
        self.count -= rows.size
        if self.low_count <= 0 and self.count:
            self._find_low()

    def shrink_room(self, room: int) -> None:
        """Drop the candidates longer than ``room``."""
        fits = self._fitting(room)
        if fits < self.fits:
            self.remove(self.by_size[fits : self.fits])
            self.fits = fits

    def lower(self, rows: np.ndarray, values: np.ndarray) -> None:
        """Set lower values for ``rows`` (those still candidates; repeats allowed)."""
        live = self.live[rows]
        if not live.all():
            rows, values = rows[live], values[live]
        if rows.size == 0:
            return
        rows, first = np.unique(rows, return_index=True)
        values = values[first]
        if self.queue is not None and self.in_queue[rows].any():
            self._drop_queue()
        old = self.values[rows]
        self.values[rows] = values
        least = float(values.min())
        if least < self.low:
            self.low, self.low_count = least, int(np.count_nonzero(values == least))
        else:  # a value at the low stays there: lowered, yet not below it
            low = self.low
            self.low_count += int(np.count_nonzero(values == low) - np.count_nonzero(old == low))
