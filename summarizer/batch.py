"""Many documents: ``summarize_many`` streams an iterable of texts to summaries, in input order.

With ``n_jobs > 1`` texts go to worker processes in small chunks, only a few
chunks at a time, so memory stays flat however long the input is. Each worker
rebuilds the summarizer once from its plain-data state (``Summarizer.to_dict``),
so every result equals ``summarize()`` on that text, fitted IDF included.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import multiprocessing.process
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Literal, overload

from summarizer import validate
from summarizer.api import Source, Summarizer, Summary
from summarizer.budget import Budget
from summarizer.errors import (
    InvalidOptionError,
    MissingDependencyError,
    SummarizerError,
    install_hint,
)

__all__ = ["summarize_many"]

DEFAULT_CHUNKSIZE = 32
CHUNK_CHARS = 1_000_000  # a chunk also closes once its texts reach this many characters
PENDING_PER_JOB = 2  # chunks in flight per worker: keeps workers busy, memory bounded
ERRORS = ("raise", "return")
FORKSERVER_PRELOAD = ("summarizer.batch",)

Outcome = Summary | SummarizerError


def prepare(
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    chars: int | None,
    summarizer: Summarizer | None,
    options: dict[str, Any],
    budget: Budget | None = None,
) -> tuple[Summarizer, Budget]:
    """Validate a budget and options once: the summarizer to use and the ``Budget``."""
    if budget is None:
        budget = Budget.from_options(sentences, ratio, words, chars)
    elif (sentences, ratio, words, chars) != (None, None, None, None):
        raise InvalidOptionError("give either budget= or one of sentences=, ratio=, ...")
    else:
        budget = Budget.of(budget)
    if summarizer is None:
        return Summarizer(**options), budget
    if not isinstance(summarizer, Summarizer):
        raise validate.fail("summarizer", "a Summarizer", summarizer)
    if options:
        raise InvalidOptionError(
            f"give options ({', '.join(sorted(options))}) to the Summarizer, or pass no summarizer="
        )
    return summarizer, budget


def check_errors(errors: object) -> None:
    """InvalidOptionError unless ``errors`` is one of ``ERRORS``."""
    if errors not in ERRORS:
        raise validate.fail("errors", "'raise' or 'return'", errors)


def summarize_chunk(
    summarizer: Summarizer, texts: Iterable[object], budget: Budget
) -> list[Outcome]:
    """One outcome per text: its Summary, or the SummarizerError it raised."""
    out: list[Outcome] = []
    for text in texts:
        try:
            out.append(summarizer.summarize(text, budget=budget))  # type: ignore[arg-type]
        except SummarizerError as exc:
            out.append(exc)
    return out


@overload
def summarize_many(
    texts: Iterable[Source],
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    n_jobs: int = 1,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Literal["raise"] = "raise",
    summarizer: Summarizer | None = None,
    mp_context: str | multiprocessing.context.BaseContext | None = None,
    budget: Budget | None = None,
    **options: Any,
) -> Iterator[Summary]: ...


@overload
def summarize_many(
    texts: Iterable[Source],
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    n_jobs: int = 1,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: Literal["return"],
    summarizer: Summarizer | None = None,
    mp_context: str | multiprocessing.context.BaseContext | None = None,
    budget: Budget | None = None,
    **options: Any,
) -> Iterator[Summary | SummarizerError]: ...


def summarize_many(
    texts: Iterable[Source],
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    n_jobs: int = 1,
    chunksize: int | None = None,
    progress: bool | None = None,
    errors: str = "raise",
    summarizer: Summarizer | None = None,
    mp_context: str | multiprocessing.context.BaseContext | None = None,
    budget: Budget | None = None,
    **options: Any,
) -> Iterator[Summary | SummarizerError]:
    """Summarize many texts lazily: one ``Summary`` per text, in input order.

    Every argument is checked when this is called, before any text is read;
    the texts are read only as results are consumed.

    Parameters
    ----------
    texts : any iterable of ``str`` or documents already read (``readers.Extracted``):
        a list, or a generator over a huge file.
    sentences, ratio, words, chars, budget : at most one budget, as for ``summarize``.
    n_jobs : worker processes; 1 (default) works in this process; -1 uses every CPU.
    chunksize : texts per task sent to a worker (default 32; a chunk also closes
        at 1,000,000 characters). At most ``2 * n_jobs`` chunks are in flight.
    progress : a tqdm progress bar on stderr. ``None`` (default) shows one only
        when stderr is a terminal and tqdm is installed; ``True`` always (it
        raises MissingDependencyError without tqdm: ``pip install
        'extractive-summarizer[progress]'``); ``False`` never.
    errors : ``"raise"`` (default): a text's error (e.g. InvalidInputError for a
        non-str) is raised when its turn comes, after every earlier summary was
        yielded. ``"return"``: the error is yielded in the text's place and the
        rest goes on. An error raised by ``texts`` itself is raised after the
        summaries of every text read before it, whatever ``n_jobs``.
    summarizer : a configured, possibly fitted ``Summarizer`` to use instead of ``options``.
    mp_context : start method or context for ``n_jobs > 1``; default
        ``"forkserver"`` where available, else ``"spawn"``. Workers take a
        second or two to start; meanwhile this process summarizes the first
        texts itself. As with any multiprocessing code, a script must guard
        its entry point with ``if __name__ == "__main__":``. A script read on
        standard input has no file the workers can import: by default its
        workers fork (on Linux; elsewhere, or with ``"spawn"`` or
        ``"forkserver"``, it raises InvalidOptionError). Workers end when this
        process dies, however it is killed.
    options : ``Summarizer`` options (``method``, ``language``, ``order``, ...).
    """
    summarizer, budget = prepare(sentences, ratio, words, chars, summarizer, options, budget)
    jobs = _jobs(n_jobs)
    chunksize = DEFAULT_CHUNKSIZE if chunksize is None else validate.integer("chunksize", chunksize)
    if progress not in (None, True, False):
        raise validate.fail("progress", "None, True or False", progress)
    if progress:
        _tqdm()  # fail now, not at the first result
    check_errors(errors)
    context = _context(mp_context, jobs)
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise InvalidOptionError(
            f"texts must be an iterable of str, not {type(texts).__name__}; "
            "for one text use summarize()"
        )
    if context is None:
        outcomes = _sequential(summarizer, texts, budget)
    else:
        outcomes = _parallel(summarizer, texts, budget, jobs, chunksize, context, warm_up=True)
    return _deliver(outcomes, errors, progress, _length(texts))


def _jobs(n_jobs: object) -> int:
    if isinstance(n_jobs, int) and not isinstance(n_jobs, bool):
        if n_jobs >= 1:
            return n_jobs
        if n_jobs == -1:
            if hasattr(os, "sched_getaffinity"):
                return max(1, len(os.sched_getaffinity(0)))
            return os.cpu_count() or 1
    raise validate.fail("n_jobs", "a positive integer or -1 (every CPU)", n_jobs)


def _context(mp_context: object, jobs: int) -> multiprocessing.context.BaseContext | None:
    """The start context for ``jobs`` workers; None for one job (``mp_context`` checked anyway)."""
    methods = multiprocessing.get_all_start_methods()
    valid = isinstance(mp_context, multiprocessing.context.BaseContext) or mp_context is None
    if not valid and not (isinstance(mp_context, str) and mp_context in methods):
        raise InvalidOptionError(
            f"mp_context must be None, a multiprocessing context or one of "
            f"{', '.join(methods)}; not {mp_context!r}"
        )
    if jobs == 1:
        return None
    if isinstance(mp_context, multiprocessing.context.BaseContext):
        context = mp_context
    elif isinstance(mp_context, str):
        context = multiprocessing.get_context(mp_context)
    elif not _main_importable():
        if "fork" not in methods or sys.platform == "darwin":  # fork is unsafe on macOS
            raise InvalidOptionError(_NO_MAIN, option="n_jobs")
        return multiprocessing.get_context("fork")
    elif "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    else:
        context = multiprocessing.get_context("forkserver")
        _add_forkserver_preload(context)
        return context
    if context.get_start_method() != "fork" and not _main_importable():
        raise InvalidOptionError(_NO_MAIN, option="mp_context")
    return context


_NO_MAIN = (
    "n_jobs > 1 cannot start worker processes from this script: it has no file the workers "
    "can import (it was read from standard input?); save it to a file, use n_jobs=1, or "
    "mp_context='fork' where available"
)


def _main_importable() -> bool:
    """Whether workers started by spawn or forkserver can import ``__main__`` as they must.

    A script run from a file or with ``-m``, ``-c`` and the interactive prompt can; a script
    read from standard input (``python - < script.py``) names the file ``<stdin>``, which
    multiprocessing tries to run again in every worker, and they die at start.
    """
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    if not isinstance(path, str):
        return True
    original = getattr(multiprocessing.process, "ORIGINAL_DIR", None) or ""
    return os.path.isfile(os.path.join(original, path))


def _add_forkserver_preload(context: multiprocessing.context.BaseContext) -> None:
    """Import our modules once in the fork server, so that workers fork warm.

    Importing numpy and the package costs a few tenths of a second; paid in
    every spawned worker it would dominate a short batch. Modules already preloaded (by default
    ``__main__``) are kept; a fork server already running is left alone.
    """
    from multiprocessing import forkserver

    current = list(getattr(getattr(forkserver, "_forkserver", None), "_preload_modules", []))
    current = current or ["__main__"]
    wanted = [name for name in FORKSERVER_PRELOAD if name not in current]
    if wanted:
        context.set_forkserver_preload(current + wanted)


def _tqdm() -> Any:
    try:
        from tqdm import tqdm
    except ImportError:
        raise MissingDependencyError(
            f"progress=True needs tqdm; install it with: {install_hint('progress')}"
        ) from None
    return tqdm


def _length(texts: Iterable[object]) -> int | None:
    try:
        return len(texts)  # type: ignore[arg-type]
    except TypeError:
        return None


def _deliver(
    outcomes: Iterator[Outcome], errors: str, progress: bool | None, total: int | None
) -> Iterator[Outcome]:
    bar = None
    if progress or (progress is None and sys.stderr is not None and sys.stderr.isatty()):
        try:
            bar = _tqdm()(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)
        except MissingDependencyError:
            if progress:
                raise
    try:
        for outcome in outcomes:
            if bar is not None:
                bar.update(1)
            if errors == "raise" and isinstance(outcome, SummarizerError):
                raise outcome
            yield outcome
    finally:
        if bar is not None:
            bar.close()
        outcomes.close()  # type: ignore[attr-defined]  # stops the workers now


def _sequential(
    summarizer: Summarizer, texts: Iterable[object], budget: Budget
) -> Iterator[Outcome]:
    for text in texts:
        yield from summarize_chunk(summarizer, (text,), budget)


def _chunks(texts: Iterable[object], size: int) -> Iterator[list[object]]:
    """Lists of ``size`` texts (fewer once they reach ``CHUNK_CHARS``). If reading ``texts``
    fails, the texts read before are yielded first, then the error is raised."""
    chunk: list[object] = []
    chars = 0
    iterator = iter(texts)
    while True:
        try:
            text = next(iterator)
        except StopIteration:
            break
        except Exception:
            if chunk:
                yield chunk
            raise
        chunk.append(text)
        chars += len(text) if isinstance(text, str) else 0
        if len(chunk) >= size or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _parallel(
    summarizer: Summarizer,
    texts: Iterable[object],
    budget: Budget,
    jobs: int,
    chunksize: int,
    context: multiprocessing.context.BaseContext,
    *,
    warm_up: bool,
) -> Iterator[Outcome]:
    """Outcomes from ``jobs`` worker processes, in input order. With ``warm_up``, this process
    summarizes while the workers start (unless they fork, which is quick)."""
    chunks = _Reader(_chunks(texts, chunksize))
    pending: deque[tuple[Future[list[Outcome]], list[object], list[Outcome]]] = deque()
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(summarizer.to_dict(),)
    )
    try:
        if warm_up and context.get_start_method() != "fork":
            # Starting workers takes a while (a fresh interpreter imports numpy and the
            # package); rather than wait, summarize here until they are ready.
            ready = _start_in_background(pool, jobs)
            while not ready.is_set():
                chunk = chunks.next()
                if chunk is None:
                    chunks.raise_error()
                    return
                yield from summarize_chunk(summarizer, chunk, budget)
        for chunk in islice(chunks, jobs * PENDING_PER_JOB):
            pending.append(_submit(pool, summarizer, chunk, budget))
        while pending:
            future, chunk, refused = pending.popleft()
            done = future.result()
            for more in islice(chunks, 1):
                pending.append(_submit(pool, summarizer, more, budget))
            if refused:  # put the refused items back in their places
                done_iter, refused_iter = iter(done), iter(refused)
                done = [next(done_iter if isinstance(t, str) else refused_iter) for t in chunk]
            yield from done
        chunks.raise_error()  # the input failed: only now, after every result read before it
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Reader:
    """Chunks of the input that end, rather than raise, when reading the input fails; the
    error is kept for ``raise_error``, so that the chunks already sent to workers are
    delivered before it."""

    def __init__(self, chunks: Iterator[list[object]]) -> None:
        self.chunks = chunks
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[list[object]]:
        while (chunk := self.next()) is not None:
            yield chunk

    def next(self) -> list[object] | None:
        """The next chunk; None at the end of the input or once reading it failed."""
        if self.error is not None:
            return None
        try:
            return next(self.chunks)
        except StopIteration:
            return None
        except Exception as exc:
            self.error = exc
            return None

    def raise_error(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error


def _submit(
    pool: ProcessPoolExecutor, summarizer: Summarizer, chunk: list[object], budget: Budget
) -> tuple[Future[list[Outcome]], list[object], list[Outcome]]:
    """Send the chunk's texts to a worker; refuse the rest here, since they may not pickle."""
    texts: list[object] = [t for t in chunk if isinstance(t, str)]
    refused = []
    if len(texts) < len(chunk):
        refused = summarize_chunk(summarizer, [t for t in chunk if not isinstance(t, str)], budget)
    return pool.submit(_work, texts, budget), chunk, refused


def _start_in_background(pool: ProcessPoolExecutor, jobs: int) -> threading.Event:
    """Start the pool's workers from a thread; the event is set once they answer (or fail).

    A failure needs no handling here: the pool is then broken, and the next
    submit from the caller raises it.
    """
    ready = threading.Event()

    def start() -> None:
        try:
            for future in [pool.submit(_ready) for _ in range(jobs)]:
                future.result()
        except (Exception, CancelledError):
            pass
        finally:
            ready.set()

    threading.Thread(target=start, name="summarizer-pool-start", daemon=True).start()
    return ready


def _ready() -> None:
    """A no-op task: its result means a worker has started."""


_worker: Summarizer | None = None


def _start_worker(state: dict[str, Any]) -> None:
    """Process pool initializer: build this worker's summarizer once; leave Ctrl-C to the parent.

    BLAS gets one thread per worker when threadpoolctl is installed (scikit-learn
    and many other packages bring it): the parallelism is the workers, and more
    threads than CPUs only slow long documents down. Without it BLAS keeps its
    default, which costs little, since short documents do not use BLAS threads.
    """
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        pass
    else:
        threadpool_limits(1)
    _worker = Summarizer.from_dict(state)


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it is gone, however it died.

    A pool's workers wait for tasks on a queue that they hold both ends of, so a parent
    killed by SIGTERM, SIGHUP or SIGKILL would leave them (and, through them, the fork
    server and the resource tracker) running for ever, holding stdout open. Each worker
    holds the read end of a pipe whose only write end is in the parent
    (``multiprocessing.parent_process().sentinel``, whatever the start method); the kernel
    closes it when the parent dies, and a thread waiting on it then ends the worker.
    """
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:  # pragma: no cover - always set in a worker
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="summarizer-parent-watch", daemon=True).start()


EXIT_ORPHANED = 70  # a worker's exit status when it ends because its parent died


def _work(texts: list[object], budget: Budget) -> list[Outcome]:
    assert _worker is not None, "worker not initialized"
    return summarize_chunk(_worker, texts, budget)
