"""summarizer.distributed on a real distributed.LocalCluster: results equal local ones exactly."""

from __future__ import annotations

import importlib
import json
import sys
from importlib.util import find_spec

import pytest
from conftest import ARTICLE, WRAPPED
from test_batch import corpus

from summarizer import (
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    Summarizer,
    summarize,
)

pytestmark = pytest.mark.slow  # every test here is in the full suite only

HAVE_DASK = all(find_spec(m) for m in ("dask", "distributed", "pandas"))
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="dask is an optional extra: pip install 'summarizer[dask]'"
)


@pytest.fixture(scope="module")
def client():
    """A small in-process cluster (threads), started and stopped by the tests themselves."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def bag():
    import dask.bag as db

    return db.from_sequence(corpus(60), npartitions=5)


@needs_dask
@pytest.mark.parametrize(
    "options",
    [{}, {"sentences": 2, "method": "lexrank"}, {"words": 30, "method": "tfidf", "order": "score"}],
)
def test_bag_summaries_equal_local_ones(client, bag, options):
    from summarizer.distributed import summarize_bag

    got = summarize_bag(bag, **options).compute()
    assert got == [summarize(t, **options) for t in corpus(60)]


@needs_dask
@pytest.mark.parametrize(("npartitions", "split_every"), [(1, None), (7, 2), (60, 3)])
def test_idf_fitted_on_dask_equals_local_fit(client, npartitions, split_every):
    import dask.bag as db

    from summarizer.distributed import fit_idf

    texts = corpus(60)
    fitted = fit_idf(db.from_sequence(texts, npartitions=npartitions), split_every=split_every)
    local = Summarizer().fit(texts)
    assert fitted.frequencies == local.frequencies
    assert fitted.frequencies == local.frequencies


@needs_dask
def test_fitted_summarizer_on_dask(client, bag):
    from summarizer.distributed import fit_idf, summarize_bag

    given = Summarizer(method="lexrank")
    fitted = fit_idf(bag, given)
    assert fitted is given and fitted.frequencies.n_documents == 60
    got = summarize_bag(bag, 2, summarizer=fitted).compute()
    assert got == [fitted.summarize(t, 2) for t in corpus(60)]


@needs_dask
def test_dataframe_gets_summary_columns(client):
    import dask.dataframe as dd
    import pandas as pd

    from summarizer.distributed import summarize_frame

    texts = corpus(30)
    frame = dd.from_pandas(pd.DataFrame({"id": range(30), "body": texts}), npartitions=4)
    result = summarize_frame(frame, "body", 2, details=True, method="lexrank").compute()
    assert list(result.columns) == ["id", "body", "summary", "summary_json"]
    assert list(result["id"]) == list(range(30))
    expected = [summarize(t, 2, method="lexrank") for t in texts]
    assert list(result["summary"]) == [str(s) for s in expected]
    for got, want in zip(result["summary_json"], expected, strict=True):
        data = want.to_dict()
        del data["timings"]
        assert json.loads(got) == data


@needs_dask
def test_dataframe_missing_text(client):
    import dask.dataframe as dd
    import pandas as pd

    from summarizer.distributed import summarize_frame

    pdf = pd.DataFrame({"text": [ARTICLE, None, WRAPPED]}, dtype=object)
    frame = dd.from_pandas(pdf, npartitions=2)
    result = summarize_frame(frame, sentences=1, errors="return", details=True).compute()
    assert result["summary"].tolist() == [
        str(summarize(ARTICLE, 1)),
        None,
        str(summarize(WRAPPED, 1)),
    ]
    assert "must be str" in json.loads(result["summary_json"].iloc[1])["error"]
    with pytest.raises(InvalidInputError):
        summarize_frame(frame, sentences=1).compute()


@needs_dask
def test_bad_text_in_a_bag_raises_the_typed_error(client):
    import dask.bag as db

    from summarizer.distributed import summarize_bag

    bag = db.from_sequence([ARTICLE, 42], npartitions=1)
    with pytest.raises(InvalidInputError, match="must be str"):
        summarize_bag(bag).compute()
    got = summarize_bag(bag, errors="return").compute()
    assert got[0] == summarize(ARTICLE) and isinstance(got[1], InvalidInputError)


@needs_dask
def test_arguments_are_checked_before_computing(bag):
    import dask.dataframe as dd
    import pandas as pd

    from summarizer.distributed import fit_idf, summarize_bag, summarize_frame

    frame = dd.from_pandas(pd.DataFrame({"text": ["A b. C d."]}), npartitions=1)
    for call, match in [
        (lambda: summarize_bag(["a list"]), "dask.bag"),
        (lambda: summarize_bag(bag, method="nope"), "method"),
        (lambda: summarize_bag(bag, errors="skip"), "errors"),
        (lambda: summarize_frame(frame, "body"), "no column 'body'"),
        (lambda: summarize_frame(frame, output="text"), "output"),
        (lambda: summarize_frame(frame, output=5, details=True), "output"),
        (lambda: summarize_frame(bag), "DataFrame"),
        (lambda: fit_idf(bag, colour="red"), "colour"),
    ]:
        with pytest.raises(InvalidOptionError, match=match):
            call()


@needs_dask
def test_worker_processes_serialize_summaries_and_state():
    """With worker processes everything crosses a process boundary: still equal to local."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from summarizer.distributed import fit_idf, summarize_bag

    texts = corpus(20)
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster),
    ):
        bag = db.from_sequence(texts, npartitions=3)
        fitted = fit_idf(bag, method="lexrank")
        got = summarize_bag(bag, 2, summarizer=fitted).compute()
    local = Summarizer(method="lexrank").fit(texts)
    assert fitted.frequencies == local.frequencies
    assert got == [local.summarize(t, 2) for t in texts]


def test_missing_dask_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "summarizer.distributed", raising=False)
    with pytest.raises(MissingDependencyError, match=r"summarizer\[dask\]"):
        importlib.import_module("summarizer.distributed")
    monkeypatch.delitem(sys.modules, "summarizer.distributed", raising=False)


@needs_dask
@pytest.mark.parametrize("source", ["pandas", "delayed"])
def test_dataframe_refuses_what_summarize_refuses(client, source):
    """Finding 9 of issue 16: with Dask's string conversion (on by default with pyarrow),
    bytes and numbers in an object column reached the summarizer as text."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from summarizer.distributed import summarize_frame

    values = [ARTICLE, ARTICLE.encode(), 42, 3.5, True, None, WRAPPED]
    pdf = pd.DataFrame({"text": pd.Series(values, dtype=object), "n": range(7)})
    with dask.config.set({"dataframe.convert-string": True}):
        if source == "pandas":
            frame = dd.from_pandas(pdf, npartitions=2)
        else:
            parts = [dask.delayed(pdf.iloc[:3]), dask.delayed(pdf.iloc[3:])]
            frame = dd.from_delayed(parts, meta=pdf.iloc[:0])
        result = summarize_frame(frame, sentences=1, errors="return", details=True).compute()
        with pytest.raises(InvalidInputError, match=r"must be str, not (bytes|int|float|bool)"):
            summarize_frame(frame, sentences=1).compute()
    good = [str(summarize(ARTICLE, 1)), str(summarize(WRAPPED, 1))]
    assert result["summary"].tolist() == [good[0], None, None, None, None, None, good[1]]
    errors = [json.loads(d).get("error", "") for d in result["summary_json"]]
    assert [e.split(";")[0] for e in errors[1:5]] == [
        f"text must be str, not {kind}" for kind in ("bytes", "int", "float", "bool")
    ]
    assert result["n"].tolist() == list(range(7))


@needs_dask
def test_dataframe_of_text_keeps_dasks_string_columns(client):
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from summarizer.distributed import summarize_frame

    pdf = pd.DataFrame({"text": pd.Series([ARTICLE, WRAPPED], dtype=object), "tag": ["a", "b"]})
    with dask.config.set({"dataframe.convert-string": True}):
        frame = dd.from_pandas(pdf, npartitions=1)
        result = summarize_frame(frame, sentences=1)
    assert result.dtypes["text"] == frame.dtypes["text"]
    assert result.dtypes["tag"] == frame.dtypes["tag"]
    assert result.compute()["summary"].tolist() == [str(summarize(t, 1)) for t in pdf["text"]]
