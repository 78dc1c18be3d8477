"""The method registry: names, options and their checks come from one declaration per method."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer import METHODS, Summarizer, summarize
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.errors import InvalidOptionError
from summarizer.methods import DEFAULT_METHOD, get_method
from summarizer.methods.base import REGISTRY, Method, register
from summarizer.segment import segment
from summarizer.text import get_analyzer


def test_methods_are_the_registry_in_a_fixed_order():
    expected = ("textrank", "lexrank", "tfidf", "lead", "pacsum", "positional", "lead_odds")
    expected += ("adaptive",)
    assert expected == METHODS
    assert set(METHODS) == set(REGISTRY) and DEFAULT_METHOD in METHODS
    for name in METHODS:
        cls = get_method(name)
        assert cls.name == name and cls.summary
        assert len(set(cls.option_names())) == len(cls.options)


def test_every_option_has_a_default_that_passes_its_own_check():
    for name in METHODS:
        for option in get_method(name).options:
            assert option.validate(option.default) == option.default, (name, option.name)


@pytest.mark.parametrize("name", METHODS)
def test_each_method_scores_every_sentence(article, name):
    document = Document(article, segment(article), get_analyzer("english"))
    scores = get_method(name)().score(document, Budget("sentences", 3))
    assert scores.shape == (document.n,) and np.isfinite(scores).all()
    empty = Document("", [], get_analyzer("english"))
    assert get_method(name)().score(empty, Budget("sentences", 3)).size == 0


def test_an_option_of_another_method_is_refused_naming_its_owner(article):
    with pytest.raises(InvalidOptionError, match=r"'threshold' does not apply.*lexrank") as info:
        Summarizer(method="textrank", threshold=0.5)
    assert info.value.option == "threshold"
    with pytest.raises(InvalidOptionError, match="'lead_cap' does not apply"):
        summarize(article, method="lexrank", lead_cap=0.5)
    with pytest.raises(InvalidOptionError, match="unknown option 'spam'"):
        Summarizer(method="lead", spam=1)


def test_a_method_chooses_its_diversity_per_document_unless_the_caller_does(article):
    document = Document(article, segment(article), get_analyzer("english"))
    for name in METHODS:
        if name != "adaptive":  # the others keep their constant default
            method = get_method(name)()
            assert method.diversity_for(document, Budget("ratio", 0.5)) == method.default_diversity
    adaptive = get_method("adaptive")()
    assert adaptive.diversity_for(document, Budget("sentences", 2)) == 0.3  # a lead summary
    assert adaptive.diversity_for(document, Budget("ratio", 0.5)) == 0.0  # an abridgement
    # what the API selects with: the method's choice, or the caller's
    text = article.replace("Construction", "The library will replace the old branch. Construction")
    default = summarize(text, ratio=0.5)
    assert [s.index for s in default] == [
        s.index for s in summarize(text, ratio=0.5, diversity=0.0)
    ]
    assert [s.index for s in default] != [
        s.index for s in summarize(text, ratio=0.5, diversity=0.9)
    ]


def test_options_are_reported_and_defaults_listed():
    sm = Summarizer(method="lexrank", threshold=0.2)
    assert sm.options["threshold"] == 0.2 and sm.options["method"] == "lexrank"
    assert Summarizer.options_of("lexrank") == {"damping": 0.85, "threshold": None}
    assert Summarizer.options_of("lead") == {}


def test_a_registered_method_is_usable_by_name(article):
    @register
    class Shortest(Method):
        name = "shortest-test"
        summary = "the shortest sentences (a test method)"

        def score(self, document, budget):
            return -document.char_counts.astype(float)

    try:
        s = summarize(article, sentences=1, method="shortest-test")
        lengths = [len(x.text) for x in summarize(article, ratio=1.0, method="lead")]
        assert len(s.sentences[0].text) == min(lengths)
        with pytest.raises(RuntimeError, match="twice"):
            register(Shortest)
    finally:
        del REGISTRY["shortest-test"]
