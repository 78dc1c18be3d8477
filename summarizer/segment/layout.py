"""Breaks made by layout rather than punctuation: blank lines, deliberate line breaks, list items.

These are found before the punctuation pass, as events sorted by position, and applied in
order as that pass reaches them:

- ``blank_line``: a blank line always ends a sentence.
- ``line_break``: a single newline ends one when the line was broken on purpose (the next
  line's first word would have fitted on it, as after a title or a byline; or the next line is
  a list item; or the paragraph is a list of short lines none of which ends in a terminal
  mark), never when prose was merely hard-wrapped, and never before a lower-case word.
- ``bullet``: a bullet character starts an item.
- ``paren_list_item``: "2)" or "(b)" starts the next item of a list: one of a run "1) ... 2)
  ...", or the item after one that started a sentence.

An event is ``(position, kind, next, flag, value)``: a layout event ends a sentence at
``position`` and starts the next at ``next`` (``flag`` tells a blank line); a bullet event is
a bullet at ``position``; a paren event is the ")" of a list marker whose token starts at
``next``, whose ordinal is ``value`` and ``flag`` tells that it is one of a run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from summarizer.segment.params import BULLETS, CLOSERS, TERMINALS
from summarizer.segment.state import AT_START, State, back_over, end_before, follows, marker_value

__all__ = ["LINE_ITEM", "apply_events", "find_events"]

Event = tuple[int, int, int, bool, int]
_LAYOUT, _BULLET, _PAREN = 0, 1, 2

_TERMINAL_SET = frozenset(TERMINALS)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_BULLET_CHAR = re.compile(f"[{BULLETS}]")
# "2)" or "(b)" after whitespace and before a space: maybe the next item of a list
_PAREN_MARKER = re.compile(
    r"\)(?=\s)(?:(?<=(?<!\S)\w\))|(?<=(?<!\S)\d\d\))|(?<=(?<!\S)\(\w\))|(?<=(?<!\S)\(\d\d\)))"
)
LINE_ITEM = re.compile(
    rf"(?:[-*+\u2013\u2014{BULLETS}]\s|\(?(?:\d{{1,3}}|[A-Za-z])[.)]\s|\(\d{{1,3}}\)|\([a-z]\)\s)"
)
_LIST_LINE_WIDTH = 40  # a paragraph of lines this short without any terminal mark is a list
LIST_REACH = 1000  # the next item of a list follows the previous one within this many chars


def find_events(text: str, start: int) -> list[Event]:
    """Every layout, bullet and paren-list event of ``text``, sorted; ``start`` is its first
    non-space character."""
    events: list[Event] = []
    if "\n" in text:
        _blank_line_events(text, start, events)
    if not text.isascii() and any(b in text for b in BULLETS):
        events.extend((m.start(), _BULLET, 0, False, 0) for m in _BULLET_CHAR.finditer(text))
    if ")" in text:
        _paren_events(text, events)
    events.sort()
    return events


def _blank_line_events(text: str, start: int, events: list[Event]) -> None:
    # Every paragraph starts at its first non-space character (the blank-line pattern eats
    # the indentation after it), the first one too, so leading whitespace never moves a break.
    for m in _BLANK_LINE.finditer(text):
        end = end_before(text, m.start(), start)
        _line_events(text, start, end, events)
        events.append((end, _LAYOUT, m.end(), True, 0))
        start = m.end()
    _line_events(text, start, end_before(text, len(text), start), events)


def _line_events(text: str, start: int, end: int, events: list[Event]) -> None:
    """The deliberate single newlines of the paragraph ``text[start:end]`` (module docstring)."""
    if text.find("\n", start, end) < 0:
        return
    lines = text[start:end].split("\n")
    stripped = [line.rstrip() for line in lines]
    width = max(map(len, stripped))
    is_list = width <= _LIST_LINE_WIDTH and not any(
        s.rstrip(CLOSERS)[-1:] in _TERMINAL_SET for s in stripped
    )
    pos = start
    for i in range(len(lines) - 1):
        here, after = stripped[i], lines[i + 1].lstrip()
        line_end = pos + len(here)
        pos += len(lines[i]) + 1
        if not here.strip() or not after:
            continue
        deliberate = len(here) + 1 + len(after.split(None, 1)[0]) <= width
        if (
            is_list
            or LINE_ITEM.match(after)
            or (deliberate and not after[0].islower() and here[-1] != "-")
        ):
            events.append((line_end, _LAYOUT, pos + len(lines[i + 1]) - len(after), False, 0))


def _paren_events(text: str, events: list[Event]) -> None:
    """The ``2)`` and ``(b)`` list markers; ``1) ... 2) ...`` in a row form a list."""
    found = []
    for m in _PAREN_MARKER.finditer(text):
        pos = m.start()
        start = pos - 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        value = marker_value(text[start:pos].lstrip("("))
        if value is not None:
            found.append([pos, start, value, text[start] == "(", False])
    for a, b in pairwise(found):
        if (
            not a[3]
            and not b[3]
            and follows(b[2], a[2])
            and b[0] - a[0] < LIST_REACH
            and len(text[a[0] + 1 : b[1]].split(None, 1)) > 1  # an item, not "1) or 2)"
        ):
            a[4] = b[4] = True
    events.extend((pos, _PAREN, start, bool(run), value) for pos, start, value, _, run in found)


def _apply_layout(state: State, event: Event) -> None:
    pos, _, nxt, blank, _ = event
    state.cut(pos, nxt)
    state.record(pos, state.text[pos:nxt], "blank_line" if blank else "line_break", (pos, nxt))
    if blank:  # a blank line ends any list
        state.marker = None


def _apply_bullet(state: State, event: Event) -> None:
    pos = event[0]
    end = end_before(state.text, pos, state.sentence)
    if end > state.sentence:
        state.cut(end, pos)
        state.record(pos, state.text[pos], "bullet", (end, pos))


def _apply_paren(state: State, event: Event) -> None:
    """ "2)" or "(b)": starts a list, or continues the one started."""
    pos, _, tok_start, run, value = event
    text, marker = state.text, state.marker
    style = "()" if text[tok_start] == "(" else ")"
    mark = text[tok_start : pos + 1]
    if back_over(text, tok_start, state.sentence, AT_START) == state.sentence:
        state.marker = (value, style, pos)
        state.record(tok_start, mark, "paren_list_start", None)
    elif run or (  # one of "1) ... 2) ...", or the next item of a list begun
        marker is not None
        and marker[1] == style
        and (follows(value, marker[0]) or value in (1, -1))
        and pos - marker[2] < LIST_REACH
    ):
        cut = (end_before(text, tok_start, state.sentence), tok_start)
        state.cut(*cut)
        state.marker = (value, style, pos)
        state.record(tok_start, mark, "paren_list_item", cut)


_APPLY: tuple[Callable[[State, Event], None], ...] = (_apply_layout, _apply_bullet, _apply_paren)


def apply_events(state: State, events: list[Event], i: int, upto: int) -> int:
    """Apply the events from index ``i`` that lie before position ``upto``; the next index."""
    n = len(events)
    while i < n and events[i][0] < upto:
        event = events[i]
        _APPLY[event[1]](state, event)
        i += 1
    return i
