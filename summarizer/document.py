"""``Document``: one input text analyzed once, the object every stage reads.

It holds the text and its sentence spans, and computes on first use what methods and
selection need: which sentences are headings, positions counted in body sentences, the
sentences' term ids and TF-IDF vectors, and their lengths in words and characters. So a method
that needs only positions never pays for vectors, and nothing is computed twice.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from summarizer import rank
from summarizer.budget import Budget
from summarizer.headings import heading_mask
from summarizer.text import Analyzer, TermIndex
from summarizer.vectorize import DocumentFrequencies, Vectors, vectorize

__all__ = ["Document"]


class Document:
    """A text, its sentence spans and what is derived from them (computed when first used).

    ``spans`` are ``(start, end)`` pairs in order (``text[start:end]`` is a sentence);
    ``analyzer`` turns sentences into terms; ``frequencies`` is a fitted corpus IDF, or None
    for the document's own.
    """

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        analyzer: Analyzer,
        frequencies: DocumentFrequencies | None = None,
    ) -> None:
        self.text = text
        self.spans = spans
        self.analyzer = analyzer
        self.frequencies = frequencies

    @property
    def n(self) -> int:
        """The number of sentences."""
        return len(self.spans)

    @property
    def language(self) -> str:
        return self.analyzer.language

    @cached_property
    def index(self) -> TermIndex:
        """Each sentence's term ids (``Analyzer.index``)."""
        return self.analyzer.index(self.text, self.spans)

    @cached_property
    def vectors(self) -> Vectors:
        """Sentence x term counts and unit TF-IDF rows (``vectorize``)."""
        return vectorize(self.index, self.frequencies)

    @cached_property
    def headings(self) -> np.ndarray:
        """True for sentences that are headings: lines of their own not ending like a sentence."""
        return heading_mask(self.text, self.spans)

    @cached_property
    def body_positions(self) -> np.ndarray:
        """Each sentence's position counted in body sentences (headings do not count), so the
        first sentence after a title has position 0."""
        return rank.body_positions(self.headings)

    @cached_property
    def word_counts(self) -> np.ndarray:
        """Whitespace-separated words per sentence."""
        text = self.text
        return np.array([len(text[s:e].split()) for s, e in self.spans], dtype=np.intp)

    @cached_property
    def char_counts(self) -> np.ndarray:
        """Characters per sentence."""
        return np.array([e - s for s, e in self.spans], dtype=np.intp)

    def sizes(self, budget: Budget) -> np.ndarray | None:
        """Sentence lengths in the budget's unit; None for a count of sentences."""
        if budget.kind == "words":
            return self.word_counts
        if budget.kind == "chars":
            return self.char_counts
        return None
