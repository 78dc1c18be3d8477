"""``adaptive`` (the default): a lead summary or an abridgement, by the budget's share of the text.

For a summary keeping at most ``lead_full`` of the body sentences it scores like
``lead_odds`` (LexRank^1.5 times a lead prior in log-odds times a length factor, MMR at 0.3);
from ``lead_fade`` on, like an abridgement (TextRank, no lead, no MMR); linearly between
(``summarizer.adaptive``). Headings score 0 and do not count as positions. The constants were
chosen on four dev sets together with cross-validation (``benchmarks/choose.py``,
``benchmarks/QUALITY_NOTES.md``). Sources: Brandow et al. 1995, Nenkova 2005, See et al. 2017
(lead bias); Kupiec et al. 1995 (position); Erkan & Radev 2004 (LexRank); Mihalcea & Tarau
2004 (TextRank); Carbonell & Goldstein 1998 (MMR).
"""

from __future__ import annotations

import numpy as np

from summarizer import adaptive, rank, validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods.base import DAMPING, Method, register
from summarizer.validate import Option


def _positive(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, None, low_open=True)


def _fraction(name: str, v: object) -> float:
    return validate.number(name, v, 0.0, 1.0, low_open=True)


@register
class Adaptive(Method):
    name = "adaptive"
    summary = "lead_odds for short summaries, TextRank for abridgements, by the budget's share"
    default_diversity = adaptive.DIVERSITY
    options = (
        DAMPING,
        Option(
            "lead_weight",
            adaptive.WEIGHT,
            lambda name, v: validate.number(name, v, 0.0, None),
            "log-odds the lead adds to the first body sentence, >= 0",
        ),
        Option("lead_decay", adaptive.DECAY, _positive, "how fast the lead fades, > 0"),
        Option("lead_full", adaptive.FULL, _fraction, "a lead summary up to this share"),
        Option("lead_fade", adaptive.FADE, _fraction, "an abridgement from this share on"),
        Option("lead_slot_cap", adaptive.SLOT_CAP, _fraction, "one-sentence summaries' cap"),
        Option("word_limit", adaptive.WORD_LIMIT, _positive, "longer sentences count less"),
    )

    def _share(self, document: Document, budget: Budget) -> tuple[float, int, float]:
        """(abridgement share, body sentences, expected summary sentences)."""
        n_body = document.n - int(document.headings.sum())
        k = budget.expected_count(n_body, document.sizes(budget))
        share = adaptive.abridgement(k, n_body, self.params["lead_full"], self.params["lead_fade"])
        return share, n_body, k

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        if document.n == 0:
            return np.zeros(0)
        p = self.params
        share, n_body, k = self._share(document, budget)
        vectors = document.vectors
        lexrank = rank.lexrank_scores(vectors.tfidf, p["damping"], None) if share < 1 else None
        textrank = (
            rank.textrank_scores(vectors.tf, document.index.lengths, p["damping"])
            if share > 0
            else None
        )
        return adaptive.adaptive_scores(
            lexrank,
            textrank,
            document.body_positions,
            document.word_counts,
            k,
            n_body,
            document.headings,
            weight=p["lead_weight"],
            decay=p["lead_decay"],
            full=p["lead_full"],
            fade=p["lead_fade"],
            slot_cap=p["lead_slot_cap"],
            word_limit=p["word_limit"],
        )

    def diversity_for(self, document: Document, budget: Budget) -> float:
        """MMR at 0.3 for a lead summary, fading to none for an abridgement."""
        if document.n == 0:
            return self.default_diversity
        return adaptive.adaptive_diversity(self._share(document, budget)[0], self.default_diversity)
