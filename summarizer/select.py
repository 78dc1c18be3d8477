"""From sentence scores and a length budget to the chosen sentences."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from summarizer.errors import InvalidOptionError

__all__ = ["DEFAULT_SENTENCES", "ORDERS", "Budget", "rank_order", "select"]

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


def select(
    scores: np.ndarray,
    budget: Budget,
    word_counts: np.ndarray,
    char_counts: np.ndarray,
    order: str = "document",
) -> np.ndarray:
    """Indices of the chosen sentences, in document order or best first."""
    n = len(scores)
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
