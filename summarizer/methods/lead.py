"""``lead``: the first sentences, the baseline to beat on news."""

from __future__ import annotations

import numpy as np

from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import Method, register


@register
class Lead(Method):
    name = "lead"
    summary = "the first sentences: the baseline to beat on news"
    uses_terms = False

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        n = document.n
        return 1.0 - np.arange(n) / n if n else np.zeros(0)
