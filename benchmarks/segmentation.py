"""Sentence splitters side by side: boundary F1, exact-match rate per case, speed.

    PYTHONPATH=. python benchmarks/segmentation.py [DATASET.jsonl ...] [--json out.json]

Datasets are JSONL with ``text`` (or ``article``) and, when scored, ``sentences``; a file
without ``sentences`` is used for speed only. With no paths: every ``*.jsonl`` under
``/work/shared/data/segmentation`` plus ``summarization/cnndm_dev100.jsonl`` (tokenized news)
and ``summarization/bbc_dev.jsonl`` (news) for speed only, when present.

Systems: ours (``summarizer.segment``), pySBD, syntok, nltk punkt (its official English model,
found through ``--nltk-data`` / ``NLTK_DATA``); a missing one is reported as "not installed" or
"not available". Each system runs in its own process on the same documents.

Method (``/work/shared/DESIGN.md``): a boundary is a sentence end other than the end of the
text, written as the count of non-whitespace characters before it, so whitespace is ignored;
precision, recall and F1 are micro-averaged over all documents of a dataset; a case is an exact
match when its predicted boundaries equal the gold ones. Speed: each document is split once to
warm up, then ``--repeats`` times; its time is the median, and MB/s is the total UTF-8 size over
the sum of those medians (one core). Ours is also timed on 10 MB inputs that would expose
super-linear behaviour (one repeated character, text without punctuation, ...; ``--no-stress``
skips them), and run once more with an empty ``NLTK_DATA`` to check its output does not change.
"""

from __future__ import annotations

import argparse
import bisect
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")
SYSTEMS = ("ours", "pysbd", "syntok", "punkt")
STRESS = {  # name: repeated unit
    "one character 'a'": "a",
    "full stops '.'": ".",
    "no punctuation 'word '": "word ",
    "newlines": "\n",
    "dotted token 'a.b'": "a.b",
    "initials 'A. '": "A. ",
    "one word per line 'x\\n'": "x\n",
}


# --------------------------------------------------------------------------- worker side
def _load_system(name: str):
    """Return ``split(text) -> ("spans", ends) | ("strings", sentences)``, or raise."""
    if name == "ours":
        sys.path.insert(0, str(ROOT))
        from summarizer.segment import segment

        return lambda t: ("ends", [e for _, e in segment(t)])
    if name == "pysbd":
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        return lambda t: ("strings", seg.segment(t))
    if name == "syntok":
        from syntok.segmenter import analyze

        def split(t: str):
            ends = []
            for paragraph in analyze(t):
                for sentence in paragraph:
                    if sentence:
                        last = sentence[-1]
                        ends.append(last.offset + len(last.value))
            return "ends", ends

        return split
    if name == "punkt":
        from nltk.tokenize.punkt import PunktTokenizer

        tok = PunktTokenizer("english")
        return lambda t: ("ends", [e for _, e in tok.span_tokenize(t)])
    raise ValueError(name)


def _boundaries(text: str, kind: str, out) -> list[int]:
    """Sentence ends as non-whitespace character counts, end of text excluded."""
    if kind == "ends":
        nonspace = [i for i, c in enumerate(text) if not c.isspace()]
        ends = [bisect.bisect_left(nonspace, e) for e in out]
    else:
        ends, total = [], 0
        for s in out:
            total += sum(1 for c in s if not c.isspace())
            ends.append(total)
    total = sum(1 for c in text if not c.isspace())
    return sorted({e for e in ends if 0 < e < total})


def _rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(path: str) -> list[str]:
    rows = _rows(path)
    return [r.get("text", r.get("article", "")) for r in rows]


def worker(system: str, paths: list[str], repeats: int, stress: bool) -> dict:
    t0 = time.perf_counter()
    try:
        split = _load_system(system)
    except ImportError as exc:
        return {"status": "not installed", "detail": str(exc)}
    except LookupError as exc:
        lines = [x.strip() for x in str(exc).splitlines() if x.strip().strip("*")]
        return {"status": "not available", "detail": (lines or ["LookupError"])[0]}
    result: dict = {"status": "ok", "import_s": time.perf_counter() - t0, "datasets": {}}
    for path in paths:
        texts = _texts(path)
        boundaries, medians = [], []
        for text in texts:
            kind, out = split(text)  # warm-up, and the answer that is scored
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                split(text)
                times.append(time.perf_counter() - t)
            medians.append(statistics.median(times))
            boundaries.append(_boundaries(text, kind, out))
        result["datasets"][path] = {"boundaries": boundaries, "seconds": medians}
    if stress:
        size = 10_000_000
        result["stress"] = {}
        for name, unit in STRESS.items():
            text = unit * (size // len(unit))
            t = time.perf_counter()
            n = len(split(text)[1])
            result["stress"][name] = {"seconds": time.perf_counter() - t, "sentences": n}
    return result


# --------------------------------------------------------------------------- parent side
def _gold(path: str):
    rows = _rows(path)
    if not rows or "sentences" not in rows[0]:
        return None
    gold = []
    for r in rows:
        text = r["text"]
        total, ends = 0, []
        for s in r["sentences"]:
            total += sum(1 for c in s if not c.isspace())
            ends.append(total)
        size = sum(1 for c in text if not c.isspace())
        gold.append(sorted({e for e in ends if 0 < e < size}))
    return gold


def score(gold: list[list[int]], pred: list[list[int]]) -> dict:
    tp = fp = fn = exact = 0
    for g, p in zip(gold, pred, strict=True):
        g, p = set(g), set(p)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        exact += g == p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "exact": exact, "cases": len(gold)}


def run_worker(system: str, paths, repeats, stress, nltk_data) -> dict:
    """Run one system in a fresh process (``nltk_data``: NLTK_DATA to set, if not None)."""
    env = dict(os.environ)
    if nltk_data is not None:
        env["NLTK_DATA"] = nltk_data
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, __file__, "--worker", system, "--repeats", str(repeats), *paths]
    if stress:
        cmd.append("--stress")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"status": "failed", "detail": tail}
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("datasets", nargs="*", help="JSONL files (default: the shared data sets)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per document (ours, punkt)")
    ap.add_argument("--slow-repeats", type=int, default=1, help="timed runs for pysbd, syntok")
    ap.add_argument("--nltk-data", default=None, help="NLTK_DATA for nltk punkt")
    ap.add_argument("--no-stress", action="store_true", help="skip the 10 MB inputs")
    ap.add_argument("--json", metavar="PATH", help="write the results as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--stress", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        json.dump(worker(args.worker, args.datasets, args.repeats, args.stress), sys.stdout)
        return 0

    paths = args.datasets
    if not paths:
        paths = sorted(glob.glob(str(SHARED / "data/segmentation/*.jsonl")))
        for news in ("cnndm_dev100.jsonl", "bbc_dev.jsonl"):  # speed on news text
            if (SHARED / "data/summarization" / news).exists():
                paths.append(str(SHARED / "data/summarization" / news))
    if not paths:
        ap.error("no datasets given and none found under /work/shared/data")
    nltk_data = args.nltk_data or os.environ.get("NLTK_DATA")
    if nltk_data is None and (SHARED / "nltk_data").exists():
        nltk_data = str(SHARED / "nltk_data")
    systems = [s for s in args.systems.split(",") if s]

    results: dict = {"nltk_data": nltk_data, "datasets": {}, "systems": {}}
    for system in systems:
        reps = args.repeats if system in ("ours", "punkt") else args.slow_repeats
        stress = system == "ours" and not args.no_stress
        print(f"running {system} ...", file=sys.stderr, flush=True)
        results["systems"][system] = run_worker(system, paths, reps, stress, nltk_data)
    ours = results["systems"].get("ours", {})
    if ours.get("status") == "ok":
        # the same splits with no nltk data at all
        with tempfile.TemporaryDirectory() as empty:
            bare = run_worker("ours", paths, 1, False, empty)
        same = bare.get("status") == "ok" and all(
            bare["datasets"][p]["boundaries"] == ours["datasets"][p]["boundaries"] for p in paths
        )
        results["ours_same_without_nltk_data"] = same

    for path in paths:
        gold = _gold(path)
        texts = _texts(path)
        size = sum(len(t.encode("utf-8")) for t in texts)
        entry = {"docs": len(texts), "bytes": size, "scored": gold is not None, "systems": {}}
        for system in systems:
            r = results["systems"][system]
            if r["status"] != "ok":
                continue
            d = r["datasets"][path]
            row = {"mb_per_s": size / 1e6 / max(sum(d["seconds"]), 1e-12)}
            if gold is not None:
                row.update(score(gold, d["boundaries"]))
            entry["systems"][system] = row
        results["datasets"][path] = entry

    print_table(results, systems)
    if args.json:
        slim = json.loads(json.dumps(results))
        for r in slim["systems"].values():
            r.pop("datasets", None)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(slim, f, indent=2)
    return 0


def print_table(results: dict, systems: list[str]) -> None:
    head = f"{'':<3}{'system':<9}{'P':>7}{'R':>7}{'F1':>7}{'exact':>15}{'MB/s':>9}{'x punkt':>9}"
    print(head)
    for path, entry in results["datasets"].items():
        name = Path(path).name.removesuffix(".jsonl")
        print(f"{name}: {entry['docs']} docs, {entry['bytes'] / 1e3:.0f} KB")
        punkt = entry["systems"].get("punkt", {}).get("mb_per_s")
        for system in systems:
            row = entry["systems"].get(system)
            if row is None:
                print(f"{'':<3}{system:<9}{results['systems'][system]['status']:>7}")
                continue
            if entry["scored"]:
                ex = f"{row['exact']}/{row['cases']} ({100 * row['exact'] / row['cases']:.0f}%)"
                scores = f"{100 * row['precision']:7.1f}{100 * row['recall']:7.1f}"
                scores += f"{100 * row['f1']:7.1f}{ex:>15}"
            else:
                scores = f"{'':>21}{'speed only':>15}"
            ratio = f"{row['mb_per_s'] / punkt:8.1f}x" if punkt else f"{'':>9}"
            print(f"{'':<3}{system:<9}{scores}{row['mb_per_s']:9.2f}{ratio}")
    print()
    for system in systems:
        r = results["systems"][system]
        extra = f"import {r['import_s'] * 1e3:.0f} ms" if r["status"] == "ok" else r.get("detail")
        print(f"{system:<9}{r['status']:<15}{extra}")
    print(f"nltk punkt model from NLTK_DATA={results['nltk_data']}")
    if "ours_same_without_nltk_data" in results:
        same = "yes" if results["ours_same_without_nltk_data"] else "NO"
        print(f"ours gives the same boundaries with an empty NLTK_DATA: {same}")
    stress = results["systems"].get("ours", {}).get("stress")
    if stress:
        print("ours on 10 MB inputs, seconds (sentences):")
        for k, v in stress.items():
            print(f"   {k:<28}{v['seconds']:7.2f}  ({v['sentences']:,})")


if __name__ == "__main__":
    sys.exit(main())
