"""The command line tool, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes | str = b"", cwd: Path | None = None):
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=data,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture
def article_file(tmp_path, article) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    return path


def test_summarizes_a_file(article_file, article):
    r = run(str(article_file))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 3
    assert all(line in article for line in lines)
    assert r.stderr == b""


def test_stdin_json(article):
    r = run("-n", "2", "--format", "json", stdin=article)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["source"] == "<stdin>"
    assert len(d["sentences"]) == 2
    for s in d["sentences"]:
        assert article[s["start"] : s["end"]] == s["text"]
        assert isinstance(s["score"], float)
    assert set(d["timings"]) == {"segment", "vectorize", "rank", "select", "total"}


def test_dash_means_stdin(article):
    r = run("-", "-n", "1", stdin=article)
    assert r.returncode == 0
    assert len(r.stdout.decode().splitlines()) == 1


def test_python_m_and_seed_sample():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert seeds, "the sample input must be in seeds/"
    r = run(str(seeds[0]))
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.decode().splitlines()) == 3


def test_several_files_text_and_json(tmp_path, article, wrapped):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(article)
    b.write_text(wrapped)
    r = run(str(a), str(b), "-n", "1")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert f"==> {a} <==" in out and f"==> {b} <==" in out
    r = run(str(a), str(b), "-n", "1", "--format", "json")
    records = json.loads(r.stdout)
    assert [x["source"] for x in records] == [str(a), str(b)]


def test_timings_flag(article_file):
    r = run(str(article_file), "--timings")
    assert r.returncode == 0
    assert "timings (ms)" in one_line(r.stderr)


def test_options_are_forwarded(article_file):
    r = run(str(article_file), "-m", "lead", "-n", "2", "--order", "score", "--format", "json")
    d = json.loads(r.stdout)
    assert d["method"] == "lead"
    assert [s["index"] for s in d["sentences"]] == [0, 1]


def test_words_and_ratio_budgets(article_file):
    d = json.loads(run(str(article_file), "-w", "30", "--format", "json").stdout)
    assert d["budget"] == {"kind": "words", "value": 30}
    d = json.loads(run(str(article_file), "-r", "0.5", "--format", "json").stdout)
    assert d["budget"] == {"kind": "ratio", "value": 0.5}


def test_empty_input_is_valid():
    r = run(stdin=b"")
    assert r.returncode == 0
    assert r.stdout == b""
    r = run("--format", "json", stdin=b"  \n")
    assert r.returncode == 0
    assert json.loads(r.stdout)["sentences"] == []


def test_deterministic_output(article_file):
    first = run(str(article_file), "-n", "4")
    second = run(str(article_file), "-n", "4")
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["-n", "0"],
        ["-n", "abc"],
        ["-r", "1.5"],
        ["-r", "0"],
        ["-w", "-3"],
        ["-n", "2", "-r", "0.5"],
        ["-n", "2", "-w", "10"],
        ["-m", "nope"],
        ["--language", "klingon"],
        ["--format", "xml"],
        ["--encoding", "no-such-codec"],
        ["--order", "random"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_exit_2_with_one_line(article_file, args):
    r = run(str(article_file), *args)
    assert r.returncode == 2
    assert one_line(r.stderr).startswith("summarizer: error:")
    assert r.stdout == b""


def test_missing_file(tmp_path):
    r = run(str(tmp_path / "nope.txt"))
    assert r.returncode == 1
    assert "no such file" in one_line(r.stderr)


def test_directory(tmp_path):
    r = run(str(tmp_path))
    assert r.returncode == 1
    assert "directory" in one_line(r.stderr)


def test_binary_file(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 8)
    r = run(str(path))
    assert r.returncode == 1
    line = one_line(r.stderr)
    assert "binary" in line and "--encoding" in line


def test_invalid_encoding_names_the_option(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 society met on Monday. The caf\u00e9 was full.".encode("cp1252"))
    r = run(str(path))
    assert r.returncode == 1
    line = one_line(r.stderr)
    assert "--encoding" in line and "utf-8" in line
    r = run(str(path), "--encoding", "cp1252")
    assert r.returncode == 0
    assert "Caf\u00e9" in r.stdout.decode()


def test_bad_file_among_good_ones_still_prints_the_good(tmp_path, article_file):
    r = run(str(article_file), str(tmp_path / "missing.txt"), "-n", "1")
    assert r.returncode == 1
    assert "missing.txt" in one_line(r.stderr)
    assert f"==> {article_file} <==" in r.stdout.decode()


def test_too_large_input_is_refused(article_file):
    r = run(str(article_file), "--max-chars", "20")
    assert r.returncode == 1
    assert "max-chars" in one_line(r.stderr)


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello there. General Kenobi.")
    d = json.loads(run(str(path), "--format", "json").stdout)
    assert not d["sentences"][0]["text"].startswith("\ufeff")


def test_help_and_version():
    r = run("--help")
    assert r.returncode == 0 and b"--sentences" in r.stdout
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith(b"summarizer ")
