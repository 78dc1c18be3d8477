"""The readers' shared model: blocks, the extracted document, the registry, a text builder.

Kept apart from the package's ``__init__`` so that each reader module can import it
without importing the other readers (and their optional dependencies).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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

    def kind_at(self, position: int) -> str:
        """The kind of the block holding ``position``, or "prose" outside every block."""
        from bisect import bisect_right

        i = bisect_right([b.start for b in self.blocks], position) - 1
        if i >= 0 and position < self.blocks[i].end:
            return self.blocks[i].kind
        return "prose"


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
    """Accumulates blocks of extracted text, separated by a blank line."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(self, kind: str, text: str) -> None:
        """Append one block (whitespace collapsed); a block without a letter or digit is dropped."""
        text = join_lines(text)
        if not any(c.isalnum() for c in text):
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        self._parts.append(text)
        self._blocks.append(Block(self._length, self._length + len(text), kind))
        self._length += len(text)

    def __len__(self) -> int:
        return len(self._blocks)

    def build(
        self, format: str, title: str | None = None, metadata: Mapping[str, str] | None = None
    ) -> Extracted:
        return Extracted(
            text="".join(self._parts),
            blocks=tuple(self._blocks),
            format=format,
            title=title,
            metadata=MappingProxyType(dict(metadata or {})),
        )
