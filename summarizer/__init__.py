"""Extractive text summarization: fast, offline, measured.

>>> from summarizer import summarize
>>> print(summarize(text, sentences=3))
"""

from summarizer.api import (
    DEFAULT_METHOD,
    METHODS,
    Sentence,
    Summarizer,
    Summary,
    split_sentences,
    summarize,
)
from summarizer.batch import summarize_many
from summarizer.errors import (
    InputTooLargeError,
    InvalidFileError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    SummarizerError,
)
from summarizer.select import Budget
from summarizer.text import LANGUAGES

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_METHOD",
    "LANGUAGES",
    "METHODS",
    "Budget",
    "InputTooLargeError",
    "InvalidFileError",
    "InvalidInputError",
    "InvalidOptionError",
    "MissingDependencyError",
    "Sentence",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "split_sentences",
    "summarize",
    "summarize_many",
]
