"""``lead_odds``: LexRank centrality times a lead prior in log-odds, times a length factor.

The prior is the probability that the sentence at body position p belongs to a k-of-n summary:
the base rate ``r = k / n`` with ``lead_weight * exp(-p / lead_decay)`` added to its log-odds
while the summary keeps at most ``lead_full`` of the text, fading linearly to nothing at
``lead_fade`` (an abridgement keeping nearly half the text has no lead to favour), and capped
for one-sentence summaries (``lead_slot_cap``). Sentences longer than ``word_limit`` words are
scaled down (``summarizer.lead_odds.length_factor``). Headings score 0. The constants were
chosen on four dev sets together with cross-validation (``benchmarks/choose.py``,
``benchmarks/QUALITY_NOTES.md``). Sources: Brandow et al. 1995, Nenkova 2005, See et al. 2017
(lead bias); Edmundson 1969, Kupiec et al. 1995 (position); Erkan & Radev 2004 (LexRank).
"""

from __future__ import annotations

import numpy as np

from summarizer import lead_odds, rank, validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import DAMPING, Method, register
from summarizer.validate import Option


def _positive(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, None, low_open=True)


def _fraction(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, 1.0, low_open=True)


@register
class LeadOdds(Method):
    name = "lead_odds"
    summary = "LexRank x a lead prior in log-odds x a length factor (issue 15)"
    default_diversity = lead_odds.DIVERSITY
    options = (
        DAMPING,
        Option(
            "lead_weight",
            lead_odds.WEIGHT,
            lambda name, v: validate.number(name, v, 0.0, None),
            "log-odds the lead adds to the first body sentence, >= 0",
        ),
        Option("lead_decay", lead_odds.DECAY, _positive, "how fast the lead fades, > 0"),
        Option("lead_full", lead_odds.FULL, _fraction, "the lead is full up to this share"),
        Option("lead_fade", lead_odds.FADE, _fraction, "and gone at this share of the text"),
        Option("lead_slot_cap", lead_odds.SLOT_CAP, _fraction, "one-sentence summaries' cap"),
        Option("word_limit", lead_odds.WORD_LIMIT, _positive, "longer sentences count less"),
    )

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        n = document.n
        if n == 0:
            return np.zeros(0)
        p = self.params
        headings = document.headings
        n_body = n - int(headings.sum())
        probability = lead_odds.lead_probability(
            document.body_positions,
            budget.expected_count(n_body, document.sizes(budget)),
            n_body,
            weight=p["lead_weight"],
            decay=p["lead_decay"],
            fade=p["lead_fade"],
            slot_cap=p["lead_slot_cap"],
            full=p["lead_full"],
        )
        centrality = rank.lexrank_scores(document.vectors.tfidf, p["damping"], None)
        length = lead_odds.length_factor(document.word_counts, p["word_limit"])
        return lead_odds.lead_odds_scores(centrality, probability, length, headings)
