"""The Snowball English stemmer, on the rules of the published algorithm."""

from __future__ import annotations

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
