"""The public API: ``summarize``, ``split_sentences`` and ``Summarizer``; a thin layer.

A ``Summarizer`` holds validated options: the common ones (method, language, order,
diversity, max_chars) and the chosen method's own (``summarizer.methods``). Summarizing a text
builds one ``Document`` (segment, then terms and vectors when the method needs them), lets the
method score it, and selects within a ``Budget``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from time import perf_counter
from typing import Any

import numpy as np

from summarizer import components, persist, readers, validate
from summarizer.budget import Budget
from summarizer.detect import Detection, detect_language
from summarizer.document import Document, split_at_blocks
from summarizer.errors import InvalidFileError, InvalidInputError, InvalidOptionError
from summarizer.keyphrases import _MAX_N as MAX_KEYWORDS
from summarizer.keyphrases import Keyword, extract_keywords
from summarizer.languages import resolve_language
from summarizer.methods import DEFAULT_METHOD, METHODS, Method, get_method
from summarizer.query import QUESTION_WORDS, combine, query_terms, spread
from summarizer.query import relevance as query_relevance
from summarizer.segment import get_segmenter
from summarizer.select import ORDERS, check_diversity, select
from summarizer.summary import Sentence, Summary
from summarizer.text import Analyzer, get_analyzer
from summarizer.vectorize import DocumentFrequencies

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_METHOD",
    "METHODS",
    "Sentence",
    "Summarizer",
    "Summary",
    "keywords",
    "split_sentences",
    "summarize",
]

# Longer texts are refused at once (InputTooLargeError) unless max_chars says otherwise.
# 10 million characters is ~85,000 sentences of State of the Union text: a summary takes a
# few seconds there and grows linearly, so a 10 MB text summarizes in seconds while a 50 MB
# one is refused before any work. Measured by benchmarks/limits.py; see README.md.
DEFAULT_MAX_CHARS = 10_000_000
# The options every summarizer has, whatever its method (the method's own come from it).
COMMON_OPTIONS = (
    *("method", "language", "format", "order", "max_chars", "diversity", "keywords", "ranking"),
    "query",
)
INPUT_FORMATS = ("auto", *readers.FORMATS)
# Formats whose bytes declare their own encoding (a meta charset, MIME headers): accepted as
# bytes. Other text must be decoded by the caller, who knows its encoding.
_BYTES_FORMATS = ("html", "email")
BUDGET_OPTIONS = ("sentences", "ratio", "words", "chars", "budget")
# A user's own pieces (summarizer.components): not saved with the state.
COMPONENTS = ("splitter", "tokenizer", "stemmer", "stop_words")

_BETWEEN = "\n\n"  # what joins several documents into one text
Source = str | readers.Extracted  # one input: text, or a document already read
# What a version 1 state file could hold: every option of every method, flat.
_V1_OPTIONS = frozenset(
    (*COMMON_OPTIONS, "damping", "threshold", "lead_weight", "lead_decay", "lead_cap")
) | {"lead_slot_cap", "pacsum_beta", "pacsum_earlier"}


def split_sentences(
    text: str, language: str | None = None, *, format: str = "text"
) -> list[Sentence]:
    """The sentences of ``text`` in order, with offsets (``score`` is None).

    ``language`` is a code or an English name; None (default) detects it. ``format`` is the
    input's (see ``Summarizer``); with any but "text" the offsets index the extracted text.
    """
    summarizer = Summarizer(language=language, format=format, max_chars=None)
    document, _ = summarizer._document(summarizer._read(text))
    plain = document.text
    return [Sentence(plain[s:e], i, s, e) for i, (s, e) in enumerate(document.spans)]


class Summarizer:
    """A configured summarizer; reuse it for many texts, or ``fit`` it on a corpus first.

    Parameters
    ----------
    method : one of ``METHODS`` (default ``DEFAULT_METHOD``).
    language : a code of ``LANGUAGES`` ("de") or an English name ("German"); None (default)
        detects each text's language (``summarizer.detect``), falling back to English when the
        text is too short or mixed, which ``Summary.detection`` reports.
    format : the input's format: ``"auto"`` (default: sniffed from the content), or one of
        ``summarizer.readers.FORMATS`` ("text", "html", "markdown", "rst", "email"). HTML and
        e-mail may be given as bytes (their declared charset is honoured).
    order : ``"document"`` (source order) or ``"score"`` (best first).
    max_chars : refuse longer texts with ``InputTooLargeError``; ``None`` for no limit.
    diversity : redundancy control in [0, 1] (Maximal Marginal Relevance, see
        ``summarizer.select``); ``None`` uses the method's choice (0.3 for ``"positional"``
        and ``"lead_odds"``; for ``"adaptive"`` 0.3 in a lead summary, fading to 0 as the
        budget keeps 35-40 % of the text; 0 for the others).
    keywords : how many keyphrases each summary carries (``Summary.keywords``; see
        ``summarizer.keyphrases``); 0 (default) for none.
    ranking : also give every sentence with its score (``Summary.ranking``; the score is None
        for sentences that are no candidates: headings, boilerplate, non-prose).
    splitter, tokenizer, stemmer, stop_words : a user's own sentence splitter (text ->
        spans or sentence strings), tokenizer (sentence -> words), stemmer (word -> stem) or
        stop words in place of the package's (``summarizer.components``); a summarizer with
        any of them cannot be saved or sent to worker processes.
    query : a question or topic to focus on (``summarizer.query``): sentences are ranked by
        their relevance to it, combined with the method's score, at most one sentence is
        taken per paragraph while the budget allows, picks spread over passages and repeats
        (across documents too) are dropped. ``summarize(..., query=)`` overrides it.
    **options : the method's own options, e.g. ``damping=``, ``threshold=`` for
        ``"lexrank"``; ``Summarizer.options_of(method)`` lists them. An option the method
        does not take raises ``InvalidOptionError``.
    """

    def __init__(
        self,
        method: str = DEFAULT_METHOD,
        language: str | None = None,
        *,
        format: str = "auto",
        order: str = "document",
        max_chars: int | None = DEFAULT_MAX_CHARS,
        diversity: float | None = None,
        keywords: int = 0,
        ranking: bool = False,
        query: str | None = None,
        splitter: Any = None,
        tokenizer: Any = None,
        stemmer: Any = None,
        stop_words: Any = None,
        **options: Any,
    ) -> None:
        cls = get_method(method)
        self.method: str = cls.name
        self.language = None if language is None else resolve_language(language)
        self.format = validate.choice("format", format, INPUT_FORMATS)
        self.order = validate.choice("order", order, ORDERS)
        self.max_chars = validate.max_chars(max_chars)
        self.keywords = validate.count("keywords", keywords, MAX_KEYWORDS)
        if not isinstance(ranking, bool):
            raise validate.fail("ranking", "True or False", ranking)
        self.ranking = ranking
        self.query = _check_query(query)
        self.splitter = components.check_callable("splitter", splitter)
        self.tokenizer = components.check_callable("tokenizer", tokenizer)
        self.stemmer = components.check_callable("stemmer", stemmer)
        self.stop_words = components.check_stop_words(stop_words)
        self._analyzers: dict[str, Analyzer] = {}
        self._diversity_option = None if diversity is None else check_diversity(diversity)
        self.diversity: float = (
            cls.default_diversity if self._diversity_option is None else self._diversity_option
        )
        _check_method_options(cls, options)
        self.scorer: Method = cls(**options)
        self.frequencies: DocumentFrequencies | None = None

    def _analysis(self, text: str) -> tuple[str, Detection | None]:
        """The language to analyze ``text`` in, and the detection that chose it (if any)."""
        if self.language is not None:
            return self.language, None
        detection = detect_language(text)
        return detection.language, detection

    def _read(self, source: object, what: str = "text") -> readers.Extracted:
        """``source`` read in this summarizer's format (checked: a str, or bytes of HTML or
        e-mail, within ``max_chars``; or already read, as ``readers.Extracted``)."""
        if isinstance(source, readers.Extracted):
            validate.text(source.text, self.max_chars, what=what)
            return source
        if isinstance(source, (bytes, bytearray)):
            data = bytes(source)
            fmt = self.format if self.format != "auto" else readers.detect_format(data)
            if fmt not in _BYTES_FORMATS:
                validate.text(source, what=what)  # the "decode bytes first" error
            if self.max_chars is not None and len(data) > 4 * self.max_chars:
                validate.text("x" * (len(data) // 4), self.max_chars, what=what)
            return readers.read(data, fmt)
        return readers.read(validate.text(source, self.max_chars, what=what), self.format)

    def _read_all(self, sources: list | tuple) -> tuple[readers.Extracted, list[int]]:
        """Several inputs read and joined into one text (a blank line between them, so no
        sentence or paragraph crosses from one to the next), and where each begins."""
        parts = [self._read(source, what=f"document {i}") for i, source in enumerate(sources)]
        texts, blocks, starts, at = [], [], [], 0
        for part in parts:
            starts.append(at)
            texts.append(part.text)
            blocks += [readers.Block(b.start + at, b.end + at, b.kind) for b in part.blocks]
            at += len(part.text) + len(_BETWEEN)
        formats = {part.format for part in parts}
        joined = readers.Extracted(
            _BETWEEN.join(texts), tuple(blocks), formats.pop() if len(formats) == 1 else "mixed"
        )
        validate.text(joined.text, self.max_chars, what="the documents together")
        return joined, starts

    def _document(
        self, extracted: readers.Extracted, starts: list[int] | None = None
    ) -> tuple[Document, Detection | None]:
        """The Document of a read input, in its language (detected unless given)."""
        text = extracted.text
        code, detection = self._analysis(text)
        if self.splitter is not None:
            spans = components.split_with(self.splitter, text)
        else:
            spans = get_segmenter(code).spans(text)
        spans = split_at_blocks(text, spans, extracted)
        analyzer = self._analyzer(code)
        document = Document(text, spans, analyzer, self.frequencies, extracted, starts)
        return document, detection

    def _analyzer(self, code: str) -> Analyzer:
        """The package's analyzer of ``code``, or one with this summarizer's own components."""
        if self.tokenizer is None and self.stemmer is None and self.stop_words is None:
            return get_analyzer(code)
        analyzer = self._analyzers.get(code)
        if analyzer is None:
            analyzer = self._analyzers[code] = Analyzer(
                code, tokenizer=self.tokenizer, stemmer=self.stemmer, stop_words=self.stop_words
            )
        return analyzer

    @staticmethod
    def options_of(method: str) -> dict[str, Any]:
        """The options ``method`` takes, with their defaults."""
        return {o.name: o.default for o in get_method(method).options}

    @property
    def options(self) -> dict[str, Any]:
        """Every option of this summarizer: the common ones and the method's."""
        common = {name: getattr(self, name) for name in COMMON_OPTIONS}
        return {**common, **self.scorer.params}

    def fit(self, corpus: Iterable[str | readers.Extracted]) -> Summarizer:
        """Learn IDF from a corpus of documents (one pass), used for every later summary."""
        if isinstance(corpus, (str, bytes, bytearray)):
            raise InvalidInputError(
                f"corpus must be an iterable of str documents, not one {type(corpus).__name__}; "
                "wrap a single document in a list"
            )
        try:
            documents = iter(corpus)
        except TypeError:
            raise InvalidInputError(
                f"corpus must be an iterable of str documents, not {type(corpus).__name__}"
            ) from None
        frequencies = DocumentFrequencies()
        for doc in documents:
            document, _ = self._document(self._read(doc, what="document"))
            index = document.index
            vocabulary = index.vocabulary
            frequencies.update([[vocabulary[i] for i in np.unique(index.ids).tolist()]])
        self.frequencies = frequencies
        return self

    def warm_up(self) -> Summarizer:
        """Import now what long documents need (scipy.sparse and scipy.sparse.linalg, about
        0.2 s), so that no later summary pays for it; returns self.

        Importing the package does not import them, since short documents never need them
        (a command-line run on a page of text stays fast): a server or a benchmark that
        times each call calls this once after building its summarizer.
        """
        import scipy.sparse.linalg  # noqa: F401

        return self

    def summarize(
        self,
        text: Source | list[Source] | tuple[Source, ...],
        sentences: int | None = None,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
        budget: Budget | None = None,
        order: str | None = None,
        query: str | None = None,
    ) -> Summary:
        """Summarize ``text`` within one budget (``sentences=3`` when none is given).

        Give at most one of ``sentences``, ``ratio``, ``words``, ``chars``, or a ``Budget``.
        ``text`` may also be what ``summarizer.readers.read`` returned, or a list or tuple of
        texts: one summary of them all (``Sentence.document`` tells which each sentence is
        from; offsets count within it; ``Summary.documents`` holds their texts and
        ``Summary.text`` their join, with a blank line between them, which keyphrase offsets
        index). ``query`` focuses this summary on a question (default: the summarizer's own).
        """
        if budget is None:
            budget = Budget.from_options(sentences, ratio, words, chars)
        elif (sentences, ratio, words, chars) != (None, None, None, None):
            raise InvalidOptionError("give either budget= or one of sentences=, ratio=, ...")
        else:
            budget = Budget.of(budget)
        order = self.order if order is None else validate.choice("order", order, ORDERS)
        query = self.query if query is None else _check_query(query)
        return self._summarize(text, budget, order, query)

    def _summarize(
        self,
        text: Source | list[Source] | tuple[Source, ...],
        budget: Budget,
        order: str,
        query: str | None,
    ) -> Summary:
        t0 = perf_counter()
        several = isinstance(text, (list, tuple))
        if isinstance(text, (list, tuple)):
            extracted, starts = self._read_all(text)
        else:
            extracted, starts = self._read(text), [0]
        t_read = perf_counter()
        document, detection = self._document(extracted, starts)
        text, spans = document.text, document.spans
        t1 = perf_counter()
        diversity = (
            self.scorer.diversity_for(document, budget)
            if self._diversity_option is None
            else self._diversity_option
        )
        diverse = diversity > 0.0
        if self.scorer.uses_terms or diverse:
            document.vectors  # noqa: B018 - analyze in its own stage, so timings say where
        t2 = perf_counter()
        scores = self.scorer.score(document, budget)
        candidates = document.candidates
        if query:
            scores, candidates = _focus(document, scores, candidates, query, budget)
        t3 = perf_counter()
        chosen = select(
            scores,
            budget,
            document.sizes(budget),
            order,
            diversity=diversity,
            vectors=document.vectors.tfidf if diverse and document.n > 1 else None,
            candidates=candidates,
        )
        local = _Locator(document)
        result = [local.sentence(i, float(scores[i])) for i in chosen.tolist()]
        keyphrases = None
        if self.keywords:
            keyphrases = extract_keywords(text, self.keywords, language=document.language)
        ranked = None
        if self.ranking:
            allowed = candidates.tolist()
            ranked = [
                local.sentence(i, float(scores[i]) if allowed[i] else None)
                for i in range(len(spans))
            ]
        t4 = perf_counter()
        timings = {
            "read": t_read - t0,
            "segment": t1 - t_read,
            "vectorize": t2 - t1,
            "rank": t3 - t2,
            "select": t4 - t3,
            "total": t4 - t0,
        }
        return Summary(
            result,
            self.method,
            document.language,
            budget,
            order,
            document.n,
            timings,
            detection=detection,
            text=text,
            format=extracted.format,
            n_candidates=int(document.candidates.sum()),
            ranking=ranked,
            keywords=keyphrases,
            query=query,
            documents=local.texts if several else None,
        )

    # Persistence (``summarizer.persist``): options and fitted IDF as plain, versioned JSON.

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state: the options and the fitted document frequencies (None if unfitted).

        ``diversity`` is saved as None while it is the method's default, so that a copy
        loaded with another method follows that method's default.
        """
        custom = [name for name in COMPONENTS if getattr(self, name) is not None]
        if custom:
            raise InvalidOptionError(
                f"a summarizer with its own {', '.join(custom)} cannot be saved or sent to "
                "other processes (its components are code, not data)",
                option=custom[0],
            )
        options = {**self.options, "diversity": self._diversity_option}
        frequencies = self.frequencies
        return {
            "format": persist.STATE_FORMAT,
            "version": persist.STATE_VERSION,
            "options": options,
            "frequencies": None
            if frequencies is None
            else persist.frequencies_to_dict(frequencies),
        }

    @classmethod
    def from_dict(cls, data: object, **overrides: Any) -> Summarizer:
        """A summarizer from ``to_dict()`` output; ``overrides`` replace saved options.

        Raises InvalidFileError if ``data`` is not such state, InvalidOptionError for a bad
        override. Overriding the method keeps only the saved options the new method takes.
        """
        saved = _saved_options(data)
        method = overrides.get("method", saved.get("method", DEFAULT_METHOD))
        if method != saved.get("method", DEFAULT_METHOD):  # keep what the new method takes
            allowed = set(COMMON_OPTIONS) | set(cls.options_of(method))
            saved = {k: v for k, v in saved.items() if k in allowed}
        try:
            summarizer = cls(**saved)
        except InvalidOptionError as exc:
            raise InvalidFileError(f"saved summarizer has a bad option: {exc}") from None
        if overrides:
            summarizer = cls(**{**saved, **overrides})
        frequencies = data.get("frequencies")  # type: ignore[attr-defined]  # a dict, checked
        if frequencies is not None:
            summarizer.frequencies = persist.frequencies_from_dict(frequencies)
        return summarizer

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write options and fitted IDF to ``path`` as JSON (gzip-compressed if it ends in .gz).

        Atomic, byte-for-byte reproducible, and only ever replaces a regular file.
        """
        persist.write_state(path, self.to_dict())

    @classmethod
    def load(cls, path: str | os.PathLike[str], **overrides: Any) -> Summarizer:
        """Read a file written by ``save``; ``overrides`` replace saved options.

        Raises OSError if the file cannot be opened, InvalidFileError if it is not a saved
        summarizer (corrupt, foreign, too large, or from a newer version).
        """
        state = persist.read_state(path)
        try:
            return cls.from_dict(state, **overrides)
        except InvalidFileError as exc:
            raise InvalidFileError(f"{os.fspath(path)}: {exc}") from None


class _Locator:
    """Sentences of a Document as ``Sentence`` objects with offsets within their own document
    (the joined text of several documents is split back into them)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        starts = document.starts
        text = document.text
        ends = [s - len(_BETWEEN) for s in starts[1:]] + [len(text)]
        self.texts = tuple(text[s:e] for s, e in zip(starts, ends, strict=True))
        ids = document.documents
        self.first = np.searchsorted(ids, np.arange(len(starts))).tolist()

    def sentence(self, i: int, score: float | None) -> Sentence:
        document = self.document
        start, end = document.spans[i]
        d = int(document.documents[i]) if len(document.starts) > 1 else 0
        offset = document.starts[d]
        index = i - self.first[d]
        return Sentence(document.text[start:end], index, start - offset, end - offset, score, d)


def _check_query(query: object) -> str | None:
    if query is not None and not isinstance(query, str):
        raise validate.fail("query", "None or a str", query)
    return query or None


def _focus(
    document: Document, scores: np.ndarray, candidates: np.ndarray, query: str, budget: Budget
) -> tuple[np.ndarray, np.ndarray]:
    """Scores and candidates of a query-focused summary (``summarizer.query``): relevance
    combined with the method's scores, and the best sentence of each paragraph as candidates
    while there are enough paragraphs for the budget, rescored by ``query.spread``
    (redundancy by position and repeats). A query none of whose terms occurs leaves the
    summary as it would be without it."""
    shaping = QUESTION_WORDS.get(document.language, ())
    terms = query_terms(query.lower(), document.analyzer.terms, shaping)
    column = {term: i for i, term in enumerate(document.vectors.terms)}
    columns = np.array([column[t] for t in terms if t in column], dtype=np.intp)
    vectors = document.vectors
    relevance = query_relevance(
        vectors.tf, vectors.tfidf, columns, document.paragraphs, document.documents
    )
    if not relevance.any():
        return scores, candidates
    focused = combine(relevance, scores)
    best = _best_per_group(focused, document.paragraphs, candidates)
    needed = budget.count(int(candidates.sum()))
    if needed is None or int(best.sum()) >= needed:
        candidates = best
    focused = spread(
        focused,
        candidates,
        document.paragraphs,
        document.documents,
        needed,
        vectors=vectors.tfidf,
    )
    return focused, candidates


def _best_per_group(scores: np.ndarray, groups: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """The candidate of highest score in each group (the earliest of equals)."""
    index = np.flatnonzero(allowed)
    order = index[np.lexsort((index, -scores[index], groups[index]))]
    first = np.ones(order.size, dtype=bool)
    first[1:] = groups[order[1:]] != groups[order[:-1]]
    best = np.zeros(scores.size, dtype=bool)
    best[order[first]] = True
    return best


def _check_method_options(
    cls: type[Method], options: dict[str, Any], budgets: bool = False
) -> None:
    """InvalidOptionError for an option ``cls`` does not take, naming who takes it."""
    for name in options:
        if name in cls.option_names():
            continue
        owners = [m for m in METHODS if name in get_method(m).option_names()]
        takes = f"; its options: {', '.join(cls.option_names())}" if cls.options else ""
        if owners:
            why = f"option {name!r} does not apply to method {cls.name!r} (it is one of "
            why += f"{', '.join(owners)}){takes}"
        else:
            names = (*(BUDGET_OPTIONS if budgets else ()), *COMMON_OPTIONS, *cls.option_names())
            why = f"unknown option {name!r}; allowed with method {cls.name!r}: {', '.join(names)}"
        raise InvalidOptionError(why, option=name)


def _saved_options(data: object) -> dict[str, Any]:
    """The options of saved state, checked for shape (their values are checked on use)."""
    if not isinstance(data, dict) or data.get("format") != persist.STATE_FORMAT:
        raise InvalidFileError("not a saved summarizer (no 'format': 'summarizer' marker)")
    version = persist.check_version(
        data.get("version"),
        persist.STATE_VERSION,
        lambda why: InvalidFileError(f"saved summarizer: {why}"),
    )
    saved = data.get("options")
    if not isinstance(saved, dict) or not all(isinstance(k, str) for k in saved):
        raise InvalidFileError("saved summarizer options must be an object")
    method = saved.get("method", DEFAULT_METHOD)
    try:
        allowed = set(COMMON_OPTIONS) | set(Summarizer.options_of(method))
    except InvalidOptionError as exc:
        raise InvalidFileError(f"saved summarizer has a bad option: {exc}") from None
    unknown = sorted(set(saved) - (_V1_OPTIONS if version == 1 else allowed))
    if unknown:
        raise InvalidFileError(
            f"saved summarizer options {', '.join(map(repr, unknown))} do not apply to "
            f"method {method!r}"
        )
    # version 1 listed every method's options, which the others ignored: keep the method's
    return {k: v for k, v in saved.items() if k in allowed}


def summarize(
    text: str,
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    budget: Budget | None = None,
    **options: Any,
) -> Summary:
    """Summarize ``text``: the best sentences within one budget.

    Give at most one of ``sentences``, ``ratio``, ``words``, ``chars`` or ``budget``
    (default: 3 sentences). ``options`` configure the summarizer; see ``Summarizer``.
    """
    method = get_method(options.get("method", DEFAULT_METHOD))
    own = {k: v for k, v in options.items() if k not in COMMON_OPTIONS and k not in COMPONENTS}
    _check_method_options(method, own, budgets=True)
    return Summarizer(**options).summarize(
        text, sentences, ratio=ratio, words=words, chars=chars, budget=budget
    )


def keywords(
    text: str,
    n: int = 10,
    *,
    language: str | None = None,
    format: str = "auto",
    max_chars: int | None = DEFAULT_MAX_CHARS,
    **options: Any,
) -> list[Keyword]:
    """The ``n`` keyphrases of ``text``, best first (``summarizer.keyphrases``).

    ``language`` and ``format`` are read as for ``Summarizer`` (detected and sniffed by
    default); ``options`` are those of ``summarizer.keyphrases.extract_keywords`` (``window``,
    ``max_words``, ``position``). Offsets index the text as read (``Summary.text``): the input
    itself for plain text. Any ``str`` gives a list, empty for a text without words.
    """
    reader = Summarizer(language=language, format=format, max_chars=max_chars)
    plain = reader._read(text).text
    code, _ = reader._analysis(plain)
    return extract_keywords(plain, n, language=code, **options)
