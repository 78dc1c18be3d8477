"""Multi-document summaries: a small dev check built from the BBC News dev articles.

    PYTHONPATH=. python benchmarks/multidoc.py [../shared/data/summarization/bbc_dev.jsonl]
        [--size 5] [--words 250] [--boot 2000] [--json PATH]

No multi-document set with topic queries is available here, so this builds one from public
dev text, the same way each time (no randomness):

- clusters: within each BBC category, the first article not yet used is a seed; it and its
  ``--size - 1`` nearest unused articles of that category (cosine of scikit-learn TF-IDF
  vectors, English stop words) make a cluster; a category's leftovers are dropped;
- each article without its headline (the first line) is one document; the cluster's topic
  query is its articles' headlines, joined by "; " (as a DUC topic statement describes the
  whole cluster);
- the reference is the articles' extractive reference summaries together (BBC News Summary
  gives one per article), so ROUGE-2 *recall* (``rouge-score``, stemming, x 100) of a
  ``--words`` summary (cut at that many words, as DUC did) says how much of what each
  article's summary holds the cluster summary covers;
- a second run, *with a copy*, adds to each cluster a syndicated copy of the seed (the same
  sentences under another paragraphing), as a feed of news often has; a summary that takes
  the same sentence from both documents wastes its budget.

Redundancy is the share of a summary's sentences that repeat an earlier one of the summary
from another document (>= 50 % of their stemmed word bigrams in it), as a percentage.

Systems on the same clusters: ``ours`` (``summarize(docs, words=W)``), ``ours+query``
(``query=`` the topic), ``lead-rr`` (lead round-robin: the first sentence of every document,
then the second of every document, ... until the budget is full; our sentence splitter) and
``lexrank`` (``method="lexrank"``, our LexRank over all the sentences). Intervals: 95 %
bootstrap over clusters (seed 0). Timing: the median of 5 runs of ``summarize`` on 25
articles (one category's first 25) with ``words=250``, with and without a query.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from benchmarks import common

SYSTEMS = ("lead-rr", "lexrank", "ours", "ours+query")
_WORD = re.compile(r"[a-z0-9]+")


def headline_and_body(article: str) -> tuple[str, str]:
    """The first line of a BBC article (its headline) and the rest."""
    head, _, body = article.strip().partition("\n")
    return head.strip(), body.strip()


def clusters(rows: list[dict], size: int) -> list[list[int]]:
    """Clusters of ``size`` articles of one category (module docstring), as row indices."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english").fit_transform([r["article"] for r in rows])
    out = []
    for category in sorted({r["category"] for r in rows}):
        free = [i for i, r in enumerate(rows) if r["category"] == category]
        while len(free) >= size:
            seed, rest = free[0], free[1:]
            similarity = (matrix[rest] @ matrix[seed].T).toarray().ravel()
            nearest = [rest[j] for j in np.argsort(-similarity, kind="stable")[: size - 1]]
            out.append([seed, *nearest])
            free = [i for i in rest if i not in nearest]
    return out


def syndicated(body: str) -> str:
    """The same sentences as ``body`` under another paragraphing: two sentences a paragraph."""
    from summarizer import split_sentences

    sentences = [s.text for s in split_sentences(body)]
    return "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))


def cut(sentences: list[str], words: int) -> list[str]:
    """The sentences up to ``words`` words in all (the last one cut there)."""
    out, left = [], words
    for s in sentences:
        if left <= 0:
            break
        tokens = s.split()
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


def _stems():
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem
    return lambda text: [stem(w) for w in _WORD.findall(text.lower())]


def redundancy(picked: list[tuple[int, str]], stems) -> float:
    """% of the sentences repeating an earlier one from another document (bigram share)."""
    seen: list[tuple[int, set]] = []
    repeats = 0
    for document, text in picked:
        words = stems(text)
        bigrams = set(itertools.pairwise(words))
        if bigrams and any(
            d != document and len(bigrams & other) >= 0.5 * len(bigrams) for d, other in seen
        ):
            repeats += 1
        seen.append((document, bigrams))
    return 100.0 * repeats / len(picked) if picked else 0.0


def lead_round_robin(docs: list[str], words: int) -> list[tuple[int, str]]:
    """First sentences of every document, then the second ones, ... up to ``words``."""
    from summarizer import split_sentences

    split = [[s.text for s in split_sentences(d)] for d in docs]
    out, total, depth = [], 0, 0
    while total < words and any(depth < len(s) for s in split):
        for d, sentences in enumerate(split):
            if depth < len(sentences) and total < words:
                out.append((d, sentences[depth]))
                total += len(sentences[depth].split())
        depth += 1
    return out


def pick(name: str, docs: list[str], query: str, words: int) -> list[tuple[int, str]]:
    """(document, sentence) pairs of system ``name``'s summary, in summary order."""
    from summarizer import summarize

    if name == "lead-rr":
        return lead_round_robin(docs, words)
    method = {"lexrank": "lexrank"}.get(name)
    options = {"method": method} if method else {}
    summary = summarize(docs, words=words, query=query if name == "ours+query" else None, **options)
    return [(s.document, s.text) for s in summary.sentences]


def run(name, groups, rows, words, copy, scorer, stems) -> dict:
    """Per-cluster ROUGE-2 recall and redundancy of system ``name``."""
    recall, repeated = [], []
    for group in groups:
        parts = [headline_and_body(rows[i]["article"]) for i in group]
        docs = [body for _, body in parts]
        if copy:
            docs.append(syndicated(docs[0]))
        reference = "\n".join(rows[i]["reference"] for i in group)
        query = "; ".join(head for head, _ in parts)
        picked = pick(name, docs, query, words)
        summary = "\n".join(cut([t for _, t in picked], words))
        recall.append(100 * scorer.score(reference, summary)["rouge2"].recall)
        repeated.append(redundancy(picked, stems))
    return {"rouge2_recall": np.array(recall), "redundancy": np.array(repeated)}


def interval(values: np.ndarray, boot: int, seed: int) -> tuple[float, float, float]:
    draws = np.random.default_rng(seed).integers(0, values.size, size=(boot, values.size))
    low, high = np.percentile(values[draws].mean(axis=1), [2.5, 97.5])
    return float(values.mean()), float(low), float(high)


def timing(rows: list[dict], words: int) -> dict[str, float]:
    """Median seconds of 5 summaries of 25 articles, with and without a query."""
    from summarizer import summarize

    category = sorted({r["category"] for r in rows})[0]
    chosen = [headline_and_body(r["article"]) for r in rows if r["category"] == category][:25]
    docs, query = [b for _, b in chosen], "; ".join(h for h, _ in chosen[:5])
    out = {}
    for label, q in (("no query", None), ("query", query)):
        out[label] = common.median_seconds(lambda q=q: summarize(docs, words=words, query=q))
    words_in = sum(len(d.split()) for d in docs)
    print(f"\n25 articles ({category}, {words_in} words), words={words}: ", end="")
    print(", ".join(f"{k} {1000 * v:.0f} ms" for k, v in out.items()), "(median of 5)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = common.DEFAULT_DATA / "summarization" / "bbc_dev.jsonl"
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--boot", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    common.ensure_hash_seed()
    from rouge_score import rouge_scorer

    rows = common.read_jsonl(args.path)
    groups = clusters(rows, args.size)
    info = common.run_info()
    common.print_run_info(info)
    print(f"# {args.path}: {len(groups)} clusters of {args.size} articles, words={args.words}")
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    stems = _stems()
    payload: dict = {"run": info, "clusters": len(groups)}
    for copy in (False, True):
        table = []
        for name in args.systems.split(","):
            res = run(name, groups, rows, args.words, copy, scorer, stems)
            stats = {k: interval(v, args.boot, args.seed) for k, v in res.items()}
            payload[f"{name}{' +copy' if copy else ''}"] = stats
            table.append([name, *(f"{m:.2f} [{lo:.2f}, {hi:.2f}]" for m, lo, hi in stats.values())])
        print(f"\n{'with a syndicated copy of the seed' if copy else 'clusters as built'}:")
        print(common.format_table(["system", "ROUGE-2 recall", "redundancy %"], table))
    payload["seconds_25_articles"] = timing(rows, args.words)
    if args.json:
        common.write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
