"""How long a summary may be: a ``Budget``, validated once when made and carried end to end.

``sentences=k`` takes the k best sentences. ``ratio=r`` (0 < r <= 1) takes ``round(r * n)`` of
the n candidate sentences (halves round up), at least one. ``words=w`` and ``chars=c`` add
sentences best first while the total (words split on whitespace; characters of the sentences
themselves) stays within the budget, skipping any that would overflow it; if even the best
sentence alone overflows, it is taken anyway, so a text with content never gets an empty summary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarizer import validate
from summarizer.errors import InvalidOptionError

__all__ = ["BUDGET_KINDS", "DEFAULT_SENTENCES", "Budget"]

DEFAULT_SENTENCES = 3
# kind -> (is a count of sentences, check)
_KINDS = {
    "sentences": (True, lambda name, v: validate.integer(name, v)),
    "ratio": (True, lambda name, v: validate.number(name, v, 0.0, 1.0, low_open=True)),
    "words": (False, lambda name, v: validate.integer(name, v)),
    "chars": (False, lambda name, v: validate.integer(name, v)),
}
BUDGET_KINDS: tuple[str, ...] = tuple(_KINDS)


@dataclass(frozen=True)
class Budget:
    """A summary length: ``Budget("sentences", 3)``, ``Budget("ratio", 0.2)``,
    ``Budget("words", 100)`` or ``Budget("chars", 600)``; checked when made."""

    kind: str
    value: float

    def __post_init__(self) -> None:
        kind = validate.choice("budget kind", self.kind, BUDGET_KINDS)
        object.__setattr__(self, "value", _KINDS[kind][1](kind, self.value))

    def __reduce__(self):
        # Plain constructor arguments pickle faster than the dataclass default.
        return (Budget, (self.kind, self.value))

    @classmethod
    def from_options(
        cls,
        sentences: object = None,
        ratio: object = None,
        words: object = None,
        chars: object = None,
    ) -> Budget:
        """The budget of at most one of the keywords (3 sentences when none is given)."""
        given = {
            kind: value
            for kind, value in zip(BUDGET_KINDS, (sentences, ratio, words, chars), strict=True)
            if value is not None
        }
        if len(given) > 1:
            raise InvalidOptionError(
                f"give at most one budget, not {' and '.join(given)}; "
                "choose sentences=, ratio=, words= or chars=",
                option=next(iter(given)),
            )
        if not given:
            return cls("sentences", DEFAULT_SENTENCES)
        kind, value = given.popitem()
        return cls(kind, value)  # type: ignore[arg-type]  # checked in __post_init__

    @classmethod
    def of(cls, value: object) -> Budget:
        """``value`` if it is a Budget, else InvalidOptionError."""
        if not isinstance(value, Budget):
            raise validate.fail("budget", "a Budget", value)
        return value

    @property
    def counts_sentences(self) -> bool:
        """Whether this budget is a number of sentences (sentences, ratio), not a length."""
        return _KINDS[self.kind][0]

    def count(self, n: int) -> int | None:
        """How many of ``n`` sentences a count budget takes; None for word and char budgets."""
        if self.kind == "sentences":
            return min(n, int(self.value))
        if self.kind == "ratio":
            return min(n, max(1, math.floor(self.value * n + 0.5)))
        return None

    def expected_count(self, n: int, sizes: np.ndarray | None) -> float:
        """About how many of ``n`` sentences the budget takes: the count, or for a length
        budget the length over the mean sentence size (``sizes``), at least 1."""
        exact = self.count(n)
        if exact is not None:
            return float(exact)
        mean = float(np.mean(sizes)) if sizes is not None and len(sizes) else 0.0
        return self.value / mean if mean > 0 else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value}
