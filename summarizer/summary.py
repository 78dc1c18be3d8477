"""The results: ``Sentence`` and ``Summary``, small frozen value objects that pickle fast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from summarizer.budget import Budget
from summarizer.detect import Detection
from summarizer.keyphrases import Keyword

# A hyphen at a line break between two letters: "after-\nlecture".
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-[^\S\n]*\n\s*(?=[^\W\d_])")

__all__ = ["Sentence", "Summary", "flatten"]


def flatten(text: str) -> str:
    """A sentence on one line: line breaks and runs of space become one space, and a hyphen
    at a line break between letters joins the words ("after-\\nlecture": "after-lecture")."""
    if "-" in text and "\n" in text:
        text = _LINE_HYPHEN.sub("-", text)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the source: ``source[start:end] == text``; ``index`` counts from 0.

    In a summary of several documents, ``document`` is the index of the sentence's document,
    and ``index``, ``start`` and ``end`` count within that document.
    """

    text: str
    index: int
    start: int
    end: int
    score: float | None = None
    document: int = 0

    def __reduce__(self):
        # Plain constructor arguments: pickles (to and from worker processes) about twice
        # as fast as the dataclass default, which matters at ~0.3 ms per summary.
        fields = (self.text, self.index, self.start, self.end, self.score, self.document)
        return (Sentence, fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "text": self.text,
        }


@dataclass(frozen=True)
class Summary:
    """The chosen sentences with their scores and offsets, and how they were chosen.

    ``n_sentences`` counts the sentences of the source; ``timings`` are seconds per stage
    (segment, vectorize, rank, select, total).
    """

    sentences: list[Sentence]
    method: str
    language: str
    budget: Budget
    order: str
    n_sentences: int  # sentences in the (extracted) text
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    detection: Detection | None = None  # how the language was found, when it was detected
    text: str = field(default="", repr=False)  # what start/end index: the input, or its text
    format: str = "text"  # the input's format
    n_candidates: int = 0  # sentences a summary may take (not headings, boilerplate, non-prose)
    # With summarize(..., ranking=True): every sentence with its score, None if no candidate.
    ranking: list[Sentence] | None = field(default=None, repr=False)
    keywords: list[Keyword] | None = None  # with Summarizer(keywords=N): the keyphrases
    query: str | None = None  # the question the summary was focused on, if any
    # Several documents summarized as one: their texts (what each sentence's offsets index).
    documents: tuple[str, ...] | None = field(default=None, repr=False)

    def __str__(self) -> str:
        """The summary text, one sentence per line (inner whitespace collapsed)."""
        return "\n".join(flatten(s.text) for s in self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def __reduce__(self):
        # See Sentence.__reduce__.
        fields = (self.sentences, self.method, self.language, self.budget, self.order)
        more = (self.n_sentences, self.timings, self.detection, self.text, self.format)
        last = (self.n_candidates, self.ranking, self.keywords, self.query, self.documents)
        return (Summary, (*fields, *more, *last))

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: sentences with scores and offsets, options, timings; for input
        that is not plain text, also the extracted ``text`` that the offsets index."""
        if self.documents is not None:
            extracted: dict[str, Any] = {"documents": list(self.documents)}
        else:
            extracted = {} if self.format == "text" else {"text": self.text}
        return {
            "format": self.format,
            **extracted,
            "method": self.method,
            "language": self.language,
            "language_detection": None if self.detection is None else self.detection.to_dict(),
            "budget": self.budget.to_dict(),
            "order": self.order,
            "n_sentences": self.n_sentences,
            "n_candidates": self.n_candidates,
            **({} if self.query is None else {"query": self.query}),
            "sentences": [s.to_dict() for s in self.sentences],
            **({} if self.ranking is None else {"ranking": [s.to_dict() for s in self.ranking]}),
            **({} if self.keywords is None else {"keywords": [k.to_dict() for k in self.keywords]}),
            "timings": dict(self.timings),
        }
