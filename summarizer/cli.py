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
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, BinaryIO, NoReturn

from summarizer import __version__
from summarizer.api import DEFAULT_MAX_CHARS, DEFAULT_METHOD, METHODS, Summarizer, Summary
from summarizer.batch import summarize_many
from summarizer.errors import SummarizerError
from summarizer.select import DEFAULT_SENTENCES, ORDERS
from summarizer.text import LANGUAGES

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141


class InputError(Exception):
    """An input that cannot be read as text; its message names the input."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _int_at_least(low: int, what: str):
    """An argparse type: an integer >= ``low``, called ``what`` in the error."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if number < low:
            raise argparse.ArgumentTypeError(f"must be a {what} integer, not {value!r}")
        return number

    return parse


_positive_int = _int_at_least(1, "positive")
_max_chars = _int_at_least(0, "non-negative")


def _fraction(include_zero: bool):
    """An argparse type: a number in (0, 1], or in [0, 1] when ``include_zero``."""
    interval = "[0, 1]" if include_zero else "(0, 1]"

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        low_ok = number >= 0.0 if include_zero else number > 0.0
        if not (low_ok and number <= 1.0):
            raise argparse.ArgumentTypeError(f"must be a number in {interval}, not {value!r}")
        return number

    return parse


_ratio = _fraction(include_zero=False)
_diversity = _fraction(include_zero=True)


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
        "--diversity",
        type=_diversity,
        metavar="D",
        help="redundancy control in [0, 1]: how strongly to avoid sentences that repeat "
        "those already chosen (default: the method's own, 0.3 for positional, else 0)",
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
    many = parser.add_argument_group("many documents")
    many.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines, one document per line; writes one JSON object per "
        "document (with the input's id); a bad line is reported and skipped (exit 1 at the end)",
    )
    many.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="with --jsonl: the field holding the text (default text)",
    )
    many.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="with --jsonl: the field copied to the output as id when present (default id)",
    )
    many.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default 1); output order stays the input order",
    )
    many.add_argument(
        "--idf",
        metavar="PATH",
        help="use the corpus IDF saved at PATH (by --fit-idf or Summarizer.save)",
    )
    many.add_argument(
        "--fit-idf",
        metavar="PATH",
        help="learn IDF from the inputs and save it to PATH instead of summarizing",
    )
    many.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (needs tqdm); default: only when stderr is a terminal",
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


@contextmanager
def _opened(name: str) -> Iterator[BinaryIO]:
    """A file, or stdin for '-', open for binary reading; an OSError becomes an InputError."""
    label = _name(name)
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
    """The decoded text of a file, or of stdin for '-'; raises InputError with a clear message.

    Refused: inputs over ``max_chars`` characters (without reading much more than
    that), directories, unreadable files, binary data (NUL bytes in an 8-bit
    encoding) and bytes that are not valid in ``encoding``; each message names
    the option that helps.
    """
    limit = None if max_chars is None else 4 * max_chars + 4  # no encoding uses > 4 bytes a char
    data = _read_bytes(name, limit)
    label = "standard input" if name == "-" else _name(name)
    if data is None:
        raise _too_large(label, max_chars)
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
        raise _too_large(label, max_chars)
    return text


def _too_large(label: str, max_chars: int) -> InputError:
    return InputError(
        f"{label}: longer than --max-chars {max_chars:,} characters; raise the limit "
        "(0 for none) to summarize it anyway"
    )


def _ascii_json() -> bool:
    """Whether JSON output must escape non-ASCII: stdout is not UTF-8, so it would not parse."""
    return codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name != "utf-8"


def _print_error(label: str, error: InputError | SummarizerError) -> None:
    """One line on stderr; an InputError already names its input."""
    message = str(error) if isinstance(error, InputError) else f"{label}: {error}"
    print(f"summarizer: error: {message}", file=sys.stderr)


def _print_timings(label: str, summary: Summary) -> None:
    parts = ", ".join(f"{k} {v * 1000:.3f}" for k, v in summary.timings.items())
    print(f"{label}: timings (ms): {parts}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    max_chars = args.max_chars or None
    try:
        summarizer = _summarizer(args, max_chars)
    except _UsageError as exc:
        print(f"summarizer: error: {exc} (see --help)", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.fit_idf:
        return _fit_idf(args, summarizer, max_chars)
    if args.jsonl:
        return _run_jsonl(args, summarizer, max_chars)
    sources = args.files or ["-"]
    several = len(sources) > 1
    as_json = args.format == "json"
    ascii_only = _ascii_json()
    status = EXIT_OK
    written = 0
    out = sys.stdout
    if as_json and several:
        out.write("[")
    for label, summary in _summaries(_read_files(sources, args, max_chars), summarizer, args):
        if isinstance(summary, (InputError, SummarizerError)):
            _print_error(label, summary)
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


# --- Many documents: the pipeline behind run(), JSON Lines, --jobs, --idf, --fit-idf ---


class _UsageError(Exception):
    """A combination of options that cannot work; reported as a usage error (exit 2)."""


def _summarizer(args: argparse.Namespace, max_chars: int | None) -> Summarizer:
    if args.jsonl and args.encoding.startswith(("utf-16", "utf-32")):
        raise _UsageError(f"--jsonl needs an ASCII-compatible --encoding, not {args.encoding}")
    if args.progress:
        try:
            import tqdm  # noqa: F401
        except ImportError:
            raise _UsageError("--progress needs tqdm: pip install 'summarizer[progress]'") from None
    options = {
        "method": args.method,
        "language": args.language,
        "order": args.order,
        "diversity": args.diversity,
        "max_chars": max_chars,
    }
    if not args.idf:
        return Summarizer(**options)
    try:
        return Summarizer.load(args.idf, **options)
    except FileNotFoundError:
        raise InputError(f"--idf {args.idf}: no such file") from None
    except OSError as exc:
        raise InputError(f"--idf {args.idf}: cannot read: {exc.strerror or exc}") from None
    except SummarizerError as exc:
        raise InputError(f"--idf {exc}") from None


def _summaries(
    items: Iterable[tuple[Any, str | InputError]], summarizer: Summarizer, args: argparse.Namespace
) -> Iterator[tuple[Any, Summary | InputError | SummarizerError]]:
    """Each item's label with its summary, or the error it met, in input order.

    Texts stream through ``summarize_many`` (with ``--jobs`` workers); an input
    that could not be read keeps its place as an empty text, so every error is
    reported in order, between the outputs before and after it.
    """
    labels: deque[tuple[Any, InputError | None]] = deque()

    def texts() -> Iterator[str]:
        for label, item in items:
            failed = isinstance(item, InputError)
            labels.append((label, item if failed else None))
            yield "" if failed else item

    results = summarize_many(
        texts(),
        args.sentences,
        ratio=args.ratio,
        words=args.words,
        chars=args.chars,
        n_jobs=args.jobs,
        progress=args.progress,
        errors="return",
        summarizer=summarizer,
    )
    for result in results:
        label, failure = labels.popleft()
        yield label, failure or result


def _read_files(
    sources: Sequence[str], args: argparse.Namespace, max_chars: int | None
) -> Iterator[tuple[str, str | InputError]]:
    for name in sources:
        label = "<stdin>" if name == "-" else name
        try:
            yield label, read_text(name, args.encoding, max_chars)
        except InputError as exc:
            yield label, exc


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


def _parse_record(line: bytes, first: bool, args: argparse.Namespace) -> tuple[str, dict]:
    """The text of one JSON Lines record and the fields to copy; ValueError says what is wrong."""
    encoding = "utf-8-sig" if first and args.encoding == "utf-8" else args.encoding
    try:
        decoded = line.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not valid {args.encoding} (byte 0x{line[exc.start : exc.start + 1].hex()} "
            f"at column {exc.start + 1}); pass --encoding"
        ) from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, not {_json_type(record)}")
    if args.text_field not in record:
        raise ValueError(f'no "{args.text_field}" field; name the text field with --text-field')
    text = record[args.text_field]
    if not isinstance(text, str):
        raise ValueError(f'"{args.text_field}" is {_json_type(text)}, not a string')
    copied = {"id": record[args.id_field]} if args.id_field in record else {}
    return text, copied


def _read_jsonl(
    sources: Sequence[str], args: argparse.Namespace, max_chars: int | None
) -> Iterator[tuple[dict, str | InputError]]:
    """(output fields, text or error) per non-blank line of each JSON Lines input, lazily."""
    # A JSON string escapes a character in at most 12 bytes; the text's own limit applies later.
    limit = None if max_chars is None else 12 * max_chars + (1 << 20)
    for name in sources:
        label = "<stdin>" if name == "-" else name
        try:
            yield from _jsonl_records(name, label, args, limit, max_chars)
        except InputError as exc:  # the input could not be opened
            yield {"source": label}, exc


def _jsonl_records(
    name: str, label: str, args: argparse.Namespace, limit: int | None, max_chars: int | None
) -> Iterator[tuple[dict, str | InputError]]:
    with _opened(name) as handle:
        number = 0
        try:
            for number, line in enumerate(_lines(handle, limit), 1):
                where = {"source": label, "line": number}
                if line is None:
                    yield (
                        where,
                        InputError(f"{label}:{number}: line longer than --max-chars allows"),
                    )
                    continue
                if not line.strip():
                    continue
                try:
                    text, copied = _parse_record(line, number == 1, args)
                except ValueError as exc:
                    yield where, InputError(f"{label}:{number}: {exc}")
                    continue
                if max_chars is not None and len(text) > max_chars:
                    yield where, _too_large(f"{label}:{number}", max_chars)
                    continue
                yield {**where, **copied}, text
        except OSError as exc:
            where = {"source": label, "line": number + 1}
            yield where, InputError(f"{label}:{number + 1}: cannot read: {exc.strerror or exc}")


def _run_jsonl(args: argparse.Namespace, summarizer: Summarizer, max_chars: int | None) -> int:
    """JSON Lines in, JSON Lines out (one object per good input line), streaming."""
    status = EXIT_OK
    out = sys.stdout
    ascii_only = _ascii_json()
    records = _read_jsonl(args.files or ["-"], args, max_chars)
    for fields, summary in _summaries(records, summarizer, args):
        where = f"{fields['source']}:{fields['line']}" if "line" in fields else fields["source"]
        if isinstance(summary, (InputError, SummarizerError)):
            _print_error(where, summary)
            status = EXIT_INPUT
            continue
        if args.timings:
            _print_timings(where, summary)
        record = {**fields, "summary": str(summary), **summary.to_dict()}
        out.write(json.dumps(record, ensure_ascii=ascii_only) + "\n")
    out.flush()
    return status


def _fit_idf(args: argparse.Namespace, summarizer: Summarizer, max_chars: int | None) -> int:
    """Learn IDF from every readable input (files, or --jsonl records) and save it."""
    status = EXIT_OK
    sources = args.files or ["-"]
    items = (
        _read_jsonl(sources, args, max_chars)
        if args.jsonl
        else _read_files(sources, args, max_chars)
    )

    def texts() -> Iterator[str]:
        nonlocal status
        for _, item in items:
            if isinstance(item, InputError):
                print(f"summarizer: error: {item}", file=sys.stderr)
                status = EXIT_INPUT
            else:
                yield item

    try:
        summarizer.fit(texts())
        summarizer.save(args.fit_idf)
    except SummarizerError as exc:
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(
            f"summarizer: error: {args.fit_idf}: cannot write: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return EXIT_INPUT
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
