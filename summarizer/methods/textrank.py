"""``textrank``: PageRank over sentences linked by shared content words over log length
(Mihalcea & Tarau 2004)."""

from __future__ import annotations

import numpy as np

from summarizer import rank
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import DAMPING, Method, register


@register
class TextRank(Method):
    name = "textrank"
    summary = "PageRank over shared content words normalized by log length (Mihalcea & Tarau 2004)"
    options = (DAMPING,)

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        if document.n == 0:
            return np.zeros(0)
        return rank.textrank_scores(
            document.vectors.tf, document.index.lengths, self.params["damping"]
        )
