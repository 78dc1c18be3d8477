"""``pacsum``: PacSum's directed centrality with TF-IDF (Zheng & Lapata 2019, "Sentence
Centrality Revisited for Unsupervised Summarization").

Similarity to later sentences counts for a sentence, similarity to earlier ones against it
(``pacsum_earlier``); edges below ``pacsum_beta`` of the way from the smallest to the largest
similarity are dropped (beyond ``rank.DENSE_MAX`` sentences, of the way from 0 to 1, so no
n x n matrix is built; and on long dense text, where finding the edges above the threshold
would cost more than ``rank.PAIR_WORK`` products, not thresholded at all: see
``rank.pacsum_scores``). Headings are excluded and score 0.
"""

from __future__ import annotations

import numpy as np

from summarizer import rank, validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import Method, register
from summarizer.validate import Option

BETA = Option(
    "pacsum_beta",
    0.0,
    lambda name, v: validate.number(name, v, 0.0, 1.0, high_open=True),
    "edge threshold in [0, 1): a fraction of the way from the smallest to the largest similarity",
)
EARLIER = Option(
    "pacsum_earlier",
    -0.5,
    lambda name, v: validate.number(name, v),
    "weight of similarity to earlier sentences (that to later ones weighs 1)",
)


@register
class PacSum(Method):
    name = "pacsum"
    summary = "PacSum directed centrality (Zheng & Lapata 2019): strong on news leads"
    options = (BETA, EARLIER)

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        n = document.n
        if n == 0:
            return np.zeros(0)
        centrality = rank.pacsum_scores(
            document.vectors.tfidf, self.params["pacsum_beta"], self.params["pacsum_earlier"]
        )
        # shift to positive scores, so that even the weakest sentence outranks a heading (0)
        low, spread = float(centrality.min()), float(np.ptp(centrality))
        centrality = centrality - low + 1e-6 * (spread or 1.0)
        return rank.positional_scores(centrality, np.ones(n), document.headings)
