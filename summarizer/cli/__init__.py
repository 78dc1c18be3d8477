"""Command line tool: ``summarizer [FILE ...]``; a thin layer over the API.

``arguments`` builds the parser (method flags from the registry), ``inputs`` reads files,
stdin and JSON Lines, ``outputs`` writes results; this module runs a command and maps errors
to exit statuses: 0 on success, 1 when an input cannot be read or summarized, 2 on a usage
error (the API's ``InvalidOptionError``, named by its flag), 130 on Ctrl-C, 141 when the reader
of stdout goes away (``| head -1``), 1 when stdout cannot be written (a full disk). Every error
is one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from summarizer.api import Summarizer
from summarizer.batch import summarize_many
from summarizer.budget import Budget
from summarizer.cli.arguments import (
    EXIT_INPUT,
    EXIT_INTERRUPT,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_USAGE,
    build_parser,
    flag_of,
    method_options,
)
from summarizer.cli.inputs import (
    Input,
    InputError,
    JsonlFields,
    display_name,
    read_files,
    read_jsonl,
)
from summarizer.cli.outputs import (
    OutputError,
    Writer,
    ascii_json,
    print_error,
    print_timings,
    write_jsonl,
    writing,
)
from summarizer.errors import InvalidOptionError, MissingDependencyError, SummarizerError
from summarizer.summary import Summary

__all__ = ["EXIT_INPUT", "EXIT_INTERRUPT", "EXIT_OK", "EXIT_PIPE", "EXIT_USAGE", "main"]


class _UsageError(Exception):
    """A combination of options that cannot work; reported as a usage error (exit 2)."""


def _summarizer(args: argparse.Namespace) -> Summarizer:
    """The configured summarizer: only the options given on the command line (and with
    ``--idf`` the rest from the file); values are checked by the API."""
    if args.jsonl and args.encoding.startswith(("utf-16", "utf-32")):
        raise _UsageError(f"--jsonl needs an ASCII-compatible --encoding, not {args.encoding}")
    if args.jsonl and args.format in ("html", "markdown"):
        raise _UsageError(f"--jsonl writes JSON Lines; --format {args.format} is for files")
    names = ("method", "language", "order", "diversity", *method_options())
    options: dict[str, Any] = {k: getattr(args, k) for k in names if getattr(args, k) is not None}
    options["max_chars"] = args.max_chars or None
    options["format"] = args.input_format
    options["keywords"] = args.keywords
    options["ranking"] = args.format == "html"  # the page shades every sentence by its score
    if args.query is not None:
        options["query"] = args.query
    if not args.idf:
        return Summarizer(**options)
    try:
        return Summarizer.load(args.idf, **options)
    except FileNotFoundError:
        raise InputError(f"--idf {args.idf}: no such file") from None
    except OSError as exc:
        raise InputError(f"--idf {args.idf}: cannot read: {exc.strerror or exc}") from None
    except InvalidOptionError:
        raise
    except SummarizerError as exc:
        raise InputError(f"--idf {exc}") from None


def _summaries(
    items: Iterable[tuple[Any, Input | InputError]],
    summarizer: Summarizer,
    budget: Budget,
    args: argparse.Namespace,
) -> Iterator[tuple[Any, Summary | InputError | SummarizerError]]:
    """Each item's label with its summary, or the error it met, in input order.

    Texts stream through ``summarize_many`` (with ``--jobs`` workers; its options are
    checked now); an input that could not be read keeps its place as an empty text, so every
    error is reported in order, between the outputs before and after it.
    """
    labels: deque[tuple[Any, InputError | None]] = deque()

    def texts() -> Iterator[Input]:
        for label, item in items:
            if isinstance(item, InputError):
                labels.append((label, item))
                yield ""
            else:
                labels.append((label, None))
                yield item

    results = summarize_many(
        texts(),
        n_jobs=args.jobs,
        progress=args.progress,
        errors="return",
        summarizer=summarizer,
        budget=budget,
    )

    def paired() -> Iterator[tuple[Any, Summary | InputError | SummarizerError]]:
        for result in results:
            label, failure = labels.popleft()
            yield label, failure or result

    return paired()


def _message(label: str, error: InputError | SummarizerError) -> str:
    """An InputError already names its input."""
    return str(error) if isinstance(error, InputError) else f"{label}: {error}"


def _merged(items: Iterable[tuple[str, Input | InputError]]) -> Iterator[tuple[str, Any]]:
    """All readable inputs as one multi-document input (unreadable ones reported first)."""
    labels, texts = [], []
    for label, item in items:
        if isinstance(item, InputError):
            yield label, item
        else:
            labels.append(label)
            texts.append(item)
    yield " + ".join(labels) or "<nothing>", texts


def _grouped(
    records: Iterable[tuple[dict, Input | InputError]],
) -> Iterator[tuple[dict, Any]]:
    """Consecutive JSON Lines records with equal "group" values as one multi-document input;
    bad records are passed on (and reported) in their place."""
    fields: dict | None = None
    texts: list[Input] = []
    for where, item in records:
        if isinstance(item, InputError):
            yield where, item
            continue
        if fields is not None and where.get("group") != fields.get("group"):
            yield fields, texts
            fields, texts = None, []
        if fields is None:
            fields = {**where, "lines": []}
        if "line" in where:
            fields["lines"].append(where["line"])
        texts.append(item)
    if fields is not None:
        yield fields, texts


def _run_files(args: argparse.Namespace, summarizer: Summarizer, budget: Budget) -> int:
    sources = args.files or ["-"]
    items: Iterable[tuple[str, Any]] = read_files(
        sources, args.encoding, summarizer.max_chars, args.input_format
    )
    several = len(sources) > 1
    if args.merge:
        items, several = _merged(items), False
    results = _summaries(items, summarizer, budget, args)
    writer = Writer(sys.stdout, args.format, several)
    status = EXIT_OK
    for label, summary in results:
        if isinstance(summary, (InputError, SummarizerError)):
            print_error(_message(label, summary))
            status = EXIT_INPUT
            continue
        if args.timings:
            print_timings(label, summary)
        writer.write(label, summary)
    writer.close()
    return status


def _run_jsonl(args: argparse.Namespace, summarizer: Summarizer, budget: Budget) -> int:
    """JSON Lines in, JSON Lines out (one object per good input line, or per group of lines
    with --group-field), streaming."""
    fields = JsonlFields(args.text_field, args.id_field, args.group_field)
    records: Iterable[tuple[dict, Any]] = read_jsonl(
        args.files or ["-"], args.encoding, summarizer.max_chars, fields
    )
    if args.group_field:
        records = _grouped(records)
    results = _summaries(records, summarizer, budget, args)
    out, ascii_only, status = sys.stdout, ascii_json(), EXIT_OK
    for where, summary in results:
        source = display_name(where["source"])
        label = f"{source}:{where['line']}" if "line" in where else source
        if "lines" in where:  # a group: its lines are listed, the first one named the label
            where = {key: value for key, value in where.items() if key != "line"}
        if isinstance(summary, (InputError, SummarizerError)):
            print_error(_message(label, summary))
            status = EXIT_INPUT
            continue
        if args.timings:
            print_timings(label, summary)
        write_jsonl(out, where, summary, ascii_only)
    with writing():
        out.flush()
    return status


def _fit_idf(args: argparse.Namespace, summarizer: Summarizer) -> int:
    """Learn IDF from every readable input (files, or --jsonl records) and save it."""
    status = EXIT_OK
    sources, max_chars = args.files or ["-"], summarizer.max_chars
    if args.jsonl:
        fields = JsonlFields(args.text_field, args.id_field)
        items: Iterable[tuple[Any, Input | InputError]] = read_jsonl(
            sources, args.encoding, max_chars, fields
        )
    else:
        items = read_files(sources, args.encoding, max_chars, args.input_format)

    def texts() -> Iterator[Input]:
        nonlocal status
        for _, item in items:
            if isinstance(item, InputError):
                print_error(str(item))
                status = EXIT_INPUT
            else:
                yield item

    try:
        summarizer.fit(texts())
        summarizer.save(args.fit_idf)
    except SummarizerError as exc:
        print_error(str(exc))
        return EXIT_INPUT
    except OSError as exc:
        print_error(f"{args.fit_idf}: cannot write: {exc.strerror or exc}")
        return EXIT_INPUT
    return status


def _usage(parser: argparse.ArgumentParser, error: Exception) -> int:
    """Report a usage error in argparse's style, naming the flag at fault when known."""
    flag = flag_of(parser, getattr(error, "option", None))
    where = f"argument {flag}: " if flag else ""
    print_error(f"{where}{error} (see --help)")
    return EXIT_USAGE


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run the command ``args`` asks for; its exit status."""
    try:
        summarizer = _summarizer(args)
        budget = Budget.from_options(args.sentences, args.ratio, args.words, args.chars)
        if args.fit_idf:
            return _fit_idf(args, summarizer)
        if args.jsonl:
            return _run_jsonl(args, summarizer, budget)
        return _run_files(args, summarizer, budget)
    except (_UsageError, InvalidOptionError, MissingDependencyError) as exc:
        return _usage(parser, exc)
    except InputError as exc:
        print_error(str(exc))
        return EXIT_INPUT


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
        print_error("standard output is closed")
        return EXIT_INPUT
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Text that the terminal's encoding cannot show is escaped, not a crash.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        parser = build_parser()
        return run(parser, parser.parse_args(argv))
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
    except OutputError as exc:  # e.g. a full disk: what was not written is lost anyway
        print_error(str(exc))
        _silence_stdout()
        return EXIT_INPUT
    except MemoryError:
        print_error("out of memory; try a smaller input")
        return EXIT_INPUT
    except Exception as exc:  # a bug: still one line, never a traceback
        print_error(f"internal error ({type(exc).__name__}: {exc}); please report it")
        return EXIT_INPUT
