"""Plug-in components: a user's own sentence splitter, tokenizer, stemmer or stop words.

In the style of scikit-learn's ``analyzer=``: ``Summarizer(splitter=..., tokenizer=...,
stemmer=..., stop_words=...)`` replaces the package's own piece with any callable (nltk's
Punkt, a spaCy pipeline, a Snowball stemmer from nltk). Each is checked when given, and what a
splitter returns is checked on every text, so a faulty component is a clear
``InvalidOptionError`` naming it, never wrong offsets.

- ``splitter(text)`` returns the sentences: ``(start, end)`` character spans, or sentence
  strings, which are found in the text in order (``text[start:end]`` is each of them).
- ``tokenizer(sentence)`` returns the sentence's words (strings); each is then lower-cased,
  checked against the stop words and stemmed.
- ``stemmer(word)`` returns a lower-case word's stem.
- ``stop_words`` is an iterable of words (compared lower-cased).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from summarizer import validate
from summarizer.errors import InvalidOptionError

__all__ = ["Splitter", "check_callable", "check_stop_words", "split_with"]

Splitter = Callable[[str], Sequence[Any]]


def check_callable(name: str, value: object) -> Any:
    """``value`` if it is None or callable (a function, a bound method, an object with
    ``__call__``); for a splitter also an object with nltk's ``span_tokenize``."""
    if value is None or callable(value):
        return value
    if name == "splitter" and callable(getattr(value, "span_tokenize", None)):
        return value.span_tokenize  # type: ignore[attr-defined]
    raise validate.fail(name, "None or a callable", value)


def check_stop_words(value: object) -> frozenset[str] | None:
    """``value`` as a frozenset of lower-case words (an iterable of str, not one str)."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise validate.fail("stop_words", "None or an iterable of words", value)
    words = list(value)
    if not all(isinstance(w, str) for w in words):
        raise validate.fail("stop_words", "an iterable of str", type(words[0]).__name__)
    return frozenset(w.lower() for w in words)


def split_with(splitter: Splitter, text: str) -> list[tuple[int, int]]:
    """The spans a user's splitter gives for ``text``, checked: in order, not overlapping,
    within the text, whitespace trimmed, empty ones dropped."""
    try:
        result = list(splitter(text))
    except Exception as exc:  # the component's own failure, reported as such
        raise InvalidOptionError(
            f"splitter failed: {type(exc).__name__}: {exc}", option="splitter"
        ) from None
    spans: list[tuple[int, int]] = []
    at = 0
    for item in result:
        start, end = _locate(item, text, at)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
            at = end
    return spans


def _locate(item: object, text: str, at: int) -> tuple[int, int]:
    if isinstance(item, str):
        found = text.find(item, at)
        if found < 0:
            raise InvalidOptionError(
                f"splitter returned {item[:40]!r}, which is not in the text after offset {at}",
                option="splitter",
            )
        return found, found + len(item)
    start: object = getattr(item, "start_char", None)  # a spaCy Span
    end: object = getattr(item, "end_char", None)
    if start is None and isinstance(item, (tuple, list)) and len(item) == 2:
        start, end = item
    if not (isinstance(start, int) and isinstance(end, int) and at <= start <= end <= len(text)):
        raise InvalidOptionError(
            f"splitter returned {item!r:.60}; expected strings or (start, end) spans in order "
            f"within the text (after offset {at})",
            option="splitter",
        )
    return start, end
