"""Sentence x term TF-IDF matrices and corpus document frequencies.

IDF is smoothed as in scikit-learn: ``idf = ln((1 + N) / (1 + df)) + 1``. By
default ``N`` and ``df`` count the document's own sentences; after fitting on a
corpus they count the corpus's documents, and unseen terms get ``df = 0``.

Short documents get small dense numpy matrices and long ones scipy CSR: at a
few dozen sentences the fixed cost of each scipy.sparse call outweighs the
arithmetic, while past a few hundred sentences a dense matrix would waste
memory on zeros. ``DENSE_MAX_CELLS`` decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from summarizer._sparse import issparse as _issparse
from summarizer._sparse import sparse as _sparse
from summarizer.text import TermIndex

__all__ = [
    "DENSE_MAX_CELLS",
    "DocumentFrequencies",
    "Vectors",
    "smoothed_idf",
    "vectorize",
]

DENSE_MAX_CELLS = 40_000  # sentences x terms; above this, matrices are CSR
_LOOKUP_MIN = 100_000  # term occurrences from which columns come from a vocabulary lookup


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

    @classmethod
    def merge(cls, parts: Iterable[DocumentFrequencies]) -> DocumentFrequencies:
        """Frequencies of the union of disjoint corpora; counts add exactly (a reduction step)."""
        merged = cls()
        for part in parts:
            merged.n_documents += part.n_documents
            merged.counts.update(part.counts)
        return merged


class Vectors:
    """A document's sentences as vectors over its own vocabulary.

    ``tf`` holds raw term counts (sentences x terms); ``tfidf`` is ``tf`` times
    IDF with each non-empty row scaled to unit L2 norm; ``terms`` names the
    columns. ``tf`` and ``tfidf`` are 2-D float64 arrays of the same kind:
    scipy CSR for long documents, dense numpy arrays for short ones. Every function in
    ``summarizer.rank`` accepts both. ``tfidf`` and ``terms`` may be computed on first use, so a
    method that needs only counts does not pay for them.
    """

    __slots__ = ("_idf", "_terms", "_tfidf", "tf")

    def __init__(self, tf, idf: np.ndarray | None, terms) -> None:
        """``idf`` None: the sentences' own IDF; ``terms`` a list or a function returning one."""
        self.tf = tf
        self._idf = idf
        self._terms = terms
        self._tfidf = None

    @property
    def tfidf(self):
        if self._tfidf is None:
            self._tfidf = _weigh(self.tf, self._idf)
        return self._tfidf

    @property
    def terms(self) -> list[str]:
        if callable(self._terms):
            self._terms = self._terms()
        return self._terms

    def __repr__(self) -> str:
        return f"Vectors(tf={self.tf!r}, terms={len(self.terms)})"


def vectorize(
    index: TermIndex, frequencies: DocumentFrequencies | None = None, dense: bool | None = None
) -> Vectors:
    """Vectors of an analyzed document; terms in order of first appearance.

    ``dense=None`` picks dense arrays when sentences x terms is at most
    ``DENSE_MAX_CELLS``, else CSR.
    """
    # Columns in order of first appearance, so a document's matrices (and the
    # rounding of every sum over them) do not depend on what the shared
    # analyzer saw before.
    unique, columns = _columns(index.ids, len(index.vocabulary))
    n, v = index.indptr.size - 1, unique.size
    vocabulary = index.vocabulary

    def terms() -> list[str]:
        return [vocabulary[i] for i in unique.tolist()]

    idf = None
    names: list[str] | Callable[[], list[str]] = terms  # named only when first asked for
    if frequencies is not None:
        names = terms()
        idf = frequencies.idf(names)
    if dense is None:
        dense = n * v <= DENSE_MAX_CELLS
    tf = _counts(columns, index.indptr, v, dense)
    return Vectors(tf, idf, names)


def _columns(ids: np.ndarray, n_vocabulary: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``ids`` in order of first appearance, and each id's column among them.

    Long documents, whose ids outnumber the vocabulary, find first appearances with one
    pass over an array of the vocabulary's size (no sort of the ids, no inverse of
    their size); short ones sort their few ids. Both give the same columns.
    """
    if ids.size < _LOOKUP_MIN or ids.size < n_vocabulary:
        unique, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        order = np.argsort(first)
        rank = np.empty_like(order)
        rank[order] = np.arange(order.size)
        return unique[order], rank[inverse.reshape(-1)]
    first = np.full(n_vocabulary, ids.size, dtype=np.intp)
    np.minimum.at(first, ids, np.arange(ids.size, dtype=np.intp))
    present = np.flatnonzero(first < ids.size)
    unique = present[np.argsort(first[present], kind="stable")]
    del first, present
    column = np.zeros(n_vocabulary, dtype=np.int32 if unique.size < 2**31 else np.intp)
    column[unique] = np.arange(unique.size)
    return unique, column[ids]


def _counts(columns: np.ndarray, indptr: np.ndarray, n_terms: int, dense: bool):
    """Sentence x term counts from CSR-style term columns per sentence."""
    n = indptr.size - 1
    if dense:
        rows = np.repeat(np.arange(n), np.diff(indptr))
        tf = np.bincount(rows * n_terms + columns, minlength=n * n_terms)
        return tf.reshape(n, n_terms).astype(np.float64)
    tf = _sparse().csr_matrix(
        (np.ones(columns.size), columns, indptr), shape=(n, n_terms), dtype=np.float64
    )
    tf.sum_duplicates()
    return tf


def _weigh(tf, idf: np.ndarray | None):
    """TF-IDF with unit rows; ``idf=None``: from the sentences' own document frequencies."""
    n, n_terms = tf.shape
    if not _issparse(tf):
        if idf is None:
            idf = smoothed_idf(np.count_nonzero(tf, axis=0), n)
        tfidf = tf * idf
        norms = np.sqrt(np.einsum("ij,ij->i", tfidf, tfidf))
        norms[norms == 0.0] = 1.0
        tfidf /= norms[:, None]
        return tfidf
    if idf is None:
        idf = smoothed_idf(np.bincount(tf.indices, minlength=n_terms), n)
    data = idf[tf.indices]
    data *= tf.data  # the same products as tf.data * idf[tf.indices], one array fewer
    rows = np.repeat(np.arange(n), np.diff(tf.indptr))
    norms = np.sqrt(np.bincount(rows, weights=np.square(data), minlength=n))
    data /= norms[rows]
    # The structure is tf's (never changed in place): a long document keeps one copy of it.
    return _sparse().csr_matrix((data, tf.indices, tf.indptr), shape=tf.shape, copy=False)
