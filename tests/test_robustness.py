"""Hostile input at the API level: every ``str`` gets a summary, every bad option a typed error.

The catalogue names each kind of text peers choke on. Every case runs with
every method and several budgets, and the result must keep the contract:
offsets into the text, finite scores, at least one sentence whenever the text
has a letter or digit (even if that sentence alone exceeds a ``words=`` or
``chars=`` budget), none when it is blank, and JSON-ready output.
"""

from __future__ import annotations

import gc
import json
import math
import os
import resource
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from summarizer import (
    METHODS,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    Summarizer,
    SummarizerError,
    split_sentences,
    summarize,
)
from summarizer.api import DEFAULT_MAX_CHARS

ROOT = Path(__file__).resolve().parents[1]

CATALOGUE = {
    "empty": "",
    "spaces": "   ",
    "whitespace of every kind": " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2000\u2028\u2029\u3000",
    "one word": "hello",
    "one letter": "x",
    "one digit": "7",
    "one sentence": "Only one sentence here.",
    "only punctuation": "!?.,;:...!!!???---***",
    "only numbers": "1 2 3. 4.5 6,789. 10! 1e9? 0x1F.",
    "only stop words": "The and of a to. It is the. Was it? And so it was.",
    "emoji": "\U0001f600\U0001f600 \U0001f389. \U0001f680\U0001f680! \U0001f44d\U0001f3fd",
    "emoji joiners, flags": "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f1fa\U0001f1f8",
    "chinese": "我爱北京天安门。天安门上太阳升。伟大的城市有很多人。",
    "japanese": "これは日本語の文です。もう一つの文です\uff01最後の文ですか\uff1f",
    "arabic": "مرحبا بالعالم. هذا نص عربي طويل. نعم، هذا صحيح!",
    "hebrew": "שלום עולם. זה טקסט בעברית. כן!",
    "bidi controls": "\u202eevil reversed text.\u202c Normal \u2066isolated\u2069 text. Done.",
    "control characters": "abc\x00def\x01\x02. Ghi\x7f jkl\x1b[31m red\x1b[0m. Bell\x07!",
    "nul bytes only": "\x00" * 50,
    "nul between sentences": "First sentence.\x00Second sentence.\x00\x00 Third one.",
    "lone surrogates": "Broken \ud800 text. Another \udfff one. Fine.",
    "combining marks": "Ze\u0301\u0301\u0301\u0301\u0301\u0301 zalgo\u0336\u0337. A\u0300 b\u0301.",
    "zero width and bom": "\ufeffStart\u200b here.\u200b\u200c\u200d Next \ufeff one.",
    "line and paragraph separators": "One\u2028two\u2029three\x85four. Five.\r\nSix.\rSeven.",
    "html": "<html><head><title>T</title></head><body><p>Hello world.</p>"
    "<script>if (a < b && c > d) { alert('x'); }</script><p>Bye.</p></body></html>",
    "urls and emails": "Visit https://example.com/a.b?c=d&e=f#g. Mail me at x.y@z.co.uk. "
    "See www.foo.org/index.html. Or ftp://files.example.com/a.tar.gz!",
    "markdown and code": "# Title\n\n* item one.\n* item two.\n\n```\nx = f(1.5); y = x.y()\n```\n",
    "wrapped lines": "This sentence\nis wrapped\nover lines. And\nthis one too.",
    "tabs and crlf": "One.\r\n\r\nTwo.\t\tThree.\r\n",
    "mixed scripts": "Latin, Кириллица, Ελληνικά, हिन्दी, ไทย, 한국어. All in one.",
    "numerals of other scripts": "Ⅻ ½ ² ٣ ৩ ๓. Digits ٠١٢٣.",
    "very long word": "x" * 20_000 + ".",
    "long sentence without punctuation": " ".join(f"word{i % 97}" for i in range(20_000)),
    "many duplicate sentences": "The same sentence again. " * 2_000,
    "duplicates with one different": "Same text here. " * 500 + "A different sentence! "
    "" + "Same text here. " * 500,
    "ellipses and dots": "Wait... what?! Yes..... No. . . Maybe.\u2026 Fine.",
    "quotes and brackets": '"Hello," she said. "Bye." (Really.) [Truly.] \u201cCurly.\u201d',
    "abbreviations": "Dr. Smith met Mr. J. R. Jones at 3 p.m. in the U.S. on Jan. 5. They talked.",
    "one word repeated": "buffalo " * 3_000,
}
BUDGETS = [{}, {"sentences": 1}, {"words": 1}, {"chars": 1}, {"ratio": 0.5}, {"ratio": 1.0}]


def check_summary(text: str, summary, budget: dict) -> None:
    """The contract every summary keeps, whatever the text (offsets index ``Summary.text``:
    the text itself when it reads as plain text, else what its reader extracted)."""
    sentences = split_sentences(text, format=summary.format)
    assert summary.n_sentences == len(sentences)
    if summary.format == "text":
        assert summary.text == text
    for s in summary.sentences:
        assert summary.text[s.start : s.end] == s.text
        assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
        assert isinstance(s.score, float) and math.isfinite(s.score)
    if any(c.isalnum() for c in summary.text):
        assert len(summary) >= 1
    if not text.strip():
        assert len(summary) == 0 and str(summary) == ""
    if budget in ({"sentences": 1}, {"words": 1}, {"chars": 1}):
        assert len(summary) <= 1  # every sentence has at least one word and one character
    json.loads(json.dumps(summary.to_dict()))
    assert len(str(summary).splitlines()) == len(summary)


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_catalogue(name, method):
    text = CATALOGUE[name]
    for budget in BUDGETS:
        check_summary(text, summarize(text, method=method, **budget), budget)


def test_content_beyond_the_budget_still_gives_one_sentence():
    """A text with content never gets an empty summary (the rule in ``select.Budget``)."""
    text = "An unusually long opening sentence that on its own exceeds every small budget."
    for budget in ({"words": 1}, {"chars": 1}, {"words": 5}):
        summary = summarize(text, **budget)
        assert [s.text for s in summary] == [text]


# --- a megabyte and more -------------------------------------------------------------------------

MEGABYTE = 1_000_000
BIG = {
    "one repeated character": "a" * MEGABYTE,
    "one repeated full stop": "." * MEGABYTE,
    "alternating marks": "!?" * (MEGABYTE // 2),
    "spaces": " " * MEGABYTE,
    "newlines": "\n" * MEGABYTE,
    "nul bytes": "\x00" * MEGABYTE,
    "emoji without punctuation": "\U0001f600" * MEGABYTE,
    "chinese without punctuation": "中文" * (MEGABYTE // 2),
    "words without punctuation": "lorem ipsum dolor sit amet " * (MEGABYTE // 27),
    "marks after every word": "ab. " * (MEGABYTE // 4),
    "one huge paragraph break": "Start.\n" + " \n" * (MEGABYTE // 2) + "End.",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BIG))
def test_a_megabyte_of_pathological_text(name):
    text = BIG[name]
    for method in METHODS:
        check_summary(text, summarize(text, method=method, words=5), {"words": 5})


REPEATED_SENTENCE_SCRIPT = """
import json, sys
from summarizer import summarize
text = "The committee approved the budget for the new bridge. " * (10**6 // 54)
summary = summarize(text, method=sys.argv[1])
print(json.dumps({"n": summary.n_sentences, "chosen": [s.index for s in summary]}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS)
def test_a_megabyte_of_one_repeated_sentence(method):
    """18,518 identical sentences, in a child process capped at 3 GB of address space."""
    cap = 3 * 2**30

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    r = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(REPEATED_SENTENCE_SCRIPT), method],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1"},
        preexec_fn=limit_memory,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-300:]
    result = json.loads(r.stdout)
    assert result["n"] == 18_518
    assert result["chosen"] == [0, 1, 2]  # all equal: ties go to the earliest


# --- limits --------------------------------------------------------------------------------------


def test_default_limit_is_documented_and_enforced():
    assert Summarizer().max_chars == DEFAULT_MAX_CHARS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{DEFAULT_MAX_CHARS:,}" in readme
    text = "x" * (DEFAULT_MAX_CHARS + 1)  # refused at once, before any work
    with pytest.raises(InputTooLargeError) as info:
        summarize(text)
    message = str(info.value)
    assert f"{DEFAULT_MAX_CHARS + 1:,}" in message and "max_chars" in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, SummarizerError)


def test_limit_is_configurable():
    text = "Short text. Two sentences."
    with pytest.raises(InputTooLargeError):
        summarize(text, max_chars=len(text) - 1)
    assert len(summarize(text, max_chars=len(text))) == 2
    assert len(Summarizer(max_chars=None).summarize(text)) == 2
    with pytest.raises(InputTooLargeError):
        Summarizer(max_chars=5).fit(["a corpus document longer than five"])


# --- invalid options and inputs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "allowed"),
    [
        ({"method": "pagerank"}, "textrank"),
        ({"method": None}, "lexrank"),
        ({"language": "klingon"}, "de (german)"),
        ({"order": "random"}, "document, score"),
        ({"sentences": 0}, "positive integer"),
        ({"sentences": 2.5}, "positive integer"),
        ({"sentences": "3"}, "positive integer"),
        ({"words": -1}, "positive integer"),
        ({"chars": float("inf")}, "positive integer"),
        ({"ratio": 0.0}, r"(0, 1]"),
        ({"ratio": float("nan")}, r"(0, 1]"),
        ({"ratio": "half"}, r"(0, 1]"),
        ({"sentences": 1, "words": 5}, "at most one"),
        ({"damping": 0}, "(0, 1)"),
        ({"damping": "high"}, "(0, 1)"),
        ({"method": "lexrank", "threshold": -0.1}, "[0, 1)"),
        ({"max_chars": -5}, "None or a positive integer"),
        ({"max_chars": 1.5}, "None or a positive integer"),
        ({"colour": "blue"}, "allowed with method 'adaptive': sentences, ratio, words, chars"),
        ({"threshold": 0.2}, "does not apply to method 'adaptive'"),
    ],
)
def test_invalid_options_say_what_is_allowed(options, allowed):
    with pytest.raises(InvalidOptionError) as info:
        summarize("Some text. More text.", **options)
    assert allowed in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("budget", [{"sentences": 10**30}, {"words": 10**30}, {"chars": 2**70}])
def test_huge_budgets_take_everything(budget):
    text = "One sentence. Two sentences. Three sentences."
    assert len(summarize(text, **budget)) == 3


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"x"), None, 42, [b"in a list"], object()])
def test_non_str_text_is_a_typed_error(value):
    with pytest.raises(InvalidInputError, match="must be str"):
        summarize(value)
    with pytest.raises(InvalidInputError):
        split_sentences(value)


@pytest.mark.parametrize("corpus", ["one document as a str", b"bytes", None, 42])
def test_fit_needs_an_iterable_of_str(corpus):
    with pytest.raises(InvalidInputError, match="corpus must be an iterable of str"):
        Summarizer().fit(corpus)
    with pytest.raises(InvalidInputError, match="must be str"):
        Summarizer().fit(["fine", b"not fine"])


def test_fit_on_hostile_corpus_then_summarize():
    corpus = [CATALOGUE[name] for name in sorted(CATALOGUE)]
    fitted = Summarizer("lexrank").fit(iter(corpus))
    for text in corpus:
        check_summary(text, fitted.summarize(text, words=10), {"words": 10})


def test_long_tokens_are_not_retained_between_calls():
    """Hashes, base64 or a megabyte-long "word" must not stay in memory after the call."""
    summarize("Warm the caches up. With a few words.", language="en")
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        summarize("x" * 2_000_000 + ". Short sentence after it.", language="en")
        for i in range(300):  # distinct tokens of 100+ chars
            summarize(f"{i:x}" * 100 + f" {i:b}" * 60 + ".", language="en")
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert retained < 1_000_000, f"{retained:,} bytes retained"
