"""The Snowball English stemmer, on the rules of the published algorithm."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from summarizer.stem import stem

# One or more words for each step and special case of the algorithm.
EXPECTED = {
    "consignment": "consign",
    "consistently": "consist",
    "consolatory": "consolatori",
    "consolingly": "consol",
    "conspicuously": "conspicu",
    "knackeries": "knackeri",
    "kneeling": "kneel",
    "knightly": "knight",
    "knives": "knive",
    "skis": "ski",
    "skies": "sky",
    "dying": "die",
    "idly": "idl",
    "only": "onli",
    "news": "news",
    "atlas": "atlas",
    "inning": "inning",
    "outing": "outing",
    "proceed": "proceed",
    "generously": "generous",
    "communication": "communic",
    "arsenal": "arsenal",
    "caresses": "caress",
    "ponies": "poni",
    "ties": "tie",
    "cries": "cri",
    "gas": "gas",
    "gaps": "gap",
    "kiwis": "kiwi",
    "bus": "bus",
    "agreed": "agre",
    "feed": "feed",
    "plastered": "plaster",
    "sing": "sing",
    "conflated": "conflat",
    "troubled": "troubl",
    "sized": "size",
    "hopping": "hop",
    "falling": "fall",
    "hissing": "hiss",
    "filing": "file",
    "happy": "happi",
    "say": "say",
    "cry": "cri",
    "by": "by",
    "enjoy": "enjoy",
    "relational": "relat",
    "conditional": "condit",
    "valency": "valenc",
    "digitizer": "digit",
    "radically": "radic",
    "vietnamization": "vietnam",
    "operator": "oper",
    "feudalism": "feudal",
    "decisiveness": "decis",
    "hopefulness": "hope",
    "formality": "formal",
    "sensitivity": "sensit",
    "sensibility": "sensibl",
    "geology": "geolog",
    "triplicate": "triplic",
    "formative": "format",
    "formalize": "formal",
    "electrical": "electr",
    "goodness": "good",
    "revival": "reviv",
    "allowance": "allow",
    "airliner": "airlin",
    "gyroscopic": "gyroscop",
    "adjustable": "adjust",
    "defensible": "defens",
    "irritant": "irrit",
    "replacement": "replac",
    "adjustment": "adjust",
    "dependent": "depend",
    "adoption": "adopt",
    "homologous": "homolog",
    "activate": "activ",
    "effective": "effect",
    "bowdlerize": "bowdler",
    "probate": "probat",
    "controll": "control",
    "roll": "roll",
    "youth": "youth",
    "yield": "yield",
    "sayings": "say",
    "players'": "player",
    "dog's": "dog",
    "'tis": "tis",
    "o'neill": "o'neil",
}


@pytest.mark.parametrize(("word", "expected"), sorted(EXPECTED.items()))
def test_published_rules(word, expected):
    assert stem(word) == expected


def test_short_words_digits_and_other_letters():
    for word in ("a", "is", "42", "x1", "2019"):
        assert stem(word) == word
    assert stem("1990s") == "1990s"  # no vowel before the s
    # Letters outside a-z count as consonants, as in nltk.
    assert stem("cafés") == "café" and stem("résumés") == "résumé" and stem("naïve") == "naïv"


def test_related_forms_share_a_stem():
    # nltk's stemmer gives "realize" for "realization" (its region bookkeeping
    # departs from the algorithm here); the reference Snowball output, like
    # ours, conflates the two.
    assert stem("realization") == stem("realize") == stem("realizing") == "realiz"
    assert stem("quantization") == stem("quantize") == "quantiz"


@pytest.mark.slow
def test_agrees_with_nltk_on_the_table_and_common_words():
    snowball = pytest.importorskip("nltk.stem.snowball")
    reference = snowball.SnowballStemmer("english").stem
    common = """the council voted tuesday build public library downtown replace branch closed
    fire members said would cost million money come bond voters approved last year construction
    expected start spring local schools welcomed news saying students need quiet places study
    mayor also host job training computer classes residents questioned asked smaller building
    plans hold meetings design month rivers carry sediment mountains thousands years builds
    deltas floodplains farmers long depended fertile soil dams however trap result many
    shrinking sinking"""
    words = set(EXPECTED) | set(common.split())
    assert {w: stem(w) for w in words} == {w: reference(w) for w in words}


# Beginnings that exercise the regions (vowel first, y as consonant or vowel, the
# gener/arsen/commun exceptions, short syllables, doubles, li-endings) and
# endings that trigger each step, alone and chained (-ational+ly, -iz+ation+s...).
_BASES = """a e i o u y ay ey oy ya yo b c d f g h k l m n p r s t v w x z bb dd ff gg
mm nn pp rr tt sk ski sky dy ty ly id ug earl on sing gent inn out cann herr earr proc exc
succ hop fil rat troubl siz conflat plaster agr f happ cr sa enj rel cond val digit rad
vietnam oper feud decis hope form sens geo trip electr good reviv allow airlin gyrosc
adjust defens irrit replac depend adopt homolog activ effect bowdl prob contro ro you yie
xy yy ayy qu tsk pl str sch gener arsen commun generous communic news atlas bias cosmos
andes howe beauty deny employ toy play cycl sensation nation relation hesit caf\u00e9
na\u00efv r\u00e9sum 1990 x1 '' ' o'neill"""
_ENDINGS = """- s es ies ied sses ss us 's ' 's' ed ing eed eedly ingly edly ly li y ys yed ying
ation ational tional ization izations izer izers ator alism aliti alli ousli iviti fulli
enci anci abli bli ogi logi fulness ousness iveness biliti lessli entli alize icate iciti
ative ical ness ful ement ance ence able ible ment ant ent ism ate iti ous ive ize ion sion
tion al er ic e l ll at bl iz ely ately ously ingness ations ationally alities"""


def _generated_vocabulary(text: str) -> set[str]:
    rng = random.Random(4)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vowels = "aeiouy"
    bases = set(_BASES.split())
    for _ in range(400):  # random syllables: consonant/vowel patterns of every shape
        n = rng.randint(1, 7)
        bases.add("".join(rng.choice(vowels if rng.random() < 0.4 else letters) for _ in range(n)))
    words = {b + ("" if e == "-" else e) for b, e in itertools.product(bases, _ENDINGS.split())}
    words |= set(re.findall(r"[a-z']+", text.lower()))
    return {w.strip("'") or w for w in words} | set(EXPECTED)


@pytest.mark.slow
def test_agrees_with_nltk_on_a_generated_vocabulary(article, wrapped):
    snowball = pytest.importorskip("nltk.stem.snowball")
    reference = snowball.SnowballStemmer("english").stem
    words = _generated_vocabulary(article + wrapped)
    assert len(words) > 30_000
    departures = {w: (stem(w), reference(w)) for w in words if stem(w) != reference(w)}
    # The one known departure (see test_related_forms_share_a_stem): after a step-2
    # or step-3 replacement that starts before R1 or R2, nltk empties that region,
    # so step 5 keeps a final e the algorithm removes ("realization": nltk
    # "realize", Snowball "realiz"). Nothing else may differ.
    assert all(
        theirs == ours + "e" and ("iz" in w or "ational" in w)
        for w, (ours, theirs) in departures.items()
    ), departures
    assert len(departures) < len(words) // 20
