"""The input-format readers, on documents written for these tests."""

from __future__ import annotations

import sys
from email.message import EmailMessage

import pytest

from summarizer.errors import (
    InvalidDocumentError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
)
from summarizer.readers import FORMATS, KINDS, Block, Extracted, detect_format, read
from summarizer.readers._base import join_lines
from summarizer.readers.plain import blocks as plain_blocks

HTML_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="windows-1252"><title>Harbour plan approved | The Coastal
Times</title>
<script>var tracking = {"id": 42}; function load() { return 1; }</script>
<style>body { font-family: serif; }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a
href="/sport">Sport</a></li></ul></nav>
<!-- advertising slot: do not remove -->
<div class="ad">Subscribe now for only $1 a week!</div>
<article>
<h1>Harbour plan approved after long debate</h1>
<p>The town council approved the new harbour plan on Tuesday evening after a debate that lasted
almost five hours. Supporters said the plan would bring jobs and protect the old fishing quarter
from winter storms.</p>
<p>Critics argued that the cost had been underestimated and that residents had not been
consulted properly. &ldquo;We were told about it in a leaflet,&rdquo; said one shop owner, who
asked not to be named.</p>
<h2>What happens next</h2>
<p>Work on the new sea wall is expected to begin in the spring. The council will publish a
detailed timetable next month, together with the results of an environmental study.</p>
<ul><li>The sea wall will be raised by two metres.</li><li>The fish market will move to the east
quay.</li></ul>
<p>The mayor said the decision was the most important the council had taken in a generation, and
promised regular public meetings while the work goes on.</p>
</article>
<footer><p>Copyright 2024 The Coastal Times. All rights reserved.</p><a
href="/privacy">Privacy</a></footer>
<script>document.write("<p>injected</p>");</script>
</body></html>
"""

MARKDOWN = """\
---
title: Notes on the field trip
date: 2024-05-01
tags: [geology, trip]
---

# Field trip to the quarry

We visited the old **limestone** quarry on *Saturday* and collected samples from three layers.
See the [map](https://example.org/map.png) for the route we took.

[![build](https://img.shields.io/badge/build-passing.svg)](https://ci.example.org)

## Findings

- The top layer is rich in fossil shells.
- [x] The middle layer shows clear ripple marks
  left by an ancient shallow sea.
- The bottom layer is hard and grey.

> The quarry was closed in 1962, as the guide reminded us.

```python
samples = load("quarry.csv")
print(samples.mean())
```

| layer | depth |
|-------|-------|
| top   | 2 m   |

Use `load()` to read the samples. Visit <https://example.org/quarry> for photos.
"""

RST = """\
=====================
The Lighthouse Keeper
=====================

:Author: A. Writer
:Date: 2024

.. contents::

Introduction
------------

The keeper climbed the *spiral* stairs every evening to light the lamp. Ships relied on the
beam to find the channel, as explained in :ref:`the history section <history>` and in the
`official guide <https://example.org/guide>`_.

.. note:: The lamp was converted to electricity in 1921.

.. code-block:: python

   lamp.light()

.. toctree::
   :maxdepth: 2

   history

History
-------

* The tower was built of local granite.
* Its walls are three metres thick at the base.

::

   $ keeper --start

The last keeper retired in 1985, and the light now runs automatically [1]_.

.. [1] According to the harbour records.
"""

EMAIL = """\
Received: from mail.example.org (mail.example.org [192.0.2.1])
	by mx.example.com with ESMTP id 12345; Tue, 3 May 2022 10:00:00 +0000
Message-ID: <abc123@example.org>
Date: Tue, 3 May 2022 10:00:00 +0000
From: Ann Smith <ann@example.org>
To: Team <team@example.com>
Subject: Re: Budget for the summer school
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi all,

I have looked at the budget again and I think we can afford a second
teaching assistant if we move the excursion to the cheaper venue. The
venue also has better rooms for the after-
noon workshops.

- Book the cheaper venue by Friday.
- Ask Tom to draft the job advert.

On Mon, 2 May 2022, Bob Jones <bob@example.com> wrote:
> Can we really afford another assistant?
> The numbers looked tight last week.

Thanks,
Ann

--
Ann Smith, Summer School Coordinator
+1 555 0100
"""

EMAIL = EMAIL.replace("\n--\n", "\n-- \n")  # the signature separator is "-- "

BOOK = """\
The Project Gutenberg eBook of The Orchard Keeper, by A. Writer

This eBook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: The Orchard Keeper
Author: A. Writer
Release Date: May 1, 2024 [eBook #99999]

*** START OF THE PROJECT GUTENBERG EBOOK THE ORCHARD KEEPER ***




THE ORCHARD KEEPER

By A. Writer


CONTENTS

 CHAPTER I.     The Old Trees
 CHAPTER II.    A Winter Frost
 CHAPTER III.   The Harvest


Table of Contents

   1.  Introduction ..........................................    3
   2.  The Trees .............................................    7


CHAPTER I.

The Old Trees


The orchard had belonged to the family for three generations, and every
spring the keeper walked between the rows to see which trees had sur-
vived the winter. He knew each of them by name, and he spoke to them as
one speaks to old friends.

* * *

His daughter thought this was foolish, but she helped him all the same.
She carried the ladder and the baskets, and in the evenings she wrote
down how many apples each tree had given.

  - The first tree gave forty baskets.
  - The second gave almost none.

*** END OF THE PROJECT GUTENBERG EBOOK THE ORCHARD KEEPER ***

Updated editions will replace the previous one--the old editions will
be renamed.
"""


MAN_PAGE = """\
LS(1)                         User Commands                         LS(1)

NAME
       ls - list directory contents

SYNOPSIS
       ls [OPTION]... [FILE]...

DESCRIPTION
       List information about the files in the current directory. Entries
       are sorted alphabetically unless another order is asked for.

SEE ALSO
       Full documentation <https://www.example.org/ls> or available locally
       via: info '(coreutils) ls invocation'

GNU coreutils 9.1               March 2024                          LS(1)
"""

RFC_TEXT = """\
Network Working Group                                          A. Writer
Request for Comments: 9999                                  Example Labs
Category: Informational                                       April 2024


                 The Lantern Signalling Protocol

Status of This Memo

   This memo provides information for the community. It does not specify
   a standard of any kind.

Table of Contents

   1. Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2
   2. Signals  . . . . . . . . . . . . . . . . . . . . . . . . . .   3
   3. Security Considerations  . . . . . . . . . . . . . . . . . .   4

1.  Introduction

   Lanterns have been used to pass messages between ships for a long
   time. This document describes a simple way to do so at night.

Writer                        Informational                     [Page 1]
"""

FRONT_MATTER_TEXT = """\
---
layout: post
using: [a, b]
---
The garden club met on Sunday and planted forty new trees along the river.
"""

LICENSED_TEXT = """\
The river survey counted more birds this year than in any year before.

Copyright (c) 2024 Example Labs. All rights reserved. Permission is hereby
granted, free of charge, to any person obtaining a copy of this text.
"""

FOOTER_TEXT = (
    "The bakery on the corner opened again after the flood. "
    "Its owner said the neighbours helped to clean the ovens and repaint the walls. "
    * 4
    + "\n\nComments\n\nGreat news, I love that bakery!\n"
)


def _text(extracted: Extracted, block: Block) -> str:
    return extracted.text[block.start : block.end]


def _kinds(extracted: Extracted) -> list[tuple[str, str]]:
    return [(b.kind, _text(extracted, b)) for b in extracted.blocks]


def _check_blocks(extracted: Extracted) -> None:
    """Blocks are in order, inside the text, non-overlapping, of a known kind."""
    previous = 0
    for block in extracted.blocks:
        assert block.kind in KINDS
        assert previous <= block.start < block.end <= len(extracted.text)
        previous = block.end
    if extracted.format != "text":
        # extracted text: blocks joined by a blank line, nothing outside them
        assert "\n\n".join(_text(extracted, b) for b in extracted.blocks) == extracted.text
        for block in extracted.blocks:
            chunk = _text(extracted, block)
            assert chunk == chunk.strip() and "\n" not in chunk


# --- registry and detection -------------------------------------------------------------


def test_formats_are_registered_in_sniffing_order():
    assert FORMATS == ("html", "email", "rst", "markdown", "text")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("page.HTML", "html"),
        ("a/b/note.md", "markdown"),
        ("doc.rst", "rst"),
        ("msg.eml", "email"),
        ("list.mbox", "email"),
        ("book.txt", "text"),
    ],
)
def test_extension_decides_before_content(name, expected):
    assert detect_format("plain words only", name) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (HTML_PAGE, "html"),
        (MARKDOWN, "markdown"),
        (RST, "rst"),
        (EMAIL, "email"),
        (BOOK, "text"),
        (MAN_PAGE, "text"),
        (RFC_TEXT, "text"),
        ("From ann@example.org Tue May  3 10:00:00 2022\n" + EMAIL, "email"),
    ],
)
def test_sniffing(document, expected):
    assert detect_format(document) == expected
    assert detect_format(document.encode("utf-8"), name="no-extension") == expected


def test_read_rejects_bad_arguments():
    with pytest.raises(InvalidInputError):
        read(123)  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="format must be"):
        read("text", format="pdf")
    with pytest.raises(InvalidOptionError, match="unknown encoding"):
        read(b"text", format="text", encoding="no-such-codec")
    with pytest.raises(InvalidDocumentError, match="not valid utf-8"):
        read("caf\u00e9".encode("latin-1"), format="text", encoding="utf-8")


def test_binary_input_is_refused_in_every_format():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    for fmt in ("auto", "text", "html", "markdown", "rst"):
        with pytest.raises(InvalidDocumentError, match="binary"):
            read(png, format=fmt)


def test_reading_is_deterministic():
    for document in (HTML_PAGE, MARKDOWN, RST, EMAIL, BOOK):
        assert read(document) == read(document)


# --- plain text -------------------------------------------------------------------------


def test_plain_text_is_the_input_itself():
    extracted = read(BOOK)
    assert extracted.format == "text"
    assert extracted.text is BOOK
    _check_blocks(extracted)


def test_plain_gutenberg_header_footer_and_contents_are_skipped():
    extracted = read(BOOK)
    skipped = "".join(_text(extracted, b) for b in extracted.blocks if b.kind == "skip")
    assert "This eBook is for the use of anyone" in skipped  # header and licence
    assert "*** START OF THE PROJECT GUTENBERG" in skipped
    assert "Updated editions will replace" in skipped  # footer
    assert "CHAPTER II.    A Winter Frost" in skipped  # contents entries
    assert "The Trees ......" in skipped  # dot leaders
    assert "* * *" in skipped  # a run of symbols
    assert extracted.kind_at(BOOK.index("The orchard had belonged")) == "prose"
    assert extracted.kind_at(BOOK.index("sur-\nvived")) == "prose"
    assert extracted.title == "THE ORCHARD KEEPER"


def test_kinds_of_sentence_spans():
    extracted = read(BOOK)
    heading = BOOK.index("THE ORCHARD KEEPER\n")
    prose = BOOK.index("The orchard had")
    assert extracted.kinds([(0, 10), (heading - 2, heading + 5), (prose, prose + 20)]) == [
        "skip",
        "heading",
        "prose",
    ]


def test_plain_list_items_start_after_their_marker():
    extracted = read(BOOK)
    items = [_text(extracted, b) for b in extracted.blocks if b.kind == "list_item"]
    assert items == ["The first tree gave forty baskets.", "The second gave almost none."]


def test_plain_headings():
    text = "Annual Report\n\nThe year was good for the club.\n\nMembers\n=======\n\nWe grew.\n"
    extracted = read(text)
    assert ("heading", "Annual Report") in _kinds(extracted)
    assert ("heading", "Members") in _kinds(extracted)
    assert ("skip", "=======") in _kinds(extracted)
    assert extracted.kind_at(text.index("The year")) == "prose"


def test_plain_man_page_synopsis_and_running_heads_are_skipped():
    extracted = read(MAN_PAGE)
    kinds = _kinds(extracted)
    assert ("heading", "SYNOPSIS") in kinds
    assert ("skip", "ls [OPTION]... [FILE]...") in kinds
    assert ("heading", "DESCRIPTION") in kinds
    assert extracted.kind_at(MAN_PAGE.index("LS(1)")) == "skip"
    assert extracted.kind_at(MAN_PAGE.index("GNU coreutils")) == "skip"
    assert extracted.kind_at(MAN_PAGE.index("List information")) == "prose"
    assert extracted.kind_at(MAN_PAGE.index("Full documentation")) == "skip"


def test_plain_rfc_header_contents_and_page_footer_are_skipped():
    extracted = read(RFC_TEXT)
    for probe in (
        "Network Working Group",
        "Category: Informational",
        "Table of Contents",
        "2. Signals",
        "[Page 1]",
    ):
        assert extracted.kind_at(RFC_TEXT.index(probe)) == "skip", probe
    assert extracted.kind_at(RFC_TEXT.index("Lanterns have been")) == "prose"
    assert extracted.kind_at(RFC_TEXT.index("This memo provides")) == "prose"


def test_plain_front_matter_licence_and_footer_are_skipped():
    front = read(FRONT_MATTER_TEXT, format="text")  # auto would say Markdown
    assert front.blocks[0] == Block(0, FRONT_MATTER_TEXT.index("The garden") - 1, "skip")
    licensed = read(LICENSED_TEXT)
    assert licensed.kind_at(LICENSED_TEXT.index("Permission")) == "skip"
    assert licensed.kind_at(0) == "prose"
    footer = read(FOOTER_TEXT)
    assert footer.kind_at(FOOTER_TEXT.index("Great news")) == "skip"
    assert footer.kind_at(0) == "prose"


def test_plain_licence_section_is_skipped():
    text = (
        "Garden Tools\n\nThe shed holds every tool the club owns.\n\nLicense\n\n"
        "You may share these notes with anyone.\n\nAlso any club member.\n\n"
        "History\n\nThe shed was built in 1990.\n"
    )
    extracted = read(text, format="text")
    assert extracted.kind_at(text.index("You may share")) == "skip"
    assert extracted.kind_at(text.index("Also any")) == "skip"
    assert extracted.kind_at(text.index("The shed was built")) == "prose"
    assert extracted.kind_at(text.index("The shed holds")) == "prose"


def test_boilerplate_is_left_out_of_extracted_text():
    markdown = (
        "# Tool\n\nThe tool sorts the seeds by size.\n\n## License\n\n"
        "Use it as you like.\n\n## Usage\n\nPour the seeds into the top.\n\n"
        "Released under the MIT license, see the LICENSE file.\n"
    )
    assert read(markdown).text == (
        "Tool\n\nThe tool sorts the seeds by size.\n\nUsage\n\nPour the seeds into the top."
    )
    page = (
        "<html><body><article><p>The Project Gutenberg EBook of Seeds. This eBook is for the "
        "use of anyone anywhere at no cost.</p><p>*** START OF THIS PROJECT GUTENBERG EBOOK "
        "SEEDS ***</p>"
        + "<p>Seeds grow best in warm and moist soil, as every gardener learns early on.</p>"
        * 4
        + "<p>*** END OF THIS PROJECT GUTENBERG EBOOK SEEDS ***</p><p>Updated editions will "
        "replace the previous one.</p></article></body></html>"
    )
    # "Tool / It sorts seeds by size. / Licence / This project uses the GPL-3.0 licence."
    chinese = (
        "# \u5de5\u5177\n\n\u5b83\u6309\u5927\u5c0f\u5206\u79cd\u5b50\u3002\n\n"
        "## \u8bb8\u53ef\u8bc1\n\n\u672c\u9879\u76ee\u4f7f\u7528 GPL-3.0 \u8bb8\u53ef\u8bc1\u3002\n"
    )
    assert "GPL" not in read(chinese, format="markdown").text
    text = read(page).text
    assert text.startswith("Seeds grow best") and "Gutenberg" not in text
    assert "Updated editions" not in text


def test_plain_header_block_is_skipped():
    text = "From: Ann\nTo: Bob\nSubject: Trees\n\nThe trees arrive on Monday morning.\n"
    assert read(text, format="text").kind_at(text.index("Subject")) == "skip"


def test_plain_prose_alone_has_no_blocks():
    text = "One plain sentence. Another sentence follows it, with a comma."
    assert read(text).blocks == ()
    assert plain_blocks("") == ()


def test_plain_bytes_are_decoded():
    text = "Caf\u00e9 culture grew in the city during the long summer."
    assert read(text.encode("cp1252")).text == text
    assert read(b"\xef\xbb\xbf" + text.encode("utf-8")).text == text
    assert read(text.encode("utf-16")).text == text


def test_join_lines_keeps_a_line_end_hyphen_without_the_break():
    assert join_lines("the after-\n  noon talk") == "the after-noon talk"
    assert join_lines("a  b\n c [1] .") == "a b c [1]."


# --- HTML -------------------------------------------------------------------------------


def test_html_main_content_without_navigation_scripts_or_comments():
    extracted = read(HTML_PAGE)
    _check_blocks(extracted)
    assert extracted.format == "html"
    for junk in (
        "Home",
        "Subscribe",
        "tracking",
        "font-family",
        "advertising",
        "injected",
        "Privacy",
        "All rights reserved",
        "<",
        ">",
        "&ldquo;",
    ):
        assert junk not in extracted.text, junk
    kinds = _kinds(extracted)
    assert kinds[0] == ("heading", "Harbour plan approved after long debate")
    assert ("heading", "What happens next") in kinds
    assert ("list_item", "The sea wall will be raised by two metres.") in kinds
    assert "\u201cWe were told about it in a leaflet,\u201d" in extracted.text
    assert extracted.title == "Harbour plan approved after long debate"
    assert extracted.metadata["title"] == "Harbour plan approved | The Coastal Times"


def test_html_charset_declared_in_the_page():
    page = HTML_PAGE.replace("five hours", "five hours at the caf\u00e9")
    extracted = read(page.encode("cp1252"))  # the page declares windows-1252
    assert "caf\u00e9" in extracted.text
    assert extracted.metadata["charset"] == "cp1252"
    utf8 = page.replace("windows-1252", "utf-8").encode("utf-8")
    assert "caf\u00e9" in read(utf8).text
    undeclared = page.replace('<meta charset="windows-1252">', "")
    assert "caf\u00e9" in read(undeclared.encode("utf-8")).text  # UTF-8 first
    assert "caf\u00e9" in read(undeclared.encode("cp1252")).text  # then cp1252
    # the caller's encoding (an HTTP header) wins over the page's claim
    assert "caf\u00e9" in read(page.encode("utf-8"), encoding="utf-8").text


def test_html_without_main_text_or_broken_is_an_error():
    for page in (
        "",
        "   ",
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><p>Copyright 2024 Example. All rights reserved.</p></body></html>",
    ):
        with pytest.raises(InvalidDocumentError):
            read(page, format="html")


def test_an_html_fragment_is_all_content():
    """A snippet (no doctype, html, head or body) is read block by block, not extracted."""
    html = "<h2>Notes</h2><p>First point.</p><script>x()</script><ul><li>Item one.</li></ul>"
    got = read(html, format="html")
    assert got.format == "html" and got.text == "Notes\n\nFirst point.\n\nItem one."
    assert [b.kind for b in got.blocks] == ["heading", "paragraph", "list_item"]
    for empty in ("<<<>>><<</", "<p><p><p><p><p>", "<p> </p><br><br>"):
        assert read(empty, format="html").text == ""


def test_html_needs_its_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependencyError, match=r"summarizer\[html\]"):
        read(HTML_PAGE)


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_text_without_markup_code_or_tables():
    extracted = read(MARKDOWN)
    _check_blocks(extracted)
    assert extracted.format == "markdown"
    for junk in (
        "**",
        "](",
        "```",
        "samples =",
        "| layer",
        "depth",
        "build",
        "layout",
        "geology",
        "---",
        "[x]",
        "map.png",
    ):
        assert junk not in extracted.text, junk
    kinds = _kinds(extracted)
    assert kinds[0] == ("heading", "Field trip to the quarry")
    assert ("list_item", "The top layer is rich in fossil shells.") in kinds
    assert (
        "list_item",
        "The middle layer shows clear ripple marks left by an ancient shallow sea.",
    ) in kinds
    assert ("quote", "The quarry was closed in 1962, as the guide reminded us.") in kinds
    assert "See the map for the route" in extracted.text  # link text kept, target dropped
    assert "Use load() to read" in extracted.text  # a code span keeps its words
    assert "https://example.org/quarry" in extracted.text  # an autolink is visible text
    assert extracted.title == "Notes on the field trip"
    assert extracted.metadata["date"] == "2024-05-01"


def test_markdown_needs_its_extra(monkeypatch):
    import summarizer.readers.markdown as module

    monkeypatch.setattr(module, "_parser", None)
    monkeypatch.setitem(sys.modules, "markdown_it", None)
    with pytest.raises(MissingDependencyError, match=r"summarizer\[markdown\]"):
        read(MARKDOWN)


# --- reStructuredText -------------------------------------------------------------------


def test_rst_text_without_directives_roles_or_literals():
    extracted = read(RST)
    _check_blocks(extracted)
    assert extracted.format == "rst"
    for junk in (
        "..",
        "::",
        "toctree",
        "maxdepth",
        "lamp.light",
        "keeper --start",
        ":ref:",
        "<history>",
        "https://",
        "[1]",
        "According to the harbour",
        "Author",
    ):
        assert junk not in extracted.text, junk
    kinds = _kinds(extracted)
    assert kinds[0] == ("heading", "The Lighthouse Keeper")
    assert ("heading", "History") in kinds
    assert ("list_item", "The tower was built of local granite.") in kinds
    assert "as explained in the history section and in the official guide." in extracted.text
    assert "The lamp was converted to electricity in 1921." in extracted.text  # a note
    assert "runs automatically." in extracted.text  # the footnote mark dropped
    assert extracted.title == "The Lighthouse Keeper"
    assert extracted.metadata["date"] == "2024"


def test_rst_never_reads_files_or_raw_markup(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The hidden words must not appear.")
    text = f"Title\n=====\n\n.. include:: {secret}\n\n.. raw:: html\n\n   <b>raw</b>\n\nEnd.\n"
    extracted = read(text, format="rst")
    assert "hidden" not in extracted.text and "raw" not in extracted.text


# --- e-mail -----------------------------------------------------------------------------


def test_email_body_without_headers_quotes_or_signature():
    extracted = read(EMAIL)
    _check_blocks(extracted)
    assert extracted.format == "email"
    for junk in (
        "Received",
        "ESMTP",
        "Message-ID",
        "Content-Type",
        "wrote:",
        "afford another",
        "numbers looked",
        "Coordinator",
        "555",
        "Hi all",
        "Thanks",
    ):
        assert junk not in extracted.text, junk
    assert extracted.text.startswith("I have looked at the budget again")
    assert "better rooms for the after-noon workshops." in extracted.text
    assert ("list_item", "Book the cheaper venue by Friday.") in _kinds(extracted)
    assert extracted.title == "Re: Budget for the summer school"
    assert extracted.metadata["from"] == "Ann Smith <ann@example.org>"
    assert extracted.metadata["date"] == "Tue, 3 May 2022 10:00:00 +0000"


def _multipart(plain: str | None, html: str | None) -> bytes:
    message = EmailMessage()
    message["From"] = "Ann <ann@example.org>"
    message["To"] = "Bob <bob@example.com>"
    message["Subject"] = "Garden plans"
    if plain is not None:
        message.set_content(plain, charset="iso-8859-1", cte="quoted-printable")
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="a.png")
    return message.as_bytes()


def test_email_multipart_prefers_the_plain_part_and_decodes_it():
    plain = "The caf\u00e9 garden will get new benches in June.\n"
    html = "<p>The HTML copy of the message.</p>"
    extracted = read(_multipart(plain, html))
    assert extracted.text == "The caf\u00e9 garden will get new benches in June."
    assert extracted.title == "Garden plans"


def test_email_html_only_part_is_converted_and_quotes_dropped():
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>The benches arrive on Monday &amp; the paint on Tuesday.</p>"
        "<blockquote>An older quoted message.</blockquote>"
        "<ul><li>Bring gloves.</li></ul></body></html>"
    )
    extracted = read(_multipart(None, html))
    assert extracted.text == "The benches arrive on Monday & the paint on Tuesday.\n\nBring gloves."
    assert _kinds(extracted)[1] == ("list_item", "Bring gloves.")


def test_email_without_text_or_own_words_is_an_error():
    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "picture"
    message.add_attachment(b"\x89PNG", maintype="image", subtype="png", filename="a.png")
    with pytest.raises(InvalidDocumentError, match="no text part"):
        read(message.as_bytes(), format="email")
    quoted_only = "From: a@example.org\nSubject: Re: x\n\n> all quoted\n> text\n"
    with pytest.raises(InvalidDocumentError, match="no text of its own"):
        read(quoted_only, format="email")


def test_email_with_a_malformed_header_still_reads():
    text = (
        "From: a@example.org\nTo: ;;<<@>>,\nSubject: =?utf-8?q?Caf=C3=A9?=\n\n"
        "The caf\u00e9 opens at nine.\n"
    )
    extracted = read(text, format="email")
    assert extracted.text == "The caf\u00e9 opens at nine."
    assert extracted.title == "Caf\u00e9"


def test_email_forwarded_and_original_message_are_cut():
    text = (
        "From: a@example.org\nSubject: Fwd: x\n\nPlease see the note below about parking.\n\n"
        "-----Original Message-----\nFrom: b@example.org\nSent: Monday\n\nOld text.\n"
    )
    assert read(text).text == "Please see the note below about parking."


def test_mbox_gives_each_message_a_heading():
    first = "From: a@example.org\nSubject: Trees\n\nThe trees arrive on Monday morning.\n"
    second = (
        "From: b@example.org\nSubject: Re: Trees\n\nGreat, I will bring a spade.\n\n> The trees\n"
    )
    mbox = (
        f"From a@example.org Mon May  2 09:00:00 2022\n{first}\n"
        f"From b@example.org Mon May  2 10:00:00 2022\n{second}"
    )
    extracted = read(mbox, name="list.mbox")
    assert _kinds(extracted) == [
        ("heading", "Trees"),
        ("paragraph", "The trees arrive on Monday morning."),
        ("heading", "Re: Trees"),
        ("paragraph", "Great, I will bring a spade."),
    ]
