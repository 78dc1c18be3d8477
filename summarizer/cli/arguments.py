"""The command line's arguments; the method flags are generated from the method registry.

argparse checks only syntax (an integer, a number, a known encoding); every value is
validated by the API, whose ``InvalidOptionError`` the command maps back to the flag.
"""

from __future__ import annotations

import argparse
import codecs
from collections.abc import Callable
from typing import NoReturn

from summarizer import __version__
from summarizer.api import DEFAULT_MAX_CHARS, INPUT_FORMATS
from summarizer.budget import DEFAULT_SENTENCES
from summarizer.methods import DEFAULT_METHOD, METHODS, get_method
from summarizer.select import ORDERS
from summarizer.text import LANGUAGES
from summarizer.validate import Option

__all__ = ["EXIT_INPUT", "EXIT_INTERRUPT", "EXIT_OK", "EXIT_PIPE", "EXIT_USAGE", "build_parser"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 130, 141
FORMATS = ("text", "json", "html", "markdown")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _syntax(kind: str) -> Callable[[str], object]:
    """An argparse type that only parses: ``int``, ``float``, or ``float?`` (also "none")."""

    def parse(value: str) -> object:
        if kind == "float?" and value.lower() == "none":
            return None
        try:
            return int(value) if kind == "int" else float(value)
        except ValueError:
            what = "an integer" if kind == "int" else "a number"
            raise argparse.ArgumentTypeError(f"must be {what}, not {value!r}") from None

    parse.__name__ = kind  # argparse names the type in its messages
    return parse


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


def method_options() -> dict[str, tuple[Option, list[str]]]:
    """Each method option's declaration and the methods that take it, in ``METHODS`` order."""
    found: dict[str, tuple[Option, list[str]]] = {}
    for name in METHODS:
        for option in get_method(name).options:
            found.setdefault(option.name, (option, []))[1].append(name)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="summarizer",
        description="Summarize text files (or standard input) by extracting their key sentences.",
        epilog="Exit status: 0 success, 1 bad input, 2 usage error, 130 Ctrl-C, 141 closed pipe.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files or http(s) URLs to summarize; '-' or none reads standard input",
    )
    _budget_arguments(parser)
    methods = ", ".join(f"{m} ({get_method(m).summary})" for m in METHODS)
    parser.add_argument(
        "-m",
        "--method",
        metavar="NAME",
        help=f"scoring method (default {DEFAULT_METHOD}): {methods}",
    )
    parser.add_argument(
        "--language", metavar="NAME", help=f"language of the text: {', '.join(LANGUAGES)}"
    )
    parser.add_argument(
        "--diversity",
        type=_syntax("float"),
        metavar="D",
        help="redundancy control in [0, 1]: how strongly to avoid sentences that repeat "
        "those already chosen (default: the method's own; 0.3 in adaptive's lead summaries, "
        "positional and lead_odds, else 0)",
    )
    parser.add_argument(
        "--order",
        metavar="ORDER",
        help=f"{' or '.join(ORDERS)}: print sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: one sentence per line; json: sentences with scores, offsets and timings; "
        "html: one page with the summary highlighted in the document; markdown: a list",
    )
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="the inputs' format (default auto: by file extension, then by content)",
    )
    parser.add_argument(
        "-q",
        "--query",
        metavar="TEXT",
        help="focus the summary on a question or topic",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="summarize all the inputs as one (a multi-document summary)",
    )
    parser.add_argument(
        "-k",
        "--keywords",
        type=_syntax("int"),
        default=0,
        metavar="N",
        help="also give N keyphrases per input (default 0: none)",
    )
    parser.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="encoding of the inputs (utf-8)"
    )
    parser.add_argument(
        "--max-chars",
        type=_syntax("int"),
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse inputs longer than N characters; 0 for no limit ({DEFAULT_MAX_CHARS:,})",
    )
    parser.add_argument(
        "--timings", action="store_true", help="per-stage timings on stderr (always in json)"
    )
    group = parser.add_argument_group("method options (each applies to the methods named)")
    for name, (option, owners) in method_options().items():
        group.add_argument(
            "--" + name.replace("_", "-"),
            dest=name,
            type=_syntax(option.kind),
            metavar="X",
            help=f"{', '.join(owners)}: {option.help} (default {option.default})",
        )
    _many_arguments(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _budget_arguments(parser: argparse.ArgumentParser) -> None:
    budget = parser.add_mutually_exclusive_group()
    count = _syntax("int")
    budget.add_argument(
        "-n",
        "--sentences",
        type=count,
        metavar="N",
        help=f"sentences (default {DEFAULT_SENTENCES})",
    )
    budget.add_argument(
        "-r", "--ratio", type=_syntax("float"), metavar="R", help="fraction of the sentences"
    )
    budget.add_argument(
        "-w", "--words", type=count, metavar="W", help="at most W words (the best is kept)"
    )
    budget.add_argument(
        "-c", "--chars", type=count, metavar="C", help="at most C characters (the best is kept)"
    )


def _many_arguments(parser: argparse.ArgumentParser) -> None:
    many = parser.add_argument_group("many documents")
    many.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines, one document per line; writes one JSON object per "
        "document (with the input's id); a bad line is reported and skipped (exit 1 at the end)",
    )
    many.add_argument(
        "--text-field", default="text", metavar="NAME", help="with --jsonl: the text's field"
    )
    many.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="with --jsonl: the field copied to the output as id when present (default id)",
    )
    many.add_argument(
        "--group-field",
        metavar="NAME",
        help="with --jsonl: consecutive records with the same value of this field are "
        "summarized together, as one multi-document input",
    )
    many.add_argument(
        "-j",
        "--jobs",
        type=_syntax("int"),
        default=1,
        metavar="N",
        help="worker processes (default 1); output order stays the input order",
    )
    many.add_argument(
        "--idf", metavar="PATH", help="use the corpus IDF saved at PATH (by --fit-idf or save)"
    )
    many.add_argument(
        "--fit-idf", metavar="PATH", help="learn IDF from the inputs and save it to PATH"
    )
    many.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (needs tqdm); default: only when stderr is a terminal",
    )


def flag_of(parser: argparse.ArgumentParser, option: str | None) -> str | None:
    """The flags of the argument whose destination is ``option`` ("-n/--sentences")."""
    for action in parser._actions:
        if option is not None and action.dest == option and action.option_strings:
            return "/".join(action.option_strings)
    return None
