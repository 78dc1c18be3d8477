"""Fetch a document over HTTP(S) with the standard library, bounded in time, size and hops.

Rules
- Only ``http`` and ``https`` URLs, and only redirects to them (at most
  ``max_redirects``, a loop counts as too many); no ``file:``, ``ftp:`` or ``data:``.
- ``timeout`` bounds the whole fetch (connecting and every read), not each read.
- ``max_bytes`` is enforced while reading: a ``Content-Length`` over it fails at
  once, and a body that runs over it fails at the first byte past it.
- Only text is fetched: a ``Content-Type`` of ``text/*``, ``*/xml``, ``*+xml``,
  ``application/xhtml+xml``, ``message/rfc822`` or ``application/json`` (or none);
  a body whose first 4 KB hold a NUL byte is binary whatever its type says.
- Every failure is one :class:`FetchError` (a kind of
  :class:`~summarizer.errors.InvalidDocumentError`) with one clear message:
  bad URL, cannot resolve the host, connection refused, timed out, HTTP status,
  too large, too many redirects, not text.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from http.client import HTTPMessage
from typing import IO, Any

from summarizer.errors import InvalidDocumentError, InvalidOptionError
from summarizer.readers._base import Extracted

__all__ = ["MAX_BYTES", "FetchError", "fetch", "format_for", "read_url"]

#: The default size cap: 20 MB, far above any article or book chapter.
MAX_BYTES = 20_000_000
_CHUNK = 65536
_TEXT_TYPES = ("application/xhtml+xml", "message/rfc822", "application/json", "application/xml")
_USER_AGENT = "summarizer/0.1 (+https://pypi.org/project/summarizer/)"


class FetchError(InvalidDocumentError):
    """A URL could not be fetched as a text document (one clear reason in the message)."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects only to http(s); a subclass sets ``max_redirections`` (see :func:`_opener`)."""

    max_repeats = 1  # the same URL twice is a loop

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme
        if scheme not in ("http", "https"):
            raise FetchError(f"redirected to a {scheme or 'relative'}: URL, not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(max_redirects: int) -> urllib.request.OpenerDirector:
    class Redirects(_Redirects):  # the limit as a class attribute, where the stdlib reads it
        max_redirections = max_redirects

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        Redirects(),
    ):
        opener.add_handler(handler)
    return opener


def _is_text(content_type: str) -> bool:
    return (
        not content_type
        or content_type.startswith("text/")
        or content_type.endswith(("+xml", "/xml"))
        or content_type in _TEXT_TYPES
    )


def _reason(error: BaseException, host: str) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror):
        return f"cannot resolve host {host!r}"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host!r}"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error with {host!r}: {reason.reason or reason}"
    if isinstance(reason, OSError):
        return f"cannot connect to {host!r}: {reason.strerror or reason}"
    return str(reason)


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = 5,
) -> tuple[bytes, str, str | None, str]:
    """GET ``url``: ``(body, content_type, charset, final_url)`` (see the module's rules).

    ``content_type`` is lower-cased without parameters ("" when the server sent
    none); ``charset`` is the header's charset parameter or ``None``.
    """
    target, host = _validate(url, timeout, max_bytes)
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(target, headers={"User-Agent": _USER_AGENT})
    response = _open(request, url, host, timeout, max_redirects)
    with response:
        headers: Message = response.headers
        content_type = headers.get_content_type() if headers.get("Content-Type") else ""
        charset = headers.get_content_charset()
        final_url = response.geturl()
        _check_headers(url, content_type, headers.get("Content-Length"), max_bytes)
        chunks = _read(response, url, host, deadline, max_bytes)
    body = b"".join(chunks)
    if b"\x00" in body[:4096]:
        raise FetchError(f"{url} is binary data, not a text document")
    return body, content_type, charset, final_url


def _validate(url: str, timeout: float, max_bytes: int) -> tuple[str, str]:
    """The options checked; the URL (http or https, with a host) to request, and its host."""
    if not isinstance(url, str):
        raise InvalidOptionError(f"url must be a str, got {type(url).__name__}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise InvalidOptionError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not (isinstance(max_bytes, int) and max_bytes > 0):
        raise InvalidOptionError(f"max_bytes must be a positive int, got {max_bytes!r}")
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")
    return parts.geturl(), parts.hostname


def _open(
    request: urllib.request.Request, url: str, host: str, timeout: float, max_redirects: int
) -> Any:
    """The response to ``request`` after redirects; every failure a FetchError."""
    try:
        return _opener(max_redirects).open(request, timeout=timeout)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise _status_error(error, url, max_redirects) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(f"cannot fetch {url}: {_reason(error, host)}") from None


def _status_error(error: urllib.error.HTTPError, url: str, max_redirects: int) -> FetchError:
    """The FetchError for an HTTP error status (the stdlib's redirect limits end as one)."""
    error.close()
    message = str(error.msg or "")
    if message.startswith(urllib.request.HTTPRedirectHandler.inf_msg[:40]):
        return FetchError(f"too many redirects (more than {max_redirects}) from {url}")
    if 300 <= error.code < 400 and "not allowed" in message:
        return FetchError(f"{url} redirected to a URL that is not http(s)")
    return FetchError(f"HTTP {error.code} {error.reason} for {url}")


def _check_headers(url: str, content_type: str, length: str | None, max_bytes: int) -> None:
    """Only text, and no Content-Length over the cap."""
    if not _is_text(content_type):
        raise FetchError(f"{url} is {content_type}, not a text document")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url} is too large: {int(length):,} bytes (limit {max_bytes:,})")


def _read(response: Any, url: str, host: str, deadline: float, max_bytes: int) -> list[bytes]:
    """The body's chunks, read within the deadline and failing at the first byte past the cap."""
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            sock = getattr(getattr(response, "fp", None), "raw", None)
            sock = getattr(sock, "_sock", None)
            if sock is not None:
                sock.settimeout(remaining)
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url} is too large: over {max_bytes:,} bytes")
            chunks.append(chunk)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"cannot fetch {url}: {_reason(error, host)}") from None
    return chunks


_FORMAT_BY_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/x-rst": "rst",
    "text/prs.fallenstein.rst": "rst",
    "message/rfc822": "email",
    "application/mbox": "email",
}


def format_for(content_type: str) -> str:
    """The reader for a content type ("auto" when the type does not decide it)."""
    return _FORMAT_BY_TYPE.get(content_type, "auto")


def read_url(
    url: str, *, timeout: float = 10.0, max_bytes: int = MAX_BYTES, format: str = "auto"
) -> Extracted:
    """Fetch ``url`` and read it: the format from ``format``, else the content type, else
    the URL's extension and the content; the charset from the header, else the document."""
    from summarizer.readers import read

    body, content_type, charset, final_url = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if format == "auto":
        format = format_for(content_type)
    name = urllib.parse.urlsplit(final_url).path
    if format == "html":
        from summarizer.readers import html

        extracted = html.read(body, charset, url=final_url)
    else:
        extracted = read(body, format, name=name, encoding=charset)
    return extracted
