"""The Snowball English ("Porter2") stemmer, written from the published algorithm.

https://snowballstem.org/algorithms/english/stemmer.html describes it; this
module follows the version nltk's ``SnowballStemmer("english")`` implements
and gives the same stems (the tests compare the two). It exists because
importing nltk costs about a second and 150 MB, which a one-shot command line
run would otherwise pay for a few hundred lines of string rules.

``stem(word)`` expects a lower-case word, apostrophes as ``'``.
"""

from __future__ import annotations

__all__ = ["stem"]

_VOWELS = frozenset("aeiouy")
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDINGS = frozenset("cdeghkmnrt")

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

_STEP1B = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2 = (
    ("ization", "ize"),
    ("ational", "ate"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("iveness", "ive"),
    ("tional", "tion"),
    ("biliti", "ble"),
    ("lessli", "less"),
    ("entli", "ent"),
    ("ation", "ate"),
    ("alism", "al"),
    ("aliti", "al"),
    ("ousli", "ous"),
    ("iviti", "ive"),
    ("fulli", "ful"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("abli", "able"),
    ("izer", "ize"),
    ("ator", "ate"),
    ("alli", "al"),
    ("bli", "ble"),
    ("ogi", "og"),
    ("li", ""),
)
_STEP3 = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("alize", "al"),
    ("icate", "ic"),
    ("iciti", "ic"),
    ("ative", ""),
    ("ical", "ic"),
    ("ness", ""),
    ("ful", ""),
)
_STEP4 = (
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
)


def _region_after_vc(word: str, start: int) -> int:
    """Index just past the first non-vowel that follows a vowel at or after ``start``."""
    for i in range(start + 1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return i + 1
    return len(word)


def _has_vowel(text: str) -> bool:
    return any(c in _VOWELS for c in text)


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
    # y at the start or after a vowel is a consonant: mark it Y.
    if "y" in word:
        chars = list(word)
        for i, c in enumerate(chars):
            if c == "y" and (i == 0 or chars[i - 1] in _VOWELS):
                chars[i] = "Y"
        word = "".join(chars)

    if word.startswith(("gener", "arsen")):
        r1 = 5
    elif word.startswith("commun"):
        r1 = 6
    else:
        r1 = _region_after_vc(word, 0)
    r2 = _region_after_vc(word, r1)

    # Step 0: possessive apostrophes.
    for suffix in ("'s'", "'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break

    # Step 1a: plurals.
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ied", "ies")):
        word = word[:-2] if len(word) > 4 else word[:-1]
    elif word.endswith(("us", "ss")):
        pass
    elif word.endswith("s") and _has_vowel(word[:-2]):
        word = word[:-1]

    if word in _INVARIANT_AFTER_1A:
        return word

    # Step 1b: -eed, -ed, -ing.
    for suffix in _STEP1B:
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        if suffix in ("eed", "eedly"):
            if len(word) - len(suffix) >= r1:
                word = base + "ee"
        elif _has_vowel(base):
            word = base
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif word.endswith(_DOUBLES):
                word = word[:-1]
            elif r1 >= len(word) and _ends_short_syllable(word):
                word += "e"
        break

    # Step 1c: final y after a consonant (not the first letter) becomes i.
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word = word[:-1] + "i"

    # Step 2.
    for suffix, replacement in _STEP2:
        if not word.endswith(suffix):
            continue
        if len(word) - len(suffix) >= r1:
            if suffix == "li":
                if len(word) >= 3 and word[-3] in _LI_ENDINGS:
                    word = word[:-2]
            elif suffix == "ogi":
                if len(word) >= 4 and word[-4] == "l":
                    word = word[:-1]
            else:
                word = word[: -len(suffix)] + replacement
        break

    # Step 3.
    for suffix, replacement in _STEP3:
        if not word.endswith(suffix):
            continue
        if len(word) - len(suffix) >= r1:
            if suffix == "ative":
                if len(word) - len(suffix) >= r2:
                    word = word[:-5]
            else:
                word = word[: -len(suffix)] + replacement
        break

    # Step 4.
    for suffix in _STEP4:
        if not word.endswith(suffix):
            continue
        if len(word) - len(suffix) >= r2 and (suffix != "ion" or word[-4:-3] in ("s", "t")):
            word = word[: -len(suffix)]
        break

    # Step 5.
    if word.endswith("l") and len(word) - 1 >= r2 and word[-2:-1] == "l":
        word = word[:-1]
    elif word.endswith("e"):
        in_r2 = len(word) - 1 >= r2
        if in_r2 or (len(word) - 1 >= r1 and not _ends_short_syllable(word[:-1])):
            word = word[:-1]

    return word.replace("Y", "y")
