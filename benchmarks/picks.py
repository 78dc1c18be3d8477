"""A fingerprint of every pick: which sentences each method, budget, diversity and order chooses.

Refactors must not change what the library picks. This script summarizes every document
of the evaluation data (summarization, segmentation, keyphrase and query sets, HTML pages
as raw text, the long speeches) with every method in ``METHODS``, several budgets, three
diversities and both orders, and hashes the chosen sentences' offsets, and separately the
sentence spans of ``split_sentences``. It prints one hash per data file and one over all;
``--save`` keeps a digest per document so that ``--compare`` can list the documents whose
picks changed (when a change is meant to move some, e.g. a new stemmer).

    python benchmarks/picks.py [--data ../shared/data] [--jobs 2] [--save out.json]
    python benchmarks/picks.py --compare before.json after.json

Scores are not hashed (a refactor may move their last bits); the picks are what a user
sees. Budgets: 1 and 3 sentences, ratio 0.3, 100 words, 600 characters; diversities: the
method's default, 0 and 0.6; order "score" for every budget and "document" for 3 sentences
(order only sorts the same picks).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUDGETS = ({"sentences": 1}, {"sentences": 3}, {"ratio": 0.3}, {"words": 100}, {"chars": 600})
DIVERSITIES = (None, 0.0, 0.6)
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def documents(data: Path) -> list[tuple[str, str, str]]:
    """(file, id, text) for every document under ``data``, in a fixed order."""
    out = []
    for path in sorted(data.rglob("*.jsonl")):
        name = str(path.relative_to(data))
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                text = _text_of(record)
                if text is not None:
                    out.append((name, str(record.get("id", number)), text))
    for path in sorted(data.rglob("*.txt")):
        out.append((str(path.relative_to(data)), path.name, path.read_text(encoding="utf-8")))
    return out


def _text_of(record: dict) -> str | None:
    for field in ("article", "text", "html"):
        if isinstance(record.get(field), str):
            return record[field]
    if isinstance(record.get("turns"), list):
        return "\n\n".join(f"{t['speaker']}: {t['text']}" for t in record["turns"])
    return None


def digest(text: str, language: str | None = None) -> str:
    """The hash of every pick (and of the sentence spans) for one text; ``language`` None
    leaves the library's default (detection), else it is passed on."""
    from summarizer import METHODS, Summarizer, split_sentences

    given = {} if language is None else {"language": language}
    h = hashlib.sha256()
    h.update(repr([(s.start, s.end) for s in split_sentences(text, **given)]).encode())
    for method in METHODS:
        for diversity in DIVERSITIES:
            sm = Summarizer(method=method, diversity=diversity, max_chars=None, **given)
            for budget in BUDGETS:
                orders = ("score", "document") if budget == {"sentences": 3} else ("score",)
                for order in orders:
                    s = sm.summarize(text, order=order, **budget)
                    h.update(repr([(x.start, x.end) for x in s.sentences]).encode())
    return h.hexdigest()


def _work(item: tuple[str, str, str, str | None]) -> tuple[str, str, str]:
    name, ident, text, language = item
    return name, ident, digest(text, language)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N documents of each file")
    parser.add_argument("--save", type=Path, help="write each document's digest here (JSON)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument(
        "--language", help="pass language= (e.g. en, to compare with code that knew only English)"
    )
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        changed = sorted(k for k in before if before[k] != after.get(k))
        print(f"{len(changed)} of {len(before)} documents changed picks")
        for key in changed:
            print("  " + key)
        return 0
    items = documents(args.data)
    if not items:
        parser.error(f"no documents under {args.data}; pass --data")
    if args.limit:
        seen: dict[str, int] = {}
        kept = []
        for item in items:
            seen[item[0]] = seen.get(item[0], 0) + 1
            if seen[item[0]] <= args.limit:
                kept.append(item)
        items = kept
    work = [(*item, args.language) for item in items]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(_work, work, chunksize=4))
    per_file: dict[str, hashlib._Hash] = {}
    total = hashlib.sha256()
    for name, _, value in results:
        per_file.setdefault(name, hashlib.sha256()).update(value.encode())
        total.update(value.encode())
    for name, h in per_file.items():
        count = sum(1 for r in results if r[0] == name)
        print(f"{h.hexdigest()[:16]}  {count:5d}  {name}")
    print(f"{total.hexdigest()}  {len(results)} documents  (all)")
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps({f"{n}#{i}": v for n, i, v in results}, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
