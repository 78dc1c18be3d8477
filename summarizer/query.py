"""Query-focused scores: how well each sentence answers a query, as pure functions over arrays.

``relevance`` is what a query-focused summary ranks by (``Summarizer(query=...)``):

- the query's terms: its words stemmed as the document's terms are, less the terms of the
  words that only shape a question ("what did they say about", "summarize the discussion
  of"; ``QUESTION_WORDS``, compared after stemming, so "discussing" goes with "discuss");
- BM25 (Robertson & Zaragoza 2009; k1 = 1.2, b = 0.75) of those terms for each sentence (B)
  and for each paragraph (P: a paragraph's words count for each of its sentences);
- passage BM25 (S): the answer to a question is a stretch of text (a discussion in a
  meeting, a section of a report), so each paragraph is also scored as the centre of a
  passage: its neighbours' term counts and lengths, weighted by a Gaussian over paragraph
  positions (``Focus.sigma``, never across documents), go into one BM25. Unlike smoothing
  the paragraphs' scores, a term's weight saturates within the passage, so a passage that
  holds several of the query's terms beats one that repeats a single term;
- ``R = 0.3 * P + 0.7 * S + 0.2 * B``, each rescaled to a maximum of 1;
- centrality among the relevant: biased LexRank (Otterbacher et al. 2005), the PageRank of the
  cosine graph whose random jumps land on sentences in proportion to R (``rank.pagerank``
  with ``teleport``); the relevance is ``0.7 * R + 0.3 * C``, C rescaled to a maximum of 1.

The method's own score still counts: ``combine`` gives ``relevance * (0.5 + 0.5 * m)``, m the
method's score rescaled to a maximum of 1 (so the lead of a news article still helps, but
cannot outweigh the query). ``spread`` then controls redundancy: sentences are taken
greedily, and each pick discounts the candidates near it (a Gaussian over paragraphs,
``Focus.spread_width``, at most ``Focus.spread`` of their score), so a summary samples more
than one passage when the query is ambiguous while the best passage still gives most of it;
a candidate that repeats a pick (TF-IDF cosine >= 0.8, in any document: the same report in
two articles of a cluster) is dropped. The score a sentence carries is its score when it was
picked (0 for a repeat).

Measured on QMSum dev (``benchmarks/query.py``); ``Focus.sigma``, ``spread`` and
``spread_width`` were chosen there by 5-fold cross-validation over meetings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from summarizer import rank
from summarizer._sparse import issparse, sparse

__all__ = [
    "FOCUS",
    "QUESTION_WORDS",
    "Focus",
    "bm25",
    "combine",
    "diffuse",
    "query_terms",
    "relevance",
    "spread",
]

K1, B = 1.2, 0.75
UNIFORM = 0.01  # share of the jumps that land anywhere (every sentence reachable)
STEPS = 100  # most greedy picks ``spread`` makes for a length budget
DUPLICATE = 0.8  # cosine at which a candidate repeats a pick


@dataclass(frozen=True)
class Focus:
    """The constants of a query-focused summary (module docstring)."""

    sigma: float = 3.0  # passage width, paragraphs
    paragraph: float = 0.3
    passage: float = 0.7
    sentence: float = 0.2
    centrality: float = 0.3
    bias: float = 0.85  # probability of a jump by relevance in biased LexRank
    spread: float = 0.15  # the most a pick discounts its neighbours (0: no spread)
    spread_width: float = 2.0  # paragraphs


FOCUS = Focus()

_ENGLISH_QUESTION_WORDS = """
    what which who whom whose why how when where whether did do does was were is are be been
    summarize summarise summary summarized discuss discussed discussion discussions think
    thought thinks say said says talk talked talking decide decided decision decisions
    conclude concluded conclusion describe described description explain explained please
    tell mention mentioned opinion opinions view views agree agreed group team meeting
    meetings general overall whole detail details regarding about concerning came come
    happen happened put forward elaborate elaborated present presented presenting
    presentation give gave
"""
QUESTION_WORDS = {"en": frozenset(_ENGLISH_QUESTION_WORDS.split())}


def _csr(matrix):
    return matrix if issparse(matrix) else sparse().csr_matrix(matrix)


def _saturated(tf: np.ndarray, lengths: np.ndarray, idf: np.ndarray, k1: float, b: float):
    """BM25 from the query terms' counts ``tf`` (rows x terms), row lengths and term
    weights (IDF times the term's count in the query)."""
    average = float(lengths.mean()) if lengths.size else 0.0
    norm = k1 * (1.0 - b + b * lengths / (average or 1.0))
    return (tf * (k1 + 1.0) / (tf + norm[:, None])) @ idf


def _weights(x, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct query terms of ``columns`` and their weights: BM25's IDF over the rows
    of ``x`` times how often the query has the term."""
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1])
    terms, repeats = np.unique(columns, return_counts=True)
    idf = np.log1p((n - df[terms] + 0.5) / (df[terms] + 0.5))
    return terms, idf * repeats


def bm25(counts, columns: np.ndarray, k1: float = K1, b: float = B) -> np.ndarray:
    """BM25 of the query terms ``columns`` (term indices, repeats count) for each row of
    ``counts`` (rows x terms, raw counts), the rows being the collection."""
    x = _csr(counts)
    if x.shape[0] == 0 or columns.size == 0:
        return np.zeros(x.shape[0])
    terms, weights = _weights(x, columns)
    lengths = np.asarray(x.sum(axis=1), dtype=np.float64).ravel()
    return _saturated(x[:, terms].toarray(), lengths, weights, k1, b)


def diffuse(scores: np.ndarray, groups: np.ndarray, sigma: float) -> np.ndarray:
    """``scores`` of consecutive paragraphs (one row each; a 2-D array is smoothed column by
    column) weighted by a Gaussian over their positions (peak 1), never across ``groups``
    (documents); paragraphs are in order, groups non-decreasing."""
    values = np.asarray(scores, dtype=np.float64)
    if sigma <= 0.0 or values.shape[0] == 0:
        return values.copy()
    radius = int(3 * sigma) + 1
    offsets = np.arange(-radius, radius + 1)
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
    flat = values.reshape(values.shape[0], -1)
    out = np.empty_like(flat)
    bounds = np.flatnonzero(np.diff(groups)) + 1
    for part in np.split(np.arange(flat.shape[0]), bounds):
        for j in range(flat.shape[1]):
            smooth = np.convolve(flat[part, j], kernel)
            out[part, j] = smooth[radius : radius + part.size]
    return out.reshape(values.shape)


def _rescaled(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0.0 else np.zeros_like(values)


def query_terms(query: str, terms: Callable[[str], list[str]], shaping: Iterable[str]) -> list[str]:
    """The terms of ``query`` (``terms``: the document's analyzer), less those of the words
    that only shape a question (``shaping``, e.g. ``QUESTION_WORDS["en"]``), compared after
    the analyzer has stemmed both."""
    drop = set(terms(" ".join(shaping)))
    return [t for t in terms(query) if t not in drop]


def relevance(
    counts,
    tfidf,
    columns: np.ndarray,
    paragraphs: np.ndarray,
    documents: np.ndarray,
    focus: Focus | None = None,
) -> np.ndarray:
    """How well each sentence answers the query (module docstring); zeros when no query term
    occurs. ``paragraphs`` numbers each sentence's paragraph (0, 1, ... in order, across
    documents), ``documents`` each sentence's document; ``focus`` defaults to ``FOCUS``."""
    f = FOCUS if focus is None else focus
    n = paragraphs.size
    sentence = bm25(counts, columns)
    if not sentence.any():
        return np.zeros(n)
    membership = sparse().csr_matrix(
        (np.ones(n), (paragraphs, np.arange(n))), shape=(int(paragraphs.max()) + 1, n)
    )
    by_paragraph = _csr(membership @ _csr(counts))
    terms, weights = _weights(by_paragraph, columns)
    tf = by_paragraph[:, terms].toarray()
    lengths = np.asarray(by_paragraph.sum(axis=1), dtype=np.float64).ravel()
    paragraph = _saturated(tf, lengths, weights, K1, B)
    first = np.unique(paragraphs, return_index=True)[1]
    groups = documents[first]
    passage = _saturated(
        diffuse(tf, groups, f.sigma), diffuse(lengths, groups, f.sigma), weights, K1, B
    )
    r = (
        f.paragraph * _rescaled(paragraph)[paragraphs]
        + f.passage * _rescaled(passage)[paragraphs]
        + f.sentence * _rescaled(sentence)
    )
    if f.centrality <= 0.0:
        return _rescaled(r)
    teleport = r / r.sum() + UNIFORM / n
    if n <= rank.DENSE_MAX:
        graph = rank.cosine_similarity(tfidf)
        centrality = rank.pagerank(graph, 1.0 - f.bias, teleport=teleport)
    else:
        operator = rank.cosine_operator(tfidf)
        centrality = rank.pagerank(operator, 1.0 - f.bias, symmetric=True, teleport=teleport)
    return (1.0 - f.centrality) * _rescaled(r) + f.centrality * _rescaled(centrality)


def combine(query_relevance: np.ndarray, method_scores: np.ndarray) -> np.ndarray:
    """The score of a query-focused summary: relevance times ``0.5 + 0.5 *`` the method's
    score rescaled to a maximum of 1 (negative method scores count as 0)."""
    m = _rescaled(np.maximum(np.asarray(method_scores, dtype=np.float64), 0.0))
    return query_relevance * (0.5 + 0.5 * m)


def spread(
    scores: np.ndarray,
    candidates: np.ndarray,
    positions: np.ndarray,
    groups: np.ndarray,
    count: int | None,
    focus: Focus | None = None,
    vectors=None,
) -> np.ndarray:
    """Scores after redundancy control (module docstring): the ``count`` candidates
    (``STEPS`` when None) taken greedily, each scored as when it was picked, each pick
    multiplying the score of the candidates of its group (document) at ``positions``
    (paragraph numbers) d away by ``1 - spread * exp(-d**2 / (2 * spread_width**2))`` and,
    given ``vectors`` (unit-norm rows, dense or sparse), zeroing those that repeat it (cosine
    >= ``DUPLICATE``, in any document); the candidates not picked keep their discounted
    score, below the last pick's. The greedy order is the order of the scores returned, so a
    selection by score takes the picks."""
    f = FOCUS if focus is None else focus
    out = np.array(scores, dtype=np.float64)
    index = np.flatnonzero(candidates & (out > 0.0))
    steps = min(index.size, STEPS if count is None else count)
    if (f.spread <= 0.0 and vectors is None) or steps < 2:
        return out
    values, at, group = out[index], positions[index].astype(np.float64), groups[index]
    rows = None if vectors is None else _csr(vectors)[index]
    free = np.ones(index.size, dtype=bool)
    last = 0.0
    for _ in range(steps):
        j = int(np.argmax(np.where(free, values, -np.inf)))  # the earliest of equals
        if values[j] <= 0.0:
            break
        last = values[j]
        out[index[j]] = last
        free[j] = False
        near = np.exp(-0.5 * ((at - at[j]) / f.spread_width) ** 2) * (group == group[j])
        values = values * (1.0 - f.spread * near)
        if rows is not None:
            cosine = np.asarray((rows @ rows[j].T).todense()).ravel()
            values[cosine >= DUPLICATE] = 0.0
    rest = index[free]
    out[rest] = np.minimum(values[free], np.nextafter(last, 0.0))
    return out
