"""Sentence boundaries: text in, ``(start, end)`` character spans out.

A ``Segmenter`` applies named rules over one language's parameters (``params``): the layout
rules first (``layout``: blank lines, deliberate line breaks, bullets and list markers), then
the punctuation rules at each run of terminal marks (``rules``: Punkt's decisions with
shipped parameters, plus rules for abbreviations, initials, lists, quotes, ellipses, URLs and
e-mail addresses, tokenized and informal text). ``Segmenter.explain`` lists every decision
with the rule that made it, as nltk's ``debug_decisions`` does for Punkt.

Speed: one compiled regular expression finds the punctuation candidates; layout events have
their own scans, run only when the text can contain them. Python looks only at candidates,
and no pattern can backtrack more than a bounded amount per position, so the time is linear.

Spans are in order, do not overlap, exclude surrounding whitespace (``text[start:end]`` is the
sentence), and together cover every non-whitespace character. Nothing here imports nltk.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.segment.layout import apply_events, find_events
from summarizer.segment.params import SegmenterParams, load_params
from summarizer.segment.rules import Candidate, candidate_pattern, decide, decide_unspaced
from summarizer.segment.state import Decision, State, end_before

__all__ = ["Decision", "Segmenter", "explain_cuts", "get_segmenter", "segment"]

_NON_SPACE = re.compile(r"\S")


class Segmenter:
    """Splits text into sentence spans for one language (see the module docstring)."""

    def __init__(self, params: SegmenterParams) -> None:
        self.params = params
        self._candidates = candidate_pattern(params)
        self._decide = decide if params.spaces else decide_unspaced

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The sentence spans ``(start, end)`` of ``text``."""
        return self._run(text, None)

    def explain(self, text: str) -> list[Decision]:
        """Every decision taken on ``text``, in order of position: each candidate boundary
        with the rule that decided it and whether it cut."""
        decisions: list[Decision] = []
        self._run(text, decisions)
        decisions.sort(key=lambda d: d.position)
        return decisions

    def _run(self, text: str, decisions: list[Decision] | None) -> list[tuple[int, int]]:
        first = _NON_SPACE.search(text)
        if first is None:
            return []
        state = State(text, first.start(), decisions)
        events = find_events(text, first.start())
        n_events, e = len(events), 0
        params, cuts, decide_one = self.params, state.cuts, self._decide
        for m in self._candidates.finditer(text):
            if m.lastindex < 4:  # type: ignore[operator]  # the \Z branch: marks end the text
                continue
            if e < n_events and events[e][0] < m.start():
                e = apply_events(state, events, e, m.start())
            candidate = Candidate(text, m, state.sentence, params)
            rule, cut = decide_one(params, text, candidate, state)
            if cut is not None:
                cuts.append(cut)
                state.sentence = cut[1]
            if decisions is not None:
                state.record(candidate.pos, text[candidate.pos : candidate.after], rule, cut)
        if n_events:
            apply_events(state, events, e, len(text) + 1)
            state.cuts.sort()
        return _spans(text, first.start(), state.cuts)


def _spans(text: str, start: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for end, nxt in cuts:
        if end > start:
            spans.append((start, end))
            start = nxt
    end = end_before(text, len(text), start)
    if start < end:
        spans.append((start, end))
    return spans


@cache
def get_segmenter(language: str = "en") -> Segmenter:
    """The shared segmenter of ``language``."""
    return Segmenter(load_params(language))


def segment(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; see the module docstring."""
    return get_segmenter(language).spans(text)


def explain_cuts(text: str, language: str = "en") -> list[Decision]:
    """Each candidate boundary of ``text`` with the rule that decided it (``Segmenter.explain``)."""
    return get_segmenter(language).explain(text)
