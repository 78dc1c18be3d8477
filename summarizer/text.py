"""Words: lower-casing, stop words and stemming for every supported language.

A word is a run of letters, digits and combining marks (Devanagari vowel signs, Arabic
harakat), possibly joined by apostrophes (``don't``, ``o'neill``); it is lower-cased (Turkish
dotted and dotless i kept apart), dropped if it is a stop word, a single letter or longer than
64 characters (no word is; hashes and base64 are), and otherwise reduced to its stem by the
language's Snowball stemmer (PyStemmer, the Snowball project's C code; the pure-Python
``snowballstemmer``, the same algorithms, where PyStemmer is not installed). Arabic words lose
their harakat and tatweel first. Chinese and Japanese have no spaces and no stemmer: their
terms are character bigrams of each run of Han characters (and, in Japanese, katakana), split
at function characters, so TF-IDF works on them without a word segmenter; a one-character run
is a term of its own. The stop-word lists ship in ``summarizer/data/stopwords`` (provenance
there).

Speed: words never cross whitespace, so the analyzer caches the result of each
whitespace-delimited chunk of raw text (``"Koirala's"``, ``"2019."``) as term ids. A document
is then split on whitespace and looked up chunk by chunk, with no regular expression or
stemmer call for chunks seen before.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import Any

import numpy as np

from summarizer.errors import InvalidOptionError
from summarizer.languages import LANGUAGES, get_language, resolve_language

__all__ = ["LANGUAGES", "Analyzer", "TermIndex", "get_analyzer"]

# Combining marks that belong inside words: Latin diacritics (decomposed text), Arabic harakat,
# Devanagari vowel signs and viramas. Python's \w leaves them out.
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
    "\u06ea-\u06ed\u0900-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963"
)
_LETTER = rf"(?:[^\W_]|[{_MARKS}])"
_WORD = re.compile(rf"{_LETTER}+(?:['\u2019]{_LETTER}+)*")
_ARABIC_MARKS = dict.fromkeys(
    [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640], None
)  # harakat, small high marks and tatweel: removed before the stop list and the stemmer
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_KATAKANA = "\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_OTHER = rf"(?:(?![{_HAN}{_KANA}]){_LETTER})+"  # a word of another script (Latin, digits)
# Terms of Chinese and Japanese text: runs of Han (and in Japanese katakana) characters, and
# words of other scripts; Japanese hiragana (particles, inflections) separate terms.
_CJK_TERMS = {
    "zh": re.compile(rf"([{_HAN}]+)|{_OTHER}(?:['\u2019]{_OTHER})*"),
    "ja": re.compile(rf"([{_HAN}]+|[{_KATAKANA}]+)|{_OTHER}(?:['\u2019]{_OTHER})*"),
}


# Chunk codes: >= 0 is the id of the chunk's only term; _NONE marks a chunk with
# no term; a code <= _MULTI is a chunk with several terms, kept in a side table.
_NONE = -1
_MULTI = -2
_NEW = -(2**62)  # below every code: a chunk not cached yet
# Term ids are int32: half the memory of intp on long documents (10 million occurrences at
# a million sentences), and no document has 2**31 distinct stems.
_ID = np.int32
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


def _turkish_lower(text: str) -> str:
    """Turkish lower case: I becomes dotless i and dotted I plain i (``str.lower`` would make
    the dotted capital two characters)."""
    return text.replace("I", "\u0131").replace("\u0130", "i").lower()


def _clean(text: str, lower=str.lower) -> str:
    """``text`` lower-cased, with ``_GAPS`` as spaces; same length, so offsets hold.

    Lower-casing here only makes chunks repeat more often (words are
    lower-cased again when analyzed); it is skipped for the rare text whose
    length it changes.
    """
    lowered = lower(text)
    if len(lowered) != len(text):
        lowered = text
    for gap in _GAPS:
        if gap in lowered:
            lowered = lowered.replace(gap, " ")
    return lowered


def _load_stop_words(language: str, suffix: str = "") -> frozenset[str]:
    """The shipped stop words of ``language`` (``suffix="_chars"``: zh/ja function characters)."""
    path = resources.files("summarizer") / "data" / "stopwords" / f"{language}{suffix}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class TermIndex:
    """Term ids of a document's sentences, CSR-style.

    The terms of sentence ``i`` are ``ids[indptr[i]:indptr[i + 1]]`` in order,
    with repeats; ``vocabulary[id]`` is the stem. Ids index the analyzer's
    shared vocabulary, so they are not contiguous within one document.
    """

    ids: np.ndarray  # int32, every term occurrence
    indptr: np.ndarray  # intp, n_sentences + 1 offsets into ids
    vocabulary: Sequence[str]

    @property
    def lengths(self) -> np.ndarray:
        """Terms per sentence (with repeats)."""
        return np.diff(self.indptr)


class _Tables(dict):
    """The chunk cache, ``{chunk: code}``, and the stem vocabulary its codes refer to.

    Replaced as a whole when full. A document's chunks are looked up together, and those not
    yet cached are analyzed together (``Analyzer._learn``), so a document is coded in one
    pass over its chunks and one over its new ones.
    """

    __slots__ = ("multi", "stem_ids", "stems")

    def __init__(self) -> None:
        super().__init__()
        self.stems: list[str] = []
        self.stem_ids: dict[str, int] = {}
        self.multi: list[tuple[int, ...]] = []


def snowball_stemmer(algorithm: str) -> Callable[[str], str]:
    """The ``stemWord`` of Snowball's ``algorithm``: PyStemmer's C code when installed, else
    the pure-Python snowballstemmer (the same algorithms, the same stems)."""
    return _snowball(algorithm).stemWord


def _snowball(algorithm: str):
    """Snowball's stemmer object for ``algorithm`` (``stemWord``, and ``stemWords`` for a list
    at once): PyStemmer's when installed, else snowballstemmer's."""
    try:
        import Stemmer
    except ImportError:  # pragma: no cover - only where PyStemmer has no wheel
        import snowballstemmer

        return snowballstemmer.stemmer(algorithm)
    # No cache of PyStemmer's own: the analyzer caches, and PyStemmer's cache costs more than
    # it saves once full (about 4.5 us a word against 1 us uncached, measured here).
    return Stemmer.Stemmer(algorithm, 0)


def _batch(stem: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    """A one-word stemmer applied to a list of words."""

    def stem_words(words: list[str]) -> list[str]:
        return [stem(word) for word in words]

    return stem_words


class Analyzer:
    """Turns a string into its content-word terms for one language; thread-safe."""

    def __init__(
        self,
        language: str,
        *,
        tokenizer: Callable[[str], Sequence[str]] | None = None,
        stemmer: Callable[[str], str] | None = None,
        stop_words: frozenset[str] | None = None,
    ) -> None:
        """The package's analysis of ``language``, or with a user's own ``tokenizer``
        (sentence -> words), ``stemmer`` (word -> stem) or ``stop_words`` in its place."""
        info = get_language(language)
        self.language = info.code
        self.stop_words = _load_stop_words(info.code) if stop_words is None else stop_words
        self._lower = _turkish_lower if info.code == "tr" else str.lower
        snowball = None if info.stemmer is None else _snowball(info.stemmer)
        self._stem = None if snowball is None else snowball.stemWord
        self._stem_words = None if snowball is None else snowball.stemWords
        if stemmer is not None:
            self._stem = _checked(stemmer, "stemmer")
            self._stem_words = _batch(self._stem)
        self._tokenizer = tokenizer
        self._cjk = _CJK_TERMS.get(info.code)
        chars = "".join(sorted(_load_stop_words(info.code, "_chars"))) if self._cjk else ""
        # function characters end a run of Han characters (sorted: the pattern is deterministic)
        self._function_chars = re.compile(f"[{re.escape(chars)}]+") if chars else None
        self._arabic = info.code == "ar"
        self._tables = _Tables()
        self._lock = threading.Lock()

    def terms(self, text: str) -> list[str]:
        """Stems of the content words of ``text``, in order, with repeats."""
        index = self.index(text, [(0, len(text))])
        vocabulary = index.vocabulary
        return [vocabulary[i] for i in index.ids.tolist()]

    def index(self, text: str, spans: Sequence[tuple[int, int]]) -> TermIndex:
        """Term ids of each ``text[start:end]`` for ``spans``, in one pass."""
        tables = self._current_tables()
        if self._tokenizer is not None:
            return self._index_tokenized(text, spans, tables)
        n = len(spans)
        if n <= _BATCH:
            ids, counts = self._index_batch(_clean(text, self._lower), 0, spans, tables)
        else:  # in batches: only one batch's cleaned text and chunk strings are alive at a time
            parts = [
                self._index_span_batch(text, spans[lo : lo + _BATCH], tables)
                for lo in range(0, n, _BATCH)
            ]
            ids = np.concatenate([p[0] for p in parts])
            counts = np.concatenate([p[1] for p in parts])
        indptr = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(counts, out=indptr[1:])
        return TermIndex(ids, indptr, tables.stems)

    def _index_tokenized(
        self, text: str, spans: Sequence[tuple[int, int]], tables: _Tables
    ) -> TermIndex:
        """Term ids from the user's tokenizer, sentence by sentence (no chunk cache: its words
        may cross whitespace)."""
        tokenize = self._tokenizer
        ids: list[int] = []
        counts = np.zeros(len(spans), dtype=np.intp)
        for k, (start, end) in enumerate(spans):
            try:
                words = list(tokenize(text[start:end]))  # type: ignore[misc]
            except Exception as exc:
                raise InvalidOptionError(
                    f"tokenizer failed: {type(exc).__name__}: {exc}", option="tokenizer"
                ) from None
            with self._lock:
                found = [self._term_id(self._lower(str(word)), tables) for word in words]
            found = [i for i in found if i >= 0]
            ids += found
            counts[k] = len(found)
        indptr = np.zeros(len(spans) + 1, dtype=np.intp)
        np.cumsum(counts, out=indptr[1:])
        return TermIndex(np.asarray(ids, dtype=_ID), indptr, tables.stems)

    def _index_span_batch(
        self, text: str, spans: Sequence[tuple[int, int]], tables: _Tables
    ) -> tuple[np.ndarray, np.ndarray]:
        """``_index_batch`` of only the part of ``text`` that ``spans`` cover."""
        start = min(map(itemgetter(0), spans))
        end = max(map(itemgetter(1), spans))
        return self._index_batch(_clean(text[start:end], self._lower), start, spans, tables)

    def _index_batch(
        self, clean: str, offset: int, spans: Sequence[tuple[int, int]], tables: _Tables
    ) -> tuple[np.ndarray, np.ndarray]:
        """Term ids of the spans, concatenated, and the number of terms of each; ``clean`` is
        the cleaned text from ``offset`` on."""
        if offset:
            chunk_lists = [clean[s - offset : e - offset].split() for s, e in spans]
        else:
            chunk_lists = [clean[s:e].split() for s, e in spans]
        n = len(chunk_lists)
        bounds = np.zeros(n + 1, dtype=np.intp)  # where each sentence's chunks begin
        np.cumsum(np.fromiter(map(len, chunk_lists), np.intp, n), out=bounds[1:])
        chunks = chain.from_iterable
        code_array = np.fromiter(
            map(tables.get, chunks(chunk_lists), repeat(_NEW)), np.intp, int(bounds[-1])
        )
        if code_array.size and code_array.min() == _NEW:  # some chunks not cached yet
            unseen = code_array == _NEW
            chosen = unseen.tolist()
            new = self._learn(dict.fromkeys(compress(chunks(chunk_lists), chosen)), tables)
            code_array[unseen] = list(map(new.__getitem__, compress(chunks(chunk_lists), chosen)))
        if code_array.size and code_array.min() <= _MULTI:
            sentence_of = np.repeat(np.arange(n, dtype=np.intp), np.diff(bounds))
            code_array, sentence_of = self._expand(code_array, sentence_of, tables)
            keep = code_array >= 0
            return code_array[keep].astype(_ID), np.bincount(sentence_of[keep], minlength=n)
        keep = code_array >= 0
        kept = np.zeros(code_array.size + 1, dtype=np.intp)  # terms before each chunk
        np.cumsum(keep, out=kept[1:])
        return code_array[keep].astype(_ID), np.diff(kept[bounds])

    def _current_tables(self) -> _Tables:
        tables = self._tables
        if len(tables) + len(tables.stems) + len(tables.multi) > _MAX_CHUNKS:
            with self._lock:
                if self._tables is tables:
                    self._tables = _Tables()
                tables = self._tables
        return tables

    def _learn(self, chunks: Iterable[str], tables: _Tables) -> dict[str, int]:
        """The codes of chunks not yet cached, analyzed together (one stemmer call for all
        their new words); caches each unless it is longer than a word can be."""
        with self._lock:  # terms get their ids in one thread at a time
            new: dict[str, int] = {}
            todo = []
            for chunk in chunks:
                code = tables.get(chunk)  # another thread may have just added it
                if code is None:
                    todo.append(chunk)
                else:
                    new[chunk] = code
            if self._cjk is not None:
                new.update((chunk, self._code(chunk, tables)) for chunk in todo)
            else:
                new.update(self._codes(todo, tables))
            for chunk in todo:
                if len(chunk) <= _MAX_CACHED_CHUNK:
                    tables[chunk] = new[chunk]
        return new

    def _codes(self, chunks: Iterable[str], tables: _Tables) -> dict[str, int]:
        """The codes of new chunks (not Chinese or Japanese): their words, each stemmed once
        and all in one stemmer call, get term ids in order of first appearance."""
        lower, words_of = self._lower, _WORD.findall
        by_chunk: dict[str, Any] = {}  # a chunk's one word (str), or its words (list)
        words: dict[str, Any] = {}  # each new word once, in order
        for chunk in chunks:
            lowered = lower(chunk)
            if lowered.isalnum():  # one plain word, as most chunks are: no regex needed
                by_chunk[chunk] = words[lowered] = lowered
            else:
                found = by_chunk[chunk] = words_of(lowered)
                words.update(zip(found, found, strict=True))
        self._term_ids(words, tables)
        new: dict[str, int] = {}
        for chunk, found in by_chunk.items():
            if found.__class__ is str:
                new[chunk] = words[found]
                continue
            ids = [i for i in map(words.__getitem__, found) if i >= 0]
            if not ids:
                new[chunk] = _NONE
            elif len(ids) == 1:
                new[chunk] = ids[0]
            else:
                new[chunk] = _MULTI - len(tables.multi)
                tables.multi.append(tuple(ids))
        return new

    def _term_ids(self, words: dict[str, Any], tables: _Tables) -> None:
        """Replace each value of ``words`` (lower-case word -> anything) by the word's term id
        (_NONE if it is no term), stemming the words in one call."""
        kept = {}
        stop_words, normal = self.stop_words, self._normal
        for word in words:
            if word in stop_words:
                words[word] = _NONE
                continue
            form = normal(word)
            if form is None:
                words[word] = _NONE
            else:
                kept[word] = form
        if not kept:
            return
        forms = list(kept.values())
        stems = forms if self._stem_words is None else self._stem_words(forms)
        stem_ids, vocabulary = tables.stem_ids, tables.stems
        for word, stem in zip(kept, stems, strict=True):
            term = stem_ids.get(stem)
            if term is None:
                term = stem_ids[stem] = len(vocabulary)
                vocabulary.append(stem)
            words[word] = term

    def _normal(self, word: str) -> str | None:
        """The form of a lower-case word that is stemmed; None if it is no term."""
        if len(word) > _MAX_WORD:
            return None
        if "\u2019" in word:
            word = word.replace("\u2019", "'")
        if self._arabic:
            word = word.translate(_ARABIC_MARKS)
        if word in self.stop_words or (len(word) == 1 and not word.isdigit()) or not word:
            return None
        return word

    def _code(self, chunk: str, tables: _Tables) -> int:
        """The code of a new chunk: a term id, _NONE, or a multi-term code."""
        lowered = self._lower(chunk)
        if self._cjk is not None:
            ids = self._cjk_ids(lowered, tables)
        elif lowered.isalnum():  # one plain word, as most chunks are: no regex needed
            return self._term_id(lowered, tables)
        else:
            ids = [self._term_id(word, tables) for word in _WORD.findall(lowered)]
        ids = [i for i in ids if i >= 0]
        if not ids:
            return _NONE
        if len(ids) == 1:
            return ids[0]
        code = _MULTI - len(tables.multi)
        tables.multi.append(tuple(ids))
        return code

    def _cjk_ids(self, lowered: str, tables: _Tables) -> list[int]:
        """Chinese or Japanese terms: bigrams of each run of Han (or katakana) characters
        between function characters, one-character runs whole; other words as usual."""
        ids = []
        split, stop_words = self._function_chars, self.stop_words
        for m in self._cjk.finditer(lowered):  # type: ignore[union-attr]
            run = m.group(1)
            if run is None:
                ids.append(self._term_id(m.group(), tables))
                continue
            for part in split.split(run) if split is not None else (run,):
                grams = [part[i : i + 2] for i in range(len(part) - 1)] or [part]
                ids.extend(self._stem_id(g, tables) for g in grams if g and g not in stop_words)
        return ids

    def _term_id(self, word: str, tables: _Tables) -> int:
        """The term id of a lower-case word; _NONE if it is no term."""
        normal = self._normal(word)
        if normal is None:
            return _NONE
        return self._stem_id(normal if self._stem is None else self._stem(normal), tables)

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


def _checked(stemmer: Callable[[str], str], name: str) -> Callable[[str], str]:
    """A user's stemmer whose failures and non-str results are clear errors."""

    def stem(word: str) -> str:
        try:
            result = stemmer(word)
        except Exception as exc:
            raise InvalidOptionError(
                f"{name} failed on {word!r}: {type(exc).__name__}: {exc}", option=name
            ) from None
        if not isinstance(result, str):
            raise InvalidOptionError(
                f"{name} returned {type(result).__name__} for {word!r}, not a str", option=name
            )
        return result

    return stem


def get_analyzer(language: str) -> Analyzer:
    """The shared analyzer for ``language`` (a code or an English name); InvalidOptionError
    if unsupported."""
    return _analyzer(resolve_language(language))


@cache
def _analyzer(code: str) -> Analyzer:
    return Analyzer(code)
