"""ROUGE of our methods, Lead-k and every installed peer: same documents, same budget.

    NLTK_DATA=/path/to/nltk_data python benchmarks/quality.py DATASET.jsonl --budget 3|ref

DATASET.jsonl has one record per line with ``article`` and ``reference`` (one
reference sentence per line). ``--budget ref`` gives each document as many
sentences as its reference has lines. Scores are ROUGE-1/2/Lsum F1 x 100 from
``rouge-score`` (``RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)``),
averaged over documents, with each summary's sentences joined by newlines (that
is what rougeLsum splits on; inner whitespace is collapsed for every system).

A system that raises on a document scores 0 on it and the failure is counted:
robustness is part of the comparison. Documents with text for which a system
returns no sentence without raising are counted too (printed below the table).
Systems that cannot run here (package or nltk model missing) are listed as not
available.

When records carry ``article_sentences`` and ``oracle_labels`` (SciTLDR), the
table also gives the oracle-hit rate at one sentence: how often a system's
single chosen sentence is the one marked as best. Systems split text their own
way, so a chosen sentence is mapped to ``article_sentences`` by text: with all
whitespace removed, it is located in the concatenated article sentences and
mapped to the one it overlaps most; if it cannot be located verbatim (a system
rewrote it), to the sentence sharing the largest fraction of its words; a
sentence sharing no word maps to none (a miss). The JSON counts each kind.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import common, peers

METRICS = ("rouge1", "rouge2", "rougeLsum")
_WORD = re.compile(r"\w+")


def reference_sentences(reference: str) -> list[str]:
    return [line.strip() for line in reference.splitlines() if line.strip()]


def budget_for(row: dict, budget: str) -> int:
    if budget == "ref":
        return max(1, len(reference_sentences(row["reference"])))
    return int(budget)


def _squash(text: str) -> str:
    return "".join(text.split())


def map_to_article_sentence(chosen: str, article_sentences: list[str]) -> tuple[int | None, str]:
    """Index of the article sentence that ``chosen`` corresponds to, and how it was found.

    Returns ``(index, "text")`` when located verbatim (whitespace ignored),
    ``(index, "words")`` by best word overlap, ``(None, "none")`` otherwise.
    """
    pieces = [_squash(s) for s in article_sentences]
    starts = []
    pos = 0
    for p in pieces:
        starts.append(pos)
        pos += len(p)
    needle = _squash(chosen)
    at = "".join(pieces).find(needle) if needle else -1
    if at >= 0:
        end = at + len(needle)
        overlaps = [min(end, s + len(p)) - max(at, s) for s, p in zip(starts, pieces, strict=True)]
        return max(range(len(pieces)), key=lambda i: (overlaps[i], -i)), "text"
    words = set(_WORD.findall(chosen.lower()))
    if not words:
        return None, "none"
    shares = [len(words & set(_WORD.findall(s.lower()))) / len(words) for s in article_sentences]
    best = max(range(len(shares)), key=lambda i: (shares[i], -i), default=None)
    if best is None or shares[best] == 0:
        return None, "none"
    return best, "words"


def evaluate(name: str, rows: list[dict], budget: str, corpus: list[str], scorer) -> dict:
    """Run one system over every row; ROUGE means, failures, oracle hits."""
    try:
        fn = peers.build(name, corpus)
    except peers.NotAvailable as e:
        return {"available": False, "reason": str(e)}
    except Exception as e:  # a peer that cannot even be set up
        return {"available": False, "reason": f"set-up failed: {type(e).__name__}: {e}"}

    has_oracle = all("oracle_labels" in r and "article_sentences" in r for r in rows)
    totals = dict.fromkeys(METRICS, 0.0)
    failures: list[dict] = []
    empty: list = []  # documents with text for which the system returned no sentence
    n_sentences = 0
    oracle = {"hits": 0, "docs": 0, "mapped_by_text": 0, "mapped_by_words": 0, "unmapped": 0}
    t0 = time.perf_counter()
    for row in rows:
        k = budget_for(row, budget)
        try:
            chosen = [peers.normalize(s) for s in fn(row["article"], k)]
        except Exception as e:
            failures.append({"id": row.get("id"), "error": f"{type(e).__name__}: {e}"[:200]})
            chosen = []
        n_sentences += len(chosen)
        if not chosen and row["article"].strip():
            empty.append(row.get("id"))
        target = "\n".join(reference_sentences(row["reference"]))
        scores = scorer.score(target, "\n".join(chosen))
        for m in METRICS:
            totals[m] += scores[m].fmeasure
        if has_oracle:
            oracle["docs"] += 1
            if k != 1:
                try:
                    chosen = [peers.normalize(s) for s in fn(row["article"], 1)]
                except Exception:
                    chosen = []
            if chosen:
                index, how = map_to_article_sentence(chosen[0], row["article_sentences"])
                oracle["unmapped" if how == "none" else f"mapped_by_{how}"] += 1
                if index is not None and row["oracle_labels"][index] == 1:
                    oracle["hits"] += 1
    n = len(rows)
    result = {
        "available": True,
        "docs": n,
        **{m: 100.0 * totals[m] / n for m in METRICS},
        "sentences_per_doc": n_sentences / n,
        "failures": len(failures),
        "failed": failures[:20],
        "empty": len(empty),
        "empty_ids": empty[:20],
        "seconds": time.perf_counter() - t0,
    }
    if has_oracle:
        result["oracle_hit"] = 100.0 * oracle["hits"] / oracle["docs"]
        result["oracle"] = oracle
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", help="JSONL with article and reference (one sentence per line)")
    ap.add_argument(
        "--budget",
        default="3",
        help="sentences per summary: a positive integer, or 'ref' for the reference's "
        "sentence count (default 3)",
    )
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument(
        "--systems",
        help="comma-separated: names (e.g. ours:textrank,sumy:lsa,summa:textrank), "
        "or ours, peers, sumy, all (default all)",
    )
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = ap.parse_args(argv)

    if args.budget != "ref" and not (args.budget.isdigit() and int(args.budget) > 0):
        ap.error("--budget must be a positive integer or 'ref'")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be positive")
    try:
        systems = peers.resolve(args.systems)
    except ValueError as e:
        ap.error(str(e))
    try:
        rows = common.read_jsonl(args.dataset, args.limit)
    except (OSError, ValueError) as e:
        print(f"quality.py: cannot read {args.dataset}: {e}", file=sys.stderr)
        return 1
    rows = [r for r in rows if isinstance(r.get("article"), str) and "reference" in r]
    if not rows:
        print(
            f"quality.py: no records with article and reference in {args.dataset}", file=sys.stderr
        )
        return 1
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("quality.py: needs rouge-score (pip install rouge-score)", file=sys.stderr)
        return 1
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    warnings.simplefilter("ignore")  # peers' deprecation chatter would drown the table

    info = common.run_info()
    corpus = [r["article"] for r in rows]
    results = {}
    for name in systems:
        print(f"... {name}", file=sys.stderr, flush=True)
        results[name] = evaluate(name, rows, args.budget, corpus, scorer)

    has_oracle = any("oracle_hit" in r for r in results.values())
    headers = ["system", "R-1", "R-2", "R-Lsum", "sents/doc", "failed"]
    if has_oracle:
        headers.append("oracle hit @1 %")
    table = []
    for name, r in results.items():
        if not r["available"]:
            table.append([name, "not available", "", "", "", "", *([""] if has_oracle else [])])
            continue
        row = [name, *(f"{r[m]:.2f}" for m in METRICS), f"{r['sentences_per_doc']:.2f}"]
        row.append(f"{r['failures']}/{r['docs']}")
        if has_oracle:
            row.append(f"{r['oracle_hit']:.1f}")
        table.append(row)

    common.print_run_info(info)
    budget_text = "reference sentence count" if args.budget == "ref" else f"{args.budget} sentences"
    print(f"# {Path(args.dataset).name}: {len(rows)} documents, budget {budget_text}; F1 x 100")
    print(common.format_table(headers, table))
    for name, r in results.items():
        if not r["available"]:
            print(f"  {name}: {r['reason']}")
            continue
        if r["failures"]:
            print(f"  {name} failed on {r['failures']} documents, e.g. {r['failed'][0]}")
        if r["empty"]:
            print(f"  {name} returned no sentence for {r['empty']} documents with text")
        o = r.get("oracle")
        if o and (o["mapped_by_words"] or o["unmapped"]):
            print(
                f"  {name}: oracle mapping by text {o['mapped_by_text']}, "
                f"by words {o['mapped_by_words']}, unmapped {o['unmapped']}"
            )
    if args.json:
        payload = {
            "benchmark": "quality",
            "dataset": str(args.dataset),
            "documents": len(rows),
            "budget": args.budget,
            "run": info,
            "systems": results,
        }
        common.write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    common.ensure_hash_seed()
    sys.exit(main())
