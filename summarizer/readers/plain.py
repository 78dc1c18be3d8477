"""Plain text: the input string unchanged, its structure reported as blocks.

The text is never altered (the offsets of a plain-text summary index the input
itself), so everything this reader knows goes into blocks. Rules, each over
lines (a line ends at "\\n"; a paragraph is a run of non-blank lines):

Skipped ("skip": never a summary candidate)
- Project Gutenberg's header and footer, licence notices and licence sections
  (the rules of :mod:`summarizer.readers.boilerplate`; a section runs from its
  heading line to the next heading line).
- Front matter: a YAML (``---``) or TOML (``+++``) block at the very start, closed
  by the same fence (or ``...``) within 200 lines, with a ``key:`` / ``key =``
  line in it.
- Tables of contents: a line with a dot leader (five dots, or four spaced ones)
  or ending in a page number after a gap, and every line next to such lines;
  and after a "Contents" heading (several languages), the paragraphs that
  read like entries (most words capitalised, or entry lines) up to the first
  paragraph of prose.
- Man-page synopses and colophons: a ``SYNOPSIS``, ``USAGE``, ``SEE ALSO``,
  ``REPORTING BUGS``, ``AUTHOR(S)``, ``COPYRIGHT`` or ``COLOPHON`` heading (and
  their German and French names) and the lines indented under it.
- Columns and tables: a line with a tab between words, two gaps of three
  spaces or more, or two ``|``, and consecutive lines with a gap each (page
  headers and footers of RFCs and man pages, title blocks, table rows).
- Runs of symbols: a line with no letter or digit ("* * *", "-----", ASCII-art
  rules), including a setext underline.
- Header blocks: a paragraph of two or more ``Key: value`` lines (mail or RFC
  headers pasted into text).
- Footers: a short line such as "Comments", "12 comments", "Leave a reply",
  "Related posts", "Share this" in the last 40 % of the text, and all after it.

Structure
- "heading": a line that is a paragraph of its own, at most 80 characters and
  12 words, not ending in sentence punctuation (after closing quotes); a line
  underlined with ``===`` or ``---``; a "Chapter IV." style line or an
  all-capitals line of its own even if it ends in a full stop.
- "list_item": a line starting with a bullet (``-``, ``*``, ``+``, ``•``) or an
  enumerator (``1.``, ``2)``, ``a.``, ``(iv)``) that begins a paragraph or follows
  another item, with its indented continuation lines; the block starts after
  the marker, so the marker is outside every sentence span.

Skip blocks win over the others where they overlap; overlapping skips merge.
"""

from __future__ import annotations

import re

from summarizer.readers._base import Block, Extracted, Reader
from summarizer.readers._decode import decode
from summarizer.readers.boilerplate import (
    GUTENBERG_END,
    GUTENBERG_START,
    is_licence,
    is_licence_heading,
    may_have_gutenberg_frame,
)

__all__ = ["READER", "blocks", "read"]

_FRONT_MATTER = re.compile(
    r"\A\s*(---|\+\+\+)[^\S\n]*\n((?:[^\n]*\n){0,200}?)(?:\1|\.\.\.)[^\S\n]*(?:\n|\Z)"
)
_FRONT_KEY = re.compile(r"^[\w\"'-]+[^\S\n]*[:=]", re.MULTILINE)
_DOT_LEADER = re.compile(r"\.{5,}|(?:\.[^\S\n]){4,}|…{2,}|·{4,}")
_CONTENTS = re.compile(
    r"(?:table of )?contents|inhalt(?:sverzeichnis)?|table des matières|sommaire"
    r"|índice|indice|contenido|inhoud|innehåll|indholdsfortegnelse|spis treści"
    r"|содержание|оглавление|目次|目录",
    re.IGNORECASE,
)
# Man-page sections that are never summary material: the synopsis (command syntax) and
# the colophon sections (cross references, bug addresses, authors, copyright).
_SKIPPED_SECTION = re.compile(
    r"synopsis|usage|syntax|übersicht|syntaxe|see also|siehe auch|voir aussi"
    r"|reporting bugs|authors?|copyright|colophon|autoren?|auteurs?",
    re.IGNORECASE,
)
_GAP = re.compile(r"\S(?:[^\S\n]{3,}|\t+)(?=\S)")
_HEADER_LINE = re.compile(r"[A-Za-z][\w.-]{0,40}(?: [A-Za-z][\w.-]*){0,2}:(?:\s|$)")
_FOOTER = re.compile(
    r"(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:reply|comment)|post a comment"
    r"|related (?:posts|articles|stories)|share this(?: article| post| story)?|you may also like"
    r"|about the author|recommended for you|most popular)[\s:.!]*",
    re.IGNORECASE,
)
_CHAPTER = re.compile(
    r"(?:chapter|part|book|section|appendix|kapitel|teil|chapitre|livre|capítulo|capitolo"
    r"|hoofdstuk|глава)\s+(?:[0-9]+|[ivxlcdm]+|[a-z]+)\b",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(
    r"[^\S\n]*(?:o(?=[^\S\n]{1,3}[a-zA-Z])|[-*+\u2022\u2023\u25e6\u25aa\u2013]|\d{1,3}[.)]"
    r"|[a-zA-Z][.)]|\([a-z0-9]{1,4}\))[^\S\n]+(?=\S)"
)
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_TERMINAL = frozenset(".!?;:,\u3002\uff01\uff1f…")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line break (and a trailing "\\r")."""
    out = []
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        out.append((start, stop))
        start = end + 1
    return out


def _lowercase_share(words: list[str]) -> float:
    letters = [w for w in words if w[:1].isalpha()]
    return sum(w[0].islower() for w in letters) / len(letters) if letters else 0.0


def _dot_leader(line: str) -> bool:
    if (
        "....." in line
        or ". . . ." in line
        or "\u2026\u2026" in line
        or "\u00b7\u00b7\u00b7" in line
    ):
        return _DOT_LEADER.search(line) is not None
    return False


def _entry_like(line: str) -> bool:
    """A dot leader, or a page number (digits or a Roman numeral) after a gap of two or
    more spaces at the line's end."""
    if _dot_leader(line):
        return True
    head, _, number = line.rstrip().rpartition(" ")
    if not number or not (
        (number.isdigit() and len(number) <= 4) or set(number.lower()) <= set("ivxlc")
    ):
        return False
    return head.endswith(" ") and bool(head.strip())


def _gap(line: str) -> bool:
    return ("   " in line or "\t" in line) and _GAP.search(line) is not None


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or not any(c.isalpha() for c in s):
        return False
    if _CHAPTER.match(s) or (sum(c.isupper() for c in s) > 0.6 * sum(c.isalpha() for c in s)):
        return len(s.split()) <= 12
    return len(s.split()) <= 12 and s.rstrip(_CLOSERS)[-1:] not in _TERMINAL


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _symbols_only(line: str) -> bool:
    s = line.strip()
    return len(s) >= 3 and not any(c.isalnum() for c in s)


def _table_line(line: str) -> bool:
    if line.count("|") >= 2 or "\t" in line.strip():
        return True
    return "   " in line and len(_GAP.findall(line)) >= 2


def blocks(text: str) -> tuple[Block, ...]:
    """The heading, list-item and skip blocks of a plain text (see the module's rules)."""
    return _Blocks(text).run()


class _Blocks:
    """One text's lines and the blocks found so far; each method is one of the module's rules.

    The frame and front-matter rules look at the whole text; the others run over its
    paragraphs in order (sections carry state from one paragraph to the next), and the
    line rules over the lines of a paragraph that no section rule took.
    """

    __slots__ = (
        "content",
        "footer_from",
        "headings",
        "in_contents",
        "in_licence",
        "items",
        "lines",
        "skips",
        "synopsis_indent",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.content = [text[a:b] for a, b in self.lines]
        self.skips: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []
        self.items: list[tuple[int, int, int]] = []  # (start, end, last line index)
        self.in_contents = False  # after a "Contents" heading, until the first prose
        self.in_licence = False  # after a licence heading, until the next heading
        self.synopsis_indent: int | None = None  # a synopsis/colophon heading's indent
        self.footer_from = int(len(text) * 0.6)  # footers only in the last 40 %

    def run(self) -> tuple[Block, ...]:
        self.frame()
        self.front_matter()
        paragraphs = self.paragraphs()
        for p, (first, last) in enumerate(paragraphs):
            if not self.paragraph(first, last, p + 1 < len(paragraphs)):
                break
        items = [(a, b) for a, b, _ in self.items]
        return _merge(self.text, self.skips, self.headings, items)

    def skip_lines(self, i: int, j: int) -> None:
        """Skip lines i..j inclusive."""
        self.skips.append((self.lines[i][0], self.lines[j][1]))

    def frame(self) -> None:
        """Project Gutenberg's header and footer."""
        text = self.text
        if not may_have_gutenberg_frame(text):
            return
        start = GUTENBERG_START.search(text)
        if start and "gutenberg" in text[: start.end()].lower():
            self.skips.append((0, start.end()))
        end = GUTENBERG_END.search(text, start.end() if start else 0)
        if end:
            self.skips.append((end.start(), len(text)))

    def front_matter(self) -> None:
        """A YAML or TOML block at the very start with a key line in it."""
        front = _FRONT_MATTER.match(self.text)
        if front and _FRONT_KEY.search(front.group(2)):
            self.skips.append((0, front.end()))

    def paragraphs(self) -> list[tuple[int, int]]:
        """Runs of non-blank lines, as (first, last) line indices."""
        blank = [not s.strip() for s in self.content]
        n = len(blank)
        paragraphs: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if blank[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and not blank[j + 1]:
                j += 1
            paragraphs.append((i, j))
            i = j + 1
        return paragraphs

    def paragraph(self, first: int, last: int, more: bool) -> bool:
        """The rules for one paragraph (``more``: another follows); False when a footer ends
        the text."""
        lines, content = self.lines, self.content
        para = self.text[lines[first][0] : lines[last][1]]
        lone = first == last
        line0 = content[first]
        indent = len(line0) - len(line0.lstrip())
        synopsis_indent = self.synopsis_indent
        if synopsis_indent is not None and self.synopsis_body(first, last, indent, synopsis_indent):
            return True
        if self.in_contents and self.contents_entries(para, first, last):
            return True
        if self.licence(para, first, last, lone, line0):
            return True
        if lone and self.contents_heading(first, line0):
            return True
        if self.skipped_section(first, last, lone, line0, indent, more):
            return True
        if not lone and self.section_name(first, line0, indent):
            first += 1
        if lone and lines[first][0] >= self.footer_from and self.footer(first, line0):
            return False
        if not lone and self.header_block(first, last):
            return True
        self.line_rules(first, last, lone)
        return True

    def synopsis_body(self, first: int, last: int, indent: int, heading_indent: int) -> bool:
        """The lines indented under a synopsis or colophon heading."""
        if indent > heading_indent:
            self.skip_lines(first, last)
            return True
        self.synopsis_indent = None
        return False

    def contents_entries(self, para: str, first: int, last: int) -> bool:
        """After a "Contents" heading: paragraphs that read like entries."""
        words = para.split()
        entry_lines = sum(_entry_like(self.content[k]) for k in range(first, last + 1))
        if len(words) and (_lowercase_share(words) < 0.5 or entry_lines > (last - first) / 2):
            self.skip_lines(first, last)
            return True
        self.in_contents = False
        return False

    def licence(self, para: str, first: int, last: int, lone: bool, line0: str) -> bool:
        """Licence notices, and licence sections up to the next heading."""
        if is_licence(para):
            self.skip_lines(first, last)
            return True
        if self.in_licence:
            if lone and _is_heading_line(line0) and not is_licence_heading(line0):
                self.in_licence = False
            else:
                self.skip_lines(first, last)
                return True
        if lone and is_licence_heading(line0):
            self.skip_lines(first, last)
            self.in_licence = True
            return True
        return False

    def contents_heading(self, first: int, line0: str) -> bool:
        """A "Contents" heading (several languages), which starts the entries."""
        if _CONTENTS.fullmatch(line0.strip().rstrip(":.")):
            self.skip_lines(first, first)
            self.in_contents = True
            return True
        return False

    def skipped_section(
        self, first: int, last: int, lone: bool, line0: str, indent: int, more: bool
    ) -> bool:
        """A synopsis or colophon heading (with its text when the paragraph has more)."""
        if _SKIPPED_SECTION.fullmatch(line0.strip().rstrip(":")) and (not lone or more):
            self.headings.append(self.lines[first])
            if not lone:
                self.skip_lines(first + 1, last)
            self.synopsis_indent = indent
            return True
        return False

    def section_name(self, first: int, line0: str, indent: int) -> bool:
        """A man-page style section name over its indented text: a heading."""
        if (
            _indent(self.content[first + 1]) > indent
            and _is_heading_line(line0)
            and (line0.isupper() or len(line0.split()) <= 5)
        ):
            self.headings.append(self.lines[first])
            return True
        return False

    def footer(self, first: int, line0: str) -> bool:
        """A footer line late in the text: it and all after it are skipped."""
        if _FOOTER.fullmatch(line0.strip()):
            self.skips.append((self.lines[first][0], len(self.text)))
            return True
        return False

    def header_block(self, first: int, last: int) -> bool:
        """A paragraph of ``Key: value`` lines (and their indented continuations)."""
        content = self.content
        if all(
            _HEADER_LINE.match(content[k]) or (content[k][:1].isspace() and k > first)
            for k in range(first, last + 1)
        ):
            self.skip_lines(first, last)
            return True
        return False

    def line_rules(self, first: int, last: int, lone: bool) -> None:
        """Symbol lines and setext headings, table lines, list items and lone headings."""
        content, items = self.content, self.items
        k = first
        while k <= last:
            line = content[k]
            if _symbols_only(line):
                self.symbol_line(k, first)
            elif _tabular(content, k, first, last):
                self.skip_lines(k, k)
            else:
                marker = _LIST_MARKER.match(line)
                if marker and (k == first or (items and items[-1][2] == k - 1)):
                    k = self.list_item(k, last, marker.end())
                elif lone and _is_heading_line(line):
                    self.headings.append(self.lines[k])
            k += 1

    def symbol_line(self, k: int, first: int) -> None:
        """A line of symbols is skipped; under a short line, ``===``/``---`` make it a heading."""
        content = self.content
        if (
            k > first
            and not _symbols_only(content[k - 1])
            and set(content[k].strip()) <= set("=-")
            and len(content[k - 1].strip()) <= 80
        ):
            self.headings.append(self.lines[k - 1])  # a setext heading over its underline
        self.skip_lines(k, k)

    def list_item(self, k: int, last: int, marker_end: int) -> int:
        """A list item from after its marker through its indented continuation lines; the
        index of its last line."""
        content = self.content
        stop = k
        while (
            stop < last
            and content[stop + 1][:1].isspace()
            and not _LIST_MARKER.match(content[stop + 1])
        ):
            stop += 1
        self.items.append((self.lines[k][0] + marker_end, self.lines[stop][1], stop))
        return stop


def _tabular(content: list[str], k: int, first: int, last: int) -> bool:
    """Line ``k`` (of a paragraph's lines first..last) is a contents entry next to another
    (or a dot leader), a table line, or a line with a gap next to another."""
    line = content[k]
    return (
        (
            _entry_like(line)
            and (
                _dot_leader(line)
                or (k > first and _entry_like(content[k - 1]))
                or (k < last and _entry_like(content[k + 1]))
            )
        )
        or _table_line(line)
        or (
            _gap(line)
            and ((k > first and _gap(content[k - 1])) or (k < last and _gap(content[k + 1])))
        )
    )


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span without the whitespace at its ends."""
    while b > a and text[b - 1].isspace():
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _merge(
    text: str,
    skips: list[tuple[int, int]],
    headings: list[tuple[int, int]],
    items: list[tuple[int, int]],
) -> tuple[Block, ...]:
    """Skip intervals merged, other blocks kept where they touch no skip, in order."""
    merged: list[list[int]] = []
    for a, b in sorted(_trim(text, a, b) for a, b in skips):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = [Block(a, b, "skip") for a, b in merged if b > a]
    starts = [b.start for b in out]
    import bisect

    for kind, spans in (("heading", headings), ("list_item", items)):
        for a0, b0 in spans:
            a, b = _trim(text, a0, b0)
            if b <= a:
                continue
            i = bisect.bisect_right(starts, b) - 1
            if i >= 0 and out[i].end > a and out[i].kind == "skip":
                continue
            out.append(Block(a, b, kind))
    out.sort(key=lambda block: block.start)
    # Two structure blocks never overlap (each comes from distinct lines); drop any that would.
    result: list[Block] = []
    for block in out:
        if result and block.start < result[-1].end:
            continue
        result.append(block)
    return tuple(result)


def read(data: str | bytes, encoding: str | None = None) -> Extracted:
    """Plain text: the text itself (bytes decoded) with its heading, list and skip blocks."""
    text = decode(data, encoding) if isinstance(data, bytes) else data
    found = blocks(text)
    title = None
    for block in found:
        if block.kind == "heading":
            title = text[block.start : block.end].strip()
            break
        if block.kind != "skip":
            break
    return Extracted(text=text, blocks=found, format="text", title=title)


READER = Reader("text", (".txt", ".text"), None, read)
