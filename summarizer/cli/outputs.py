"""Writing the command line's results: text or JSON on stdout, one-line messages on stderr."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

from summarizer import report
from summarizer.summary import Summary

__all__ = ["OutputError", "Writer", "ascii_json", "print_error", "print_timings", "writing"]


class OutputError(Exception):
    """Standard output cannot be written: a full disk, a device that fails, a quota."""


@contextmanager
def writing() -> Iterator[None]:
    """Turn a failed write to stdout into an OutputError (one line, exit 1); a closed pipe
    stays a BrokenPipeError, which the command line treats as the reader going away."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def ascii_json() -> bool:
    """Whether JSON output must escape non-ASCII: stdout is not UTF-8, so it would not parse."""
    return codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name != "utf-8"


def print_error(message: str) -> None:
    """One line on stderr (nothing if stderr itself cannot be written)."""
    with suppress(OSError, ValueError, AttributeError):
        print(f"summarizer: error: {message}", file=sys.stderr, flush=True)


def print_timings(label: str, summary: Summary) -> None:
    parts = ", ".join(f"{k} {v * 1000:.3f}" for k, v in summary.timings.items())
    print(f"{label}: timings (ms): {parts}", file=sys.stderr)


class Writer:
    """Summaries of the inputs to stdout: text (a ``==> name <==`` header per input when there
    are several, keyphrases on a last ``keywords:`` line), JSON (one object, or an array of
    them when there are several), Markdown (a section per input) or HTML (one page for all,
    written at the end)."""

    def __init__(self, out: TextIO, format: str, several: bool) -> None:
        self.out, self.format, self.several = out, format, several
        self.as_json = format == "json"
        self.written = 0
        self.ascii_only = ascii_json()
        self.pages: list[tuple[str, Summary]] = []
        if self.as_json and several:
            with writing():
                out.write("[")

    def write(self, label: str, summary: Summary) -> None:
        with writing():
            self._write(label, summary)

    def _write(self, label: str, summary: Summary) -> None:
        out = self.out
        if self.format == "html":
            self.pages.append((label, summary))
            return
        if self.format == "markdown":
            out.write(("\n" if self.written else "") + report.markdown(summary, label))
        elif self.as_json:
            record: dict[str, Any] = {"source": label, **summary.to_dict()}
            if self.several:
                out.write(",\n" if self.written else "\n")
            out.write(json.dumps(record, ensure_ascii=self.ascii_only))
            if not self.several:
                out.write("\n")
        else:
            if self.several:
                out.write(f"{chr(10) if self.written else ''}==> {label} <==\n")
            body = str(summary)
            out.write(body + "\n" if body else "")
            if summary.keywords:
                out.write("keywords: " + ", ".join(k.text for k in summary.keywords) + "\n")
        self.written += 1
        out.flush()

    def close(self) -> None:
        with writing():
            if self.format == "html":
                title = self.pages[0][0] if len(self.pages) == 1 else "Summaries"
                self.out.write(report.html_page(self.pages, title))
            if self.as_json and self.several:
                self.out.write("\n]\n" if self.written else "]\n")
            self.out.flush()


def write_jsonl(out: TextIO, fields: dict, summary: Summary, ascii_only: bool) -> None:
    """One JSON Lines record: the input's fields, the summary text and ``Summary.to_dict()``."""
    record = {**fields, "summary": str(summary), **summary.to_dict()}
    with writing():
        out.write(json.dumps(record, ensure_ascii=ascii_only) + "\n")
