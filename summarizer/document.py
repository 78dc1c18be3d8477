"""``Document``: one input text analyzed once, the object every stage reads.

It holds the text (as its reader extracted it), its sentence spans and its structure, and
computes on first use what methods and selection need: which sentences are headings and which
are candidates, positions counted in body sentences, the sentences' term ids and TF-IDF
vectors, and their lengths in words and characters. So a method that needs only positions
never pays for vectors, and nothing is computed twice.

Candidates are prose: a sentence is never picked when it is a heading (a reader's heading
block, or a line of its own that does not end like a sentence), lies in a block to skip
(boilerplate, tables of contents, front matter, synopses: ``summarizer.readers``), or is not
prose by ``summarizer.readers.prose`` (dot leaders, tables, code, headers, runs of symbols,
absurdly long). When no sentence passes, the non-skipped ones are candidates, and failing
those every sentence, so a text with content always gets a summary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import pairwise

import numpy as np

from summarizer import rank
from summarizer.budget import Budget
from summarizer.headings import heading_mask
from summarizer.readers import Extracted
from summarizer.readers.prose import prose_mask
from summarizer.text import Analyzer, TermIndex
from summarizer.vectorize import DocumentFrequencies, Vectors, vectorize

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

__all__ = ["Document", "split_at_blocks"]


def split_at_blocks(
    text: str, spans: list[tuple[int, int]], extracted: Extracted | None
) -> list[tuple[int, int]]:
    """``spans`` cut where a block starts or ends inside one, so no sentence mixes a heading,
    a list item or a skipped line with the prose around it (plain text, whose blocks need not
    be separated by blank lines). Whitespace at the new ends is left out."""
    if extracted is None or not extracted.blocks:
        return spans
    bounds = sorted({b for block in extracted.blocks for b in (block.start, block.end)})
    out: list[tuple[int, int]] = []
    for start, end in spans:
        i = bisect_right(bounds, start)
        while i < len(bounds) and bounds[i] < end:
            cut = bounds[i]
            piece = (start, cut)
            _append_trimmed(text, piece, out)
            start = cut
            i += 1
        _append_trimmed(text, (start, end), out)
    return out


def _append_trimmed(text: str, span: tuple[int, int], out: list[tuple[int, int]]) -> None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


class Document:
    """A text, its sentence spans and what is derived from them (computed when first used).

    ``spans`` are ``(start, end)`` pairs in order (``text[start:end]`` is a sentence);
    ``analyzer`` turns sentences into terms; ``frequencies`` is a fitted corpus IDF, or None
    for the document's own; ``extracted`` is what a reader found (its blocks), if any.
    """

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        analyzer: Analyzer,
        frequencies: DocumentFrequencies | None = None,
        extracted: Extracted | None = None,
        starts: list[int] | None = None,
    ) -> None:
        self.text = text
        self.spans = spans
        self.analyzer = analyzer
        self.frequencies = frequencies
        self.extracted = extracted
        self.starts = starts or [0]  # where each document begins, when there are several

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
    def kinds(self) -> np.ndarray:
        """Each sentence's block kind ("prose" outside every block; see ``readers.KINDS``)."""
        extracted = self.extracted
        if extracted is None or not extracted.blocks:
            return np.full(self.n, "prose", dtype=object)
        return np.array(extracted.kinds(self.spans), dtype=object)

    @cached_property
    def headings(self) -> np.ndarray:
        """True for headings: a reader's heading blocks, and lines of their own that do not
        end like a sentence (titles, bylines)."""
        mask = heading_mask(self.text, self.spans)
        if self.extracted is not None and self.extracted.blocks:
            mask |= self.kinds == "heading"
        return mask

    @cached_property
    def candidates(self) -> np.ndarray:
        """True for the sentences a summary may take (see the module docstring)."""
        kept = self.kinds != "skip"
        mask = kept & ~self.headings & prose_mask(self.text, self.spans)
        if mask.any():
            return mask
        return kept if kept.any() else np.ones(self.n, dtype=bool)

    @cached_property
    def body_positions(self) -> np.ndarray:
        """Each sentence's position counted in body sentences (headings do not count), so the
        first sentence after a title has position 0."""
        positions = rank.body_positions(self.headings)
        if len(self.starts) > 1:  # each document counts from its own first body sentence
            first = np.searchsorted(self.documents, np.arange(len(self.starts)))
            body = ~self.headings
            before = np.concatenate(([0], np.cumsum(body)))[np.minimum(first, self.n)]
            positions = positions - before[self.documents]
        return positions

    @cached_property
    def documents(self) -> np.ndarray:
        """Each sentence's document (all 0 for one document)."""
        if len(self.starts) == 1:
            return np.zeros(self.n, dtype=np.intp)
        begins = np.array([s for s, _ in self.spans], dtype=np.intp)
        return np.searchsorted(np.array(self.starts), begins, side="right") - 1

    @cached_property
    def paragraphs(self) -> np.ndarray:
        """Each sentence's paragraph, numbered from 0 in order: a new paragraph starts after a
        blank line (a reader's blocks are separated by one)."""
        text, spans = self.text, self.spans
        starts = [
            _BLANK_LINE.search(text, previous[1], current[0]) is not None
            for previous, current in pairwise(spans)
        ]
        return (
            np.concatenate(([0], np.cumsum(starts, dtype=np.intp)))
            if spans
            else np.zeros(0, np.intp)
        )

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
