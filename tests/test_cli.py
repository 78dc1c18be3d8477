"""The command line tool, run as a user runs it: in-process through ``cli.main`` with its
standard streams replaced, and in a subprocess where the OS is the point (``python -m``, pipes,
signals)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import default_signals

from summarizer import cli
from summarizer.cli import inputs as _inputs  # noqa: F401 - cli.inputs for monkeypatching

ROOT = Path(__file__).resolve().parents[1]


def run_process(*args: str, stdin: bytes | str = b""):
    """``python -m summarizer ARGS`` in a subprocess."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=120,
    )


def run(*args: str, stdin: bytes | str = b""):
    """``summarizer ARGS`` in this process (``cli.main``, streams replaced): the same
    ``returncode``, ``stdout`` and ``stderr`` (bytes) as the subprocess, much faster."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8"),
        io.TextIOWrapper(err, encoding="utf-8"),
    )
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        try:
            status = cli.main(list(args))
        except SystemExit as exc:  # argparse: usage errors, --help, --version
            status = exc.code
        for stream in streams[1:]:
            stream.flush()
        result = subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return result


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
    assert set(d["timings"]) == {"read", "segment", "vectorize", "rank", "select", "total"}


def test_dash_means_stdin(article):
    r = run("-", "-n", "1", stdin=article)
    assert r.returncode == 0
    assert len(r.stdout.decode().splitlines()) == 1


@pytest.mark.slow
def test_python_m_and_seed_sample():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert seeds, "the sample input must be in seeds/"
    r = run_process(str(seeds[0]))
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


def test_diversity_is_forwarded(article_file, article):
    from summarizer import summarize

    picks = {}
    for value in ("0", "1"):
        d = json.loads(run(str(article_file), "--diversity", value, "--format", "json").stdout)
        picks[value] = [s["index"] for s in d["sentences"]]
        assert picks[value] == [s.index for s in summarize(article, diversity=float(value))]
    assert picks["0"] != picks["1"]  # so the flag visibly reached the ranking


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
        ["--diversity", "1.5"],
        ["--diversity", "x"],
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


# --- Many documents: --jsonl, --jobs, --fit-idf / --idf ---


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def without_timings(stdout: bytes) -> list[dict]:
    records = [json.loads(line) for line in stdout.decode().splitlines()]
    for r in records:
        del r["timings"]
    return records


def test_jsonl_in_jsonl_out(article, wrapped):
    data = jsonl({"id": "a-1", "article": article}, "", {"article": wrapped, "other": 1})
    r = run("--jsonl", "--text-field", "article", "-n", "2", stdin=data)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    first, second = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert (first["id"], first["line"], first["source"]) == ("a-1", 1, "<stdin>")
    assert "id" not in second and second["line"] == 3
    for record, text in ((first, article), (second, wrapped)):
        assert len(record["sentences"]) == 2
        assert record["summary"] == "\n".join(
            " ".join(s["text"].split()) for s in record["sentences"]
        )
        for s in record["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]


def test_jsonl_bad_lines_are_reported_by_number_and_skipped(tmp_path, article):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        jsonl(
            {"id": 1, "text": article},
            "{not json",
            [1, 2],
            {"id": 4, "body": article},
            {"id": 5, "text": 42},
            {"id": 6, "text": article},
            {"id": 7, "text": article * 2},
        )
    )
    r = run("--jsonl", str(path), "-n", "1", "--max-chars", str(len(article) + 1))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr.decode()
    errors = r.stderr.decode().splitlines()
    assert [e.split(": ")[2].rsplit(":", 1)[1] for e in errors] == ["2", "3", "4", "5", "7"]
    assert "longer than --max-chars" in errors[4]
    assert all(e.startswith(f"summarizer: error: {path}:") for e in errors)
    assert "invalid JSON" in errors[0] and "--text-field" in errors[2]
    assert [x["id"] for x in without_timings(r.stdout)] == [1, 6]


@pytest.mark.slow
def test_jobs_give_the_same_output(tmp_path, article, wrapped, capsys):
    from summarizer import summarize
    from summarizer.cli import main

    texts = [article, wrapped, article[: len(article) // 2], ""] * 5
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl(*({"id": i, "text": t} for i, t in enumerate(texts))))
    two = run("--jsonl", str(path), "-n", "2", "-m", "lexrank", "--jobs", "2")
    assert two.returncode == 0, two.stderr
    expected = []
    for i, text in enumerate(texts):
        summary = summarize(text, 2, method="lexrank")
        record = {"source": str(path), "line": i + 1, "id": i, "summary": str(summary)}
        expected.append({**record, **summary.to_dict()})
        del expected[-1]["timings"]
    assert without_timings(two.stdout) == expected
    files = []
    for i, text in enumerate(texts[:6]):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text)
    files.insert(2, tmp_path / "missing.txt")
    two = run(*map(str, files), "-n", "1", "-j", "2")
    assert main([*map(str, files), "-n", "1"]) == two.returncode == 1  # in-process, one job
    one = capsys.readouterr()
    assert two.stdout.decode() == one.out and two.stderr.decode() == one.err
    assert "missing.txt: no such file" in one_line(two.stderr)


def test_fit_idf_then_summarize_with_it(tmp_path, article, wrapped):
    from summarizer import Summarizer

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl({"text": article}, {"text": wrapped}, "oops"))
    idf = tmp_path / "idf.json"
    r = run("--jsonl", str(corpus), "--fit-idf", str(idf))
    assert r.returncode == 1 and "corpus.jsonl:3: invalid JSON" in one_line(r.stderr)
    assert r.stdout == b""
    fitted = Summarizer.load(idf)
    assert fitted.frequencies.n_documents == 2
    text = tmp_path / "a.txt"
    text.write_text(article)
    r = run(str(text), "--idf", str(idf), "-m", "lexrank", "-n", "2")
    assert r.returncode == 0, r.stderr
    expected = Summarizer.load(idf, method="lexrank").summarize(article, 2)
    assert r.stdout.decode() == str(expected) + "\n"


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--jsonl", "--encoding", "utf-16"], 2, "ASCII-compatible"),
        (["--idf", "{missing}"], 1, "no such file"),
        (["--idf", "{article}"], 1, "not a saved summarizer"),
        (["--jobs", "0"], 2, "positive integer"),
    ],
)
def test_many_documents_option_errors(tmp_path, article_file, args, status, message):
    values = {"missing": str(tmp_path / "nope.json"), "article": str(article_file)}
    r = run(str(article_file), *(a.format(**values) for a in args))
    assert r.returncode == status
    assert message in one_line(r.stderr)
    assert r.stdout == b""


def test_progress_without_tqdm_is_a_usage_error(article_file, monkeypatch, capsys):
    from summarizer.cli import main

    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm` fail
    assert main([str(article_file), "--progress"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "summarizer[progress]" in err
    assert main([str(article_file), "--no-progress", "-n", "1"]) == 0


# --- robustness: hostile files, pipes, signals, encodings ----------------------------------------
# Subprocesses only where the OS is the point (pipes, signals, permissions); the rest runs
# cli.main in-process with its standard streams replaced, which is much faster.


def strict_json(data: bytes | str):
    """Parse JSON, refusing NaN and Infinity (which json.loads accepts by default)."""

    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(data, parse_constant=refuse)


def main_io(*args: str, stdin: bytes = b"", encoding: str = "utf-8", monkeypatch):
    """Run cli.main in-process with byte streams; returns (status, stdout bytes, stderr text)."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_bytes, encoding=encoding))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_bytes, encoding="utf-8"))
    try:
        status = cli.main(list(args))
    except SystemExit as exc:  # argparse: usage errors, --help
        status = exc.code
    sys.stdout.flush()
    sys.stderr.flush()
    return status, out_bytes.getvalue(), err_bytes.getvalue().decode()


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("summarizer: error: ")
    return err


def many_sentences(n: int) -> str:
    return "".join(f"Sentence number {i} talks about topic {i % 7} at length. " for i in range(n))


@pytest.mark.slow
def test_head_closing_the_pipe_is_quiet(tmp_path):
    """`summarizer ... | head -1`: no traceback, no "Exception ignored" noise, status 0 or 141."""
    path = tmp_path / "long.txt"
    path.write_text(many_sentences(3000))  # about 160 KB of output: more than a pipe holds
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for files, fmt in (([path], "text"), ([path], "json"), ([path, path, path], "text")):
        command = [sys.executable, "-m", "summarizer", *map(str, files), "-m", "lead", "-r", "1"]
        proc = subprocess.Popen(
            [*command, "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        assert proc.stdout.readline()  # read one line, then hang up
        proc.stdout.close()
        stderr = proc.stderr.read()
        assert proc.wait(timeout=120) in (cli.EXIT_OK, cli.EXIT_PIPE)
        assert stderr == b""


def _blocked_reading_stdin(pid: int) -> bool | None:
    """True when the process sleeps in read(0, ...); None if /proc cannot tell."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None
    read_syscalls = {"0", "63"}  # read on x86-64, on arm64
    return state == "S" and len(fields) > 1 and fields[0] in read_syscalls and fields[1] == "0x0"


@pytest.mark.slow
def test_ctrl_c_while_reading_stdin_exits_130_without_traceback():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=default_signals,
    )
    proc.stdin.write(b"The first part of the text arrives. The rest never comes")
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        blocked = _blocked_reading_stdin(proc.pid)
        if blocked is None:  # no /proc: give the imports ample time instead
            time.sleep(5)
            break
        if blocked:
            break
        time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("the CLI never blocked reading standard input")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == cli.EXIT_INTERRUPT
    assert err == b"" and out == b""


def test_ctrl_c_while_the_modules_load_exits_130(monkeypatch):
    """The ``summarizer`` command's entry point: a Ctrl-C during the imports is no traceback."""
    import types

    from summarizer.__main__ import run

    class Loading(types.ModuleType):
        def __getattr__(self, name):
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "summarizer.cli", Loading("summarizer.cli"))
    assert run() == cli.EXIT_INTERRUPT


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading "
    "(test_read_errors_are_one_line covers the same path)",
)
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("You may not read this. Nobody may.")
    path.chmod(0)
    try:
        r = run(str(path))
    finally:
        path.chmod(0o600)
    assert r.returncode == 1
    assert "permission denied" in one_line(r.stderr)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error"),
        (IsADirectoryError(21, "Is a directory"), "is a directory"),
    ],
)
def test_read_errors_are_one_line(tmp_path, monkeypatch, error, expected):
    path = tmp_path / "a.txt"
    path.write_text("Readable text. In principle.")

    def failing_open(*args, **kwargs):
        raise error

    monkeypatch.setattr(cli.inputs, "open", failing_open, raising=False)
    status, out, err = main_io(str(path), monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and out == b""
    assert expected in one_error_line(err)


def test_file_names_with_control_characters_stay_on_one_line(tmp_path, monkeypatch):
    status, _, err = main_io(str(tmp_path / "bad\nname.txt"), monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT
    assert "no such file" in one_error_line(err) and "\\n" in err


def test_closed_stdin_and_stdout_are_one_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", None)
    assert cli.main([]) == cli.EXIT_INPUT
    assert "standard input is closed" in one_error_line(capsys.readouterr().err)
    monkeypatch.setattr(sys, "stdout", None)
    assert cli.main([]) == cli.EXIT_INPUT
    assert "standard output is closed" in one_error_line(capsys.readouterr().err)


def test_unexpected_failure_is_one_line_not_a_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.Summarizer, "summarize", broken)
    status, _, err = main_io(stdin=b"Fine text. Really.", monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT
    assert "internal error" in one_error_line(err) and "boom" in err


def test_utf16_file_is_recognised_and_named(tmp_path, monkeypatch):
    path = tmp_path / "wide.txt"
    path.write_text("Wide text is still text. It has two sentences.", encoding="utf-16")
    status, _, err = main_io(str(path), monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and "--encoding utf-16" in one_error_line(err)
    status, out, _ = main_io(str(path), "--encoding", "utf-16", monkeypatch=monkeypatch)
    assert status == 0 and b"Wide text" in out


def test_invalid_cp1252_bytes_suggest_another_encoding(tmp_path, monkeypatch):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Undefined in cp1252: \x81. Fine in latin-1.")
    status, _, err = main_io(str(path), "--encoding", "cp1252", monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and "--encoding latin-1" in one_error_line(err)
    status, out, _ = main_io(str(path), "--encoding", "latin-1", monkeypatch=monkeypatch)
    assert status == 0 and "\x81".encode() in out


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex"])
def test_non_text_codecs_are_a_usage_error(article_file, codec, monkeypatch):
    status, out, err = main_io(str(article_file), "--encoding", codec, monkeypatch=monkeypatch)
    assert status == cli.EXIT_USAGE and out == b""
    assert "text encoding" in one_error_line(err)


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 3 GB that take no disk space
        handle.truncate(3 * 10**9)

    class Unread(io.FileIO):
        def read(self, *args):
            raise AssertionError("read a file already known to be too large")

    monkeypatch.setattr(cli, "open", lambda name, mode: Unread(name, mode), raising=False)
    status, _, err = main_io(str(path), "--max-chars", "1000", monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and "--max-chars 1,000" in one_error_line(err)


def test_too_many_characters_after_decoding(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("\u00e9" * 30)  # 60 bytes, 30 characters
    assert main_io(str(path), "--max-chars", "30", monkeypatch=monkeypatch)[0] == 0
    status, _, err = main_io(str(path), "--max-chars", "29", monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and "--max-chars 29" in one_error_line(err)
    status, _, err = main_io("--max-chars", "5", stdin=b"x" * 100, monkeypatch=monkeypatch)
    assert status == cli.EXIT_INPUT and "standard input" in one_error_line(err)


def test_max_chars_0_means_no_limit(tmp_path, monkeypatch, article):
    path = tmp_path / "a.txt"
    path.write_text(article)
    for args, stdin in (((str(path),), b""), ((), article.encode())):
        status, out, err = main_io(*args, "--max-chars", "0", stdin=stdin, monkeypatch=monkeypatch)
        assert (status, err) == (0, "") and out.decode().count("\n") == 3


def test_fit_idf_skips_a_jsonl_record_over_max_chars(tmp_path, article, wrapped):
    from summarizer import Summarizer

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl({"text": wrapped}, {"text": article * 3}, {"text": wrapped}))
    idf = tmp_path / "idf.json"
    r = run("--jsonl", str(corpus), "--fit-idf", str(idf), "--max-chars", str(len(article) * 2))
    message = one_line(r.stderr)
    assert r.returncode == 1 and "corpus.jsonl:2: longer than --max-chars" in message
    assert Summarizer.load(idf).frequencies.n_documents == 2


def test_jsonl_output_parses_on_a_stdout_that_is_not_utf8(tmp_path, monkeypatch):
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl({"text": "Caf\u00e9 cr\u00e8me is on the menu. It costs \u20ac3."}))
    status, out, _ = main_io("--jsonl", str(path), encoding="ascii", monkeypatch=monkeypatch)
    record = json.loads(out.decode("ascii"))
    assert status == 0 and record["summary"].startswith("Caf\u00e9 cr\u00e8me")


HOSTILE_INPUTS = {
    "empty": b"",
    "blank": b" \n\t\r\n ",
    "punctuation": b"?!... ;;; --- ...",
    "control characters": b"\x01\x02\x1b[31mred\x1b[0m\x07. Bell\x7f.",
    "emoji and scripts": "\U0001f600 \u4e2d\u6587\u3002 \u05e9\u05dc\u05d5\u05dd. \u0645.".encode(),
    "line separators": "One\u2028two\u2029three\x85four. Five.".encode(),
    "html": b"<html><body><p>Hello.</p><script>x = '</p>';</script></body></html>",
    "json specials": b'Quotes " and backslashes \\ and tabs\t. "Nested \\" quote."',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_INPUTS))
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_json_output_is_always_valid(name, encoding, monkeypatch):
    data = HOSTILE_INPUTS[name]
    status, out, err = main_io(
        "--format", "json", stdin=data, encoding=encoding, monkeypatch=monkeypatch
    )
    assert status == 0 and err == ""
    record = strict_json(out)
    text = record.get("text", data.decode())  # the extracted text, for input that is not plain
    for s in record["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
    if any(c.isalnum() for c in text):
        assert record["sentences"]


def test_json_array_stays_valid_around_a_bad_file(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text("Caf\u00e9 \u4e2d\u6587 \U0001f600. Second sentence here.")
    files = [str(good), str(tmp_path / "missing.txt"), str(tmp_path), str(good)]
    for encoding in ("utf-8", "ascii"):
        status, out, err = main_io(
            *files, "--format", "json", encoding=encoding, monkeypatch=monkeypatch
        )
        assert status == cli.EXIT_INPUT and err.count("\n") == 2
        records = strict_json(out)
        assert [r["source"] for r in records] == [str(good), str(good)]
        assert "Caf\u00e9" in records[0]["sentences"][0]["text"]


def test_text_output_on_an_ascii_terminal_is_escaped_not_a_crash(monkeypatch):
    status, out, err = main_io(
        stdin="Caf\u00e9 society.".encode(), encoding="ascii", monkeypatch=monkeypatch
    )
    assert status == 0 and err == "" and out == b"Caf\\xe9 society.\n"


class FullDisk(io.RawIOBase):
    """A stdout whose every write fails as on a full disk."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize(
    "args",
    [
        ["-n", "1", "{a}"],
        ["-n", "1", "{a}", "{b}"],
        ["-n", "1", "--format", "json", "{a}", "{b}"],
        ["-n", "1", "--format", "html", "{a}"],
        ["-n", "1", "--format", "markdown", "{a}"],
        ["-n", "1", "--jsonl", "{j}"],
    ],
)
def test_a_full_disk_is_one_clear_line_and_exit_1(tmp_path, monkeypatch, capsys, args):
    """Finding 9 of issue 16: ``> /dev/full`` was an "internal error ... please report it"."""
    a, b, j = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "j.jsonl"
    a.write_text(many_sentences(20))
    b.write_text(many_sentences(30))
    j.write_text(json.dumps({"text": many_sentences(20)}) + "\n")
    stdout = io.TextIOWrapper(io.BufferedWriter(FullDisk()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(cli, "_silence_stdout", lambda: None)  # not fd 1 of the test runner
    status = cli.main([arg.format(a=a, b=b, j=j) for arg in args])
    err = capsys.readouterr().err
    assert status == cli.EXIT_INPUT
    assert err == "summarizer: error: cannot write the output: No space left on device\n"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("extra", [[], ["--format", "json"], ["--jobs", "2"]])
def test_output_to_dev_full(tmp_path, extra):
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(many_sentences(40 + i))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "summarizer", "-n", "2", *extra, *map(str, paths)],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    assert proc.returncode == cli.EXIT_INPUT
    assert proc.stderr == b"summarizer: error: cannot write the output: No space left on device\n"


def test_names_with_unprintable_characters_are_escaped(tmp_path):
    """Finding 9 of issue 16: a file name with a newline could forge a ``==> name <==`` header
    or a line of its own among the error messages."""
    forged = tmp_path / "a\n==> forged <=="
    forged.write_text(many_sentences(5))
    (tmp_path / "b").write_text(many_sentences(5))
    result = run("-n", "1", str(forged), str(tmp_path / "b"))
    headers = [line for line in result.stdout.decode().splitlines() if line.startswith("==>")]
    assert headers == [f"==> {str(forged)!a} <==", f"==> {tmp_path / 'b'} <=="]
    records = tmp_path / "x\ny\x1b[31m.jsonl"
    records.write_text('{"text": "A short text. Two sentences."}\n{"txt": 1}\n[1]\n')
    result = run("--jsonl", "-n", "1", "--timings", str(records))
    assert result.returncode == cli.EXIT_INPUT
    errors = result.stderr.decode().splitlines()
    shown = ascii(str(records))
    assert len(errors) == 3 and all(line.count(shown) == 1 for line in errors), errors
    assert "\x1b" not in result.stderr.decode()
    assert json.loads(result.stdout)["source"] == str(records)  # the data keeps the real name
