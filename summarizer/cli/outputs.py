"""Writing the command line's results: text or JSON on stdout, one-line messages on stderr."""

from __future__ import annotations

import codecs
import json
import sys
from typing import Any, TextIO

from summarizer import report
from summarizer.summary import Summary

__all__ = ["Writer", "ascii_json", "print_error", "print_timings"]


def ascii_json() -> bool:
    """Whether JSON output must escape non-ASCII: stdout is not UTF-8, so it would not parse."""
    return codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name != "utf-8"


def print_error(message: str) -> None:
    """One line on stderr."""
    print(f"summarizer: error: {message}", file=sys.stderr)


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
            out.write("[")

    def write(self, label: str, summary: Summary) -> None:
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
        if self.format == "html":
            title = self.pages[0][0] if len(self.pages) == 1 else "Summaries"
            self.out.write(report.html_page(self.pages, title))
        if self.as_json and self.several:
            self.out.write("\n]\n" if self.written else "]\n")
        self.out.flush()


def write_jsonl(out: TextIO, fields: dict, summary: Summary, ascii_only: bool) -> None:
    """One JSON Lines record: the input's fields, the summary text and ``Summary.to_dict()``."""
    record = {**fields, "summary": str(summary), **summary.to_dict()}
    out.write(json.dumps(record, ensure_ascii=ascii_only) + "\n")
