"""``positional`` (the earlier default): LexRank centrality times a lead prior, headings skipped.

The prior (``rank.lead_prior``) says how much likelier than the base rate k/n a sentence is to
belong in a k-of-n summary given its position: ``1 + lead_weight * exp(-p / lead_decay)`` for
body sentence p, but no sentence is more than ``lead_cap`` likely to be in a summary and none
fills any one of its k places more than ``lead_slot_cap`` of the time. Headings (a line of its
own that does not end like a sentence) score 0 and do not count as positions. Lead bias:
Nenkova 2005, See et al. 2017; LexRank: Erkan & Radev 2004; the capped prior is ours.
"""

from __future__ import annotations

import numpy as np

from summarizer import rank, validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import DAMPING, Method, register
from summarizer.validate import Option


def _positive(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, None, low_open=True)


def _fraction(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, 1.0, low_open=True)


@register
class Positional(Method):
    name = "positional"
    summary = "LexRank centrality times a capped lead prior, headings skipped (the earlier default)"
    default_diversity = 0.3
    options = (
        DAMPING,
        Option(
            "lead_weight",
            6.0,
            lambda name, v: validate.number(name, v, 0.0, None),
            "how much likelier the first body sentence is, >= 0",
        ),
        Option("lead_decay", 1.5, _positive, "how fast the lead prior fades with position, > 0"),
        Option("lead_cap", 0.45, _fraction, "the most likely any sentence is to be picked"),
        Option("lead_slot_cap", 0.2, _fraction, "the most likely a sentence fills one place"),
    )

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        n = document.n
        if n == 0:
            return np.zeros(0)
        p = self.params
        headings = document.headings
        n_body = n - int(headings.sum())
        prior = rank.lead_prior(
            document.body_positions,
            budget.expected_count(n_body, document.sizes(budget)),
            n_body,
            p["lead_weight"],
            p["lead_decay"],
            p["lead_cap"],
            p["lead_slot_cap"],
        )
        centrality = rank.lexrank_scores(document.vectors.tfidf, p["damping"], None)
        return rank.positional_scores(centrality, prior, headings)
