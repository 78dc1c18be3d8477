"""The adaptive scores on hand-built arrays, and the method through the API."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer import Summarizer, adaptive, lead_odds, summarize
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.methods import get_method
from summarizer.segment import segment
from summarizer.text import get_analyzer


def test_abridgement_is_zero_for_a_lead_one_for_an_abridgement_linear_between():
    assert adaptive.abridgement(3, 30, full=0.35, fade=0.4) == 0.0  # r = 0.1
    assert adaptive.abridgement(7, 20, full=0.35, fade=0.4) == 0.0  # r = 0.35 exactly
    assert adaptive.abridgement(8, 20, full=0.35, fade=0.4) == 1.0  # r = 0.4
    assert adaptive.abridgement(10, 20, full=0.35, fade=0.4) == 1.0
    assert adaptive.abridgement(3, 8, full=0.35, fade=0.4) == pytest.approx(0.5)  # r = 0.375
    shares = [adaptive.abridgement(k, 100, full=0.2, fade=0.6) for k in range(1, 101)]
    assert shares == sorted(shares)  # never falls as the budget grows


def test_abridgement_edge_cases():
    assert adaptive.abridgement(3, 0) == 1.0  # nothing to lead with
    assert adaptive.abridgement(0, 10, full=0.35, fade=0.4) == 0.0  # k counts as at least 1
    assert adaptive.abridgement(50, 10) == 1.0  # k counts as at most n
    # fade <= full: a step at fade
    assert adaptive.abridgement(3, 10, full=0.4, fade=0.4) == 0.0
    assert adaptive.abridgement(4, 10, full=0.4, fade=0.4) == 1.0


def test_blended_centrality_moves_from_the_lead_centrality_to_the_abridgement_one():
    lead = np.array([2.0, 1.0, 0.5, 0.0])
    abridged = np.array([0.1, 0.4, 0.2, 0.2])
    np.testing.assert_allclose(
        adaptive.blended_centrality(lead, abridged, 0.0, power=2.0), [1.0, 0.25, 0.0625, 0.0]
    )
    np.testing.assert_allclose(
        adaptive.blended_centrality(lead, abridged, 1.0), [0.25, 1.0, 0.5, 0.5]
    )
    half = adaptive.blended_centrality(lead, abridged, 0.5, power=1.0)
    np.testing.assert_allclose(half, [0.625, 0.75, 0.375, 0.25])
    # the unused array need not exist, and one without a positive value counts as ones
    np.testing.assert_allclose(adaptive.blended_centrality(None, abridged, 1.0)[1], 1.0)
    np.testing.assert_allclose(adaptive.blended_centrality(np.zeros(3), None, 0.0), 1.0)
    assert adaptive.blended_centrality(np.zeros(0), np.zeros(0), 0.5).size == 0


def test_diversity_fades_with_the_abridgement():
    assert adaptive.adaptive_diversity(0.0) == adaptive.DIVERSITY
    assert adaptive.adaptive_diversity(1.0) == 0.0
    assert adaptive.adaptive_diversity(0.5, 0.4) == pytest.approx(0.2)


def test_a_lead_summary_scores_like_lead_odds():
    rng = np.random.default_rng(0)
    lexrank, textrank = rng.random(30), rng.random(30)
    words = rng.integers(5, 60, 30)
    positions = np.arange(30.0)
    exclude = np.zeros(30, dtype=bool)
    exclude[0] = True
    got = adaptive.adaptive_scores(lexrank, textrank, positions, words, 3, 30, exclude)
    probability = lead_odds.lead_probability(
        positions, 3, 30, weight=adaptive.WEIGHT, decay=adaptive.DECAY,
        fade=adaptive.FADE, slot_cap=adaptive.SLOT_CAP, full=adaptive.FULL,
    )  # fmt: skip
    expected = lead_odds.lead_odds_scores(
        lexrank, probability, lead_odds.length_factor(words, adaptive.WORD_LIMIT), exclude
    )
    np.testing.assert_allclose(got, expected)
    assert got[0] == 0.0


def test_an_abridgement_ignores_position_and_ranks_by_textrank():
    textrank = np.array([0.1, 0.5, 0.3, 0.9, 0.2, 0.7, 0.4, 0.6, 0.8, 0.05])
    words = np.full(10, 20)  # under the word limit: the length factor is 1
    scores = adaptive.adaptive_scores(None, textrank, np.arange(10.0), words, 5, 10)
    assert np.argsort(-scores).tolist() == np.argsort(-textrank).tolist()
    np.testing.assert_allclose(scores / scores.max(), textrank / textrank.max())


# Through the API. A news-like text written for these tests: its most central sentences
# (the recurring "flood barrier") are not its first ones.
STORY = """\
Storms swept through the valley on Monday morning.
Parents were told to keep children at home until the water went down.
The flood barrier on the river held, officials said, though the flood barrier was never tested so hard.
Engineers inspected the flood barrier overnight and found no damage to the flood barrier walls.
Shops on the main street stayed shut while volunteers filled sandbags.
The council said the flood barrier had saved hundreds of homes from the river.
Buses ran a reduced service and the railway station closed at noon.
Forecasters expect the rain to ease by Wednesday.
Residents thanked the volunteers, and the council promised to repair the roads.
A review of the flood barrier will report to the council in the summer.
"""  # noqa: E501


def _document(text: str) -> Document:
    return Document(text, segment(text), get_analyzer("english"))


def test_a_short_summary_leans_on_the_lead_and_an_abridgement_follows_textrank():
    lead = [s.index for s in summarize(STORY, sentences=2, method="adaptive")]
    lexrank = [s.index for s in summarize(STORY, sentences=2, method="lexrank")]
    assert min(lead) < 3 <= min(lexrank)  # the lead prior lifts an opening sentence
    half = summarize(STORY, ratio=0.5, method="adaptive")
    textrank = summarize(STORY, ratio=0.5, method="textrank")
    assert [s.index for s in half] == [s.index for s in textrank]


def test_the_method_chooses_its_diversity_unless_the_caller_does():
    method = get_method("adaptive")()
    document = _document(STORY)
    assert method.diversity_for(document, Budget("sentences", 2)) == adaptive.DIVERSITY
    assert method.diversity_for(document, Budget("ratio", 0.5)) == 0.0
    # a repeated central sentence: an abridgement takes both copies, unless diversity is given
    again = "Engineers inspected the flood barrier overnight and found no damage"
    text = STORY.replace(
        "Forecasters expect", again + " to the flood barrier walls.\nForecasters expect"
    )
    copies = [s.text for s in summarize(text, ratio=0.5, method="adaptive")]
    assert sum(s.startswith(again) for s in copies) == 2
    varied = [
        s.text for s in Summarizer(method="adaptive", diversity=0.6).summarize(text, ratio=0.5)
    ]
    assert sum(s.startswith(again) for s in varied) == 1
    # other methods keep their constant default
    assert get_method("lexrank")().diversity_for(document, Budget("ratio", 0.5)) == 0.0


def test_options_reach_the_scores():
    short = summarize(STORY, sentences=2, method="adaptive", lead_weight=0, diversity=0)
    # without the lead a short summary ranks by LexRank alone (the length factor is 1 here)
    lexrank = summarize(STORY, sentences=2, method="lexrank")
    assert [s.index for s in short] == [s.index for s in lexrank]
    # a lead that lasts to half the text makes ratio=0.5 a lead summary again
    lasting = get_method("adaptive")(lead_full=0.6, lead_fade=0.7)
    document = _document(STORY)
    assert lasting.diversity_for(document, Budget("ratio", 0.5)) == adaptive.DIVERSITY
    scores = lasting.score(document, Budget("ratio", 0.5))
    assert np.argsort(-scores)[:5].tolist() != np.argsort(-document_textrank(document))[:5].tolist()


def document_textrank(document: Document) -> np.ndarray:
    return get_method("textrank")().score(document, Budget("ratio", 0.5))
