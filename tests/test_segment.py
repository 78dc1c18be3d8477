from __future__ import annotations

from summarizer.segment import segment


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in segment(text)]


def test_simple_sentences():
    assert texts("One thing. Another thing! A third?") == [
        "One thing.",
        "Another thing!",
        "A third?",
    ]


def test_blank_line_ends_a_sentence():
    assert texts("A heading\n\nThe body starts here.") == ["A heading", "The body starts here."]


def test_hard_wrapped_line_does_not_end_a_sentence(wrapped):
    got = texts(wrapped)
    assert got[0] == "Rivers carry sediment from the mountains to the sea."
    assert got[1].startswith("Over\nthousands")


def test_abbreviations_and_initials():
    assert texts("Mr. Smith met Dr. J. Jones. They talked.") == [
        "Mr. Smith met Dr. J. Jones.",
        "They talked.",
    ]


def test_closing_quote_stays_with_sentence():
    assert texts('He said "stop." Then he left.') == ['He said "stop."', "Then he left."]
