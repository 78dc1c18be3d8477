"""Input formats: read HTML, Markdown, reStructuredText, e-mail or plain text into plain text.

Every reader returns an :class:`Extracted`: the plain text that a summary's
offsets index, its structural :class:`Block` spans, the format's name, a title
and metadata. Plain text comes back unchanged (its structure only as blocks);
the other formats come back as their extracted text, one block per heading,
paragraph, list item or quote, separated by a blank line, without markup, code,
tables, headers or boilerplate. The rules of each format are in its module's
docstring. Readers are looked up in a registry (name, extensions, sniffer,
reader); optional dependencies are imported only when their format is read.
"""

from __future__ import annotations

import os

from summarizer.errors import InvalidInputError, InvalidOptionError
from summarizer.readers import html, mail, markdown, plain, rst
from summarizer.readers._base import (
    KINDS,
    Block,
    Extracted,
    Reader,
    join_lines,
    register,
    registry,
)
from summarizer.readers._decode import check_not_binary

# Sniffing order: the most distinctive formats first; plain text (no sniffer) is the fallback.
for _module in (html, mail, rst, markdown, plain):
    register(_module.READER)

__all__ = [
    "FORMATS",
    "KINDS",
    "Block",
    "Extracted",
    "Reader",
    "detect_format",
    "join_lines",
    "read",
    "register",
]

#: Names accepted by ``format=``, besides "auto".
FORMATS: tuple[str, ...] = tuple(registry())
_SNIFF_CHARS = 8192


def _head(data: str | bytes) -> str:
    if isinstance(data, bytes):
        head = data[:_SNIFF_CHARS]
        for bom, codec in (
            (b"\xef\xbb\xbf", "utf-8"),
            (b"\xff\xfe", "utf-16"),
            (b"\xfe\xff", "utf-16"),
        ):
            if head.startswith(bom):
                return head.decode(codec, errors="ignore").lstrip("\ufeff")
        return head.decode("utf-8", errors="replace")
    return data[:_SNIFF_CHARS].lstrip("\ufeff")


def detect_format(data: str | bytes, name: str | None = None) -> str:
    """The format of ``data``: by the file name's extension first, then by its content.

    Sniffers run in registry order (HTML, e-mail, reST, Markdown); a text none
    of them claims is plain text.
    """
    if name:
        extension = os.path.splitext(str(name).lower())[1]
        for reader in registry().values():
            if extension in reader.extensions:
                return reader.name
    head = _head(data)
    for reader in registry().values():
        if reader.sniff is not None and reader.sniff(head):
            return reader.name
    return next(r.name for r in registry().values() if r.sniff is None)


def read(
    data: str | bytes,
    format: str = "auto",
    *,
    name: str | None = None,
    encoding: str | None = None,
) -> Extracted:
    """Read ``data`` (``str``, or ``bytes`` decoded by ``encoding`` or the format's rules).

    ``format`` is one of :data:`FORMATS` or "auto" (see :func:`detect_format`;
    ``name`` is a file name or URL whose extension may tell the format).
    Raises :class:`~summarizer.errors.InvalidDocumentError` when the input cannot
    be read in its format, and :class:`~summarizer.errors.MissingDependencyError`
    when the format's optional dependency is not installed.
    """
    if not isinstance(data, (str, bytes)):
        raise InvalidInputError(f"expected str or bytes, got {type(data).__name__}")
    readers = registry()
    if format == "auto":
        if isinstance(data, bytes) and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            check_not_binary(data)  # before a sniffer reads binary as text
        format = detect_format(data, name)
    elif format not in readers:
        raise InvalidOptionError(
            f"format must be 'auto' or one of {', '.join(readers)}; got {format!r}"
        )
    return readers[format].read(data, encoding)
