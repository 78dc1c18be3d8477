"""Sentence x term TF-IDF matrices (scipy CSR) and corpus document frequencies.

IDF is smoothed as in scikit-learn: ``idf = ln((1 + N) / (1 + df)) + 1``. By
default ``N`` and ``df`` count the document's own sentences; after fitting on a
corpus they count the corpus's documents, and unseen terms get ``df = 0``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

__all__ = ["DocumentFrequencies", "Vectors", "smoothed_idf", "vectorize"]


def smoothed_idf(df: np.ndarray, n: int) -> np.ndarray:
    """Inverse document frequency of terms seen in ``df`` of ``n`` documents."""
    return np.log((1.0 + n) / (1.0 + np.asarray(df, dtype=np.float64))) + 1.0


@dataclass
class DocumentFrequencies:
    """Term document frequencies over a corpus; the state ``Summarizer.fit`` learns."""

    n_documents: int = 0
    counts: Counter = field(default_factory=Counter)

    def update(self, term_lists: Iterable[Sequence[str]]) -> None:
        """Count one more document whose sentences have these terms."""
        seen: set[str] = set()
        for terms in term_lists:
            seen.update(terms)
        self.counts.update(seen)
        self.n_documents += 1

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        counts = self.counts
        return smoothed_idf(
            np.fromiter((counts.get(t, 0) for t in terms), np.float64, len(terms)), self.n_documents
        )


@dataclass
class Vectors:
    """A document's sentences as vectors over its own vocabulary."""

    tf: sp.csr_matrix  # raw term counts, sentences x terms
    tfidf: sp.csr_matrix  # tf * idf, each non-empty row scaled to unit L2 norm
    terms: list[str]


def vectorize(
    term_lists: Sequence[Sequence[str]], frequencies: DocumentFrequencies | None = None
) -> Vectors:
    """Count terms per sentence and weight them by IDF."""
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for terms in term_lists:
        for term in terms:
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(indices))
    n, v = len(term_lists), len(vocabulary)
    data = np.ones(len(indices), dtype=np.float64)
    tf = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr)), shape=(n, v)
    )
    tf.sum_duplicates()
    terms = list(vocabulary)
    if frequencies is None:
        df = np.bincount(tf.indices, minlength=v)
        idf = smoothed_idf(df, n)
    else:
        idf = frequencies.idf(terms)
    weighted = tf.multiply(idf[np.newaxis, :]).tocsr() if v else tf.copy()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    tfidf = sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)
    return Vectors(tf=tf, tfidf=tfidf, terms=terms)
