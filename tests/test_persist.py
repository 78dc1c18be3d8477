"""Saved state: plain versioned JSON, written only over regular files, read within bounds."""

from __future__ import annotations

import gzip
import json
import os
import stat

import pytest

from summarizer import persist
from summarizer.errors import InvalidFileError
from summarizer.vectorize import DocumentFrequencies


def test_frequencies_round_trip_as_plain_data():
    f = DocumentFrequencies()
    f.update([["cat", "dog"], ["cat"]])
    f.update([["dog", "eel"]])
    data = persist.frequencies_to_dict(f)
    assert data == {
        "version": 1,
        "n_documents": 2,
        "document_frequencies": {"cat": 1, "dog": 2, "eel": 1},
    }
    assert persist.frequencies_from_dict(data) == f


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ([1, 2], "expected an object"),
        ({"n_documents": 1, "document_frequencies": {}}, "version"),
        ({"version": 99, "n_documents": 1, "document_frequencies": {}}, "newer"),
        ({"version": 1, "n_documents": -1, "document_frequencies": {}}, "n_documents"),
        ({"version": 1, "n_documents": 10**400, "document_frequencies": {}}, "n_documents"),
        ({"version": 1, "n_documents": 2, "document_frequencies": []}, "term -> count"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": 3}}, "'a'"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": 1.5}}, "'a'"),
        ({"version": 1, "n_documents": 2, "document_frequencies": {"a": True}}, "'a'"),
    ],
)
def test_frequencies_from_bad_data(data, match):
    with pytest.raises(InvalidFileError, match=match):
        persist.frequencies_from_dict(data)


def test_write_is_atomic_reproducible_and_keeps_the_mode(tmp_path):
    path = tmp_path / "state.json.gz"
    persist.write_state(path, {"a": 1})
    first = path.read_bytes()
    assert json.loads(gzip.decompress(first)) == {"a": 1}
    path.chmod(0o600)
    persist.write_state(path, {"a": 1})
    assert path.read_bytes() == first and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["state.json.gz"]  # no temporary left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_write_refuses_what_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InvalidFileError, match="not a regular file"):
        persist.write_state(fifo, {"a": 1})
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # left alone
    with pytest.raises(InvalidFileError, match="not a regular file"):
        persist.write_state(tmp_path, {"a": 1})
    link = tmp_path / "link"
    link.symlink_to(os.devnull)
    with pytest.raises(InvalidFileError, match="not a regular file"):
        persist.write_state(link, {"a": 1})
    assert os.path.islink(link)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_read_refuses_fifos_and_devices_without_blocking(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # no writer: a plain open() would block forever
    with pytest.raises(InvalidFileError, match="not a regular file"):
        persist.read_state(fifo)
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    with pytest.raises(InvalidFileError, match="not a regular file"):
        persist.read_state(link)


def test_read_is_bounded_compressed_and_inflated(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000 + b"{}")
    with pytest.raises(InvalidFileError, match="larger than 1,000 bytes"):
        persist.read_state(big, limit=1000)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b"[" + b" " * 10_000_000 + b"]"))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InvalidFileError, match="inflates to more than"):
        persist.read_state(bomb, limit=1_000_000)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"\xff\xfe{}", "not a saved summarizer"),
        (gzip.compress(b"{}")[:-4], "not a saved summarizer"),
    ],
)
def test_malformed_files_are_invalid_file_errors(tmp_path, content, match):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InvalidFileError, match=match):
        persist.read_state(path)


def _saved(**changes) -> bytes:
    from summarizer import Summarizer

    state = Summarizer().fit(["Dogs bark.", "Cats sleep."]).to_dict()
    for key, value in changes.items():
        where, name = key.split("__")
        state[where][name] = value
    return json.dumps(state).encode()


@pytest.mark.parametrize(
    "content",
    [
        _saved(frequencies__n_documents=10**400),  # loaded, then every summary overflowed
        _saved(options__keywords=10**30),  # loaded, then every summary failed
        _saved(options__max_chars=10**30).replace(b"0" * 30, b"9" * 5000),  # > 4300 digits
        _saved(options__diversity=float("nan")),
        _saved(options__method=["textrank"]),
        b'{"format": "summarizer", "version": 2, "options": ' + b"[" * 50_000 + b"]" * 50_000,
        gzip.compress(b"[" * 1_000_000 + b"]" * 1_000_000),
    ],
)
def test_summarizer_load_turns_malformed_files_into_invalid_file_errors(tmp_path, content):
    """Findings 6 and 7 of issue 16, through the API: a file either loads and summarizes, or
    is refused as InvalidFileError when loaded."""
    from summarizer import Summarizer

    path = tmp_path / ("state.json.gz" if content[:2] == b"\x1f\x8b" else "state.json")
    path.write_bytes(content)
    with pytest.raises(InvalidFileError):
        Summarizer.load(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_summarizer_save_and_load_leave_special_files_alone(tmp_path):
    """Findings 5 and 6 of issue 16: save replaced a FIFO or a device with a JSON file; load
    blocked on a FIFO without a writer and read /dev/zero for ever."""
    from summarizer import Summarizer

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    device = tmp_path / "device"
    device.symlink_to("/dev/zero" if os.path.exists("/dev/zero") else os.devnull)
    for path in (fifo, device):
        with pytest.raises(InvalidFileError, match="not a regular file"):
            Summarizer().save(path)
        with pytest.raises(InvalidFileError, match="not a regular file"):
            Summarizer.load(path)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and device.is_symlink()
