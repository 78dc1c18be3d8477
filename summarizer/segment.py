"""Sentence boundaries: text in, ``(start, end)`` character spans out.

Spans are in order, do not overlap, and exclude surrounding whitespace, so
``text[start:end]`` is the sentence. Nothing here touches the network.
"""

from __future__ import annotations

import re

__all__ = ["segment"]

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
# A candidate starts only at the first mark of a run: otherwise every position in
# a long run of marks ("." * 10**5) would rescan the rest of it (quadratic time).
_CANDIDATE = re.compile(
    r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_NON_SPACE = re.compile(r"\S")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "no",
        "vol",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_abbreviation(text: str, stop: int) -> bool:
    match = _LAST_WORD.search(text, max(0, stop - 12), stop)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def segment(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans; blank lines always end a sentence."""
    spans: list[tuple[int, int]] = []
    para_start = 0
    bounds = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for para_end in bounds:
        start = para_start
        for match in _CANDIDATE.finditer(text, para_start, para_end):
            stop = match.end()
            if text[match.start()] == "." and _is_abbreviation(text, match.start() + 1):
                continue
            span = _strip(text, start, stop)
            if span:
                spans.append(span)
            start = stop
        span = _strip(text, start, para_end)
        if span:
            spans.append(span)
        nxt = _NON_SPACE.search(text, para_end)
        para_start = nxt.start() if nxt else len(text)
    return spans
