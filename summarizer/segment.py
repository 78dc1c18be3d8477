"""Sentence boundaries: text in, ``(start, end)`` character spans out.

Punkt's decisions (Kiss & Strunk 2006, as in ``nltk.tokenize.punkt``) with English parameters
shipped in ``data/punkt_english.json`` (built by ``tools/build_punkt_params.py``), taken only
where a boundary is possible, plus rules for what Punkt gets wrong:

- layout: a blank line always ends a sentence; a single newline ends one when the line was
  broken on purpose (the next line's first word would have fitted on it, as after a title or a
  byline; or the next line is a list item), never when prose was merely hard-wrapped;
- closing quotes, brackets and footnote marks (``[12]``) after ``.?!`` stay with the sentence;
- abbreviations: titles never end a sentence before a capitalised word ("Dr. Smith"); others
  may, when the next word is one normally written in lower case ("moved to the U.S. He said");
  initials, numbers, ellipses, numbered and bulleted lists, URLs and e-mail addresses, and a
  missing space after a full stop ("the end.Next");
- tokenized text ("the end . `` Next ''") and informal text ("is it open? i hope so").

Speed: one compiled regular expression finds the candidates (a run of ``.?!…``); bullets and
``2)`` list markers have their own scans, run only when the text can contain them. Python
looks only at candidates, and everything else is precomputed at import. No pattern can
backtrack more than a bounded amount per position, so the time is linear in the text.

Spans are in order, do not overlap, exclude surrounding whitespace (``text[start:end]`` is the
sentence), and together cover every non-whitespace character. Nothing here imports nltk or
touches the network.
"""

from __future__ import annotations

import json
import os
import re
from itertools import pairwise

__all__ = ["segment"]


def _load_params() -> dict:
    path = os.path.join(os.path.dirname(__file__), "data", "punkt_english.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


_PARAMS = _load_params()
_PREPOSITIVE = frozenset(_PARAMS["prepositive_abbreviations"])
_ABBREVIATIONS = frozenset(_PARAMS["abbreviations"]) | _PREPOSITIVE
_NUMBER_ABBREVIATIONS = frozenset(_PARAMS["number_abbreviations"])
_COLLOCATIONS = frozenset((a, b) for a, b in _PARAMS["collocations"])
# Punkt's orthographic heuristic, reduced to what the rules consult: a capitalised word after
# an abbreviation, initial or ellipsis starts a sentence when it is a word normally written in
# lower case (seen so, never capitalised inside a sentence) or a frequent sentence starter.
_STARTERS = frozenset(_PARAMS["lowercase_words"]) | frozenset(_PARAMS["sentence_starters"])
del _PARAMS

_T = "[.?!\u2026\u203c\u2047-\u2049]"  # terminal marks
_QUESTION_EXCLAMATION = frozenset("?!\u203c\u2047\u2048\u2049")
_TERMINAL_SET = frozenset(".?!\u2026\u203c\u2047\u2048\u2049")
_CLOSERS = "\"'\u201d\u2019\u00bb)]}"
_OPENERS = "\"'\u201c\u2018\u00ab([{`"
_BULLETS = "\u2022\u2023\u2043\u25aa\u25cf\u25e6"
_AT_START = _BULLETS + _OPENERS + " \t\r\n\f\v"  # may precede the first word of a sentence
_NOT_A_START = frozenset(",;:%)]}.")  # a sentence never starts with these
_IN_ADDRESS = frozenset("@./:=&")  # joins the parts of a URL or an e-mail address
_TLDS = frozenset(
    ("com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "de", "info")
)
_CL = re.escape(_CLOSERS)
_OP = re.escape(_OPENERS)

_CANDIDATE = re.compile(
    # 1: a run of terminal marks, from its start; also a spaced ellipsis ". . ."
    rf"({_T}(?<!{_T}{_T}){_T}*(?:(?<=\.) \.+)*)"
    # 2: closing quotes and brackets; tokenized ones ("end . ''") are followed by a space
    rf"([{_CL}]*(?:[ \t]+[{_CL}]+(?=\s|\Z))*)"
    # 3: footnote marks ("in 1805. [19]")
    r"((?: ?\[\d{1,3}(?:[,\u2013-]\d{1,3})*\])*)"
    # 4-6: whitespace, opening quotes/brackets, the first character of the next word;
    # 7: or a letter right after the marks ("world.Today", "why?because"); or the end of the text
    rf"(?:(\s+)((?:[{_OP}]+ ?)*)(\S?)|(?=[A-Z]|(?<=[?!])[a-z])()|\Z)"
)
_BULLET = re.compile(rf"[{_BULLETS}]")
# "2)" or "(b)" after whitespace and before a space: maybe the next item of a list
_PAREN_MARKER = re.compile(
    r"\)(?=\s)(?:(?<=(?<!\S)\w\))|(?<=(?<!\S)\d\d\))|(?<=(?<!\S)\(\w\))|(?<=(?<!\S)\(\d\d\)))"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[\w'\u2019-]*")
_DOTTED = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")  # u.s, e.g, ph.d, a.m
_LINE_ITEM = re.compile(
    rf"(?:[-*+\u2013\u2014{_BULLETS}]\s|\(?(?:\d{{1,3}}|[A-Za-z])[.)]\s|\(\d{{1,3}}\)|\([a-z]\)\s)"
)
_LIST_LINE_WIDTH = 40  # a paragraph of lines this short without any terminal mark is a list
_LIST_REACH = 1000  # the next item of a list follows the previous one within this many chars

# Events, sorted by position: (position, kind, next, flag, value). A layout event ends a
# sentence at ``position`` and starts the next at ``next``; ``flag`` tells a blank line. A
# bullet event is a bullet at ``position``. A paren event is the ")" of a list marker whose
# token starts at ``next`` and whose ordinal is ``value``; ``flag`` tells that it is one of
# a run "1) ... 2) ...". Fields an event does not use are 0 or False.
_LAYOUT, _BULLET_EVENT, _PAREN_EVENT = 0, 1, 2


def _marker_value(tok: str) -> int | None:
    """The ordinal of a list marker: "3" -> 3, "c" -> -3 (letters count negative), else None.

    Capital letters are not taken: "A." is far more often an initial ("John A. Smith")."""
    if tok.isdigit():
        return int(tok) if len(tok) <= 3 and tok.isascii() else None
    if len(tok) == 1 and "a" <= tok <= "z":
        return 96 - ord(tok)
    return None


def _follows(value: int, previous: int) -> bool:
    """Whether list marker ``value`` comes right after ``previous`` (2 after 1, b after a)."""
    return value == previous + 1 if value > 0 else value == previous - 1


def _starts_sentence(text: str, at: int) -> bool:
    """The orthographic rule for the capitalised word at ``at`` (see ``_STARTERS``)."""
    word = _WORD.match(text, at).group().lower().replace("\u2019", "'")
    if word in _STARTERS:
        return True
    head = word.split("'", 1)[0].split("-", 1)[0]
    return head != word and head in _STARTERS


def _back_over(text: str, i: int, stop: int, chars: str) -> int:
    """Step back from ``i`` over ``chars``, never before ``stop``."""
    while i > stop and text[i - 1] in chars:
        i -= 1
    return i


def _end_before(text: str, i: int, stop: int) -> int:
    """Step back from ``i`` over whitespace, never before ``stop``."""
    while i > stop and text[i - 1].isspace():
        i -= 1
    return i


# ----------------------------------------------------------------------------- layout
def _layout_events(text: str, start: int, events: list) -> None:
    """Add the breaks made by blank lines and deliberate line breaks to ``events``.

    ``start`` is the text's first non-space character."""
    # Every paragraph starts at its first non-space character (the blank-line pattern eats
    # the indentation after it), the first one too, so leading whitespace never moves a break.
    for m in _BLANK_LINE.finditer(text):
        end = _end_before(text, m.start(), start)
        _line_events(text, start, end, events)
        events.append((end, _LAYOUT, m.end(), True, 0))
        start = m.end()
    _line_events(text, start, _end_before(text, len(text), start), events)


def _line_events(text: str, start: int, end: int, events: list) -> None:
    """Decide the single newlines of the paragraph ``text[start:end]``.

    A line was broken on purpose when the next line's first word would have fitted on it (the
    widest line of the paragraph gives the width); then a next line that does not start in
    lower case starts a sentence. Prose wrapped to a width fills its lines, so its newlines are
    left to the punctuation rules. A line that starts a list item always starts a sentence, as
    does every line of a paragraph of short lines none of which ends in a terminal mark.
    """
    if text.find("\n", start, end) < 0:
        return
    lines = text[start:end].split("\n")
    stripped = [line.rstrip() for line in lines]
    width = max(map(len, stripped))
    is_list = width <= _LIST_LINE_WIDTH and not any(
        s.rstrip(_CLOSERS)[-1:] in _TERMINAL_SET for s in stripped
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
            or _LINE_ITEM.match(after)
            or (deliberate and not after[0].islower() and here[-1] != "-")
        ):
            events.append((line_end, _LAYOUT, pos + len(lines[i + 1]) - len(after), False, 0))


def _paren_events(text: str, events: list) -> None:
    """Add the ``2)`` and ``(b)`` list markers; ``1) ... 2) ...`` in a row form a list."""
    found = []
    for m in _PAREN_MARKER.finditer(text):
        pos = m.start()
        start = pos - 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        value = _marker_value(text[start:pos].lstrip("("))
        if value is not None:
            found.append([pos, start, value, text[start] == "(", False])
    for a, b in pairwise(found):
        if (
            not a[3]
            and not b[3]
            and _follows(b[2], a[2])
            and b[0] - a[0] < _LIST_REACH
            and len(text[a[0] + 1 : b[1]].split(None, 1)) > 1  # an item, not "1) or 2)"
        ):
            a[4] = b[4] = True
    events.extend((pos, _PAREN_EVENT, start, run, value) for pos, start, value, _, run in found)


# ----------------------------------------------------------------------------- the splitter
def _apply_events(text, events, i, upto, cuts, sentence, marker):
    """Apply the layout, bullet and ``2)`` events before position ``upto``."""
    n = len(events)
    while i < n and events[i][0] < upto:
        pos, kind, nxt, flag, value = events[i]
        i += 1
        if kind == _LAYOUT:
            cuts.append((pos, nxt))
            sentence = nxt
            if flag:  # a blank line ends any list
                marker = None
        elif kind == _BULLET_EVENT:  # a bullet starts an item
            end = _end_before(text, pos, sentence)
            if end > sentence:
                cuts.append((end, pos))
                sentence = pos
        else:  # "2)" or "(b)": starts a list, or continues the one started
            tok_start = nxt
            style = "()" if text[tok_start] == "(" else ")"
            if _back_over(text, tok_start, sentence, _AT_START) == sentence:
                marker = (value, style, pos)
            elif flag or (  # one of "1) ... 2) ...", or the next item of a list begun
                marker is not None
                and marker[1] == style
                and (_follows(value, marker[0]) or value in (1, -1))
                and pos - marker[2] < _LIST_REACH
            ):
                cuts.append((_end_before(text, tok_start, sentence), tok_start))
                sentence = tok_start
                marker = (value, style, pos)
    return i, sentence, marker


def segment(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; see the module docstring."""
    first = _NON_SPACE.search(text)
    if first is None:
        return []
    events: list[tuple[int, int, int, bool, int]] = []
    if "\n" in text:
        _layout_events(text, first.start(), events)
    if not text.isascii() and any(b in text for b in _BULLETS):
        events.extend((m.start(), _BULLET_EVENT, 0, False, 0) for m in _BULLET.finditer(text))
    if ")" in text:
        _paren_events(text, events)
    if events:
        events.sort()
    n_events = len(events)
    e = 0
    cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    sentence = first.start()  # where the current sentence starts
    marker: tuple[int, str, int] | None = None  # the last list marker: value, style, position

    for m in _CANDIDATE.finditer(text):
        pos = m.start()
        if e < n_events and events[e][0] < pos:
            e, sentence, marker = _apply_events(text, events, e, pos, cuts, sentence, marker)
        punct, close, refs, space, opening, f, glued = m.groups()
        if space is None and glued is None:
            continue  # the end of the text
        after = pos + len(punct) + len(close) + len(refs)  # the sentence would end here

        # the token before the marks, without opening quotes, brackets or bullets
        detached = False
        if pos == sentence:
            tok = ""
        elif text[pos - 1].isspace():
            tok = ""
            if punct == "." and not glued:
                # a tokenized full stop ("the end . Next"): the word before it matters only
                # for lists ("1 . Thomas") and titles ("sgt . Jim")
                detached = True
                lo = pos - 24 if pos - 24 > sentence else sentence
                chunk = text[lo:pos].rstrip()
                if chunk:
                    tok = chunk.rsplit(None, 1)[-1].lstrip(_AT_START)
                tok_start = lo + len(chunk) - len(tok)
        else:
            lo = pos - 48 if pos - 48 > sentence else sentence
            tok = text[lo:pos].rsplit(None, 1)[-1].lstrip(_AT_START)
        if not detached:
            tok_start = pos - len(tok)

        if glued is not None:  # no space: "world.Today", "1,000.That", not "Jane.Doe@x.com"
            if not tok:
                continue
            if not ((tok[-2:].isalpha() and tok[-2:].islower()) or tok[-1].isdigit()):
                continue
            typ = tok.lower()
            if typ in _ABBREVIATIONS or "." in typ or "@" in typ or "/" in typ:
                continue
            word_end = _WORD.match(text, after).end()
            if text[after:word_end].lower() in _TLDS:
                continue
            if (
                text[word_end : word_end + 1] in _IN_ADDRESS
                and text[word_end + 1 : word_end + 2].isalnum()
            ):
                continue  # "Jane.Doe@x.com", "page.php?id=5"
            cuts.append((after, after))
            sentence = after
            continue

        if not f:
            continue  # only marks and quotes up to the end of the text
        nxt = after + len(space)  # the next sentence would start here
        spaced = close[:1].isspace()  # a tokenized closing quote: "end . '' the"
        close = close.strip()
        lower = f.islower()
        upper = f.isupper()

        if punct == "." and len(tok) <= 3 and (not close or close == ")"):
            # a list marker: "1." or "a.)" starting a sentence, or the next item of that list
            value = _marker_value(tok)
            if value is not None:
                style = "." + close
                if _back_over(text, tok_start, sentence, _AT_START) == sentence:
                    marker = (value, style, pos)
                    continue
                if (
                    marker is not None
                    and marker[1] == style
                    and (_follows(value, marker[0]) or (value in (1, -1) and not lower))
                    and pos - marker[2] < _LIST_REACH
                    and text[tok_start - 1].isspace()
                ):
                    cuts.append((_end_before(text, tok_start, sentence), tok_start))
                    sentence = tok_start
                    marker = (value, style, pos)
                    continue

        if f in _NOT_A_START:
            continue  # "Yahoo!, Inc.", "(etc.)", "great! :)"
        if not _QUESTION_EXCLAMATION.isdisjoint(punct):  # ? ! and their mixes
            if lower:
                if close and not spaced:
                    continue  # '"Why?" she asked'
                # a name with "!" inside a sentence: "works at Yahoo! in Sunnyvale"
                if "!" in punct and tok[:1].isupper() and tok[1:].islower():
                    i = _back_over(text, tok_start, sentence, _AT_START)
                    if i > sentence and text[i - 1] not in _TERMINAL_SET:
                        continue
        elif punct == ".":
            if detached:
                if upper and tok.lower() in _PREPOSITIVE:
                    continue  # "sgt . Jim Clark"
            elif tok:
                typ = tok.lower()
                if "-" in typ:
                    typ = typ.rsplit("-", 1)[1]  # "then-Lt."
                if typ in _ABBREVIATIONS or ("." in typ and _DOTTED.fullmatch(typ)):
                    if not upper or typ in _PREPOSITIVE:
                        continue  # "U.S. citizens", "Jan. 9", "Dr. Smith", "e.g. The Times"
                    at = nxt + len(opening)
                    if (typ, _WORD.match(text, at).group().lower()) in _COLLOCATIONS:
                        continue
                    if not _starts_sentence(text, at):
                        continue  # "the U.S. Government", but "moved to the U.S. He said"
                elif len(tok) == 1 and tok.isalpha():  # an initial
                    if not upper:
                        continue  # "p. 55", "c. 1850"
                    at = nxt + len(opening)
                    if text[at + 1 : at + 2] == "." or not _starts_sentence(text, at):
                        continue  # "J. Smith", "J. R. R. Tolkien", but "you and I. Did you"
                elif lower:
                    if (close and not spaced) or tok[-1].isdigit():
                        continue  # '"It is great." she said', "see 1. above"
                elif typ in _NUMBER_ABBREVIATIONS and not upper:
                    continue  # "No. 5", "pp. 10"
        else:  # an ellipsis: "...", "\u2026", ". . ."
            if not upper:
                continue  # "and so ... and", "wait... 5 more"
            at = nxt + len(opening)
            if punct[1:2] == " " and tok:
                # "words. . . . The next": a full stop, then an ellipsis starting the next one
                if _starts_sentence(text, at):
                    cuts.append((pos + 1, pos + 2))
                    sentence = pos + 2
                continue
            if not _starts_sentence(text, at):
                continue  # "so ... I think"
        cuts.append((after, nxt))
        sentence = nxt

    if n_events:
        _apply_events(text, events, e, len(text) + 1, cuts, sentence, marker)
        cuts.sort()
    spans: list[tuple[int, int]] = []
    start = first.start()
    for end, nxt in cuts:
        if end > start:
            spans.append((start, end))
            start = nxt
    end = _end_before(text, len(text), start)
    if start < end:
        spans.append((start, end))
    return spans
