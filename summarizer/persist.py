"""Saved state: a summarizer's options and fitted IDF as versioned plain JSON; never pickle.

The format: ``{"format": "summarizer", "version": 2, "options": {...}, "frequencies": null |
{"version": 1, "n_documents": N, "document_frequencies": {term: count}}}``, gzip-compressed
when the file name ends in ``.gz``. Version 1 files (which listed every method's options) are
read too. Files are written atomically and byte-for-byte reproducibly, and only ever replace
a regular file. Reading is bounded: at most ``MAX_STATE_BYTES`` are read from the file and at
most that many are inflated from it, a FIFO or device is refused without blocking, and every
malformed file (bad gzip, bad UTF-8, bad or deeply nested JSON, wrong fields, absurd counts)
raises ``InvalidFileError``.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import stat
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeGuard

from summarizer.errors import InvalidFileError
from summarizer.vectorize import DocumentFrequencies

__all__ = [
    "MAX_STATE_BYTES",
    "STATE_FORMAT",
    "STATE_VERSION",
    "check_version",
    "frequencies_from_dict",
    "frequencies_to_dict",
    "read_state",
    "write_state",
]

STATE_FORMAT = "summarizer"  # the marker of a saved Summarizer
STATE_VERSION = 2
FREQUENCIES_VERSION = 1
MAX_STATE_BYTES = 256 * 2**20  # read at most this much, compressed and inflated alike
_MAX_COUNT = 2**53  # counts above this are not counts of documents (and overflow floats)


def check_version(version: object, newest: int, bad: Callable[[str], InvalidFileError]) -> int:
    """``version`` if it is a format version this code reads, else raise ``bad(why)``."""
    if not _is_count(version) or version < 1:
        raise bad("no valid format version")
    if version > newest:
        raise bad(
            f"format version {version} is newer than this summarizer reads ({newest}); "
            "upgrade summarizer"
        )
    return version


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_COUNT


def frequencies_to_dict(frequencies: DocumentFrequencies) -> dict[str, Any]:
    """JSON-ready document frequencies: a version, ``n_documents`` and each term's count, sorted."""
    counts = frequencies.counts
    return {
        "version": FREQUENCIES_VERSION,
        "n_documents": frequencies.n_documents,
        "document_frequencies": {t: counts[t] for t in sorted(counts) if counts[t]},
    }


def frequencies_from_dict(data: object) -> DocumentFrequencies:
    """Document frequencies from ``frequencies_to_dict`` output; InvalidFileError if not such."""

    def bad(why: str) -> InvalidFileError:
        return InvalidFileError(f"not valid document frequencies: {why}")

    if not isinstance(data, dict):
        raise bad(f"expected an object, not {type(data).__name__}")
    check_version(data.get("version"), FREQUENCIES_VERSION, bad)
    n = data.get("n_documents")
    if not _is_count(n):
        raise bad(f"n_documents must be an integer in [0, 2**53], not {n!r:.40}")
    terms = data.get("document_frequencies")
    if not isinstance(terms, dict):
        raise bad("document_frequencies must be an object of term -> count")
    for term, df in terms.items():
        if not _is_count(df) or df > n:
            raise bad(f"term {term!r:.40} has count {df!r:.40}; counts are integers in [0, n]")
    return DocumentFrequencies(n_documents=n, counts=Counter(terms))


def encode_state(state: dict[str, Any], compress: bool) -> bytes:
    """The bytes of a state file: indented JSON, gzip-compressed (with a zero mtime) if asked."""
    data = json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8")
    return gzip.compress(data, mtime=0) if compress else data


def write_state(path: str | os.PathLike[str], state: dict[str, Any]) -> None:
    """Write ``state`` to ``path`` atomically (gzip if it ends in .gz).

    Only a regular file (or nothing) may be at ``path``: a FIFO, a device, a directory or a
    socket is refused with InvalidFileError, never replaced. The new file keeps the mode of
    the one it replaces, else 0644 (readable by workers under other accounts).
    """
    path = os.fspath(path)
    mode = 0o644
    try:
        info = os.stat(path)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            raise InvalidFileError(f"{path}: not a regular file; refusing to replace it")
        mode = stat.S_IMODE(info.st_mode)
    data = encode_state(state, path.endswith(".gz"))
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".summarizer-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _read_bounded(path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; InvalidFileError for anything else or more."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO without a writer does not hang
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InvalidFileError(f"{path}: not a regular file")
        if info.st_size > limit:
            raise InvalidFileError(f"{path}: larger than {limit:,} bytes; not a saved summarizer")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InvalidFileError(f"{path}: larger than {limit:,} bytes; not a saved summarizer")
    return data


def _inflate(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data`` to at most ``limit`` bytes (a gzip bomb stops at the limit)."""
    inflater = zlib.decompressobj(wbits=31)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise ValueError(f"it inflates to more than {limit:,} bytes")
    if not inflater.eof:
        raise ValueError("truncated gzip data")
    return out


def read_state(path: str | os.PathLike[str], limit: int = MAX_STATE_BYTES) -> object:
    """The JSON value in a state file (gzip or not), read within ``limit`` bytes.

    Raises OSError if the file cannot be opened, InvalidFileError if it is not a regular
    file, too large, or not JSON.
    """
    path = os.fspath(path)
    data = _read_bounded(path, limit)
    try:
        if data[:2] == b"\x1f\x8b":
            data = _inflate(data, limit)
        return json.loads(data.decode("utf-8"))
    except (ValueError, zlib.error, RecursionError) as exc:  # JSON and Unicode errors too
        why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InvalidFileError(f"{path}: not a saved summarizer ({why:.200})") from None
