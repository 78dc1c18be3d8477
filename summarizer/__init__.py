"""Extractive text summarization: fast, offline, measured.

>>> from summarizer import summarize
>>> print(summarize(text, sentences=3))

The names below load on first use (PEP 562), so that ``import summarizer``
itself is instant: the command line installs its Ctrl-C handler before numpy
and scipy load (see ``summarizer.__main__``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_EXPORTS = {
    "DEFAULT_METHOD": "summarizer.api",
    "METHODS": "summarizer.api",
    "Sentence": "summarizer.summary",
    "Summarizer": "summarizer.api",
    "Summary": "summarizer.summary",
    "split_sentences": "summarizer.api",
    "summarize": "summarizer.api",
    "summarize_many": "summarizer.batch",
    "keywords": "summarizer.api",
    "Keyword": "summarizer.keyphrases",
    "InputTooLargeError": "summarizer.errors",
    "InvalidFileError": "summarizer.errors",
    "InvalidInputError": "summarizer.errors",
    "InvalidOptionError": "summarizer.errors",
    "MissingDependencyError": "summarizer.errors",
    "SummarizerError": "summarizer.errors",
    "Budget": "summarizer.budget",
    "LANGUAGES": "summarizer.text",
}

__all__ = [
    "DEFAULT_METHOD",
    "LANGUAGES",
    "METHODS",
    "Budget",
    "InputTooLargeError",
    "InvalidFileError",
    "InvalidInputError",
    "InvalidOptionError",
    "Keyword",
    "MissingDependencyError",
    "Sentence",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "keywords",
    "split_sentences",
    "summarize",
    "summarize_many",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # what type checkers and IDEs see
    from summarizer.api import (
        DEFAULT_METHOD,
        METHODS,
        Summarizer,
        keywords,
        split_sentences,
        summarize,
    )
    from summarizer.batch import summarize_many
    from summarizer.budget import Budget
    from summarizer.errors import (
        InputTooLargeError,
        InvalidFileError,
        InvalidInputError,
        InvalidOptionError,
        MissingDependencyError,
        SummarizerError,
    )
    from summarizer.keyphrases import Keyword
    from summarizer.summary import Sentence, Summary
    from summarizer.text import LANGUAGES
