"""The ``lead_odds`` scores: centrality times a lead prior in log-odds, times a length factor.

Pure functions over arrays (issue 15), for the method registry to wrap. The
inputs are what every method has: a centrality per sentence (LexRank over the
TF-IDF matrix), body positions (headings excluded, ``rank.body_positions``),
whitespace words per sentence, the budget k and the number n of body
sentences. Nothing depends on the data set; the constants were chosen on four
dev sets together by ``benchmarks/choose.py`` (see ``benchmarks/QUALITY_NOTES.md``).

The prior is the probability that the sentence at body position p is in a
k-of-n summary. Without position it is the base rate ``r = k / n``; the lead
adds ``strength(r) * exp(-p / decay)`` to its log-odds (lead bias: Brandow et
al. 1995, Nenkova 2005, See et al. 2017). Working in log-odds keeps the lead
of a short article strong: a ratio to r capped at ``cap / r`` (the
``positional`` method) makes the first sentence of a 12-sentence article at
most 1.8 times likelier than the base rate, and only 1.3 times likelier than
the fifth. Two bounds come from the budget alone:

- ``strength`` is ``weight`` while the summary keeps at most ``full`` of the
  text and falls linearly to 0 at ``fade``: three sentences of twelve are a
  lead, a summary keeping nearly half of the text is an abridgement, where
  what is left out is peripheral wherever it stands (BBC's extractive
  summaries keep about 43 % of the sentences);
- no sentence is in the summary with probability above
  ``1 - (1 - slot_cap) ** (k ** slot_power)``: 0.25 for one sentence, 0.68 for
  two, 0.93 for three. The bound is for one-sentence summaries of short texts
  (a TL;DR of an abstract), where the first sentence is one candidate among
  several; it lets go quickly as k grows.

Sentences longer than ``word_limit`` words are scaled by
``(word_limit / words) ** length_power``: in a sentence budget such a
"sentence" costs ROUGE precision and a reader's time, and in web news copy it
is mostly several sentences or photo captions the splitter could not separate
(1.7 % of BBC sentences are over 40 words, 9.8 % of DailyMail's).
"""

from __future__ import annotations

import numpy as np

__all__ = ["lead_odds_scores", "lead_probability", "length_factor"]

# The constants chosen on the dev sets (benchmarks/choose.py, issue 15).
WEIGHT = 4.0
DECAY = 1.5
FULL = 0.25
FADE = 0.45
SLOT_CAP = 0.25
SLOT_POWER = 2.0
WORD_LIMIT = 40.0
LENGTH_POWER = 2.0
CENTRALITY_POWER = 1.5
DIVERSITY = 0.3  # for select(diversity=)


def lead_probability(
    positions,
    k: float,
    n: int,
    weight: float = WEIGHT,
    decay: float = DECAY,
    fade: float = FADE,
    slot_cap: float = SLOT_CAP,
    full: float = FULL,
    slot_power: float = SLOT_POWER,
) -> np.ndarray:
    """Probability that the sentence at each body position is in a k-of-n summary.

    ``logistic(logit(r) + strength * exp(-p / decay))`` with ``r = k / n`` (k
    kept within [1, n]) and ``strength = weight * clip((fade - r) / (fade -
    full), 0, 1)``, at most ``max(r, 1 - (1 - slot_cap) ** (k ** slot_power))``.
    Positions are floats; n <= 0 or k >= n gives ones.
    """
    pos = np.asarray(positions, dtype=np.float64)
    if n <= 0:
        return np.ones_like(pos)
    k = min(max(float(k), 1.0), float(n))
    rate = k / float(n)
    if rate >= 1.0:
        return np.ones_like(pos)
    if fade <= full:
        strength = weight * float(rate < fade)
    else:
        strength = weight * min(1.0, max(0.0, (fade - rate) / (fade - full)))
    logit = np.log(rate / (1.0 - rate)) + strength * np.exp(-pos / decay)
    top = max(rate, 1.0 - (1.0 - slot_cap) ** (k**slot_power))
    return np.minimum(1.0 / (1.0 + np.exp(-logit)), top)


def length_factor(
    words, word_limit: float = WORD_LIMIT, length_power: float = LENGTH_POWER
) -> np.ndarray:
    """1 up to ``word_limit`` words, ``(word_limit / words) ** length_power`` beyond."""
    w = np.maximum(np.asarray(words, dtype=np.float64), 1.0)
    return np.minimum(1.0, word_limit / w) ** length_power


def lead_odds_scores(
    centrality,
    probability,
    length=None,
    exclude=None,
    centrality_power: float = CENTRALITY_POWER,
) -> np.ndarray:
    """Centrality rescaled to a maximum of 1 (to ``centrality_power``), times
    ``probability`` and ``length``; ``exclude``d sentences (headings) get 0.

    Non-positive centralities count as 0; if none is positive every sentence
    counts 1, so position and length still decide.
    """
    c = np.maximum(np.asarray(centrality, dtype=np.float64), 0.0)
    top = float(c.max()) if c.size else 0.0
    c = c / top if top > 0.0 else np.ones_like(c)
    if centrality_power != 1.0:
        c = c**centrality_power
    scores = c * np.asarray(probability, np.float64)
    if length is not None:
        scores = scores * np.asarray(length, dtype=np.float64)
    if exclude is not None:
        scores = np.where(np.asarray(exclude, dtype=bool), 0.0, scores)
    return scores
