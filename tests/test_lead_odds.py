"""The lead_odds scores on hand-built arrays, and the method through the API."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer import lead_odds, split_sentences, summarize


def test_probability_falls_with_position_to_the_base_rate():
    p = lead_odds.lead_probability(np.arange(30), 3, 30, weight=4.0, decay=2.0, slot_cap=1.0)
    assert np.all(np.diff(p) <= 0)
    # r = 0.1 is below full (0.25): the whole weight; logit(0.1) + 4 = 1.80 -> 0.86
    np.testing.assert_allclose(p[0], 1 / (1 + np.exp(-(np.log(0.1 / 0.9) + 4.0))))
    np.testing.assert_allclose(p[-1], 0.1, rtol=1e-5)  # far from the lead: the base rate


def test_a_short_article_keeps_its_lead():
    # 3 of 12 sentences (r = 0.25): the ratio prior of "positional" (cap 0.45) makes the
    # first sentence at most 1.8 times the base rate and 1.3 times the fifth; here the
    # first three are well above the rest
    p = lead_odds.lead_probability(np.arange(12), 3, 12)
    assert p[0] > 0.75 > 0.5 > p[4]
    assert p[0] / p[4] > 2.5


def test_the_lead_fades_as_the_summary_keeps_more_of_the_text():
    positions = np.arange(20)
    flat = lead_odds.lead_probability(positions, 9, 20, fade=0.45)  # r = 0.45: no lead
    np.testing.assert_allclose(flat, 0.45)
    log_odds = [
        np.log(p / (1 - p)) - np.log(r / (1 - r))
        for r, p in (
            (k / 20, lead_odds.lead_probability(positions, k, 20, slot_cap=1.0)[0])
            for k in (2, 4, 5, 6, 7, 8)
        )
    ]
    np.testing.assert_allclose(log_odds[:3], 4.0)  # r <= full = 0.25: the whole weight
    assert log_odds[2:] == sorted(log_odds[2:], reverse=True)
    assert log_odds[-1] == pytest.approx(1.0)  # r = 0.4: 4 * (0.45 - 0.4) / (0.45 - 0.25)


def test_one_sentence_of_a_short_text_caps_the_first_sentence():
    p = lead_odds.lead_probability(np.arange(7), 1, 7, weight=10.0, slot_cap=0.2)
    assert p.max() == pytest.approx(0.2)
    # the cap lets go as k grows: 1 - 0.8 ** (3 ** 2) = 0.866 for three sentences
    p3 = lead_odds.lead_probability(np.arange(40), 3, 40, weight=10.0, slot_cap=0.2)
    assert p3[0] == pytest.approx(1 - 0.8**9)
    linear = lead_odds.lead_probability(np.arange(40), 3, 40, weight=10.0, slot_power=1.0)
    assert linear[0] == pytest.approx(1 - 0.75**3)


def test_probability_edge_cases():
    assert lead_odds.lead_probability(np.arange(3), 3, 0).tolist() == [1.0, 1.0, 1.0]
    np.testing.assert_allclose(lead_odds.lead_probability(np.arange(4), 9, 4), 1.0)  # k >= n
    no_lead = lead_odds.lead_probability(np.arange(10), 2, 10, weight=0.0)
    np.testing.assert_allclose(no_lead, 0.2)
    assert lead_odds.lead_probability(np.zeros(0), 3, 10).size == 0


def test_length_factor_only_shrinks_long_sentences():
    f = lead_odds.length_factor(np.array([0, 10, 40, 80]))
    np.testing.assert_allclose(f, [1.0, 1.0, 1.0, 0.25])  # 40 words, squared


def test_scores_combine_and_exclude():
    scores = lead_odds.lead_odds_scores(
        np.array([0.2, 0.4, 0.1, 0.4]),
        np.array([0.5, 0.25, 0.25, 0.25]),
        np.array([1.0, 1.0, 1.0, 0.5]),
        np.array([False, False, False, True]),
        centrality_power=1.0,
    )
    np.testing.assert_allclose(scores, [0.25, 0.25, 0.0625, 0.0])
    squared = lead_odds.lead_odds_scores(np.array([0.5, 1.0]), np.ones(2), centrality_power=2.0)
    np.testing.assert_allclose(squared, [0.25, 1.0])
    # no positive centrality: position alone decides
    np.testing.assert_allclose(
        lead_odds.lead_odds_scores(np.zeros(3), np.array([0.5, 0.2, 0.1])), [0.5, 0.2, 0.1]
    )
    assert lead_odds.lead_odds_scores(np.zeros(0), np.zeros(0)).size == 0


def test_method_takes_the_lead_of_a_news_article(article):
    s = summarize(article, sentences=3, method="lead_odds")
    assert len(s) == 3
    assert s.sentences[0].index == 0
    assert s.method == "lead_odds"
    assert [x.index for x in s] == [x.index for x in summarize(article, 3, method="lead_odds")]


def test_method_skips_a_title_and_a_run_on_sentence(article):
    titled = "Library plan approved\n\n" + article
    n = len(split_sentences(titled))
    chosen = [x.text for x in summarize(titled, sentences=n - 1, method="lead_odds")]
    assert "Library plan approved" not in chosen
    run_on = " ".join(["and the council also said more about the plan"] * 12) + "."
    first = split_sentences(article)[0].text
    text = article.replace(first, first + " " + first.rstrip(".") + " " + run_on, 1)
    top = summarize(text, sentences=1, method="lead_odds")
    assert len(top.sentences[0].text.split()) < 40  # the 100-word sentence is not the pick
