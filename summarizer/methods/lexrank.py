"""``lexrank``: PageRank over TF-IDF cosine similarity (Erkan & Radev 2004); with
``threshold=`` the unweighted variant, sentences linked where similarity exceeds it. On long
dense text, where finding those links would cost more than ``rank.PAIR_WORK`` products (see
``rank.lexrank_scores``), the weighted graph is used instead, so the cost stays O(text)."""

from __future__ import annotations

import numpy as np

from summarizer import rank, validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import DAMPING, Method, register
from summarizer.validate import Option

THRESHOLD = Option(
    "threshold",
    None,
    lambda name, v: (
        None if v is None else validate.number(name, v, 0.0, 1.0, high_open=True, or_none=True)
    ),
    "None for continuous LexRank, else the cosine in [0, 1) above which sentences are linked",
    kind="float?",
)


@register
class LexRank(Method):
    name = "lexrank"
    summary = "PageRank over TF-IDF cosine similarity (Erkan & Radev 2004)"
    options = (DAMPING, THRESHOLD)

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        if document.n == 0:
            return np.zeros(0)
        return rank.lexrank_scores(
            document.vectors.tfidf, self.params["damping"], self.params["threshold"]
        )
