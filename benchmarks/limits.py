"""How time and memory grow with input size: the measurements behind ``DEFAULT_MAX_CHARS``.

Each case runs ``summarize()`` once in a fresh process (limit disabled) under an
address-space cap, and reports wall seconds per stage and the process's peak RSS.
Inputs, each cut or repeated to the given number of characters (1 MB = 10**6 chars):

- ``sotu``: State of the Union addresses concatenated in file order (needs ``--data``);
- ``char``: one repeated character (one huge "sentence", one word);
- ``sentence``: one sentence repeated (many identical sentences);
- ``short``: tiny sentences that all share a word ("Go 1. Go 2. ..."): a dense graph;
- ``words``: distinct-looking words with no punctuation at all (one huge sentence).

Run (from the repository root; prints a Markdown table):

    PYTHONPATH=. python benchmarks/limits.py --data ../shared/data/long/state_union \\
        --sizes 1,5,10,50 --kinds sotu,char,sentence,short,words [--ratio 0.2]

A case that exceeds ``--timeout`` seconds or the ``--max-gb`` address-space cap is
reported as such (``timeout`` / ``out of memory``) instead of taking the machine down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

KINDS = ("sotu", "char", "sentence", "short", "words")


def make_text(kind: str, n_chars: int, data: Path | None) -> str:
    """The input of one case: exactly ``n_chars`` characters (up to a cut mid-word)."""
    if kind == "sotu":
        if data is None:
            raise SystemExit("--data is required for the sotu input")
        files = sorted(data.glob("*.txt"))
        if not files:
            raise SystemExit(f"no .txt files in {data}")
        unit = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    elif kind == "char":
        unit = "a"
    elif kind == "sentence":
        unit = "The committee approved the budget for the new bridge. "
    elif kind == "short":
        unit = "".join(f"Go {i}. " for i in range(1000))
    elif kind == "words":
        unit = " ".join(f"w{i:x}" for i in range(1000)) + " "
    else:
        raise SystemExit(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    return (unit * (n_chars // len(unit) + 1))[:n_chars]


def child(kind: str, n_chars: int, method: str, data: Path | None, ratio: float | None) -> None:
    """Measure one case in this process and print it as JSON."""
    from summarizer import summarize

    text = make_text(kind, n_chars, data)
    summarize("Warm up the imports. Then measure.", method=method)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    summary = summarize(text, method=method, max_chars=None, ratio=ratio)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "sentences": summary.n_sentences,
                "seconds": seconds,
                "timings": summary.timings,
                "rss_before_mb": rss_before / 1024,
                "peak_mb": peak / 1024,
            }
        )
    )


def run_case(kind, n_chars, method, data, max_gb, timeout, ratio=None) -> dict:
    cap = int(max_gb * 2**30)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    cmd = [sys.executable, __file__, "--child", kind, str(n_chars), method, str(data or "")]
    cmd.append("" if ratio is None else repr(ratio))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        r = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=limit, env=env
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timeout > {timeout:g} s"}
    if r.returncode != 0:
        oom = "MemoryError" in r.stderr or "Unable to allocate" in r.stderr or r.returncode < 0
        return {"error": f"out of memory (> {max_gb:g} GB)" if oom else r.stderr.strip()[-200:]}
    return json.loads(r.stdout)


def _median(runs: list[dict]) -> dict:
    """Per-field medians of several runs of one case."""
    middle = len(runs) // 2

    def med(values):
        values = sorted(values)
        return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2

    return {
        "sentences": runs[0]["sentences"],
        "seconds": med(r["seconds"] for r in runs),
        "timings": {k: med(r["timings"][k] for r in runs) for k in runs[0]["timings"]},
        "peak_mb": med(r["peak_mb"] for r in runs),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, n_chars, method, data, ratio = argv[1:6]
        budget = float(ratio) if ratio else None
        child(kind, int(n_chars), method, Path(data) if data else None, budget)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="folder of State of the Union .txt files")
    parser.add_argument("--sizes", default="1,5,10,50", help="sizes in MB (10**6 characters)")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--method", default="textrank")
    parser.add_argument(
        "--ratio", type=float, help="summary budget as a fraction of the sentences (default: 3)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--max-gb", type=float, default=6.0, help="address-space cap per case")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; medians are shown")
    args = parser.parse_args(argv)
    print(
        f"method {args.method}; one fresh process per run, median of {args.repeat}; "
        "seconds are wall time of summarize()"
    )
    print()
    budget = "3 sentences" if args.ratio is None else f"ratio={args.ratio:g}"
    print(f"budget: {budget}")
    print(
        "| input | MB | sentences | seconds | segment | vectorize | rank | select | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows: list[dict] = []
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            n_chars = int(float(size) * 1_000_000)
            runs = [
                run_case(
                    kind, n_chars, args.method, args.data, args.max_gb, args.timeout, args.ratio
                )
                for _ in range(args.repeat)
            ]
            r = next((run for run in runs if "error" in run), None) or _median(runs)
            rows.append({"input": kind, "mb": float(size), **r})
            if "error" in r:
                print(f"| {kind} | {size} | - | {r['error']} | | | | | |", flush=True)
                continue
            t = r["timings"]
            print(
                f"| {kind} | {size} | {r['sentences']:,} | {r['seconds']:.2f} | "
                f"{t['segment']:.2f} | {t['vectorize']:.2f} | {t['rank']:.2f} | "
                f"{t['select']:.2f} | {r['peak_mb']:.0f} |",
                flush=True,
            )
    if args.json:
        settings = {"method": args.method, "ratio": args.ratio, "repeat": args.repeat}
        args.json.write_text(json.dumps({**settings, "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
