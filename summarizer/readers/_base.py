"""The readers' shared model: blocks, the extracted document, the registry, a text builder.

Kept apart from the package's ``__init__`` so that each reader module can import it
without importing the other readers (and their optional dependencies).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

__all__ = ["KINDS", "Block", "Extracted", "Reader", "TextBuilder", "register", "registry"]

#: The kinds of block a reader reports. "skip" marks text that must never be a
#: summary candidate (boilerplate, tables of contents, front matter, synopses).
KINDS = ("heading", "paragraph", "list_item", "quote", "skip")


@dataclass(frozen=True)
class Block:
    """A structural span ``text[start:end]`` of an :class:`Extracted` text."""

    start: int
    end: int
    kind: str  # one of KINDS


@dataclass(frozen=True)
class Extracted:
    """A document read in its format: the plain text the summary's offsets index.

    ``blocks`` are in order and do not overlap; text outside every block is
    ordinary prose. For ``format="text"`` the text is the input string itself.
    """

    text: str
    blocks: tuple[Block, ...]
    format: str
    title: str | None = None
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def _starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def kind_at(self, position: int) -> str:
        """The kind of the block holding ``position``, or "prose" outside every block."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0 and position < self.blocks[i].end:
            return self.blocks[i].kind
        return "prose"

    def kinds(self, spans: Iterable[tuple[int, int]]) -> list[str]:
        """The kind of each sentence span: that of the block holding its first
        non-space character ("prose" outside every block). A summarizer leaves out
        "heading" and "skip" sentences from its candidates."""
        text = self.text
        out = []
        for start, end in spans:
            while start < end and text[start].isspace():
                start += 1
            out.append(self.kind_at(start))
        return out


@dataclass(frozen=True)
class Reader:
    """One input format: its name, file extensions, a sniffer and a reader.

    ``sniff(head)`` gets the first characters of a text (decoded leniently) and
    says whether the text looks like this format (``None``: never sniffed, the
    fallback format); ``read(data, encoding)`` gets
    the ``str`` or ``bytes`` input and returns an :class:`Extracted`.
    """

    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool] | None
    read: Callable[[str | bytes, str | None], Extracted]


_REGISTRY: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    """Add a reader; sniffers run in registration order, so register specific formats first."""
    _REGISTRY[reader.name] = reader
    return reader


def registry() -> Mapping[str, Reader]:
    """The registered readers by name, in sniffing order (read-only)."""
    return MappingProxyType(_REGISTRY)


_SPACE = re.compile(r"\s+")
# A space left before a full stop or comma where inline markup (a footnote mark) was dropped.
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,](?:\s|$))")
# A line-end hyphen between two lower-case letters: "after-\nlecture".
_WRAPPED_HYPHEN = re.compile(r"(?<=[^\W\d_])-[^\S\n]*\n\s*(?=[^\W\d_])")


def join_lines(text: str) -> str:
    """One line of text from hard-wrapped lines: breaks and runs of space become one space.

    A hyphen at a line end between two letters ("after-\\nlecture") joins the two
    words without a space and keeps the hyphen ("after-lecture"): without a
    dictionary, dropping it would turn compounds into non-words, keeping the
    break would leave "after- lecture".
    """
    text = _SPACE_BEFORE_STOP.sub("", _WRAPPED_HYPHEN.sub("-", text))
    return _SPACE.sub(" ", text).strip()


class TextBuilder:
    """Accumulates blocks of extracted text; ``build`` joins them with a blank line.

    ``build`` leaves boilerplate out (see :mod:`summarizer.readers.boilerplate`):
    Project Gutenberg's header and footer, licence notices and licence sections.
    """

    def __init__(self) -> None:
        self._blocks: list[tuple[str, str]] = []

    def add(self, kind: str, text: str) -> None:
        """Append one block (whitespace collapsed); a block without a letter or digit is dropped."""
        text = join_lines(text)
        if any(c.isalnum() for c in text):
            self._blocks.append((kind, text))

    def __len__(self) -> int:
        return len(self._blocks)

    def _kept(self) -> list[tuple[str, str]]:
        from summarizer.readers import boilerplate

        blocks = self._blocks
        for i, (_, text) in enumerate(blocks):
            if boilerplate.GUTENBERG_START.search(text):
                blocks = blocks[i + 1 :]
                break
        for i, (_, text) in enumerate(blocks):
            if boilerplate.GUTENBERG_END.search(text):
                blocks = blocks[:i]
                break
        kept = []
        in_licence = False
        for kind, text in blocks:
            if kind == "heading":
                in_licence = boilerplate.is_licence_heading(text)
            if not in_licence and not boilerplate.is_licence(text):
                kept.append((kind, text))
        return kept

    def build(
        self, format: str, title: str | None = None, metadata: Mapping[str, str] | None = None
    ) -> Extracted:
        parts: list[str] = []
        blocks: list[Block] = []
        length = 0
        for kind, text in self._kept():
            if parts:
                parts.append("\n\n")
                length += 2
            parts.append(text)
            blocks.append(Block(length, length + len(text), kind))
            length += len(text)
        return Extracted(
            text="".join(parts),
            blocks=tuple(blocks),
            format=format,
            title=title,
            metadata=MappingProxyType(dict(metadata or {})),
        )
