"""Reading the command line's inputs: files or stdin as text, and JSON Lines records.

Every failure is an ``InputError`` whose message names the input and, where one helps, the
option to pass (``--encoding``, ``--max-chars``, ``--text-field``).
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from summarizer import readers
from summarizer.errors import SummarizerError

__all__ = [
    "Input",
    "InputError",
    "JsonlFields",
    "display_name",
    "is_url",
    "read_files",
    "read_jsonl",
    "read_text",
]


class InputError(Exception):
    """An input that cannot be read as text; its message names the input."""


@dataclass(frozen=True)
class JsonlFields:
    """Where a JSON Lines record keeps its text and its id."""

    text: str = "text"
    id: str = "id"
    group: str | None = None  # records with equal values in a row are one multi-document input


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def display_name(name: str) -> str:
    """A file name fit for a one-line message (control characters escaped)."""
    return name if name.isprintable() else ascii(name)


@contextmanager
def _opened(name: str) -> Iterator[BinaryIO]:
    """A file, or stdin for '-', open for binary reading; an OSError becomes an InputError."""
    label = display_name(name)
    try:
        if name == "-":
            if sys.stdin is None:
                raise InputError("standard input is closed; name a file to summarize")
            yield sys.stdin.buffer
            return
        if os.path.isdir(name):
            raise InputError(f"{label}: is a directory")
        with open(name, "rb") as handle:
            yield handle
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read: {exc.strerror or exc}") from None


def _read_bytes(name: str, limit: int | None) -> bytes | None:
    """The bytes of a file or of stdin ('-'), None if over ``limit``; raises InputError."""
    with _opened(name) as handle:
        if limit is not None and name != "-" and os.fstat(handle.fileno()).st_size > limit:
            return None  # too large: refuse at once, without reading it
        data = handle.read(-1 if limit is None else limit + 1)
    return None if limit is not None and len(data) > limit else data


def read_text(name: str, encoding: str, max_chars: int | None) -> str:
    """The decoded text of a file, or of stdin for '-' (see ``decode_text``)."""
    limit = None if max_chars is None else 4 * max_chars + 4  # no encoding uses > 4 bytes a char
    data = _read_bytes(name, limit)
    return decode_text(data, name, encoding, max_chars)


def decode_text(data: bytes | None, name: str, encoding: str, max_chars: int | None) -> str:
    """The text of ``data`` read from ``name`` (None: it was over the size limit); raises
    InputError with a clear message.

    Refused: inputs over ``max_chars`` characters (without reading much more than
    that), directories, unreadable files, binary data (NUL bytes in an 8-bit
    encoding) and bytes that are not valid in ``encoding``; each message names
    the option that helps.
    """
    label = "standard input" if name == "-" else display_name(name)
    if data is None:
        raise _too_large(label, max_chars)  # type: ignore[arg-type]
    if not encoding.startswith(("utf-16", "utf-32")) and b"\x00" in data:
        bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
        if bom:
            raise InputError(f"{label}: looks like {bom.upper()} text; pass --encoding {bom}")
        raise InputError(
            f"{label}: looks like a binary file (it contains NUL bytes); if it is "
            "text in another encoding, pass --encoding"
        )
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        other = "latin-1" if encoding == "cp1252" else "cp1252"
        raise InputError(
            f"{label}: not valid {encoding} (byte 0x{byte} at offset {exc.start}); "
            f"pass --encoding, e.g. --encoding {other}"
        ) from None
    except UnicodeError as exc:  # other codec failures, e.g. idna
        raise InputError(f"{label}: cannot decode as {encoding}: {exc}; pass --encoding") from None
    if max_chars is not None and len(text) > max_chars:
        raise _too_large(label, max_chars)
    return text


def _too_large(label: str, max_chars: int) -> InputError:
    return InputError(
        f"{label}: longer than --max-chars {max_chars:,} characters; raise the limit "
        "(0 for none) to summarize it anyway"
    )


Input = str | readers.Extracted


def read_files(
    sources: Sequence[str], encoding: str, max_chars: int | None, input_format: str = "text"
) -> Iterator[tuple[str, Input | InputError]]:
    """(label, input or the error met) per source, lazily: plain text as a ``str`` (the API
    reads it), any other format, and every URL, read here as ``readers.Extracted``, so that a
    file's extension decides its format before its content does."""
    for name in sources:
        label = "<stdin>" if name == "-" else display_name(name)
        try:
            if is_url(name):
                yield label, _read_url(name, max_chars, input_format)
            else:
                yield label, _read_file(name, encoding, max_chars, input_format)
        except InputError as exc:
            yield label, exc
        except SummarizerError as exc:  # the document cannot be read in its format
            yield label, InputError(f"{label}: {exc}")


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _read_url(url: str, max_chars: int | None, input_format: str) -> readers.Extracted:
    from summarizer.readers import url as fetcher

    cap = fetcher.MAX_BYTES if max_chars is None else 4 * max_chars + 4
    return fetcher.read_url(url, max_bytes=cap, format=input_format)


def _read_file(name: str, encoding: str, max_chars: int | None, input_format: str) -> Input:
    limit = None if max_chars is None else 4 * max_chars + 4
    data = _read_bytes(name, limit)
    fmt = input_format
    if fmt == "auto" and data is not None:
        fmt = readers.detect_format(data, None if name == "-" else name)
    if fmt in ("html", "email") and data is not None:
        given = None if encoding == "utf-8" else encoding  # else the document declares its own
        return readers.read(data, fmt, encoding=given)
    text = decode_text(data, name, encoding, max_chars)
    if fmt in ("auto", "text") and readers.detect_format(text) == "text":
        return text  # the API reads it as plain text, in its worker if there are several
    return readers.read(text, "text" if fmt == "auto" else fmt)


def _lines(handle: BinaryIO, limit: int | None) -> Iterator[bytes | None]:
    """The lines of a binary file, None for one longer than ``limit`` bytes (skipped unread)."""
    size = -1 if limit is None else limit + 1
    while True:
        line = handle.readline(size)
        if not line:
            return
        if limit is not None and len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _parse_record(line: bytes, first: bool, encoding: str, fields: JsonlFields) -> tuple[str, dict]:
    """The text of one JSON Lines record and the fields to copy; ValueError says what is wrong."""
    try:
        decoded = line.decode("utf-8-sig" if first and encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not valid {encoding} (byte 0x{line[exc.start : exc.start + 1].hex()} "
            f"at column {exc.start + 1}); pass --encoding"
        ) from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, not {_json_type(record)}")
    if fields.text not in record:
        raise ValueError(f'no "{fields.text}" field; name the text field with --text-field')
    text = record[fields.text]
    if not isinstance(text, str):
        raise ValueError(f'"{fields.text}" is {_json_type(text)}, not a string')
    copied = {"id": record[fields.id]} if fields.id in record else {}
    if fields.group is not None:
        copied["group"] = record.get(fields.group)
    return text, copied


def read_jsonl(
    sources: Sequence[str], encoding: str, max_chars: int | None, fields: JsonlFields
) -> Iterator[tuple[dict, str | InputError]]:
    """(output fields, text or error) per non-blank line of each JSON Lines input, lazily."""
    # A JSON string escapes a character in at most 12 bytes; the text's own limit applies later.
    limit = None if max_chars is None else 12 * max_chars + (1 << 20)
    for name in sources:
        label = "<stdin>" if name == "-" else name
        try:
            yield from _jsonl_records(name, label, encoding, limit, max_chars, fields)
        except InputError as exc:  # the input could not be opened
            yield {"source": label}, exc


def _jsonl_records(
    name: str,
    label: str,
    encoding: str,
    limit: int | None,
    max_chars: int | None,
    fields: JsonlFields,
) -> Iterator[tuple[dict, str | InputError]]:
    shown = display_name(label)  # for messages; the records keep the name as it is
    with _opened(name) as handle:
        number = 0
        try:
            for number, line in enumerate(_lines(handle, limit), 1):
                where = {"source": label, "line": number}
                if line is None:
                    error = InputError(f"{shown}:{number}: line longer than --max-chars allows")
                    yield where, error
                    continue
                if not line.strip():
                    continue
                try:
                    text, copied = _parse_record(line, number == 1, encoding, fields)
                except ValueError as exc:
                    yield where, InputError(f"{shown}:{number}: {exc}")
                    continue
                if max_chars is not None and len(text) > max_chars:
                    yield where, _too_large(f"{shown}:{number}", max_chars)
                    continue
                yield {**where, **copied}, text
        except OSError as exc:
            where = {"source": label, "line": number + 1}
            yield where, InputError(f"{shown}:{number + 1}: cannot read: {exc.strerror or exc}")
