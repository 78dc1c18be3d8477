"""Hostile inputs at growing sizes: does any method x budget cost more than O(n log n) time or
O(text) memory? (Issue 16.)

Each point (generator, method, budget, size) runs ``summarize()`` once in a fresh process
(size limit disabled, an address-space cap and a timeout so a regression cannot take the
machine down) and reports the seconds of that call, the process's peak RSS and, for the
largest size, the growth of the time over the last doubling (about 2 is linear, 4 is
quadratic). Targets (issue 16): last doubling <= 2.6x, the 2 MB run <= 20 s and <= 1.5 GB.

Generators (``--kinds``; each cut to exactly the size, 1 MB = 10**6 characters):

- ``overlap``: "Alpha beta gamma <new word>." repeated: every sentence shares three words
  with every other (MMR with a budget that grows with the text; LexRank's thresholded graph);
- ``anti``: the same with two shared words weighted 3:1 and 1:3 in turn, which MMR's bounds
  cannot settle (its work bound must);
- ``lengths``: sentences of many distinct lengths (1 to 400 words), mostly new words plus a
  few shared ones (TextRank's overlap operator);
- ``dense``: sentences drawn from a vocabulary of 40 words (a dense similarity graph);
- ``prose``: Zipf-distributed words from a 30,000-word vocabulary in 5-40-word sentences
  (ordinary prose, seeded); or the State of the Union speeches with ``--data DIR`` as ``sotu``;
- ``identical``: one sentence repeated; ``tiny``: "Go 1. Go 2. ..."; ``giant``: one sentence of
  new words without punctuation.

Methods (``--methods``): every name in ``METHODS``, plus ``lexrank:threshold=0.1`` and
``pacsum:pacsum_beta=0.2`` (the options that build thresholded graphs). Budgets
(``--budgets``): ``r0.5d0.3`` (ratio 0.5, diversity 0.3: MMR with a budget growing with the
text), ``r0.3`` (ratio 0.3, the method's own diversity), ``w`` (a word budget of half the
text, diversity 0.3), ``s3`` (3 sentences).

    PYTHONPATH=. python benchmarks/adversarial.py [--kinds overlap,lengths] [--methods adaptive]
        [--budgets r0.5d0.3,r0.3] [--sizes 0.5,1,2] [--timeout 120] [--max-gb 3] [--json FILE]
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

KINDS = ("overlap", "anti", "lengths", "dense", "prose", "identical", "tiny", "giant")
EXTRA_METHODS = ("lexrank:threshold=0.1", "pacsum:pacsum_beta=0.2")
BUDGETS = {
    "r0.5d0.3": ({"ratio": 0.5}, 0.3),
    "r0.3": ({"ratio": 0.3}, None),
    "w": ({"words": "half"}, 0.3),
    "s3": ({"sentences": 3}, None),
}


def _word(i: int) -> str:
    """A distinct lower-case word for every i (letters only, so no number rules apply)."""
    letters = "bcdfghjklmnpqrstvwxz"
    out = ""
    i += 400
    while i:
        i, r = divmod(i, len(letters))
        out += letters[r] + "aeiou"[(i + r) % 5]
    return out


def _sentences(kind: str, n_chars: int, data: Path | None):
    import random

    rng = random.Random(16)
    if kind == "overlap":
        for i in range(n_chars):
            yield f"Alpha beta gamma {_word(i)}. "
    elif kind == "anti":
        for i in range(n_chars):
            yield (
                ("Alpha alpha alpha beta " if i % 2 else "Alpha beta beta beta ") + _word(i) + ". "
            )
    elif kind == "lengths":
        fresh = 0
        for i in range(n_chars):
            size = 1 + (i * 37) % 400
            words = [_word(fresh + j) for j in range(size)]
            fresh += size
            words[0] = "Common"
            if size > 3:
                words[size // 2] = _word(i % 50)
            yield " ".join(words) + ". "
    elif kind == "dense":
        vocabulary = [_word(j) for j in range(40)]
        while True:
            words = rng.choices(vocabulary, k=rng.randint(5, 20))
            yield " ".join(words).capitalize() + ". "
    elif kind == "prose":
        vocabulary = [_word(j) for j in range(30_000)]
        weights = [1.0 / (j + 1) for j in range(30_000)]
        while True:
            words = rng.choices(vocabulary, weights, k=rng.randint(5, 40))
            yield " ".join(words).capitalize() + ". "
    elif kind == "sotu":
        if data is None:
            raise SystemExit("--data DIR (the State of the Union speeches) is needed for sotu")
        yield "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(data.glob("*.txt")))
    elif kind == "identical":
        while True:
            yield "The committee approved the budget for the new bridge. "
    elif kind == "tiny":
        for i in range(n_chars):
            yield f"Go {i}. "
    elif kind == "giant":
        for i in range(n_chars):
            yield _word(i) + " "
    else:
        raise SystemExit(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}, sotu")


def make_text(kind: str, n_chars: int, data: Path | None = None) -> str:
    """The input of one case: exactly ``n_chars`` characters (repeated if a source is short)."""
    parts: list[str] = []
    size = 0
    for part in _sentences(kind, n_chars, data):
        parts.append(part)
        size += len(part)
        if size >= n_chars:
            break
    text = "".join(parts)
    return (text * (n_chars // max(len(text), 1) + 1))[:n_chars]


def _method(spec: str) -> tuple[str, dict]:
    name, _, rest = spec.partition(":")
    options = {}
    for item in filter(None, rest.split(",")):
        key, _, value = item.partition("=")
        options[key] = float(value)
    return name, options


def child(kind: str, n_chars: int, method: str, budget: str, data: Path | None) -> None:
    """Measure one point in this process and print it as JSON."""
    from summarizer import summarize

    text = make_text(kind, n_chars, data)
    name, options = _method(method)
    size, diversity = BUDGETS[budget]
    size = dict(size)
    if size.get("words") == "half":
        size["words"] = max(1, len(text.split()) // 2)
    if diversity is not None:
        options["diversity"] = diversity
    start = time.perf_counter()
    summary = summarize(text, method=name, max_chars=None, **size, **options)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KB on Linux
    stages = {k: round(v, 3) for k, v in summary.timings.items()}
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak,
                "picked": len(summary.sentences),
                "stages": stages,
            }
        )
    )


def run_point(args, kind: str, n_chars: int, method: str, budget: str) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, str(n_chars), method, budget]
    if args.data:
        cmd += ["--data", str(args.data)]
    cap = int(args.max_gb * 2**30)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=args.timeout, preexec_fn=limit, env=env
        )
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if done.returncode != 0:
        memory = "MemoryError" in done.stderr or "Cannot allocate" in done.stderr
        return {"error": "out of memory" if memory else done.stderr.strip().splitlines()[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--methods", default=None, help="comma list; default every method")
    parser.add_argument("--budgets", default="r0.5d0.3")
    parser.add_argument("--sizes", default="0.5,1,2", help="MB (10**6 characters)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--max-gb", type=float, default=3.0)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="append each point as JSON")
    parser.add_argument("--child", nargs=4, metavar=("KIND", "CHARS", "METHOD", "BUDGET"))
    args = parser.parse_args()
    if args.child:
        kind, chars, method, budget = args.child
        child(kind, int(chars), method, budget, args.data)
        return
    if args.methods is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from summarizer import METHODS

        methods = [*METHODS, *EXTRA_METHODS]
    else:
        methods = args.methods.split(",")
    sizes = [float(s) for s in args.sizes.split(",")]
    print(
        "| input | method | budget | "
        + " | ".join(f"{s:g} MB s / MB" for s in sizes)
        + " | last doubling |"
    )
    print("|---|---|---|" + "---|" * len(sizes) + "---|")
    for kind in args.kinds.split(","):
        for method in methods:
            for budget in args.budgets.split(","):
                cells, times = [], []
                for size in sizes:
                    point = run_point(args, kind, int(size * 1e6), method, budget)
                    if args.json:
                        record = {"kind": kind, "method": method, "budget": budget, "mb": size}
                        with open(args.json, "a", encoding="utf-8") as f:
                            f.write(json.dumps({**record, **point}) + "\n")
                    if "error" in point:
                        cells.append(point["error"])
                        times.append(None)
                    else:
                        cells.append(f"{point['seconds']:.2f} / {point['peak_mb']:.0f}")
                        times.append(point["seconds"])
                growth = "-"
                if len(times) > 1 and times[-1] is not None and times[-2]:
                    growth = f"{times[-1] / times[-2]:.2f}x"
                print(
                    f"| {kind} | {method} | {budget} | " + " | ".join(cells) + f" | {growth} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
