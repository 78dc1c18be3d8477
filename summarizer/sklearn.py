"""scikit-learn transformers: summaries and keyphrases as steps of a ``Pipeline``.

``SummaryTransformer`` maps each text to its summary, ``KeywordTransformer`` to its
keyphrases; both follow scikit-learn's estimator conventions (parameters stored as given,
validated in ``fit``; fitted state in attributes ending in ``_``), so they work with
``clone``, ``Pipeline`` and ``GridSearchCV``. Input is a 1-D sequence of texts (a list, a
1-D array, a pandas Series, any iterable of ``str``), as for ``TfidfVectorizer``; output is
a 1-D object array with one entry per text.

Example::

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from summarizer.sklearn import SummaryTransformer

    model = make_pipeline(SummaryTransformer(sentences=2), TfidfVectorizer(), LogisticRegression())
    model.fit(train_texts, train_labels).predict(test_texts)

Needs the ``sklearn`` extra (``pip install 'extractive-summarizer[sklearn]'``); importing
this module without scikit-learn raises ``MissingDependencyError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from summarizer.api import DEFAULT_MAX_CHARS, Summarizer, keywords
from summarizer.batch import summarize_many
from summarizer.budget import Budget
from summarizer.errors import (
    InputTooLargeError,
    InvalidDocumentError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    SummarizerError,
)
from summarizer.methods import DEFAULT_METHOD

try:
    from sklearn.base import BaseEstimator, TransformerMixin
    from sklearn.utils.validation import check_is_fitted
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError(
        "summarizer.sklearn needs scikit-learn; install it with: "
        "pip install 'extractive-summarizer[sklearn]'"
    ) from None

__all__ = ["KeywordTransformer", "SummaryTransformer"]

SUMMARY_OUTPUTS = ("text", "summary")
KEYWORD_OUTPUTS = ("list", "text", "keywords")
# Summarizer's own keywords: given as the transformer's parameters, not in method_options.
_SUMMARIZER_PARAMS = (
    *("method", "language", "format", "order", "max_chars", "diversity", "keywords", "ranking"),
)
_BUDGET_PARAMS = ("sentences", "ratio", "words", "chars", "budget")


def _check_collection(X: object) -> None:
    """InvalidInputError unless ``X`` is a 1-D collection of documents (not one text)."""
    if isinstance(X, (str, bytes, bytearray)):
        raise InvalidInputError(
            f"X must be an iterable of documents, not one {type(X).__name__}; "
            "wrap a single document in a list"
        )
    ndim = getattr(X, "ndim", 1)
    if ndim != 1:
        shape = getattr(X, "shape", None)
        raise InvalidInputError(
            f"X must be 1-D, one document per entry, not {ndim}-D (shape {shape}); "
            "select the text column, e.g. frame['text'] or X[:, 0]"
        )
    if not isinstance(X, Iterable):
        raise InvalidInputError(f"X must be an iterable of documents (str), not {type(X).__name__}")


def _documents(X: Any) -> Iterator[Any]:
    """The documents of ``X`` in order, each checked to be text (lazily, for generators):
    a ``str``, or ``bytes`` that the HTML and e-mail readers decode."""
    _check_collection(X)
    for i, doc in enumerate(X):
        if not isinstance(doc, (str, bytes, bytearray)):
            missing = doc is None or (isinstance(doc, float) and doc != doc)
            hint = " (a missing value? fill or drop it first)" if missing else ""
            raise InvalidInputError(
                f"X[{i}] must be a str document, not {type(doc).__name__}{hint}"
            )
        yield doc


def _at(index: int, exc: SummarizerError) -> SummarizerError:
    """``exc`` with the failing document's index in its message, for per-document errors."""
    message = f"X[{index}]: {exc}"
    if isinstance(exc, InvalidOptionError):
        return InvalidOptionError(message, option=exc.option)
    if type(exc) in (InvalidInputError, InputTooLargeError, InvalidDocumentError):
        return type(exc)(message)
    return exc


def _array(values: list[Any]) -> np.ndarray:
    """A 1-D object array holding ``values`` as they are (lists stay list elements)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidOptionError(
            f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}", option=name
        )
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidOptionError(f"{name} must be True or False, not {value!r}", option=name)
    return value


def _n_jobs(value: object) -> int:
    """``n_jobs`` as scikit-learn reads it: None is 1, -1 every CPU."""
    if value is None:
        return 1
    if isinstance(value, int) and not isinstance(value, bool) and (value >= 1 or value == -1):
        return value
    raise InvalidOptionError(
        f"n_jobs must be None, a positive integer or -1 (every CPU), not {value!r}",
        option="n_jobs",
    )


class _TextTags:
    """Tags shared by both transformers: 1-D string input, no target, string output."""

    def __sklearn_tags__(self):  # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()  # type: ignore[misc]
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.required = False
        if tags.transformer_tags is not None:
            tags.transformer_tags.preserves_dtype = []
        return tags

    def _more_tags(self) -> dict[str, Any]:  # scikit-learn < 1.6
        return {"X_types": ["string"], "preserves_dtype": [], "requires_y": False}


class SummaryTransformer(_TextTags, TransformerMixin, BaseEstimator):
    """Texts to their extractive summaries, as a scikit-learn transformer.

    ``fit`` checks the parameters and, with ``fit_idf=True``, learns the corpus IDF of the
    training texts (``Summarizer.fit``); ``transform`` summarizes each text with it, so the
    texts of a test fold are weighed by what the training fold taught. Every parameter
    takes effect at ``fit`` except ``output`` and ``n_jobs``, read by ``transform``.

    Parameters
    ----------
    sentences : int, optional
        Budget: this many sentences per summary.
    ratio : float, optional
        Budget: this share of each text's candidate sentences, in (0, 1].
    words : int, optional
        Budget: at most this many words per summary.
    chars : int, optional
        Budget: at most this many characters per summary. Give at most one budget; with
        none, a summary has 3 sentences.
    method : str
        One of ``summarizer.METHODS``.
    language : str, optional
        A language code or English name; None detects each text's language.
    format : str
        The texts' format: ``"auto"`` (sniffed per text) or one of
        ``summarizer.readers.FORMATS``.
    order : str
        ``"document"`` (source order) or ``"score"`` (best first).
    max_chars : int, optional
        Refuse longer texts (``InputTooLargeError``); None for no limit.
    diversity : float, optional
        Redundancy control in [0, 1]; None for the method's default.
    keywords : int
        Keyphrases per summary (``Summary.keywords``, with ``output="summary"``).
    ranking : bool
        Keep every sentence's score (``Summary.ranking``, with ``output="summary"``).
    method_options : dict, optional
        The method's own options, e.g. ``{"damping": 0.85}`` for ``"lexrank"``
        (``Summarizer.options_of(method)`` lists them); any other ``Summarizer`` keyword
        may go here too.
    fit_idf : bool
        Learn IDF from the texts given to ``fit`` (True), or weigh each text's terms by its
        own sentences only (False: ``fit`` learns nothing).
    output : str
        ``"text"``: each summary as a ``str``, one sentence per line; ``"summary"``: the
        ``Summary`` objects (scores, offsets, timings).
    n_jobs : int, optional
        Worker processes for ``transform`` (``summarize_many``); None is 1, -1 every CPU.

    Attributes
    ----------
    summarizer_ : Summarizer
        The configured summarizer, with the corpus IDF when ``fit_idf`` is True.
    budget_ : Budget
        The summary length.
    n_documents_ : int
        How many texts ``fit`` read.
    """

    def __init__(
        self,
        sentences: int | None = None,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
        method: str = DEFAULT_METHOD,
        language: str | None = None,
        format: str = "auto",
        order: str = "document",
        max_chars: int | None = DEFAULT_MAX_CHARS,
        diversity: float | None = None,
        keywords: int = 0,
        ranking: bool = False,
        method_options: dict[str, Any] | None = None,
        fit_idf: bool = True,
        output: str = "text",
        n_jobs: int | None = None,
    ) -> None:
        self.sentences = sentences
        self.ratio = ratio
        self.words = words
        self.chars = chars
        self.method = method
        self.language = language
        self.format = format
        self.order = order
        self.max_chars = max_chars
        self.diversity = diversity
        self.keywords = keywords
        self.ranking = ranking
        self.method_options = method_options
        self.fit_idf = fit_idf
        self.output = output
        self.n_jobs = n_jobs

    def _make_summarizer(self) -> tuple[Summarizer, Budget]:
        """A new Summarizer and Budget from the parameters (InvalidOptionError if bad)."""
        options = self.method_options
        if options is None:
            options = {}
        elif not isinstance(options, Mapping) or not all(isinstance(k, str) for k in options):
            raise InvalidOptionError(
                f"method_options must be None or a dict of options, not {options!r}",
                option="method_options",
            )
        clash = [k for k in options if k in _SUMMARIZER_PARAMS or k in _BUDGET_PARAMS]
        if clash:
            raise InvalidOptionError(
                f"give {', '.join(clash)} as SummaryTransformer's own parameter, "
                "not in method_options",
                option=clash[0],
            )
        budget = Budget.from_options(self.sentences, self.ratio, self.words, self.chars)
        _flag("fit_idf", self.fit_idf)
        _choice("output", self.output, SUMMARY_OUTPUTS)
        _n_jobs(self.n_jobs)
        summarizer = Summarizer(
            self.method,
            self.language,
            format=self.format,
            order=self.order,
            max_chars=self.max_chars,
            diversity=self.diversity,
            keywords=self.keywords,
            ranking=self.ranking,
            **options,
        )
        return summarizer, budget

    def fit(self, X: Iterable[str], y: object = None) -> SummaryTransformer:
        """Check the parameters and learn the corpus IDF of ``X`` (with ``fit_idf``).

        Parameters
        ----------
        X : iterable of str
            The training texts, read once.
        y : ignored
            Accepted for pipelines.

        Returns
        -------
        SummaryTransformer
            This transformer, fitted.

        Raises
        ------
        InvalidOptionError
            For a bad parameter.
        InvalidInputError
            If ``X`` is not a 1-D collection of texts.
        """
        summarizer, budget = self._make_summarizer()
        seen = [0]

        def counted() -> Iterator[Any]:
            for doc in _documents(X):
                seen[0] += 1
                yield doc

        try:
            if self.fit_idf:
                summarizer.fit(counted())
            else:
                for _ in counted():
                    pass
        except SummarizerError as exc:
            if str(exc).startswith("X"):  # about X itself, from _documents
                raise
            raise _at(seen[0] - 1, exc) from None
        self.summarizer_ = summarizer
        self.budget_ = budget
        self.n_documents_ = seen[0]
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Summarize each text of ``X``.

        Parameters
        ----------
        X : iterable of str
            The texts.

        Returns
        -------
        numpy.ndarray
            A 1-D object array: one summary per text, a ``str`` (``output="text"``) or a
            ``Summary`` (``output="summary"``).

        Raises
        ------
        sklearn.exceptions.NotFittedError
            Before ``fit``.
        InvalidInputError, InputTooLargeError, InvalidDocumentError
            For a text that cannot be summarized; the message starts with its index,
            ``X[i]``.
        """
        check_is_fitted(self, "summarizer_")
        output = _choice("output", self.output, SUMMARY_OUTPUTS)
        outcomes = summarize_many(
            _documents(X),
            budget=self.budget_,
            summarizer=self.summarizer_,
            n_jobs=_n_jobs(self.n_jobs),
            progress=False,
            errors="return",
        )
        results: list[Any] = []
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome, SummarizerError):
                raise _at(i, outcome) from None
            results.append(str(outcome) if output == "text" else outcome)
        return _array(results)

    def fit_transform(self, X: Iterable[str], y: object = None, **fit_params: Any) -> np.ndarray:
        """``fit(X).transform(X)``, reading ``X`` once (it may be a generator)."""
        if fit_params:
            raise InvalidOptionError(
                f"fit takes no parameters besides X and y, not {', '.join(sorted(fit_params))}"
            )
        _check_collection(X)
        documents = list(X)
        return self.fit(documents).transform(documents)


class KeywordTransformer(_TextTags, TransformerMixin, BaseEstimator):
    """Texts to their keyphrases (``summarizer.keywords``), as a scikit-learn transformer.

    Keyphrase extraction reads each text on its own, so ``fit`` only checks the
    parameters and the transformer can be used without fitting (as ``HashingVectorizer``).

    Parameters
    ----------
    n : int
        Keyphrases per text at most, best first.
    language : str, optional
        A language code or English name; None detects each text's language.
    format : str
        The texts' format: ``"auto"`` (sniffed per text) or one of
        ``summarizer.readers.FORMATS``.
    max_chars : int, optional
        Refuse longer texts (``InputTooLargeError``); None for no limit.
    window : int
        Co-occurrence window over content words.
    max_words : int
        The longest keyphrase, in words.
    position : bool
        Weigh words by where they occur (PositionRank) rather than uniformly.
    output : str
        ``"list"``: each text's keyphrases as a list of ``str``; ``"text"``: one ``str``
        per text, a keyphrase per line; ``"keywords"``: the ``Keyword`` objects (scores
        and offsets).
    """

    def __init__(
        self,
        n: int = 10,
        *,
        language: str | None = None,
        format: str = "auto",
        max_chars: int | None = DEFAULT_MAX_CHARS,
        window: int = 10,
        max_words: int = 3,
        position: bool = True,
        output: str = "list",
    ) -> None:
        self.n = n
        self.language = language
        self.format = format
        self.max_chars = max_chars
        self.window = window
        self.max_words = max_words
        self.position = position
        self.output = output

    def _extract(self, text: Any) -> list[Any]:
        return keywords(
            text,
            self.n,
            language=self.language,
            format=self.format,
            max_chars=self.max_chars,
            window=self.window,
            max_words=self.max_words,
            position=self.position,
        )

    def _check_params(self) -> str:
        """The output kind, after checking every parameter (InvalidOptionError if bad)."""
        output = _choice("output", self.output, KEYWORD_OUTPUTS)
        self._extract("")  # the same checks as on any text, at no cost
        return output

    def fit(self, X: Iterable[str], y: object = None) -> KeywordTransformer:
        """Check the parameters and the shape of ``X`` (nothing is learned).

        Parameters
        ----------
        X : iterable of str
            Texts (not read).
        y : ignored
            Accepted for pipelines.

        Returns
        -------
        KeywordTransformer
            This transformer.
        """
        self._check_params()
        _check_collection(X)
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True  # stateless: nothing to learn

    def __sklearn_tags__(self):  # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        return tags

    def _more_tags(self) -> dict[str, Any]:  # scikit-learn < 1.6
        return {**super()._more_tags(), "requires_fit": False, "stateless": True}

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """The keyphrases of each text of ``X``.

        Parameters
        ----------
        X : iterable of str
            The texts.

        Returns
        -------
        numpy.ndarray
            A 1-D object array: per text a list of ``str`` (``output="list"``), a ``str``
            (``"text"``) or a list of ``Keyword`` (``"keywords"``).

        Raises
        ------
        InvalidInputError, InputTooLargeError, InvalidDocumentError
            For a text that cannot be read; the message starts with its index, ``X[i]``.
        """
        output = self._check_params()
        results: list[Any] = []
        for i, doc in enumerate(_documents(X)):
            try:
                found = self._extract(doc)
            except SummarizerError as exc:
                raise _at(i, exc) from None
            if output == "keywords":
                results.append(found)
            else:
                phrases = [k.text for k in found]
                results.append(phrases if output == "list" else "\n".join(phrases))
        return _array(results)
