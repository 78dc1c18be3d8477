# ruff: noqa: RUF002, RUF003 -- the marks of every script are written as themselves
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

The other languages (``tools/segmentation_rules.md``) use their own marks and word lists
(``SegmenterParams``) and these rules besides, English keeping exactly the ones above:

- a lower-case word after a terminal continues the sentence (``lowercase_word``) after ``?``,
  ``!``, an ellipsis, or a full stop after a short or dotted token ("12 tys. egzemplarzy",
  "mı? diye sordu"); a dash opening a speech tag after "?", "!" or an ellipsis is looked
  past ("? – pytali"), not after a full stop ("han. - og": a new sentence).
- a capital after an ellipsis starts a sentence (``ellipsis``); ``;`` followed by a capitalised
  word normally written in lower case ends one (``semicolon_then_sentence``).
- abbreviations written with spaces ("z. B.", "т. е.", "EE. UU.") are looked up whole, and
  none of their inner full stops cuts; in ordinal languages "3." before a capital is an
  ordinal unless a sentence starter follows (``ordinal``: "im 6. Stock", "am 3. Oktober").
- a spaced straight quote after a terminal opens the next sentence when the quotes before it
  pair up ('kříženec. " Jak to').
- ``terminal``: marks no abbreviation ends in (the danda, Arabic and Greek question marks,
  the CJK full stop) end a sentence; ";" is Greek's question mark only after a Greek word
  (``not_a_question``). Scripts without case treat every letter as a capital.
- text without spaces between sentences (zh, ja; ``decide_unspaced``): a CJK terminal, "!" or
  "?" cuts right after its closing quotes and brackets, except before a quotative particle
  (``quoted_continues``: 「行きます。」と), before another terminal (``not_a_start``: ？」。) and
  in Latin tokens (``latin_glued``: "3.5", "page.php?id=5"); "３．５" is a decimal point.
"""

from __future__ import annotations

import re

from summarizer.segment.params import (
    CLOSERS,
    DASHES,
    OPENERS,
    QUESTION_EXCLAMATION,
    TERMINALS,
    SegmenterParams,
)
from summarizer.segment.state import AT_START, State, back_over, end_before, follows, marker_value

__all__ = ["CANDIDATE", "Candidate", "candidate_pattern", "decide"]


def _pattern(terminals: str, closers: str, spaced: str, openers: str, glued: str) -> str:
    t = f"[{re.escape(terminals)}]"
    cl, sp, op = re.escape(closers), re.escape(spaced), re.escape(openers)
    return (
        # 1: a run of terminal marks, from its start; also a spaced ellipsis ". . ."
        rf"({t}(?<!{t}{t}){t}*(?:(?<=\.) \.+)*)"
        # 2: closing quotes and brackets; tokenized ones ("end . ''") are followed by a space
        rf"([{cl}]*(?:[ \t\u00a0\u202f]+[{sp}]+(?=\s|\Z))*)"
        # 3: footnote marks ("in 1805. [19]")
        r"((?: ?\[\d{1,3}(?:[,\u2013-]\d{1,3})*\])*)"
        # 4-6: whitespace, opening quotes/brackets, the first character of the next word;
        # 7: or a letter right after the marks ("world.Today", "why?because"); or the end
        rf"(?:(\s+)((?:[{op}]+ ?)*)(\S?)|{glued}()|\Z)"
    )


CANDIDATE = re.compile(
    _pattern(TERMINALS, CLOSERS, CLOSERS, OPENERS, r"(?=[A-Z]|(?<=[?!])[a-z])").replace(
        r"[ \t\u00a0\u202f]", r"[ \t]"
    )
)


def candidate_pattern(p: SegmenterParams) -> re.Pattern[str]:
    """The candidates of ``p``'s language: English's own ``CANDIDATE``; a letter of any script
    after glued marks elsewhere; and in text without spaces between sentences (zh, ja) the next
    character whatever comes before it, looked at but not taken (it may be a terminal itself)."""
    if p.terminals == TERMINALS and p.openers == OPENERS:
        return CANDIDATE
    terminals = p.terminals + ";" if p.semicolon else p.terminals
    pattern = _pattern(terminals, p.closers, p.spaced_closers, p.openers, r"(?=[^\W\d_])")
    if not p.spaces:
        pattern = pattern.replace(r"(\s+)", r"(\s*)").replace(r"(\S?)", r"(?=(\S?))")
    return re.compile(pattern)


_TERMINAL_SET = frozenset(TERMINALS)
_NOT_A_START = frozenset(",;:%)]}.")
_IN_ADDRESS = frozenset("@./:=&")  # joins the parts of a URL or an e-mail address
_TLDS = frozenset(
    ("com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "de", "info")
)
_WORD = re.compile(r"[\w'\u2019-]*")
_DOTTED = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")  # u.s, e.g, ph.d, a.m
_DOTTED_ANY = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")  # the same in any script
_LIST_REACH = 1000
_QUOTE_REACH = 500  # quotes are paired within this many characters (bounds the work)

Verdict = tuple[str, "tuple[int, int] | None"]  # (rule, cut or None)


class Candidate:
    """A run of terminal marks and what surrounds it (the groups of ``CANDIDATE``).

    ``first`` is the first character of the next word ("" at the end of the text, None when
    the marks are glued to the next word), ``tok`` the token before the marks (starting at
    ``tok_start``), ``detached`` whether a space separates them ("the end . Next"). ``upper``
    and ``lower`` tell the case of the next word's first letter (a letter of a script without
    case counts as capital: it may start a sentence); outside English a dash opening a speech
    tag is looked past ("? – pytali"), and ``word`` is where that word starts.
    """

    __slots__ = (
        "after",
        "close",
        "detached",
        "first",
        "glued",
        "lower",
        "next",
        "opening",
        "pos",
        "punct",
        "spaced",
        "tok",
        "tok_start",
        "upper",
        "word",
    )

    def __init__(
        self, text: str, m: re.Match[str], sentence: int, p: SegmenterParams | None = None
    ) -> None:
        punct, close, refs, space, opening, first, glued = m.groups()
        pos = m.start()
        if punct[0] == ";" and len(punct) > 1 and p is not None and p.semicolon:
            pos, punct = pos + 1, punct[1:]  # "&#39;." is a full stop after an entity
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
        at_start = AT_START if p is None else p.at_start
        # the token before the marks, without opening quotes, brackets or bullets
        self.detached = False
        if pos == sentence:
            self.tok, self.tok_start = "", pos
        elif not text[pos - 1].isspace():
            lo = pos - 48 if pos - 48 > sentence else sentence
            tok = text[lo:pos].rsplit(None, 1)[-1].lstrip(at_start)
            self.tok, self.tok_start = tok, pos - len(tok)
        elif punct == "." and not glued:
            # a tokenized full stop ("the end . Next"): the word before it matters only
            # for lists ("1 . Thomas") and titles ("sgt . Jim")
            self.detached = True
            lo = pos - 24 if pos - 24 > sentence else sentence
            chunk = text[lo:pos].rstrip()
            tok = chunk.rsplit(None, 1)[-1].lstrip(at_start) if chunk else ""
            self.tok, self.tok_start = tok, lo + len(chunk) - len(tok)
        else:
            self.tok, self.tok_start = "", pos
        self.word = self.next + len(opening) if opening else self.next
        raw = m.group(2)
        if (
            raw
            and p is not None
            and p.lower_continues
            and not refs
            and (raw[0].isspace() or len(raw.split(None, 1)) > 1)
        ):
            self._straight_quote_opens(text, sentence, m.start(2))
        if p is None or first is None:
            self.upper = first is not None and first.isupper()
            self.lower = first is not None and first.islower()
            return
        if first and first in DASHES and p.lower_continues and punct != ".":
            word = _DASH_TAG.match(text, self.word)
            if word is not None:
                self.word = word.end()
                first = text[self.word]
        elif (
            p.language == "nl" and first in ("s", "t") and _DUTCH_CLITIC.match(text, self.word - 1)
        ):
            first = "S"  # "'s Morgens", "'t Is koud" start with a capital
        self.lower = first.islower()
        self.upper = first.isupper() or (not p.case and first.isalpha() and not self.lower)

    def _straight_quote_opens(self, text: str, sentence: int, close_at: int) -> None:
        """A spaced straight quote after the marks opens the next sentence when the quotes
        before it in the sentence are paired ('kříženec. " Jak to')."""
        close = text[close_at : self.after]
        glued = close.split(None, 1)[0] if not close[0].isspace() else ""
        quote = close[len(glued) :].strip()
        lo = close_at - _QUOTE_REACH if close_at - _QUOTE_REACH > sentence else sentence
        if quote not in ('"', "'") or text.count(quote, lo, close_at + len(glued)) % 2:
            return
        self.after = close_at + len(glued)
        self.next = close_at + len(close) - len(quote)
        self.close, self.spaced = glued, False


# a dash and a space before a word: "– pytali", "— спросил он"
_DASH_TAG = re.compile(r"(?:[\u2013\u2014][ \u00a0]*|-[ \u00a0]+)(?=[^\W\d_])")
_ENTITY = re.compile(r"&(?:#\d{1,5}|[a-z]{2,6})\Z")  # "&#39;", "&quot;" before the ";"
_DUTCH_CLITIC = re.compile(r"['\u2019][st] [A-Z]")
_ROMAN = re.compile(r"[IVXLC]{2,6}")
_ORDINAL = re.compile(r"\d{1,3}|\d{1,2}\.\d{1,2}")  # "3.", "18.", and day.month "10.5."
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _lower(p: SegmenterParams, word: str) -> str:
    if p.language == "tr":  # Turkish dotted and dotless I
        word = word.replace("\u0130", "i").replace("I", "\u0131")
    return word.lower().replace("\u2019", "'")


def _starts_sentence(p: SegmenterParams, text: str, at: int) -> bool:
    """The orthographic rule for the capitalised word at ``at`` (``SegmenterParams.starters``).

    In a script without case it cannot decide: the word starts a sentence when the full stop
    is the script's own terminal (Arabic), not when the script has another one (the Hindi
    danda), for then a full stop after an abbreviation is the abbreviation's."""
    if not p.case:
        return p.terminals[0] == "."
    word = _lower(p, _WORD.match(text, at).group())  # type: ignore[union-attr]
    if word in p.starters:
        return True
    if p.language == "tr" and word.replace("\u0131", "i") in p.starters:
        return True
    head = word.split("'", 1)[0].split("-", 1)[0]
    return head != word and head in p.starters


def _glued(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    """No space after the marks: "world.Today" and "1,000.That" cut; names and addresses not."""
    tok = c.tok
    if not tok or not ((tok[-2:].isalpha() and tok[-2:].islower()) or tok[-1].isdigit()):
        return "glued_token", None
    if p.lower_continues or not p.case:  # any letter may follow: only a capital cuts
        nxt = text[c.after : c.after + 1]
        if not (nxt.isupper() or (nxt.islower() and not QUESTION_EXCLAMATION.isdisjoint(c.punct))):
            return "glued_token", None
    typ = tok.lower()
    if typ in p.abbreviations or "." in typ or "@" in typ or "/" in typ:
        return "glued_abbreviation", None
    if p.lower_continues:  # the whole token: "π.Χ." (BC), "z.B."
        whole = text[c.tok_start : c.after + 8].split(None, 1)[0].rstrip(".").lower()
        if whole in p.abbreviations or _DOTTED_ANY.fullmatch(whole):
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
    if c.lower:
        if c.close and not c.spaced:
            return "quoted_continues", None  # '"Why?" she asked'
        tok = c.tok
        if "!" in c.punct and tok[:1].isupper() and tok[1:].islower():
            i = back_over(text, c.tok_start, state.sentence, AT_START)
            if i > state.sentence and text[i - 1] not in _TERMINAL_SET:
                return "name_with_exclamation", None  # "works at Yahoo! in Sunnyvale"
    return "question_exclamation", (c.after, c.next)


def _abbreviation(p: SegmenterParams, text: str, c: Candidate, typ: str) -> Verdict:
    if not c.upper or typ in p.prepositive:
        return "abbreviation", None  # "U.S. citizens", "Jan. 9", "Dr. Smith", "e.g. The Times"
    if (typ, _WORD.match(text, c.word).group().lower()) in p.collocations:  # type: ignore[union-attr]
        return "collocation", None
    if not _starts_sentence(p, text, c.word):
        return "abbreviation_before_name", None  # "the U.S. Government"
    return "abbreviation_then_sentence", (c.after, c.next)  # "moved to the U.S. He said"


def _initial(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    if not c.upper:
        return "initial", None  # "p. 55", "c. 1850"
    at = c.word
    if text[at + 1 : at + 2] == "." or not _starts_sentence(p, text, at):
        return "initial", None  # "J. Smith", "J. R. R. Tolkien"
    return "initial_then_sentence", (c.after, c.next)  # "you and I. Did you"


def _ordinal(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    """ "am 3. Oktober", "im 18. Jahrhundert": an ordinal unless a sentence starter follows."""
    word = _lower(p, _WORD.match(text, c.word).group())  # type: ignore[union-attr]
    if word in p.months or not _starts_sentence(p, text, c.word):
        return "ordinal", None
    return "ordinal_then_sentence", (c.after, c.next)  # "Er wurde 3. Danach ging er."


def _multi_token(p: SegmenterParams, text: str, c: Candidate, state: State) -> str | None:
    """The abbreviation written with spaces that ends at ``c`` ("z. B.", "и т. д."), if any."""
    lo = c.tok_start - 32
    words = text[max(lo, state.sentence) : c.pos].split()
    if lo > state.sentence:
        words = words[1:]  # it may be cut
    for k in range(min(len(words), 5), 1, -1):
        phrase = " ".join(words[-k:]).lstrip(p.openers).lower()
        if phrase in p.abbreviations:
            return phrase
    return None


def _starts_multi_token(p: SegmenterParams, text: str, c: Candidate) -> bool:
    """Whether the token before the full stop starts an abbreviation written with spaces."""
    ahead = " ".join(text[c.tok_start : c.tok_start + 40].split()).lower()
    return any(ahead.startswith(entry + ".") for entry in p.multi_first[c.tok.lower()])


def _abbreviation_type(
    p: SegmenterParams, text: str, c: Candidate, state: State
) -> tuple[str, bool]:
    """The token before the full stop as the lists have it, and whether it is an abbreviation."""
    typ = c.tok.lower()
    if p.multi_token and typ in p.multi_token:
        phrase = _multi_token(p, text, c, state)
        if phrase is not None:
            return phrase, True
    if "-" in typ and (not p.lower_continues or typ not in p.abbreviations):
        typ = typ.rsplit("-", 1)[1]  # "then-Lt.", but "c.-à-d." and "J.-C." whole
    dotted = _DOTTED if not p.lower_continues else _DOTTED_ANY
    return typ, typ in p.abbreviations or ("." in typ and dotted.fullmatch(typ) is not None)


def _full_stop(p: SegmenterParams, text: str, c: Candidate, state: State) -> Verdict:
    tok, upper = c.tok, c.upper
    if c.detached:
        if upper and tok.lower() in p.prepositive:
            return "tokenized_title", None  # "sgt . Jim Clark"
    elif tok:
        typ, abbreviation = _abbreviation_type(p, text, c, state)
        if abbreviation:
            return _abbreviation(p, text, c, typ)
        if typ in p.multi_first and _starts_multi_token(p, text, c):
            return "abbreviation", None  # the first full stop of "EE. UU.", "т. е."
        if len(tok) == 1 and tok.isalpha() and (p.case or tok.isupper() or tok.islower()):
            return _initial(p, text, c)
        if upper and p.ordinal_full_stop and (_ORDINAL.fullmatch(tok) or _ROMAN.fullmatch(tok)):
            return _ordinal(p, text, c)
        if c.lower:
            if (c.close and not c.spaced) or tok[-1].isdigit():
                return "lowercase_continues", None  # '"It is great." she said', "see 1. above"
        elif typ in p.number_abbreviations and not upper:
            return "number_abbreviation", None  # "No. 5", "pp. 10"
    return "full_stop", (c.after, c.next)


def _ellipsis(p: SegmenterParams, text: str, c: Candidate) -> Verdict:
    """ "...", "\u2026", ". . .": a sentence ends only before a sentence starter."""
    if not c.upper:
        return "ellipsis_continues", None  # "and so ... and", "wait... 5 more"
    at = c.word
    if c.punct[1:2] == " " and c.tok:
        # "words. . . . The next": a full stop, then an ellipsis starting the next one
        if _starts_sentence(p, text, at):
            return "full_stop_then_ellipsis", (c.pos + 1, c.pos + 2)
        return "ellipsis_continues", None
    if not p.lower_continues and not _starts_sentence(p, text, at):
        return "ellipsis_continues", None  # "so ... I think" (English); elsewhere a capital cuts
    return "ellipsis", (c.after, c.next)


def _strong(text: str, c: Candidate) -> Verdict:
    """A danda, an Arabic or Greek question mark, a CJK full stop: the sentence ends, but
    ";" is a question mark only after a Greek word ("for (i = 0; i < n)" is code)."""
    if c.punct[0] == ";" and not _GREEK.match(text, c.pos - 1):
        return "not_a_question", None
    return "terminal", (c.after, c.next)


_QUOTATIVES = {"tr": ("diye", "dedi", "dedim", "demiş", "der ")}


def _continues(p: SegmenterParams, text: str, c: Candidate) -> bool:
    """After a full stop, does a lower-case word continue the sentence? After a short token
    (an abbreviation not in the lists: "ul.", "mln.", "pst.") or before a quotative ("diye")."""
    tok = c.tok.rsplit("-", 1)[-1]
    if (len(tok) <= 3 and tok.isalpha()) or "." in tok:
        return True  # "4-cyl. og", "Ε.Α.Μ. διοργάνωσε"
    quotatives = _QUOTATIVES.get(p.language)
    return quotatives is not None and text.startswith(quotatives, c.word)


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
    if c.lower and p.lower_continues and (c.punct != "." or _continues(p, text, c)):
        return "lowercase_word", None  # "mı? diye sordu", "12 tys. egzemplarzy" (not English)
    if c.punct == ";" and p.semicolon:
        if (
            c.upper
            and _starts_sentence(p, text, c.word)
            and not _ENTITY.search(text, c.pos - 8 if c.pos > 8 else 0, c.pos)
        ):
            return "semicolon_then_sentence", (c.after, c.next)  # "pedidos; El Acta"
        return "semicolon", None
    if not QUESTION_EXCLAMATION.isdisjoint(c.punct):  # ? ! and their mixes
        return _question_exclamation(text, c, state)
    if p.strong and not p.strong.isdisjoint(c.punct):
        return _strong(text, c)
    if c.punct == ".":
        return _full_stop(p, text, c, state)
    return _ellipsis(p, text, c)


_CJK_NOT_A_START = frozenset("\u3001\uff0c\uff1b\uff1a\u30fb,;:%\u3002\uff01\uff1f\uff61!?")
_QUOTATIVE = ("\u3068", "\u3063\u3066")  # と, って (ja: "「行く。」と言った")


def decide_unspaced(p: SegmenterParams, text: str, c: Candidate, state: State) -> Verdict:
    """The rules of text without spaces between sentences (zh, ja): a CJK terminal, "!" or "?"
    ends a sentence right after its closing quotes, wherever the next one starts; Latin full
    stops follow the rules of spaced text."""
    if not c.first:
        return "end_of_text", None
    punct = c.punct
    before = text[c.pos - 1 : c.pos]
    if (
        punct.isascii()
        and c.next == c.after
        and before.isascii()
        and ("." in punct or (before.isalnum() and c.first.isascii()))
    ):
        return "latin_glued", None  # "3.5", "page.php?id=5", "Yahoo!JAPAN"
    if c.first in _CJK_NOT_A_START or c.first in p.closers:
        return "not_a_start", None  # "？」。": the last mark decides
    if punct == "\uff0e" and text[c.pos - 1 : c.pos].isdigit() and c.first.isdigit():
        return "decimal_point", None  # "３．５％"
    if not p.strong.isdisjoint(punct) or "\uff0e" in punct:
        if c.close and text.startswith(_QUOTATIVE, c.next):
            return "quoted_continues", None  # 「行きます。」と言った
        return "terminal", (c.after, c.next)
    if c.next == c.after:
        return "no_space", None  # "……" inside a sentence, Latin marks glued to CJK text
    return decide(p, text, c, state)
