from __future__ import annotations

import itertools
import re
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import text as text_module
from summarizer.errors import InvalidOptionError
from summarizer.stem import stem
from summarizer.text import Analyzer, get_analyzer

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def reference_terms(analyzer: Analyzer, text: str) -> list[str]:
    """The definition, one regular expression over the whole lower-cased string."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("\u2019", "'")
        if word in analyzer.stop_words or (len(word) == 1 and not word.isdigit()):
            continue
        out.append(stem(word))
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
    with pytest.raises(InvalidOptionError, match="english"):
        get_analyzer("klingon")


def test_every_stem_table_entry_is_what_the_analyzer_would_compute():
    table = text_module._load_stem_table("english")
    assert len(table) > 5_000  # the table ships with the package
    stop_words = get_analyzer("english").stop_words
    wrong = {
        word: stemmed
        for word, stemmed in table.items()
        if not (word.isascii() and word.isalpha() and word.islower() and 2 <= len(word) <= 64)
        or word in stop_words
        or stem(word) != stemmed
    }
    assert wrong == {}


def test_table_words_skip_the_stemmer(monkeypatch):
    table = text_module._load_stem_table("english")
    common = [w for w in ("library", "council", "running", "voters", "cost") if w in table]
    assert len(common) >= 3
    a = Analyzer("english")
    a.terms("A first document: the table waits for the second.")
    stemmed = []
    monkeypatch.setattr(a, "_stem", lambda word: stemmed.append(word) or stem(word))
    words = [*common, "blorptastic", "o'neill", "2019"]
    assert a.terms(" ".join(words)) == [stem(w) for w in words]
    assert stemmed == ["blorptastic", "o'neill", "2019"]


def test_the_stem_table_is_loaded_for_the_second_document_only(monkeypatch):
    loads = []
    real = text_module._load_stem_table
    monkeypatch.setattr(
        text_module, "_load_stem_table", lambda lang: loads.append(lang) or real(lang)
    )
    a = Analyzer("english")
    terms = a.terms("One document, as the command line summarizes")
    assert terms == ["document", "command", "line", "summar"]
    assert loads == []
    a.terms("one document")  # no new chunk: nothing to look up yet
    assert loads == []
    a.terms("Another document with new words")
    assert loads == ["english"]
    a.terms("and more new words later")
    assert loads == ["english"]


def test_the_stem_table_changes_no_result(monkeypatch, article, wrapped):
    texts = [article, wrapped, article.upper(), wrapped.replace("s", "\u2019s"), "running ran runs"]
    spans = [(0, 40), (40, 200), (200, 10_000)]
    with_table, without = [], []
    for t in texts:
        a = Analyzer("english")
        a.index("", [])  # the table is used from the second document on
        with_table.append(a.index(t, spans))
        assert a._known  # the table was used
    monkeypatch.setattr(text_module, "_load_stem_table", lambda language: {})
    for t in texts:
        a = Analyzer("english")
        a.index("", [])
        without.append(a.index(t, spans))
    for a, b in zip(with_table, without, strict=True):
        assert [a.vocabulary[i] for i in a.ids] == [b.vocabulary[i] for i in b.ids]
        assert a.indptr.tolist() == b.indptr.tolist()


def test_stem_table_file_format(monkeypatch, tmp_path):
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "stems_english.txt"
    monkeypatch.setattr(text_module.resources, "files", lambda package: tmp_path)
    load = text_module._load_stem_table.__wrapped__  # uncached
    path.write_text("# stems, sizes, words\nrun walk\n2 1\nrun running walks\n", encoding="ascii")
    assert load("english") == {"run": "run", "running": "run", "walks": "walk"}
    for damaged in ("run walk\n2 2\nrun running walks\n", "run\n1\nrun running\n", "run\n1\n"):
        path.write_text(damaged, encoding="ascii")
        with pytest.raises(RuntimeError, match="build_stem_table"):
            load("english")
    path.unlink()
    assert load("english") == {}
