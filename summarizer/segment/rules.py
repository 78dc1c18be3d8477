"""The punctuation rules: at each run of terminal marks, does a sentence end?

Punkt's decisions (Kiss & Strunk 2006, as in ``nltk.tokenize.punkt``), taken only where a
boundary is possible, plus rules for what Punkt gets wrong. ``decide`` applies them in order;
each rule has a name, which ``Segmenter.explain`` reports:

- ``end_of_text``: marks (and quotes) that end the text end it, nothing to cut.
- glued marks, no space after them: ``missing_space`` cuts "the end.Next" and "1,000.That";
  ``glued_token``, ``glued_abbreviation``, ``glued_domain`` and ``glued_address`` keep
  "U.S.A", "e.g.The", "example.com", "Jane.Doe@x.com" and "page.php?id=5" whole.
- ``list_start`` / ``list_item``: "1." or "a.)" starting a sentence starts a list; the next
  item of that list ("2.") ends the sentence before it.
- ``not_a_start``: a sentence never starts with ``,;:%)]}.`` ("Yahoo!, Inc.", "(etc.)").
- question and exclamation marks end a sentence (``question_exclamation``), except before a
  lower-case word after a closing quote ('"Why?" she asked': ``quoted_continues``) and inside
  a name ("works at Yahoo! in Sunnyvale": ``name_with_exclamation``).
- full stops: ``tokenized_title`` ("sgt . Jim"); ``abbreviation`` (any abbreviation before a
  lower-case word or a number, and titles before anything: "U.S. citizens", "Dr. Smith");
  ``collocation`` ("Jan. 9"-like pairs learned by Punkt); ``abbreviation_before_name``
  (before a capitalised word that is not a sentence starter: "the U.S. Government");
  ``initial`` ("J. Smith", "J. R. R. Tolkien", and "p. 55" in lower case);
  ``lowercase_continues`` ('"It is great." she said', "see 1. above");
  ``number_abbreviation`` ("No. 5"); otherwise ``full_stop`` cuts.
- ellipses: ``ellipsis_continues`` before a word that does not start a sentence; a full stop
  then a spaced ellipsis ("words. . . . The") cuts after the full stop
  (``full_stop_then_ellipsis``); otherwise ``ellipsis`` cuts.
"""

from __future__ import annotations

import re

from summarizer.segment.params import (
    CLOSERS,
    OPENERS,
    QUESTION_EXCLAMATION,
    TERMINALS,
    SegmenterParams,
)
from summarizer.segment.state import AT_START, State, back_over, end_before, follows, marker_value

__all__ = ["CANDIDATE", "decide"]

_T = f"[{re.escape(TERMINALS)}]"
_TERMINAL_SET = frozenset(TERMINALS)
_CL = re.escape(CLOSERS)
_OP = re.escape(OPENERS)
CANDIDATE = re.compile(
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
_NOT_A_START = frozenset(",;:%)]}.")
_IN_ADDRESS = frozenset("@./:=&")  # joins the parts of a URL or an e-mail address
_TLDS = frozenset(
    ("com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "de", "info")
)
_WORD = re.compile(r"[\w'\u2019-]*")
_DOTTED = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")  # u.s, e.g, ph.d, a.m
_LIST_REACH = 1000

Verdict = tuple[str, "tuple[int, int] | None"]  # (rule, cut or None)


class Candidate:
    """A run of terminal marks and what surrounds it (the groups of ``CANDIDATE``).

    ``first`` is the first character of the next word ("" at the end of the text, None when
    the marks are glued to the next word), ``tok`` the token before the marks (starting at
    ``tok_start``), ``detached`` whether a space separates them ("the end . Next").
    """

    __slots__ = (
        "after",
        "close",
        "detached",
        "first",
        "glued",
        "next",
        "opening",
        "pos",
        "punct",
        "spaced",
        "tok",
        "tok_start",
    )

    def __init__(self, text: str, m: re.Match[str], sentence: int) -> None:
        punct, close, refs, space, opening, first, glued = m.groups()
        pos = m.start()
        self.pos, self.punct, self.glued, self.opening, self.first = (
            pos,
            punct,
            glued,
            opening,
            first,
        )
        after = pos + len(punct)
        if close:
            after += len(close)
            self.spaced = close[0].isspace()  # a tokenized closing quote: "end . '' the"
            close = close.strip()
        else:
            self.spaced = False
        self.close = close
        if refs:
            after += len(refs)
        self.after = after  # the sentence would end here
        self.next = after + len(space) if space else after  # and the next one start here
        # the token before the marks, without opening quotes, brackets or bullets
        self.detached = False
        if pos == sentence:
            self.tok, self.tok_start = "", pos
        elif not text[pos - 1].isspace():
            lo = pos - 48 if pos - 48 > sentence else sentence
            tok = text[lo:pos].rsplit(None, 1)[-1].lstrip(AT_START)
            self.tok, self.tok_start = tok, pos - len(tok)
        elif punct == "." and not glued:
            # a tokenized full stop ("the end . Next"): the word before it matters only
            # for lists ("1 . Thomas") and titles ("sgt . Jim")
            self.detached = True
            lo = pos - 24 if pos - 24 > sentence else sentence
            chunk = text[lo:pos].rstrip()
            tok = chunk.rsplit(None, 1)[-1].lstrip(AT_START) if chunk else ""
            self.tok, self.tok_start = tok, lo + len(chunk) - len(tok)
        else:
            self.tok, self.tok_start = "", pos


def _starts_sentence(p: SegmenterParams, text: str, at: int) -> bool:
    """The orthographic rule for the capitalised word at ``at`` (``SegmenterParams.starters``)."""
    word = _WORD.match(text, at).group().lower().replace("\u2019", "'")  # type: ignore[union-attr]
    if word in p.starters:
        return True
    head = word.split("'", 1)[0].split("-", 1)[0]
    return head != word and head in p.starters


def _glued(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    """No space after the marks: "world.Today" and "1,000.That" cut; names and addresses not."""
    tok = c.tok
    if not tok or not ((tok[-2:].isalpha() and tok[-2:].islower()) or tok[-1].isdigit()):
        return "glued_token", None
    typ = tok.lower()
    if typ in p.abbreviations or "." in typ or "@" in typ or "/" in typ:
        return "glued_abbreviation", None
    word_end = _WORD.match(text, c.after).end()  # type: ignore[union-attr]
    if text[c.after : word_end].lower() in _TLDS:
        return "glued_domain", None
    if text[word_end : word_end + 1] in _IN_ADDRESS and text[word_end + 1 : word_end + 2].isalnum():
        return "glued_address", None  # "Jane.Doe@x.com", "page.php?id=5"
    return "missing_space", (c.after, c.after)


def _list_marker(text: str, c: Candidate, state: State) -> Verdict | None:
    """ "1." or "a.)" starting a sentence, or the next item of that list; None if not one."""
    if c.punct != "." or len(c.tok) > 3 or (c.close and c.close != ")"):
        return None
    value = marker_value(c.tok)
    if value is None:
        return None
    style = "." + c.close
    if back_over(text, c.tok_start, state.sentence, AT_START) == state.sentence:
        state.marker = (value, style, c.pos)
        return "list_start", None
    marker = state.marker
    if (
        marker is not None
        and marker[1] == style
        and (follows(value, marker[0]) or (value in (1, -1) and not c.first.islower()))
        and c.pos - marker[2] < _LIST_REACH
        and text[c.tok_start - 1].isspace()
    ):
        state.marker = (value, style, c.pos)
        return "list_item", (end_before(text, c.tok_start, state.sentence), c.tok_start)
    return None


def _question_exclamation(text: str, c: Candidate, state: State) -> Verdict:
    if c.first.islower():
        if c.close and not c.spaced:
            return "quoted_continues", None  # '"Why?" she asked'
        tok = c.tok
        if "!" in c.punct and tok[:1].isupper() and tok[1:].islower():
            i = back_over(text, c.tok_start, state.sentence, AT_START)
            if i > state.sentence and text[i - 1] not in _TERMINAL_SET:
                return "name_with_exclamation", None  # "works at Yahoo! in Sunnyvale"
    return "question_exclamation", (c.after, c.next)


def _abbreviation(p: SegmenterParams, text: str, c: Candidate, typ: str) -> Verdict:
    if not c.first.isupper() or typ in p.prepositive:
        return "abbreviation", None  # "U.S. citizens", "Jan. 9", "Dr. Smith", "e.g. The Times"
    at = c.next + len(c.opening)
    if (typ, _WORD.match(text, at).group().lower()) in p.collocations:  # type: ignore[union-attr]
        return "collocation", None
    if not _starts_sentence(p, text, at):
        return "abbreviation_before_name", None  # "the U.S. Government"
    return "abbreviation_then_sentence", (c.after, c.next)  # "moved to the U.S. He said"


def _initial(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    if not c.first.isupper():
        return "initial", None  # "p. 55", "c. 1850"
    at = c.next + len(c.opening)
    if text[at + 1 : at + 2] == "." or not _starts_sentence(p, text, at):
        return "initial", None  # "J. Smith", "J. R. R. Tolkien"
    return "initial_then_sentence", (c.after, c.next)  # "you and I. Did you"


def _full_stop(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    tok, upper = c.tok, c.first.isupper()
    if c.detached:
        if upper and tok.lower() in p.prepositive:
            return "tokenized_title", None  # "sgt . Jim Clark"
    elif tok:
        typ = tok.lower()
        if "-" in typ:
            typ = typ.rsplit("-", 1)[1]  # "then-Lt."
        if typ in p.abbreviations or ("." in typ and _DOTTED.fullmatch(typ)):
            return _abbreviation(p, text, c, typ)
        if len(tok) == 1 and tok.isalpha():
            return _initial(p, text, c)
        if c.first.islower():
            if (c.close and not c.spaced) or tok[-1].isdigit():
                return "lowercase_continues", None  # '"It is great." she said', "see 1. above"
        elif typ in p.number_abbreviations and not upper:
            return "number_abbreviation", None  # "No. 5", "pp. 10"
    return "full_stop", (c.after, c.next)


def _ellipsis(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    """ "...", "\u2026", ". . .": a sentence ends only before a sentence starter."""
    if not c.first.isupper():
        return "ellipsis_continues", None  # "and so ... and", "wait... 5 more"
    at = c.next + len(c.opening)
    if c.punct[1:2] == " " and c.tok:
        # "words. . . . The next": a full stop, then an ellipsis starting the next one
        if _starts_sentence(p, text, at):
            return "full_stop_then_ellipsis", (c.pos + 1, c.pos + 2)
        return "ellipsis_continues", None
    if not _starts_sentence(p, text, at):
        return "ellipsis_continues", None  # "so ... I think"
    return "ellipsis", (c.after, c.next)


def decide(p: SegmenterParams, text: str, c: Candidate, state: State) -> Verdict:
    """The rule that decides candidate ``c``, and the cut it makes (None: no cut)."""
    if c.glued is not None:
        return _glued(p, text, c)
    if not c.first:
        return "end_of_text", None  # only marks and quotes up to the end of the text
    verdict = _list_marker(text, c, state)
    if verdict is not None:
        return verdict
    if c.first in _NOT_A_START:
        return "not_a_start", None  # "Yahoo!, Inc.", "(etc.)", "great! :)"
    if not QUESTION_EXCLAMATION.isdisjoint(c.punct):  # ? ! and their mixes
        return _question_exclamation(text, c, state)
    if c.punct == ".":
        return _full_stop(p, text, c)
    return _ellipsis(p, text, c)
