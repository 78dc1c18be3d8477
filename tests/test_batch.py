"""summarize_many: lazy, ordered, and equal to summarize() per text, with or without workers."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
import types
from itertools import count, islice
from pathlib import Path

import pytest
from conftest import ARTICLE, WRAPPED, default_signals

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

ROOT = Path(__file__).resolve().parents[1]


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


def failing_at(n: int, texts: list[str]):
    """The texts, then an error in place of text ``n`` (as a generator over a broken file)."""
    for i, text in enumerate(texts):
        if i == n:
            raise OSError("the input broke")
        yield text


@pytest.mark.slow
@pytest.mark.parametrize("n_jobs", [1, 2])
@pytest.mark.parametrize("warm_up", [True, False])
def test_results_read_before_an_input_error_are_all_yielded(n_jobs, warm_up, monkeypatch):
    """Finding 8 of issue 16: with workers, the chunks in flight and the one being read were
    lost when the input raised (160 of 300 results)."""
    if not warm_up:
        parallel = summarizer.batch._parallel
        monkeypatch.setattr(
            summarizer.batch, "_parallel", lambda *a, **k: parallel(*a, **{**k, "warm_up": False})
        )
    texts = corpus(120)
    got = []
    with pytest.raises(OSError, match="the input broke"):
        for summary in summarize_many(failing_at(100, texts), 1, n_jobs=n_jobs, chunksize=7):
            got.append(summary)
    assert got == [summarize(t, 1) for t in texts[:100]]


def test_chunks_yield_what_was_read_before_the_input_failed():
    chunks = summarizer.batch._chunks(failing_at(5, corpus(9)), 3)
    assert len(next(chunks)) == 3
    assert len(next(chunks)) == 2  # texts 3 and 4, then the error
    with pytest.raises(OSError, match="the input broke"):
        next(chunks)


STDIN_SCRIPT = """
from summarizer import summarize_many
if __name__ == "__main__":
    text = "Dogs bark at night. Cats sleep all day. Birds sing in the morning."
    print(len(list(summarize_many([text] * 200, 1, n_jobs=2, chunksize=4, {extra}))))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the fork fallback is for Linux")
def test_workers_start_from_a_script_read_on_stdin():
    """Finding 9 of issue 16: ``python - < script.py`` with n_jobs=2 died with
    BrokenProcessPool (each worker tried to run the file "<stdin>")."""
    ok = _run_stdin_script(STDIN_SCRIPT.format(extra=""))
    assert (ok.returncode, ok.stdout.strip(), ok.stderr) == (0, b"200", b"")
    refused = _run_stdin_script(STDIN_SCRIPT.format(extra="mp_context='spawn'"))
    assert refused.returncode == 1 and b"BrokenProcessPool" not in refused.stderr
    assert b"InvalidOptionError: n_jobs > 1 cannot start worker processes" in refused.stderr


def _run_stdin_script(script: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-"], input=script.encode(), capture_output=True, env=env, timeout=120
    )


def test_a_main_module_without_a_file_is_noticed(monkeypatch):
    main = types.ModuleType("__main__")
    monkeypatch.setitem(sys.modules, "__main__", main)
    assert summarizer.batch._main_importable()  # -c, the interactive prompt
    main.__file__ = "<stdin>"
    assert not summarizer.batch._main_importable()
    with pytest.raises(InvalidOptionError, match="standard input") as info:
        summarize_many([ARTICLE], n_jobs=2, mp_context="forkserver")
    assert info.value.option == "mp_context"
    main.__file__ = __file__
    assert summarizer.batch._main_importable()


# Finding 4 of issue 16: a parent killed by a signal left its workers (and with them the fork
# server and the resource tracker) running for ever, holding its stdout open.
ENDLESS_SCRIPT = """
import itertools, sys
from summarizer import summarize_many
text = "Dogs bark at night. Cats sleep all day. Birds sing in the morning. " * 20
for summary in summarize_many(itertools.repeat(text), 1, n_jobs=2, chunksize=1):
    print(summary, flush=True)
"""


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    return children


def _descendants(pid: int) -> list[int]:
    children, found, todo = _children(), [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_parent_and_check(command: list[str], signum: int) -> None:
    """Run ``command``, wait until its two workers run, kill it with ``signum``; then its
    stdout must reach end of file and every process it started must end."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        preexec_fn=default_signals,
    )
    started: list[int] = []
    try:
        assert proc.stdout.readline()
        for _ in range(600):  # the fork server and its two workers, or give up after a minute
            started = _descendants(proc.pid)
            grandchildren = [p for p in started if p not in _children().get(proc.pid, [])]
            if len(grandchildren) >= 2:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the workers never started")
        os.kill(proc.pid, signum)
        proc.wait(timeout=60)
        reader = threading.Thread(target=proc.stdout.read, daemon=True)
        reader.start()
        reader.join(60)  # a guard against hanging, not a timing
        assert not reader.is_alive(), "stdout stayed open after the parent died"
        for _ in range(600):
            if not any(_alive(p) for p in started):
                break
            time.sleep(0.1)
        assert not [p for p in started if _alive(p)], "processes outlived their parent"
    finally:
        for pid in [proc.pid, *started]:
            with contextlib.suppress(OSError):
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
        proc.stdout.close()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_end_when_their_parent_is_killed(signum):
    _kill_parent_and_check([sys.executable, "-c", ENDLESS_SCRIPT], signum)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_cli_workers_end_when_the_cli_is_killed(tmp_path):
    text = "Dogs bark at night. Cats sleep all day. Birds sing in the morning. " * 20
    files = []
    for i in range(2000):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text)
    command = [sys.executable, "-m", "summarizer", "--jobs", "2", "-n", "1", *map(str, files)]
    _kill_parent_and_check(command, signal.SIGTERM)
