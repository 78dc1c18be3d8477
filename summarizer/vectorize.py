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

from summarizer.errors import InvalidFileError

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

    # Persistence and merging: plain data only (JSON-ready; never pickle).

    def to_dict(self) -> dict:
        """JSON-ready state: a format version, ``n_documents`` and each term's count, sorted."""
        counts = self.counts
        return {
            "version": FREQUENCIES_FORMAT_VERSION,
            "n_documents": self.n_documents,
            "document_frequencies": {t: counts[t] for t in sorted(counts) if counts[t]},
        }

    @classmethod
    def from_dict(cls, data: object) -> DocumentFrequencies:
        """Rebuild from ``to_dict()`` output; InvalidFileError if ``data`` is not such state."""

        def bad(why: str) -> InvalidFileError:
            return InvalidFileError(f"not valid document frequencies: {why}")

        if not isinstance(data, dict):
            raise bad(f"expected an object, not {type(data).__name__}")
        version = data.get("version")
        if not _is_count(version) or version < 1:
            raise bad("no format version")
        if version > FREQUENCIES_FORMAT_VERSION:
            raise bad(
                f"format version {version} is newer than this summarizer reads "
                f"({FREQUENCIES_FORMAT_VERSION}); upgrade summarizer"
            )
        n = data.get("n_documents")
        if not _is_count(n):
            raise bad("n_documents must be a non-negative integer")
        terms = data.get("document_frequencies")
        if not isinstance(terms, dict):
            raise bad("document_frequencies must be an object of term -> count")
        for term, df in terms.items():
            if not isinstance(term, str) or not _is_count(df) or df > n:
                raise bad(f"term {term!r} has count {df!r}; counts are integers in [0, n]")
        return cls(n_documents=n, counts=Counter(terms))

    @classmethod
    def merge(cls, parts: Iterable[DocumentFrequencies]) -> DocumentFrequencies:
        """Frequencies of the union of disjoint corpora; counts add exactly (a reduction step)."""
        merged = cls()
        for part in parts:
            merged.n_documents += part.n_documents
            merged.counts.update(part.counts)
        return merged


FREQUENCIES_FORMAT_VERSION = 1


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


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
