"""summarize_many: lazy, ordered, and equal to summarize() per text, with or without workers."""

from __future__ import annotations

import random
import sys
import threading
from itertools import count, islice

import pytest
from conftest import ARTICLE, WRAPPED

import summarizer.batch
from summarizer import (
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    Summarizer,
    Summary,
    summarize,
    summarize_many,
)
from summarizer.batch import PENDING_PER_JOB


def corpus(n: int, seed: int = 7) -> list[str]:
    """Texts of very different lengths (so parallel chunks finish out of order)."""
    sentences = [line for line in (ARTICLE + WRAPPED).replace("\n\n", "\n").split("\n") if line]
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        k = rng.choice([1, 2, 4, 9, 30]) if i % 7 else 0
        texts.append(" ".join(rng.choice(sentences) for _ in range(k)))
    return texts


def counting(texts, seen: list[int]):
    """A generator that records how many items were pulled from it."""
    for i, text in enumerate(texts):
        seen.append(i)
        yield text


@pytest.fixture
def pool_only(monkeypatch):
    """Send every text to the workers: no summarizing in this process while they start."""
    parallel = summarizer.batch._parallel

    def pool_only_parallel(*args, **kwargs):
        return parallel(*args, **{**kwargs, "warm_up": False})

    monkeypatch.setattr(summarizer.batch, "_parallel", pool_only_parallel)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"sentences": 2, "method": "lexrank"},
        {"ratio": 0.5, "method": "tfidf", "order": "score"},
        {"words": 25, "method": "lead"},
    ],
)
def test_in_process_results_equal_summarize(options):
    texts = corpus(30)
    expected = [summarize(t, **options) for t in texts]
    assert list(summarize_many(texts, **options)) == expected


@pytest.mark.slow
def test_worker_processes_give_the_same_results_in_order(pool_only):
    texts = corpus(120)
    options = {"chars": 200, "method": "lexrank", "threshold": 0.1}
    expected = [summarize(t, **options) for t in texts]
    got = list(summarize_many(iter(texts), n_jobs=2, chunksize=3, **options))
    assert got == expected
    assert all(isinstance(s, Summary) for s in got)
    assert [s.n_sentences for s in got] == [e.n_sentences for e in expected]


@pytest.mark.slow
def test_fitted_summarizer_is_used_by_workers(pool_only):
    texts = corpus(40)
    fitted = Summarizer(method="lexrank").fit(corpus(60, seed=1))
    expected = [fitted.summarize(t, 2) for t in texts]
    assert list(summarize_many(texts, 2, summarizer=fitted, n_jobs=2, chunksize=4)) == expected
    unfitted = [summarize(t, 2, method="lexrank") for t in texts]
    scores = [[s.score for s in x.sentences] for x in expected]
    assert scores != [[s.score for s in x.sentences] for x in unfitted], "IDF had no effect"


@pytest.mark.slow
def test_summarizing_here_while_workers_start_changes_nothing():
    texts = corpus(400)
    expected = [summarize(t, 2) for t in texts]
    assert list(summarize_many(iter(texts), 2, n_jobs=2, chunksize=5)) == expected


def test_input_is_consumed_lazily_in_process():
    seen: list[int] = []
    results = summarize_many(counting(corpus(50), seen))
    assert seen == []  # nothing is read before the first result is asked for
    next(results)
    assert len(seen) == 1
    assert len(list(islice(results, 5))) == 5
    assert len(seen) == 6


@pytest.mark.slow
def test_workers_hold_a_bounded_number_of_texts(pool_only):
    seen: list[int] = []
    texts = (ARTICLE for _ in count())  # endless: must never be materialized
    results = summarize_many(counting(texts, seen), n_jobs=2, chunksize=4)
    first = list(islice(results, 10))
    assert len(first) == 10
    in_flight = 2 * PENDING_PER_JOB * 4
    assert 10 <= len(seen) <= 10 + in_flight + 4
    results.close()  # shuts the pool down promptly


@pytest.mark.slow
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_bad_text_raises_in_its_turn(n_jobs, pool_only):
    texts = [ARTICLE, WRAPPED, b"bytes", ARTICLE]
    results = summarize_many(texts, 1, n_jobs=n_jobs, chunksize=4)
    assert next(results) == summarize(ARTICLE, 1)
    assert next(results) == summarize(WRAPPED, 1)
    with pytest.raises(InvalidInputError, match="decode"):
        next(results)


@pytest.mark.slow
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_errors_return_yields_the_error_in_place(n_jobs, pool_only):
    texts = ["Short. Text.", None, "x" * 50, "Fine text. Also fine."]
    got = list(summarize_many(texts, 1, n_jobs=n_jobs, errors="return", max_chars=40))
    assert got[0] == summarize(texts[0], 1) and got[3] == summarize(texts[3], 1)
    assert isinstance(got[1], InvalidInputError)
    assert isinstance(got[2], InputTooLargeError) and "max_chars" in str(got[2])


@pytest.mark.slow
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_text_that_cannot_pickle_is_refused_in_place(n_jobs, pool_only):
    texts = [ARTICLE, lambda: 0, WRAPPED, threading.Lock()]
    got = list(summarize_many(texts, 1, n_jobs=n_jobs, errors="return", chunksize=4))
    assert got[0] == summarize(ARTICLE, 1) and got[2] == summarize(WRAPPED, 1)
    assert all(isinstance(g, InvalidInputError) for g in got[1::2])


def untouchable():
    raise AssertionError("the input was read before the options were checked")
    yield ""  # pragma: no cover


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_jobs": 0}, "n_jobs"),
        ({"n_jobs": -2}, "n_jobs"),
        ({"n_jobs": 1.5}, "n_jobs"),
        ({"n_jobs": True}, "n_jobs"),
        ({"chunksize": 0}, "chunksize"),
        ({"progress": "yes"}, "progress"),
        ({"errors": "ignore"}, "errors"),
        ({"mp_context": "teleport", "n_jobs": 2}, "mp_context"),
        ({"mp_context": "teleport"}, "mp_context"),
        ({"method": "nope"}, "method"),
        ({"colour": "red"}, "unknown option 'colour'"),
        ({"sentences": 2, "ratio": 0.5}, "at most one budget"),
        ({"summarizer": Summarizer(), "method": "lead"}, "method"),
        ({"summarizer": "textrank"}, "Summarizer"),
    ],
)
def test_options_are_checked_before_any_text_is_read(kwargs, match):
    with pytest.raises(InvalidOptionError, match=match):
        summarize_many(untouchable(), **kwargs)


def test_a_single_string_is_refused():
    with pytest.raises(InvalidOptionError, match="summarize"):
        summarize_many(ARTICLE)


def test_progress_bar_only_when_asked_or_interactive(capsys):
    pytest.importorskip("tqdm")
    list(summarize_many([ARTICLE] * 3))  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""
    list(summarize_many([ARTICLE] * 3, progress=True))
    err = capsys.readouterr().err
    assert "3/3" in err and "doc" in err


def test_progress_without_tqdm_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm` fail
    with pytest.raises(MissingDependencyError, match=r"summarizer\[progress\]"):
        summarize_many([ARTICLE], progress=True)
    assert len(list(summarize_many([ARTICLE]))) == 1  # auto mode just goes without a bar
