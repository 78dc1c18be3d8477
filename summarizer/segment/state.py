"""The state of one pass of the splitter over a text, and the small scans its rules share."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.segment.params import BULLETS, OPENERS

__all__ = ["AT_START", "Decision", "State", "back_over", "end_before", "follows", "marker_value"]

AT_START = BULLETS + OPENERS + " \t\r\n\f\v"  # may precede the first word of a sentence


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision of the splitter, as ``Segmenter.explain`` reports it.

    ``position`` is where the candidate starts in the text (a run of terminal marks, a line
    break, a bullet, a list marker), ``mark`` its text, ``rule`` the name of the rule that
    decided, ``cut`` whether a sentence ends there; when it does, the sentence ends at ``end``
    and the next one starts at ``start``.
    """

    position: int
    mark: str
    rule: str
    cut: bool
    end: int | None = None
    start: int | None = None


class State:
    """Cuts made so far, where the current sentence starts, and the last list marker.

    ``marker`` is ``(value, style, position)`` of the last list marker ("1." or "2)"), which
    lets the next item of the same list end the sentence before it. With ``decisions`` a list,
    every decision is recorded there (``Segmenter.explain``).
    """

    __slots__ = ("cuts", "decisions", "marker", "sentence", "text")

    def __init__(self, text: str, sentence: int, decisions: list[Decision] | None) -> None:
        self.text = text
        self.cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
        self.sentence = sentence
        self.marker: tuple[int, str, int] | None = None
        self.decisions = decisions

    def cut(self, end: int, start: int) -> None:
        self.cuts.append((end, start))
        self.sentence = start

    def record(self, position: int, mark: str, rule: str, cut: tuple[int, int] | None) -> None:
        if self.decisions is not None:
            end, start = cut if cut is not None else (None, None)
            self.decisions.append(Decision(position, mark, rule, cut is not None, end, start))


def marker_value(tok: str) -> int | None:
    """The ordinal of a list marker: "3" -> 3, "c" -> -3 (letters count negative), else None.

    Capital letters are not taken: "A." is far more often an initial ("John A. Smith")."""
    if tok.isdigit():
        return int(tok) if len(tok) <= 3 and tok.isascii() else None
    if len(tok) == 1 and "a" <= tok <= "z":
        return 96 - ord(tok)
    return None


def follows(value: int, previous: int) -> bool:
    """Whether list marker ``value`` comes right after ``previous`` (2 after 1, b after a)."""
    return value == previous + 1 if value > 0 else value == previous - 1


def back_over(text: str, i: int, stop: int, chars: str) -> int:
    """Step back from ``i`` over ``chars``, never before ``stop``."""
    while i > stop and text[i - 1] in chars:
        i -= 1
    return i


def end_before(text: str, i: int, stop: int) -> int:
    """Step back from ``i`` over whitespace, never before ``stop``."""
    while i > stop and text[i - 1].isspace():
        i -= 1
    return i
