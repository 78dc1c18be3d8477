"""``tfidf``: cosine of each sentence with the document's TF-IDF centroid."""

from __future__ import annotations

import numpy as np

from summarizer import rank
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import Method, register


@register
class Centroid(Method):
    name = "tfidf"
    summary = "cosine of each sentence with the document's TF-IDF centroid"

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        if document.n == 0:
            return np.zeros(0)
        return rank.centroid_scores(document.vectors.tfidf)
