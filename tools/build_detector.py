"""Build ``summarizer/data/langdetect.bin``: the parameters of ``summarizer.detect``.

    pip install wordfreq==3.1.1        # the training data (CC BY-SA 4.0 word lists)
    python tools/build_detector.py [--words 50000] [--bits 15] [--out PATH]

What it writes (``summarizer.detect.write_arrays``: a short text header naming each array's
dtype and shape, then the raw arrays, so that loading costs well under a millisecond):

- ``lut_starts`` / ``lut_values``: the symbol of every BMP character as runs (a run starts at
  ``lut_starts[i]`` and maps to ``lut_values[i]``): 0 for anything that is not a letter,
  1 .. K-1 for the lower-cased Latin letters of the alphabet (K-1: any other Latin letter),
  and one symbol per other script (``summarizer.detect.GREEK`` ...). Scripts go by Unicode
  block; a character is a letter when its general category is L* or M* (in the Latin blocks:
  Lu, Ll or Lt, so that the ordinal signs of ``4º`` and ``1ª`` are not).
- ``alphabet``: the Latin letters (UTF-8), in symbol order (symbol 1 first); ``alphabet_size``
  is K.
- ``table``: int8, shape (2**bits + 1, languages): for each hashed n-gram bucket, its
  log-probability in each Latin-script language minus the mean over those languages, in units
  of 1/``scale`` nat; the last row (the null bucket) is zero.
- ``languages`` (ASCII, space-separated), ``bits``, ``scale``.

Training text: for each Latin-script language, ``TOKENS`` words of synthetic running text
drawn (numpy's PCG64, a fixed seed per language) from the ``--words`` most frequent words of
wordfreq's "best" list for it (``nb`` for Norwegian Bokmal) with their frequencies, each
followed by a space and, as often in every language, a few more boundaries (punctuation,
digits). Inside a word the n-grams then have the frequencies of the text the list was
measured on; across two words, those of independent draws. Words with a character outside
the alphabet (digits, other scripts) are skipped. The alphabet is every Latin letter with a
share of at least 1e-4 of the letters of some language's list (plus ``ï``; wordfreq
case-folds ``ß`` to ``ss``, and the symbol table maps it to ``s``). n-gram probabilities are
smoothed additively (``--smoothing``, a share of each language's n-gram mass per bucket).

Deterministic: the same wordfreq and numpy versions give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import detect  # noqa: E402

DEFAULT_OUT = ROOT / "summarizer" / "data" / "langdetect.bin"
# Latin-script languages of the model and their wordfreq codes.
LATIN = {
    "cs": "cs", "da": "da", "de": "de", "en": "en", "es": "es", "fi": "fi", "fr": "fr",
    "it": "it", "nl": "nl", "no": "nb", "pl": "pl", "pt": "pt", "sv": "sv", "tr": "tr",
}  # fmt: skip
EXTRA_LETTERS = "ïß"
TOKENS = 2_000_000  # synthetic running text per language, in words
PIECE = 1 << 20  # symbols counted at a time
EXTRA = (0, 1, 2, 4)  # boundaries after a word beyond the first ...
EXTRA_P = (0.80, 0.14, 0.03, 0.03)  # ... and how often
MIN_LETTER_SHARE = 1e-4

# Unicode blocks of the scripts that detection tells apart (inclusive ranges).
BLOCKS = {
    detect.GREEK: [(0x0370, 0x03FF), (0x1F00, 0x1FFF)],
    detect.CYRILLIC: [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)],
    detect.ARABIC: [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                    (0xFE70, 0xFEFF)],
    detect.DEVANAGARI: [(0x0900, 0x097F), (0xA8E0, 0xA8FF)],
    detect.HAN: [(0x3005, 0x3005), (0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                 (0xF900, 0xFAFF)],
    detect.KANA: [(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)],
    detect.HANGUL: [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)],
}  # fmt: skip
LATIN_BLOCKS = [(0x0041, 0x024F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
                (0xFF21, 0xFF5A)]  # fmt: skip
# Letters of Cyrillic (Arabic) script that Russian (Arabic) does not use: Ukrainian,
# Belarusian, Serbian, Macedonian; Persian, Urdu.
NOT_RU = "іїєґўђјљњћџѓќѕІЇЄҐЎЂЈЉЊЋЏЃЌЅ"
NOT_AR = "پچژگکیۀٹڈڑںےھہۓ"


def _fold(ch: str) -> str:
    """The lower-case form of a Latin letter, as one character."""
    if ch == "\u0130":  # Turkish dotted capital I
        return "i"
    low = ch.lower()
    if len(low) != 1:
        low = unicodedata.normalize("NFD", low)[0]
    return "s" if low == "ß" else low


def alphabet(lists: dict[str, dict[str, float]]) -> str:
    """The Latin letters that some language's word list uses often enough."""
    letters: set[str] = set(EXTRA_LETTERS) - {"ß"}
    for freqs in lists.values():
        mass: dict[str, float] = {}
        for word, f in freqs.items():
            for ch in word:
                mass[ch] = mass.get(ch, 0.0) + f * 1.0
        total = sum(mass.values())
        for ch, v in mass.items():
            is_latin = any(a <= ord(ch) <= b for a, b in LATIN_BLOCKS)
            if is_latin and ch.isalpha() and ch == _fold(ch) and v >= MIN_LETTER_SHARE * total:
                letters.add(ch)
    return "".join(sorted(letters))


def lookup_table(letters: str) -> np.ndarray:
    """The symbol (uint8) of each BMP character."""
    k = len(letters) + 2  # boundary, the letters, "another Latin letter"
    index = {ch: i + 1 for i, ch in enumerate(letters)}
    lut = np.zeros(0x10000, np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        if unicodedata.category(ch)[0] not in "LM":
            continue
        if any(a <= cp <= b for a, b in LATIN_BLOCKS):
            cased = unicodedata.category(ch) in ("Lu", "Ll", "Lt")  # not ª, º: ordinals
            lut[cp] = index.get(_fold(ch), k - 1) if cased else 0
            continue
        lut[cp] = detect.OTHER_LETTER
        for value, ranges in BLOCKS.items():
            if any(a <= cp <= b for a, b in ranges):
                lut[cp] = value
    for cp in (0x3005, 0x3007):  # iteration mark and ideographic zero (categories Lm, Nl)
        lut[cp] = detect.HAN
    for ch in NOT_RU:
        lut[ord(ch)] = detect.CYRILLIC_NOT_RU
    for ch in NOT_AR:
        lut[ord(ch)] = detect.ARABIC_NOT_AR
    return lut


def word_lists(n_words: int) -> dict[str, dict[str, float]]:
    """The ``n_words`` most frequent words of each Latin-script language, with frequencies."""
    import wordfreq

    lists = {}
    for code, wf_code in LATIN.items():
        freqs = wordfreq.get_frequency_dict(wf_code, "best")
        top = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[:n_words]
        lists[code] = dict(top)
    return lists


class _Params(detect._Model):
    """The model's arrays before training, to run ``detect.latin_ngrams`` with."""

    def __init__(self, lut: np.ndarray, k: int, bits: int) -> None:
        self.lut, self.k, self.bits, self.null = lut, k, bits, 1 << bits
        self.shift = np.uint64(64 - bits)
        self.latin = np.arange(256, dtype=np.uint8)  # the stream is Latin symbols already


def stream(freqs: dict[str, float], params: _Params, tokens: int, seed: int) -> np.ndarray:
    """Synthetic running text as Latin symbols: words drawn by frequency, then boundaries.

    After each word come one boundary (a space) and, as often in every language, a few more
    (punctuation, digits): ``EXTRA`` extra boundaries with probabilities ``EXTRA_P``. Words
    are independent, so n-grams across two words are those of independent draws; inside a
    word they have the frequencies of the word list.
    """
    k = params.k
    codes, weights = [], []
    for word, f in freqs.items():
        sym = params.lut[[min(ord(c), 0xFFFF) for c in word]]
        if len(sym) and bool(np.all((sym > 0) & (sym < k))):
            codes.append(sym)
            weights.append(f)
    lengths = np.array([len(c) for c in codes])
    starts = np.cumsum(lengths) - lengths
    letters = np.concatenate(codes)
    rng = np.random.default_rng(seed)
    p = np.asarray(weights) / np.sum(weights)
    draws = rng.choice(len(codes), size=tokens, p=p)
    gaps = 1 + rng.choice(EXTRA, size=tokens, p=EXTRA_P)
    lt = lengths[draws]
    at = np.cumsum(lt + gaps) - (lt + gaps)  # where each token starts
    out = np.zeros(int(at[-1] + lt[-1] + gaps[-1]), np.uint8)
    token = np.repeat(np.arange(tokens), lt)
    within = np.arange(len(token)) - np.repeat(np.cumsum(lt) - lt, lt)
    out[at[token] + within] = letters[starts[draws][token] + within]
    return out


def ngram_counts(freqs: dict[str, float], params: _Params, seed: int) -> np.ndarray:
    """n-gram counts (float64, 2**bits + 1) of ``TOKENS`` tokens of synthetic text."""
    text = stream(freqs, params, TOKENS, seed)
    counts = np.zeros(params.null + 1)
    for start in range(0, len(text), PIECE):
        buckets = detect.latin_ngrams(text[start : start + PIECE], params)
        counts += np.bincount(buckets.ravel(), minlength=params.null + 1)
    return counts


def build(n_words: int = 50_000, bits: int = 15, smoothing: float = 1e-6,
          scale: float = 8.0) -> dict[str, np.ndarray]:  # fmt: skip
    """All arrays of ``langdetect.bin``."""
    lists = word_lists(n_words)
    letters = alphabet(lists)
    lut = lookup_table(letters)
    params = _Params(lut, len(letters) + 2, bits)
    langs = sorted(LATIN)
    counts = np.stack(
        [ngram_counts(lists[code], params, seed) for seed, code in enumerate(langs)], axis=1
    )
    counts[-1] = 0.0  # the null bucket
    probs = counts / counts.sum(axis=0) + smoothing
    logp = np.log(probs / probs.sum(axis=0))
    rel = logp - logp.mean(axis=1, keepdims=True)
    table = np.clip(np.rint(rel * scale), -127, 127).astype(np.int8)
    table[-1] = 0
    starts = np.flatnonzero(np.diff(lut.astype(np.int16), prepend=-1))
    return {
        "lut_starts": starts.astype(np.uint32),
        "lut_values": lut[starts],
        "alphabet": np.frombuffer(letters.encode("utf-8"), np.uint8),
        "alphabet_size": np.array([len(letters) + 2], np.int32),
        "bits": np.array([bits], np.int32),
        "scale": np.array([scale], np.float64),
        "languages": np.frombuffer(" ".join(langs).encode("ascii"), np.uint8),
        "table": table,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--bits", type=int, default=15)
    ap.add_argument("--smoothing", type=float, default=1e-6)
    ap.add_argument("--scale", type=float, default=8.0)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    arrays = build(args.words, args.bits, args.smoothing, args.scale)
    args.out.write_bytes(detect.write_arrays(arrays))
    letters = arrays["alphabet"].tobytes().decode("utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes; alphabet {letters})")


if __name__ == "__main__":
    main()
