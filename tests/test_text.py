from __future__ import annotations

import itertools
import re
import sys
import threading

import pytest
import snowballstemmer
import Stemmer
from hypothesis import given
from hypothesis import strategies as st

from summarizer import LANGUAGES
from summarizer import text as text_module
from summarizer.errors import InvalidOptionError
from summarizer.languages import get_language
from summarizer.text import Analyzer, get_analyzer, snowball_stemmer

_WORD = text_module._WORD  # the documented word pattern (letters, digits, combining marks)
_STEM = Stemmer.Stemmer("english").stemWord


def reference_terms(analyzer: Analyzer, text: str) -> list[str]:
    """The definition, one regular expression over the whole lower-cased string."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("\u2019", "'")
        if word in analyzer.stop_words or (len(word) == 1 and not word.isdigit()):
            continue
        out.append(_STEM(word))
    return out


def test_terms_drop_stop_words_and_stem():
    terms = get_analyzer("english").terms("The runners were running quickly to the Station.")
    assert terms == ["runner", "run", "quick", "station"]


def test_curly_apostrophes_and_case():
    a = get_analyzer("english")
    assert a.terms("Russia\u2019s army") == a.terms("RUSSIA's army") == ["russia", "armi"]


@pytest.mark.parametrize(
    "sample",
    [
        "well-known HIV/AIDS (U.S.) 2019. don't O'Neill's",
        "e-mail:someone@example.com, http://example.com/a_b?c=d",
        "x+y=zebra; 3.14 -- 10,000 \u201cquoted\u201d \u2014 dash\u2014joined",
        "'Tis the season... \u2018single\u2019 quotes",
        "\u0130stanbul \u039f\u0394\u039f\u03a3 caf\u00e9s na\u00efve Stra\u00dfe",
        "tab\tnew\nline\u00a0nbsp\u2003em-space",
        "",
        "   ",
    ],
)
def test_terms_match_the_definition(sample):
    a = get_analyzer("english")
    assert a.terms(sample) == reference_terms(a, sample)


_PIECES = [
    *"abcdeyAB XYZ019'\u2019-/.,;:!?\"()[]_+=@\n\t\u00a0\u201c\u201d\u2014\u00e9\u00df\u0130",
    "running ",
    "the ",
    "Station",
    "don't",
    "well-known",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_TEXT, st.lists(st.integers(0, 80), max_size=6))
def test_index_matches_the_definition_per_span(sample, cuts):
    a = Analyzer("english")
    bounds = sorted({min(c, len(sample)) for c in cuts} | {0, len(sample)})
    spans = list(itertools.pairwise(bounds))
    index = a.index(sample, spans)
    assert index.indptr.tolist()[0] == 0 and len(index.indptr) == len(spans) + 1
    for k, (s, e) in enumerate(spans):
        got = [index.vocabulary[i] for i in index.ids[index.indptr[k] : index.indptr[k + 1]]]
        assert got == reference_terms(a, sample[s:e])


def test_chunks_with_several_words_keep_order():
    a = Analyzer("english")
    spans = [(0, 16), (17, 30)]
    index = a.index("x+runners=zebras apples+pears", spans)
    words = [index.vocabulary[i] for i in index.ids]
    assert words == ["runner", "zebra", "appl", "pear"]
    assert index.lengths.tolist() == [2, 2]


def test_batches_and_cache_resets_do_not_change_results(monkeypatch, article):
    a = Analyzer("english")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    expected = [a.terms(article[s:e]) for s, e in spans]
    monkeypatch.setattr(text_module, "_BATCH", 2)
    monkeypatch.setattr(text_module, "_MAX_CHUNKS", 5)
    for _ in range(3):
        index = a.index(article, spans)
        got = [
            [index.vocabulary[i] for i in index.ids[index.indptr[k] : index.indptr[k + 1]]]
            for k in range(len(spans))
        ]
        assert got == expected
    assert len(a._tables) < 200


def test_threads_share_an_analyzer(article, wrapped):
    a = Analyzer("english")
    texts = [article, wrapped, article.upper(), wrapped.replace(" ", "  ")] * 4
    expected = [reference_terms(a, t) for t in texts]
    results: dict[int, list[str]] = {}

    def work(k: int) -> None:
        results[k] = a.terms(texts[k])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[k] for k in range(len(texts))] == expected


def test_analysis_never_imports_nltk(monkeypatch):
    for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "nltk", None)  # any import of nltk now fails
    assert Analyzer("english").terms("Generously communicating nations") == [
        "generous",
        "communic",
        "nation",
    ]


def test_empty_spans():
    index = Analyzer("english").index("The and of.", [(0, 3), (4, 11), (11, 11)])
    assert index.ids.size == 0 and index.indptr.tolist() == [0, 0, 0, 0]
    assert Analyzer("english").index("", []).indptr.tolist() == [0]


def test_unsupported_language():
    with pytest.raises(InvalidOptionError, match=r"en \(english\)") as info:
        get_analyzer("klingon")
    assert info.value.option == "language"
    assert get_analyzer("German") is get_analyzer("de")


@pytest.mark.parametrize(
    "word", ["vying", "running", "generously", "skies", "news", "communication", "o'neill"]
)
def test_english_stems_are_snowballs(word):
    """The stems are the Snowball project's (the package's own port, which differed on words
    such as "vying", is gone)."""
    assert Analyzer("en").terms(word) == [_STEM(word)]


@pytest.mark.parametrize("code", [c for c in LANGUAGES if get_language(c).stemmer])
def test_pystemmer_and_snowballstemmer_agree(code):
    """The C and the pure-Python Snowball give the same stems (either may be installed)."""
    algorithm = get_language(code).stemmer
    c, python = Stemmer.Stemmer(algorithm), snowballstemmer.stemmer(algorithm)
    words = get_analyzer(code).stop_words  # real words of the language, of every shape
    assert [c.stemWord(w) for w in sorted(words)] == [python.stemWord(w) for w in sorted(words)]
    assert snowball_stemmer(algorithm)("running") == c.stemWord("running")


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("de", "Die Kinder spielten im Garten mit den Hunden.", ["kind", "spielt", "gart", "hund"]),
        ("ru", "Мальчики быстро бежали к станциям.", ["мальчик", "быстр", "бежа", "станц"]),
        ("fr", "Les enfants jouaient dans les jardins.", ["enfant", "jou", "jardin"]),
        ("es", "Los niños jugaban en los jardines.", ["niñ", "jug", "jardin"]),
        ("tr", "Kitapların İzmir şehirleri", ["kitap", "izmir", "şehir"]),
        ("ar", "ذهب الأولادُ إلى المدرسةِ صباحًا.", ["ذهب", "اولاد", "مدرس", "صباح"]),
        (
            "hi",
            "भारत एक विशाल देश है और हिन्दी यहाँ की भाषा है।",
            ["भारत", "विशाल", "देश", "हिन्द", "भाष"],
        ),
    ],
)
def test_each_language_uses_its_stop_words_and_stemmer(code, text, expected):
    assert get_analyzer(code).terms(text) == expected


def test_chinese_and_japanese_terms_are_character_bigrams():
    zh = get_analyzer("zh").terms("北京是中国的首都。iPhone 15 发布了")
    assert zh[:3] == ["北京", "京是", "是中"] or "北京" in zh
    assert "中国" in zh and "iphone" in zh and "15" in zh
    assert not any(len(t) > 2 and not t.isascii() for t in zh)  # bigrams and unigrams only
    ja = get_analyzer("ja").terms("東京は日本の首都です。コンピューターを使う")
    assert {"東京", "日本", "首都", "コン", "ター"} <= set(ja)
    assert not any(c in "はのですを" for t in ja for c in t)  # hiragana separate terms


def test_every_language_analyzes_text_of_every_script():
    text = "Hello мир 世界 κόσμε عالم दुनिया 123 don't"
    for code in LANGUAGES:
        terms = get_analyzer(code).terms(text)
        assert terms and all(terms), code


def test_batches_take_spans_in_any_order_and_text_whose_case_changes_length(monkeypatch):
    """Each batch cleans only the text its spans cover, whatever their order; a batch whose
    lower case changes the length (dotted capital I) is analyzed as well as any other."""
    text = "Zebras run. \u0130stanbul grows. Cats sleep. Dogs bark loudly. Owls hoot."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)][::-1]
    expected = [get_analyzer("english").terms(text[s:e]) for s, e in spans]
    monkeypatch.setattr(text_module, "_BATCH", 2)
    index = Analyzer("english").index(text, spans)
    got = [
        [index.vocabulary[i] for i in index.ids[index.indptr[k] : index.indptr[k + 1]]]
        for k in range(len(spans))
    ]
    assert got == expected


def test_new_words_are_stemmed_once_in_one_call():
    calls: list[str] = []

    def stem(word: str) -> str:
        calls.append(word)
        return word[:4]

    a = Analyzer("english", stemmer=stem)
    text = "Zebras zebras ZEBRAS graze. Zebras graze grass."
    assert a.terms(text) == ["zebr", "zebr", "zebr", "graz", "zebr", "graz", "gras"]
    assert calls == ["zebras", "graze", "grass"]  # each word once, in order of appearance
    a.terms(text)
    assert calls == ["zebras", "graze", "grass"]  # cached across calls
