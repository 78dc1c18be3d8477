"""The ``adaptive`` scores: a lead summary or an abridgement, by the budget's share of the text.

Pure functions over arrays (issue 15), for the method registry to wrap. A summary of k of a
text's n body sentences is one of two kinds, and the share ``r = k / n`` says which:

- a **lead summary** (r up to ``FULL``, 35 %): a few sentences of a longer text, such as news
  highlights or a TL;DR. What the writer put first is what matters, and each place is scarce:
  the ``lead_odds`` form (LexRank to the power 1.5, times a lead prior in log-odds, times a
  length factor; here with lead weight 5 and decay 2) with redundancy control (MMR at 0.3);
- an **abridgement** (r from ``FADE``, 40 %, on): the text minus its periphery, such as BBC
  News' extractive summaries, which keep about 43 % of the sentences. Position says little
  there, and the core of a text is self-similar, so penalizing redundancy removes exactly
  what belongs in it: TextRank (Mihalcea & Tarau 2004, shared words over log lengths, which
  prefers long, content-rich sentences to short asides) with no lead and no MMR.

Between the two, ``abridgement(k, n)`` goes linearly from 0 to 1, and every part moves with
it: the lead's log-odds weight falls to 0 (``lead_odds.lead_probability`` with the same
``full`` and ``fade``), the centrality is ``(1 - s) * LexRank^1.5 + s * TextRank``, and the
diversity is ``DIVERSITY * (1 - s)``. So one number the caller chose (the budget) decides,
nothing depends on a data set's name, and no sentence's score jumps as the budget grows.
The two constants sit in the gap between the dev sets' news summaries (r = 0.05-0.27, 5th to
95th percentile, for three sentences of an article) and BBC's abridgements (r = 0.40-0.50);
they were chosen with the other constants on four dev sets together, with cross-validation
(``benchmarks/choose.py``; ``benchmarks/QUALITY_NOTES.md``).
"""

from __future__ import annotations

import numpy as np

from summarizer import lead_odds

__all__ = ["abridgement", "adaptive_diversity", "adaptive_scores", "blended_centrality"]

# The constants chosen on the dev sets (benchmarks/choose.py, issue 15).
WEIGHT = 5.0
DECAY = 2.0
FULL = 0.35
FADE = 0.4
SLOT_CAP = 0.25
WORD_LIMIT = 40.0
CENTRALITY_POWER = 1.5
DIVERSITY = 0.3  # in lead summaries; none in abridgements


def abridgement(k: float, n: int, full: float = FULL, fade: float = FADE) -> float:
    """How far a k-of-n summary is an abridgement: 0 while ``k / n <= full``, 1 from
    ``fade`` on, linear between (a step at ``fade`` when ``fade <= full``).

    k is kept within [1, n]; n <= 0 gives 1 (nothing to lead with).
    """
    if n <= 0:
        return 1.0
    rate = min(max(float(k), 1.0), float(n)) / float(n)
    if fade <= full:
        return float(rate >= fade)
    return min(1.0, max(0.0, (rate - full) / (fade - full)))


def _unit_max(values) -> np.ndarray:
    c = np.maximum(np.asarray(values, dtype=np.float64), 0.0)
    top = float(c.max()) if c.size else 0.0
    return c / top if top > 0.0 else np.ones_like(c)


def blended_centrality(
    lead_centrality,
    abridgement_centrality,
    share: float,
    power: float = CENTRALITY_POWER,
) -> np.ndarray:
    """``(1 - share) * lead^power + share * abridged``, each rescaled to a maximum of 1.

    Non-positive values count as 0; an array with no positive value counts as all ones.
    Either array may be None where its weight is 0 (it is then not computed at all).
    """
    parts = []
    if share < 1.0:
        lead = _unit_max(lead_centrality)
        parts.append((1.0 - share) * (lead**power if power != 1.0 else lead))
    if share > 0.0:
        parts.append(share * _unit_max(abridgement_centrality))
    return parts[0] if len(parts) == 1 else parts[0] + parts[1]


def adaptive_diversity(share: float, diversity: float = DIVERSITY) -> float:
    """MMR's diversity for a summary that is ``share`` an abridgement: ``diversity`` for a
    lead summary, none for an abridgement."""
    return diversity * (1.0 - share)


def adaptive_scores(
    lexrank,
    textrank,
    positions,
    words,
    k: float,
    n: int,
    exclude=None,
    *,
    weight: float = WEIGHT,
    decay: float = DECAY,
    full: float = FULL,
    fade: float = FADE,
    slot_cap: float = SLOT_CAP,
    word_limit: float = WORD_LIMIT,
    centrality_power: float = CENTRALITY_POWER,
) -> np.ndarray:
    """The scores of a k-of-n summary: ``blended_centrality`` times the lead probability
    (``lead_odds.lead_probability``) times the length factor (``lead_odds.length_factor``);
    ``exclude``d sentences (headings) get 0. ``lexrank`` may be None for an abridgement and
    ``textrank`` for a lead summary (see ``abridgement``)."""
    share = abridgement(k, n, full, fade)
    probability = lead_odds.lead_probability(
        positions, k, n, weight=weight, decay=decay, fade=fade, slot_cap=slot_cap, full=full
    )
    centrality = blended_centrality(lexrank, textrank, share, centrality_power)
    length = lead_odds.length_factor(words, word_limit)
    return lead_odds.lead_odds_scores(centrality, probability, length, exclude, 1.0)
