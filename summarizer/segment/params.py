"""What the splitter knows about a language: Punkt-style word lists and the marks of its script.

``SegmenterParams`` holds one language's abbreviations, collocations and sentence starters
(trained with nltk's ``PunktTrainer`` and curated by hand; see ``tools/build_punkt_params.py``
and ``data/punkt/README.md``) together with the punctuation the rules consult. Everything is
loaded once per language and cached; nothing here imports nltk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "BULLETS",
    "CLOSERS",
    "OPENERS",
    "QUESTION_EXCLAMATION",
    "TERMINALS",
    "SegmenterParams",
    "load_params",
]

# Terminal marks: a run of these may end a sentence.
TERMINALS = ".?!\u2026\u203c\u2047\u2048\u2049"
QUESTION_EXCLAMATION = frozenset("?!\u203c\u2047\u2048\u2049")
# Closing quotes and brackets stay with the sentence they end; opening ones start the next.
CLOSERS = "\"'\u201d\u2019\u00bb)]}"
OPENERS = "\"'\u201c\u2018\u00ab([{`"
BULLETS = "\u2022\u2023\u2043\u25aa\u25cf\u25e6"


@dataclass(frozen=True)
class SegmenterParams:
    """One language's word lists (lower case, without the final full stop)."""

    language: str
    abbreviations: frozenset[str]  # may end a sentence ("etc", "inc", "u.s"); titles included
    prepositive: frozenset[str]  # never end a sentence before a capitalised word ("dr", "e.g")
    number_abbreviations: frozenset[str]  # abbreviations only before a number ("no", "pp")
    collocations: frozenset[tuple[str, str]]  # (abbreviation, next word) that stay together
    starters: frozenset[str]  # words that start a sentence after an abbreviation or initial


@cache
def load_params(language: str = "en") -> SegmenterParams:
    """The shipped parameters of ``language`` (an ISO 639-1 code), loaded once."""
    path = resources.files("summarizer") / "data" / "punkt" / f"{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    prepositive = frozenset(data["prepositive_abbreviations"])
    return SegmenterParams(
        language=language,
        abbreviations=frozenset(data["abbreviations"]) | prepositive,
        prepositive=prepositive,
        number_abbreviations=frozenset(data["number_abbreviations"]),
        collocations=frozenset((a, b) for a, b in data["collocations"]),
        # Punkt's orthographic heuristic, reduced to what the rules consult: a capitalised
        # word after an abbreviation, initial or ellipsis starts a sentence when it is a word
        # normally written in lower case (seen so, never capitalised inside a sentence) or a
        # frequent sentence starter.
        starters=frozenset(data["lowercase_words"]) | frozenset(data["sentence_starters"]),
    )
