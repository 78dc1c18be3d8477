"""Query-focused and multi-document summaries."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer import InvalidInputError, InvalidOptionError, Summarizer, summarize
from summarizer import query as q

MEETING = "\n\n".join(
    [
        "Anna: Good morning, let us start with the budget for next year.",
        "Ben: The budget is tight because the grant ended in March.",
        "Anna: Can we move money from travel to equipment?",
        "Ben: Yes, travel spending was low, so the budget allows it.",
        "Carla: I would like to talk about the new office instead.",
        "Anna: The office move is planned for June.",
        "Carla: The office needs more desks and a meeting room.",
        "Ben: Desks are cheap, the meeting room is the problem.",
        "Anna: Let us decide on the office next week.",
        "Carla: Fine. The weather has been lovely, by the way.",
    ]
)


def test_bm25_by_hand():
    counts = np.array([[2.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 1.0, 1.0]])
    got = q.bm25(counts, np.array([0]))
    lengths = counts.sum(axis=1)
    idf = np.log1p((3 - 2 + 0.5) / (2 + 0.5))
    tf = counts[:, 0]
    expected = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths / lengths.mean()))
    np.testing.assert_allclose(got, expected)
    assert not q.bm25(counts, np.array([], dtype=int)).any()


def test_diffusion_stays_inside_each_document():
    scores = np.array([0.0, 0.0, 1.0, 0.0, 0.0, 0.0])
    spread = q.diffuse(scores, np.array([0, 0, 0, 1, 1, 1]), sigma=1.0)
    assert spread[2] == pytest.approx(1.0)
    assert not spread[3:].any()  # nothing leaks into the next document
    assert spread[1] > spread[0] > 0


def test_a_query_picks_the_passage_that_answers_it():
    office = summarize(MEETING, sentences=2, query="What did they say about the office?")
    texts = " ".join(s.text for s in office)
    assert "office" in texts.lower() and office.query == "What did they say about the office?"
    budget = summarize(MEETING, sentences=2, query="budget")
    assert all("budget" in s.text.lower() or "travel" in s.text.lower() for s in budget)
    assert len({s.text.split(":")[0] for s in budget}) >= 1
    # at most one sentence per paragraph while there are enough paragraphs
    spans = [s.start for s in summarize(MEETING, sentences=4, query="office desks room")]
    paragraphs = [MEETING.count("\n\n", 0, start) for start in spans]
    assert len(set(paragraphs)) == len(paragraphs)


def test_a_query_without_known_words_changes_nothing_and_is_validated():
    plain = summarize(MEETING, sentences=3)
    unknown = summarize(MEETING, sentences=3, query="zebra quantum")
    assert [s.index for s in plain] == [s.index for s in unknown]
    assert Summarizer(query="budget").summarize(MEETING, 1).query == "budget"
    with pytest.raises(InvalidOptionError, match="query must be None or a str"):
        summarize(MEETING, query=3)


def test_several_documents_make_one_summary_with_offsets_in_each():
    docs = [
        "The council voted on Tuesday to build a new library. It will cost 40 million.",
        "A new library was approved by the city council. Residents welcomed the news.",
        "Rain is expected on Friday. The river may rise.",
    ]
    summary = summarize(docs, sentences=3)
    assert summary.documents == tuple(docs) and summary.n_sentences == 6
    for s in summary:
        assert docs[s.document][s.start : s.end] == s.text
    assert [(s.document, s.index) for s in summary] == sorted(
        (s.document, s.index) for s in summary
    )
    assert {s.document for s in summary} >= {0, 1}  # leads of both library articles
    assert summary.to_dict()["documents"] == docs
    focused = summarize(docs, sentences=1, query="river")
    assert focused.sentences[0].document == 2
    assert summarize((), sentences=2).sentences == [] and summarize([""]).sentences == []
    with pytest.raises(InvalidInputError, match="document 1 must be str"):
        summarize(["fine", b"bytes"])


def test_question_words_are_dropped_after_stemming():
    def stem(text):
        return [w.removesuffix("ing").removesuffix("ed").removesuffix("s") for w in text.split()]

    got = q.query_terms("what were they discussing about budgets", stem, ["discuss", "what"])
    assert "discuss" not in got and "budget" in got and "what" not in got
    assert q.query_terms("budget", stem, []) == ["budget"]


def test_diffuse_smooths_each_column_and_respects_groups():
    values = np.zeros((6, 2))
    values[1, 0] = values[4, 1] = 1.0
    spread = q.diffuse(values, np.array([0, 0, 0, 1, 1, 1]), sigma=1.0)
    np.testing.assert_allclose(spread[:, 0], q.diffuse(values[:, 0], np.repeat([0, 1], 3), 1.0))
    assert not spread[3:, 0].any() and not spread[:3, 1].any()
    assert spread[0, 0] == spread[2, 0] > 0  # symmetric around the peak
    np.testing.assert_array_equal(q.diffuse(values, np.zeros(6, int), sigma=0.0), values)


def test_a_passage_with_several_query_terms_beats_one_common_term_repeated():
    # paragraphs 0-2 repeat term 0; paragraphs 6-8 hold terms 0 and 1 side by side
    counts = np.zeros((12, 4))
    counts[[0, 1, 2], 0] = 3.0
    counts[6, 0] = counts[7, 1] = counts[8, 0] = 1.0
    counts[:, 3] += 5.0  # other words, so lengths are alike
    tfidf = counts / np.linalg.norm(counts, axis=1, keepdims=True)
    paragraphs, documents = np.arange(12), np.zeros(12, dtype=int)
    r = q.relevance(counts, tfidf, np.array([0, 1]), paragraphs, documents)
    assert r.argmax() == 7 and r[7] > r[1]
    assert not q.relevance(counts, tfidf, np.array([2]), paragraphs, documents).any()
    plain = q.Focus(centrality=0.0, sigma=0.0, paragraph=1.0, passage=0.0, sentence=0.0)
    alone = q.relevance(counts, tfidf, np.array([0]), paragraphs, documents, plain)
    assert alone[[0, 1, 2]].min() > alone[[6, 8]].max() > 0 == alone[7]


def test_spread_takes_a_second_passage_and_keeps_the_order_of_picks():
    # two passages: 0-4 (strong) and 10-12 (weaker), one document
    scores = np.array([0.9, 1.0, 0.95, 0.9, 0.85, 0, 0, 0, 0, 0, 0.6, 0.7, 0.6])
    positions, groups = np.arange(scores.size), np.zeros(scores.size, dtype=int)
    candidates = scores > 0
    top = lambda s, k: set(np.argsort(-s, kind="stable")[:k].tolist())  # noqa: E731
    assert top(scores, 4) <= set(range(5))
    strong = q.Focus(spread=0.5, spread_width=2.0)
    spread = q.spread(scores, candidates, positions, groups, 4, strong)
    picks = top(spread, 4)
    assert 1 in picks and picks & {10, 11, 12}
    assert spread[1] == scores[1]  # the first pick keeps its score
    assert (spread <= scores + 1e-12).all() and (spread[~candidates] == 0).all()
    # no spread, or a single pick: unchanged
    off = q.Focus(spread=0.0)
    np.testing.assert_array_equal(q.spread(scores, candidates, positions, groups, 4, off), scores)
    np.testing.assert_array_equal(q.spread(scores, candidates, positions, groups, 1), scores)
    # a pick never discounts another document's sentences
    other = np.where(positions >= 10, 1, 0)
    apart = q.spread(scores, candidates, positions, other, 13, strong)
    assert apart[11] == scores[11]


LONG_MEETING = "\n\n".join(
    [f"Anna: Item {i} of the agenda was about the garden and the trees." for i in range(8)]
    + [f"Ben: The budget line {i} needs more money for the roof repair." for i in range(6)]
    + [f"Carla: Chapter {i} of the report covers the staff party." for i in range(8)]
)


@pytest.mark.parametrize(
    "budget", [{"sentences": 3}, {"ratio": 0.2}, {"words": 30}, {"chars": 200}, {}]
)
def test_every_budget_works_with_a_query(budget):
    summary = summarize(
        LONG_MEETING, query="What was said about the budget and the roof?", **budget
    )
    plain = summarize(LONG_MEETING, **budget)
    assert summary.sentences
    if not budget or "sentences" in budget or "ratio" in budget:
        assert len(summary.sentences) == len(plain.sentences)
    assert any("budget" in s.text for s in summary)
    share = sum("budget" in s.text for s in summary) / len(summary.sentences)
    assert share >= sum("budget" in s.text for s in plain) / max(1, len(plain.sentences))
    if "words" in budget:
        assert sum(len(s.text.split()) for s in summary) <= budget["words"] or len(summary) == 1
    if "chars" in budget:
        assert sum(len(s.text) for s in summary) <= budget["chars"] or len(summary) == 1
    for s in summary:
        assert LONG_MEETING[s.start : s.end] == s.text and s.score is not None
    scores = [s.score for s in summarize(LONG_MEETING, query="roof", order="score", **budget)]
    assert scores == sorted(scores, reverse=True)


def test_a_query_over_several_documents_finds_its_document_and_offsets():
    docs = [
        "The council met on Monday.\n\nIt discussed the parking rules in the centre.",
        "Schools open again next week.\n\nThe teachers asked for smaller classes.",
        "The harbour will get a new ferry.\n\nThe ferry carries 400 passengers and cars.",
    ]
    summary = summarize(docs, sentences=2, query="How big is the new ferry?")
    assert {s.document for s in summary} == {2}
    for s in summary:
        assert docs[s.document][s.start : s.end] == s.text
    assert summarize(docs, words=12, query="teachers classes").sentences[0].document == 1
    again = summarize(list(docs), sentences=2, query="How big is the new ferry?")
    assert [(s.document, s.index) for s in again] == [(s.document, s.index) for s in summary]


def test_spread_drops_a_candidate_that_repeats_a_pick():
    scores = np.array([1.0, 0.9, 0.5])
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])  # sentence 1 repeats sentence 0
    positions, groups = np.array([0, 0, 0]), np.array([0, 1, 2])
    out = q.spread(scores, np.ones(3, bool), positions, groups, 2, vectors=vectors)
    assert out[0] == 1.0 and out[2] == 0.5 and out[1] == 0.0


def test_a_copied_document_does_not_repeat_in_a_query_summary():
    report = (
        "The harbour will get a new ferry next spring. The ferry carries 400 passengers.\n\n"
        "The town council paid for half of the ferry. Fares will stay the same."
    )
    docs = [report, "Schools open again next week. Teachers want smaller classes.", report]
    summary = summarize(docs, sentences=3, query="ferry passengers and fares")
    texts = [s.text for s in summary]
    assert len(texts) == len(set(texts)) == 3
    assert sum("ferry" in t.lower() or "fares" in t.lower() for t in texts) >= 2
    assert {s.document for s in summary} >= {1}  # the copy's repeats gave way to another report
