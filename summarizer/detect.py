"""Language detection: which of the 20 supported languages a text is written in, offline.

>>> detect_language("Det er ikke noe problem, sa han, vi kommer tilbake i morgen.")
Detection(language='no', confidence=0.9999, reliable=True, guess='no', reason='model')
>>> detect_language("12:30")
Detection(language='en', confidence=0.0, reliable=False, guess=None, reason='empty')

Two steps, both over a bounded, deterministic sample of the text (``SAMPLE_CHARS``
characters: the whole text when shorter, else three windows at its start, middle and end),
so a 10 MB text costs what a news article costs:

1. Scripts. Each character is mapped to a symbol by one table lookup; the letters are counted
   per script. A text mostly in one script that only one supported language writes is decided
   here: Greek -> el, Cyrillic -> ru, Arabic -> ar, Devanagari -> hi, Han with kana -> ja, Han
   alone -> zh. Letters that Russian or Arabic never use (Ukrainian ``ї``, Persian ``پ``) make
   the answer unreliable rather than wrong, and so do Latin letters outside the alphabet of
   the Latin-script languages (Vietnamese ``ệ``, Romanian ``ș``).
2. Latin script (cs da de en es fi fr it nl no pl pt sv tr): multinomial naive Bayes over
   hashed character 2- to 5-grams (word boundaries included, so ``" av "`` and ``" af "`` are
   features), with log-probabilities trained on word-frequency lists
   (``tools/build_detector.py``; provenance in ``data/langdetect.md``). Danish and Norwegian
   Bokmal, the closest pair, are told apart by the same model, whose features include the
   short function words where they differ (af/av, efter/etter, meget/mye, hvad/hva, ...);
   the pair is handled apart in two places: a text whose two best languages are Danish and
   Norwegian within ``_MIN_MARGIN`` is "ambiguous" (it happens on short sentences that read
   the same in both), and parts of a text leaning to the sibling never make it "mixed".
   The sample is also scored in chunks of ``_CHUNK`` symbols: when another language (not
   the sibling) firmly wins at least two chunks and ``_MIXED_SHARE`` of them, the text is
   "mixed".

When the answer cannot be trusted the result says so: ``reliable`` is False, ``language`` is
the caller's ``default`` (``DEFAULT_LANGUAGE``, English, unless given) and ``reason`` says why
(``"empty"``: no letters; ``"too short"``; ``"unsupported script"``; ``"mixed"``: two scripts
or two languages in comparable amounts; ``"unsupported language"``: letters that none of
the 20 languages writes, such as Ukrainian ``ї``, Persian ``پ`` or Vietnamese ``ệ``, in more
than ``_FOREIGN_SHARE`` of the letters; ``"ambiguous"``: two languages score alike).
``guess`` keeps the best candidate in every case but ``"empty"`` and ``"unsupported script"``.

The parameters (464 KB) load on the first call, in a few milliseconds, not on import.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from summarizer.errors import InvalidInputError, InvalidOptionError

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "SAMPLE_CHARS", "Detection", "detect_language"]

LANGUAGES: tuple[str, ...] = (
    "ar", "cs", "da", "de", "el", "en", "es", "fi", "fr", "hi",
    "it", "ja", "nl", "no", "pl", "pt", "ru", "sv", "tr", "zh",
)  # fmt: skip
DEFAULT_LANGUAGE = "en"
SAMPLE_CHARS = 512  # characters looked at, at most

# Symbols of the lookup table: 0 is a word boundary (anything but a letter), 1 .. K-1 the
# Latin letters of the model's alphabet (lower-cased; K-1 is "another Latin letter"), and
# these for the other scripts (they count as boundaries inside the Latin model).
GREEK, CYRILLIC, CYRILLIC_NOT_RU, ARABIC, ARABIC_NOT_AR = 240, 241, 242, 243, 244
DEVANAGARI, HAN, KANA, HANGUL, OTHER_LETTER = 245, 246, 247, 248, 249
ORDERS = (2, 3, 4, 5)  # lengths of the model's character n-grams (at most 7)
_MASKS = np.array([[(1 << (8 * n)) - 1] for n in ORDERS], np.uint64)
_SALTS = np.array([[n << 56] for n in ORDERS], np.uint64)
_MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: bucket = (code * _MULT) >> shift

# Decision constants (chosen on the UD dev documents and documented in data/langdetect.md).
_MIN_SCRIPT_LETTERS = 3  # a script-decided language needs this many letters
_MIN_LATIN_LETTERS = 12  # the Latin model needs this many
_MIN_SHARE = 0.6  # the main script's share of the (weighted) letters, else "mixed"
_CJK_WEIGHT = 3  # a Han or kana character weighs as much as three letters of other scripts
_MIN_KANA_SHARE = 0.05  # kana among Han + kana that makes a text Japanese
_FOREIGN_SHARE = 0.02  # share of letters none of the languages uses, above which: unsure
_MIN_MARGIN = 4.0  # nats between the two best Latin languages, else "ambiguous"
_CHUNK = 80  # symbols per chunk when looking for a second language
_SIBLINGS = {"da": ("no",), "no": ("da",)}
_MIXED_SHARE = 0.3  # share of chunks won, with _CHUNK_MARGIN, by a second language: "mixed"
_CHUNK_MARGIN = 8.0


@dataclass(frozen=True)
class Detection:
    """The outcome of :func:`detect_language`.

    ``language`` is the code to use: the detected language when ``reliable``, else the
    caller's default. ``confidence`` (0 to 1) grows with the evidence for ``guess`` over the
    runner-up; ``guess`` is the best candidate even when unreliable (None when the text has
    no letters, or only letters of unsupported scripts); ``reason`` is ``"script"`` or
    ``"model"`` for a reliable answer, else ``"empty"``, ``"too short"``,
    ``"unsupported script"``, ``"unsupported language"``, ``"mixed"`` or ``"ambiguous"``.
    """

    language: str
    confidence: float
    reliable: bool
    guess: str | None
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "reliable": self.reliable,
            "confidence": self.confidence,
            "guess": self.guess,
            "reason": self.reason,
        }


class _Model:
    """The shipped parameters: the symbol table and the hashed n-gram log-probabilities."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        starts = data["lut_starts"].astype(np.int64)
        lengths = np.diff(np.append(starts, 0x10000))
        self.lut = np.repeat(data["lut_values"], lengths)  # uint8, one entry per BMP char
        self.k = int(data["alphabet_size"][0])
        self.bits = int(data["bits"][0])
        self.languages: tuple[str, ...] = tuple(str(data["languages"].tobytes(), "ascii").split())
        table = data["table"]  # int8 (2**bits + 1, languages); the last row is zeros
        self.width = table.shape[1]
        self.rows = np.ascontiguousarray(table).view(np.dtype((np.void, self.width))).ravel()
        self.scale = float(data["scale"][0])  # table units per nat
        self.null = 1 << self.bits
        self.shift = np.uint64(64 - self.bits)
        self.ones = np.ones(len(ORDERS) * _CHUNK, np.float32)
        self.latin = np.where(np.arange(256) < self.k, np.arange(256), 0).astype(np.uint8)


_MODEL: _Model | None = None
_LOCK = threading.Lock()
_MAGIC = b"summarizer-langdetect 1\n"


def read_arrays(raw: bytes) -> dict[str, np.ndarray]:
    """The arrays of a parameter file: a text header (name dtype shape per line), then data."""
    if not raw.startswith(_MAGIC):
        raise ValueError("not a summarizer language-detection parameter file")
    header, _, body = raw[len(_MAGIC) :].partition(b"\n\n")
    arrays, offset = {}, 0
    for line in header.decode("ascii").splitlines():
        name, dtype, shape = line.split()
        dims = tuple(int(x) for x in shape.split(","))
        size = int(np.prod(dims)) * np.dtype(dtype).itemsize
        arrays[name] = np.frombuffer(body, dtype, count=int(np.prod(dims)), offset=offset)
        arrays[name] = arrays[name].reshape(dims)
        offset += size
    return arrays


def write_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    """The bytes of a parameter file (see :func:`read_arrays`)."""
    lines, chunks = [], []
    for name, arr in arrays.items():
        arr = np.ascontiguousarray(arr)
        lines.append(f"{name} {arr.dtype.str} {','.join(map(str, arr.shape or (1,)))}")
        chunks.append(arr.tobytes())
    return _MAGIC + "\n".join(lines).encode("ascii") + b"\n\n" + b"".join(chunks)


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                # not importlib.resources: its first use costs 2-15 ms here, more than this
                raw = (Path(__file__).parent / "data" / "langdetect.bin").read_bytes()
                _MODEL = _Model(read_arrays(raw))
    return _MODEL


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """The part of ``text`` that detection reads: all of it, or three windows of ``size / 3``."""
    if len(text) <= size:
        return text
    third = size // 3
    mid = (len(text) - third) // 2
    return "\n".join((text[:third], text[mid : mid + third], text[len(text) - third :]))


def symbols(text: str, model: _Model | None = None) -> np.ndarray:
    """``text`` as an array of symbols (uint8): NFC-normalized, each character looked up, and
    every run of word boundaries (spaces, punctuation, digits) made one, so that spacing and
    surrounding whitespace never change the answer."""
    model = model or _model()
    text = unicodedata.normalize("NFC", text)
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    sym = model.lut.take(cps, mode="clip")  # beyond the BMP: U+FFFF, not a letter
    boundary = sym == 0
    repeated = boundary.copy()
    repeated[1:] &= boundary[:-1]
    return sym[~repeated]


def latin_ngrams(sym: np.ndarray, model: _Model) -> np.ndarray:
    """Hashed n-gram buckets, shape (orders, positions), positions a multiple of _CHUNK.

    Non-Latin symbols count as boundaries (0), and the sequence starts with one. Row
    ``j`` holds the n-grams of order ``ORDERS[j]``, column ``i`` the one
    starting at position ``i``, across words too (``"a  b"``); the padding is the null
    bucket ``2**bits`` (a zero row of the table). Symbols are bytes, so the n-grams at ``i``
    are the low bytes of the 8 bytes from ``i`` read as one little-endian integer: a few
    whole-array operations, whatever the length. The build script counts with this same
    function, so training and detection see the same features.
    """
    n = len(sym) + 1
    width = -(-n // _CHUNK) * _CHUNK
    buf = np.zeros(width + 8, np.uint8)
    buf[1:n] = model.latin[sym]
    windows = np.ndarray((width,), "<u8", buf, 0, (1,))  # bytes i .. i + 7, overlapping
    codes = windows & _MASKS  # (orders, width): the n-gram's bytes ...
    codes |= _SALTS  # ... and its order in the top byte
    codes *= _MULT  # Fibonacci hashing
    codes >>= model.shift
    codes[:, n:] = model.null
    return codes


def _two_languages(
    chunks: np.ndarray, best: int, languages: tuple[str, ...], firm_margin: float
) -> bool:
    """Whether a second language firmly wins a large share of the chunks.

    The best language's close sibling (Danish for Norwegian and the reverse) does not count:
    its firm wins in a few chunks are the usual noise of that pair, not a second language.
    """
    winners = np.argmax(chunks, axis=1)
    needed = max(2, _MIXED_SHARE * len(chunks))
    if np.count_nonzero(winners != best) < needed:  # no other language can have enough
        return False
    top2 = np.sort(chunks, axis=1)[:, -2:]
    firm = (top2[:, 1] - top2[:, 0]) >= firm_margin
    votes = np.bincount(winners[firm], minlength=len(languages))
    for lang in (languages[best], *_SIBLINGS.get(languages[best], ())):
        votes[languages.index(lang)] = 0
    return int(votes.max()) >= needed


def _result(language: str | None, confidence: float, reason: str, default: str) -> Detection:
    reliable = reason in ("script", "model")
    return Detection(
        language=language if reliable and language is not None else default,
        confidence=round(float(confidence), 4) if language is not None else 0.0,
        reliable=reliable,
        guess=language,
        reason=reason,
    )


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> Detection:
    """Detect the language of ``text`` among ``LANGUAGES``; pure and deterministic.

    Reads at most ``SAMPLE_CHARS`` characters (see :func:`sample`). When the text has no
    letters, too few, letters of an unsupported script, two scripts or two languages in
    comparable amounts, or two languages that score alike, the result is not ``reliable``
    and its ``language`` is ``default``; ``reason`` and ``guess`` say why and what was seen.
    Raises InvalidInputError when ``text`` is not a str and InvalidOptionError when
    ``default`` is not one of ``LANGUAGES``.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a str, not {type(text).__name__}")
    if default not in LANGUAGES:
        raise InvalidOptionError(f"default must be one of {', '.join(LANGUAGES)}; got {default!r}")
    model = _model()
    sym = symbols(sample(text.strip()), model)
    counts = np.bincount(sym, minlength=256)
    latin = int(counts[1 : model.k].sum())
    foreign_latin = int(counts[model.k - 1])  # Latin letters outside the model's alphabet
    greek, cyr, cyr_x, arabic, arabic_x, deva, han, kana, hangul, other = counts[
        GREEK : OTHER_LETTER + 1
    ].tolist()
    cjk = _CJK_WEIGHT * (han + kana)
    others = greek + cyr + cyr_x + arabic + arabic_x + deva + cjk + hangul + other
    if latin > others:  # the common case: Latin script is the main one, by far
        return _latin(sym, model, latin / (latin + others), latin, foreign_latin, default)
    weights = {
        "latin": latin,
        "el": greek,
        "ru": cyr + cyr_x,
        "ar": arabic + arabic_x,
        "hi": deva,
        "cjk": cjk,
        "other": hangul + other,
    }
    total = sum(weights.values())
    if total == 0:
        return _result(None, 0.0, "empty", default)
    script = max(weights, key=lambda key: (weights[key], key))  # ties: a fixed order
    share = weights[script] / total
    if script != "latin":
        if script == "other":
            return _result(None, share, "unsupported script", default)
        language, foreign = script, 0
        if script == "cjk":
            language = "ja" if kana >= _MIN_KANA_SHARE * (kana + han) and kana > 0 else "zh"
            letters = kana + han
        else:
            letters = weights[script]
            foreign = {"ru": cyr_x, "ar": arabic_x}.get(script, 0)
        if letters < _MIN_SCRIPT_LETTERS:
            return _result(language, share, "too short", default)
        if share < _MIN_SHARE:
            return _result(language, share, "mixed", default)
        if foreign > _FOREIGN_SHARE * letters:
            confidence = share * (1 - foreign / letters)
            return _result(language, confidence, "unsupported language", default)
        return _result(language, share, "script", default)
    return _latin(sym, model, share, latin, foreign_latin, default)


def _latin(
    sym: np.ndarray, model: _Model, share: float, letters: int, foreign: int, default: str
) -> Detection:
    """The Latin-script decision: naive Bayes over the sample, then per-chunk agreement."""
    buckets = latin_ngrams(sym, model)
    n_chunks = buckets.shape[1] // _CHUNK
    by_chunk = buckets.reshape(len(ORDERS), n_chunks, _CHUNK).transpose(1, 0, 2)
    rows = model.rows.take(by_chunk).view(np.int8).reshape(n_chunks, -1, model.width)
    # sums of int8 values: exact in float32 in any order, so the same on every machine
    chunks = np.matmul(model.ones, rows.astype(np.float32))
    scores = chunks.sum(axis=0)
    second, best = np.argsort(scores, kind="stable")[-2:].tolist()  # ties: the later one
    margin = float(scores[best] - scores[second]) / model.scale
    language = model.languages[best]
    confidence = share * (1.0 - math.exp(-margin / _MIN_MARGIN))
    if letters < _MIN_LATIN_LETTERS:
        return _result(language, confidence, "too short", default)
    if share < _MIN_SHARE:
        return _result(language, confidence, "mixed", default)
    if foreign > max(2, _FOREIGN_SHARE * letters):  # letters none of the 14 writes
        return _result(language, confidence, "unsupported language", default)
    if len(sym) + 1 - (n_chunks - 1) * _CHUNK < _CHUNK // 2:
        chunks = chunks[:-1]  # the last chunk, less than half full, does not vote
    firm = _CHUNK_MARGIN * model.scale
    if len(chunks) >= 2 and _two_languages(chunks, best, model.languages, firm):
        return _result(language, confidence, "mixed", default)
    if margin < _MIN_MARGIN:
        return _result(language, confidence, "ambiguous", default)
    return _result(language, confidence, "model", default)
