"""reStructuredText, parsed with docutils, as blocks of plain text.

Rules
- Parsed with file inclusion and raw passthrough disabled and every report
  silenced (a text with Sphinx-only roles and directives still reads).
- Section titles are "heading" blocks; paragraphs "paragraph"; inside a list
  item "list_item", inside a block quote "quote". Line blocks (verse) and the
  paragraphs of definitions and admonitions (``.. note::``) are paragraphs.
- Not text: literal and code blocks, doctest blocks, tables, comments, field
  lists and option lists, footnotes and citations, substitution definitions,
  targets, images and figures, math, raw blocks, and any unknown directive
  with its content (``.. toctree::``, ``.. automodule::``).
- Inline markup: emphasis and literals keep their words; a reference keeps its
  text and drops its target; footnote references are dropped; an unknown role
  such as ``:ref:`text <target>``` keeps "text" (``:func:`name``` keeps "name").
- A field list before the first paragraph (``:Author: ...``) goes to
  ``metadata``; the title is the first section title.
"""

from __future__ import annotations

import io
import re
from typing import Any

from summarizer.errors import MissingDependencyError, install_hint
from summarizer.readers._base import Extracted, Reader, TextBuilder
from summarizer.readers._decode import decode

__all__ = ["READER", "read"]

_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "doctitle_xform": False,
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "syntax_highlight": "none",
    "_disable_config": True,
    "input_encoding": "unicode",
    "language_code": "en",
}
_DROPPED = frozenset(
    {
        "literal_block",
        "doctest_block",
        "table",
        "comment",
        "field_list",
        "option_list",
        "footnote",
        "citation",
        "substitution_definition",
        "target",
        "image",
        "figure",
        "math_block",
        "raw",
        "system_message",
        "docinfo",
        "footnote_reference",
        "citation_reference",
        "label",
        "pending",
        "meta",
        "topic",
        "sidebar",
        "rubric",
    }
)
_CONTAINERS = {"list_item": "list_item", "block_quote": "quote"}
_ROLE = re.compile(r":[\w:.+-]+:`([^`<]*?)\s*(?:<[^>`]*>)?`_{0,2}")
_SNIFF_SIGNS = (
    re.compile(r"^\.\. [\w:-]+::", re.M),  # directive
    re.compile(r"^\.\. _[^:\n]+:", re.M),  # target
    re.compile(r"^([=\-~^\"'`#*+])\1{2,}[^\S\n]*\n[^\n]+\n\1{3,}[^\S\n]*$", re.M),  # overline
    re.compile(r":[a-z]+:`[^`\n]+`"),  # role
    re.compile(r"``[^`\n]+``"),  # inline literal
    re.compile(r"`[^`\n]+`_"),  # named reference
)


def _docutils() -> Any:
    try:
        from docutils.core import publish_doctree
    except ImportError:
        raise MissingDependencyError(
            f"reading reStructuredText needs docutils; install it with: {install_hint('rst')}"
        ) from None
    return publish_doctree


def _inline(node: Any) -> str:
    name = node.tagname
    if name == "#text":
        return str(node)
    if name in _DROPPED:
        return ""
    if name == "problematic":  # an unknown role, left as its source
        return _ROLE.sub(r"\1", node.astext())
    return "".join(_inline(child) for child in node.children)


def _walk(node: Any, builder: TextBuilder, container: str | None, fields: dict) -> None:
    for child in node.children:
        name = child.tagname
        if name in _DROPPED:
            if name == "field_list" and not fields.get("_seen_paragraph"):
                for field in child.children:
                    if len(field.children) == 2:
                        fields[field[0].astext().strip().lower()] = " ".join(
                            field[1].astext().split()
                        )
            continue
        if name in ("title", "subtitle"):
            builder.add("heading", _inline(child))
        elif name in ("paragraph", "line_block"):
            fields["_seen_paragraph"] = "yes"
            builder.add(container or "paragraph", _inline(child))
        elif name == "#text":
            continue
        else:
            _walk(child, builder, _CONTAINERS.get(name, container), fields)


def read(data: str | bytes, encoding: str | None = None) -> Extracted:
    """reStructuredText as ``str`` or ``bytes`` (see the module's rules)."""
    text = decode(data, encoding) if isinstance(data, bytes) else data
    publish_doctree = _docutils()
    settings = dict(_SETTINGS, warning_stream=io.StringIO())
    document = publish_doctree(text, settings_overrides=settings)
    builder = TextBuilder()
    fields: dict[str, str] = {}
    _walk(document, builder, None, fields)
    fields.pop("_seen_paragraph", None)
    extracted = builder.build("rst")
    title = fields.get("title")
    for block in extracted.blocks:
        if block.kind == "heading":
            title = title or extracted.text[block.start : block.end]
            break
    return builder.build("rst", title=title, metadata=fields)


# A title underlined with a character Markdown does not use for headings, at least as long
# as the title (as reST requires; a Markdown fence closing after a code line is shorter).
_UNDERLINE_LIKE = re.compile(r"\n([=\-~^\"'`#*+:.])\1\1")  # a line of one sign, or an overline
_UNDERLINED = re.compile(r"^(\S[^\n]*?)[^\S\n]*\n([~^\"'`#*+:.])\2{2,}[^\S\n]*$", re.M)
_MARKDOWN_FRONT = re.compile(r"\A\ufeff?\s*(?:---|\+\+\+)[^\S\n]*\n")


def sniff(head: str) -> bool:
    """A directive, a target, an overlined title or a title underlined with a character
    only reST uses (``~^"'`#*+:.``, at least as long as the title), or two other signs;
    never a text that opens with Markdown front matter."""
    if _MARKDOWN_FRONT.match(head):
        return False
    if "`" not in head and ".. " not in head and not _UNDERLINE_LIKE.search(head):
        return False  # every sign needs one of these (most prose has none)
    signs = [bool(sign.search(head)) for sign in _SNIFF_SIGNS]
    if any(signs[:3]):
        return True
    for match in _UNDERLINED.finditer(head):
        underline = match.group(0).split("\n", 1)[1].strip()
        if len(underline) >= len(match.group(1)):
            return True
    return sum(signs) >= 2


READER = Reader("rst", (".rst", ".rest"), sniff, read)
