"""Scale-out on Dask: summaries of a bag or a DataFrame column, and corpus IDF as a reduction.

Needs the ``dask`` extra (``pip install 'extractive-summarizer[dask]'``). Works with any
Dask scheduler; on a ``distributed`` cluster the workers need summarizer
installed too. What crosses the wire is plain data: the summarizer's state
(``Summarizer.to_dict``, one graph node shared by every task), texts in,
``Summary`` objects out (small frozen dataclasses that pickle by value), and
one ``DocumentFrequencies`` per partition in the IDF reduction. Each task
rebuilds the summarizer from that state, so results equal local results.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from summarizer import validate
from summarizer.api import Summarizer, Summary
from summarizer.batch import check_errors, prepare, summarize_chunk
from summarizer.budget import Budget
from summarizer.errors import (
    InvalidOptionError,
    MissingDependencyError,
    SummarizerError,
    install_hint,
)
from summarizer.vectorize import DocumentFrequencies

try:
    import dask
    import dask.bag as db
    import dask.base
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError(
        f"summarizer.distributed needs dask; install it with: {install_hint('dask')}"
    ) from None

__all__ = ["fit_idf", "summarize_bag", "summarize_frame"]


def summarize_bag(
    bag: db.Bag,
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    errors: str = "raise",
    summarizer: Summarizer | None = None,
    **options: Any,
) -> db.Bag:
    """A lazy bag of ``Summary``, one per text of ``bag``, in the same order.

    Budget, ``errors``, ``summarizer`` and ``options`` mean what they mean for
    ``summarize_many``; they are checked now, not when the bag is computed.
    With ``errors="return"`` a failed text gives its SummarizerError in place.
    Call ``.map(Summary.to_dict)`` for JSON-ready dicts.
    """
    summarizer, budget = prepare(sentences, ratio, words, chars, summarizer, options)
    _check(bag, db.Bag, "bag", "a dask.bag.Bag")
    check_errors(errors)
    return bag.map_partitions(_outcomes, _shared(summarizer), budget, errors)


def summarize_frame(
    frame: Any,
    column: str = "text",
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    output: str = "summary",
    details: bool = False,
    errors: str = "raise",
    summarizer: Summarizer | None = None,
    **options: Any,
) -> Any:
    """A lazy dask DataFrame: ``frame`` plus summary columns for its text ``column``.

    Adds ``output`` (default ``"summary"``): the summary text, one sentence a
    line. With ``details=True`` also ``output + "_json"``: ``Summary.to_dict()``
    without timings, as a JSON string (sentences with scores and offsets).
    With ``errors="return"`` a row whose text fails (e.g. a missing value) gets
    None in ``output`` and ``{"error": message}`` in the details.

    A row that is not a ``str`` (bytes, a number) is refused as ``summarize()`` refuses it,
    although Dask, with its string conversion on (the default with pyarrow), turns an object
    column's values into text when a frame is made from pandas or from delayed objects: for
    such a ``column`` that conversion is left out of the frame's graph, so that its values
    reach the summarizer as they are (the frame's other object columns then stay object).
    """
    import dask.dataframe as dd
    import pandas as pd

    summarizer, budget = prepare(sentences, ratio, words, chars, summarizer, options)
    _check(frame, dd.DataFrame, "frame", "a dask.dataframe.DataFrame")
    check_errors(errors)
    if column not in frame.columns:
        raise InvalidOptionError(
            f"no column {column!r}; the columns are {', '.join(map(repr, frame.columns))}"
        )
    frame = _unconverted(frame, column)
    if not isinstance(output, str):
        raise validate.fail("output", "a column name (a str)", output)
    names = [output, output + "_json"] if details else [output]
    if column in names:
        raise InvalidOptionError(f"output must be a column name other than {column!r}")
    meta = frame._meta.assign(**{name: pd.Series(dtype=object) for name in names})
    return frame.map_partitions(
        _summarize_frame_partition,
        column,
        names,
        _shared(summarizer),
        budget,
        errors,
        meta=meta,
    )


def fit_idf(
    bag: db.Bag,
    summarizer: Summarizer | None = None,
    *,
    split_every: int | None = None,
    **options: Any,
) -> Summarizer:
    """Learn corpus IDF from a bag of texts as a tree reduction; computes now.

    Each partition counts its documents' terms locally; counts are then
    added up (exact integers), so the result equals ``Summarizer.fit`` on the
    same texts. Returns ``summarizer`` (fitted in place, as ``fit`` does) or a
    new ``Summarizer(**options)``.
    """
    summarizer, _ = prepare(None, None, None, None, summarizer, options)
    _check(bag, db.Bag, "bag", "a dask.bag.Bag")
    state = {**summarizer.to_dict(), "frequencies": None}
    frequencies = bag.reduction(
        partial(_partition_frequencies, state), DocumentFrequencies.merge, split_every=split_every
    ).compute()
    summarizer.frequencies = frequencies
    return summarizer


def _unconverted(frame: Any, column: str) -> Any:
    """``frame`` without Dask's conversion of ``column`` to strings where it would turn
    values that are not text (bytes, numbers) into text: a ``from_pandas`` source holding
    them, or a conversion step over an object column (``from_delayed``, ``from_map``).

    Reaches into dask-expr; another Dask gets the frame unchanged.
    """
    try:
        from dask.dataframe.dask_expr import new_collection
        from dask.dataframe.dask_expr._expr import ArrowStringConversion
        from dask.dataframe.dask_expr.io.io import FromPandas
    except ImportError:  # pragma: no cover - a Dask before dask-expr
        return frame
    expr = original = frame.expr
    for node in list(original.walk()):
        if isinstance(node, FromPandas) and node.pyarrow_strings_enabled:
            if _holds_non_text(getattr(node.operand("frame"), "_data", None), column):
                plain = node.substitute_parameters({"pyarrow_strings_enabled": False})
                expr = expr.substitute(node, plain)
        elif isinstance(node, ArrowStringConversion) and _object_column(node.frame._meta, column):
            expr = expr.substitute(node, node.frame)
    return frame if expr is original else new_collection(expr)


def _object_column(data: Any, column: str) -> bool:
    """Whether pandas ``data`` has one column ``column``, of object dtype."""
    from pandas.api.types import is_object_dtype

    if column not in getattr(data, "columns", ()):
        return False
    dtype = getattr(data[column], "dtype", None)  # none if the name is not unique
    return dtype is not None and is_object_dtype(dtype)


def _holds_non_text(data: Any, column: str) -> bool:
    """Whether pandas ``data`` has ``column`` with values neither text nor missing."""
    import pandas as pd

    if not _object_column(data, column):
        return False
    return pd.api.types.infer_dtype(data[column], skipna=True) not in ("string", "empty")


def _check(value: object, kind: type, name: str, wanted: str) -> None:
    if not isinstance(value, kind):
        raise validate.fail(name, wanted, type(value).__name__)


def _shared(summarizer: Summarizer) -> Any:
    """The summarizer's state as one graph node, sent to each worker once, not per task."""
    state = summarizer.to_dict()
    return dask.delayed((dask.base.tokenize(state), state), pure=True, traverse=False)


_built: dict[str, Summarizer] = {}  # per worker process: token -> summarizer built from state


def _summarizer(shared: tuple[str, dict]) -> Summarizer:
    """Build each state once per worker process, not once per partition (IDF can be large)."""
    token, state = shared
    summarizer = _built.get(token)
    if summarizer is None:
        summarizer = Summarizer.from_dict(state)
        if len(_built) >= 8:
            _built.pop(next(iter(_built)), None)
        _built[token] = summarizer
    return summarizer


def _outcomes(texts: Any, shared: tuple[str, dict], budget: Budget, errors: str) -> list:
    outcomes = summarize_chunk(_summarizer(shared), texts, budget)
    if errors == "raise":
        for outcome in outcomes:
            if isinstance(outcome, SummarizerError):
                raise outcome
    return outcomes


def _details(outcome: Summary | SummarizerError) -> str:
    if isinstance(outcome, SummarizerError):
        return json.dumps({"error": str(outcome)}, ensure_ascii=False)
    data = outcome.to_dict()
    del data["timings"]  # keep the column deterministic
    return json.dumps(data, ensure_ascii=False)


def _summarize_frame_partition(
    frame: Any, column: str, names: list[str], shared: tuple, budget: Budget, errors: str
) -> Any:
    outcomes = _outcomes(frame[column].tolist(), shared, budget, errors)
    columns = {names[0]: [str(o) if isinstance(o, Summary) else None for o in outcomes]}
    if len(names) > 1:
        columns[names[1]] = [_details(o) for o in outcomes]
    return frame.assign(**{k: _object_series(frame, v) for k, v in columns.items()})


def _object_series(frame: Any, values: list) -> Any:
    import pandas as pd

    return pd.Series(values, index=frame.index, dtype=object)


def _partition_frequencies(state: dict, texts: Any) -> DocumentFrequencies:
    frequencies = Summarizer.from_dict(state).fit(texts).frequencies
    assert frequencies is not None
    return frequencies
