"""The public API: ``summarize``, ``split_sentences``, ``Summarizer``, ``Summary``, ``Sentence``."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import stat
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

import numpy as np

from summarizer import lead_odds, rank
from summarizer.errors import (
    InputTooLargeError,
    InvalidFileError,
    InvalidInputError,
    InvalidOptionError,
)
from summarizer.layout import heading_mask
from summarizer.segment import segment
from summarizer.select import ORDERS, Budget, budget_count, check_diversity, select
from summarizer.text import LANGUAGES, get_analyzer
from summarizer.vectorize import (
    DocumentFrequencies,
    Vectors,
    check_format_version,
    vectorize_index,
)

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_METHOD",
    "METHODS",
    "Sentence",
    "Summarizer",
    "Summary",
    "split_sentences",
    "summarize",
]

METHODS: tuple[str, ...] = (
    "textrank",
    "lexrank",
    "tfidf",
    "lead",
    "pacsum",
    "positional",
    "lead_odds",
)
DEFAULT_METHOD = "positional"
# diversity= when not given: the position-aware default takes redundancy into account.
DEFAULT_DIVERSITY = {"positional": 0.3, "lead_odds": lead_odds.DIVERSITY}
POSITION_AWARE = frozenset({"pacsum", "positional", "lead_odds"})
# Longer texts are refused at once (InputTooLargeError) unless max_chars says otherwise.
# 10 million characters is ~85,000 sentences of State of the Union text: splitting and
# TF-IDF take ~2.6 s and ~300 MB there and grow linearly (50 MB: ~12 s), and issue 4's
# long-document target for the graph methods is 100,000 sentences in < 30 s and < 2 GB.
# So a 10 MB text summarizes in seconds while a 50 MB one is refused before any work.
# Measured by benchmarks/limits.py; see "Robustness and limits" in README.md.
DEFAULT_MAX_CHARS = 10_000_000
STATE_FORMAT = "summarizer"  # the marker of a saved Summarizer (Summarizer.save / to_dict)
STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the source: ``source[start:end] == text``; ``index`` counts from 0."""

    text: str
    index: int
    start: int
    end: int
    score: float | None = None

    def __reduce__(self):
        # Plain constructor arguments: pickles (to and from worker processes) about twice
        # as fast as the dataclass default, which matters at ~0.3 ms per summary.
        return (Sentence, (self.text, self.index, self.start, self.end, self.score))

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "text": self.text,
        }


@dataclass(frozen=True)
class Summary:
    """The chosen sentences with their scores and offsets, and how they were chosen."""

    sentences: list[Sentence]
    method: str
    language: str
    budget: Budget
    order: str
    n_sentences: int  # sentences in the source text
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        """The summary text, one sentence per line (inner whitespace collapsed)."""
        return "\n".join(" ".join(s.text.split()) for s in self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def __reduce__(self):
        # See Sentence.__reduce__.
        fields = (self.sentences, self.method, self.language, self.budget, self.order)
        return (Summary, (*fields, self.n_sentences, self.timings))

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: sentences with scores and offsets, options, timings."""
        return {
            "method": self.method,
            "language": self.language,
            "budget": self.budget.to_dict(),
            "order": self.order,
            "n_sentences": self.n_sentences,
            "sentences": [s.to_dict() for s in self.sentences],
            "timings": dict(self.timings),
        }


def _check_text(text: object, max_chars: int | None) -> str:
    if not isinstance(text, str):
        hint = (
            "; decode bytes first, e.g. data.decode('utf-8')"
            if isinstance(text, (bytes, bytearray))
            else ""
        )
        raise InvalidInputError(f"text must be str, not {type(text).__name__}{hint}")
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(
            f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "pass a larger max_chars (or None for no limit) to summarize it anyway"
        )
    return text


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, with offsets (``score`` is None)."""
    text = _check_text(text, None)
    return [Sentence(text[s:e], i, s, e) for i, (s, e) in enumerate(segment(text))]


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidOptionError(f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}")
    return value


def _number(
    name: str,
    value: object,
    low: float | None,
    high: float | None,
    *,
    low_open: bool = False,
    high_open: bool = False,
    or_none: bool = False,
) -> float:
    """``value`` as a float if it is a finite number within the bounds, else InvalidOptionError."""
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    number = float(value) if ok else float("nan")
    ok = ok and np.isfinite(number)
    ok = ok and (low is None or (number > low if low_open else number >= low))
    ok = ok and (high is None or (number < high if high_open else number <= high))
    if not ok:
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        left = "(" if low_open or low is None else "["
        right = ")" if high_open or high is None else "]"
        interval = f"{left}{lo}, {hi}{right}"
        none = "None or " if or_none else ""
        raise InvalidOptionError(f"{name} must be {none}a number in {interval}, not {value!r}")
    return number


class Summarizer:
    """A configured summarizer; reuse it for many texts, or ``fit`` it on a corpus first.

    Parameters
    ----------
    method : one of ``METHODS``; ``DEFAULT_METHOD`` when omitted.
    language : one of ``summarizer.text.LANGUAGES``.
    order : ``"document"`` (source order) or ``"score"`` (best first).
    damping : PageRank damping factor for graph methods, in (0, 1).
    threshold : LexRank only: ``None`` for continuous LexRank, else the cosine
        similarity in [0, 1) above which two sentences are linked.
    max_chars : refuse longer texts with ``InputTooLargeError``; ``None`` for no limit.
    diversity : redundancy control in [0, 1] (Maximal Marginal Relevance): each
        sentence taken is penalized by its largest TF-IDF cosine with the ones
        already taken, weighted by ``diversity``. ``None`` uses the method's
        default: 0.3 for ``"positional"``, 0 (plain best-first) for the others.
    lead_weight, lead_decay, lead_cap, lead_slot_cap : ``"positional"`` only:
        its lead prior (``summarizer.rank.lead_prior``). A sentence p body
        sentences into the text is ``1 + lead_weight * exp(-p / lead_decay)``
        times likelier than the base rate k/n to be in a k-sentence summary,
        but at most ``lead_cap`` likely, and at most ``lead_slot_cap`` likely
        to fill any one of the k places. lead_weight >= 0, lead_decay > 0,
        lead_cap and lead_slot_cap in (0, 1].
    pacsum_beta, pacsum_earlier : ``"pacsum"`` only: the edge threshold in
        [0, 1) (a fraction of the way from the smallest to the largest
        similarity) and the weight of similarity to earlier sentences (that to
        later sentences weighs 1); see ``summarizer.rank.directed_centrality``.
    """

    def __init__(
        self,
        method: str = DEFAULT_METHOD,
        language: str = "english",
        *,
        order: str = "document",
        damping: float = 0.85,
        threshold: float | None = None,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        diversity: float | None = None,
        lead_weight: float = 6.0,
        lead_decay: float = 1.5,
        lead_cap: float = 0.45,
        lead_slot_cap: float = 0.2,
        pacsum_beta: float = 0.0,
        pacsum_earlier: float = -0.5,
    ) -> None:
        self.method = _choice("method", method, METHODS)
        self.language = _choice("language", language, LANGUAGES)
        self.order = _choice("order", order, ORDERS)
        self.damping = _number("damping", damping, 0.0, 1.0, low_open=True, high_open=True)
        self.threshold = (
            None
            if threshold is None
            else _number("threshold", threshold, 0.0, 1.0, high_open=True, or_none=True)
        )
        if max_chars is not None and (
            not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1
        ):
            raise InvalidOptionError(
                f"max_chars must be a positive integer or None, not {max_chars!r}"
            )
        self.max_chars = max_chars
        self.diversity = check_diversity(
            DEFAULT_DIVERSITY.get(self.method, 0.0) if diversity is None else diversity
        )
        self._diversity_option = diversity  # None: the method's default (see to_dict)
        self.lead_weight = _number("lead_weight", lead_weight, 0.0, None)
        self.lead_decay = _number("lead_decay", lead_decay, 0.0, None, low_open=True)
        self.lead_cap = _number("lead_cap", lead_cap, 0.0, 1.0, low_open=True)
        self.lead_slot_cap = _number("lead_slot_cap", lead_slot_cap, 0.0, 1.0, low_open=True)
        self.pacsum_beta = _number("pacsum_beta", pacsum_beta, 0.0, 1.0, high_open=True)
        self.pacsum_earlier = _number("pacsum_earlier", pacsum_earlier, None, None)
        self._analyzer = get_analyzer(self.language)
        self.frequencies: DocumentFrequencies | None = None

    def fit(self, corpus: Iterable[str]) -> Summarizer:
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
        analyzer = self._analyzer
        for doc in documents:
            doc = _check_text(doc, self.max_chars)
            index = analyzer.index(doc, segment(doc))
            vocabulary = index.vocabulary
            frequencies.update([[vocabulary[i] for i in np.unique(index.ids).tolist()]])
        self.frequencies = frequencies
        return self

    def summarize(
        self,
        text: str,
        sentences: int | None = None,
        *,
        ratio: float | None = None,
        words: int | None = None,
        chars: int | None = None,
        order: str | None = None,
    ) -> Summary:
        """Summarize ``text`` within one budget (``sentences=3`` when none is given)."""
        budget = Budget.from_options(sentences, ratio, words, chars)
        order = self.order if order is None else _choice("order", order, ORDERS)
        t0 = perf_counter()
        text = _check_text(text, self.max_chars)
        spans = segment(text)
        t1 = perf_counter()
        index = self._analyzer.index(text, spans)
        vectors = vectorize_index(index, self.frequencies)
        t2 = perf_counter()
        word_counts = char_counts = None
        if budget.kind == "words":
            word_counts = np.array([len(text[s:e].split()) for s, e in spans])
        elif budget.kind == "chars":
            char_counts = np.array([e - s for s, e in spans])
        if self.method in POSITION_AWARE:
            sizes = word_counts if budget.kind == "words" else char_counts
            scores = self._score_positional(text, spans, vectors, budget, sizes)
        else:
            scores = self._score(vectors, index.lengths)
        t3 = perf_counter()
        chosen = select(
            scores,
            budget,
            word_counts,
            char_counts,
            order,
            diversity=self.diversity,
            vectors=vectors.tfidf if self.diversity > 0.0 else None,  # TF-IDF only if used
        )
        result = [
            Sentence(text[spans[i][0] : spans[i][1]], i, spans[i][0], spans[i][1], float(scores[i]))
            for i in chosen.tolist()
        ]
        t4 = perf_counter()
        timings = {
            "segment": t1 - t0,
            "vectorize": t2 - t1,
            "rank": t3 - t2,
            "select": t4 - t3,
            "total": t4 - t0,
        }
        return Summary(result, self.method, self.language, budget, order, len(spans), timings)

    def _score_positional(self, text, spans, vectors: Vectors, budget: Budget, sizes) -> np.ndarray:
        """Scores of the position-aware methods: headings excluded, positions in body sentences."""
        n = len(spans)
        if n == 0:
            return np.zeros(0)
        headings = heading_mask(text, spans)
        positions = rank.body_positions(headings)
        if self.method == "pacsum":
            centrality = rank.pacsum_scores(vectors.tfidf, self.pacsum_beta, self.pacsum_earlier)
            # shift to positive scores, so that even the weakest sentence outranks a heading (0)
            low, spread = float(centrality.min()), float(np.ptp(centrality))
            centrality = centrality - low + 1e-6 * (spread or 1.0)
            return rank.positional_scores(centrality, np.ones(n), headings)
        n_body = n - int(headings.sum())
        if self.method == "lead_odds":  # issue 15; the module's constants (no options yet)
            words = np.array([len(text[s:e].split()) for s, e in spans])
            centrality = rank.lexrank_scores(vectors.tfidf, self.damping, None)
            probability = lead_odds.lead_probability(
                positions, _expected_count(budget, n_body, sizes), n_body
            )
            return lead_odds.lead_odds_scores(
                centrality, probability, lead_odds.length_factor(words), headings
            )
        prior = rank.lead_prior(
            positions,
            _expected_count(budget, n_body, sizes),
            n_body,
            self.lead_weight,
            self.lead_decay,
            self.lead_cap,
            self.lead_slot_cap,
        )
        centrality = rank.lexrank_scores(vectors.tfidf, self.damping, None)
        return rank.positional_scores(centrality, prior, headings)

    def _score(self, vectors: Vectors, lengths: np.ndarray) -> np.ndarray:
        n = vectors.tf.shape[0]
        if n == 0:
            return np.zeros(0)
        if self.method == "lead":
            return 1.0 - np.arange(n) / n
        if self.method == "tfidf":
            return rank.centroid_scores(vectors.tfidf)
        if self.method == "textrank":
            return rank.textrank_scores(vectors.tf, lengths, self.damping)
        return rank.lexrank_scores(vectors.tfidf, self.damping, self.threshold)

    # Persistence: options and fitted IDF as plain, versioned JSON (gzip for *.gz); never pickle.

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state: the options and the fitted document frequencies (None if unfitted)."""
        return {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "options": {
                name: self._saved_diversity() if name == "diversity" else getattr(self, name)
                for name in _SUMMARIZER_OPTIONS
            },
            "frequencies": None if self.frequencies is None else self.frequencies.to_dict(),
        }

    def _saved_diversity(self) -> float | None:
        """None while diversity is the method's default, so a loaded copy follows its method."""
        default = DEFAULT_DIVERSITY.get(self.method, 0.0)
        if self._diversity_option is None and self.diversity == default:
            return None
        return self.diversity

    @classmethod
    def from_dict(cls, data: object, **options: Any) -> Summarizer:
        """A summarizer from ``to_dict()`` output; ``options`` override the saved ones.

        Raises InvalidFileError if ``data`` is not such state, InvalidOptionError
        for a bad override.
        """
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            raise InvalidFileError("not a saved summarizer (no 'format': 'summarizer' marker)")
        check_format_version(
            data.get("version"),
            STATE_VERSION,
            lambda why: InvalidFileError(f"saved summarizer: {why}"),
        )
        saved = data.get("options")
        if not isinstance(saved, dict) or not set(saved) <= set(_SUMMARIZER_OPTIONS):
            raise InvalidFileError(
                f"saved summarizer options must be an object with keys among "
                f"{', '.join(_SUMMARIZER_OPTIONS)}"
            )
        check_options(options, budgets=False)
        try:
            summarizer = cls(**saved)
        except InvalidOptionError as exc:
            raise InvalidFileError(f"saved summarizer has a bad option: {exc}") from None
        if options:
            summarizer = cls(**{**saved, **options})
        frequencies = data.get("frequencies")
        if frequencies is not None:
            summarizer.frequencies = DocumentFrequencies.from_dict(frequencies)
        return summarizer

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write options and fitted IDF to ``path`` as JSON (gzip-compressed if it ends in .gz).

        The file is replaced atomically, and is byte-for-byte reproducible.
        """
        path = os.fspath(path)
        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
        if path.endswith(".gz"):
            data = gzip.compress(data, mtime=0)
        directory = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(prefix=".summarizer-", dir=directory)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            # mkstemp makes the file private (0600): keep the replaced file's mode, else
            # 0644, so that workers under other accounts can read it.
            try:
                mode = stat.S_IMODE(os.stat(path).st_mode)
            except OSError:
                mode = 0o644
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str], **options: Any) -> Summarizer:
        """Read a file written by ``save``; ``options`` override the saved ones.

        Raises OSError if the file cannot be read, InvalidFileError if it is not
        a saved summarizer (corrupt, foreign, or from a newer version).
        """
        path = os.fspath(path)
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            state = json.loads(data.decode("utf-8"))
        except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as exc:
            raise InvalidFileError(f"{path}: not a saved summarizer ({exc})") from None
        try:
            return cls.from_dict(state, **options)
        except InvalidFileError as exc:
            raise InvalidFileError(f"{path}: {exc}") from None


_SUMMARIZER_OPTIONS = (
    "method",
    "language",
    "order",
    "damping",
    "threshold",
    "max_chars",
    "diversity",
    "lead_weight",
    "lead_decay",
    "lead_cap",
    "lead_slot_cap",
    "pacsum_beta",
    "pacsum_earlier",
)


def check_options(options: dict[str, Any], budgets: bool = True) -> None:
    """Raise InvalidOptionError naming the allowed options if ``options`` has an unknown one."""
    unknown = sorted(set(options) - set(_SUMMARIZER_OPTIONS))
    if unknown:
        allowed = ("sentences, ratio, words, chars, " if budgets else "") + ", ".join(
            _SUMMARIZER_OPTIONS
        )
        raise InvalidOptionError(
            f"unknown option {', '.join(map(repr, unknown))}; allowed: {allowed}"
        )


def _expected_count(budget: Budget, n: int, sizes) -> float:
    """About how many of ``n`` sentences the budget will take (for the lead prior's base
    rate, which ``rank.lead_prior`` keeps within [1, n])."""
    count = budget_count(budget, n)
    if count is not None:
        return float(count)
    mean = float(np.mean(sizes)) if sizes is not None and len(sizes) else 0.0
    return budget.value / mean if mean > 0 else 1.0


def summarize(
    text: str,
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
    chars: int | None = None,
    **options: Any,
) -> Summary:
    """Summarize ``text``: the best sentences within one budget.

    Give at most one of ``sentences``, ``ratio``, ``words``, ``chars``
    (default: 3 sentences). ``options`` configure the method; see ``Summarizer``.
    """
    check_options(options)
    return Summarizer(**options).summarize(text, sentences, ratio=ratio, words=words, chars=chars)
