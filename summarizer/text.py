"""Words: lower-casing, stop words and stemming, shared by every method.

The stop-word lists ship in ``summarizer/data``; nltk's Snowball stemmers need
no downloaded data. nltk is imported on first use only, because importing it
costs about a second.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from summarizer.errors import InvalidOptionError

__all__ = ["LANGUAGES", "Analyzer", "get_analyzer"]

LANGUAGES: tuple[str, ...] = ("english",)

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Longer "words" (hashes, base64, a run of one letter) are used as they are: not
# stemmed, which would cost time for nothing, and not cached, which would pin them
# in memory (the cache is capped by entries, not by size).
_MAX_STEMMED_LENGTH = 64


def _load_stop_words(language: str) -> frozenset[str]:
    path = resources.files("summarizer") / "data" / f"stopwords_{language}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


class Analyzer:
    """Turns a string into its content-word stems for one language."""

    def __init__(self, language: str) -> None:
        from nltk.stem.snowball import SnowballStemmer

        self.language = language
        self.stop_words = _load_stop_words(language)
        self._stem = SnowballStemmer(language).stem
        self._cache: dict[str, str | None] = {}

    def terms(self, text: str) -> list[str]:
        """Stems of the content words of ``text``, in order, with repeats."""
        cache = self._cache
        out: list[str] = []
        for word in _WORD.findall(text.lower()):
            stem = cache.get(word, "")
            if stem == "":
                stem = self._lookup(word)
            if stem is not None:
                out.append(stem)
        return out

    def _lookup(self, word: str) -> str | None:
        normal = word.replace("\u2019", "'")
        if normal in self.stop_words or (len(normal) == 1 and not normal.isdigit()):
            stem = None
        elif len(normal) > _MAX_STEMMED_LENGTH:
            return normal
        else:
            stem = self._stem(normal)
        if len(self._cache) < 500_000:
            self._cache[word] = stem
        return stem


@cache
def get_analyzer(language: str) -> Analyzer:
    """The shared analyzer for ``language``; raises InvalidOptionError if unsupported."""
    if language not in LANGUAGES:
        raise InvalidOptionError(
            f"unsupported language {language!r}; choose one of: {', '.join(LANGUAGES)}"
        )
    return Analyzer(language)
