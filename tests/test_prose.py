"""The prose rules: what may be a summary candidate, in any format."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.readers.prose import MAX_CHARS, is_prose, not_prose_reason, prose_mask

PROSE = [
    "The council approved the new harbour plan on Tuesday evening.",
    "Critics said: \u201cWe were told about it in a leaflet.\u201d",
    "It costs $3.5 million, about 12% more than planned in 2019.",
    "The meeting starts at 10:30 on Monday in the town hall, as every year.",
    "Note: the museum is closed on public holidays and during the repairs.",
    "Wait... is that really what the mayor said?",
    "Die Stadt hat den neuen Hafenplan am Dienstag nach langer Debatte gebilligt.",
    "Le conseil a approuv\u00e9 le nouveau plan du port mardi soir.",
    "\u0421\u043e\u0432\u0435\u0442 \u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b "
    "\u043d\u043e\u0432\u044b\u0439 \u043f\u043b\u0430\u043d \u0433\u0430\u0432\u0430\u043d\u0438.",
    "\u4eca\u5929\u5e02\u8bae\u4f1a\u6279\u51c6\u4e86\u65b0\u7684\u6e2f\u53e3\u8ba1\u5212\u3002",
    "Yes.",
    "Visit the archive at https://example.org/archive to read every issue of the paper.",
    "He lives on the well-known Rue de la Paix -- the most expensive street.",
]

NOT_PROSE = [
    ("x" * (MAX_CHARS + 1), "too long"),
    ("1. Introduction ........................................ 3", "dot leaders"),
    ("2. Signals . . . . . . . . . . . . 7", "dot leaders"),
    ('<script data-url_root="./">var x = 1;</script>', "markup"),
    ("Fish &amp; chips are served on Fridays in the old hall.", "markup"),
    ("See the **bold** claim in the [report](https://example.org/r) today.", "markup"),
    ("# Installation guide for the tool", "markup"),
    (".. code-block:: python", "markup"),
    ("| layer | depth | colour |", "table row"),
    ("Name   Age   Town", "table row"),
    ("==========", "symbols"),
    ("Thanks for reading ~~~~~ see you next week", "symbols"),
    ("https://example.org/a/b/c?d=e", "url"),
    ("Subject: Re: budget for the summer", "header"),
    ("Message-ID: <abc123@example.org> and more words to make it long enough", "header"),
    ("Received: from mail.example.org by mx.example.com", "header"),
    ("Posted 2024-05-01 10:32", "timestamp"),
    ("ls [-alh] [--color=WHEN] [FILE]...", "synopsis"),
    ("for (i = 0; i < n; i++) { total += x[i]; }", "code"),
    ("def summarize(text, sentences=3):", "code"),
    ("12 34 56 78 90", "few words"),
    ("Bottas (Finland) 1:37.143", "timestamp"),
    ("10, 33, 83; 45 (2), 90 (3) and 7.", "few words"),
    ("s/custon/custom/", "few words"),
]


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_is_prose(sentence):
    assert not_prose_reason(sentence) is None
    assert is_prose(sentence)


@pytest.mark.parametrize(("sentence", "reason"), NOT_PROSE)
def test_not_prose_says_why(sentence, reason):
    assert not_prose_reason(sentence) == reason
    assert not is_prose(sentence)


def test_the_length_cap_is_inclusive():
    words = ("word " * 250)[: MAX_CHARS - 1] + "."
    assert len(words) == MAX_CHARS and is_prose(words)
    assert not is_prose(words + " more")


def test_prose_mask_agrees_with_is_prose():
    sentences = PROSE + [s for s, _ in NOT_PROSE]
    text, spans = "", []
    for sentence in sentences:
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence + "\n\n"
    mask = prose_mask(text, spans)
    assert mask.dtype == np.bool_
    assert mask.tolist() == [is_prose(s) for s in sentences]
    assert mask[: len(PROSE)].all() and not mask[len(PROSE) :].any()
    assert prose_mask(text, np.asarray(spans)).tolist() == mask.tolist()
    assert prose_mask("", []).shape == (0,)
