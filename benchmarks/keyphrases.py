"""Keyphrase extractors side by side: F1@5, F1@10 and milliseconds per document.

    PYTHONPATH=. NLTK_DATA=../shared/nltk_data python benchmarks/keyphrases.py \
        [DATASET.jsonl ...] [--systems ours,yake,summa,rake] [--json out.json]

Datasets are JSONL with ``id``, ``text`` and ``keyphrases`` (the gold phrases, present in the
text or not). With no paths: ``keyphrases/{inspec,semeval2010,nus,kpcrowd}_dev.jsonl`` under the
shared data directory.

Systems, each in its own process on the same documents, asked for 10 phrases:

``ours``
    ``summarizer.keyphrases.extract_keywords(text, 10, language="english")``.
``yake``
    ``yake.KeywordExtractor(top=10)`` (its defaults otherwise: English, up to 3-grams,
    dedup_lim 0.9), ``extract_keywords(text)``.
``summa``
    ``summa.keywords.keywords(text, words=10, split=True)``, its first 10 (summa picks 10 words
    by TextRank and joins neighbours into phrases); on a text with fewer than 10 candidate words,
    where that raises IndexError, ``ratio=1.0`` (all its words, in its order). summa takes about
    10 s per full paper (SemEval-2010, NUS): the whole run takes most of an hour.
``rake``
    ``rake_nltk.Rake(stopwords=<our English stop words>)``; ``extract_keywords_from_text``,
    ``get_ranked_phrases()[:10]``. It splits sentences with nltk's punkt: point ``NLTK_DATA``
    at a directory holding ``punkt_tab`` (``--nltk-data``); without it rake is reported as not
    available.

Protocol (``/work/shared/DESIGN.md``): every predicted and gold phrase is lower-cased, cut into
words (runs of letters and digits, apostrophes inside a word kept; hyphens and other
punctuation separate words) and each word Porter-stemmed (nltk's ``PorterStemmer``); predictions
are deduplicated after stemming, in rank order; gold is every gold phrase. Per document,
precision@k is the matches among the first k predictions over how many there are (at most k),
recall@k the matches over the number of distinct gold phrases, F1@k their harmonic mean (0 when
nothing matches); scores are macro-averaged over documents, x 100, with a 95 % bootstrap interval
(1,000 resamples of documents, seed 0). Speed: each system extracts from the first document
once to warm up, then from every document ``--repeats`` times; a document's time is the median,
and the table shows the median over documents (one core; a shared machine's timings are
provisional, compare the ratios).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import common  # noqa: E402

SYSTEMS = ("ours", "yake", "summa", "rake")
SETS = ("inspec", "semeval2010", "nus", "kpcrowd")
K = 10


# --------------------------------------------------------------------------- worker side
def _load_system(name: str):
    """Return ``extract(text) -> [phrase, ...]`` (best first), or raise ImportError/LookupError."""
    if name == "ours":
        from summarizer.keyphrases import extract_keywords

        return lambda t: [k.text for k in extract_keywords(t, K, language="english")]
    if name == "yake":
        import yake

        extractor = yake.KeywordExtractor(top=K)
        return lambda t: [kw for kw, _ in extractor.extract_keywords(t)]
    if name == "summa":
        from summa.keywords import keywords

        def extract(t: str) -> list[str]:
            try:
                return keywords(t, words=K, split=True)[:K]
            except IndexError:  # summa fails when the text has fewer than K candidate words
                return keywords(t, ratio=1.0, split=True)[:K]

        return extract
    if name == "rake":
        import nltk
        from rake_nltk import Rake

        from summarizer.text import _load_stop_words

        nltk.data.find("tokenizers/punkt_tab/english/")  # LookupError when the model is missing
        rake = Rake(stopwords=set(_load_stop_words("english")))

        def extract(t: str) -> list[str]:
            rake.extract_keywords_from_text(t)
            return rake.get_ranked_phrases()[:K]

        return extract
    raise ValueError(f"unknown system {name!r}")


def worker(system: str, paths: list[str], repeats: int) -> dict:
    try:
        extract = _load_system(system)
    except ImportError as exc:
        return {"status": "not installed", "detail": str(exc)}
    except LookupError as exc:
        lines = [x.strip() for x in str(exc).splitlines() if x.strip().strip("*")]
        return {"status": "not available", "detail": (lines or ["LookupError"])[0]}
    import warnings

    warnings.simplefilter("ignore")
    result: dict = {"status": "ok", "datasets": {}}
    for path in paths:
        texts = [r["text"] for r in common.read_jsonl(path)]
        if texts:
            with contextlib.suppress(Exception):  # a failure is scored below
                extract(texts[0])  # warm-up
        predictions, seconds, failures = [], [], 0
        for text in texts:
            times, out = [], []
            for _ in range(max(1, repeats)):
                t = time.perf_counter()
                try:
                    out = list(extract(text))
                except Exception:  # a peer failing on a document scores 0 there
                    out = None
                times.append(time.perf_counter() - t)
            if out is None:
                failures += 1
                out = []
            predictions.append(out)
            seconds.append(statistics.median(times))
        result["datasets"][path] = {
            "predictions": predictions,
            "seconds": seconds,
            "failures": failures,
        }
    return result


# --------------------------------------------------------------------------- parent side
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


class Normalizer:
    """Lower-case, cut into words, Porter-stem each word (nltk), join by spaces; cached."""

    def __init__(self) -> None:
        from nltk.stem import PorterStemmer

        self._stem = PorterStemmer().stem
        self._cache: dict[str, str] = {}

    def __call__(self, phrase: str) -> str:
        out = []
        for word in _WORD.findall(phrase.lower()):
            stem = self._cache.get(word)
            if stem is None:
                stem = self._cache[word] = self._stem(word)
            out.append(stem)
        return " ".join(out)


def f1_at(predicted: list[str], gold: set[str], k: int) -> float:
    """F1 of the first ``k`` distinct normalized predictions against the normalized gold set."""
    top: list[str] = []
    for p in predicted:
        if p and p not in top:
            top.append(p)
            if len(top) == k:
                break
    hits = sum(p in gold for p in top)
    if hits == 0:
        return 0.0
    precision, recall = hits / len(top), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def per_document(rows: list[dict], predictions: list[list[str]], norm: Normalizer) -> dict:
    f5, f10 = [], []
    for row, pred in zip(rows, predictions, strict=True):
        gold = {g for g in map(norm, row["keyphrases"]) if g}
        normalized = [norm(p) for p in pred]
        f5.append(f1_at(normalized, gold, 5) if gold else 0.0)
        f10.append(f1_at(normalized, gold, 10) if gold else 0.0)
    return {"f1@5": f5, "f1@10": f10}


def bootstrap(values: list[float], resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95 % percentile interval of the mean, resampling documents."""
    import numpy as np

    x = np.asarray(values, dtype=np.float64)
    if x.size == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(resamples, x.size))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


def run_worker(system: str, paths: list[str], repeats: int, nltk_data: str | None) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if nltk_data is not None:
        env["NLTK_DATA"] = nltk_data
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, __file__, "--worker", system, "--repeats", str(repeats), *paths]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"status": "failed", "detail": tail}
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("datasets", nargs="*", help="JSONL files (default: the four dev sets)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    ap.add_argument("--repeats", type=int, default=1, help="timed runs per document")
    ap.add_argument("--nltk-data", default=None, help="NLTK_DATA for rake's punkt")
    ap.add_argument("--json", default=None, help="also write the results here")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    paths = args.datasets or [
        str(common.DEFAULT_DATA / "keyphrases" / f"{name}_dev.jsonl") for name in SETS
    ]
    if args.worker:
        json.dump(worker(args.worker, paths, args.repeats), sys.stdout)
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        ap.error(f"unknown systems: {', '.join(unknown)}")
    info = common.run_info()
    info["packages"] = common.package_versions(
        ("numpy", "scipy", "nltk", "yake", "summa", "rake-nltk", "PyStemmer")
    )
    common.print_run_info(info)
    norm = Normalizer()
    rows_of = {p: common.read_jsonl(p) for p in paths}
    results: dict = {"run": info, "systems": {}}
    table = []
    for system in systems:
        out = run_worker(system, paths, args.repeats, args.nltk_data)
        results["systems"][system] = {"status": out["status"], "datasets": {}}
        if out["status"] != "ok":
            table.append([system, "-", "-", "-", "-", f"{out['status']}: {out.get('detail', '')}"])
            continue
        for path in paths:
            d = out["datasets"][path]
            scores = per_document(rows_of[path], d["predictions"], norm)
            f5 = 100 * statistics.fmean(scores["f1@5"]) if scores["f1@5"] else 0.0
            f10 = 100 * statistics.fmean(scores["f1@10"]) if scores["f1@10"] else 0.0
            lo, hi = bootstrap(scores["f1@10"])
            ms = 1000 * statistics.median(d["seconds"]) if d["seconds"] else 0.0
            name = Path(path).stem
            results["systems"][system]["datasets"][name] = {
                "f1@5": f5,
                "f1@10": f10,
                "f1@10_ci95": [100 * lo, 100 * hi],
                "ms_median": ms,
                "documents": len(d["seconds"]),
                "failures": d["failures"],
                "per_document": scores,
            }
            note = f"{d['failures']} failed" if d["failures"] else ""
            table.append(
                [
                    system,
                    name,
                    f"{f5:.1f}",
                    f"{f10:.1f} [{100 * lo:.1f}, {100 * hi:.1f}]",
                    f"{ms:.2f}",
                    note,
                ]
            )
    print()
    print(common.format_table(["system", "set", "F1@5", "F1@10 [95 % CI]", "ms/doc", ""], table))
    if args.json:
        common.write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
