"""The Snowball English ("Porter2") stemmer, written from the published algorithm.

https://snowballstem.org/algorithms/english/stemmer.html describes it; this
module follows the version nltk's ``SnowballStemmer("english")`` implements
and gives the same stems (the tests compare the two). It exists because
importing nltk costs about a second and 150 MB, which a one-shot command line
run would otherwise pay for a few hundred lines of string rules.

``stem(word)`` expects a lower-case word, apostrophes as ``'``.

Speed (the analyzer calls it once per new word, so it is most of the cost of a
document full of words not seen before): a word whose last letter ends no
suffix of any step is returned at once; each step first asks one
``str.endswith`` over all its suffixes, and only on a hit finds which suffix by
set lookups of the word's last 7, 6, ... characters; the regions R1 and R2
come from one regular expression match. About 1.4 us per word, against 4 us
for a loop of ``endswith`` calls per step.
"""

from __future__ import annotations

import re

__all__ = ["stem"]

_VOWELS = frozenset("aeiouy")
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDINGS = frozenset("cdeghkmnrt")
# A vowel then a non-vowel: R1 starts after the first such pair, R2 after the next.
_VOWEL_THEN_OTHER = re.compile("[aeiouy][^aeiouy]")
# Both regions in one match: group 1 ends where R1 starts, group 2 where R2 starts.
_REGIONS = re.compile("([^aeiouy]*[aeiouy]+[^aeiouy])?([^aeiouy]*[aeiouy]+[^aeiouy])?")
# A y that may be a consonant (at the start or after a vowel); the loop in _mark_y decides.
_MAYBE_CONSONANT_Y = re.compile("^y|[aeiouy]y")

_EXCEPTIONS = {
    "skis": "ski",
    "skies": "sky",
    "dying": "die",
    "lying": "lie",
    "tying": "tie",
    "idly": "idl",
    "gently": "gentl",
    "ugly": "ugli",
    "early": "earli",
    "only": "onli",
    "singly": "singl",
    "sky": "sky",
    "news": "news",
    "howe": "howe",
    "atlas": "atlas",
    "cosmos": "cosmos",
    "bias": "bias",
    "andes": "andes",
}
_INVARIANT_AFTER_1A = frozenset(
    ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]
)

# Each step's suffixes (a step removes the longest one the word ends with).
_STEP1B = frozenset(["eedly", "ingly", "edly", "eed", "ing", "ed"])
_STEP2 = {
    "ization": "ize",
    "ational": "ate",
    "fulness": "ful",
    "ousness": "ous",
    "iveness": "ive",
    "tional": "tion",
    "biliti": "ble",
    "lessli": "less",
    "entli": "ent",
    "ation": "ate",
    "alism": "al",
    "aliti": "al",
    "ousli": "ous",
    "iviti": "ive",
    "fulli": "ful",
    "enci": "ence",
    "anci": "ance",
    "abli": "able",
    "izer": "ize",
    "ator": "ate",
    "alli": "al",
    "bli": "ble",
    "ogi": "og",
    "li": "",
}
_STEP3 = {
    "ational": "ate",
    "tional": "tion",
    "alize": "al",
    "icate": "ic",
    "iciti": "ic",
    "ative": "",
    "ical": "ic",
    "ness": "",
    "ful": "",
}
_STEP4 = frozenset(
    [
        "ement",
        "ance",
        "ence",
        "able",
        "ible",
        "ment",
        "ant",
        "ent",
        "ism",
        "ate",
        "iti",
        "ous",
        "ive",
        "ize",
        "ion",
        "al",
        "er",
        "ic",
    ]
)


def _ends(suffixes) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The suffixes as a tuple for ``str.endswith``, and their lengths, longest first."""
    return tuple(suffixes), tuple(sorted({len(s) for s in suffixes}, reverse=True))


_STEP1B_ANY, _STEP1B_LENGTHS = _ends(_STEP1B)
_STEP2_ANY, _STEP2_LENGTHS = _ends(_STEP2)
_STEP3_ANY, _STEP3_LENGTHS = _ends(_STEP3)
_STEP4_ANY, _STEP4_LENGTHS = _ends(_STEP4)
# The last letter of every suffix some step removes or changes (step 0: ' and s,
# 1a: s and d, 1b: d, g and y, 1c: y, 5: e and l): a word ending in any other
# letter or a digit goes through every step unchanged.
_CHANGING_ENDINGS = frozenset(
    "'sdy" + "".join(s[-1] for s in (*_STEP1B, *_STEP2, *_STEP3, *_STEP4)) + "el"
)


def _longest(word: str, suffixes, lengths: tuple[int, ...]) -> str:
    """The longest of ``suffixes`` (a dict or set) that ``word`` ends with; there is one."""
    for n in lengths:
        if word[-n:] in suffixes:
            return word[-n:]
    raise AssertionError(word)  # unreachable: the caller checked with str.endswith


def _mark_y(word: str) -> str:
    """``word`` with each y at the start or after a vowel written Y (a consonant)."""
    chars = list(word)
    for i, c in enumerate(chars):
        if c == "y" and (i == 0 or chars[i - 1] in _VOWELS):
            chars[i] = "Y"
    return "".join(chars)


def _region_after(word: str, start: int) -> int:
    """Index just past the first non-vowel that follows a vowel at or after ``start``."""
    found = _VOWEL_THEN_OTHER.search(word, start)
    return len(word) if found is None else found.end()


def _ends_short_syllable(word: str) -> bool:
    """Whether ``word`` ends in a short syllable: non-vowel, vowel, non-vowel other
    than w, x, Y; or, for a two-letter word, vowel then non-vowel."""
    if len(word) >= 3:
        return (
            word[-3] not in _VOWELS
            and word[-2] in _VOWELS
            and word[-1] not in _VOWELS
            and word[-1] not in "wxY"
        )
    return len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS


def stem(word: str) -> str:
    """The Snowball English stem of a lower-case ``word``."""
    if len(word) <= 2:
        return word
    special = _EXCEPTIONS.get(word)
    if special is not None:
        return special
    if word[0] == "'":
        word = word[1:]
    if word[-1] not in _CHANGING_ENDINGS:
        return word
    # y at the start or after a vowel is a consonant: mark it Y.
    if "y" in word and _MAYBE_CONSONANT_Y.search(word):
        word = _mark_y(word)

    if word.startswith(("gener", "arsen", "commun")):
        r1 = 6 if word.startswith("commun") else 5
        r2 = _region_after(word, r1)
    else:
        regions = _REGIONS.match(word)
        r1 = regions.end(1)
        r2 = regions.end(2)
        if r1 < 0:  # no vowel followed by a non-vowel: both regions are empty
            r1 = r2 = len(word)
        elif r2 < 0:
            r2 = len(word)

    # Step 0: possessive apostrophes.
    if "'" in word:
        if word.endswith("'s'"):
            word = word[:-3]
        elif word.endswith("'s"):
            word = word[:-2]
        elif word.endswith("'"):
            word = word[:-1]

    # Step 1a: plurals.
    if word.endswith("s"):
        if word.endswith("sses"):
            word = word[:-2]
        elif word.endswith("ies"):
            word = word[:-2] if len(word) > 4 else word[:-1]
        elif word.endswith(("us", "ss")):
            pass
        elif not _VOWELS.isdisjoint(word[:-2]):
            word = word[:-1]
    elif word.endswith("ied"):
        word = word[:-2] if len(word) > 4 else word[:-1]

    if word in _INVARIANT_AFTER_1A:
        return word

    # Step 1b: -eed, -ed, -ing.
    if word.endswith(_STEP1B_ANY):
        suffix = _longest(word, _STEP1B, _STEP1B_LENGTHS)
        base = word[: -len(suffix)]
        if suffix in ("eed", "eedly"):
            if len(base) >= r1:
                word = base + "ee"
        elif not _VOWELS.isdisjoint(base):
            word = base
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif word.endswith(_DOUBLES):
                word = word[:-1]
            elif r1 >= len(word) and _ends_short_syllable(word):
                word += "e"

    # Step 1c: final y after a consonant (not the first letter) becomes i.
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word = word[:-1] + "i"

    # Step 2.
    if word.endswith(_STEP2_ANY):
        suffix = _longest(word, _STEP2, _STEP2_LENGTHS)
        base = word[: -len(suffix)]
        if len(base) >= r1:
            if suffix == "li":
                if len(word) >= 3 and word[-3] in _LI_ENDINGS:
                    word = base
            elif suffix == "ogi":
                if len(word) >= 4 and word[-4] == "l":
                    word = word[:-1]
            else:
                word = base + _STEP2[suffix]

    # Step 3.
    if word.endswith(_STEP3_ANY):
        suffix = _longest(word, _STEP3, _STEP3_LENGTHS)
        base = word[: -len(suffix)]
        if len(base) >= r1 and (suffix != "ative" or len(base) >= r2):
            word = base + _STEP3[suffix]

    # Step 4.
    if word.endswith(_STEP4_ANY):
        suffix = _longest(word, _STEP4, _STEP4_LENGTHS)
        if len(word) - len(suffix) >= r2 and (suffix != "ion" or word[-4:-3] in ("s", "t")):
            word = word[: -len(suffix)]

    # Step 5.
    if word.endswith("l"):
        if len(word) - 1 >= r2 and word[-2:-1] == "l":
            word = word[:-1]
    elif word.endswith("e") and (
        len(word) - 1 >= r2 or (len(word) - 1 >= r1 and not _ends_short_syllable(word[:-1]))
    ):
        word = word[:-1]

    return word.replace("Y", "y") if "Y" in word else word
