"""summarizer.sklearn: the transformers in pipelines, clone and grid search, scikit-learn's own
estimator checks where they apply, text versions of those that need numeric data, and errors."""

from __future__ import annotations

import copy
import importlib
import pickle
import sys
import warnings

import numpy as np
import pytest

sklearn = pytest.importorskip("sklearn")

from sklearn.base import clone  # noqa: E402
from sklearn.exceptions import NotFittedError  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.utils import estimator_checks  # noqa: E402
from sklearn.utils.validation import check_is_fitted  # noqa: E402

from summarizer import (  # noqa: E402
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    Summarizer,
    Summary,
    keywords,
    summarize,
)
from summarizer.sklearn import KeywordTransformer, SummaryTransformer  # noqa: E402

# A small labelled corpus written for these tests: each document opens with two sentences on
# its topic and goes on with general sentences both topics share, so a two-sentence summary
# keeps what tells the classes apart.
TOPICS = {
    "astronomy": [
        "The telescope recorded a faint comet passing close to the orbit of Mars.",
        "Astronomers measured the light of a distant galaxy with a new spectrograph.",
        "A small moon of Jupiter showed cracks in its frozen surface.",
        "The observatory on the mountain tracked a bright supernova for six weeks.",
        "Planets around the red dwarf star circle it in a few days.",
        "Radio dishes caught a burst of waves from a spinning neutron star.",
        "The space probe sent back images of rings around the giant planet.",
        "A meteor shower lit the night sky over the desert observatory.",
    ],
    "cooking": [
        "The chef simmered the tomato sauce with garlic and fresh basil for an hour.",
        "Bakers knead the dough, let it rise, and bake the bread in a hot oven.",
        "The recipe asks for butter, flour and sugar beaten into a smooth batter.",
        "Roast the vegetables with olive oil, salt and rosemary until golden.",
        "The soup tastes better when the onions are fried slowly in butter.",
        "She seasoned the grilled fish with lemon, pepper and chopped parsley.",
        "A pinch of cinnamon gives the apple pie its warm flavour.",
        "The kitchen smelled of roasted garlic and freshly baked bread.",
    ],
}
SHARED = [
    "Many people in the town followed the story closely.",
    "The report was published on Monday and discussed for days.",
    "Several readers wrote letters asking for more details.",
    "Everyone agreed that the week had been unusually busy.",
    "The article was shared widely among friends and neighbours.",
]


def _corpus() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for k in range(12):
        for label, sentences in TOPICS.items():
            own = [sentences[(k + j) % len(sentences)] for j in range(2)]
            shared = [SHARED[(k + j) % len(SHARED)] for j in range(3)]
            texts.append(" ".join(own + shared))
            labels.append(label)
    return texts, labels


TEXTS, LABELS = _corpus()
TRAIN, TEST = slice(0, 18), slice(18, None)


def _estimators():
    return [SummaryTransformer(sentences=2), KeywordTransformer(n=4)]


def _ids(estimator) -> str:
    return type(estimator).__name__


# --- the done-when: fit, predict, clone and grid search in a pipeline --------------


def test_pipeline_fits_predicts_clones_and_grid_searches() -> None:
    pipe = make_pipeline(SummaryTransformer(sentences=2), TfidfVectorizer(), LogisticRegression())
    pipe.fit(TEXTS[TRAIN], LABELS[TRAIN])
    predicted = pipe.predict(TEXTS[TEST])
    assert list(predicted) == LABELS[TEST]

    twin = clone(pipe)
    assert twin.get_params()["summarytransformer__sentences"] == 2
    with pytest.raises(NotFittedError):
        twin.predict(TEXTS[TEST])
    assert list(twin.fit(TEXTS[TRAIN], LABELS[TRAIN]).predict(TEXTS[TEST])) == list(predicted)

    grid = {"summarytransformer__sentences": [1, 2, 5]}
    search = GridSearchCV(pipe, grid, cv=3).fit(TEXTS, LABELS)
    assert search.cv_results_["params"] == [{"summarytransformer__sentences": k} for k in (1, 2, 5)]
    best = search.best_params_["summarytransformer__sentences"]
    assert search.best_estimator_.named_steps["summarytransformer"].sentences == best
    assert list(search.predict(TEXTS[TEST])) == LABELS[TEST]
    # the searched parameter really reached the transformer: the refitted summaries differ
    step = clone(search.best_estimator_.named_steps["summarytransformer"])
    lines = {
        k: step.set_params(sentences=k).fit_transform(TEXTS)[0].count("\n") + 1
        for k in grid["summarytransformer__sentences"]
    }
    assert lines == {1: 1, 2: 2, 5: 5}


def test_grid_search_over_method_and_its_options() -> None:
    pipe = make_pipeline(SummaryTransformer(sentences=2), TfidfVectorizer(), LogisticRegression())
    grid = {
        "summarytransformer__method": ["lexrank"],
        "summarytransformer__method_options": [{"damping": 0.5}, {"damping": 0.85}],
    }
    search = GridSearchCV(pipe, grid, cv=2).fit(TEXTS, LABELS)
    assert len(search.cv_results_["params"]) == 2
    fitted = search.best_estimator_.named_steps["summarytransformer"].summarizer_
    assert fitted.method == "lexrank"
    assert (
        fitted.options["damping"]
        == search.best_params_["summarytransformer__method_options"]["damping"]
    )


def test_keyword_pipeline_and_grid_search() -> None:
    pipe = make_pipeline(
        KeywordTransformer(n=5, output="text"),
        TfidfVectorizer(tokenizer=str.splitlines, token_pattern=None, lowercase=False),
        LogisticRegression(),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # no "parameter will not be used" warning
        pipe.fit(TEXTS[TRAIN], LABELS[TRAIN])
    assert list(pipe.predict(TEXTS[TEST])) == LABELS[TEST]
    vocabulary = pipe.named_steps["tfidfvectorizer"].vocabulary_
    assert any(" " in phrase for phrase in vocabulary)  # whole keyphrases are the features
    search = GridSearchCV(pipe, {"keywordtransformer__n": [2, 5]}, cv=3).fit(TEXTS, LABELS)
    assert search.best_params_["keywordtransformer__n"] in (2, 5)


# --- what the transformers compute ---------------------------------------------------------


def test_summaries_equal_the_api() -> None:
    texts = TEXTS[:6]
    fitted = SummaryTransformer(sentences=2).fit(texts)
    assert fitted.n_documents_ == 6
    assert fitted.summarizer_.frequencies is not None
    reference = Summarizer().fit(texts)
    expected = [str(reference.summarize(t, 2)) for t in texts]
    out = fitted.transform(texts)
    assert isinstance(out, np.ndarray) and out.dtype == object and out.shape == (6,)
    assert list(out) == expected

    own_idf = SummaryTransformer(words=25, fit_idf=False).fit(texts)
    assert own_idf.summarizer_.frequencies is None
    assert list(own_idf.transform(texts)) == [str(summarize(t, words=25)) for t in texts]


def test_fitted_idf_comes_from_the_training_texts() -> None:
    a = SummaryTransformer(method="tfidf").fit(TEXTS[:4]).summarizer_.frequencies
    b = SummaryTransformer(method="tfidf").fit(TEXTS[4:]).summarizer_.frequencies
    assert a.n_documents == 4 and b.n_documents == len(TEXTS) - 4
    assert a.counts != b.counts


def test_summary_output_and_options_reach_the_summarizer() -> None:
    step = SummaryTransformer(
        ratio=0.5,
        method="lexrank",
        language="en",
        order="score",
        diversity=0.2,
        keywords=2,
        ranking=True,
        method_options={"damping": 0.7},
        output="summary",
    ).fit(TEXTS[:3])
    options = step.summarizer_.options
    assert (options["method"], options["language"], options["order"]) == ("lexrank", "en", "score")
    assert (options["diversity"], options["damping"], options["keywords"]) == (0.2, 0.7, 2)
    out = step.transform(TEXTS[:3])
    assert all(isinstance(s, Summary) for s in out)
    first = out[0]
    assert first.budget.kind == "ratio" and first.order == "score"
    assert len(first.keywords) == 2 and len(first.ranking) == first.n_sentences
    scores = [s.score for s in first.sentences]
    assert scores == sorted(scores, reverse=True)
    # output is read by transform, so it can change without refitting
    assert isinstance(step.set_params(output="text").transform(TEXTS[:1])[0], str)


def test_keywords_equal_the_api() -> None:
    texts = TEXTS[:4]
    expected = [keywords(t, 3) for t in texts]
    step = KeywordTransformer(n=3)
    assert [list(x) for x in step.transform(texts)] == [[k.text for k in e] for e in expected]
    as_text = KeywordTransformer(n=3, output="text").fit(texts).transform(texts)
    assert list(as_text) == ["\n".join(k.text for k in e) for e in expected]
    objects = KeywordTransformer(n=3, output="keywords").transform(texts)
    assert [list(x) for x in objects] == expected
    uniform = KeywordTransformer(n=3, position=False, max_words=1, window=4).transform(texts)
    assert [list(x) for x in uniform] == [
        [k.text for k in keywords(t, 3, position=False, max_words=1, window=4)] for t in texts
    ]


def test_any_one_dimensional_collection_of_texts() -> None:
    texts = TEXTS[:5]
    expected = list(SummaryTransformer().fit(texts).transform(texts))
    step = SummaryTransformer()
    assert list(step.fit_transform(iter(texts))) == expected  # a generator, read once
    assert step.n_documents_ == 5
    assert list(step.transform(t for t in texts)) == expected
    assert list(step.fit(tuple(texts)).transform(np.array(texts))) == expected
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": texts})
    assert list(step.fit(frame["text"]).transform(frame["text"])) == expected
    assert step.transform([]).shape == (0,)
    assert SummaryTransformer().fit([]).n_documents_ == 0  # an empty corpus teaches nothing


@pytest.mark.slow
def test_workers_give_the_same_summaries() -> None:
    texts = TEXTS * 3
    step = SummaryTransformer(sentences=2).fit(texts)
    expected = list(step.transform(texts))
    assert list(step.set_params(n_jobs=2).transform(texts)) == expected


# --- errors: typed, saying what is wrong ---------------------------------------------------


@pytest.mark.parametrize(
    ("params", "option"),
    [
        ({"sentences": 0}, "sentences"),
        ({"ratio": 1.5}, "ratio"),
        ({"sentences": 2, "words": 10}, "sentences"),
        ({"method": "bert"}, "method"),
        ({"language": "klingon"}, None),
        ({"format": "pdf"}, "format"),
        ({"order": "random"}, "order"),
        ({"max_chars": 1.5}, "max_chars"),
        ({"diversity": 2}, "diversity"),
        ({"method_options": {"threshold": 0.1}}, "threshold"),  # lexrank's, not positional's
        ({"method_options": {"sentences": 3}}, "sentences"),
        ({"method_options": {"language": "de"}}, "language"),
        ({"method_options": ["damping"]}, "method_options"),
        ({"fit_idf": "yes"}, "fit_idf"),
        ({"output": "html"}, "output"),
        ({"n_jobs": 0}, "n_jobs"),
    ],
)
def test_bad_parameters_fail_at_fit_not_init(params, option) -> None:
    step = SummaryTransformer(**params)  # stored as given
    assert step.get_params()[next(iter(params))] == next(iter(params.values()))
    with pytest.raises(InvalidOptionError) as info:
        step.fit(TEXTS[:2])
    if option is not None:
        assert info.value.option == option


@pytest.mark.parametrize(
    "params",
    [
        {"n": -1},
        {"window": 1},
        {"max_words": 0},
        {"position": "yes"},
        {"output": "dict"},
        {"language": "klingon"},
        {"format": "pdf"},
    ],
)
def test_bad_keyword_parameters(params) -> None:
    step = KeywordTransformer(**params)
    with pytest.raises(InvalidOptionError):
        step.fit(TEXTS[:2])
    with pytest.raises(InvalidOptionError):
        step.transform(TEXTS[:2])


@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
@pytest.mark.parametrize(
    ("X", "message"),
    [
        ("One text. Not a list.", "wrap a single document in a list"),
        (b"bytes", "wrap a single document in a list"),
        (np.array([["a"], ["b"]]), r"not 2-D \(shape \(2, 1\)\); select the text column"),
        (None, "not NoneType"),
        (42, "not int"),
        (["fine", 3], r"X\[1\] must be a str document, not int"),
        (["fine", float("nan")], "missing value"),
        (["fine", None], "missing value"),
    ],
)
def test_bad_input_is_an_invalid_input_error(estimator, X, message) -> None:
    fitted = clone(estimator).fit(["A first text. It has words."])
    with pytest.raises(InvalidInputError, match=message):
        fitted.transform(X)
    with pytest.raises(InvalidInputError, match=message):
        clone(estimator).fit_transform(X)


@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
def test_a_too_long_text_names_its_index(estimator) -> None:
    step = clone(estimator).set_params(max_chars=50).fit(["Short. Text."])
    with pytest.raises(InputTooLargeError, match=r"^X\[1\]: text has 60 characters"):
        step.transform(["Short. Text.", "x" * 60])
    if isinstance(estimator, SummaryTransformer):  # fit reads the texts too
        with pytest.raises(InputTooLargeError, match=r"^X\[2\]: document has 60 characters"):
            step.fit(["Short. Text.", "Another.", "x" * 60])


def test_missing_scikit_learn_names_the_extra(monkeypatch) -> None:
    for name in [m for m in sys.modules if m == "sklearn" or m.startswith("sklearn.")]:
        monkeypatch.setitem(sys.modules, name, None)  # what an import without it sees
    monkeypatch.delitem(sys.modules, "summarizer.sklearn")
    with pytest.raises(MissingDependencyError, match=r"extractive-summarizer\[sklearn\]"):
        importlib.import_module("summarizer.sklearn")


# --- scikit-learn's estimator checks -------------------------------------------------------
# Both transformers declare what they take (tags: 1-D string input, no target, object output),
# as scikit-learn's own text vectorizers do. On such tags check_estimator runs only
# check_estimator_cloneable and skips the rest with a SkipTestWarning, because its generated
# data are numeric arrays. So: that run, then the checks that need no data called one by one,
# then text versions of the data checks that apply.

try:  # scikit-learn >= 1.6
    _CHECKS = estimator_checks.estimator_checks_generator
except AttributeError:  # pragma: no cover - older scikit-learn
    _CHECKS = None


@pytest.mark.skipif(_CHECKS is None, reason="scikit-learn < 1.6 has no checks generator")
@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
def test_check_estimator_with_the_text_tags(estimator) -> None:
    with pytest.warns(estimator_checks.SkipTestWarning, match="Can't test estimator"):
        results = estimator_checks.check_estimator(estimator, on_fail=None)
    assert [r["check_name"] for r in results] == ["check_estimator_cloneable"]
    assert all(r["status"] == "passed" for r in results)


# Checks of the API that construct, clone and set parameters but read no data.
API_CHECKS = [
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_mixin_order",
]
# The rest feed generated numeric arrays (blobs, iris) and test what numeric estimators must do,
# none of which applies to a 1-D sequence of texts: dtypes, NaN/inf, complex and sparse input,
# 1-D/2-D shapes, n_features_in_, sample weights, read-only memmaps, positive-only data, array
# API. The data checks that do apply have text versions below, named after the original.
NOT_APPLICABLE = {
    "check_estimators_dtypes": "numeric dtypes; X is text",
    "check_estimators_nan_inf": "NaN/inf in numeric X; a missing text is tested above",
    "check_complex_data": "complex numbers",
    "check_dtype_object": "numeric data stored as objects",
    "check_estimators_empty_data_messages": "an empty 2-D array; an empty corpus is valid here",
    "check_estimator_sparse_array": "sparse input",
    "check_estimator_sparse_matrix": "sparse input",
    "check_estimator_sparse_tag": "sparse input",
    "check_fit2d_1sample": "2-D X",
    "check_fit2d_1feature": "2-D X",
    "check_fit1d": "numeric 1-D X must be refused; 1-D text is our input",
    "check_fit2d_predict1d": "2-D X",
    "check_n_features_in": "texts have no features",
    "check_n_features_in_after_fitting": "texts have no features",
    "check_readonly_memmap_input": "memory-mapped numeric arrays",
    "check_positive_only_tag_during_fit": "numeric X",
    "check_transformer_data_not_an_array": "numeric X",
    "check_transformer_preserve_dtypes": "float dtypes (output is text)",
    "check_transformer_general": "numeric X; the text version is below",
    "check_transformers_unfitted": "numeric X; the text version is below",
    "check_transformer_n_iter": "not iterative",
}


@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
@pytest.mark.parametrize("name", API_CHECKS)
def test_scikit_learn_api_check(estimator, name) -> None:
    check = getattr(estimator_checks, name, None)
    if check is None:
        pytest.skip(f"{name} is not in scikit-learn {sklearn.__version__}")
    check(type(estimator).__name__, estimator)


def _fit(estimator):
    return clone(estimator).fit(TEXTS[:8], LABELS[:8])  # y is accepted and ignored


@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
def test_text_checks_of_fit(estimator) -> None:
    params = copy.deepcopy(estimator.get_params())
    fresh = clone(estimator)
    before = set(vars(fresh))
    assert fresh.fit(TEXTS[:8]) is fresh  # check_estimators_fit_returns_self
    assert fresh.get_params() == params  # check_estimators_overwrite_params
    added = set(vars(fresh)) - before  # check_dont_overwrite_parameters
    assert all(name.endswith("_") and not name.startswith("_") for name in added)
    # check_fit_idempotent
    once = _fit(estimator).transform(TEXTS)
    twice = _fit(estimator).fit(TEXTS[:8]).transform(TEXTS)
    assert list(map(repr, once)) == list(map(repr, twice))


def test_text_checks_of_fitted_state() -> None:
    step = SummaryTransformer()  # check_estimators_unfitted, check_fit_check_is_fitted
    with pytest.raises(NotFittedError):
        step.transform(TEXTS[:1])
    with pytest.raises(NotFittedError):
        check_is_fitted(step)
    check_is_fitted(step.fit(TEXTS[:2]))
    stateless = KeywordTransformer()  # requires_fit=False, like HashingVectorizer
    check_is_fitted(stateless)
    assert len(stateless.transform(TEXTS[:1])[0]) > 0


@pytest.mark.parametrize("estimator", _estimators(), ids=_ids)
def test_text_checks_of_transform(estimator) -> None:
    fitted = _fit(estimator)
    state = copy.deepcopy({k: v for k, v in vars(fitted).items() if k != "summarizer_"})
    out = fitted.transform(TEXTS)
    assert {k: v for k, v in vars(fitted).items() if k != "summarizer_"} == state  # dict_unchanged
    assert out.shape == (len(TEXTS),)
    # check_pipeline_consistency: fit_transform is fit, then transform
    assert list(clone(estimator).fit_transform(TEXTS[:8])) == list(
        _fit(estimator).transform(TEXTS[:8])
    )
    # check_methods_sample_order_invariance and check_methods_subset_invariance
    order = np.random.default_rng(0).permutation(len(TEXTS))
    assert list(fitted.transform([TEXTS[i] for i in order])) == [out[i] for i in order]
    assert list(fitted.transform(TEXTS[3:7])) == list(out[3:7])
    # check_estimators_pickle
    revived = pickle.loads(pickle.dumps(fitted))
    assert list(revived.transform(TEXTS)) == list(out)
