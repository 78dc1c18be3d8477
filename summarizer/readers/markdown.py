"""Markdown (CommonMark with tables), parsed with markdown-it-py, as blocks of plain text.

Rules
- Front matter: a YAML (``---``) or TOML (``+++``) block at the very start is
  removed; its ``title`` (if any) becomes the title and is kept in ``metadata``.
- Headings (ATX ``#`` and setext underlines) are "heading" blocks.
- Paragraphs are "paragraph" blocks; inside a list item "list_item" (the marker
  and a task box ``[ ]``/``[x]`` dropped), inside a block quote "quote".
- Not text: fenced and indented code, tables, HTML blocks and inline HTML,
  images (with their alt text), thematic breaks, link reference definitions.
- Inline markup: emphasis and code markers are dropped and the words kept; a
  link keeps its text and drops its target; an autolink ``<https://...>``
  keeps the address (it is the visible text); entities are decoded.
- Hard-wrapped lines are joined (see :func:`~summarizer.readers._base.join_lines`).
- Title: the front matter's ``title``, else the first heading.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.errors import MissingDependencyError, install_hint
from summarizer.readers._base import Extracted, Reader, TextBuilder
from summarizer.readers._decode import decode

__all__ = ["READER", "read", "split_front_matter"]

_FRONT = re.compile(
    r"\A\ufeff?\s*(---|\+\+\+)[^\S\n]*\n((?:[^\n]*\n){0,200}?)(?:\1|\.\.\.)[^\S\n]*(?:\n|\Z)"
)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[^\S\n]*[:=][^\S\n]*(.*?)[^\S\n]*$", re.MULTILINE)
_TASK = re.compile(r"\A\s*\[[ xX]\]\s+")
_SNIFF_SIGNS = (
    re.compile(r"^#{1,6}[^\S\n]+\S", re.M),  # ATX heading
    re.compile(r"^(?:```|~~~)", re.M),  # fence
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
    re.compile(r"^[^\S\n]*[-*+][^\S\n]+\S", re.M),  # bullet
    re.compile(r"(?:\*\*|__)\w[^\n]*?\w(?:\*\*|__)"),  # strong emphasis
    re.compile(r"^\|.*\|[^\S\n]*\n\|[-:| ]+\|", re.M),  # table
    re.compile(r"`[^`\n]+`"),  # code span
)
# What each sign cannot match without (tested first: most texts hold none of them).
_SNIFF_NEEDLES = (("#",), ("```", "~~~"), ("](",), ("-", "*", "+"), ("**", "__"), ("|",), ("`",))
_parser: Any = None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's simple ``key: value`` fields and the text after it."""
    match = _FRONT.match(text)
    if not match or not _FRONT_FIELD.search(match.group(2)):
        return {}, text
    fields = {
        key.lower(): value.strip("\"'")
        for key, value in _FRONT_FIELD.findall(match.group(2))
        if value and value not in ("|", ">")
    }
    return fields, text[match.end() :]


def _markdown_it() -> Any:
    global _parser
    if _parser is None:
        try:
            from markdown_it import MarkdownIt
        except ImportError:
            raise MissingDependencyError(
                "reading Markdown needs markdown-it-py; install it with: "
                + install_hint("markdown")
            ) from None
        _parser = MarkdownIt("commonmark").enable("table")
    return _parser


def _inline(token: Any) -> str:
    parts = []
    for child in token.children or ():
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def read(data: str | bytes, encoding: str | None = None) -> Extracted:
    """Markdown as ``str`` or ``bytes`` (see the module's rules)."""
    text = decode(data, encoding) if isinstance(data, bytes) else data
    fields, body = split_front_matter(text)
    tokens = _markdown_it().parse(body)
    builder = TextBuilder()
    containers: list[str] = []  # the open list items and quotes, innermost last
    skip_depth = 0  # inside a table
    first_heading = None
    kind = "paragraph"
    for token in tokens:
        t = token.type
        if t == "table_open":
            skip_depth += 1
        elif t == "table_close":
            skip_depth -= 1
        elif skip_depth:
            continue
        elif t == "list_item_open":
            containers.append("list_item")
        elif t == "blockquote_open":
            containers.append("quote")
        elif t in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif t == "heading_open":
            kind = "heading"
        elif t == "paragraph_open":
            kind = containers[-1] if containers else "paragraph"
        elif t == "inline":
            words = _inline(token)
            if kind == "list_item":
                words = _TASK.sub("", words)
            if kind == "heading" and first_heading is None and words.strip():
                first_heading = " ".join(words.split())
            builder.add(kind, words)
    title = fields.get("title") or first_heading
    return builder.build("markdown", title=title, metadata=fields)


def sniff(head: str) -> bool:
    """Front matter, two ATX headings, or two different Markdown signs (heading, fence,
    link, bullet, strong emphasis, table, code span)."""
    if _FRONT.match(head):
        return True
    present = [any(n in head for n in needles) for needles in _SNIFF_NEEDLES]
    if present[0] and len(_SNIFF_SIGNS[0].findall(head)) >= 2:
        return True
    if sum(present) < 2:
        return False
    found = 0
    for sign, possible in zip(_SNIFF_SIGNS, present, strict=True):
        found += possible and sign.search(head) is not None
    return found >= 2


READER = Reader("markdown", (".md", ".markdown", ".mdown", ".mkd", ".mdx"), sniff, read)
