"""Plug-in components: nltk's Punkt and a spaCy sentencizer as splitters, own stemmers,
tokenizers and stop words, all checked."""

from __future__ import annotations

import pytest
import spacy
from nltk.stem import PorterStemmer
from nltk.tokenize import wordpunct_tokenize
from nltk.tokenize.punkt import PunktSentenceTokenizer

from summarizer import InvalidOptionError, Summarizer, summarize, summarize_many


def test_nltk_punkt_plugs_in_as_the_splitter(article):
    punkt = PunktSentenceTokenizer()  # untrained: no nltk data needed
    summary = Summarizer(splitter=punkt).summarize(article, 2)
    expected = [article[s:e] for s, e in punkt.span_tokenize(article)]
    assert summary.n_sentences == len(expected)
    assert all(s.text == expected[s.index] for s in summary)
    by_method = summarize(article, 2, splitter=punkt.tokenize)  # strings work too
    assert [s.text for s in by_method] == [s.text for s in summary]


def test_a_spacy_sentencizer_plugs_in_as_the_splitter(article):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    summary = summarize(article, 3, splitter=lambda text: list(nlp(text).sents))
    sentences = [s.text for s in nlp(article).sents]
    assert summary.n_sentences == len([s for s in sentences if s.strip()])
    for s in summary:
        assert article[s.start : s.end] == s.text


def test_own_stemmer_tokenizer_and_stop_words(article):
    porter = PorterStemmer()
    summary = summarize(
        article,
        2,
        stemmer=porter.stem,
        tokenizer=wordpunct_tokenize,
        stop_words=["the", "a", "library"],
        method="lexrank",
    )
    assert len(summary) == 2
    sm = Summarizer(stop_words={"council", "library"}, stemmer=str.upper)
    terms = sm._analyzer("en").terms("The council voted for the new library branch.")
    assert terms == ["THE", "VOTED", "FOR", "THE", "NEW", "BRANCH"]  # only its own stop words


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"splitter": 42}, "splitter must be None or a callable"),
        ({"stemmer": "porter"}, "stemmer must be None or a callable"),
        ({"stop_words": "the a an"}, "stop_words must be None or an iterable of words"),
        ({"stop_words": [1, 2]}, "stop_words must be an iterable of str"),
        ({"splitter": lambda t: ["not in the text"]}, "not in the text"),
        ({"splitter": lambda t: [(5, 2)]}, "expected strings or"),
        ({"splitter": lambda t: 1 / 0}, "splitter failed: ZeroDivisionError"),
        ({"stemmer": lambda w: 3}, "stemmer returned int"),
        ({"tokenizer": lambda s: 1 / 0}, "tokenizer failed"),
    ],
)
def test_bad_components_are_clear_errors(article, options, message):
    with pytest.raises(InvalidOptionError, match=message):
        summarize(article, **options)


def test_components_are_code_and_are_not_saved(tmp_path, article):
    sm = Summarizer(stemmer=str.lower)
    with pytest.raises(InvalidOptionError, match="cannot be saved"):
        sm.save(tmp_path / "state.json")
    assert len(list(summarize_many([article, article], 1, summarizer=sm))) == 2  # in process
