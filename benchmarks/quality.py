"""ROUGE of our methods, Lead-k and the peers: same documents, same budget, with intervals.

    NLTK_DATA=/path/to/nltk_data python benchmarks/quality.py                 # the protocol
    NLTK_DATA=/path/to/nltk_data python benchmarks/quality.py DATASET.jsonl --budget 3|ref

With no dataset the four dev sets run in one go (``--sets``, default
``cnndm_dev340:3,cnndm_dev100:3,bbc_dev:ref,scitldr_dev:1`` from ``--data``,
default the shared data folder), with our methods and the peers the protocol
compares against (Lead-3 on nltk's punkt, summa, sumy TextRank); with a
dataset file, that file alone and every system, as before.

DATASET.jsonl has one record per line with ``article`` and ``reference`` (one
reference sentence per line). ``--budget ref`` gives each document as many
sentences as its reference has lines. Scores are ROUGE-1/2/Lsum F1 x 100 from
``rouge-score`` (``RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)``),
averaged over documents, with each summary's sentences joined by newlines (that
is what rougeLsum splits on; inner whitespace is collapsed for every system).

Every mean comes with a 95 % bootstrap interval (``--boot`` resamples of the
documents, percentile method, fixed seed). Per set the tables also break the
scores down by subset: the record's ``origin`` (CNN or DailyMail) where it has
one, and document length in our sentences (``segment``): <= 15, 16-30, > 30.
Differences between our default (and any method in ``--compare``) and the
references ``ours:lead`` (the first k sentences of our splitter), ``lead-k``,
``summa:textrank`` and ``sumy:textrank`` are paired: the same resampled
documents for both systems.

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

import numpy as np

from benchmarks import common, peers

METRICS = ("rouge1", "rouge2", "rougeLsum")
_WORD = re.compile(r"\w+")
DEFAULT_SETS = "cnndm_dev340:3,cnndm_dev100:3,bbc_dev:ref,scitldr_dev:1"
# What the protocol run compares, unless --systems says otherwise.
PROTOCOL_PEERS = ("lead-k", "summa:textrank", "sumy:textrank")
# The references every compared method's paired differences are taken against.
REFERENCES = ("ours:lead", "lead-k", "summa:textrank", "sumy:textrank")
LENGTH_BUCKETS = ((0, 15, "<=15"), (16, 30, "16-30"), (31, None, ">30"))


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
    """Run one system over every row; ROUGE means, per-document scores, failures, oracle hits."""
    try:
        fn = peers.build(name, corpus)
    except peers.NotAvailable as e:
        return {"available": False, "reason": str(e)}
    except Exception as e:  # a peer that cannot even be set up
        return {"available": False, "reason": f"set-up failed: {type(e).__name__}: {e}"}

    has_oracle = all("oracle_labels" in r and "article_sentences" in r for r in rows)
    per_doc: dict[str, list[float]] = {m: [] for m in METRICS}
    hits: list[float] = []
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
            per_doc[m].append(100.0 * scores[m].fmeasure)
        if has_oracle:
            oracle["docs"] += 1
            if k != 1:
                try:
                    chosen = [peers.normalize(s) for s in fn(row["article"], 1)]
                except Exception:
                    chosen = []
            hit = 0.0
            if chosen:
                index, how = map_to_article_sentence(chosen[0], row["article_sentences"])
                oracle["unmapped" if how == "none" else f"mapped_by_{how}"] += 1
                if index is not None and row["oracle_labels"][index] == 1:
                    oracle["hits"] += 1
                    hit = 100.0
            hits.append(hit)
    n = len(rows)
    result = {
        "available": True,
        "docs": n,
        **{m: float(np.mean(per_doc[m])) for m in METRICS},
        "sentences_per_doc": n_sentences / n,
        "failures": len(failures),
        "failed": failures[:20],
        "empty": len(empty),
        "empty_ids": empty[:20],
        "seconds": time.perf_counter() - t0,
        "per_doc": per_doc,
    }
    if has_oracle:
        result["oracle_hit"] = 100.0 * oracle["hits"] / oracle["docs"]
        result["oracle"] = oracle
        result["per_doc"]["oracle_hit"] = hits
    return result


# Subsets and bootstrap intervals.


def subsets(rows: list[dict]) -> dict[str, np.ndarray]:
    """Document indices of each subset: all, each ``origin``, each length bucket (our sentences)."""
    from summarizer.segment import segment

    out = {"all": np.arange(len(rows))}
    origins = sorted({r["origin"] for r in rows if isinstance(r.get("origin"), str)})
    if len(origins) > 1:
        for origin in origins:
            out[origin] = np.array([i for i, r in enumerate(rows) if r.get("origin") == origin])
    lengths = np.array([len(segment(r["article"])) for r in rows])
    for low, high, label in LENGTH_BUCKETS:
        inside = (lengths >= low) & (lengths <= (high if high is not None else lengths.max()))
        out[label] = np.nonzero(inside)[0]
    return out


def bootstrap_draws(n: int, boot: int, seed: int) -> np.ndarray:
    """``boot`` resamples of ``n`` documents (indices), the same for every system of a set."""
    return np.random.default_rng(seed).integers(0, n, size=(boot, n)) if n else np.zeros((0, 0))


def interval(values: np.ndarray, draws: np.ndarray) -> tuple[float, float, float]:
    """Mean and 95 % percentile bootstrap interval of ``values`` over the resamples ``draws``."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return float("nan"), float("nan"), float("nan")
    means = values[draws].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(values.mean()), float(low), float(high)


def summarize_subsets(per_doc: dict, groups: dict, boot: int, seed: int) -> dict:
    """``{subset: {metric: [mean, low, high]}}`` for one system."""
    out = {}
    for label, index in groups.items():
        draws = bootstrap_draws(index.size, boot, seed)
        out[label] = {
            m: list(interval(np.asarray(v)[index], draws)) if index.size else None
            for m, v in per_doc.items()
        }
        out[label]["docs"] = int(index.size)
    return out


def paired_differences(a: dict, b: dict, groups: dict, boot: int, seed: int) -> dict:
    """``{subset: {metric: [mean, low, high]}}`` of system a minus system b, per document."""
    out = {}
    for label, index in groups.items():
        draws = bootstrap_draws(index.size, boot, seed)
        out[label] = {
            m: list(interval((np.asarray(a[m]) - np.asarray(b[m]))[index], draws))
            if index.size
            else None
            for m in a
            if m in b
        }
    return out


def _cell(stat) -> str:
    if not stat:
        return "-"
    mean, low, high = stat
    return f"{mean:.2f} [{low:.2f}, {high:.2f}]"


def _diff_cell(stat) -> str:
    if not stat:
        return "-"
    mean, low, high = stat
    return f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]"


def run_set(path, budget, systems, limit, scorer, boot, seed, compare) -> dict | None:
    """Evaluate every system on one data set; print its tables; return the JSON part."""
    try:
        rows = common.read_jsonl(path, limit)
    except (OSError, ValueError) as e:
        print(f"quality.py: cannot read {path}: {e}", file=sys.stderr)
        return None
    rows = [r for r in rows if isinstance(r.get("article"), str) and "reference" in r]
    if not rows:
        print(f"quality.py: no records with article and reference in {path}", file=sys.stderr)
        return None
    corpus = [r["article"] for r in rows]
    results = {}
    for name in systems:
        print(f"... {Path(path).name}: {name}", file=sys.stderr, flush=True)
        results[name] = evaluate(name, rows, budget, corpus, scorer)
    groups = subsets(rows)
    for r in results.values():
        if r["available"]:
            r["subsets"] = summarize_subsets(r["per_doc"], groups, boot, seed)
    compared = [c for c in compare if results.get(c, {}).get("available")]
    references = [c for c in REFERENCES if results.get(c, {}).get("available")]
    differences = {
        c: {
            ref: paired_differences(
                results[c]["per_doc"], results[ref]["per_doc"], groups, boot, seed
            )
            for ref in references
            if ref != c
        }
        for c in compared
    }
    print_set(path, rows, budget, results, groups, differences)
    return {
        "dataset": str(path),
        "documents": len(rows),
        "budget": budget,
        "ids": [r.get("id") for r in rows],
        "subsets": {label: index.tolist() for label, index in groups.items()},
        "systems": results,
        "differences": differences,
    }


def print_set(path, rows, budget, results, groups, differences) -> None:
    has_oracle = any("oracle_hit" in r for r in results.values())
    headers = [
        "system",
        "R-1",
        "R-1 95 % CI",
        "R-2",
        "R-2 95 % CI",
        "R-Lsum",
        "sents/doc",
        "failed",
    ]
    if has_oracle:
        headers += ["oracle hit @1 %", "hit 95 % CI"]
    table = []
    for name, r in results.items():
        if not r["available"]:
            table.append([name, "not available", *[""] * (len(headers) - 2)])
            continue
        whole = r["subsets"]["all"]
        row = [
            name,
            f"{r['rouge1']:.2f}",
            _cell(whole["rouge1"]).split(" ", 1)[1],
            f"{r['rouge2']:.2f}",
            _cell(whole["rouge2"]).split(" ", 1)[1],
            f"{r['rougeLsum']:.2f}",
            f"{r['sentences_per_doc']:.2f}",
            f"{r['failures']}/{r['docs']}",
        ]
        if has_oracle:
            row += [f"{r['oracle_hit']:.1f}", _cell(whole["oracle_hit"]).split(" ", 1)[1]]
        table.append(row)
    budget_text = (
        "reference sentence count"
        if budget == "ref"
        else f"{budget} sentence{'' if budget == '1' else 's'}"
    )
    print(f"\n## {Path(path).name}: {len(rows)} documents, budget {budget_text}; F1 x 100")
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
    labels = list(groups)
    metrics = (
        (("oracle_hit", "oracle hit %"), ("rouge1", "R-1"))
        if has_oracle
        else (("rouge1", "R-1"), ("rouge2", "R-2"))
    )
    for metric, title in metrics:
        print(
            f"\n{title} by subset (documents: "
            + ", ".join(f"{lab} {groups[lab].size}" for lab in labels)
            + "), 95 % CI"
        )
        sub_rows = []
        for name, r in results.items():
            if r["available"]:
                sub_rows.append([name, *(_cell(r["subsets"][lab][metric]) for lab in labels)])
        print(common.format_table(["system", *labels], sub_rows))
    for c, by_ref in differences.items():
        for metric, title in metrics:
            print(f"\n{c} minus each reference, {title}, paired 95 % CI")
            diff_rows = [
                [ref, *(_diff_cell(d[lab][metric]) for lab in labels)] for ref, d in by_ref.items()
            ]
            print(common.format_table(["reference", *labels], diff_rows))


def parse_sets(text: str, data: Path) -> list[tuple[Path, str]]:
    out = []
    for item in (s.strip() for s in text.split(",")):
        if not item:
            continue
        name, _, budget = item.partition(":")
        budget = budget or "3"
        if budget != "ref" and not (budget.isdigit() and int(budget) > 0):
            raise ValueError(f"bad budget in {item!r}: a positive integer or 'ref'")
        path = Path(name) if name.endswith(".jsonl") else data / f"{name}.jsonl"
        out.append((path, budget))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "dataset",
        nargs="?",
        help="JSONL with article and reference (one sentence per line); "
        "without it, the --sets protocol runs",
    )
    ap.add_argument(
        "--budget",
        default="3",
        help="with a dataset: sentences per summary, a positive integer, or 'ref' for the "
        "reference's sentence count (default 3)",
    )
    ap.add_argument(
        "--sets",
        default=DEFAULT_SETS,
        help=f"without a dataset: NAME:BUDGET,... read from --data (default {DEFAULT_SETS})",
    )
    ap.add_argument(
        "--data",
        default=str(common.DEFAULT_DATA / "summarization"),
        help="folder of the --sets files (default: the shared data folder)",
    )
    ap.add_argument("--limit", type=int, help="only the first N documents of each set")
    ap.add_argument(
        "--systems",
        help="comma-separated: names (e.g. ours:textrank,sumy:lsa,summa:textrank), "
        "or ours, peers, sumy, all (default: all with a dataset; our methods, "
        + ", ".join(PROTOCOL_PEERS)
        + " for --sets)",
    )
    ap.add_argument(
        "--compare",
        default="ours:default",
        help="systems whose paired differences to the references are printed "
        "(default ours:default)",
    )
    ap.add_argument("--boot", type=int, default=2000, help="bootstrap resamples (default 2000)")
    ap.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = ap.parse_args(argv)

    if args.budget != "ref" and not (args.budget.isdigit() and int(args.budget) > 0):
        ap.error("--budget must be a positive integer or 'ref'")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be positive")
    if args.boot < 1:
        ap.error("--boot must be positive")
    try:
        if args.dataset:
            plan = [(Path(args.dataset), args.budget)]
            default_systems = None
        else:
            plan = parse_sets(args.sets, Path(args.data))
            default_systems = [
                *(peers.OURS_PREFIX + m for m in peers.our_methods()),
                *PROTOCOL_PEERS,
            ]
        systems = peers.resolve(args.systems, default_systems)
        compare = peers.resolve(args.compare)
    except ValueError as e:
        ap.error(str(e))
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("quality.py: needs rouge-score (pip install rouge-score)", file=sys.stderr)
        return 1
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    warnings.simplefilter("ignore")  # peers' deprecation chatter would drown the table

    info = common.run_info()
    common.print_run_info(info)
    print(
        f"# bootstrap: {args.boot} resamples of the documents, seed {args.seed}; "
        f"compared: {', '.join(compare)} (default method: {peers.default_method()})"
    )
    sets = {}
    for path, budget in plan:
        part = run_set(path, budget, systems, args.limit, scorer, args.boot, args.seed, compare)
        if part is None:
            return 1
        sets[path.stem] = part
    if args.json:
        payload = {
            "benchmark": "quality",
            "run": info,
            "bootstrap": {"resamples": args.boot, "seed": args.seed, "interval": "percentile 95 %"},
            "default_method": peers.default_method(),
            "sets": sets,
        }
        if args.dataset:  # the single-file layout of earlier runs, kept for readers of it
            only = next(iter(sets.values()))
            payload.update(
                dataset=only["dataset"],
                documents=only["documents"],
                budget=only["budget"],
                systems=only["systems"],
            )
        common.write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    common.ensure_hash_seed()
    sys.exit(main())
