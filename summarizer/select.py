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
    scale = np.max(np.abs(scores)) or 1.0
    keys = np.round(scores / scale, 12)
    return np.lexsort((np.arange(scores.size), -keys))


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
    if budget.kind == "sentences":
        chosen = ranked[: int(budget.value)]
    elif budget.kind == "ratio":
        chosen = ranked[: max(1, math.floor(budget.value * n + 0.5))]
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


def _best(value: np.ndarray, relevance: np.ndarray, candidates: np.ndarray) -> int:
    """The candidate with the largest value; ties (to 12 digits) go to higher relevance,
    then to the earlier one. ``value`` is per candidate, ``relevance`` per sentence."""
    scale = float(np.abs(value).max()) or 1.0
    keys = (value / scale).round(12)
    tied = (keys == keys.max()).nonzero()[0]
    if tied.size == 1:  # the usual case: one best value, no tie to break
        return int(candidates[tied[0]])
    order = np.lexsort((np.arange(value.size), -relevance[candidates], -keys))
    return int(candidates[order[0]])


def _mmr(scores, budget, word_counts, char_counts, diversity, vectors) -> np.ndarray:
    n = len(scores)
    low, high = float(scores.min()), float(scores.max())
    relevance = (scores - low) / (high - low) if high > low else np.ones(n)
    weighted = (1.0 - diversity) * relevance
    count = budget_count(budget, n)
    sizes = None
    if count is None:
        sizes = np.asarray(word_counts if budget.kind == "words" else char_counts)
        room = int(budget.value)
    redundancy = np.zeros(n)
    free = np.ones(n, dtype=bool)
    taken: list[int] = []
    while count is None or len(taken) < count:
        candidates = (free if sizes is None else free & (sizes <= room)).nonzero()[0]
        if candidates.size == 0:
            if not taken:  # even the best sentence overflows: take it alone
                taken.append(int(rank_order(scores)[0]))
            break
        value = weighted[candidates] - diversity * redundancy[candidates]
        pick = _best(value, relevance, candidates)
        taken.append(pick)
        if len(taken) == count:
            break  # the last pick's redundancy is never used
        free[pick] = False
        if sizes is not None:
            room -= int(sizes[pick])
        row = vectors @ vectors[pick].T
        if not isinstance(row, np.ndarray):
            row = row.toarray() if hasattr(row, "toarray") else np.asarray(row)
        np.maximum(redundancy, np.asarray(row, dtype=np.float64).ravel(), out=redundancy)
    return np.asarray(taken, dtype=np.intp)
