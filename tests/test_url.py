"""The URL fetcher, against an HTTP server these tests start on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from summarizer.errors import InvalidDocumentError, InvalidOptionError
from summarizer.readers.url import FetchError, fetch, read_url

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Bridge news</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>The old bridge reopens</h1>"
    + "".join(
        f"<p>The old stone bridge over the river reopened on {day} after two years of repairs, "
        "and hundreds of people walked across it in the morning sun.</p>"
        for day in ("Monday", "Tuesday", "Wednesday")
    )
    + "<p>Engineers said the caf\u00e9 on the east bank had been their office.</p>"
    "</article><footer>Contact us</footer></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, code, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/hop"):  # /hop0 -> /hop1 -> ...: a chain of redirects
            n = int(self.path[4:] or 0)
            self._send(302, b"", headers=[("Location", f"/hop{n + 1}")])
        else:
            getattr(self, _ROUTES.get(self.path, "_unknown"))()

    def _article(self):
        self._send(200, ARTICLE.encode("utf-8"))

    def _latin(self):
        self._send(200, ARTICLE.encode("cp1252"), "text/html; charset=windows-1252")

    def _markdown(self):
        self._send(200, b"# Title\n\nThe **bridge** reopened.\n", "text/markdown")

    def _slow(self):
        time.sleep(3)
        self._send(200, b"late")

    def _drip(self):  # each byte on time, the whole far too late
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)

    def _missing(self):
        self._send(404, b"not here")

    def _broken(self):
        self._send(500, b"oops")

    def _big(self):
        self._send(200, b"a" * 5000, "text/plain")

    def _big_unsized(self):  # no Content-Length: the cap holds while reading
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"b" * 1000)

    def _binary(self):
        self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))

    def _image(self):
        self._send(200, b"GIF89a", "image/gif")

    def _loop(self):
        self._send(302, b"", headers=[("Location", "/loop")])

    def _moved(self):
        self._send(301, b"", headers=[("Location", "/article")])

    def _to_file(self):
        self._send(302, b"", headers=[("Location", "file:///etc/passwd")])

    def _unknown(self):
        self._send(404, b"unknown")


# Each path the server answers, and the _Handler method that answers it.
_ROUTES = {
    "/article": "_article",
    "/latin": "_latin",
    "/markdown": "_markdown",
    "/slow": "_slow",
    "/drip": "_drip",
    "/missing": "_missing",
    "/broken": "_broken",
    "/big": "_big",
    "/big-unsized": "_big_unsized",
    "/binary": "_binary",
    "/image": "_image",
    "/loop": "_loop",
    "/moved": "_moved",
    "/to-file": "_to_file",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout tests) is expected


@pytest.fixture(scope="module")
def server():
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_returns_body_type_charset_and_final_url(server):
    body, content_type, charset, final_url = fetch(server + "/moved")
    assert body == ARTICLE.encode("utf-8")
    assert (content_type, charset) == ("text/html", "utf-8")
    assert final_url == server + "/article"


def test_read_url_extracts_the_article_with_the_header_charset(server):
    extracted = read_url(server + "/latin")
    assert extracted.format == "html"
    assert "caf\u00e9 on the east bank" in extracted.text
    assert "Home" not in extracted.text and "Contact" not in extracted.text
    assert extracted.metadata["url"] == server + "/latin"
    assert read_url(server + "/markdown").text == "Title\n\nThe bridge reopened."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/binary", "binary"),
        ("/image", "image/gif, not a text document"),
        ("/loop", "too many redirects"),
        ("/hop0", "too many redirects"),
        ("/to-file", "not http\\(s\\)"),
    ],
)
def test_each_failure_is_one_clear_error(server, path, message):
    with pytest.raises(FetchError, match=message) as info:
        fetch(server + path)
    assert isinstance(info.value, InvalidDocumentError)


def test_size_cap_holds_with_and_without_content_length(server):
    with pytest.raises(FetchError, match="too large: 5,000 bytes"):
        fetch(server + "/big", max_bytes=1000)
    with pytest.raises(FetchError, match="too large: over 1,000 bytes"):
        fetch(server + "/big-unsized", max_bytes=1000)
    assert len(fetch(server + "/big-unsized", max_bytes=10_000)[0]) == 10_000


def test_timeout_bounds_the_whole_fetch(server):
    for path in ("/slow", "/drip"):
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetch(server + path, timeout=0.5)
        assert time.monotonic() - started < 2.5


def test_connection_refused_and_unknown_host(monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="connection refused"):
        fetch(f"http://127.0.0.1:{port}/")

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match=r"cannot resolve host 'nowhere\.example'"):
        fetch("http://nowhere.example/page")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "example.org", ""])
def test_only_http_urls(url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url)


def test_bad_options():
    with pytest.raises(InvalidOptionError):
        fetch("http://127.0.0.1/", timeout=0)
    with pytest.raises(InvalidOptionError):
        fetch("http://127.0.0.1/", max_bytes=-1)
