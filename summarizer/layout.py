"""Where sentences sit in the text's layout: headings and other lines that are not sentences.

Used by the position-aware methods, which should neither count a title as the
first sentence of an article nor return it as a summary sentence.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["heading_mask"]

_CLOSERS = "\"'\u201d\u2019)]"
_TERMINAL = frozenset(".!?\u2026:;,")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|\Z)")
_LINE_START = re.compile(r"\n[^\S\n]*\Z")
_LOOK_BACK = 200  # characters searched for the line break before a span


def heading_mask(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """True for each span that is a line of its own not ending like a sentence.

    A heading is a span that fills its line (a line break or the start of the
    text before it, a line break or the end after it) and whose last character
    (after closing quotes and brackets) is not sentence punctuation: titles,
    section headings, bylines, list items. The splitter ends a sentence at a
    single line break only where the line was broken on purpose, so hard-wrapped
    prose never qualifies. If every span qualifies, none is marked, since the
    text then has no sentences to prefer over them. So a text without a line
    break has no heading: only a lone span could fill its one line.
    """
    mask = np.zeros(len(spans), dtype=bool)
    if "\n" not in text:
        return mask
    for i, (start, end) in enumerate(spans):
        line = text[start:end]
        if "\n" in line or line.rstrip(_CLOSERS)[-1:] in _TERMINAL:
            continue
        low = max(0, start - _LOOK_BACK)
        before = text[low:start]
        starts_line = _LINE_START.search(before) is not None or (low == 0 and not before.strip())
        if starts_line and _LINE_END.match(text, end):
            mask[i] = True
    if mask.all():
        mask[:] = False
    return mask
