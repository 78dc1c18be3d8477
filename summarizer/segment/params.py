# ruff: noqa: RUF003 -- the marks of every script are written as themselves
"""What the splitter knows about a language: Punkt-style word lists and the marks of its script.

``SegmenterParams`` holds one language's abbreviations, collocations and sentence starters
(trained with nltk's ``PunktTrainer`` and curated by hand; see ``tools/build_punkt_params.py``
and ``data/punkt/README.md``) together with the punctuation the rules consult: the terminal
marks of its script, the quotes and brackets that close and open sentences, whether the script
has letter case and puts spaces between sentences. English keeps the marks the splitter always
had (``TERMINALS``, ``CLOSERS``, ``OPENERS``); the other languages add those of every script
(``tools/segmentation_rules.md``). Loaded once per language and cached; no nltk here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = [
    "BULLETS",
    "CJK_TERMINALS",
    "CLOSERS",
    "DASHES",
    "OPENERS",
    "QUESTION_EXCLAMATION",
    "STRONG_TERMINALS",
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

# Beyond English: marks that end a sentence whatever word precedes them (no abbreviation ends
# in them): the danda and double danda, the Arabic question mark and full stop, the Greek
# question mark (";" itself when the word before it is Greek, see ``rules``), the CJK marks.
CJK_TERMINALS = "\u3002\uff01\uff1f\uff61"  # 。！？｡ (the full-width ．is a decimal point too)
STRONG_TERMINALS = QUESTION_EXCLAMATION | frozenset(
    "\u0964\u0965\u061f\u06d4\u037e" + CJK_TERMINALS
)
# Marks a quote or bracket closes with in some language; glued to a terminal they close it
# ("Komm!“", "Venez !»", "行こう！」"). The directional marks of right-to-left text (U+200E,
# U+200F) may sit between a terminal and its quote.
ALL_CLOSERS = (
    CLOSERS + "\u201c\u2018\u00ab\u203a\u2039\u300d\u300f\u300b\u3009\u3011\u3015\uff09\uff3d"
    "\uff5d\uff63\u200e\u200f"
)
# Chinese and Japanese open with “ ‘ and close with ” ’ and their own brackets.
CJK_CLOSERS = CLOSERS + "\u300d\u300f\u300b\u3009\u3011\u3015\uff09\uff3d\uff5d\uff63"
# Marks that open a quote or bracket in some language (before the first word of a sentence):
# German »„‚, French «, Spanish ¿¡, Chinese and Japanese 「『《〈【〔（.
ALL_OPENERS = (
    OPENERS + "\u201d\u2019\u00bb\u201e\u201a\u2039\u203a\u00bf\u00a1\u300c\u300e\u300a"
    "\u3008\u3010\u3014\uff08\uff3b\uff5b\uff62"
)
# Per language, the marks that close a quote even when a space comes before them (French and
# Norwegian write « Venez ! »): only the language's own closing marks, never its openers.
_SPACED_CLOSERS = {
    "fr": "\u00bb\u201d",
    "no": "\u00bb\u201d",
    "it": "\u00bb\u201d",
    "es": "\u00bb\u201d",
    "pt": "\u00bb\u201d",
    "ru": "\u00bb\u201c",
    "el": "\u00bb\u201d",
    "ar": "\u00bb\u201d",
    "de": "\u201c\u00ab",
    "da": "\u201c\u00ab\u00bb",
    "cs": "\u201c\u00ab",
    "pl": "\u201d\u00ab",
    "sv": "\u201d\u00bb",
    "fi": "\u201d\u00bb",
}
DASHES = "\u2013\u2014-"  # a dash after a terminal may open a speech tag: "? – pytali"


@dataclass(frozen=True)
class SegmenterParams:
    """One language's word lists (lower case, without the final full stop) and marks."""

    language: str
    abbreviations: frozenset[str]  # may end a sentence ("etc", "inc", "u.s"); titles included
    prepositive: frozenset[str]  # never end a sentence before a capitalised word ("dr", "e.g")
    number_abbreviations: frozenset[str]  # abbreviations only before a number ("no", "pp")
    collocations: frozenset[tuple[str, str]]  # (abbreviation, next word) that stay together
    starters: frozenset[str]  # words that start a sentence after an abbreviation or initial
    terminals: str = TERMINALS  # marks that may end a sentence
    closers: str = CLOSERS  # closing quotes and brackets right after a terminal
    spaced_closers: str = CLOSERS  # ... also after a space ("Venez ! »")
    openers: str = OPENERS  # opening quotes and brackets before the first word
    at_start: str = OPENERS + BULLETS + " \t\r\n\f\v"  # what may precede a sentence's first word
    case: bool = True  # the script has letter case (the orthographic rule works)
    spaces: bool = True  # sentences are separated by spaces (not zh, ja)
    lower_continues: bool = False  # a lower-case word after a terminal never starts a sentence
    ordinal_full_stop: bool = False  # "3." is an ordinal ("am 3. Oktober")
    months: frozenset[str] = frozenset()  # month names that follow an ordinal
    multi_token: frozenset[str] = frozenset()  # last tokens of abbreviations with spaces
    multi_first: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # first tokens
    semicolon: bool = False  # ";" may end a sentence ("pedidos; El Acta")
    strong: frozenset[str] = frozenset()  # terminals no abbreviation ends in (STRONG_TERMINALS)


@cache
def load_params(language: str = "en") -> SegmenterParams:
    """The shipped parameters of ``language`` (an ISO 639-1 code), loaded once."""
    path = resources.files("summarizer") / "data" / "punkt" / f"{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    prepositive = frozenset(data["prepositive_abbreviations"])
    abbreviations = frozenset(data["abbreviations"]) | prepositive
    words = dict(
        language=language,
        abbreviations=abbreviations,
        prepositive=prepositive,
        number_abbreviations=frozenset(data["number_abbreviations"]),
        collocations=frozenset((a, b) for a, b in data["collocations"]),
        # Punkt's orthographic heuristic, reduced to what the rules consult: a capitalised
        # word after an abbreviation, initial or ellipsis starts a sentence when it is a word
        # normally written in lower case (seen so, never capitalised inside a sentence) or a
        # frequent sentence starter.
        starters=frozenset(data["lowercase_words"]) | frozenset(data["sentence_starters"]),
    )
    if "terminals" not in data:  # English: the marks and rules it always had
        return SegmenterParams(**words)  # type: ignore[arg-type]
    terminals = "".join(dict.fromkeys(data["terminals"] + TERMINALS))
    greek = ";" if language == "el" else ""
    strong = frozenset(t for t in terminals if t in STRONG_TERMINALS or t == greek)
    return SegmenterParams(
        **words,  # type: ignore[arg-type]
        terminals=terminals,
        closers=ALL_CLOSERS if data["spaces"] else CJK_CLOSERS,
        spaced_closers=CLOSERS + _SPACED_CLOSERS.get(language, ""),
        openers=ALL_OPENERS + data["openers"],
        at_start=ALL_OPENERS + data["openers"] + BULLETS + " \t\r\n\f\v",
        case=data["case"],
        spaces=data["spaces"],
        lower_continues=data["case"],
        # outside English and Greek, ";" ends a sentence before a capitalised lower-case word
        semicolon=data["case"] and language != "el",
        ordinal_full_stop=data["ordinal_full_stop"],
        months=frozenset(data["months"]),
        multi_token=frozenset(a.rsplit(" ", 1)[1] for a in abbreviations if " " in a),
        multi_first=_first_tokens(a for a in abbreviations if " " in a),
        strong=strong,
    )


def _first_tokens(entries: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Abbreviations written with spaces by their first token ("ee" -> ("ee. uu",))."""
    by_first: dict[str, list[str]] = {}
    for entry in sorted(entries):
        by_first.setdefault(entry.split(" ", 1)[0].rstrip("."), []).append(entry)
    return {k: tuple(v) for k, v in by_first.items()}
