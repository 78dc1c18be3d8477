"""Thresholded LexRank on one long document: seconds and peak memory.

    python benchmarks/threshold.py 10000 100000 [--long-dir DIR] [--threshold 0.1]

Thresholded LexRank needs explicit sentence-to-sentence edges (the other graph
methods never build them), so it is the long-document worst case. The text is
the State of the Union speeches concatenated (and repeated as needed) and cut
to N sentences by our splitter, as in speed.py. Each N runs in a fresh process
with one BLAS thread, after a warm-up on a different text.
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

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "long" / "state_union"


def child(n: int, directory: str, threshold: float) -> None:
    sys.path.insert(0, str(ROOT))
    from summarizer import Summarizer, split_sentences

    files = sorted(Path(directory).glob("*.txt"))
    one = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    text, count = one, len(split_sentences(one))
    while count < n:
        text += "\n\n" + one
        count = len(split_sentences(text))
    text = text[: split_sentences(text)[n - 1].end]
    summarizer = Summarizer(method="lexrank", threshold=threshold, max_chars=None)
    summarizer.summarize(one[-20_000:], 5)  # warm-up on other text: imports, caches
    t, c = time.perf_counter(), time.process_time()
    summary = summarizer.summarize(text, 5)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"sentences": summary.n_sentences, "wall_s": wall, "cpu_s": cpu, "peak_mb": peak}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, help="sentence counts")
    parser.add_argument("--long-dir", default=str(DEFAULT_DIR), help="folder of .txt files")
    parser.add_argument("--threshold", type=float, default=0.1)
    parser.add_argument("--json", help="also write the rows as JSON here")
    parser.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        child(args.sizes[0], args.long_dir, args.threshold)
        return
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    print(f"lexrank, threshold={args.threshold}; one fresh process per size\n")
    print("| sentences | wall s | CPU s | peak RSS MB |")
    print("|---|---|---|---|")
    rows = []
    for n in args.sizes:
        command = [
            sys.executable,
            __file__,
            str(n),
            "--long-dir",
            args.long_dir,
            "--threshold",
            str(args.threshold),
            "--_child",
        ]
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {r['sentences']:,} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['peak_mb']:.0f} |")
        rows.append(r)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"threshold": args.threshold, "rows": rows}, out, indent=1)


if __name__ == "__main__":
    main()
