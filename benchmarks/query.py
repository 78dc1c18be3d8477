"""Query-focused summaries of meeting transcripts (QMSum): which turns a summary picks.

    PYTHONPATH=. python benchmarks/query.py [../shared/data/query/qmsum_dev.jsonl]
        [--systems ours,bm25,tfidf,first,gold] [--boot 2000] [--cv] [--json PATH]

Protocol (issue 19, ``/work/shared/DESIGN.md``): each record's transcript is passed as one
text, one turn per paragraph (``"Speaker: words"``, a blank line between turns), with the
record's query and ``sentences=10``. A turn counts as chosen when a summary sentence starts
inside it (a sentence never crosses a blank line). Per query: precision = relevant chosen
turns / chosen turns, recall = relevant chosen turns / gold turns, F1 their harmonic mean (0
when nothing relevant is chosen), hit = at least one relevant turn chosen. Scores are
macro-averaged over the queries (x 100) with a 95 % bootstrap interval from resampling
*meetings* (2,000 resamples, seed 0): the queries of one meeting share a transcript, so they
are not independent draws.

Systems, on the same records:

``ours``
    ``summarize(text, query=query, sentences=10)``; ms is the median time per query of that
    call, text building excluded.
``ours-noquery``
    the same without ``query=`` (what the query adds).
``bm25``
    ``rank_bm25.BM25Okapi`` (k1 1.5, b 0.75, its defaults) over the turns, tokens: lower-cased
    runs of letters/digits with scikit-learn's English stop words removed, the same for the
    query; the 10 turns of highest score (earliest first among equals).
``tfidf``
    scikit-learn ``TfidfVectorizer(stop_words="english")`` fitted on the meeting's turns; the
    10 turns of highest cosine similarity to the query.
``first``
    the first 10 turns.
``gold``
    the first 10 gold turns (an oracle with the same budget: precision 100, recall capped by
    the budget).

``--cv`` runs 5-fold cross-validation over meetings for the query-focus settings in
``CANDIDATES`` (``summarizer.query.Focus``: passage width ``sigma``, positional redundancy
``spread`` and ``spread_width``): for each fold, the setting with the highest training hit
rate among those whose training F1 is at least ``F1_FLOOR`` (15: the target's 14 plus a
margin; F1 breaks ties) is scored on the held-out meetings; the report is the pooled
held-out score and the setting each fold chose.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from benchmarks import common

BUDGET = 10
SYSTEMS = ("ours", "ours-noquery", "bm25", "tfidf", "first", "gold")
_WORD = re.compile(r"[a-z0-9]+")


def transcript(row: dict) -> tuple[str, list[int]]:
    """The record's turns as one text, one ``"Speaker: words"`` paragraph each, and the start
    offset of each turn."""
    parts, starts, at = [], [], 0
    for turn in row["turns"]:
        line = f"{turn['speaker']}: {' '.join(turn['text'].split())}"
        starts.append(at)
        parts.append(line)
        at += len(line) + 2
    return "\n\n".join(parts), starts


def turns_of(offsets: list[int], starts: list[int]) -> set[int]:
    """The turns in which the sentences starting at ``offsets`` lie."""
    return {bisect.bisect_right(starts, o) - 1 for o in offsets}


def scores(chosen: set[int], gold: set[int]) -> dict[str, float]:
    """Turn precision, recall, F1 and hit (x 100) of one query."""
    right = len(chosen & gold)
    p = right / len(chosen) if chosen else 0.0
    r = right / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if right else 0.0
    return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f, "hit": 100.0 * (right > 0)}


def _tokens(text: str, stop: frozenset[str]) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def _top(values: np.ndarray, k: int = BUDGET) -> set[int]:
    return set(np.argsort(-values, kind="stable")[:k].tolist())


def system(name: str):
    """A function ``(row, text, starts) -> chosen turns`` for the system ``name``."""
    if name in ("ours", "ours-noquery"):
        from summarizer import summarize

        def ours(row, text, starts):
            query = row["query"] if name == "ours" else None
            summary = summarize(text, query=query, sentences=BUDGET)
            return turns_of([s.start for s in summary.sentences], starts)

        return ours
    if name == "bm25":
        from rank_bm25 import BM25Okapi
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        stop = frozenset(ENGLISH_STOP_WORDS)

        def bm25(row, text, starts):
            docs = [_tokens(t["text"], stop) or ["<empty>"] for t in row["turns"]]
            return _top(np.asarray(BM25Okapi(docs).get_scores(_tokens(row["query"], stop))))

        return bm25
    if name == "tfidf":
        from sklearn.feature_extraction.text import TfidfVectorizer

        def tfidf(row, text, starts):
            vectorizer = TfidfVectorizer(stop_words="english")
            try:
                matrix = vectorizer.fit_transform([t["text"] for t in row["turns"]])
            except ValueError:  # no words at all
                return set(range(min(BUDGET, len(row["turns"]))))
            query = vectorizer.transform([row["query"]])
            return _top((matrix @ query.T).toarray().ravel())

        return tfidf
    if name == "first":
        return lambda row, text, starts: set(range(min(BUDGET, len(row["turns"]))))
    if name == "gold":
        return lambda row, text, starts: set(sorted(row["relevant_turns"])[:BUDGET])
    raise SystemExit(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")


def run(name: str, rows: list[dict], texts: list[tuple[str, list[int]]]) -> dict:
    """Per-query scores (arrays, x 100) and the median ms per query of system ``name``."""
    pick = system(name)
    pick(rows[0], *texts[0])  # warm-up
    per: dict[str, list[float]] = {"precision": [], "recall": [], "f1": [], "hit": []}
    times = []
    for row, (text, starts) in zip(rows, texts, strict=True):
        t0 = time.perf_counter()
        chosen = pick(row, text, starts)
        times.append(time.perf_counter() - t0)
        for key, value in scores(chosen, set(row["relevant_turns"])).items():
            per[key].append(value)
    out: dict = {key: np.array(values) for key, values in per.items()}
    out["ms"] = 1000 * statistics.median(times)
    return out


def meeting_draws(rows: list[dict], boot: int, seed: int) -> list[np.ndarray]:
    """``boot`` resamples of the records, drawing whole meetings with replacement."""
    meetings = sorted({r["meeting"] for r in rows})
    members = {m: [i for i, r in enumerate(rows) if r["meeting"] == m] for m in meetings}
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(boot):
        picked = rng.integers(0, len(meetings), size=len(meetings))
        draws.append(np.concatenate([members[meetings[j]] for j in picked]))
    return draws


def interval(values: np.ndarray, draws: list[np.ndarray]) -> tuple[float, float, float]:
    """Mean and 95 % percentile bootstrap interval of per-query ``values``."""
    means = np.array([values[d].mean() for d in draws])
    low, high = np.percentile(means, [2.5, 97.5])
    return float(values.mean()), float(low), float(high)


def _cell(stat: tuple[float, float, float]) -> str:
    return f"{stat[0]:.1f} [{stat[1]:.1f}, {stat[2]:.1f}]"


def report(results: dict[str, dict], draws: list[np.ndarray]) -> dict:
    """Print the table; return it as JSON-ready data."""
    keys = ("precision", "recall", "f1", "hit")
    table, payload = [], {}
    for name, res in results.items():
        stats = {k: interval(res[k], draws) for k in keys}
        payload[name] = {**{k: list(v) for k, v in stats.items()}, "ms": res["ms"]}
        table.append([name, *(_cell(stats[k]) for k in keys), f"{res['ms']:.1f}"])
    headers = ["system", "turn P", "turn R", "turn F1", "hit rate %", "ms/query"]
    print(common.format_table(headers, table))
    return payload


def by_domain(rows: list[dict], results: dict[str, dict], boot: int, seed: int) -> dict:
    """Turn F1 and hit rate per QMSum domain (product, academic, committee meetings)."""
    out: dict = {}
    table = []
    for domain in sorted({r["domain"] for r in rows}):
        index = np.array([i for i, r in enumerate(rows) if r["domain"] == domain])
        draws = meeting_draws([rows[i] for i in index], boot, seed)
        cells = [f"{domain} ({index.size})"]
        for name, res in results.items():
            f1 = interval(res["f1"][index], draws)
            hit = interval(res["hit"][index], draws)
            out.setdefault(domain, {})[name] = {"f1": list(f1), "hit": list(hit)}
            cells.append(f"{f1[0]:.1f} / {hit[0]:.1f}")
        table.append(cells)
    print("\nper domain, turn F1 / hit rate %:")
    print(common.format_table(["domain (queries)", *results], table))
    return out


def long_timing(rows: list[dict], turns: int = 600) -> dict[str, float]:
    """Median seconds of 5 summaries of the first ``turns`` turns of the longest meeting
    (``sentences=10``), with and without its first query."""
    from summarizer import summarize

    row = max(rows, key=lambda r: len(r["turns"]))
    text, _ = transcript({**row, "turns": row["turns"][:turns]})
    out = {}
    for label, query in (("no query", None), ("query", row["query"])):
        out[label] = common.median_seconds(
            lambda query=query: summarize(text, query=query, sentences=BUDGET)
        )
    print(
        f"\n{turns}-turn transcript ({row['meeting']}, {len(text.split())} words), sentences=10: "
        + ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in out.items())
        + " (median of 5)"
    )
    return out


# Cross-validation over meetings for the query-focus settings.

_SPREADS = [(0.0, 2.0)] + [(s, w) for s in (0.15, 0.3, 0.5) for w in (1.0, 2.0, 3.0)]
CANDIDATES: dict[str, dict] = {
    f"sigma={sigma} spread={strength} width={width}": {
        "sigma": sigma,
        "spread": strength,
        "spread_width": width,
    }
    for sigma in (2.0, 3.0, 4.0)
    for strength, width in _SPREADS
}
F1_FLOOR = 15.0  # training-fold F1 a setting needs to be chosen (the target's 14, plus margin)


def _candidates() -> dict[str, object]:
    """Named ``summarizer.query.Focus`` settings compared by ``--cv``."""
    from summarizer import query

    return {name: replace(query.FOCUS, **change) for name, change in CANDIDATES.items()}


@contextlib.contextmanager
def focus_setting(setting):
    """Summaries made inside use ``setting`` as ``summarizer.query.FOCUS``."""
    from summarizer import query

    saved = query.FOCUS
    query.FOCUS = setting
    try:
        yield
    finally:
        query.FOCUS = saved


def objective(res: dict, index: np.ndarray) -> tuple[float, float]:
    """Training objective: the hit rate, then F1 among equals; -inf when F1 < ``F1_FLOOR``."""
    f1, hit = float(res["f1"][index].mean()), float(res["hit"][index].mean())
    return (hit, f1) if f1 >= F1_FLOOR else (-np.inf, f1)


def cross_validate(rows: list[dict], texts: list, folds: int = 5, seed: int = 0) -> dict:
    """Held-out F1 and hit rate of choosing a setting on the other folds (meetings)."""
    settings = _candidates()
    results = {}
    for name, setting in settings.items():
        with focus_setting(setting):
            results[name] = run("ours", rows, texts)
        res = results[name]
        print(f"#   {name}: F1 {res['f1'].mean():.2f} hit {res['hit'].mean():.1f}", flush=True)
    meetings = sorted({r["meeting"] for r in rows})
    order = np.random.default_rng(seed).permutation(len(meetings))
    fold_of = {meetings[j]: k % folds for k, j in enumerate(order)}
    fold = np.array([fold_of[r["meeting"]] for r in rows])
    held = {"f1": np.zeros(len(rows)), "hit": np.zeros(len(rows))}
    winners = []
    for k in range(folds):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        best = max(settings, key=lambda n: objective(results[n], train))  # first of equals
        winners.append(best)
        for key in held:
            held[key][test] = results[best][key][test]
    out = {
        "folds": folds,
        "winners": winners,
        "held_out_f1": float(held["f1"].mean()),
        "held_out_hit": float(held["hit"].mean()),
        "whole_set": {
            n: {"f1": float(r["f1"].mean()), "hit": float(r["hit"].mean())}
            for n, r in results.items()
        },
    }
    print(
        f"\n{folds}-fold CV over meetings: winners per fold {winners}; held-out turn F1 "
        f"{out['held_out_f1']:.1f}, hit rate {out['held_out_hit']:.1f} %"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = common.DEFAULT_DATA / "query" / "qmsum_dev.jsonl"
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--boot", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cv", action="store_true", help="5-fold CV over meetings")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    common.ensure_hash_seed()
    rows = common.read_jsonl(args.path, args.limit)
    texts = [transcript(r) for r in rows]
    info = common.run_info()
    common.print_run_info(info)
    n_meetings = len({r["meeting"] for r in rows})
    print(f"# {args.path}: {len(rows)} queries over {n_meetings} meetings, sentences={BUDGET}\n")
    results = {name: run(name, rows, texts) for name in args.systems.split(",") if name}
    draws = meeting_draws(rows, args.boot, args.seed)
    payload = {"run": info, "systems": report(results, draws)}
    payload["domains"] = by_domain(rows, results, args.boot, args.seed)
    payload["seconds_600_turns"] = long_timing(rows)
    if args.cv:
        payload["cv"] = cross_validate(rows, texts)
    if args.json:
        common.write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
