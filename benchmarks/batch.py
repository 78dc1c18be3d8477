"""Many documents: worker-process throughput, and flat memory when streaming through the CLI.

    python benchmarks/batch.py throughput DATA.jsonl [--repeat 10] [--runs 5]
    python benchmarks/batch.py stream DATA.jsonl [--docs 10000 100000] [--jobs 1 2]

``throughput`` summarizes the articles of DATA (e.g. BBC dev) ``--repeat`` times
over with ``summarize_many``: in this process (``n_jobs=1``), through one worker
process (to show the IPC cost alone) and through two. Each configuration runs
in its own fresh process, configurations interleaved, ``--runs`` times; medians
are reported. "steady" is the rate over the second half of the results (pool
start-up, cold caches and the summarizing done in this process while workers
start are over by then); "end to end" includes everything. Because the
machine may be shared, it also reports CPU time per document in the steady
window summed over every process (parent, fork server, workers): the part of
the parallel speed-up that does not depend on other people's load.

``stream`` writes ``--docs`` short documents (2-4 consecutive paragraphs of the
DATA articles, with ids) to a temporary JSONL file, runs ``summarizer --jsonl``
on it as a user would, and samples the resident memory of the CLI and its
workers every 50 ms: the CLI's RSS, and the PSS summed over the CLI, the fork
server and the workers (shared pages counted once). Flat memory means the peak
does not grow with ``--docs``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_articles(path: str, field: str = "article") -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)[field] for line in handle if line.strip()]


# --- throughput -------------------------------------------------------------------------------

CONFIGS = {"in-process": 1, "1 worker process": 1, "2 worker processes": 2}


def throughput_child(args: argparse.Namespace) -> None:
    """One configuration in a fresh process: prints a JSON line of timings."""
    from summarizer import Summarizer, summarize_many
    from summarizer.batch import _context, _parallel

    corpus = load_articles(args.data)
    summarizer = Summarizer()
    for text in corpus[:50]:  # warm-up: imports and the first stems, as in every speed run
        summarizer.summarize(text)
    texts = [t for _ in range(args.repeat) for t in corpus]
    budget = {"sentences": 3, "ratio": None, "words": None, "chars": None}
    half = len(texts) // 2
    t0 = time.perf_counter()
    if args.config == "in-process":
        results = summarize_many(texts, 3, summarizer=summarizer, n_jobs=1)
    elif args.config == "1 worker process":  # n_jobs=1 never starts a pool; call it directly
        results = _parallel(summarizer, texts, budget, 1, 32, _context(None, 2))
    else:
        results = summarize_many(texts, 3, summarizer=summarizer, n_jobs=CONFIGS[args.config])
    arrivals = []
    cpu = {}  # CPU seconds of this process and all its descendants (fork server, workers)
    for i, _ in enumerate(results, 1):
        arrivals.append(time.perf_counter())
        if i in (half, len(texts)):  # the workers are still alive at both points
            cpu[i] = tree_cpu_seconds()
    end = arrivals[-1]
    steady_docs = len(texts) - half
    print(
        json.dumps(
            {
                "docs": len(texts),
                "seconds": end - t0,
                "first_result_s": arrivals[0] - t0,
                "end_to_end_docs_s": len(texts) / (end - t0),
                "steady_docs_s": steady_docs / (end - arrivals[half - 1]),
                "steady_cpu_ms_per_doc": 1000 * (cpu[len(texts)] - cpu[half]) / steady_docs,
            }
        )
    )


def tree_cpu_seconds() -> float:
    """User + system CPU seconds of this process and its live descendants."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for proc in [me, *me.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def throughput(args: argparse.Namespace) -> None:
    runs: dict[str, list[dict]] = {name: [] for name in CONFIGS}
    for _ in range(args.runs):
        for name in CONFIGS:  # interleaved, so machine load hits every configuration alike
            command = [sys.executable, __file__, "_child", args.data, name, str(args.repeat)]
            out = subprocess.run(command, capture_output=True, text=True, check=True, env=_env())
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    median = {
        name: {key: statistics.median(r[key] for r in rs) for key in rs[0]}
        for name, rs in runs.items()
    }
    base = median["in-process"]
    docs = int(base["docs"])
    print(f"{docs} documents ({args.repeat} passes over {args.data}); medians of {args.runs} runs")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(
        "| configuration | end to end docs/s | steady docs/s | first result s | x steady "
        "| x end to end | steady CPU ms/doc (all processes) |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, m in median.items():
        print(
            f"| {name} | {m['end_to_end_docs_s']:.0f} | {m['steady_docs_s']:.0f} "
            f"| {m['first_result_s']:.2f} | {m['steady_docs_s'] / base['steady_docs_s']:.2f} "
            f"| {m['end_to_end_docs_s'] / base['end_to_end_docs_s']:.2f} "
            f"| {m['steady_cpu_ms_per_doc']:.2f} |"
        )
    one, two = median["1 worker process"], median["2 worker processes"]
    print(
        "2 worker processes / 1 worker process: "
        f"{two['steady_docs_s'] / one['steady_docs_s']:.2f}x steady, "
        f"{two['end_to_end_docs_s'] / one['end_to_end_docs_s']:.2f}x end to end"
    )
    cpu_ratio = two["steady_cpu_ms_per_doc"] / base["steady_cpu_ms_per_doc"]
    print(
        f"CPU per document, 2 workers (parent + workers) / in-process: {cpu_ratio:.3f}; "
        f"with 2 idle CPUs the steady speed-up can reach about {2 / cpu_ratio:.2f}x"
    )
    if args.verbose:
        print(json.dumps(runs, indent=1))


# --- stream -----------------------------------------------------------------------------------


def write_short_docs(articles: list[str], n: int, path: Path) -> int:
    """``n`` short documents of 2-4 consecutive paragraphs; returns the total bytes written."""
    paragraphs = [[p for p in a.split("\n\n")[1:] if p.strip()] for a in articles]  # no titles
    paragraphs = [p for p in paragraphs if len(p) >= 4]
    rng = random.Random(0)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            paras = rng.choice(paragraphs)
            k = rng.randint(2, 4)
            start = rng.randrange(len(paras) - k + 1)
            out.write(json.dumps({"id": f"doc-{i}", "text": "\n\n".join(paras[start : start + k])}))
            out.write("\n")
    return path.stat().st_size


def measure_cli(command: list[str], stdout_path: Path) -> dict:
    """Run ``command``, sampling RSS of it and its children; peak and samples over time."""
    import psutil

    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=_env())
        main = psutil.Process(proc.pid)
        samples = []  # (seconds, main MB, all processes MB)
        while proc.poll() is None:
            try:
                rss_main = main.memory_info().rss
                # PSS: pages shared between the CLI, the fork server and the workers count once
                pss_all = sum(
                    p.memory_full_info().pss for p in [main, *main.children(recursive=True)]
                )
            except psutil.Error:
                continue
            if rss_main:
                samples.append((time.perf_counter() - t0, rss_main / 2**20, pss_all / 2**20))
            time.sleep(0.05)
        seconds = time.perf_counter() - t0
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"CLI failed ({proc.returncode}): {stderr[-500:]}")
    return {"seconds": seconds, "samples": samples}


def stream(args: argparse.Namespace) -> None:
    articles = load_articles(args.data)
    print(f"short documents drawn from {args.data}; memory sampled every 50 ms")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(
        "| docs | jobs | seconds | docs/s | peak RSS CLI MB | peak PSS all MB "
        "| CLI RSS at 25/50/75/100% of the run MB |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            data = Path(tmp) / f"docs{n}.jsonl"
            size = write_short_docs(articles, n, data)
            for jobs in args.jobs:
                command = [sys.executable, "-m", "summarizer", "--jsonl", str(data), "-n", "1"]
                command += ["--jobs", str(jobs)]
                out_path = Path(tmp) / "out.jsonl"
                m = measure_cli(command, out_path)
                with open(out_path, "rb") as handle:
                    lines = sum(1 for _ in handle)
                assert lines == n, f"{lines} output records for {n} documents"
                samples = m["samples"]
                peak_main = max(s[1] for s in samples)
                peak_all = max(s[2] for s in samples)
                marks = [
                    samples[min(len(samples) - 1, int(q * len(samples)))][1]
                    for q in (0.25, 0.5, 0.75, 0.999)
                ]
                print(
                    f"| {n:,} ({size / 2**20:.0f} MB) | {jobs} | {m['seconds']:.1f} "
                    f"| {n / m['seconds']:.0f} | {peak_main:.0f} | {peak_all:.0f} "
                    f"| {' / '.join(f'{x:.0f}' for x in marks)} |",
                    flush=True,
                )


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        data, config, repeat = sys.argv[2:5]
        sys.path.insert(0, str(ROOT))
        throughput_child(argparse.Namespace(data=data, config=config, repeat=int(repeat)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("throughput", help="docs/s in process vs 1 and 2 worker processes")
    p.add_argument("data", help="JSONL with an 'article' field, e.g. bbc_dev.jsonl")
    p.add_argument("--repeat", type=int, default=10, help="passes over the corpus per run")
    p.add_argument("--runs", type=int, default=5, help="runs per configuration (medians)")
    p.add_argument("--verbose", action="store_true", help="print every run")
    p.set_defaults(func=throughput)
    s = sub.add_parser("stream", help="peak RSS of the CLI streaming short documents")
    s.add_argument("data", help="JSONL with an 'article' field to draw paragraphs from")
    s.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    s.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    s.set_defaults(func=stream)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
