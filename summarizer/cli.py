"""Command line tool: ``summarizer [FILE ...]``; a thin layer over the API.

Exit status: 0 on success, 1 when an input cannot be read or summarized,
2 on a usage error, 130 on Ctrl-C, 141 when the reader of stdout goes away
(`| head -1`). Every error is one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from summarizer import __version__
from summarizer.api import DEFAULT_MAX_CHARS, DEFAULT_METHOD, METHODS, Summarizer, Summary
from summarizer.errors import SummarizerError
from summarizer.select import DEFAULT_SENTENCES, ORDERS
from summarizer.text import LANGUAGES

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141


class InputError(Exception):
    """An input that cannot be read as text; its message names the input."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], not {value!r}")
    return number


def _encoding(value: str) -> str:
    try:
        name = codecs.lookup(value).name
        b" ".decode(name)  # LookupError for codecs that are not text encodings (base64, rot13)
    except UnicodeError:
        pass
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown text encoding {value!r}; e.g. utf-8, cp1252, latin-1, utf-16"
        ) from None
    return name


def _max_chars(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarizer",
        description="Summarize text files (or standard input) by extracting their key sentences.",
        epilog="Exit status: 0 success, 1 bad input, 2 usage error, 130 Ctrl-C, 141 closed pipe.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="text files to summarize; '-' or none reads standard input",
    )
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "-n",
        "--sentences",
        type=_positive_int,
        metavar="N",
        help=f"number of sentences (default {DEFAULT_SENTENCES})",
    )
    budget.add_argument(
        "-r", "--ratio", type=_ratio, metavar="R", help="fraction of the sentences, in (0, 1]"
    )
    budget.add_argument(
        "-w",
        "--words",
        type=_positive_int,
        metavar="W",
        help="at most W words (the best sentence is kept even if longer)",
    )
    budget.add_argument(
        "-c",
        "--chars",
        type=_positive_int,
        metavar="C",
        help="at most C characters (the best sentence is kept even if longer)",
    )
    parser.add_argument(
        "-m",
        "--method",
        choices=METHODS,
        default=DEFAULT_METHOD,
        help=f"scoring method (default {DEFAULT_METHOD})",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default="english",
        help="language of the text (default english)",
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="document",
        help="print sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one sentence per line; json: sentences with scores, offsets and timings",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="encoding of the input files (default utf-8)",
    )
    parser.add_argument(
        "--max-chars",
        type=_max_chars,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse inputs longer than N characters; 0 for no limit "
        f"(default {DEFAULT_MAX_CHARS:,})",
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="print per-stage timings to stderr (always in json output)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _name(name: str) -> str:
    """A file name fit for a one-line message (control characters escaped)."""
    return name if name.isprintable() else ascii(name)


def _read_bytes(name: str, limit: int | None) -> bytes | None:
    """The bytes of a file or of stdin ('-'), None if over ``limit``; raises InputError."""
    size = -1 if limit is None else limit + 1
    label = _name(name)
    try:
        if name == "-":
            if sys.stdin is None:
                raise InputError("standard input is closed; name a file to summarize")
            data = sys.stdin.buffer.read(size)
            return None if limit is not None and len(data) > limit else data
        if os.path.isdir(name):
            raise InputError(f"{label}: is a directory")
        with open(name, "rb") as handle:
            if limit is not None and os.fstat(handle.fileno()).st_size > limit:
                return None  # too large: refuse at once, without reading it
            data = handle.read(size)
            return None if limit is not None and len(data) > limit else data
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read: {exc.strerror or exc}") from None


def read_text(name: str, encoding: str, max_chars: int | None) -> str:
    """The decoded text of a file, or of stdin for '-'; raises InputError with a clear message.

    Refused: inputs over ``max_chars`` characters (without reading much more than
    that), directories, unreadable files, binary data (NUL bytes in an 8-bit
    encoding) and bytes that are not valid in ``encoding``; each message names
    the option that helps.
    """
    limit = None if max_chars is None else 4 * max_chars + 4  # no encoding uses > 4 bytes a char
    data = _read_bytes(name, limit)
    label = "standard input" if name == "-" else _name(name)
    too_large = InputError(
        f"{label}: longer than --max-chars {max_chars:,} characters; raise the limit "
        "(0 for none) to summarize it anyway"
    )
    if data is None:
        raise too_large
    wide = encoding.startswith(("utf-16", "utf-32"))
    if not wide and b"\x00" in data:
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
        raise too_large
    return text


def _print_timings(label: str, summary: Summary) -> None:
    parts = ", ".join(f"{k} {v * 1000:.3f}" for k, v in summary.timings.items())
    print(f"{label}: timings (ms): {parts}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    max_chars = args.max_chars or None
    summarizer = Summarizer(
        method=args.method, language=args.language, order=args.order, max_chars=max_chars
    )
    sources = args.files or ["-"]
    several = len(sources) > 1
    as_json = args.format == "json"
    # Escape non-ASCII in JSON unless stdout is UTF-8, so the output always parses.
    ascii_only = codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name != "utf-8"
    status = EXIT_OK
    written = 0
    out = sys.stdout
    if as_json and several:
        out.write("[")
    for name in sources:
        label = "<stdin>" if name == "-" else name
        try:
            text = read_text(name, args.encoding, max_chars)
            summary = summarizer.summarize(
                text, args.sentences, ratio=args.ratio, words=args.words, chars=args.chars
            )
        except (InputError, SummarizerError) as exc:
            message = str(exc) if isinstance(exc, InputError) else f"{label}: {exc}"
            print(f"summarizer: error: {message}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        if args.timings:
            _print_timings(label, summary)
        if as_json:
            record: dict[str, Any] = {"source": label, **summary.to_dict()}
            if several:
                out.write(",\n" if written else "\n")
            out.write(json.dumps(record, ensure_ascii=ascii_only))
            if not several:
                out.write("\n")
        else:
            if several:
                out.write(f"{chr(10) if written else ''}==> {label} <==\n")
            body = str(summary)
            out.write(body + "\n" if body else "")
        written += 1
        out.flush()
    if as_json and several:
        out.write("\n]\n" if written else "]\n")
    out.flush()
    return status


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``summarizer`` command; returns the exit status.

    Never a traceback: Ctrl-C exits 130, a closed pipe (``| head -1``) exits
    141 quietly, and an unexpected failure is one line on stderr with status 1.
    """
    if sys.stdout is None:
        print("summarizer: error: standard output is closed", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Text that the terminal's encoding cannot show is escaped, not a crash.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        args = build_parser().parse_args(argv)
        return run(args)
    except KeyboardInterrupt:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            _silence_stdout()
        return EXIT_INTERRUPT
    except BrokenPipeError:
        # The reader went away (e.g. `| head -1`): stop quietly, as Unix tools do.
        _silence_stdout()
        return EXIT_PIPE
    except MemoryError:
        print("summarizer: error: out of memory; try a smaller input", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # a bug: still one line, never a traceback
        print(
            f"summarizer: error: internal error ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        return EXIT_INPUT
