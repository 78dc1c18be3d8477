"""Where sentences sit in the text's layout: headings and other lines that are not sentences.

Used by the position-aware methods, which should neither count a title as the
first sentence of an article nor return it as a summary sentence.
"""

from __future__ import annotations

import re

import numpy as np

from summarizer.segment.params import CLOSERS, TERMINALS
from summarizer.segment.state import end_before

__all__ = ["heading_mask"]

# A line ending in one of these ends like a sentence (the splitter's terminal marks, after
# the splitter's closing quotes and brackets), or like the lead-in to more text (":;,").
_TERMINAL = frozenset(TERMINALS + ":;,")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|\Z)")


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

    ``spans`` are in order and do not overlap (as ``segment`` returns them), so
    looking back from each span to the line break before it, over whitespace
    and never past the previous span, takes linear time in all.
    """
    mask = np.zeros(len(spans), dtype=bool)
    if "\n" not in text:
        return mask
    previous_end = 0
    for i, (start, end) in enumerate(spans):
        stop, previous_end = previous_end, end
        if text.find("\n", start, end) >= 0 or text[start:end].rstrip(CLOSERS)[-1:] in _TERMINAL:
            continue
        gap = end_before(text, start, stop)  # the whitespace before the span starts here
        starts_line = gap == 0 or text.find("\n", gap, start) >= 0
        if starts_line and _LINE_END.match(text, end):
            mask[i] = True
    if mask.all():
        mask[:] = False
    return mask
