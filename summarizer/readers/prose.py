"""Is a sentence prose? The test every summary candidate passes, in any format.

A sentence is not prose (and must never be picked) when it is
- absurdly long: more than ``MAX_CHARS`` (700) characters, the 99.99th
  percentile of the 20,453 gold sentences of the Universal Dependencies dev
  treebanks in 18 languages (99.9th: 479; longest: 1,508). Past it are run-on
  lists, tables of contents, pages without punctuation and the rare sentence
  too long to serve in a summary;
- a dot leader: five dots in a row, or four spaced ones (". . . ."), or "\u2026" twice;
- markup: an HTML or XML tag, an entity (``&amp;``, ``&#39;``), Markdown
  emphasis or link syntax (``**``, ``__``, ``](``, a code span), a heading or
  directive marker at its start (``# ``, ``.. x::``);
- a table row: two ``|``, a tab, or two gaps of three spaces between words;
- a run of symbols: four equal symbols in a row (``----``, ``****``) or six
  non-word characters in a row;
- a URL or path line: fewer than five words outside its URLs (``://``, ``www.``);
- a header: ``Key: value`` with a one- to three-word key, and a capitalised
  hyphenated key (``Message-ID``, ``X-Mailer``) or fewer than eight words after it and no sentence
  punctuation at its end ("Subject: Re: budget", not "It said: "No."");
- a timestamp line: a time (``10:32``), an ISO date or a numeric date, with
  fewer than six words besides;
- a synopsis: two command-line options or placeholders (``-v``, ``--all``,
  ``[FILE]``, ``<name>``);
- code: two code signs (``{``, ``}``, ``;`` at the end, ``==``, ``=>``, ``->``,
  ``::``, ``&&``, ``||``, ``$x``, ``x=y``; and, once one of those is there,
  ``f(x)`` with no space and ``a.b.c``) making up more than one token in ten, or
  a keyword-led statement (``def f(``, ``import x``, ``#include``);
- mostly not words (tested when the sentence has a digit, a slash or a rare
  symbol):
  digits and punctuation make up more than half its visible characters, or,
  when they make up more than a tenth, under half its tokens are words
  (letters, with joining apostrophes or hyphens, and edge punctuation).

:func:`is_prose` is cheap on ordinary prose: a sentence within the length cap
and without a single suspicious character (one regular-expression scan for a
character class, plus four substring tests) is prose at once; only the rest get
the full tests. :func:`prose_mask` runs the same scan once over a whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

import numpy as np

__all__ = ["MAX_CHARS", "is_prose", "not_prose_reason", "prose_mask"]

MAX_CHARS = 700

# Characters rare in prose; each rule below needs one of them or one of _SUSPECT_STRINGS.
# A character class alone keeps the scan fast: with an alternation the regular-expression
# engine would try every branch at every position.
_SUSPECT_CHARS = "|\t<>{}=_\\#@*~^$/:;[]+`&…·"
_SUSPECT = re.compile(f"[{re.escape(_SUSPECT_CHARS)}]")
_search = _SUSPECT.search
_SUSPECT_STRINGS = ("   ", ".....", ". . .", "---")
_DOT_LEADER = re.compile(r"\.{5,}|(?:\.\s){4}|…\s*…|·{3,}")
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});"
    r"|\*\*\w[^*]*\w\*\*|__\w[^_]*\w__|\]\(|\]\[|`[^`\s][^`]*`"
    r"|\A\s*(?:#{1,6}\s|\.\.\s+[\w:-]+::|\.\.\s+_)"
)
_GAP = re.compile(r"\S[^\S\n]{3,}(?=\S)")
_SYMBOL_RUN = re.compile(r"([^\w\s.])\1{3,}|[^\w\s]{6,}")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.I)
_HEADER = re.compile(r"\A\s*([A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,2}):\s")
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
)
_OPTION = re.compile(r"(?<![\w-])(?:--?[A-Za-z][\w-]*|\[[^\]\s]{1,30}\]|<[\w-]{1,30}>)")
_CODE_TOKENS = ("{", "}", "==", "=>", "->", "::", "&&", "||")
_ASSIGN = re.compile(r"\w=\w")
_VARIABLE = re.compile(r"\$[A-Za-z_{(]")
_CALL = re.compile(r"[A-Za-z_]\w*\([^)\s]*\)|\w\.\w+\.\w")  # f(x), a.b.c
# Digits and the punctuation prose uses: the rest of the visible characters count as
# letters (other symbols have rules of their own), which costs a few substring counts
# instead of a pass over every character.
_NOT_LETTERS = tuple("0123456789.,;:()-%$/'\"!?")
_CODE_LEAD = re.compile(
    r"\A\s*(?:def \w+\(|class \w+[(:]|import \w|from [\w.]+ import|#include|#define"
    r"|return\b[^.]*;|(?:var|let|const) \w+ ?=|function\b\s*\w*\(|public |private )"
)
_FIELD_NAME = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+")  # Message-ID, Content-Type
_CLOSERS = " \"'\u201d\u2019\u00bb)]"
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(
    r"[\"'\u201c\u2018\u00ab(¿¡]*[^\W\d_]+(?:['\u2019-][^\W\d_]+)*[\"'\u201d\u2019\u00bb).,;:!?]*"
)

_MARKUP_SIGNS = frozenset("<>&*_[]`#.")
_TABLE_SIGNS = frozenset("|\t ")
_CODE_SIGNS = frozenset("{}=;$&|")
_OPTION_SIGNS = frozenset("[<=")
_COMMON_SIGNS = frozenset(":;/$&")  # suspects that ordinary prose uses too
# Every sign _signs() can report (_SUSPECT's characters, the first of each of
# _SUSPECT_STRINGS, the "." of a directive), so that a sentence has a rare suspect exactly
# when its signs meet _RARE_SIGNS.
_ALL_SIGNS = frozenset(_SUSPECT_CHARS) | {needle[0] for needle in _SUSPECT_STRINGS} | {"."}
_RARE_SIGNS = _ALL_SIGNS - _COMMON_SIGNS
_DIGIT = re.compile(r"\d")
_DOT_SIGNS = frozenset(".…·")
_TIME_SIGNS = frozenset(":/")


def _signs(sentence: str) -> set[str]:
    """The suspicious characters of a sentence ("." for "..", " " for three spaces, ...)."""
    found = set(_SUSPECT.findall(sentence))
    for needle in _SUSPECT_STRINGS:
        if needle in sentence:
            found.add(needle[0])
    if sentence.lstrip()[:2] == "..":  # a reST directive or target
        found.add(".")
    return found


def _fast(sentence: str) -> bool:
    """True when the sentence needs none of the rules but the letter test."""
    # _SUSPECT_STRINGS spelled out: a generator over them would cost more than the scan
    return _SUSPECT.search(sentence) is None and not (
        "   " in sentence or "....." in sentence or ". . ." in sentence or "---" in sentence
    )


def _has_letter(sentence: str) -> bool:
    return sentence[:1].isalpha() or _LETTERS.search(sentence) is not None


def not_prose_reason(sentence: str) -> str | None:
    """Why ``sentence`` is not prose (the rule's name), or ``None`` when it is prose."""
    if len(sentence) > MAX_CHARS:
        return "too long"
    if _fast(sentence):
        return None if _has_letter(sentence) else "few words"
    return _rules(sentence, _signs(sentence))


def is_prose(sentence: str) -> bool:
    """True when ``sentence`` reads as prose (see the module's rules)."""
    if len(sentence) > MAX_CHARS:
        return False
    if _search(sentence) is None and not (
        "   " in sentence or "....." in sentence or ". . ." in sentence or "---" in sentence
    ):  # the fast path of _fast(), inlined: this runs on every sentence
        return sentence[:1].isalpha() or _LETTERS.search(sentence) is not None
    return _rules(sentence, _signs(sentence)) is None


def _code_signs(s: str, signs: set[str]) -> int:
    """How many code signs a sentence has (braces, operators, ``x=y``, ``$var``, calls)."""
    code = sum(s.count(token) for token in _CODE_TOKENS) + s.rstrip().endswith(";")
    if "=" in signs:
        code += len(_ASSIGN.findall(s))
    if "$" in signs:
        code += len(_VARIABLE.findall(s))
    if code:
        code += len(_CALL.findall(s))
    return code


# The rules, one function each (True: the rule holds). Each runs only when the sentence has
# the signs it needs; _rules() says which and in what order.


def _dot_leaders(s: str) -> bool:
    return _DOT_LEADER.search(s) is not None


def _markup(s: str) -> bool:
    return _MARKUP.search(s) is not None


def _table_row(s: str) -> bool:
    return s.count("|") >= 2 or "\t" in s.strip() or len(_GAP.findall(s)) >= 2


def _symbols(s: str) -> bool:
    return _SYMBOL_RUN.search(s) is not None


def _without_urls(s: str) -> str | None:
    """The sentence with its URLs cut out; None (a URL line) when fewer than five words
    are left."""
    if not _URL.search(s):
        return s
    rest = _URL.sub(" ", s)
    if sum(1 for t in rest.split() if _WORD.fullmatch(t)) < 5:
        return None
    return rest


def _header(rest: str) -> bool:
    header = _HEADER.match(rest)
    return header is not None and bool(
        _FIELD_NAME.fullmatch(header.group(1))
        or (len(rest[header.end() :].split()) < 8 and rest.rstrip(_CLOSERS)[-1:] not in ".!?")
    )


def _timestamp(rest: str) -> bool:
    return (
        len(rest.split()) < 16
        and _TIME.search(rest) is not None
        and len(_LETTERS.findall(rest)) < 6
    )


def _synopsis(rest: str) -> bool:
    return len(_OPTION.findall(rest)) >= 2


def _code(rest: str, signs: set[str]) -> bool:
    if _CODE_LEAD.match(rest):
        return True
    code = _code_signs(rest, signs)
    return code >= 2 and code * 10 > len(rest.split())


def _few_words(rest: str) -> bool:
    """Mostly not words: letters against the other visible characters, then tokens."""
    visible = len(rest) - rest.count(" ") - rest.count("\n")
    letters = visible - sum(rest.count(c) for c in _NOT_LETTERS)
    if letters * 2 < visible:
        return True
    if letters * 10 < visible * 9:
        tokens = rest.split()
        return sum(1 for t in tokens if _WORD.fullmatch(t)) * 2 < len(tokens)
    return False


# The rules over the whole sentence: (reason, the signs that call for it, the rule).
_SENTENCE_RULES: tuple[tuple[str, frozenset[str], Callable[[str], bool]], ...] = (
    ("dot leaders", _DOT_SIGNS, _dot_leaders),
    ("markup", _MARKUP_SIGNS, _markup),
    ("table row", _TABLE_SIGNS, _table_row),
    ("symbols", _RARE_SIGNS, _symbols),
)


def _rules(s: str, signs: set[str]) -> str | None:
    """The rules a sentence's suspicious characters call for, cheapest first.

    The rules of _SENTENCE_RULES test the sentence; the others test the rest once
    URLs are cut out. A sentence whose only suspects are ones prose uses too
    (":;/$&") is tested for headers, URLs and timestamps, and for "few words" only
    if it has a digit.
    """
    for reason, gate, rule in _SENTENCE_RULES:
        if signs & gate and rule(s):
            return reason
    rest = s
    if "/" in signs:
        cut = _without_urls(s)
        if cut is None:
            return "url"
        rest = cut
    if ":" in signs and _header(rest):
        return "header"
    has_digit = _DIGIT.search(rest) is not None
    if has_digit and signs & _TIME_SIGNS and _timestamp(rest):
        return "timestamp"
    if signs & _OPTION_SIGNS and _synopsis(rest):
        return "synopsis"
    if (signs & _CODE_SIGNS or "::" in rest or "->" in rest) and _code(rest, signs):
        return "code"
    if (signs & _RARE_SIGNS or has_digit or "/" in signs) and _few_words(rest):
        return "few words"
    return None


def prose_mask(text: str, spans: list[tuple[int, int]] | np.ndarray) -> np.ndarray:
    """``is_prose`` of each ``text[start:end]``: the same rules, one suspect scan of the text.

    Positions of suspicious characters and strings in the whole text are found
    once (a character-class scan runs faster over one long string than over many
    short ones); a span holding none of them, within the length cap, only needs
    the letter test.
    """
    hits = [m.start() for m in _SUSPECT.finditer(text)]
    for needle in _SUSPECT_STRINGS:
        at = text.find(needle)
        while at >= 0:
            hits.append(at)
            at = text.find(needle, at + 1)
    hits.sort()
    out = []
    letter = _LETTERS.search
    for start, end in spans if isinstance(spans, list) else np.asarray(spans).tolist():
        if end - start > MAX_CHARS:
            out.append(False)
        elif hits and bisect_left(hits, start) < bisect_left(hits, end):
            out.append(is_prose(text[start:end]))  # a string hit must end inside: is_prose sees
        else:
            out.append(text[start : start + 1].isalpha() or letter(text, start, end) is not None)
    return np.array(out, dtype=bool)
