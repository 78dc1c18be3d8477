"""Property-based tests (hypothesis): the contract holds for any text and any valid options.

Each property runs the profile's number of cases (500 in the full suite). Texts mix arbitrary
Unicode (surrogates, control characters, NUL, every kind of whitespace and line break)
with sentence-like text built from words, abbreviations, numbers, URLs and
punctuation, so the splitter's rules and the rankers' edge cases (one sentence,
duplicates, sentences without content words) are all exercised. Texts stay
short so the whole file runs in well under a minute.
"""

from __future__ import annotations

import itertools
import json
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarizer import (
    LANGUAGES,
    METHODS,
    InputTooLargeError,
    InvalidOptionError,
    Summarizer,
    split_sentences,
    summarize,
)
from summarizer.api import BUDGET_OPTIONS, COMMON_OPTIONS
from summarizer.languages import resolve_language
from summarizer.methods import get_method
from summarizer.select import ORDERS

pytestmark = pytest.mark.slow  # every test here is in the full suite only

KNOWN_OPTIONS = frozenset(("text", *BUDGET_OPTIONS, *COMMON_OPTIONS)) | {
    name for m in METHODS for name in get_method(m).option_names()
}

PROPERTY = settings()  # examples, deadline and health checks: the profile (conftest.py)

# --- text strategies -----------------------------------------------------------------------------

SPECIAL = [
    *" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2000\u2028\u2029\u3000",  # whitespace, line breaks
    *".!?\u2026\u3002\uff01\uff1f;:,-\"'()[]\u201c\u201d\u2018\u2019",  # punctuation, quotes
    "\x00",
    "\x07",
    "\x7f",
    "\ufeff",
    "\u200b",
    "\u200f",
    "\u0301",
    "\ud800",
    "\udfff",
    "\U0001f600",
    "\u4e2d",
    "\u05d0",
    "\u0627",
    "\u00bd",
    "\u0663",
]
CHARS = st.one_of(
    st.characters(codec=None),
    st.characters(categories=["Cs"]),
    st.sampled_from(SPECIAL),
)
WORDS = [
    "the", "a", "of", "and", "is", "it", "to", "in",  # stop words
    "river", "rivers", "council", "library", "voted", "build", "sediment", "delta",
    "Farmers", "Dams", "The", "It", "A", "I",
    "Dr.", "Mr.", "U.S.", "e.g.", "i.e.", "etc.", "Inc.", "a.m.", "p.m.", "No.", "J.",
    "3.14", "$40", "2019", "1.", "2)", "-", "*", "\u2022",
    "https://example.com/a.b?c=d", "www.example.org", "x@y.z",
    "<p>", "</p>", "&amp;", "\U0001f600", "\u4e2d\u6587", "\u05e9\u05dc\u05d5\u05dd", "na\u00efve",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "\t", "\n", "\n\n", ". ", "! ", "? ", "... ", ".\n", '." ', ".) "]
SEPARATORS += ["\u2026 ", "\u3002"]

_word_runs = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=0, max_size=60
).map(lambda pairs: "".join(w + s for w, s in pairs))
_noise = st.text(CHARS, max_size=200)
_mixed = st.lists(st.one_of(_word_runs, st.text(CHARS, max_size=8)), max_size=6).map("".join)
_duplicates = st.tuples(_word_runs, st.integers(1, 12), st.sampled_from(SEPARATORS)).map(
    lambda t: t[2].join([t[0]] * t[1])
)
TEXTS = st.one_of(_word_runs, _noise, _mixed, _duplicates)

# --- option strategies ---------------------------------------------------------------------------

BUDGETS = st.one_of(
    st.just({}),
    st.builds(dict, sentences=st.integers(1, 12)),
    st.builds(dict, ratio=st.floats(0.0, 1.0, exclude_min=True)),
    st.builds(dict, words=st.integers(1, 80)),
    st.builds(dict, chars=st.integers(1, 400)),
)


@st.composite
def method_options(draw) -> dict:
    options = {
        "method": draw(st.sampled_from(METHODS)),
        "language": draw(st.sampled_from(LANGUAGES)),
        "order": draw(st.sampled_from(ORDERS)),
    }
    if "damping" in get_method(options["method"]).option_names():
        options["damping"] = draw(st.floats(0.01, 0.99))
    if options["method"] == "lexrank":
        options["threshold"] = draw(st.one_of(st.none(), st.floats(0.0, 0.99)))
    return options


def has_content(text: str) -> bool:
    return any(c.isalnum() for c in text)


def sizes(sentences, kind: str) -> list[int]:
    return [len(s.text.split()) if kind == "words" else len(s.text) for s in sentences]


# --- properties ----------------------------------------------------------------------------------


@PROPERTY
@given(TEXTS)
def test_split_sentences_spans_are_valid_ordered_and_cover_the_text(text):
    sentences = split_sentences(text)
    covered = [False] * len(text)
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i and s.score is None
        assert 0 <= last_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        covered[s.start : s.end] = [True] * (s.end - s.start)
        last_end = s.end
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))


@PROPERTY
@given(TEXTS, BUDGETS, method_options())
def test_summarize_never_fails_and_returns_sentences_of_the_text(text, budget, options):
    summary = summarize(text, **budget, **options)
    every = split_sentences(text, options["language"], format=summary.format)
    all_sentences = {(s.start, s.end): s for s in every}
    assert summary.n_sentences == len(all_sentences) >= summary.n_candidates
    assert summary.method == options["method"] and summary.order == options["order"]
    if summary.format == "text":
        assert summary.text == text  # plain text: the offsets index the input itself
    indices = [s.index for s in summary.sentences]
    assert len(set(indices)) == len(indices)
    for s in summary.sentences:
        assert all_sentences[(s.start, s.end)].index == s.index
        assert summary.text[s.start : s.end] == s.text
        assert isinstance(s.score, float) and math.isfinite(s.score)
    if options["order"] == "document":
        assert indices == sorted(indices)


@PROPERTY
@given(TEXTS, BUDGETS, st.sampled_from(METHODS))
def test_content_gives_at_least_one_sentence_and_blank_gives_none(text, budget, method):
    summary = summarize(text, method=method, **budget)
    if has_content(summary.text):
        assert len(summary) >= 1
    if not text.strip():
        assert len(summary) == 0 and summary.n_sentences == 0 and str(summary) == ""


# "positional" adapts its scores to the budget (its lead prior fades as the summary grows)
# and by default takes sentences by MMR; with no lead weight and diversity 0 it must rank
# like any other method.
BUDGET_FREE = [
    {"method": m} for m in METHODS if m != "positional" and Summarizer(m).diversity == 0
] + [{"method": "positional", "lead_weight": 0.0, "diversity": 0.0}]


@PROPERTY
@given(TEXTS, st.integers(1, 12), st.sampled_from(BUDGET_FREE))
def test_sentence_budget_takes_the_k_best(text, k, options):
    ranked = summarize(text, ratio=1.0, order="score", **options).sentences
    summary = summarize(text, sentences=k, **options)
    assert len(summary) == min(k, len(ranked))
    chosen = {s.index for s in summary}
    assert chosen == {s.index for s in ranked[:k]}
    bigger = summarize(text, sentences=k + 1, **options)
    assert chosen <= {s.index for s in bigger}


@PROPERTY
@given(TEXTS, st.integers(1, 12), st.sampled_from(METHODS))
def test_sentence_budget_takes_k_sentences(text, k, method):
    summary = summarize(text, sentences=k, method=method)
    assert len(summary) == min(k, summary.n_candidates)


@PROPERTY
@given(TEXTS, st.floats(0.0, 1.0, exclude_min=True), st.sampled_from(METHODS))
def test_ratio_budget_takes_round_half_up_of_n_at_least_one(text, ratio, method):
    summary = summarize(text, ratio=ratio, method=method)
    n = summary.n_candidates
    expected = 0 if n == 0 else min(n, max(1, math.floor(ratio * n + 0.5)))
    assert len(summary) == expected


@PROPERTY
@given(TEXTS, st.sampled_from(["words", "chars"]), st.integers(1, 120), st.sampled_from(METHODS))
def test_length_budgets_fit_are_maximal_and_overflow_only_alone(text, kind, limit, method):
    """The documented rule of ``select.Budget`` for ``words=`` and ``chars=``, over the
    candidates (``Summary.ranking`` gives them a score)."""
    summary = summarize(text, method=method, ranking=True, **{kind: limit})
    everything = [s for s in summary.ranking if s.score is not None]
    if not everything:
        assert len(summary) == 0
        return
    used = sum(sizes(summary.sentences, kind))
    chosen = {s.index for s in summary}
    assert len(summary) >= 1
    if used > limit:  # allowed only for a single sentence when no sentence fits at all
        assert len(summary) == 1
        assert all(size > limit for size in sizes(everything, kind))
    for s, size in zip(everything, sizes(everything, kind), strict=True):
        if s.index not in chosen:  # greedy: whatever was left out would overflow
            assert used + size > limit


@PROPERTY
@given(TEXTS, TEXTS, BUDGETS, method_options())
def test_deterministic_and_independent_of_earlier_calls(text, other, budget, options):
    first = summarize(text, **budget, **options)
    Summarizer(options["method"]).summarize(other)  # warms caches with unrelated text
    second = summarize(text, **budget, **options)
    assert first == second  # dataclass equality: sentences, scores, options (not timings)
    assert str(first) == str(second)


@PROPERTY
@given(TEXTS, BUDGETS, st.sampled_from(METHODS))
def test_score_order_is_best_first_with_ties_in_document_order(text, budget, method):
    by_score = summarize(text, order="score", method=method, **budget).sentences
    by_position = summarize(text, order="document", method=method, **budget).sentences
    assert sorted(by_score, key=lambda s: s.index) == by_position
    scale = max((abs(s.score) for s in by_score), default=1.0) or 1.0
    for a, b in itertools.pairwise(by_score):
        assert a.score >= b.score - 1e-12 * scale
        if a.score == b.score:
            assert a.index < b.index


@PROPERTY
@given(TEXTS, BUDGETS, method_options())
def test_to_dict_is_strict_json_and_round_trips(text, budget, options):
    summary = summarize(text, **budget, **options)
    d = summary.to_dict()

    def no_constants(name):
        raise AssertionError(f"{name} in JSON")

    encoded = json.dumps(d, allow_nan=False)
    assert json.loads(encoded, parse_constant=no_constants) == d
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert [s["text"] for s in d["sentences"]] == [s.text for s in summary]
    assert d["n_sentences"] == summary.n_sentences
    assert set(d["timings"]) == {"read", "segment", "vectorize", "rank", "select", "total"}


@PROPERTY
@given(TEXTS, BUDGETS)
def test_str_is_one_line_per_sentence(text, budget):
    summary = summarize(text, **budget)
    lines = str(summary).splitlines() if len(summary) else []
    assert lines == [" ".join(s.text.split()) for s in summary]
    assert all(line and line == line.strip() for line in lines)


@PROPERTY
@given(TEXTS, st.text(" \t\n\r\u3000", max_size=6), st.text(" \t\n\r\u3000", max_size=6))
def test_surrounding_whitespace_only_shifts_offsets(text, before, after):
    plain = split_sentences(text)
    padded = split_sentences(before + text + after)
    shift = len(before)
    assert [(s.start + shift, s.end + shift, s.text) for s in plain] == [
        (s.start, s.end, s.text) for s in padded
    ]


@PROPERTY
@given(TEXTS, st.integers(1, 400))
def test_max_chars_refuses_exactly_the_longer_texts(text, max_chars):
    if len(text) > max_chars:
        with pytest.raises(InputTooLargeError, match="max_chars"):
            summarize(text, max_chars=max_chars)
    else:
        summary = summarize(text, max_chars=max_chars)
        assert summary.n_sentences == len(split_sentences(text, format=summary.format))


@PROPERTY
@given(st.lists(TEXTS, max_size=4), TEXTS, BUDGETS, st.sampled_from(METHODS))
def test_fitted_summarizer_keeps_the_contract(corpus, text, budget, method):
    summary = Summarizer(method).fit(corpus).summarize(text, **budget)
    assert summary.n_sentences == len(split_sentences(text, format=summary.format))
    for s in summary:
        assert summary.text[s.start : s.end] == s.text and math.isfinite(s.score)
    if has_content(summary.text):
        assert len(summary) >= 1


# --- invalid options -----------------------------------------------------------------------------

_not_numbers = st.one_of(
    st.text(max_size=5), st.booleans(), st.lists(st.integers(), max_size=2), st.just(None)
)
_bad_counts = st.one_of(
    st.integers(max_value=0),
    st.floats(allow_nan=True).filter(lambda x: not (math.isfinite(x) and x >= 1 and x == int(x))),
    st.text(max_size=5),
    st.booleans(),
)
_bad_ratios = st.one_of(
    st.floats().filter(lambda x: not 0.0 < x <= 1.0),
    st.integers().filter(lambda x: x != 1),
    st.text(max_size=5),
    st.booleans(),
)
_bad_unit_interval = st.one_of(st.floats().filter(lambda x: not 0.0 < x < 1.0), _not_numbers)
_bad_choice = st.one_of(st.text(max_size=12), st.integers(), st.none()).filter(
    lambda x: x not in (*METHODS, *LANGUAGES, *ORDERS)
)


def _is_language(value: object) -> bool:
    try:
        resolve_language(value)
    except InvalidOptionError:
        return False
    return True


_bad_language = st.one_of(st.text(max_size=12), st.integers()).filter(lambda v: not _is_language(v))
INVALID = st.one_of(
    st.builds(dict, sentences=_bad_counts),
    st.builds(dict, words=_bad_counts),
    st.builds(dict, chars=_bad_counts),
    st.builds(dict, ratio=_bad_ratios),
    st.builds(dict, sentences=st.integers(1, 5), ratio=st.floats(0.1, 1.0)),
    st.builds(dict, words=st.integers(1, 5), chars=st.integers(1, 5)),
    st.builds(dict, method=_bad_choice),
    st.builds(dict, language=_bad_language),
    st.builds(dict, order=_bad_choice),
    st.builds(dict, damping=_bad_unit_interval),
    st.builds(
        dict,
        method=st.just("lexrank"),
        threshold=st.one_of(st.floats().filter(lambda x: not 0.0 <= x < 1.0), _not_numbers),
    ).filter(lambda d: d["threshold"] is not None),
    st.builds(
        dict,
        max_chars=st.one_of(st.integers(max_value=0), st.floats(), st.text(max_size=3)),
    ),
    st.dictionaries(
        st.text(min_size=1, max_size=10).filter(lambda k: k not in KNOWN_OPTIONS),
        st.integers(),
        min_size=1,
        max_size=2,
    ),
)


@PROPERTY
@given(TEXTS, INVALID)
def test_invalid_options_always_raise_invalid_option_error(text, options):
    assume(options)
    with pytest.raises(InvalidOptionError) as info:
        summarize(text, **options)
    message = str(info.value)
    assert message and "\n" not in message
