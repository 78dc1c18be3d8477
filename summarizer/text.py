"""Words: lower-casing, stop words and stemming, shared by every method.

A word is a run of letters or digits, possibly joined by apostrophes
(``don't``, ``o'neill``); it is lower-cased, dropped if it is a stop word, a
single letter or longer than 64 characters (no word is; hashes and base64 are),
and otherwise reduced to its Snowball stem (``summarizer.stem``).
The stop-word lists ship in ``summarizer/data``.

Speed: words never cross whitespace, so the analyzer caches the result of each
whitespace-delimited chunk of raw text (``"Koirala's"``, ``"2019."``) as term
ids. A document is then split on whitespace and looked up chunk by chunk, with
no regular expression or stemmer call for chunks seen before.

A chunk not seen before that is a common English word takes its stem from a
table that ships in ``summarizer/data`` (``stems_english.txt``, 40,176 words,
built by ``tools/build_stem_table.py``); only the other new chunks go through
the regular expression and the stemmer. Loading the table costs about 10 ms and
6 MB once, and it saves about 1.5 us on each new common word (about 0.08 ms
per news article once the commonest words are cached), so it pays back only
over many documents: the analyzer loads it when it meets new chunks in its
second document, never in a one-document run such as the command line on one
file.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import chain, repeat

import numpy as np

from summarizer import stem
from summarizer.errors import InvalidOptionError

__all__ = ["LANGUAGES", "Analyzer", "TermIndex", "get_analyzer"]

_STEMMERS = {"english": stem.stem}
LANGUAGES: tuple[str, ...] = tuple(_STEMMERS)

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Chunk codes: >= 0 is the id of the chunk's only term; _NONE marks a chunk with
# no term; a code <= _MULTI is a chunk with several terms, kept in a side table.
_NONE = -1
_MULTI = -2
_MAX_CHUNKS = 200_000  # cache entries before the tables start afresh (bounds memory)
# Longer chunks (hashes, base64, a megabyte of one letter) are analyzed but not cached, and
# longer "words" are not terms: stemming them costs time for nothing, and keeping them would
# pin them in memory, since the tables are capped by entries, not by size.
_MAX_CACHED_CHUNK = 64
_MAX_WORD = 64
_BATCH = 2048  # sentences whose chunks are split and looked up together


# Characters that are never part of a word, replaced by spaces before splitting
# on whitespace: chunks then are mostly single words, so fewer of them are
# distinct and few hold several words.
_GAPS = tuple('.,;:!?"()[]-/\u201c\u201d\u2014')


def _clean(text: str) -> str:
    """``text`` lower-cased, with ``_GAPS`` as spaces; same length, so offsets hold.

    Lower-casing here only makes chunks repeat more often (words are
    lower-cased again when analyzed); it is skipped for the rare text whose
    length it changes.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    for gap in _GAPS:
        if gap in lowered:
            lowered = lowered.replace(gap, " ")
    return lowered


_NO_TABLE: dict[str, str] = {}


@cache
def _load_stem_table(language: str) -> dict[str, str]:
    """The shipped stems of common words, ``{word: stem}`` (empty if there is none); read-only.

    Each word is a lower-case chunk of one word that is no stop word, so its stem
    is what ``Analyzer._code`` would compute (the tests check every entry). The
    file's format is described in ``tools/build_stem_table.py``.
    """
    path = resources.files("summarizer") / "data" / f"stems_{language}.txt"
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return {}
    lines = [line.split(" ") for line in text.splitlines() if line[:1] != "#"]
    if len(lines) == 3 and len(lines[0]) == len(lines[1]):
        stems, sizes, words = lines
        stem_of_each = chain.from_iterable(map(repeat, stems, map(int, sizes)))
        table = dict(zip(words, stem_of_each, strict=False))
        if len(table) == len(words) and next(stem_of_each, None) is None:
            return table
    raise RuntimeError(f"{path} is damaged: rebuild it with tools/build_stem_table.py")


def _load_stop_words(language: str) -> frozenset[str]:
    path = resources.files("summarizer") / "data" / f"stopwords_{language}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class TermIndex:
    """Term ids of a document's sentences, CSR-style.

    The terms of sentence ``i`` are ``ids[indptr[i]:indptr[i + 1]]`` in order,
    with repeats; ``vocabulary[id]`` is the stem. Ids index the analyzer's
    shared vocabulary, so they are not contiguous within one document.
    """

    ids: np.ndarray  # intp, every term occurrence
    indptr: np.ndarray  # intp, n_sentences + 1 offsets into ids
    vocabulary: Sequence[str]

    @property
    def lengths(self) -> np.ndarray:
        """Terms per sentence (with repeats)."""
        return np.diff(self.indptr)


class _Tables(dict):
    """The chunk cache, ``{chunk: code}``, and the stem vocabulary its codes refer to.

    Replaced as a whole when full. Looking up a chunk not yet cached (``tables[chunk]``)
    analyzes it on the spot (``__missing__``), so a document is coded in one pass
    over its chunks whether or not they are new.
    """

    __slots__ = ("analyze", "multi", "stem_ids", "stems")

    def __init__(self, analyze: Callable[[str, _Tables], int]) -> None:
        super().__init__()
        self.analyze = analyze
        self.stems: list[str] = []
        self.stem_ids: dict[str, int] = {}
        self.multi: list[tuple[int, ...]] = []

    def __missing__(self, chunk: str) -> int:
        return self.analyze(chunk, self)


class Analyzer:
    """Turns a string into its content-word stems for one language; thread-safe."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.stop_words = _load_stop_words(language)
        self._stem = _STEMMERS[language]
        self._tables = _Tables(self._analyze)
        self._lock = threading.Lock()
        self._known: dict[str, str] | None = None  # the stem table, once loaded
        self._documents = 0  # index() calls so far (the stem table waits for the second)

    def terms(self, text: str) -> list[str]:
        """Stems of the content words of ``text``, in order, with repeats."""
        index = self.index(text, [(0, len(text))])
        vocabulary = index.vocabulary
        return [vocabulary[i] for i in index.ids.tolist()]

    def index(self, text: str, spans: Sequence[tuple[int, int]]) -> TermIndex:
        """Term ids of each ``text[start:end]`` for ``spans``, in one pass."""
        self._documents += 1
        tables = self._current_tables()
        clean = _clean(text)
        n = len(spans)
        if n <= _BATCH:
            ids, counts = self._index_batch(clean, spans, tables)
        else:  # in batches, so only one batch's chunk strings are alive at a time
            parts = [
                self._index_batch(clean, spans[lo : lo + _BATCH], tables)
                for lo in range(0, n, _BATCH)
            ]
            ids = np.concatenate([p[0] for p in parts])
            counts = np.concatenate([p[1] for p in parts])
        indptr = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(counts, out=indptr[1:])
        return TermIndex(ids, indptr, tables.stems)

    def _index_batch(
        self, clean: str, spans: Sequence[tuple[int, int]], tables: _Tables
    ) -> tuple[np.ndarray, np.ndarray]:
        """Term ids of the spans, concatenated, and the number of terms of each."""
        chunk_lists = [clean[s:e].split() for s, e in spans]
        chunk_counts = np.fromiter(map(len, chunk_lists), dtype=np.intp, count=len(chunk_lists))
        codes = np.fromiter(
            map(tables.__getitem__, chain.from_iterable(chunk_lists)),
            dtype=np.int64,
            count=int(chunk_counts.sum()),
        )
        sentence_of = np.repeat(np.arange(len(chunk_lists), dtype=np.intp), chunk_counts)
        if codes.size and codes.min() <= _MULTI:
            codes, sentence_of = self._expand(codes, sentence_of, tables)
        keep = codes >= 0
        counts = np.bincount(sentence_of[keep], minlength=len(chunk_lists))
        return codes[keep].astype(np.intp), counts

    def _current_tables(self) -> _Tables:
        tables = self._tables
        if len(tables) + len(tables.stems) + len(tables.multi) > _MAX_CHUNKS:
            with self._lock:
                if self._tables is tables:
                    self._tables = _Tables(self._analyze)
                tables = self._tables
        return tables

    def _analyze(self, chunk: str, tables: _Tables) -> int:
        """The code of a chunk not yet cached; caches it unless it is longer than a word can be.

        Most new chunks are common words, whose stems the stem table has; the
        others go through ``_code``.
        """
        known = self._known
        if known is None:
            if self._documents < 2:
                known = _NO_TABLE
            else:
                known = self._known = _load_stem_table(self.language)
        stem = known.get(chunk)
        with self._lock:  # stems get their ids in one thread at a time
            code = dict.get(tables, chunk)  # another thread may have just added it
            if code is not None:
                return code
            code = self._code(chunk, tables) if stem is None else self._stem_id(stem, tables)
            if len(chunk) <= _MAX_CACHED_CHUNK:
                tables[chunk] = code
        return code

    def _code(self, chunk: str, tables: _Tables) -> int:
        """The code of a chunk not in the stem table: a term id, _NONE, or a multi-term code."""
        lowered = chunk.lower()
        if lowered.isalnum():  # one plain word, as most chunks are: no regex needed
            return self._term_id(lowered, tables)
        ids = [self._term_id(word, tables) for word in _WORD.findall(lowered)]
        ids = [i for i in ids if i >= 0]
        if not ids:
            return _NONE
        if len(ids) == 1:
            return ids[0]
        code = _MULTI - len(tables.multi)
        tables.multi.append(tuple(ids))
        return code

    def _term_id(self, word: str, tables: _Tables) -> int:
        """The term id of a lower-case word; _NONE if it is no term."""
        if len(word) > _MAX_WORD:
            return _NONE
        if "\u2019" in word:
            word = word.replace("\u2019", "'")
        if word in self.stop_words or (len(word) == 1 and not word.isdigit()):
            return _NONE
        return self._stem_id(self._stem(word), tables)

    @staticmethod
    def _stem_id(stem: str, tables: _Tables) -> int:
        """The id of ``stem``, added to the vocabulary if new."""
        term = tables.stem_ids.get(stem)
        if term is None:
            term = tables.stem_ids[stem] = len(tables.stems)
            tables.stems.append(stem)
        return term

    @staticmethod
    def _expand(
        codes: np.ndarray, sentence_of: np.ndarray, tables: _Tables
    ) -> tuple[np.ndarray, np.ndarray]:
        """Replace each multi-term chunk code by its term ids, keeping order."""
        multi = codes <= _MULTI
        sizes = np.ones(codes.size, dtype=np.intp)
        parts = [tables.multi[_MULTI - c] for c in codes[multi].tolist()]
        sizes[multi] = [len(p) for p in parts]
        out = np.repeat(codes, sizes)
        multi_sizes = sizes[multi]
        first = (np.cumsum(sizes) - sizes)[multi]
        offsets = np.arange(multi_sizes.sum()) - np.repeat(
            np.cumsum(multi_sizes) - multi_sizes, multi_sizes
        )
        out[np.repeat(first, multi_sizes) + offsets] = list(chain.from_iterable(parts))
        return out, np.repeat(sentence_of, sizes)


@cache
def get_analyzer(language: str) -> Analyzer:
    """The shared analyzer for ``language``; raises InvalidOptionError if unsupported."""
    if language not in LANGUAGES:
        raise InvalidOptionError(
            f"unsupported language {language!r}; choose one of: {', '.join(LANGUAGES)}"
        )
    return Analyzer(language)
