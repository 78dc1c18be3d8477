"""Query-focused scores: how well each sentence answers a query, as pure functions over arrays.

``relevance`` is what a query-focused summary ranks by (``Summarizer(query=...)``):

- BM25 (Robertson & Zaragoza 2009; k1 = 1.2, b = 0.75) of the query's terms, for each
  sentence and for each paragraph (a paragraph's words count for each of its sentences);
- paragraph relevance diffuses to the neighbouring paragraphs of the same document (a Gaussian
  over paragraph positions, sigma = 4 paragraphs): the passages that answer a question are
  stretches of text (a discussion in a meeting, a section of a report), so a paragraph inside
  such a stretch is relevant even without the query's words;
- ``R = 0.3 * P + 0.7 * S + 0.2 * B``, with P the paragraph scores, S their diffused version
  and B the sentence's own BM25, each rescaled to a maximum of 1;
- centrality among the relevant: biased LexRank (Otterbacher et al. 2005), the PageRank of the
  cosine graph whose random jumps land on sentences in proportion to R (``rank.pagerank``
  with ``teleport``); the relevance is ``0.7 * R + 0.3 * C``, C rescaled to a maximum of 1.

The method's own score still counts: ``combine`` gives ``relevance * (0.5 + 0.5 * m)``, m the
method's score rescaled to a maximum of 1 (so the lead of a news article still helps, but
cannot outweigh the query). The words that only shape a question ("what did they say about",
"summarize the discussion of") are left out of an English query (``QUESTION_WORDS``).
Measured on QMSum dev (``benchmarks/query.py``); the constants were set there.
"""

from __future__ import annotations

import numpy as np

from summarizer import rank
from summarizer._sparse import issparse, sparse

__all__ = ["QUESTION_WORDS", "bm25", "combine", "diffuse", "relevance"]

K1, B = 1.2, 0.75
SIGMA = 4.0  # paragraphs
PARAGRAPH, DIFFUSED, SENTENCE = 0.3, 0.7, 0.2
CENTRALITY = 0.3
BIAS = 0.85  # probability of a jump by relevance in biased LexRank
UNIFORM = 0.01  # share of the jumps that land anywhere (every sentence reachable)

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


def bm25(counts, columns: np.ndarray, k1: float = K1, b: float = B) -> np.ndarray:
    """BM25 of the query terms ``columns`` (term indices, repeats count) for each row of
    ``counts`` (rows x terms, raw counts), the rows being the collection."""
    x = _csr(counts)
    n = x.shape[0]
    if n == 0 or columns.size == 0:
        return np.zeros(n)
    lengths = np.asarray(x.sum(axis=1), dtype=np.float64).ravel()
    average = float(lengths.mean()) or 1.0
    df = np.bincount(x.indices, minlength=x.shape[1])
    terms, weights = np.unique(columns, return_counts=True)
    idf = np.log1p((n - df[terms] + 0.5) / (df[terms] + 0.5))
    tf = x[:, terms].toarray()
    norm = k1 * (1.0 - b + b * lengths / average)
    return (tf * (k1 + 1.0) / (tf + norm[:, None])) @ (idf * weights)


def diffuse(scores: np.ndarray, groups: np.ndarray, sigma: float = SIGMA) -> np.ndarray:
    """``scores`` of consecutive paragraphs smoothed by a Gaussian over their positions, never
    across ``groups`` (documents); paragraphs are in order, groups non-decreasing."""
    radius = int(3 * sigma) + 1
    offsets = np.arange(-radius, radius + 1)
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
    out = np.empty_like(scores, dtype=np.float64)
    bounds = np.flatnonzero(np.diff(groups)) + 1
    for part, values in zip(
        np.split(np.arange(scores.size), bounds), np.split(scores, bounds), strict=True
    ):
        out[part] = np.convolve(values, kernel)[radius : radius + values.size]
    return out


def _rescaled(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0.0 else np.zeros_like(values)


def relevance(
    counts, tfidf, columns: np.ndarray, paragraphs: np.ndarray, documents: np.ndarray
) -> np.ndarray:
    """How well each sentence answers the query (module docstring); zeros when no query term
    occurs. ``paragraphs`` numbers each sentence's paragraph (0, 1, ... in order, across
    documents), ``documents`` each sentence's document."""
    n = paragraphs.size
    sentence = bm25(counts, columns)
    if not sentence.any():
        return np.zeros(n)
    membership = sparse().csr_matrix(
        (np.ones(n), (paragraphs, np.arange(n))), shape=(int(paragraphs.max()) + 1, n)
    )
    paragraph = bm25(membership @ _csr(counts), columns)
    first = np.unique(paragraphs, return_index=True)[1]
    diffused = diffuse(paragraph, documents[first])
    r = (
        PARAGRAPH * _rescaled(paragraph)[paragraphs]
        + DIFFUSED * _rescaled(diffused)[paragraphs]
        + SENTENCE * _rescaled(sentence)
    )
    teleport = r / r.sum() + UNIFORM / n
    if n <= rank.DENSE_MAX:
        graph = rank.cosine_similarity(tfidf)
        centrality = rank.pagerank(graph, 1.0 - BIAS, teleport=teleport)
    else:
        operator = rank.cosine_operator(tfidf)
        centrality = rank.pagerank(operator, 1.0 - BIAS, symmetric=True, teleport=teleport)
    return (1.0 - CENTRALITY) * _rescaled(r) + CENTRALITY * _rescaled(centrality)


def combine(query_relevance: np.ndarray, method_scores: np.ndarray) -> np.ndarray:
    """The score of a query-focused summary: relevance times ``0.5 + 0.5 *`` the method's
    score rescaled to a maximum of 1 (negative method scores count as 0)."""
    m = _rescaled(np.maximum(np.asarray(method_scores, dtype=np.float64), 0.0))
    return query_relevance * (0.5 + 0.5 * m)
