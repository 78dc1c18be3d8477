"""Keyphrase extraction: offsets, stem-level merging, boundaries, odd input, options, languages."""

from __future__ import annotations

import time

import numpy as np
import pytest

from summarizer.errors import InvalidInputError, InvalidOptionError
from summarizer.keyphrases import (
    Keyword,
    LanguageLike,
    cooccurrence_graph,
    english,
    extract_keywords,
    personalized_pagerank,
    phrase_scores,
    position_weights,
)

ARTICLE = (
    "Solar panels on school roofs\n\n"
    "The town council approved a plan for solar panels on the roofs of every school. "
    "The solar panels will cut the schools' electricity bills, and the council expects the "
    "panels to pay for themselves within eight years. Teachers said the solar panel project "
    "could also be used in science lessons about renewable energy. Each solar panel is made "
    "in Wales. Renewable energy already "
    "supplies a third of the town's electricity, mostly from a wind farm on the hill. "
    "The council will ask a local installer for a price before the summer holidays."
)


def test_keyword_fields_and_offsets():
    keywords = extract_keywords(ARTICLE, 8)
    assert keywords and len(keywords) <= 8
    for k in keywords:
        assert isinstance(k, Keyword)
        assert k.occurrences == tuple(sorted(k.occurrences))
        start, end = k.occurrences[0]
        assert " ".join(ARTICLE[start:end].split()) == k.text
        for s, e in k.occurrences:
            assert 0 <= s < e <= len(ARTICLE)
            assert ARTICLE[s:e].strip() == ARTICLE[s:e]
    scores = [k.score for k in keywords]
    assert scores == sorted(scores, reverse=True)
    d = keywords[0].to_dict()
    assert set(d) == {"text", "score", "stem", "occurrences"}
    assert d["occurrences"][0] == list(keywords[0].occurrences[0])


def test_plural_forms_are_one_phrase():
    keywords = extract_keywords(ARTICLE, 10)
    texts = [k.text.lower() for k in keywords]
    assert texts[0] == "solar panels"
    assert "solar panel" not in texts  # merged into "solar panels" at stem level
    top = keywords[0]
    singular = ARTICLE.index("solar panel is")
    assert (singular, singular + len("solar panel")) in top.occurrences
    inside = ARTICLE.index("solar panel project")  # part of a longer run: not an occurrence
    assert (inside, inside + len("solar panel")) not in top.occurrences
    assert len(top.occurrences) == 4
    assert len({k.stem for k in keywords}) == len(keywords)


def test_merges_case_and_plural():
    text = (
        "Neural Networks, in short, learn from examples. A neural network has layers. "
        "Deep learning trains the neural networks with many layers."
    )
    keywords = extract_keywords(text, 5)
    top = keywords[0]
    assert top.stem == "neural network"
    assert top.text == "Neural Networks"  # the first occurrence as written
    assert [text[s:e] for s, e in top.occurrences] == [
        "Neural Networks",
        "neural network",
        "neural networks",
    ]


def test_candidates_stop_at_stop_words_and_punctuation():
    text = "Rivers of Europe; mountain lakes, and the glaciers of the Alps - rivers of Europe."
    keywords = extract_keywords(text, 20)
    texts = {k.text for k in keywords}
    for k in keywords:
        words = k.text.lower().split()
        assert not set(words) & english().stop_words
        for s, e in k.occurrences:
            assert not set(text[s:e]) & set(";,-.")
    assert "Rivers" in texts and "Europe" in texts and "mountain lakes" in texts
    assert "Alps" in texts


def test_max_words_limits_candidates():
    text = "quantum error correction code design matters. quantum error correction, again."
    long_ones = extract_keywords(text, 10, max_words=5)
    assert "quantum error correction code design matters" not in {k.text for k in long_ones}
    short = extract_keywords(text, 10, max_words=3)
    assert all(len(k.text.split()) <= 3 for k in short)
    assert "quantum error correction" in {k.text for k in short}


def test_empty_and_wordless_input():
    for text in ("", "   \n\t ", "...!!! ,,; --", "1 2 3 4.5 2024", "the of and a to it"):
        assert extract_keywords(text) == []
    assert extract_keywords(ARTICLE, 0) == []


def test_hyphens_and_apostrophes_stay_in_a_word():
    text = "The state-of-the-art parser, for O'Neill's out-of-print books. Out-of-print books!"
    keywords = extract_keywords(text, 10)
    texts = {k.text for k in keywords}
    assert "out-of-print books" in {t.lower() for t in texts}
    assert any("state-of-the-art" in t for t in texts)
    assert any("O'Neill's" in t for t in texts)


def test_deterministic():
    runs = [[k.to_dict() for k in extract_keywords(ARTICLE * 3, 15)] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_ties_broken_by_first_occurrence():
    text = "alpha beta. gamma delta. epsilon zeta."
    keywords = extract_keywords(text, 3, position=False)
    assert [k.text for k in keywords] == ["alpha beta", "gamma delta", "epsilon zeta"]


def test_huge_input_is_linear_and_bounded():
    unit = ARTICLE + " " + " ".join(f"word{i} study{i % 97}" for i in range(200)) + ". "
    text = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
    t = time.perf_counter()
    keywords = extract_keywords(text, 10)
    elapsed = time.perf_counter() - t
    assert len(keywords) == 10
    assert elapsed < 30, elapsed
    one_letter = "a" * 2_000_000
    assert extract_keywords(one_letter) == []  # one 2 MB "word": longer than a word can be
    t = time.perf_counter()
    assert len(extract_keywords("x1y. " * 400_000, 5)) == 1
    assert time.perf_counter() - t < 30


def test_cjk_japanese():
    text = (
        "機械学習は人工知能の一分野である。機械学習の手法には深層学習がある。"
        "深層学習は機械学習の一種で、画像認識に使われる。画像認識の精度は深層学習で向上した。"
    )
    keywords = extract_keywords(text, 5)
    texts = [k.text for k in keywords]
    assert "機械学習" in texts and "深層学習" in texts
    for k in keywords:
        for s, e in k.occurrences:
            assert text[s:e] == k.text
    assert all(not any("\u3040" <= c <= "\u309f" for c in t) for t in texts)  # no Hiragana


class Resources:
    """A language from PyStemmer's Snowball stemmers and stopwordsiso's lists (test-only)."""

    def __init__(self, name: str, code: str) -> None:
        stemmer_module = pytest.importorskip("Stemmer")
        stopwordsiso = pytest.importorskip("stopwordsiso")
        self._stemmer = stemmer_module.Stemmer(name)
        self.stop_words = frozenset(stopwordsiso.stopwords(code))

    def stem(self, word: str) -> str:
        return self._stemmer.stemWord(word)


class Chinese:
    """Chinese resources: a few function characters as stop words; no stemming (test-only)."""

    stop_words = frozenset("的是了在和一个因而于常用也")

    def stem(self, word: str) -> str:
        return word


def test_cjk_chinese_with_stop_characters():
    assert isinstance(Chinese(), LanguageLike)
    text = (
        "机器学习是人工智能的一个分支。机器学习的方法包括深度学习。"
        "深度学习是机器学习的一种\uff0c常用于图像识别。图像识别的准确率因深度学习而提高。"
    )
    keywords = extract_keywords(text, 6, language=Chinese())
    texts = [k.text for k in keywords]
    assert "机器学习" in texts and "深度学习" in texts and "图像识别" in texts
    assert not any(t[0] in Chinese.stop_words or t[-1] in Chinese.stop_words for t in texts)
    for k in keywords:
        assert k.stem == k.text
        for s, e in k.occurrences:
            assert text[s:e] == k.text
    plain = [k.text for k in extract_keywords(text, 6)]  # English resources: no stop characters
    assert "机器学习" in plain


@pytest.mark.parametrize(
    ("name", "code", "text", "expected", "merged"),
    [
        (
            "german",
            "de",
            "Die Stadt baut neue Radwege. Die neuen Radwege sollen den Verkehr entlasten. "
            "Der Verkehr in der Stadt ist dicht, und viele Pendler wünschen sich Radwege.",
            "Radwege",
            "neue Radwege",
        ),
        (
            "spanish",
            "es",
            "Las energías renovables, según el informe, crecen en España. La energía renovable "
            "ya cubre la mitad de la demanda eléctrica, y las energías renovables bajan los "
            "precios.",
            "energías renovables",
            "energía renovable",
        ),
        (
            "russian",
            "ru",
            "Новые электрические автобусы вышли на линии. Электрические автобусы тише старых. "
            "Город купит ещё электрические автобусы в следующем году.",
            "электрические автобусы",
            "Электрические автобусы",
        ),
    ],
)
def test_other_languages_through_the_protocol(name, code, text, expected, merged):
    language = Resources(name, code)
    keywords = extract_keywords(text, 5, language=language)
    texts = [k.text for k in keywords]
    assert any(expected.lower() in t.lower() for t in texts), texts
    for k in keywords:
        assert not set(k.text.lower().split()) & language.stop_words
    stems = [k.stem for k in keywords]
    assert len(stems) == len(set(stems))
    if name == "spanish":  # plural and singular, one stem key
        top = next(k for k in keywords if "renovable" in k.text)
        assert {text[s:e].lower() for s, e in top.occurrences} >= {merged, expected}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n": -1}, "n must be"),
        ({"n": 2.5}, "n must be"),
        ({"n": True}, "n must be"),
        ({"n": 10**9}, "n must be"),
        ({"window": 1}, "window"),
        ({"window": "10"}, "window"),
        ({"window": 1000}, "window"),
        ({"max_words": 0}, "max_words"),
        ({"max_words": 3.0}, "max_words"),
        ({"max_words": 99}, "max_words"),
        ({"position": "yes"}, "position"),
        ({"position": 1}, "position"),
        ({"language": "klingon"}, "unsupported language"),
        ({"language": object()}, "stop_words"),
        ({"language": None}, "stop_words"),
    ],
)
def test_options_are_validated(options, message):
    with pytest.raises(InvalidOptionError, match=message):
        extract_keywords(ARTICLE, **options)


def test_text_must_be_str():
    for bad in (None, b"bytes", 3, ["a list"]):
        with pytest.raises(InvalidInputError):
            extract_keywords(bad)


def test_a_failing_stemmer_keeps_the_word():
    class Broken:
        stop_words = frozenset({"the", "of"})

        def stem(self, word: str) -> str:
            raise RuntimeError("boom")

    keywords = extract_keywords("the history of tea. tea history", 3, language=Broken())
    assert keywords[0].stem == "tea history" or "history" in keywords[0].stem


# --------------------------------------------------------------------------- numeric core
def test_cooccurrence_graph_counts_within_window():
    ids = np.array([0, 1, 2, 0, -1, 1])
    g = cooccurrence_graph(ids, 3, window=2).toarray()
    expected = np.zeros((3, 3))
    for a, b in [(0, 1), (1, 2), (2, 0)]:
        expected[a, b] += 1
        expected[b, a] += 1
    assert np.array_equal(g, expected)
    g3 = cooccurrence_graph(ids, 3, window=3).toarray()
    assert g3[0, 2] == 2 and g3[0, 1] == 3  # distance 2 counts too; -1 links nothing
    assert np.all(np.diag(g3) == 0) and np.array_equal(g3, g3.T)
    assert cooccurrence_graph(np.array([], dtype=np.int64), 0, 10).shape == (0, 0)


def test_position_weights():
    w = position_weights(np.array([1, 0, -1, 1]), 3)
    assert np.allclose(w, [1 / 2, 1 + 1 / 4, 0])


def test_personalized_pagerank_matches_closed_form():
    rng = np.random.default_rng(0)
    w = rng.random((6, 6))
    w = w + w.T
    np.fill_diagonal(w, 0)
    w[5, :] = w[:, 5] = 0  # a dangling node
    p = rng.random(6)
    x = personalized_pagerank(w, p, damping=0.85, tol=1e-14, max_iter=10_000)
    # closed form: x = d * T x + (d * dangling mass + 1 - d) * p / sum(p), T column-stochastic
    out = w.sum(axis=1)
    t = np.divide(w, out[:, None], out=np.zeros_like(w), where=out[:, None] > 0).T
    q = p / p.sum()
    a = np.eye(6) - 0.85 * t - 0.85 * np.outer(q, (out == 0).astype(float))
    exact = np.linalg.solve(a, 0.15 * q)
    assert np.allclose(x, exact / exact.sum(), atol=1e-10)
    assert abs(x.sum() - 1) < 1e-12
    assert np.allclose(personalized_pagerank(np.zeros((3, 3))), 1 / 3)
    assert personalized_pagerank(np.zeros((0, 0))).size == 0


def test_phrase_scores_formula():
    s = np.array([0.5, 0.2, 0.3])
    words = np.array([0, 0, 1, 1, 2, 0])
    lengths = np.array([1, 2, 3])
    f = np.array([2.0, 1.0, 4.0])
    got = phrase_scores(s, words, lengths, f, freq_power=1.0, length_power=0.5)
    expected = [2 * 0.5, 1 * 0.7 / np.sqrt(2), 4 * 1.0 / np.sqrt(3)]
    assert np.allclose(got, expected)
    assert phrase_scores(s, words[:0], lengths[:0], f[:0]).size == 0


def test_language_objects_without_weak_references():
    class Slotted:
        __slots__ = ("stop_words",)

        def __init__(self) -> None:
            self.stop_words = english().stop_words

        def stem(self, word: str) -> str:
            return english().stem(word)

    language = Slotted()
    first = [k.to_dict() for k in extract_keywords(ARTICLE, 5, language=language)]
    again = [k.to_dict() for k in extract_keywords(ARTICLE, 5, language=language)]
    assert first == again == [k.to_dict() for k in extract_keywords(ARTICLE, 5)]


def test_mixed_scripts():
    text = (
        "東京大学の研究チームは量子計算機を開発した。Quantum computers are fast. 量子計算機は速い。"
    )
    keywords = extract_keywords(text, 10)
    texts = {k.text for k in keywords}
    assert "量子計算機" in texts
    assert any("Quantum computers" in t for t in texts)
    for k in keywords:
        for s, e in k.occurrences:
            assert " ".join(text[s:e].split()) == k.text


def test_keyword_is_frozen():
    keyword = extract_keywords(ARTICLE, 1)[0]
    with pytest.raises(AttributeError):
        keyword.score = 0.0  # type: ignore[misc]
