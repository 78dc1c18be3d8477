"""Language detectors side by side: accuracy per language and by length, confusions, speed.

    PYTHONPATH=. python benchmarks/langdetect.py DATA [DATA ...] [--news FILE] [--json out.json]

DATA is a file or a directory of files: ``ud_<lang>_<treebank>_<split>.jsonl`` (field ``text``,
and ``sentences`` when present), or CoNLL-U ``<lang>_<treebank>-ud-<split>.conllu`` (its
``# text =`` lines, grouped ten to a document; how the ar and hi sets are built from the UD
PUD treebanks). The language is the ``<lang>`` of the file name. ``--news`` is a JSONL file
with an ``article`` field (CNN/DailyMail dev): its articles are timed, not scored.

Systems, each in its own process on the same texts: ours (``summarizer.detect``: its
``language``, and as ``ours-guess`` its ``guess``, which ignores the fallback), py3langid
and lingua-language-detector restricted to the 20 languages, langdetect and pycld2
unrestricted (they cannot be restricted; an answer outside the 20 counts as wrong); a missing
one is reported as not installed. ``ours`` counts its ``language`` (the default, en, when it
is not reliable), so an "unreliable" answer on a non-English text is an error.

Reported: accuracy on documents of >= 200 characters, all languages together and per
language (the headline); by length bucket, documents and single gold sentences (at most
``--sentences`` per file, the first ones); the most frequent confusions; Danish vs Norwegian;
median and mean microseconds per document, and per news article; import time and the time of
the first call (model loading) in a process that has already imported numpy. Each text is
detected once to warm up and its time is the median of ``--repeats`` further calls. With
``--news``, ours also times ``summarize(article, sentences=3)`` in the same process, to give
what detection would add to a summary.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ar", "cs", "da", "de", "el", "en", "es", "fi", "fr", "hi",
         "it", "ja", "nl", "no", "pl", "pt", "ru", "sv", "tr", "zh")  # fmt: skip
SYSTEMS = ("ours", "ours-guess", "py3langid", "lingua", "langdetect", "pycld2")
MIN_DOC = 200
BUCKETS = ((0, 50), (50, 100), (100, 200), (200, 500), (500, 1000), (1000, 10**9))
LINGUA_NAMES = {
    "ar": "ARABIC", "cs": "CZECH", "da": "DANISH", "de": "GERMAN", "el": "GREEK",
    "en": "ENGLISH", "es": "SPANISH", "fi": "FINNISH", "fr": "FRENCH", "hi": "HINDI",
    "it": "ITALIAN", "ja": "JAPANESE", "nl": "DUTCH", "no": "BOKMAL", "pl": "POLISH",
    "pt": "PORTUGUESE", "ru": "RUSSIAN", "sv": "SWEDISH", "tr": "TURKISH", "zh": "CHINESE",
}  # fmt: skip


# --------------------------------------------------------------------------- worker side
def _normalize(code: str | None) -> str | None:
    """A peer's code as one of ours: nb -> no, zh-cn -> zh, ..."""
    if code is None:
        return None
    code = code.lower().replace("_", "-")
    code = {"nb": "no", "zh-cn": "zh", "zh-tw": "zh", "zh-hant": "zh", "iw": "he"}.get(code, code)
    return code.split("-")[0]


def _load_system(name: str):
    """Return ``detect(text) -> code or None``; raises ImportError when not installed."""
    if name == "ours":
        sys.path.insert(0, str(ROOT))
        from summarizer.detect import detect_language

        return lambda t: detect_language(t).language
    if name == "ours-guess":
        sys.path.insert(0, str(ROOT))
        from summarizer.detect import detect_language

        return lambda t: detect_language(t).guess
    if name == "py3langid":
        from py3langid import langid

        ident = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
        ident.set_languages([c for c in LANGS if c in ident.nb_classes])
        return lambda t: _normalize(ident.classify(t)[0])
    if name == "lingua":
        from lingua import Language, LanguageDetectorBuilder

        langs = [getattr(Language, LINGUA_NAMES[c]) for c in LANGS]
        det = LanguageDetectorBuilder.from_languages(*langs).build()
        back = {getattr(Language, v): k for k, v in LINGUA_NAMES.items()}
        return lambda t: back.get(det.detect_language_of(t))
    if name == "langdetect":
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0  # deterministic

        def run(t: str) -> str | None:
            try:
                return _normalize(detect(t))
            except LangDetectException:
                return None

        return run
    if name == "pycld2":
        import pycld2

        def run(t: str) -> str | None:
            try:
                code = pycld2.detect(t)[2][0][1]
            except pycld2.error:
                return None
            return None if code == "un" else _normalize(code)

        return run
    raise ValueError(name)


def _worker(name: str, texts_path: str, repeats: int) -> dict:
    import numpy  # noqa: F401  (the package's own import; not charged to any system)

    here = Path(__file__).resolve().parent  # this file would shadow the langdetect package
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]

    t0 = time.perf_counter()
    try:
        detect = _load_system(name)
    except ImportError as exc:
        return {"error": f"not installed ({exc})"}
    t1 = time.perf_counter()
    detect("This is a first call, which loads what the detector loads lazily.")
    t2 = time.perf_counter()
    with open(texts_path, encoding="utf-8") as f:
        payload = json.load(f)
    preds, times = [], []
    for text in payload["texts"]:
        preds.append(detect(text))
        times.append(_timed(detect, text, repeats))
    news = [_timed(detect, text, repeats) for text in payload["news"]]
    summary = []
    if name == "ours" and payload["news"]:  # what detection adds to a summary, same process
        from summarizer import summarize

        summary = [_timed(lambda t: summarize(t, sentences=3), text, repeats)
                   for text in payload["news"]]  # fmt: skip
    return {"import_ms": (t1 - t0) * 1e3, "first_call_ms": (t2 - t1) * 1e3,
            "preds": preds, "us": times, "news_us": news, "summary_us": summary}  # fmt: skip


def _timed(detect, text: str, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        detect(text)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1e6


# --------------------------------------------------------------------------- data
def _conllu_docs(path: Path) -> tuple[list[str], list[str]]:
    sents = [line[len("# text = ") :].strip() for line in path.open(encoding="utf-8")
             if line.startswith("# text = ")]  # fmt: skip
    glue = "" if path.name[:2] in ("zh", "ja") else " "
    docs = [glue.join(sents[i : i + 10]) for i in range(0, len(sents), 10)]
    return docs, sents


def load(paths: list[str], max_sentences: int) -> list[dict]:
    """Items ``{lang, kind: doc|sentence, text, source}`` from the data files."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.glob("*")) if p.is_dir() else [p]
    items = []
    for f in files:
        if f.suffix == ".jsonl" and (m := re.match(r"ud_([a-z]{2})_", f.name)):
            rows = [json.loads(line) for line in f.open(encoding="utf-8")]
            docs = [r["text"] for r in rows]
            sents = [s for r in rows for s in r.get("sentences", [])]
        elif f.suffix == ".conllu" and (m := re.match(r"([a-z]{2})_", f.name)):
            docs, sents = _conllu_docs(f)
        else:
            continue
        lang = m.group(1)
        if lang not in LANGS:
            continue
        items += [{"lang": lang, "kind": "doc", "text": t, "source": f.name} for t in docs]
        items += [{"lang": lang, "kind": "sentence", "text": s, "source": f.name}
                  for s in sents[:max_sentences]]  # fmt: skip
    return items


# --------------------------------------------------------------------------- report
def _bucket(n: int) -> str:
    for lo, hi in BUCKETS:
        if lo <= n < hi:
            return f"{lo}-{hi}" if hi < 10**9 else f">={lo}"
    raise AssertionError(n)


def _order(item: tuple[str, list[int]]) -> tuple[str, int]:
    kind, bucket = item[0].split()
    return kind, int(bucket.strip(">=").split("-")[0])


def score(items: list[dict], preds: list[str | None]) -> dict:
    docs = [(it, p) for it, p in zip(items, preds, strict=True) if it["kind"] == "doc"
            and len(it["text"]) >= MIN_DOC]  # fmt: skip
    per_lang: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    confusions: collections.Counter = collections.Counter()
    for it, p in docs:
        per_lang[it["lang"]][0] += p == it["lang"]
        per_lang[it["lang"]][1] += 1
        if p != it["lang"]:
            confusions[f"{it['lang']}->{p}"] += 1
    buckets: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    dano: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for it, p in zip(items, preds, strict=True):
        key = f"{it['kind']} {_bucket(len(it['text']))}"
        buckets[key][0] += p == it["lang"]
        buckets[key][1] += 1
        if it["lang"] in ("da", "no"):
            kind = "docs>=200" if it["kind"] == "doc" and len(it["text"]) >= MIN_DOC else it["kind"]
            if it["kind"] == "sentence" or kind == "docs>=200":
                dano[f"{kind} {it['lang']}"][p if p in ("da", "no") else "other"] += 1
    right = sum(v[0] for v in per_lang.values())
    total = sum(v[1] for v in per_lang.values())
    return {
        "docs": total,
        "accuracy": right / total if total else None,
        "per_language": {k: v[0] / v[1] for k, v in sorted(per_lang.items())},
        "per_language_n": {k: v[1] for k, v in sorted(per_lang.items())},
        "by_length": {k: (v[0] / v[1], v[1]) for k, v in sorted(buckets.items(), key=_order)},
        "confusions": confusions.most_common(12),
        "da_no": {k: dict(v) for k, v in sorted(dano.items())},
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="+")
    ap.add_argument("--news", help="JSONL with 'article': timed only")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--sentences", type=int, default=200, help="gold sentences per file")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json", help="write all numbers here")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        json.dump(_worker(args.worker[0], args.worker[1], args.repeats), sys.stdout)
        return
    items = load(args.data, args.sentences)
    news = []
    if args.news:
        with open(args.news, encoding="utf-8") as f:
            news = [json.loads(line)["article"] for line in f]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump({"texts": [it["text"] for it in items], "news": news}, f)
    results = {}
    try:
        for name in args.systems.split(","):
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", name, f.name, "--repeats",
                 str(args.repeats), "x"],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            if proc.returncode != 0:
                results[name] = {"error": proc.stderr.strip().splitlines()[-1:]}
                continue
            out = json.loads(proc.stdout)
            if "error" in out:
                results[name] = out
                continue
            res = score(items, out["preds"])
            long_docs = [t for it, t in zip(items, out["us"], strict=True) if it["kind"] == "doc"
                         and len(it["text"]) >= MIN_DOC]  # fmt: skip
            res.update(
                import_ms=out["import_ms"],
                first_call_ms=out["first_call_ms"],
                us_median=statistics.median(long_docs),
                us_mean=statistics.fmean(long_docs),
                news_us_median=statistics.median(out["news_us"]) if news else None,
                news_us_mean=statistics.fmean(out["news_us"]) if news else None,
                summary_us_median=(
                    statistics.median(out["summary_us"]) if out["summary_us"] else None
                ),
            )
            results[name] = res
            print(f"{name}: done", file=sys.stderr, flush=True)
    finally:
        os.unlink(f.name)
    report(results, items, news)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


def report(results: dict, items: list[dict], news: list[str]) -> None:
    ok = {k: v for k, v in results.items() if "error" not in v}
    for k, v in results.items():
        if "error" in v:
            print(f"{k}: {v['error']}")
    if not ok:
        return
    names = list(ok)
    any_res = next(iter(ok.values()))
    print(f"\n## Accuracy, documents >= {MIN_DOC} chars ({any_res['docs']} documents)\n")
    print("| language | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for lang in any_res["per_language"]:
        cells = " | ".join(f"{ok[n]['per_language'].get(lang, 0) * 100:.1f}" for n in names)
        print(f"| {lang} | {any_res['per_language_n'][lang]} | {cells} |")
    cells = " | ".join(f"**{ok[n]['accuracy'] * 100:.2f}**" for n in names)
    print(f"| all | {any_res['docs']} | {cells} |")
    print("\n## Accuracy by length (characters)\n")
    print("| items | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for key, (_, n) in any_res["by_length"].items():
        cells = " | ".join(f"{ok[s]['by_length'][key][0] * 100:.1f}" for s in names)
        print(f"| {key} | {n} | {cells} |")
    print("\n## Danish vs Norwegian Bokmal (gold: predicted counts)\n")
    for s in names:
        print(f"- {s}: " + "; ".join(f"{k}: {v}" for k, v in ok[s]["da_no"].items()))
    print("\n## Most frequent confusions, documents >= 200 chars (gold->predicted: count)\n")
    for s in names:
        print(f"- {s}: " + (", ".join(f"{k} {c}" for k, c in ok[s]["confusions"]) or "none"))
    print("\n## Speed (median of repeats per text; one core)\n")
    print("| system | import ms | first call ms | µs/doc median | µs/doc mean "
          "| µs/news article median | mean |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for s in names:
        r = ok[s]
        nm = f"{r['news_us_median']:.1f} | {r['news_us_mean']:.1f}" if news else "- | -"
        print(f"| {s} | {r['import_ms']:.1f} | {r['first_call_ms']:.1f} | {r['us_median']:.1f} "
              f"| {r['us_mean']:.1f} | {nm} |")  # fmt: skip
    if news:
        sizes = sorted(len(t.encode("utf-8")) for t in news)
        print(f"\nNews: {len(news)} articles, median {sizes[len(sizes) // 2]:,} bytes.")
        ours = ok.get("ours", {})
        if ours.get("summary_us_median"):
            ratio = ours["news_us_median"] / ours["summary_us_median"]
            print(f"ours: detection {ours['news_us_median']:.1f} µs vs summarize(sentences=3) "
                  f"{ours['summary_us_median']:.1f} µs per article, median, same process: "
                  f"+{ratio * 100:.1f} %")  # fmt: skip


if __name__ == "__main__":
    main()
