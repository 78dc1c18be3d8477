"""The per-language data files: stop words and Punkt parameters for the 20 languages."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "summarizer" / "data"
CODES = [
    "ar",
    "zh",
    "cs",
    "da",
    "nl",
    "en",
    "fi",
    "fr",
    "de",
    "el",
    "hi",
    "it",
    "ja",
    "no",
    "pl",
    "pt",
    "ru",
    "es",
    "sv",
    "tr",
]
LIST_KEYS = (
    "prepositive_abbreviations",
    "abbreviations",
    "number_abbreviations",
    "sentence_starters",
    "lowercase_words",
)


def _words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "a header names the source and licence"
    return [w for w in lines if not w.startswith("#")]


@pytest.mark.parametrize("code", CODES)
def test_stop_words_are_normalised_sorted_and_unique(code):
    words = _words(DATA / "stopwords" / f"{code}.txt")
    assert len(words) >= 90
    assert words == sorted(set(words))
    for w in words:
        assert w == unicodedata.normalize("NFC", w) and w == w.strip() and " " not in w
        assert w == w.lower() and "\u2019" not in w


def test_arabic_stop_words_have_no_tashkeel_and_turkish_none_mis_decoded():
    ar = "".join(_words(DATA / "stopwords" / "ar.txt"))
    assert not any("\u064b" <= c <= "\u065f" or c in "\u0640\u0670" for c in ar)
    tr = set("".join(_words(DATA / "stopwords" / "tr.txt")))
    assert not tr & set("\u00fd\u00fe\u00f0\u0163")  # ý þ ð ţ: cp1254 read as cp1252


@pytest.mark.parametrize("code", ["zh", "ja"])
def test_character_lists_are_single_characters_of_the_word_list(code):
    chars = _words(DATA / "stopwords" / f"{code}_chars.txt")
    words = set(_words(DATA / "stopwords" / f"{code}.txt"))
    assert chars and all(len(c) == 1 and c in words for c in chars)


@pytest.mark.parametrize("code", CODES)
def test_punkt_parameters_have_the_keys_the_splitter_reads(code):
    params = json.loads((DATA / "punkt" / f"{code}.json").read_text(encoding="utf-8"))
    for key in LIST_KEYS:
        values = params[key]
        assert values == sorted(set(values)), key
        for v in values:
            assert v == v.lower() and v == unicodedata.normalize("NFC", v), (key, v)
            assert v and "  " not in v, (key, v)
            if key.endswith("abbreviations"):
                assert not v.endswith("."), (key, v)
    assert all(len(pair) == 2 for pair in params["collocations"])
    if code == "en":
        return
    assert params["language"] == code
    assert isinstance(params["ordinal_full_stop"], bool) and isinstance(params["case"], bool)
    assert params["terminals"] and params["spaces"] == (code not in ("zh", "ja"))
    assert not set(params["prepositive_abbreviations"]) & set(params["abbreviations"])
    for source in params["sources"]:
        assert source["licence"] and source["where"] and source["chars"] > 0
        assert "-dev" not in source["where"] and "-test" not in source["where"]
        assert "NC" not in source["licence"]


@pytest.mark.parametrize("code", ["de", "da", "no", "fi", "cs", "pl", "tr"])
def test_languages_with_ordinal_full_stops_list_their_months(code):
    params = json.loads((DATA / "punkt" / f"{code}.json").read_text(encoding="utf-8"))
    assert params["ordinal_full_stop"] is True and len(params["months"]) >= 12


@pytest.mark.parametrize("name", ["own_ar_dev.jsonl", "own_hi_dev.jsonl"])
def test_own_gold_files_rebuild_their_text(name):
    rows = [json.loads(line) for line in (ROOT / "benchmarks" / "data" / name).open()]
    assert sum(len(r["sentences"]) for r in rows) >= 30
    for r in rows:
        assert r["text"] == unicodedata.normalize("NFC", r["text"])
        assert "".join(r["text"].split()) == "".join("".join(r["sentences"]).split())
