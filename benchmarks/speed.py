"""Speed against the peers: per-document latency, and scaling to long documents.

    NLTK_DATA=/path/to/nltk_data python benchmarks/speed.py [--quick] [--json PATH]

Every measurement runs in a fresh child process (``PYTHONHASHSEED=0``) that
builds one system (see ``peers.py``; set-up such as lexrank's IDF is not timed)
and times only the ``(text, k) -> sentences`` calls.

Latency: on the CNN/DM articles (``--cnndm``), each child summarizes the first
``--warmup`` articles untimed, then times every other article (k=3) once, or
``--repeat`` times taking the median (repeats meet the same text again and may
profit from caches, so the default is once); the table gives the median and
90th percentile over articles, and each system's median divided by our default
method's and by ``ours:textrank``'s (both are ours to compare with the peers).
Articles a system fails on are counted and left out of its times.

Scaling: the State of the Union speeches (``--long-dir``, ``*.txt`` sorted by
name, joined by blank lines, the whole repeated as needed) are split with our
``split_sentences`` and cut after the N-th sentence, for each N of ``--sizes`` (up to
1,000,000 by default); peers split the same text their own way. The ratio
tables give each peer's time over our default's and over ``ours:textrank``'s.
A child warms up on the corpus' last 50 sentences (in no text shorter than one
copy, ~17,800 sentences), then times one
summary of k=5 sentences (the median of ``--repeat`` runs up to 1,000 sentences,
one run above) and reports its peak RSS (``VmHWM``, the whole process: interpreter,
libraries and text included) and how far that is above its RSS just before the
timed call. A child whose timed calls run longer than ``--time-limit`` seconds
(on the chosen clock; imports, set-up and warm-up are not counted: they have
``--setup-limit`` seconds of wall time) is killed and reported as a timeout;
one whose RSS passes ``--mem-limit-mb`` is killed and reported as such; either
way the system is not run at larger sizes. The plot (``--plot``) shows time
against sentences on log-log axes.

Clock: every call is timed both in wall time and in the child's CPU time; the
tables, ratios, plot and time limits use CPU time by default (``--clock``).
With one BLAS/OpenMP thread per child (``--threads 1``, the default; the peers
are single-threaded Python anyway) CPU time is the work a system does, while
wall time on a machine shared with other work also counts the time it waits
for a core, and unevenly so: calls shorter than a scheduler slice rarely wait,
longer ones do, which flatters the faster system. On an idle machine the two
agree. The latency table shows both. Timings are still noisy: quote medians and
rerun before quoting.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import common, peers

HERE = Path(__file__).resolve().parent
SIZES = (100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 1_000_000)
QUICK_SIZES = (100, 1_000)
SCALE_DEFAULT = (
    "ours:default",
    "ours:textrank",
    "lead-k",
    "sumy:textrank",
    "sumy:lexrank",
    "summa:textrank",
    "lexrank",
)
SECOND = "ours:textrank"  # our second reference: its ratios are reported beside the default's
LATENCY_K = 3
SCALE_K = 5
SMALL = 1_000  # sizes up to this are timed --repeat times, larger ones once
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
CLOCK_KEY = {"wall": "seconds", "cpu": "cpu_seconds"}


# ---------------------------------------------------------------- child side


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def _peak_mb() -> float:
    """Peak RSS of this process image (VmHWM; ru_maxrss would carry the parent's over exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _ready(spec: dict) -> None:
    """Tell the parent that set-up and warm-up are over: its time limit starts now."""
    Path(spec["ready"]).touch()


def _child_latency(fn, spec: dict) -> dict:
    docs = [r["article"] for r in common.read_jsonl(spec["docs"], spec.get("limit"))]
    warm, docs = docs[: spec["warmup"]], docs[spec["warmup"] :] or docs
    for text in warm:  # never timed: a timed call must not meet its own text in a cache
        with contextlib.suppress(Exception):
            fn(text, spec["k"])
    _ready(spec)
    base = _rss_mb()
    times: list[list[float]] = [[] for _ in docs]
    cpu: list[list[float]] = [[] for _ in docs]
    failed: dict[int, str] = {}
    for _ in range(spec["repeat"]):
        for i, text in enumerate(docs):
            if i in failed:
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                fn(text, spec["k"])
            except Exception as e:
                failed[i] = f"{type(e).__name__}: {e}"[:200]
                continue
            times[i].append(time.perf_counter() - t0)
            cpu[i].append(time.process_time() - c0)
    kept = [i for i, t in enumerate(times) if t and i not in failed]
    return {
        "status": "ok",
        "docs": len(docs),
        "seconds": [statistics.median(times[i]) for i in kept],
        "cpu_seconds": [statistics.median(cpu[i]) for i in kept],
        "failures": len(failed),
        "failed": [{"doc": i, "error": e} for i, e in sorted(failed.items())][:10],
        "base_mb": base,
        "peak_mb": _peak_mb(),
    }


def _child_scale(fn, spec: dict) -> dict:
    text = Path(spec["text"]).read_text(encoding="utf-8")
    fn(Path(spec["warmup_text"]).read_text(encoding="utf-8"), spec["k"])
    _ready(spec)
    base = _rss_mb()
    runs, cpu_runs = [], []
    for _ in range(spec["repeat"]):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn(text, spec["k"])
        runs.append(time.perf_counter() - t0)
        cpu_runs.append(time.process_time() - c0)
    return {
        "status": "ok",
        "seconds": statistics.median(runs),
        "cpu_seconds": statistics.median(cpu_runs),
        "runs": runs,
        "cpu_runs": cpu_runs,
        "returned": len(out),
        "base_mb": base,
        "peak_mb": _peak_mb(),
    }


def child_main() -> int:
    """Run one measurement described by the JSON spec on stdin; print JSON on stdout."""
    spec = json.load(sys.stdin)
    warnings.simplefilter("ignore")
    corpus = []
    if spec["system"] == "lexrank":
        corpus = [Path(p).read_text(encoding="utf-8") for p in spec["corpus"]]
        if not corpus:  # latency: the articles themselves, as in quality.py
            corpus = [r["article"] for r in common.read_jsonl(spec["docs"], spec.get("limit"))]
    try:
        fn = peers.build(spec["system"], corpus)
    except peers.NotAvailable as e:
        result = {"status": "not available", "reason": str(e)}
    else:
        try:
            result = (_child_latency if spec["mode"] == "latency" else _child_scale)(fn, spec)
        except MemoryError:
            result = {"status": "memory", "reason": "MemoryError", "peak_mb": _peak_mb()}
        except Exception as e:
            result = {"status": "error", "reason": f"{type(e).__name__}: {e}"[:300]}
    json.dump(result, sys.stdout)
    return 0


# ---------------------------------------------------------------- parent side


def run_child(
    spec: dict,
    time_limit: float,
    mem_limit_mb: float,
    setup_limit: float,
    threads: int = 0,
    clock: str = "wall",
) -> dict:
    """Run ``spec`` in a fresh process; kill it past the time or memory limit.

    ``time_limit`` counts from the child's signal that set-up and warm-up are
    done (lexrank's IDF alone can take seconds); ``setup_limit`` bounds those.
    ``threads`` > 0 caps the BLAS/OpenMP thread pools of the child. With
    ``clock="cpu"`` the time limit counts the child's CPU time, not wall time.
    """
    import psutil

    env = dict(os.environ, PYTHONHASHSEED="0")
    if threads:
        env.update(dict.fromkeys(THREAD_VARS, str(threads)))
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
        tempfile.TemporaryDirectory(prefix="bench-child-") as tmp,
    ):
        ready = Path(tmp) / "ready"
        spec = {**spec, "ready": str(ready)}
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child"],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            text=True,
            env=env,
        )
        proc.stdin.write(json.dumps(spec))
        proc.stdin.close()
        watched = psutil.Process(proc.pid)
        start = time.perf_counter()
        timed_from = None
        seen_mb = 0.0
        killed = None

        last_cpu = [0.0]

        def timed_clock() -> float:
            if clock == "cpu":
                with contextlib.suppress(psutil.Error):  # the child may be exiting
                    t = watched.cpu_times()
                    last_cpu[0] = t.user + t.system
                return last_cpu[0]
            return time.perf_counter()

        while proc.poll() is None:
            if timed_from is None and ready.exists():
                timed_from = timed_clock()
            if timed_from is None:
                elapsed = time.perf_counter() - start
            else:
                elapsed = timed_clock() - timed_from
            with contextlib.suppress(psutil.Error):
                seen_mb = max(seen_mb, watched.memory_info().rss / 2**20)
            if timed_from is None and elapsed > setup_limit:
                killed = {"status": "timeout", "reason": f"set-up > {setup_limit:g} s"}
            elif timed_from is not None and elapsed > time_limit:
                killed = {"status": "timeout", "reason": f"> {time_limit:g} s"}
            elif seen_mb > mem_limit_mb:
                killed = {"status": "memory", "reason": f"> {mem_limit_mb:.0f} MB RSS"}
            if killed:
                proc.kill()
                proc.wait()
                killed["peak_mb"] = seen_mb
                killed["wall"] = time.perf_counter() - start
                return killed
            time.sleep(0.02)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = out.read()
        try:
            result = json.loads(text)
        except ValueError:
            tail = err.read().strip().splitlines()[-1:] or ["no output"]
            return {"status": "error", "reason": f"exit {proc.returncode}: {tail[0][:200]}"}
    result["wall"] = wall
    return result


def build_long_texts(long_dir: Path, sizes: list[int], workdir: Path) -> dict[int, dict]:
    """Write the N-sentence texts; return {N: {"path", "chars"}} (cut after our N-th sentence)."""
    from summarizer import split_sentences

    files = sorted(long_dir.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no *.txt files in {long_dir}")
    one = "\n\n".join(f.read_text(encoding="utf-8").strip() for f in files)
    one_sentences = split_sentences(one)
    per_copy = len(one_sentences)
    copies = max(1, -(-max(sizes) // max(per_copy, 1)) + 1)
    text = "\n\n".join([one] * copies)
    sentences = split_sentences(text)
    out = {}
    for n in sizes:
        if n > len(sentences):
            raise ValueError(f"only {len(sentences)} sentences available for size {n}")
        cut = text[: sentences[n - 1].end]
        path = workdir / f"long_{n}.txt"
        path.write_text(cut, encoding="utf-8")
        out[n] = {"path": str(path), "chars": len(cut)}
    # warm-up on the corpus' last 150 sentences: not in any text up to one copy long, and
    # long enough to take the long-document code paths (so their lazy imports are done)
    warm = workdir / "warmup.txt"
    warm.write_text(one[one_sentences[max(0, per_copy - 150)].start :], encoding="utf-8")
    out[0] = {"path": str(warm), "chars": 0}
    return out


def _ratio(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.0f}"


def _fmt_s(r: dict | None, clock: str = "wall") -> str:
    if r is None:
        return ""
    status = r["status"]
    if status == "ok":
        s = r[CLOCK_KEY[clock]]
        return f"{s:.3f}" if s < 10 else f"{s:.1f}"
    if status in ("timeout", "memory"):
        return f"{status} ({r['reason']})"
    return status


def _fmt_mb(r: dict | None) -> str:
    if r is None or "peak_mb" not in r:
        return _fmt_s(r) if r and r["status"] != "ok" else ""
    if r["status"] == "ok":
        return f"{r['peak_mb']:.0f} (+{max(0.0, r['peak_mb'] - r['base_mb']):.0f})"
    return f">{r['peak_mb']:.0f} ({r['status']})"


def latency(args, systems: list[str], ours: str) -> dict:
    results = {}
    for name in systems:
        print(f"... latency {name}", file=sys.stderr, flush=True)
        spec = {
            "mode": "latency",
            "system": name,
            "docs": str(args.cnndm),
            "limit": args.docs,
            "warmup": args.warmup,
            "repeat": args.repeat,
            "k": LATENCY_K,
            "corpus": [],
        }
        results[name] = run_child(
            spec, args.latency_limit, args.mem_limit_mb, args.setup_limit, args.threads, args.clock
        )
    key = CLOCK_KEY[args.clock]
    refs = [ours] + [SECOND] * (ours != SECOND and SECOND in results)
    ref_ms = {}
    for ref in refs:
        r = results.get(ref, {})
        ref_ms[ref] = 1000 * statistics.median(r[key]) if r.get(key) else None
    base_ms = ref_ms[ours]
    rows = []
    for name, r in results.items():
        if r["status"] != "ok" or not r["seconds"]:
            rows.append([name, r["status"], "", "", *[""] * len(refs), "", r.get("reason", "")])
            continue
        for k in ("seconds", "cpu_seconds"):
            ms = sorted(1000 * s for s in r[k])
            r[f"{k}_median_ms"] = statistics.median(ms)
            r[f"{k}_p90_ms"] = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
        med = r[f"{key}_median_ms"]
        ratios = [_ratio(med / ref_ms[ref]) if ref_ms[ref] else "" for ref in refs]
        rows.append(
            [
                name,
                f"{r['seconds_median_ms']:.2f}",
                f"{r['cpu_seconds_median_ms']:.2f}",
                f"{r[f'{key}_p90_ms']:.2f}",
                *ratios,
                f"{r['failures']}/{r['docs']}",
                "",
            ]
        )
    headers = [
        "system",
        "median ms",
        "CPU ms",
        f"p90 ms ({args.clock})",
        *[f"x {ref} ({args.clock})" for ref in refs],
        "failed",
        "note",
    ]
    return {"results": results, "table": common.format_table(headers, rows), "base_ms": base_ms}


def scaling(args, systems: list[str], ours: str, texts: dict[int, dict]) -> dict:
    results: dict[str, dict[int, dict]] = {name: {} for name in systems}
    key = CLOCK_KEY[args.clock]
    stopped: dict[str, str] = {}
    for n in args.sizes:
        for name in systems:
            if name in stopped:
                results[name][n] = {"status": "skipped", "reason": f"{stopped[name]} earlier"}
                continue
            print(f"... scaling {name} at {n:,} sentences", file=sys.stderr, flush=True)
            spec = {
                "mode": "scale",
                "system": name,
                "text": texts[n]["path"],
                "warmup_text": texts[0]["path"],
                "repeat": args.repeat if n <= SMALL else 1,
                "k": SCALE_K,
                "corpus": [str(p) for p in sorted(Path(args.long_dir).glob("*.txt"))],
            }
            r = run_child(
                spec, args.time_limit, args.mem_limit_mb, args.setup_limit, args.threads, args.clock
            )
            results[name][n] = r
            if r["status"] != "ok":
                stopped[name] = r["status"]
    sizes = list(args.sizes)
    time_rows, mem_rows = [], []
    for n in sizes:
        time_rows.append(
            [f"{n:,}", f"{texts[n]['chars'] / 1e6:.2f}"]
            + [_fmt_s(results[s].get(n), args.clock) for s in systems]
        )
        mem_rows.append([f"{n:,}"] + [_fmt_mb(results[s].get(n)) for s in systems])
    refs = [ours] + [SECOND] * (ours != SECOND and SECOND in systems)
    ratio_tables = {}
    for ref in refs:
        peers_run = [s for s in systems if not s.startswith(peers.OURS_PREFIX)]
        rows = [[f"{n:,}", *_scale_ratios(results, ref, peers_run, n, key, args)] for n in sizes]
        ratio_tables[ref] = common.format_table(["sentences", *peers_run], rows)
    return {
        "results": {s: {str(n): r for n, r in v.items()} for s, v in results.items()},
        "time_table": common.format_table(["sentences", "MB text", *systems], time_rows),
        "mem_table": common.format_table(["sentences", *systems], mem_rows),
        "ratio_tables": ratio_tables,
        "raw": results,
    }


def _scale_ratios(results: dict, ref: str, others: list[str], n: int, key: str, args) -> list[str]:
    """Each of ``others``' time over ``ref``'s at ``n`` sentences ("> x" past a timeout)."""
    mine = results.get(ref, {}).get(n, {})
    cells = []
    for s in others:
        theirs = results[s].get(n, {})
        if mine.get("status") == "ok" and theirs.get("status") == "ok":
            cells.append(_ratio(theirs[key] / mine[key]))
        elif mine.get("status") == "ok" and theirs.get("status") == "timeout":
            cells.append("> " + _ratio(args.time_limit / mine[key]))
        else:
            cells.append("-")
    return cells


def plot(
    path: Path, raw: dict[str, dict[int, dict]], time_limit: float, title: str, clock: str
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 5))
    for name, by_size in raw.items():
        ok = sorted((n, r[CLOCK_KEY[clock]]) for n, r in by_size.items() if r["status"] == "ok")
        if not ok:
            continue
        (line,) = ax.plot(*zip(*ok, strict=True), marker="o", label=name)
        stop = [n for n, r in sorted(by_size.items()) if r["status"] in ("timeout", "memory")]
        if stop:
            ax.plot([stop[0]], [time_limit], marker="x", color=line.get_color(), markersize=10)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axhline(time_limit, color="grey", linestyle="--", linewidth=1)
    ax.text(
        0.01,
        time_limit,
        "time limit; x: run killed (time or memory)",
        transform=ax.get_yaxis_transform(),
        va="bottom",
        fontsize=8,
        color="grey",
    )
    ax.set_xlabel("sentences in the document")
    ax.set_ylabel(f"seconds per summary ({clock} time)")
    ax.set_title(title, fontsize=9)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data = common.DEFAULT_DATA
    ap.add_argument(
        "--cnndm",
        type=Path,
        default=data / "summarization" / "cnndm_dev100.jsonl",
        help="JSONL of articles for latency (default: the shared CNN/DM dev100)",
    )
    ap.add_argument(
        "--long-dir",
        type=Path,
        default=data / "long" / "state_union",
        help="folder of .txt files for scaling (default: the shared State of the Union)",
    )
    ap.add_argument(
        "--systems",
        help="latency systems (comma-separated names, ours, peers, "
        "sumy, all, ours:default); default all",
    )
    ap.add_argument("--scale-systems", help="scaling systems; default " + ",".join(SCALE_DEFAULT))
    ap.add_argument(
        "--sizes",
        help="comma-separated sentence counts (default " + ",".join(map(str, SIZES)) + ")",
    )
    ap.add_argument("--docs", type=int, help="latency: only the first N articles")
    ap.add_argument(
        "--warmup", type=int, default=5, help="latency: the first N articles are run untimed"
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="timed runs per text, median (default 1: later runs on the same text may "
        "profit from caches, such as our stem cache)",
    )
    ap.add_argument(
        "--time-limit",
        type=float,
        default=30.0,
        help="scaling: seconds of timed work per child before it is killed (default 30)",
    )
    ap.add_argument(
        "--latency-limit",
        type=float,
        default=300.0,
        help="latency: seconds per system before it is killed (default 300)",
    )
    ap.add_argument(
        "--setup-limit",
        type=float,
        default=300.0,
        help="seconds a child may spend importing, building and warming up, "
        "not counted in the limits above (default 300)",
    )
    ap.add_argument(
        "--mem-limit-mb",
        type=float,
        help="kill a child past this RSS (default: half the available memory, at most 8000)",
    )
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads per child (default 1: one core per system, steadier on a "
        "shared machine; 0 leaves the libraries' defaults)",
    )
    ap.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="cpu",
        help="time the tables, ratios, plot and time limits use (default cpu: see the "
        "module docstring); both are recorded in the JSON",
    )
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 10 articles, sizes 100 and 1000, 10 s limit, no plot",
    )
    ap.add_argument(
        "--plot",
        type=Path,
        help="PNG path (default benchmarks/scaling.png; none with --quick unless given)",
    )
    ap.add_argument("--no-plot", action="store_true")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = ap.parse_args(argv)

    try:
        import psutil
    except ImportError:
        print("speed.py: needs psutil (pip install psutil)", file=sys.stderr)
        return 1
    if args.mem_limit_mb is None:
        args.mem_limit_mb = min(8000.0, psutil.virtual_memory().available / 2**20 / 2)
    if args.quick:
        args.docs = args.docs or 10
        args.warmup = min(args.warmup, 2)
        args.repeat = 1
        args.time_limit = min(args.time_limit, 10.0)
    try:
        args.sizes = sorted(
            {int(s) for s in args.sizes.split(",")}
            if args.sizes
            else (QUICK_SIZES if args.quick else SIZES)
        )
    except ValueError:
        ap.error("--sizes takes comma-separated integers")
    if any(n < 1 for n in args.sizes) or args.repeat < 1 or args.warmup < 0 or args.threads < 0:
        ap.error("--sizes, --repeat must be positive; --warmup, --threads not negative")
    try:
        ours = peers.OURS_PREFIX + peers.default_method()
        lat_systems = peers.resolve(args.systems, peers.all_systems() + list(peers.EXTRA))
        scale_systems = peers.resolve(args.scale_systems or ",".join(SCALE_DEFAULT))
    except ValueError as e:
        ap.error(str(e))
    if ours not in lat_systems:
        lat_systems.insert(0, ours)
    if ours not in scale_systems:
        scale_systems.insert(0, ours)
    if not args.skip_latency and not args.cnndm.is_file():
        print(f"speed.py: {args.cnndm} not found (give --cnndm PATH)", file=sys.stderr)
        return 1
    if not args.skip_scaling and not args.long_dir.is_dir():
        print(f"speed.py: {args.long_dir} not found (give --long-dir DIR)", file=sys.stderr)
        return 1

    info = common.run_info()
    payload: dict = {
        "benchmark": "speed",
        "run": info,
        "ours": ours,
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    common.print_run_info(info)
    if not args.skip_latency:
        lat = latency(args, lat_systems, ours)
        n_docs = next((r["docs"] for r in lat["results"].values() if "docs" in r), 0)
        print(
            f"\n## Latency: {args.cnndm.name}, {n_docs} articles, k={LATENCY_K}, "
            f"{args.repeat} run(s) per article after {args.warmup} other, untimed articles; "
            f"{args.threads or 'default'} BLAS thread(s)"
        )
        print(lat["table"])
        payload["latency"] = {"results": lat["results"], "base_ms": lat["base_ms"]}
    if not args.skip_scaling:
        with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
            texts = build_long_texts(args.long_dir, args.sizes, Path(tmp))
            sc = scaling(args, scale_systems, ours, texts)
        print(
            f"\n## Scaling: {args.long_dir.name} cut to N sentences (our splitter), "
            f"k={SCALE_K}; time limit {args.time_limit:g} s, memory limit "
            f"{args.mem_limit_mb:.0f} MB per run; {args.threads or 'default'} BLAS thread(s)"
        )
        print(f"\nSeconds per summary ({args.clock} time):\n")
        print(sc["time_table"])
        print("\nPeak RSS, MB, whole process (+N: peak minus the RSS before the timed call):\n")
        print(sc["mem_table"])
        for ref, table in sc["ratio_tables"].items():
            print(
                f"\nPeer time / {ref} time ({args.clock}; > x: the peer timed out, "
                "so at least that):\n"
            )
            print(table)
        payload["scaling"] = {
            "results": sc["results"],
            "chars": {str(n): texts[n]["chars"] for n in args.sizes},
        }
        plot_path = (
            None if args.no_plot else (args.plot or (None if args.quick else HERE / "scaling.png"))
        )
        if plot_path:
            title = (
                f"{args.long_dir.name} cut to N sentences, k={SCALE_K}; "
                f"{info['cpu']}, commit {info['commit']}"
            )
            plot(plot_path, sc["raw"], args.time_limit, title, args.clock)
            print(f"\nplot: {plot_path}")
    if args.json:
        common.write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        sys.exit(child_main())
    common.ensure_hash_seed()
    sys.exit(main())
