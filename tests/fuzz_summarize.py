"""Fuzz target (atheris): ``summarize`` and ``split_sentences`` on arbitrary text and options.

Each input becomes a text (any Unicode, surrogates included) and a set of
options; valid options must give a summary that keeps the contract (offsets,
coverage, budgets, at least one sentence for text with content, finite scores,
JSON, determinism) and invalid ones must raise ``InvalidOptionError``. Anything
else (another exception, a failed check) is a crash that libFuzzer saves to a
``crash-*`` file.

Run it for a fixed time (here 10 minutes) from the repository root:

    PYTHONPATH=. python tests/fuzz_summarize.py -max_total_time=600 -max_len=4096 \
        -rss_limit_mb=4096 -timeout=60 -artifact_prefix=/tmp/fuzz-

Add a directory argument (e.g. ``/tmp/fuzz-corpus``) to keep the corpus between
runs; replay a crash with ``python tests/fuzz_summarize.py /tmp/fuzz-crash-...``.
Not collected by pytest: its name does not start with ``test_``.
"""

from __future__ import annotations

import itertools
import json
import math
import sys

import atheris

# Heavy dependencies first, uninstrumented: coverage guidance is for our own code.
import nltk.stem.snowball  # noqa: F401
import numpy  # noqa: F401
import scipy.sparse  # noqa: F401

with atheris.instrument_imports(include=["summarizer"]):
    from summarizer import (
        LANGUAGES,
        METHODS,
        InvalidOptionError,
        Summarizer,
        split_sentences,
        summarize,
    )
    from summarizer.select import ORDERS


_CONFIG = ("method", "language", "order", "damping", "threshold")


def _options(fdp: atheris.FuzzedDataProvider) -> tuple[dict, bool]:
    """Options drawn from the input, and whether they are all valid."""
    valid = True
    options: dict = {
        "method": fdp.PickValueInList(list(METHODS)),
        "order": fdp.PickValueInList(list(ORDERS)),
        "language": fdp.PickValueInList(list(LANGUAGES)),
    }
    kind = fdp.ConsumeIntInRange(0, 4)
    if kind in (1, 3, 4):
        value = fdp.ConsumeIntInRange(-2, 200)
        valid &= value >= 1
        options[("", "sentences", "", "words", "chars")[kind]] = value
    elif kind == 2:
        ratio = fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeProbability()
        valid &= 0.0 < ratio <= 1.0
        options["ratio"] = ratio
    if fdp.ConsumeIntInRange(0, 15) == 0:
        damping = fdp.ConsumeRegularFloat()
        valid &= 0.0 < damping < 1.0
        options["damping"] = damping
    if options["method"] == "lexrank" and fdp.ConsumeBool():
        threshold = fdp.ConsumeProbability() * 1.2 - 0.1
        valid &= 0.0 <= threshold < 1.0
        options["threshold"] = threshold
    return options, valid


def _check(text: str, options: dict) -> None:
    # Plain text: the contract is about offsets into the text itself (``format="auto"`` may
    # read "b\n..." as reStructuredText, whose extracted text is another string).
    summary = summarize(text, format="text", **options)
    language = {"language": options["language"]} if "language" in options else {}
    sentences = split_sentences(text, **language)  # each language splits by its own rules

    covered = bytearray(len(text))
    last = 0
    for i, s in enumerate(sentences):
        assert s.index == i and last <= s.start < s.end <= len(text), (i, s)
        assert text[s.start : s.end] == s.text
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        last = s.end
    assert all(covered[i] or c.isspace() for i, c in enumerate(text)), "non-space text lost"

    assert summary.n_sentences == len(sentences)
    by_span = {(s.start, s.end): s.index for s in sentences}
    for s in summary.sentences:
        assert by_span[(s.start, s.end)] == s.index and text[s.start : s.end] == s.text
        assert isinstance(s.score, float) and math.isfinite(s.score)
    indices = [s.index for s in summary]
    assert len(set(indices)) == len(indices)
    if options["order"] == "document":
        assert indices == sorted(indices)
    else:
        scores = [s.score for s in summary]
        assert all(a >= b - 1e-9 * max(1.0, abs(a)) for a, b in itertools.pairwise(scores)), scores
    if any(c.isalnum() for c in text):
        assert len(summary) >= 1, "content but an empty summary"
    if not text.strip():
        assert len(summary) == 0

    # Budgets count the candidate sentences (prose: not headings, boilerplate, bare numbers);
    # ratio=1 takes every one of them.
    config = {k: v for k, v in options.items() if k in _CONFIG}
    candidates = [s.index for s in summarize(text, ratio=1.0, format="text", **config)]
    n = len(candidates)
    assert n == summary.n_candidates and set(indices) <= set(candidates)
    if "sentences" in options:
        assert len(summary) == min(options["sentences"], n)
    elif "ratio" in options and n:
        assert len(summary) == min(n, max(1, math.floor(options["ratio"] * n + 0.5)))
    for kind in ("words", "chars"):
        if kind in options:
            size = (lambda t: len(t.split())) if kind == "words" else len
            used = sum(size(s.text) for s in summary)
            assert used <= options[kind] or len(summary) == 1, (kind, used)
            if used > options[kind]:
                assert all(size(sentences[i].text) > options[kind] for i in candidates)

    encoded = json.dumps(summary.to_dict(), allow_nan=False)
    assert json.loads(encoded) == _as_json_reads(summary.to_dict())
    assert len(str(summary).splitlines()) == len(summary)
    budget = {k: v for k, v in options.items() if k not in _CONFIG}
    again = Summarizer(format="text", **config).summarize(text, **budget)
    assert again == summary, "not deterministic"


def _as_json_reads(value):
    """``value`` as JSON gives it back: a str holding a surrogate pair (two code
    units, possible in a Python str) comes back as the one character the pair
    encodes, since JSON writes both as the same escapes."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if isinstance(value, dict):
        return {k: _as_json_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_reads(v) for v in value]
    return value


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    options, valid = _options(fdp)
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    if valid:
        _check(text, options)
        return
    try:
        summarize(text, **options)
    except InvalidOptionError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        raise AssertionError(f"invalid options accepted: {options!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
