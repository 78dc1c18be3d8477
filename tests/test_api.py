from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

import summarizer
from summarizer import (
    METHODS,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    Sentence,
    Summarizer,
    SummarizerError,
    Summary,
    split_sentences,
    summarize,
)

STAGES = {"read", "segment", "vectorize", "rank", "select", "total"}


def test_public_names_are_exported():
    for name in ("summarize", "split_sentences", "Summarizer", "Summary", "Sentence", "METHODS"):
        assert hasattr(summarizer, name)
    assert summarizer.DEFAULT_METHOD in METHODS
    assert {"textrank", "lexrank", "tfidf"} <= set(METHODS)


def test_every_public_name_loads_and_import_alone_loads_nothing_heavy():
    assert set(summarizer.__all__) == set(summarizer._EXPORTS)
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        summarizer.nope  # noqa: B018
    code = "import sys, summarizer; print(sorted({'numpy', 'scipy'} & set(sys.modules)))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


def test_summary_contract(article):
    s = summarize(article, sentences=3)
    assert isinstance(s, Summary)
    assert len(s.sentences) == 3
    assert all(isinstance(x, Sentence) for x in s.sentences)
    assert [x.index for x in s.sentences] == sorted(x.index for x in s.sentences)
    for x in s.sentences:
        assert article[x.start : x.end] == x.text
        assert isinstance(x.score, float)
    assert str(s) == "\n".join(x.text for x in s.sentences)
    assert set(s.timings) == STAGES
    assert all(v >= 0 for v in s.timings.values())
    assert s.timings["total"] >= s.timings["rank"]
    assert s.n_sentences == len(split_sentences(article))


@pytest.mark.parametrize("method", METHODS)
def test_every_method_summarizes(article, method):
    s = summarize(article, sentences=2, method=method)
    assert len(s) == 2
    assert s.method == method
    for x in s:
        assert article[x.start : x.end] == x.text


def test_to_dict_is_json_ready(article):
    d = summarize(article, sentences=2).to_dict()
    round_trip = json.loads(json.dumps(d))
    assert round_trip == d
    assert d["budget"] == {"kind": "sentences", "value": 2}
    assert d["order"] == "document"
    assert set(d["timings"]) == STAGES
    assert set(d["sentences"][0]) == {"document", "index", "start", "end", "score", "text"}


def test_order_score_puts_best_first(article):
    s = summarize(article, sentences=4, order="score")
    scores = [x.score for x in s]
    assert scores == sorted(scores, reverse=True)
    doc = summarize(article, sentences=4)
    assert {x.index for x in s} == {x.index for x in doc}


def test_default_budget_is_three_sentences(article):
    assert len(summarize(article)) == 3


def test_ratio_budget(article):
    n = len(split_sentences(article))
    assert len(summarize(article, ratio=1.0)) == n
    assert len(summarize(article, ratio=0.01)) == 1
    assert len(summarize(article, ratio=0.5)) == int(0.5 * n + 0.5)


def test_words_budget_is_respected(article):
    for limit in (10, 25, 40, 80):
        s = summarize(article, words=limit)
        assert len(s) >= 1
        if len(s) > 1:
            assert sum(len(x.text.split()) for x in s) <= limit


def test_words_budget_keeps_best_sentence_even_if_too_long(article):
    s = summarize(article, words=1)
    assert len(s) == 1
    assert len(s.sentences[0].text.split()) > 1


def test_chars_budget(article):
    s = summarize(article, chars=200)
    assert len(s) >= 1
    assert len(s) == 1 or sum(len(x.text) for x in s) <= 200


def test_never_more_sentences_than_asked_or_available(article):
    n = len(split_sentences(article))
    assert len(summarize(article, sentences=n + 10)) == n


def test_deterministic(article):
    a = summarize(article, sentences=3)
    b = summarize(article, sentences=3)
    assert a.sentences == b.sentences
    assert str(a) == str(b)


def test_empty_and_blank_input_give_empty_summary():
    for text in ("", "   \n\n\t "):
        s = summarize(text)
        assert s.sentences == []
        assert str(s) == ""
        assert s.n_sentences == 0
        assert split_sentences(text) == []


def test_one_sentence_input():
    s = summarize("Only one sentence here.", sentences=3)
    assert [x.text for x in s] == ["Only one sentence here."]


def test_split_sentences_offsets(article, wrapped):
    for text in (article, wrapped):
        sents = split_sentences(text)
        assert [x.index for x in sents] == list(range(len(sents)))
        last = 0
        for x in sents:
            assert text[x.start : x.end] == x.text
            assert x.text == x.text.strip() and x.text
            assert x.start >= last
            assert x.score is None
            last = x.end


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sentences": 0},
        {"sentences": -1},
        {"sentences": 1.5},
        {"sentences": True},
        {"sentences": "3"},
        {"ratio": 0},
        {"ratio": 1.5},
        {"ratio": float("nan")},
        {"words": 0},
        {"words": float("inf")},
        {"sentences": 2, "ratio": 0.5},
        {"method": "nope"},
        {"language": "klingon"},
        {"order": "random"},
        {"damping": 1.0},
        {"threshold": 1.0},
        {"max_chars": 0},
        {"colour": "blue"},
    ],
)
def test_invalid_options_raise_typed_error(article, kwargs):
    with pytest.raises(InvalidOptionError) as info:
        summarize(article, **kwargs)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, SummarizerError)
    assert str(info.value)


def test_error_messages_say_what_is_allowed(article):
    with pytest.raises(InvalidOptionError, match="textrank"):
        summarize(article, method="nope")
    with pytest.raises(InvalidOptionError, match="english"):
        summarize(article, language="klingon")
    with pytest.raises(InvalidOptionError, match=r"\(0, 1\]"):
        summarize(article, ratio=2)


def test_non_str_input_raises_typed_error():
    with pytest.raises(InvalidInputError, match="decode"):
        summarize(b"bytes are not text")
    with pytest.raises(InvalidInputError):
        summarize(None)
    with pytest.raises(TypeError):
        split_sentences(42)


def test_max_chars_limit(article):
    with pytest.raises(InputTooLargeError, match="max_chars"):
        summarize(article, max_chars=10)
    assert len(summarize(article, max_chars=None)) == 3


def test_summarizer_reuse_and_fit(article, wrapped):
    sm = Summarizer(method="lexrank")
    first = sm.summarize(article, 2)
    assert sm.fit([article, wrapped]) is sm
    assert sm.frequencies is not None and sm.frequencies.n_documents == 2
    fitted = sm.summarize(article, 2)
    assert len(first) == len(fitted) == 2
    assert Summarizer(method="lexrank").summarize(article, 2).sentences == first.sentences


def test_lexrank_threshold(article):
    s = summarize(article, sentences=2, method="lexrank", threshold=0.1)
    assert len(s) == 2


# Position-aware methods and redundancy control ------------------------------------------------

HEADLINE = "Library plan approved\n\n"


def test_default_is_the_position_aware_method():
    assert summarizer.DEFAULT_METHOD == "adaptive"
    assert {"pacsum", "positional", "lead_odds", "adaptive"} <= set(METHODS)
    assert Summarizer().diversity == 0.3
    assert Summarizer(method="lexrank").diversity == 0.0  # other methods keep best-first
    assert Summarizer(method="positional", diversity=0).diversity == 0.0


@pytest.mark.parametrize("method", ["adaptive", "lead_odds", "positional", "pacsum"])
def test_headline_is_not_a_summary_sentence(article, method):
    text = HEADLINE + article
    n = len(split_sentences(text))
    s = summarize(text, sentences=n - 1, method=method)
    assert "Library plan approved" not in [x.text for x in s]
    assert len(summarize(text, sentences=n, method=method)) == n - 1  # never, not even for all


def test_headline_does_not_shift_the_lead(article):
    # positions count body sentences, so a title does not push the lead down
    plain = summarize(article, sentences=1, method="positional", lead_cap=1.0)
    titled = summarize(HEADLINE + article, sentences=1, method="positional", lead_cap=1.0)
    assert plain.sentences[0].text == titled.sentences[0].text


def test_positional_without_lead_or_diversity_ranks_like_lexrank(article):
    flat = summarize(article, sentences=4, method="positional", lead_weight=0, diversity=0)
    lex = summarize(article, sentences=4, method="lexrank")
    assert [x.index for x in flat] == [x.index for x in lex]


def test_lead_prior_favours_the_opening_sentences(article):
    # LexRank alone ranks sentences 0, 2, 8, 4, ... here. Taking 3 of 9 sentences, no
    # sentence can be more than 9 / 3 times likelier than the base rate to be in the
    # summary: the uncapped lead prior gives sentences 0-2 that factor, the last one ~1.
    def top(**options):
        return [x.index for x in summarize(article, sentences=3, order="score", **options)]

    assert top(method="lexrank") == [0, 2, 8]
    assert sorted(top(method="positional", diversity=0, lead_cap=1.0, lead_slot_cap=1.0)) == [
        0,
        1,
        2,
    ]
    # no lead weight: LexRank's order again
    assert top(method="positional", diversity=0, lead_weight=0) == [0, 2, 8]


def test_diversity_drops_a_repeated_sentence(article):
    first = split_sentences(article)[0].text
    text = article.replace(first, first + " " + first, 1)  # the lead, said twice
    plain = summarize(text, sentences=2, method="lexrank", diversity=0.0)
    varied = summarize(text, sentences=2, method="lexrank", diversity=0.5)
    assert [x.text for x in plain].count(first) == 2
    assert [x.text for x in varied].count(first) == 1


@pytest.mark.parametrize("method", ["adaptive", "lead_odds", "positional", "pacsum"])
@pytest.mark.parametrize("budget", [{"ratio": 0.4}, {"words": 30}, {"chars": 150}])
def test_position_aware_methods_take_every_budget(article, method, budget):
    s = summarize(article, method=method, **budget)
    assert len(s) >= 1
    if "words" in budget and len(s) > 1:
        assert sum(len(x.text.split()) for x in s) <= budget["words"]
    if "chars" in budget and len(s) > 1:
        assert sum(len(x.text) for x in s) <= budget["chars"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"diversity": 1.5}, r"diversity must be a number in \[0, 1\]"),
        ({"diversity": "high"}, "diversity"),
        ({"lead_weight": -1}, r"lead_weight must be a number in \[0, inf\)"),
        ({"lead_decay": 0}, r"lead_decay must be a number in \(0, inf\)"),
        ({"method": "positional", "lead_cap": 0}, r"lead_cap must be a number in \(0, 1\]"),
        ({"method": "positional", "lead_cap": 1.5}, "lead_cap"),
        ({"lead_fade": 0}, r"lead_fade must be a number in \(0, 1\]"),
        ({"lead_slot_cap": float("nan")}, "lead_slot_cap"),
        ({"method": "pacsum", "pacsum_beta": 1.0}, r"pacsum_beta must be a number in \[0, 1\)"),
        (
            {"method": "pacsum", "pacsum_earlier": float("inf")},
            r"pacsum_earlier must be a number in \(-inf, inf\)",
        ),
        ({"method": "pacsum", "pacsum_earlier": True}, "pacsum_earlier"),
        ({"pacsum_beta": 0.5}, "does not apply to method 'adaptive'"),
        ({"method": "textrank", "threshold": 0.5}, r"does not apply.*one of lexrank"),
    ],
)
def test_new_options_are_validated(article, kwargs, message):
    with pytest.raises(InvalidOptionError, match=message):
        summarize(article, **kwargs)


# --- Saving and loading a (fitted) Summarizer: versioned JSON, never pickle ---


@pytest.mark.parametrize("name", ["idf.json", "idf.json.gz"])
def test_save_and_load_round_trip(tmp_path, article, wrapped, name):
    sm = Summarizer(method="lexrank", damping=0.8, max_chars=None).fit([article, wrapped])
    path = tmp_path / name
    sm.save(path)
    loaded = Summarizer.load(path)
    assert loaded.to_dict() == sm.to_dict()
    assert loaded.frequencies == sm.frequencies
    assert (loaded.method, loaded.options["damping"], loaded.max_chars) == ("lexrank", 0.8, None)
    assert loaded.summarize(article, 2) == sm.summarize(article, 2)
    raw = path.read_bytes()
    if name.endswith(".gz"):
        import gzip

        raw = gzip.decompress(raw)
    assert json.loads(raw)["format"] == "summarizer"  # plain JSON, not a pickle
    sm.save(path)
    assert path.read_bytes() == (tmp_path / name).read_bytes()  # reproducible bytes


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_saved_file_is_readable_by_others_or_keeps_its_mode(tmp_path):
    path = tmp_path / "state.json"
    Summarizer().save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o600)
    Summarizer(method="lexrank").save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_load_with_overrides_and_unfitted(tmp_path, article):
    path = tmp_path / "plain.json"
    Summarizer(method="tfidf").save(path)
    loaded = Summarizer.load(path, order="score")
    assert loaded.frequencies is None and loaded.method == "tfidf" and loaded.order == "score"
    with pytest.raises(InvalidOptionError, match="colour"):
        Summarizer.load(path, colour="red")
    with pytest.raises(InvalidOptionError, match="method"):
        Summarizer.load(path, method="nope")


def test_a_saved_default_diversity_follows_the_method(tmp_path):
    path = tmp_path / "default.json"
    Summarizer().save(path)  # adaptive, whose default diversity is not 0
    for method in METHODS:
        assert Summarizer.load(path, method=method).diversity == Summarizer(method=method).diversity
    Summarizer(method="lexrank", diversity=0.25).save(path)  # chosen: kept for any method
    assert Summarizer.load(path, method="textrank").diversity == 0.25


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"\x80\x03}q\x00.", "not a saved summarizer"),  # a pickle
        (b"\x1f\x8b\x08\x00garbage", "not a saved summarizer"),  # broken gzip
        (b'{"format": "summarizer", "version": 1, "opt', "not a saved summarizer"),
        (b'{"hello": "world"}', "marker"),
        (b"[1, 2, 3]", "marker"),
        (b'{"format": "summarizer", "version": 3, "options": {}}', "newer"),
        (b'{"format": "summarizer", "version": 1, "options": {"spam": 1}}', "options"),
        (b'{"format": "summarizer", "version": 2, "options": {"spam": 1}}', "options"),
        (
            b'{"format": "summarizer", "version": 2, "options": {"threshold": 0.1}}',
            "do not apply to method 'adaptive'",
        ),
        (b'{"format": "summarizer", "version": 1, "options": {"method": "x"}}', "bad option"),
        (
            b'{"format": "summarizer", "version": 1, "options": {}, "frequencies": '
            b'{"version": 1, "n_documents": 1, "document_frequencies": {"a": 5}}}',
            "document frequencies",
        ),
    ],
)
def test_load_refuses_corrupt_or_foreign_files(tmp_path, content, match):
    from summarizer import InvalidFileError

    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(InvalidFileError, match=match) as info:
        Summarizer.load(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, SummarizerError) and isinstance(info.value, ValueError)


def test_load_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Summarizer.load(tmp_path / "missing.json")


def test_summaries_pickle_to_equal_objects(article):
    """Worker processes send summaries back pickled; nothing may be lost on the way."""
    import pickle

    for method in METHODS:
        s = summarize(article, sentences=3, method=method)
        back = pickle.loads(pickle.dumps(s))
        assert back == s and back.timings == s.timings and str(back) == str(s)
        assert back.sentences[0] == s.sentences[0] and back.budget == s.budget
