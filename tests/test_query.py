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
