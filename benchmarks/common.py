"""Shared helpers for the benchmark scripts: data loading, run metadata, tables.

The scripts are run as files (``python benchmarks/quality.py ...``); this module
makes the checkout's ``summarizer`` importable first, so a benchmark measures the
code next to it rather than whatever happens to be installed.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _find_shared_data() -> Path:
    """``shared/data`` beside the checkout or an ancestor of it (the project's workplace only)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return ROOT.parent / "shared" / "data"


DEFAULT_DATA = _find_shared_data()

PACKAGES = ("numpy", "scipy", "scikit-learn", "nltk", "rouge-score", "sumy", "summa", "lexrank")


def ensure_hash_seed() -> None:
    """Re-run this process with ``PYTHONHASHSEED=0`` unless it already has it.

    Some peers iterate over sets of strings while summing floats; a fixed hash
    seed makes their output, and so every table, the same from run to run.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, *sys.argv], env)


def read_jsonl(path: str | Path, limit: int | None = None) -> list[dict]:
    """The records of a JSONL file (the first ``limit`` when given)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def package_versions(names: Iterable[str] = PACKAGES) -> dict[str, str]:
    """Installed version of each package, or "not installed"."""
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git(*args: str) -> str:
    try:
        r = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return r.stdout.strip() if r.returncode == 0 else ""


def run_info() -> dict:
    """Where and on what a run happened: machine, date, versions, commit, command."""
    import summarizer

    commit = _git("rev-parse", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    # the library's own last change: benchmark-only commits do not move the numbers
    lib_commit = _git("log", "-1", "--format=%H", "--", "summarizer")
    lib_dirty = bool(_git("status", "--porcelain", "--untracked-files=no", "--", "summarizer"))
    try:
        import psutil

        memory_gb = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        memory_gb = None
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "summarizer": getattr(summarizer, "__version__", "?"),
        "summarizer_path": str(Path(summarizer.__file__).parent),
        "commit": (commit[:12] + ("+dirty" if dirty else "")) if commit else "unknown",
        "summarizer_commit": (lib_commit[:12] + ("+dirty" if lib_dirty else ""))
        if lib_commit
        else "unknown",
        "packages": package_versions(),
        "nltk_data": os.environ.get("NLTK_DATA", ""),
        "load_avg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "command": " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]),
    }


def print_run_info(info: dict) -> None:
    pk = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    print(f"# {info['date']} | {info['cpu']}, {info['cores']} cores | Python {info['python']}")
    print(
        f"# summarizer {info['summarizer']}: checkout {info['commit']}, "
        f"summarizer/ last changed in {info['summarizer_commit']}"
    )
    print(f"# {pk}")
    if info.get("load_avg"):
        print(f"# load average at start (1, 5, 15 min): {info['load_avg']}")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table (readable as plain text too)."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(r: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), sep, *(line(r) for r in cells[1:])])


def write_json(path: str | Path, payload: dict) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=2, ensure_ascii=False)
        f.write("\n")


def median_seconds(call: Callable[[], object], runs: int = 5) -> float:
    """Median wall seconds of ``runs`` calls of ``call``, after one untimed warm-up call."""
    import statistics
    import time

    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
