"""E-mail (RFC 5322, MIME) and mbox files, parsed with the standard library, as plain text.

Rules
- Headers are not text: ``Subject`` is the title, and ``Subject``, ``From``,
  ``To``, ``Date`` and ``Message-ID`` go to ``metadata``.
- Body: the ``text/plain`` part (transfer encoding and charset decoded; 8-bit
  text without a charset as UTF-8, else cp1252), else
  the ``text/html`` part converted to text with the standard library's parser
  (scripts, styles and ``<blockquote>`` quotes dropped); attachments are not
  read. A message without a text part raises :class:`InvalidDocumentError`.
- Dropped from the body: quoted lines (``>``); an attribution line before a
  quote ("On Tue, 3 May 2022, Ann wrote:", "Ann <a@b.c> writes:",
  "Le ... a écrit :", "Am ... schrieb ...:"); everything after a forwarded or
  original-message separator ("-----Original Message-----", an Outlook
  ``From:``/``Sent:`` block) and after a signature separator ("-- "); a
  mailing-list footer (a line of underscores and what follows).
- Paragraphs of header fields (a bounce's copy of the headers) and
  mailing-list footers ("unsubscribe", ".../listinfo/...") are dropped.
- Greetings and closings ("Hi all,", "Thanks,\nAnn": at most six words on at
  most two lines, one ending in a comma) are dropped.
- Paragraphs (blank-line separated, hard-wrapped lines joined) are "paragraph"
  blocks; lines starting with a bullet or an enumerator are "list_item" blocks
  without the marker.
- An mbox (several messages, each starting with a ``From `` line) gives every
  message's subject as a "heading" block and its body after it.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from summarizer.errors import InvalidDocumentError
from summarizer.readers._base import Extracted, Reader, TextBuilder
from summarizer.readers._decode import decode

if TYPE_CHECKING:
    from email.message import EmailMessage, Message

__all__ = ["READER", "body_text", "read"]

_HEADER = re.compile(r"[!-9;-~]+:[^\S\n]")  # a header field name (RFC 5322: printable, no colon)
_KNOWN = re.compile(
    r"^(?:From|To|Subject|Date|Received|Message-ID|MIME-Version|Return-Path|Content-Type"
    r"|Delivered-To|Reply-To|In-Reply-To|References|X-[\w-]+):",
    re.I | re.M,
)
_MBOX_FROM = re.compile(r"^From \S+.*$", re.M)
_ATTRIBUTION = re.compile(
    r"^(?:on\b.{0,200}\bwrote:|.{0,120}\b(?:wrote|writes|schrieb|a écrit|escribió|scrisse"
    r"|napisał|skrev|schreef|kirjoitti)[^\S\n]*:?)[^\S\n]*$",
    re.I,
)
_CUT = re.compile(
    r"^(?:-{2,}[^\S\n]*(?:original message|forwarded message|ursprüngliche nachricht"
    r"|message d'origine|mensaje original)[^\S\n]*-*|_{10,}|-- ?|—{2,})[^\S\n]*$",
    re.I,
)
_OUTLOOK = re.compile(
    r"^(?:From|De|Von|Da):[^\n]+\n(?:(?:Sent|Date|Envoyé|Gesendet|Inviato):)", re.I
)
_LIST_MARKER = re.compile(r"^[^\S\n]*(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])[^\S\n]+(?=\S)")
_META = ("subject", "from", "to", "date", "message-id")


class _HtmlText(HTMLParser):
    """Text of an HTML mail part: block elements break paragraphs, quotes are dropped."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "ul",
            "ol",
            "blockquote",
            "pre",
            "hr",
            "section",
            "article",
        ]
    )
    _HIDDEN = frozenset({"script", "style", "head", "title", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n" if tag != "li" else "\n\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _html_to_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def _payload(part: Message) -> bytes:
    """A text part's body as bytes, its transfer encoding undone (b"" when it has none)."""
    payload = part.get_payload(decode=True)  # bytes, or None for a multipart
    return payload if isinstance(payload, bytes) else b""


def body_text(message: EmailMessage) -> str:
    """The message's text: its plain-text part, else its HTML part as text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InvalidDocumentError("the e-mail has no text part")
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError):  # unknown or lying charset
        content = decode(_payload(part))
    if not isinstance(content, str):
        raise InvalidDocumentError("the e-mail's text part is not text")
    if "\ufffd" in content and part.get_content_charset() in (None, "us-ascii"):
        # 8-bit text without a declared charset: UTF-8, else cp1252, as for plain text
        content = decode(_payload(part))
    if part.get_content_subtype() == "html":
        content = _html_to_text(content)
    return content


def _clean(body: str) -> list[str]:
    """The body's own lines: quotes, attributions, forwarded copies and signatures dropped."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _CUT.match(line) or _OUTLOOK.match("\n".join(lines[i : i + 2])):
            break
        if stripped.startswith(">"):
            continue
        if _ATTRIBUTION.match(stripped):
            following = next((n.strip() for n in lines[i + 1 :] if n.strip()), "")
            if following.startswith(">") or not following:
                continue
        kept.append(line)
    return kept


_FIELD_LINE = re.compile(r"[^\S\n]*[A-Za-z][\w-]{0,40}(?: [A-Za-z][\w-]*){0,2}:[^\S\n]+\S")
_LIST_FOOTER = re.compile(
    r"unsubscribe|/listinfo/|/mailman/|mailing list|you received this message because"
    r"|this message was sent to|to stop receiving|managing the list|please edit your subject"
    r"|contents of [^\n]{0,40}digest|digest, vol",
    re.I,
)


def _not_text(lines: list[str]) -> bool:
    """A block of header fields (a bounce's copy of headers) or a mailing-list footer."""
    if len(lines) >= 2 and all(_FIELD_LINE.match(line) for line in lines):
        return True
    return bool(_LIST_FOOTER.search(" ".join(lines)))


def _salutation(lines: list[str]) -> bool:
    """A greeting or closing: at most six words and two lines, one ending in a comma."""
    return (
        len(lines) <= 2
        and len(" ".join(lines).split()) <= 6
        and any(line.rstrip().endswith(",") for line in lines)
    )


def _add_body(builder: TextBuilder, lines: list[str]) -> None:
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            if not _salutation(paragraph) and not _not_text(paragraph):
                builder.add("paragraph", "\n".join(paragraph))
            paragraph.clear()

    item: list[str] | None = None
    for line in [*lines, ""]:
        marker = _LIST_MARKER.match(line)
        if not line.strip() or marker:
            if item is not None:
                builder.add("list_item", "\n".join(item))
                item = None
            flush()
            if marker:
                item = [line[marker.end() :]]
        elif item is not None and line[:1].isspace():
            item.append(line)
        else:
            if item is not None:
                builder.add("list_item", "\n".join(item))
                item = None
            paragraph.append(line)


# The standard library's header parser fails on some malformed headers with these instead
# of a defect (e.g. AttributeError from _header_value_parser on a broken address list).
_PARSER_BUGS = (AttributeError, IndexError, TypeError, ValueError, LookupError)


def _header(message: EmailMessage, name: str) -> str:
    """A header's value, decoded (RFC 2047) and on one line; "" when absent.

    Read from the raw header, so that a malformed one costs its decoding, not the
    message: the structured parser behind ``message[name]`` can fail on it.
    """
    import email.header

    for key, value in message.raw_items():
        if key.lower() == name:
            with contextlib.suppress(*_PARSER_BUGS):  # else keep the raw value
                value = str(email.header.make_header(email.header.decode_header(value)))
            return " ".join(value.split())
    return ""


def _parse(data: str | bytes) -> EmailMessage:
    import email
    import email.policy  # imported here: 30 ms that only e-mail needs

    if isinstance(data, str):  # as the bytes it was read from, so 8-bit text survives
        data = data.encode("utf-8", "surrogateescape")
    return email.message_from_bytes(data, policy=email.policy.default)


def _messages(data: str | bytes) -> list[str | bytes]:
    """One item per message: an mbox is cut at its ``From `` lines."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    starts = [
        m.start()
        for m in _MBOX_FROM.finditer(text)
        if m.start() == 0 or text[m.start() - 1] == "\n"
    ]
    if len(starts) < 1 or starts[0] != 0:
        return [data]
    bounds = [*starts, len(text)]
    pieces = []
    for a, b in itertools.pairwise(bounds):
        start = text.index("\n", a) + 1 if "\n" in text[a:b] else b
        piece = text[start:b]
        pieces.append(piece.encode("latin-1") if isinstance(data, bytes) else piece)
    return pieces


def read(data: str | bytes, encoding: str | None = None) -> Extracted:
    """An e-mail message or an mbox of them (see the module's rules)."""
    if isinstance(data, bytes) and encoding is not None:
        data = decode(data, encoding)
    messages = _messages(data)
    builder = TextBuilder()
    metadata: dict[str, str] = {}
    title = None
    for message_data in messages:
        message = _parse(message_data)
        if not any(message.keys()):
            raise InvalidDocumentError("the e-mail has no headers")
        subject = _header(message, "subject")
        if not metadata:
            for key in _META:
                value = _header(message, key)
                if value:
                    metadata[key] = value
            title = subject or None
        if len(messages) > 1 and subject:
            builder.add("heading", subject)
        try:
            body = body_text(message)
        except _PARSER_BUGS as error:
            raise InvalidDocumentError(f"the e-mail cannot be parsed: {error}") from None
        _add_body(builder, _clean(body))
    extracted = builder.build("email", title=title, metadata=metadata)
    if not extracted.blocks:
        raise InvalidDocumentError("the e-mail has no text of its own")
    return extracted


def sniff(head: str) -> bool:
    """An mbox ``From `` line, or a header block naming two well-known fields."""
    if head.startswith("From ") and "\n" in head:
        head = head.split("\n", 1)[1]
    block = head.split("\n\n", 1)[0].replace("\r", "")
    lines = block.split("\n")
    if not lines or not _HEADER.match(lines[0]):
        return False
    if not all(_HEADER.match(line) or line[:1] in (" ", "\t") for line in lines if line):
        return False
    return len(_KNOWN.findall(block)) >= 2


READER = Reader("email", (".eml", ".mbox"), sniff, read)
