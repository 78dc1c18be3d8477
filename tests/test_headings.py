"""Headings and other lines of their own that are not sentences."""

from __future__ import annotations

from summarizer.headings import heading_mask
from summarizer.segment import segment


def headings(text: str) -> list[str]:
    spans = segment(text)
    return [text[s:e] for (s, e), h in zip(spans, heading_mask(text, spans), strict=True) if h]


def test_title_before_the_body_is_a_heading():
    text = "Council backs new library\n\nThe council voted on Tuesday. Work starts in May.\n"
    assert headings(text) == ["Council backs new library"]


def test_quoted_and_bracketed_titles_and_windows_newlines():
    assert headings("Rank 'set to sell film unit'\r\n\r\nLeisure group Rank may sell it.") == [
        "Rank 'set to sell film unit'"
    ]
    assert headings("Budget (draft)\n\nThe plan was published. It is short.") == ["Budget (draft)"]


def test_sentences_and_lines_inside_paragraphs_are_not_headings():
    text = (
        "Is this a title?\n\n"  # ends like a sentence
        "First line of a paragraph\nwrapped onto a second line.\n\n"
        "A body sentence. Another one follows here.\n\n"
        "Closing remark without a full stop\n"  # one-line paragraph at the end: a heading
    )
    assert headings(text) == ["Closing remark without a full stop"]


def test_section_headings_in_the_middle():
    text = "Intro sentence here.\n\n  Results  \n\nThe results were good. Very good.\n"
    assert headings(text) == ["Results"]


def test_all_headings_means_none():
    text = "apples\n\npears\n\nplums\n"
    assert headings(text) == []
    assert heading_mask("", []).tolist() == []


def test_long_preamble_before_a_heading():
    text = "x" * 500 + ".\n\nHeading\n\nBody sentence here."
    assert headings(text) == ["Heading"]
    tail = "A sentence first. Then " + "word " * 60 + "and no stop\n\nBody sentence here."
    assert headings(tail) == []  # not alone in its paragraph


def test_title_and_byline_on_lines_of_their_own():
    """One paragraph per line (as pasted web articles come): title and byline are headings."""
    text = (
        "Council backs new library downtown\n"
        "By a staff reporter\n"
        "The city council voted on Tuesday to build a new public library, which will "
        "replace the old branch.\n"
        "Work is expected to start in the spring, the mayor said.\n"
    )
    assert headings(text) == ["Council backs new library downtown", "By a staff reporter"]


def test_sentences_ending_in_any_of_the_splitters_marks_are_not_headings():
    """Guillemets, braces and the double marks end a sentence here as in the splitter."""
    text = (
        "Markets rallied\n\n"
        "\u00abInvestors cheered the central bank.\u00bb\n\n"
        "What a day\u203c\n\n"
        "Was it real\u2047\n\n"
        "Prices rose (see the table {and notes.})\n\n"
        "Bonds fell too. Nobody expected it.\n"
    )
    assert headings(text) == ["Markets rallied"]


def test_every_terminal_mark_and_closer_of_the_splitter_ends_a_sentence_line():
    from summarizer.segment.params import CLOSERS, TERMINALS

    for mark in sorted(TERMINALS):
        for closer in ("", *CLOSERS):
            line = f"The committee met on Monday{mark}{closer}"
            text = f"Heading\n\n{line}\n\nAnother sentence follows. And one more.\n"
            spans = [(0, 7), (9, 9 + len(line)), (11 + len(line), len(text) - 1)]
            assert heading_mask(text, spans).tolist() == [True, False, False], (mark, closer)


def test_deeply_indented_heading():
    for indent in (0, 199, 200, 201, 5000):
        text = "Intro sentence here.\n\n" + " " * indent + "Results\n\nThe results were good.\n"
        assert headings(text) == ["Results"], indent
    text = "\t" * 300 + "Title line\n" + " " * 300 + "\nThe body sentence is here.\n"
    assert headings(text) == ["Title line"]


def test_a_line_break_far_before_the_span_counts_only_across_whitespace():
    text = "Intro sentence here.\n" + "word " * 100 + "and no stop\n\nBody sentence here."
    spans = [
        (0, 20),
        (text.index("and no stop"), text.index("\n\nBody")),
        (text.index("Body"), len(text)),
    ]
    assert heading_mask(text, spans).tolist() == [False, False, False]
