"""Keyphrases: the words and phrases a text is about, without a tagger or a corpus.

Method (details and the evidence for each constant: see "Choices" below)

1. Words. A word is a run of letters or digits, joined by inner apostrophes or hyphens
   (``don't``, ``out-of-print``), lower-cased and stemmed by the language's stemmer (a hyphenated
   word part by part). It is a *content word* unless it is a stop word of the language, all its
   hyphen parts are, it has no letter, or it is a single character.
2. Candidates (RAKE-style, Rose et al. 2010; no part-of-speech tagger): maximal runs of content
   words, cut at every stop word, at every punctuation mark and at blank lines; runs longer than
   ``max_words`` are no candidates. Occurrences with the same sequence of stems are one
   candidate, so "neural network" and "Neural Networks" are one phrase, shown as its first
   occurrence.
3. Word scores: a co-occurrence graph over the content words' stems, with an edge weight of the
   number of times two stems occur within ``window`` positions of each other in the sequence of
   content words (SingleRank, Wan & Xiao 2008, after TextRank, Mihalcea & Tarau 2004). The
   score of each stem is PageRank with damping 0.85 and, when ``position`` is true, a
   personalization vector of the sum over its occurrences of 1 / (rank of the occurrence among
   content words) (PositionRank, Florescu & Caragea 2017); else uniform (SingleRank).
4. Phrase scores: for a candidate with words w_1..w_L occurring f times,

       score = f ** FREQ_POWER * (s(w_1) + ... + s(w_L)) / L ** LENGTH_POWER

   SingleRank sums word scores (LENGTH_POWER 0), which favours long phrases; the mean
   (LENGTH_POWER 1) favours single words; frequency is the evidence TF-IDF and YAKE (Campos et al.
   2020) use and that the graph scores alone miss on long documents. Ties: first occurrence.
5. The ``n`` best candidates, best first.

Chinese and Japanese (text with no spaces): a run of Han, Hiragana and Katakana characters is cut
at punctuation and, when it mixes Hiragana with Han or Katakana (Japanese), at Hiragana (mostly
particles and inflections). The words of a run are its character bigrams (a run of one
character is one word). Candidates are its substrings of 2 to ``CJK_MAX_CHARS`` characters that
neither start nor end with a one-character stop word of the language nor are a stop word, and
occur at least twice in the text or are a whole run; a substring is dropped where a
one-character-longer candidate occurs as often (it is only ever part of the longer one). The
graph and the scores are the same as above.

Sources: Mihalcea & Tarau 2004 (TextRank: a word graph, PageRank, phrases from top words);
Wan & Xiao 2008 (SingleRank: co-occurrence counts as weights, window 10, phrase = sum of its
words); Florescu & Caragea 2017 (PositionRank: PageRank biased to early words); Boudin 2018
(MultipartiteRank: candidates from word runs, early-position promotion; its topic clustering is
not used here) and his pke toolkit, whose benchmark protocol ``benchmarks/keyphrases.py``
follows; Campos et al. 2020 (YAKE: frequency and position as language-independent evidence);
Rose et al. 2010 (RAKE: candidates as runs between stop words and punctuation).

Choices (F1@10 on the dev halves, protocol of ``benchmarks/keyphrases.py``; Inspec abstracts /
SemEval-2010 papers / NUS papers / 500N-KPCrowd news). A grid over FREQ_POWER {0.5, 1},
LENGTH_POWER {0, .25, .5, .75, 1}, max_words {3, 4, 5}, window {4, 10, 20}, long runs dropped or
cut into n-grams, scored by the mean over the four sets of F1@10 relative to the best peer:

- The sets disagree on phrase length: Inspec is best with SingleRank's sum (LENGTH_POWER 0:
  28.1) and worst with the mean (24.8); KPCrowd, whose readers marked many single words, the
  reverse (10.1 vs 15.2); the full papers hardly care (15-16, 19-21). Leave-one-set-out shows
  it: chosen without KPCrowd, KPCrowd gets 10.1; chosen without Inspec, Inspec gets 24.8. The
  square root of the length is the compromise that is never the worst on any set: 26.2 / 15.4
  / 20.6 / 13.3, within 0.6 % of the best mean score; choosing on either half of the
  documents of every set (2-fold) picks FREQ_POWER 1 and LENGTH_POWER 0.5 or 0.75.
- Frequency: without it (the graph score alone, summed as in SingleRank) the full papers drop
  to 3-6; at LENGTH_POWER 0.5, FREQ_POWER 1 beats 0.5 on SemEval, NUS and KPCrowd (+0.5 to +1.2,
  on both document halves) and loses 0.4 on Inspec.
- max_words 3 beats 4 and 5 on KPCrowd (+0.9, +1.4) and the papers (+0.2) (Inspec: -0.5). Cutting
  longer runs into all their n-grams instead of dropping them: Inspec -4.6, KPCrowd -0.9, papers
  unchanged.
- window 4, 10 or 20: within 0.3 everywhere; 10 as in SingleRank.
- Position prior: +1.6 on SemEval-2010, +2.5 on NUS, +0.2 / +0.1 on Inspec / KPCrowd.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cache
from typing import Protocol, runtime_checkable

import numpy as np

from summarizer._sparse import sparse as _sparse
from summarizer.errors import InvalidInputError, InvalidOptionError

__all__ = [
    "Keyword",
    "LanguageLike",
    "cooccurrence_graph",
    "english",
    "extract_keywords",
    "personalized_pagerank",
    "phrase_scores",
    "position_weights",
]

FREQ_POWER = 1.0
LENGTH_POWER = 0.5
CJK_MAX_CHARS = 6
DAMPING = 0.85
DENSE_MAX = 80  # up to this many nodes: dense graph, direct solve (larger solves wake BLAS threads)
_MAX_WORD = 64  # longer "words" (hashes, base64) are no content words
_MAX_N = 10_000
_MAX_WINDOW = 50
_MAX_MAX_WORDS = 10


@runtime_checkable
class LanguageLike(Protocol):
    """What keyphrase extraction needs of a language: its stop words and a stemmer."""

    @property
    def stop_words(self) -> frozenset[str]: ...

    def stem(self, word: str) -> str: ...


@dataclass(frozen=True)
class Keyword:
    """A keyphrase: its text, score and where it occurs.

    ``text`` is the first occurrence with runs of whitespace as one space; ``occurrences`` are
    ``(start, end)`` character offsets into the input, ``text[start:end]`` being each occurrence,
    in order; ``stem`` is the key occurrences share (their stems joined by spaces).
    """

    text: str
    score: float
    occurrences: tuple[tuple[int, int], ...]
    stem: str

    def to_dict(self) -> dict:
        """JSON-ready: text, score, stem, and occurrences as ``[start, end]`` pairs."""
        return {
            "text": self.text,
            "score": self.score,
            "stem": self.stem,
            "occurrences": [[s, e] for s, e in self.occurrences],
        }


@dataclass(frozen=True)
class _Resources:
    stop_words: frozenset[str]
    stem_function: object

    def stem(self, word: str) -> str:
        return self.stem_function(word)  # type: ignore[operator]


@cache
def resources(code: str) -> LanguageLike:
    """The package's resources for a supported language (a code or an English name): its
    stop words and its Snowball stemmer; for Chinese and Japanese, whose words are not
    stemmed, the function characters as stop words (a whole stop-word list would cut real
    words at their edges)."""
    from summarizer.languages import get_language
    from summarizer.text import _load_stop_words, snowball_stemmer

    info = get_language(code)
    if info.stemmer is None:
        return _Resources(_load_stop_words(info.code, "_chars"), _same)
    return _Resources(_load_stop_words(info.code), snowball_stemmer(info.stemmer))


def english() -> LanguageLike:
    """English resources of the package: its stop-word list and its Snowball stemmer."""
    return resources("en")


def _same(word: str) -> str:
    return word


def _language(language) -> LanguageLike:
    if isinstance(language, str):
        from summarizer.languages import resolve_language

        return resources(resolve_language(language))
    if not isinstance(getattr(language, "stop_words", None), (frozenset, set)) or not callable(
        getattr(language, "stem", None)
    ):
        raise InvalidOptionError(
            "language must be a name or an object with stop_words (a frozenset) and stem(word)"
        )
    return language


# --------------------------------------------------------------------------- numeric core
def cooccurrence_graph(ids: np.ndarray, n_nodes: int, window: int, *, dense: bool = False):
    """Symmetric matrix of co-occurrence counts of ``ids`` within ``window`` positions.

    ``ids[i]`` is the node of position i (``-1``: a gap, which counts as a position but links
    nothing). Each pair of positions ``i < j < i + window`` with different nodes adds 1 to both
    ``(a, b)`` and ``(b, a)``; no self-loops. CSR, or a dense array when ``dense``.
    """
    ids = np.asarray(ids, dtype=np.int64)
    rows, cols = [], []
    for d in range(1, min(window, ids.size)):
        a, b = ids[:-d], ids[d:]
        keep = (a != b) & (a >= 0) & (b >= 0)
        rows.append(a[keep])
        cols.append(b[keep])
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    if dense:
        flat = np.bincount(r * n_nodes + c, minlength=n_nodes * n_nodes).astype(np.float64)
        graph = flat.reshape(n_nodes, n_nodes)
        return graph + graph.T
    data = np.ones(2 * r.size)
    coo = _sparse().coo_matrix(
        (data, (np.concatenate([r, c]), np.concatenate([c, r]))), shape=(n_nodes, n_nodes)
    )
    return coo.tocsr()


def position_weights(ids: np.ndarray, n_nodes: int) -> np.ndarray:
    """PositionRank's prior: for each node, the sum of 1 / (position + 1) over its positions."""
    ids = np.asarray(ids, dtype=np.int64)
    keep = ids >= 0
    inverse = 1.0 / np.arange(1, ids.size + 1, dtype=np.float64)
    return np.bincount(ids[keep], weights=inverse[keep], minlength=n_nodes)


def personalized_pagerank(
    weights,
    personalization: np.ndarray | None = None,
    damping: float = DAMPING,
    tol: float = 1e-10,
    max_iter: int = 200,
) -> np.ndarray:
    """PageRank of a weighted graph (dense or sparse ``weights[i, j]`` >= 0, edge i -> j).

    With probability ``damping`` the walk follows an edge in proportion to its weight, else it
    jumps to a node drawn from ``personalization`` (uniform when None or all zero); a node
    without edges always jumps. Power iteration until the L1 change is below ``tol`` or
    ``max_iter`` steps; the result sums to 1 (empty for an empty graph).
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    p = np.ones(n) if personalization is None else np.asarray(personalization, dtype=np.float64)
    total = p.sum()
    p = p / total if total > 0 else np.full(n, 1.0 / n)
    if isinstance(weights, np.ndarray) and n <= DENSE_MAX:
        return _pagerank_direct(weights.astype(np.float64, copy=False), p, damping)
    w = _sparse().csr_matrix(weights, dtype=np.float64)
    out = np.asarray(w.sum(axis=1)).ravel()
    dangling = out <= 0
    inverse = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    transposed = w.T.tocsr()
    x = p.copy()
    for _ in range(max_iter):
        new = transposed @ (x * inverse)
        new *= damping
        new += (damping * x[dangling].sum() + 1.0 - damping) * p
        change = np.abs(new - x).sum()
        x = new
        if change < tol:
            break
    return x / x.sum()


def _pagerank_direct(w: np.ndarray, p: np.ndarray, damping: float) -> np.ndarray:
    """Solve ``(I - d T - d p 1_dangling^T) x = (1 - d) p``; column j of T is where j leads."""
    n = w.shape[0]
    out = w.sum(axis=1)
    dangling = out <= 0
    inverse = np.divide(-damping, out, out=np.zeros(n), where=~dangling)
    system = (w * inverse[:, None]).T
    if dangling.any():
        system[:, dangling] -= damping * p[:, None]
    system.flat[:: n + 1] += 1.0
    x = np.linalg.solve(system, (1.0 - damping) * p)
    np.maximum(x, 0.0, out=x)
    return x / x.sum()


def phrase_scores(
    word_scores: np.ndarray,
    words: np.ndarray,
    lengths: np.ndarray,
    frequencies: np.ndarray,
    freq_power: float = FREQ_POWER,
    length_power: float = LENGTH_POWER,
) -> np.ndarray:
    """``f ** freq_power * sum(word scores) / L ** length_power`` for each phrase.

    Phrase i has the ``lengths[i]`` words ``words[offset_i : offset_i + lengths[i]]`` (offsets
    are the cumulative lengths) and occurs ``frequencies[i]`` times. Lengths must be >= 1.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    if lengths.size == 0:
        return np.zeros(0)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    sums = np.add.reduceat(np.asarray(word_scores, dtype=np.float64)[words], starts)
    return (
        np.asarray(frequencies, dtype=np.float64) ** freq_power
        * sums
        / lengths.astype(np.float64) ** length_power
    )


# --------------------------------------------------------------------------- text
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"(?P<cjk>[{_CJK_CHARS}]+)|[^\W_{_CJK_CHARS}]+(?:['\u2019\-][^\W_{_CJK_CHARS}]+)*"
)
_BREAK = re.compile(r"[^\w\s]|_|\n[^\S\n]*\n")
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = ("'s", "\u2019s")


_CACHE_MAX = 200_000  # cached words per language before the cache starts afresh
_ANALYSES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_BY_ID: dict[int, tuple[object, dict[str, str]]] = {}  # languages without weak references
_BY_ID_MAX = 16


def _analyses(language: LanguageLike) -> dict[str, str]:
    """The language's cache of word -> stem key ("" for no content word), shared by calls.

    Keyed weakly by the language object; one that cannot be (unhashable, or with ``__slots__``)
    is kept, with its cache, in a small table by identity (the reference keeps the id unique).
    """
    try:
        cache = _ANALYSES.get(language)
        if cache is None or len(cache) > _CACHE_MAX:
            cache = _ANALYSES[language] = {}
        return cache
    except TypeError:
        pass
    entry = _BY_ID.get(id(language))
    if entry is None or entry[0] is not language or len(entry[1]) > _CACHE_MAX:
        if len(_BY_ID) >= _BY_ID_MAX:
            _BY_ID.clear()
        entry = _BY_ID[id(language)] = (language, {})
    return entry[1]


class _Vocabulary:
    """Stems to node ids for one text, with the language's word analyses cached."""

    def __init__(self, language: LanguageLike) -> None:
        self.stops = language.stop_words
        self.stem = language.stem
        self.cache = _analyses(language)
        self.stems: list[str] = []
        self.ids: dict[str, int] = {}
        self.words: dict[str, int] = {}
        self.labels: dict[tuple[int, ...], str] = {}  # CJK candidates: their string as the stem

    def node(self, key: str) -> int:
        node = self.ids.get(key)
        if node is None:
            node = self.ids[key] = len(self.stems)
            self.stems.append(key)
        return node

    def word(self, word: str) -> int:
        """The node of a word, -1 for no content word."""
        code = self.words.get(word)
        if code is None:
            key = self.cache.get(word)
            if key is None:
                key = self.cache[word] = self._analyze(word)
            code = self.words[word] = self.node(key) if key else -1
        return code

    def _analyze(self, word: str) -> str:
        """The stem key of a word as written; "" if it is no content word."""
        lower = word.lower()
        if len(lower) < 2 or len(lower) > _MAX_WORD or lower in self.stops:
            return ""
        if not any(c.isalpha() for c in lower):
            return ""
        if lower.endswith(_POSSESSIVE) and lower[:-2] in self.stops:
            return ""
        if "-" in lower:
            parts = [p for p in lower.split("-") if p]
            if all(p in self.stops for p in parts):
                return ""
            return "-".join(self._stem(p) for p in parts)
        return self._stem(lower)

    def _stem(self, word: str) -> str:
        try:
            out = self.stem(word)
        except Exception:  # a foreign stemmer failing on odd input: keep the word
            return word
        return out if isinstance(out, str) and out else word


def _check(n, window, max_words, position) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= _MAX_N:
        raise InvalidOptionError(f"n must be an integer from 0 to {_MAX_N}, not {n!r}")
    if isinstance(window, bool) or not isinstance(window, int) or not 2 <= window <= _MAX_WINDOW:
        raise InvalidOptionError(
            f"window must be an integer from 2 to {_MAX_WINDOW}, not {window!r}"
        )
    if (
        isinstance(max_words, bool)
        or not isinstance(max_words, int)
        or not 1 <= max_words <= _MAX_MAX_WORDS
    ):
        raise InvalidOptionError(
            f"max_words must be an integer from 1 to {_MAX_MAX_WORDS}, not {max_words!r}"
        )
    if not isinstance(position, bool):
        raise InvalidOptionError(f"position must be True or False, not {position!r}")


def extract_keywords(
    text: str,
    n: int = 10,
    *,
    language: str | LanguageLike = "english",
    window: int = 10,
    max_words: int = 3,
    position: bool = True,
) -> list[Keyword]:
    """The ``n`` best keyphrases of ``text``, best first (fewer if it has fewer candidates).

    Parameters
    ----------
    text : the text (a ``str``; empty or word-less text gives ``[]``).
    n : how many keyphrases at most.
    language : a language name (``"english"``) or an object with ``stop_words`` (a frozenset of
        lower-case words) and ``stem(word) -> str`` (``LanguageLike``).
    window : co-occurrence window over content words, in words (SingleRank uses 10).
    max_words : the longest candidate, in words; longer runs of content words are no candidates.
    position : weight words by where they occur (PositionRank) rather than uniformly.

    Raises ``InvalidInputError`` if ``text`` is not a ``str``, ``InvalidOptionError`` for an
    option out of range. Deterministic: the same input gives the same list.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a str, not {type(text).__name__}")
    _check(n, window, max_words, position)
    resources = _language(language)
    if n == 0:
        return []
    vocabulary = _Vocabulary(resources)
    sequence, candidates = _candidates(text, vocabulary, max_words)
    if not candidates:
        return []
    ids = np.asarray(sequence, dtype=np.int64)
    n_nodes = len(vocabulary.stems)
    graph = cooccurrence_graph(ids, n_nodes, window, dense=n_nodes <= DENSE_MAX)
    prior = position_weights(ids, n_nodes) if position else None
    word_scores = personalized_pagerank(graph, prior)
    keys = list(candidates)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    words = np.fromiter((w for key in keys for w in key), dtype=np.int64, count=int(lengths.sum()))
    frequencies = np.fromiter((len(candidates[k]) for k in keys), dtype=np.float64, count=len(keys))
    scores = phrase_scores(word_scores, words, lengths, frequencies, FREQ_POWER, LENGTH_POWER)
    first = np.fromiter((candidates[k][0][0] for k in keys), dtype=np.int64, count=len(keys))
    # scores equal up to rounding (symmetric graphs) are ties, taken in text order
    top = scores.max()
    rounded = np.round(scores / top, 12) if top > 0 else scores
    order = np.lexsort((first, -rounded))[:n]
    stems, labels = vocabulary.stems, vocabulary.labels
    out = []
    for i in order.tolist():
        key = keys[i]
        spans = tuple(candidates[key])
        start, end = spans[0]
        out.append(
            Keyword(
                text=_SPACES.sub(" ", text[start:end]),
                score=float(scores[i]),
                occurrences=spans,
                stem=labels.get(key) or " ".join(stems[w] for w in key),
            )
        )
    return out


def _candidates(
    text: str, vocabulary: _Vocabulary, max_words: int
) -> tuple[list[int], dict[tuple[int, ...], list[tuple[int, int]]]]:
    """The content-word sequence (nodes; -1 between CJK runs) and the candidates' occurrences.

    Candidates map a tuple of nodes to its ``(start, end)`` spans, in text order; dict order is
    first occurrence.
    """
    breaks = [m.start() for m in _BREAK.finditer(text)]
    sequence: list[int] = []
    candidates: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    run: list[int] = []
    run_spans: list[tuple[int, int]] = []
    cjk = _CJKCandidates(vocabulary, sequence)
    b = 0  # index of the first break at or after the previous token's end
    n_breaks = len(breaks)
    previous_end = 0

    def close() -> None:
        if run and len(run) <= max_words:
            key = tuple(run)
            span = (run_spans[0][0], run_spans[-1][1])
            spans = candidates.get(key)
            if spans is None:
                candidates[key] = [span]
            else:
                spans.append(span)
        run.clear()
        run_spans.clear()

    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while b < n_breaks and breaks[b] < previous_end:
            b += 1
        if b < n_breaks and breaks[b] < start:
            close()
        previous_end = end
        if match.lastgroup == "cjk":
            close()
            cjk.add(start, match.group())
            continue
        node = vocabulary.word(match.group())
        if node < 0:
            close()
            continue
        sequence.append(node)
        run.append(node)
        run_spans.append((start, end))
    close()
    cjk.finish(candidates)
    return sequence, candidates


def _cjk_chunks(start: int, run: str) -> list[tuple[int, str]]:
    """A CJK run cut at Hiragana when it has Han or Katakana too (Japanese)."""
    if not _HIRAGANA.search(run) or not _HIRAGANA.sub("", run):
        return [(start, run)]
    pieces: list[tuple[int, str]] = []
    last = 0
    for m in _HIRAGANA.finditer(run):
        if m.start() > last:
            pieces.append((start + last, run[last : m.start()]))
        last = m.end()
    if last < len(run):
        pieces.append((start + last, run[last:]))
    return pieces


class _CJKCandidates:
    """Collects CJK chunks in text order: bigram nodes into the sequence, substrings' spans."""

    def __init__(self, vocabulary: _Vocabulary, sequence: list[int]) -> None:
        self.vocabulary = vocabulary
        self.sequence = sequence
        self.stops: frozenset[str] | None = None
        self.found: dict[str, list[tuple[int, int]]] = {}
        self.whole: set[str] = set()

    def add(self, start: int, run: str) -> None:
        if self.stops is None:
            self.stops = frozenset(w for w in self.vocabulary.stops if len(w) == 1)
        node, found, stops, words = (
            self.vocabulary.node,
            self.found,
            self.stops,
            self.vocabulary.stops,
        )
        for offset, chunk in _cjk_chunks(start, run):
            size = len(chunk)
            if size == 1:
                self.sequence.append(node(chunk))
            else:
                self.sequence.extend(node(chunk[i : i + 2]) for i in range(size - 1))
            self.sequence.append(-1)
            if size <= CJK_MAX_CHARS:
                self.whole.add(chunk)
            for i in range(size - 1):
                if chunk[i] in stops:
                    continue
                for j in range(i + 2, min(i + CJK_MAX_CHARS, size) + 1):
                    piece = chunk[i:j]
                    if piece[-1] not in stops and piece not in words:
                        found.setdefault(piece, []).append((offset + i, offset + j))

    def finish(self, candidates: dict[tuple[int, ...], list[tuple[int, int]]]) -> None:
        """Add the kept substrings to ``candidates`` (keyed by their bigram nodes)."""
        if not self.found:
            return
        kept = {s: v for s, v in self.found.items() if len(v) > 1 or s in self.whole}
        inside: set[str] = set()  # substrings only ever part of a longer candidate
        for s, spans in kept.items():
            if len(s) >= 3:
                for part in (s[:-1], s[1:]):
                    shorter = kept.get(part)
                    if shorter is not None and len(shorter) == len(spans):
                        inside.add(part)
        node = self.vocabulary.node
        for s, spans in kept.items():
            if s in inside:
                continue
            key = tuple(node(s[i : i + 2]) for i in range(len(s) - 1))
            self.vocabulary.labels[key] = s
            existing = candidates.get(key)
            candidates[key] = spans if existing is None else sorted(existing + spans)
