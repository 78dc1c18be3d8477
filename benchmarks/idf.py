"""Does IDF fitted on a corpus help? ROUGE with and without ``Summarizer.fit``, held out.

    python benchmarks/idf.py --bbc bbc_dev.jsonl --cnndm cnndm_dev100.jsonl

Without a fitted IDF, a document's IDF comes from its own sentences, which says
little when there are few of them. Here IDF is always fitted on documents that
are NOT evaluated: each set is split in two halves by position (even / odd),
IDF is fitted on one half and the other half is summarized (and vice versa).
CNN/DM is also summarized with IDF fitted on all of BBC dev (another corpus).

Two kinds of text: "full" articles (budget: the reference's sentence count on
BBC, 3 on CNN/DM, as in DESIGN.md) and "short" ones, the first 5 sentences of
each article (``--short``; budget: on BBC the reference sentences that fall in
those, scored against just those; on CNN/DM 2 sentences, at most short - 1,
against the highlights).
ROUGE is rouge-score F1 x 100 (stemmed), summary sentences joined by newlines.
The "R2 delta" column is the mean paired difference (fitted - own) with a
bootstrap 95% interval over documents. textrank uses raw term overlap, not IDF,
so it must not change: a control.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer import DEFAULT_METHOD, Summarizer, split_sentences

# The default first; textrank weighs raw overlap, not IDF, so it is the control.
METHODS = tuple(dict.fromkeys((DEFAULT_METHOD, "lexrank", "tfidf", "textrank")))
SHORT = 5


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def full_case(doc: dict, budget: int | None) -> tuple[str, str, int] | None:
    reference = doc["reference"]
    return doc["article"], reference, budget or len(reference.strip().splitlines())


def short_case(doc: dict, budget: int | None) -> tuple[str, str, int] | None:
    sentences = split_sentences(doc["article"])
    budget = budget and min(budget, SHORT - 1)
    if len(sentences) <= SHORT:
        return None
    text = doc["article"][: sentences[SHORT - 1].end]
    if budget:  # abstractive highlights: keep them, fixed budget
        return text, doc["reference"], budget
    lines = [x.strip() for x in doc["reference"].splitlines() if x.strip()]
    inside = [x for x in lines if x in text]  # BBC references are sentences of the article
    if not inside or len(inside) >= SHORT:
        return None
    return text, "\n".join(inside), len(inside)


ROWS: list[dict] = []  # what the table shows, for --json


def bootstrap(deltas: np.ndarray, seed: int = 0, n: int = 2000) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    means = rng.choice(deltas, size=(n, len(deltas)), replace=True).mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def evaluate(
    name: str,
    docs: list[dict],
    make_case: Callable,
    budget: int | None,
    fits: dict[str, Callable[[int, str], Summarizer]],
) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    cases = [(i, c) for i, d in enumerate(docs) if (c := make_case(d, budget)) is not None]
    for method in METHODS:
        own = Summarizer(method=method)
        base = np.array([_rouge(scorer, own.summarize(t, k), ref) for _, (t, ref, k) in cases])
        row = f"| {name} | {len(cases)} | {method} | " + " / ".join(
            f"{x:.2f}" for x in base.mean(0)
        )
        for fit_name, fit in fits.items():
            fitted = np.array(
                [_rouge(scorer, fit(i, method).summarize(t, k), ref) for i, (t, ref, k) in cases]
            )
            deltas = fitted[:, 1] - base[:, 1]
            low, high = bootstrap(deltas)
            ROWS.append(
                {
                    "set": name,
                    "docs": len(cases),
                    "method": method,
                    "own_idf": base.mean(0).tolist(),
                    "fitted_on": fit_name,
                    "fitted_idf": fitted.mean(0).tolist(),
                    "r2_delta": float(deltas.mean()),
                    "r2_delta_ci95": [low, high],
                    "docs_up_down": [int((deltas > 0).sum()), int((deltas < 0).sum())],
                }
            )
            print(
                f"{row} | {fit_name} | " + " / ".join(f"{x:.2f}" for x in fitted.mean(0)) + " | "
                f"{deltas.mean():+.2f} [{low:+.2f}, {high:+.2f}] | "
                f"{int((deltas > 0).sum())}/{int((deltas < 0).sum())} |",
                flush=True,
            )


def _rouge(scorer, summary, reference: str) -> list[float]:
    scores = scorer.score(reference, str(summary))
    return [100 * scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")]


def half_fits(docs: list[dict]) -> Callable[[int, str], Summarizer]:
    """IDF for document i fitted on the other half of ``docs`` (by position parity)."""
    fitted = {
        (parity, method): Summarizer(method=method).fit(
            d["article"] for j, d in enumerate(docs) if j % 2 != parity
        )
        for parity in (0, 1)
        for method in METHODS
    }
    return lambda i, method: fitted[(i % 2, method)]


def corpus_fit(corpus: list[dict]) -> Callable[[int, str], Summarizer]:
    fitted = {m: Summarizer(method=m).fit(d["article"] for d in corpus) for m in METHODS}
    return lambda i, method: fitted[method]


def main() -> None:
    global SHORT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bbc", required=True, help="bbc_dev.jsonl")
    parser.add_argument("--cnndm", help="cnndm_dev100.jsonl")
    parser.add_argument("--short", type=int, default=SHORT, help="sentences of a short text")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    SHORT = args.short
    random.seed(0)
    bbc = load(args.bbc)
    print(
        "| set | docs | method | own IDF R1 / R2 / RLsum | fitted on | "
        "fitted IDF R1 / R2 / RLsum | R2 delta [95% CI] | docs up/down |"
    )
    print("|---|---|---|---|---|---|---|---|")
    bbc_halves = half_fits(bbc)
    evaluate("BBC full", bbc, full_case, None, {"other half": bbc_halves})
    evaluate(f"BBC first {SHORT} sentences", bbc, short_case, None, {"other half": bbc_halves})
    if args.cnndm:
        cnn = load(args.cnndm)
        fits = {"other half": half_fits(cnn), "BBC dev": corpus_fit(bbc)}
        evaluate("CNN/DM full", cnn, full_case, 3, fits)
        evaluate(f"CNN/DM first {SHORT} sentences", cnn, short_case, 2, fits)
    if args.json:
        args.json.write_text(json.dumps(ROWS, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
