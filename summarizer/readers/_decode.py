"""Bytes to text: a byte-order mark, the given or declared encoding, UTF-8, then cp1252."""

from __future__ import annotations

import codecs

from summarizer.errors import InvalidDocumentError, InvalidOptionError

__all__ = ["check_not_binary", "decode", "decode_with"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, line feed, form feed and carriage return (and ESC, seen in
# terminal captures): text has almost none, binary formats are full of them.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_SAMPLE = 4096


def check_not_binary(data: bytes) -> None:
    """Raise :class:`InvalidDocumentError` if the first 4 KB look like binary data.

    A NUL byte, or more than 1 % control characters, is not text in any
    single-byte or UTF-8 encoding (UTF-16/32 text has a byte-order mark and is
    decoded before this check is needed).
    """
    head = data[:_SAMPLE]
    if b"\x00" in head or len(head.translate(None, _CONTROL)) < len(head) * 0.99:
        raise InvalidDocumentError("the input is binary data, not text")


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InvalidOptionError(f"unknown encoding: {name!r}") from None


def decode(data: bytes, encoding: str | None = None, declared: str | None = None) -> str:
    """The text of ``data`` (see :func:`decode_with`)."""
    return decode_with(data, encoding, declared)[0]


def decode_with(
    data: bytes, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str]:
    """The text of ``data`` and the codec used.

    A byte-order mark wins, then ``encoding`` (the caller's, strict), then
    ``declared`` (the document's own claim, used if it decodes), then UTF-8, then
    cp1252 with undefined bytes replaced (the usual mislabelled Windows text).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InvalidDocumentError(f"the input is not valid {name}") from None
    if encoding is not None:
        codec = _codec(encoding)
        check_not_binary(data)
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as error:
            raise InvalidDocumentError(
                f"the input is not valid {encoding} (byte {error.start})"
            ) from None
    check_not_binary(data)
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back as if there were none
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"
