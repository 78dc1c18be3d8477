"""Sentence splitters side by side, per language: boundary F1, exact-match rate, speed.

    PYTHONPATH=. python benchmarks/segmentation.py [DATASET.jsonl ...] [--json out.json]

Datasets are JSONL with ``text`` (or ``article``) and, when scored, ``sentences``; a file
without ``sentences`` is used for speed only. With no paths: every ``*.jsonl`` under
``/work/shared/data/segmentation`` (the English suites and the UD dev files of 17 languages),
our own Arabic and Hindi gold files in ``benchmarks/data``, and ``summarization/cnndm_dev100``
(tokenized news) and ``summarization/bbc_dev`` (news) for speed only, when present.

A file's language is the first ISO 639-1 code of the 20 supported ones among the parts of its
name (``ud_de_gsd_dev`` -> de, ``own_ar_dev`` -> ar); English otherwise.

Systems, each in its own process on the same documents:
- ours: ``summarizer.split_sentences(text, language=code)``; when that keyword is missing or
  rejects the code, ``split_sentences(text)`` (the table says which);
- segment: the splitter alone, ``summarizer.segment.segment(text, code)``, without the
  plain-text reader's blocks (headings, list items) and the per-call set-up of the API: what
  the speed target is about, and how the two differ where the reader cuts (dialogue dashes
  read as list markers);
- pySBD (``pysbd.Segmenter(language=code, clean=False)``) for the languages it has;
- spaCy's rule-based sentencizer: ``spacy.blank(code)`` + ``add_pipe("sentencizer")`` (``nb``
  for Norwegian; Japanese needs SudachiPy for the tokenizer);
- blingfire ``text_to_sentences_and_offsets`` (one model for every language);
- syntok (written for English, German and Spanish) on the alphabetic, space-separated
  languages: not on ar, hi, ja, zh;
- nltk punkt with its official English model (``--nltk-data`` / ``NLTK_DATA``), English only.
A missing peer is reported as "not installed" or "not available", a language it lacks as "-".

Method (``/work/shared/DESIGN.md``): a boundary is a sentence end other than the end of the
text, written as the count of non-whitespace characters before it, so whitespace is ignored (this
works for zh and ja, which have no spaces); precision, recall and F1 are micro-averaged over all
documents of a dataset; a case is an exact match when its predicted boundaries equal the gold
ones. The best peer on each file is marked ``*``. Speed: each document is split once to warm up,
then ``--repeats`` times (``--slow-repeats`` for pySBD, spaCy, syntok); its time is the median,
and MB/s is the total UTF-8 size over the sum of those medians (one core). Ours is also timed on
10 MB inputs that would expose super-linear behaviour (``--no-stress`` skips them), and run once
more with an empty ``NLTK_DATA`` to check its output does not change.
"""

from __future__ import annotations

import argparse
import bisect
import glob
import inspect
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
SHARED = Path("/work/shared")
SYSTEMS = ("ours", "segment", "pysbd", "spacy", "blingfire", "syntok", "punkt")
PEERS = SYSTEMS[2:]
OURS = frozenset(("ours", "segment"))
FAST = frozenset(
    ("ours", "segment", "punkt", "blingfire")
)  # timed --repeats times, the others fewer
# the 20 languages of issue 13
LANGUAGES = frozenset(
    {"ar", "zh", "cs", "da", "nl", "en", "fi", "fr", "de", "el"}
    | {"hi", "it", "ja", "no", "pl", "pt", "ru", "es", "sv", "tr"}
)
NO_SYNTOK = frozenset(("ar", "hi", "ja", "zh"))  # scripts syntok was not written for
SPACY_CODES = {"no": "nb"}
_NAME_PART = re.compile(r"[a-z]+")
STRESS = {  # name: repeated unit
    "one character 'a'": "a",
    "full stops '.'": ".",
    "no punctuation 'word '": "word ",
    "newlines": "\n",
    "dotted token 'a.b'": "a.b",
    "initials 'A. '": "A. ",
    "one word per line 'x\\n'": "x\n",
}


# --------------------------------------------------------------------------- worker side
def language_of(path: str) -> str:
    """The language of a dataset file, from its name (see the module docstring)."""
    for part in _NAME_PART.findall(Path(path).stem.lower()):
        if part in LANGUAGES:
            return part
    return "en"


def _load_ours(lang: str):
    sys.path.insert(0, str(ROOT))
    from summarizer import split_sentences
    from summarizer.errors import SummarizerError

    if "language" in inspect.signature(split_sentences).parameters:
        try:
            split_sentences("A test. Another one.", language=lang)
        except (SummarizerError, ValueError):
            pass
        else:
            return (lambda t: ("ends", [s.end for s in split_sentences(t, language=lang)])), True
    return (lambda t: ("ends", [s.end for s in split_sentences(t)])), False


def _load_system(name: str, lang: str):
    """Return ``split(text) -> ("ends", ends) | ("strings", sentences)``, None when the system
    has no model for ``lang``, or raise ImportError / LookupError."""
    if name == "ours":
        return _load_ours(lang)[0]
    if name == "segment":
        sys.path.insert(0, str(ROOT))
        from summarizer.segment import segment

        return lambda t: ("ends", [e for _, e in segment(t, lang)])
    if name == "pysbd":
        import pysbd
        from pysbd.languages import LANGUAGE_CODES

        if lang not in LANGUAGE_CODES:
            return None
        seg = pysbd.Segmenter(language=lang, clean=False)
        return lambda t: ("strings", seg.segment(t))
    if name == "spacy":
        import spacy

        nlp = spacy.blank(SPACY_CODES.get(lang, lang))
        nlp.add_pipe("sentencizer")
        return lambda t: ("ends", [s.end_char for s in nlp(t).sents])
    if name == "blingfire":
        from blingfire import text_to_sentences_and_offsets

        return lambda t: ("ends", [e for _, e in text_to_sentences_and_offsets(t)[1]])
    if name == "syntok":
        from syntok.segmenter import analyze

        if lang in NO_SYNTOK:
            return None

        def split(t: str):
            ends = []
            for paragraph in analyze(t):
                for sentence in paragraph:
                    if sentence:
                        last = sentence[-1]
                        ends.append(last.offset + len(last.value))
            return "ends", ends

        return split
    if name == "punkt":
        if lang != "en":
            return None
        from nltk.tokenize.punkt import PunktTokenizer

        tok = PunktTokenizer("english")
        return lambda t: ("ends", [e for _, e in tok.span_tokenize(t)])
    raise ValueError(name)


def _boundaries(text: str, kind: str, out) -> list[int]:
    """Sentence ends as non-whitespace character counts, end of text excluded."""
    if kind == "ends":
        nonspace = [i for i, c in enumerate(text) if not c.isspace()]
        ends = [bisect.bisect_left(nonspace, e) for e in out]
    else:
        ends, total = [], 0
        for s in out:
            total += sum(1 for c in s if not c.isspace())
            ends.append(total)
    total = sum(1 for c in text if not c.isspace())
    return sorted({e for e in ends if 0 < e < total})


def _rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(path: str) -> list[str]:
    rows = _rows(path)
    return [r.get("text", r.get("article", "")) for r in rows]


def worker(system: str, paths: list[str], repeats: int, stress: bool) -> dict:
    t0 = time.perf_counter()
    splitters: dict[str, object] = {}
    result: dict = {"status": "ok", "datasets": {}}
    for path in paths:
        lang = language_of(path)
        if lang not in splitters:
            try:
                splitters[lang] = _load_system(system, lang)
            except ImportError as exc:
                return {"status": "not installed", "detail": str(exc)}
            except LookupError as exc:
                lines = [x.strip() for x in str(exc).splitlines() if x.strip().strip("*")]
                return {"status": "not available", "detail": (lines or ["LookupError"])[0]}
            if system == "ours":
                result.setdefault("language_keyword", {})[lang] = _load_ours(lang)[1]
            result.setdefault("import_s", time.perf_counter() - t0)
        split = splitters[lang]
        if split is None:
            result["datasets"][path] = {"status": "unsupported"}
            continue
        boundaries, medians = [], []
        try:
            for text in _texts(path):
                kind, out = split(text)  # warm-up, and the answer that is scored
                times = []
                for _ in range(repeats):
                    t = time.perf_counter()
                    split(text)
                    times.append(time.perf_counter() - t)
                medians.append(statistics.median(times))
                boundaries.append(_boundaries(text, kind, out))
        except Exception as exc:  # a peer that crashes on a file is reported, not fatal
            result["datasets"][path] = {"status": f"error: {type(exc).__name__}: {exc}"[:120]}
            continue
        result["datasets"][path] = {"status": "ok", "boundaries": boundaries, "seconds": medians}
    if stress:
        split = _load_system(system, "en")
        size = 10_000_000
        result["stress"] = {}
        for name, unit in STRESS.items():
            text = unit * (size // len(unit))
            t = time.perf_counter()
            n = len(split(text)[1])
            result["stress"][name] = {"seconds": time.perf_counter() - t, "sentences": n}
    return result


# --------------------------------------------------------------------------- parent side
def _gold(path: str):
    rows = _rows(path)
    if not rows or "sentences" not in rows[0]:
        return None
    gold = []
    for r in rows:
        text = r["text"]
        total, ends = 0, []
        for s in r["sentences"]:
            total += sum(1 for c in s if not c.isspace())
            ends.append(total)
        size = sum(1 for c in text if not c.isspace())
        gold.append(sorted({e for e in ends if 0 < e < size}))
    return gold


def score(gold: list[list[int]], pred: list[list[int]]) -> dict:
    tp = fp = fn = exact = 0
    for g, p in zip(gold, pred, strict=True):
        g, p = set(g), set(p)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        exact += g == p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "exact": exact, "cases": len(gold)}


def run_worker(system: str, paths, repeats, stress, nltk_data) -> dict:
    """Run one system in a fresh process (``nltk_data``: NLTK_DATA to set, if not None)."""
    env = dict(os.environ)
    if nltk_data is not None:
        env["NLTK_DATA"] = nltk_data
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, __file__, "--worker", system, "--repeats", str(repeats), *paths]
    if stress:
        cmd.append("--stress")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"status": "failed", "detail": tail}
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("datasets", nargs="*", help="JSONL files (default: the shared data sets)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    ap.add_argument(
        "--repeats", type=int, default=5, help="timed runs per document (ours, punkt, blingfire)"
    )
    ap.add_argument(
        "--slow-repeats", type=int, default=1, help="timed runs for pysbd, spacy, syntok"
    )
    ap.add_argument("--nltk-data", default=None, help="NLTK_DATA for nltk punkt")
    ap.add_argument("--no-stress", action="store_true", help="skip the 10 MB inputs")
    ap.add_argument("--json", metavar="PATH", help="write the results as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--stress", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        json.dump(worker(args.worker, args.datasets, args.repeats, args.stress), sys.stdout)
        return 0

    paths = args.datasets
    if not paths:
        paths = sorted(glob.glob(str(SHARED / "data/segmentation/*.jsonl")))
        paths += sorted(glob.glob(str(ROOT / "benchmarks/data/*.jsonl")))
        for news in ("cnndm_dev100.jsonl", "bbc_dev.jsonl"):  # speed on news text
            if (SHARED / "data/summarization" / news).exists():
                paths.append(str(SHARED / "data/summarization" / news))
    if not paths:
        ap.error("no datasets given and none found under /work/shared/data")
    nltk_data = args.nltk_data or os.environ.get("NLTK_DATA")
    if nltk_data is None and (SHARED / "nltk_data").exists():
        nltk_data = str(SHARED / "nltk_data")
    systems = [s for s in args.systems.split(",") if s]

    results: dict = {"nltk_data": nltk_data, "datasets": {}, "systems": {}}
    for system in systems:
        reps = args.repeats if system in FAST else args.slow_repeats
        stress = system == "ours" and not args.no_stress
        print(f"running {system} ...", file=sys.stderr, flush=True)
        results["systems"][system] = run_worker(system, paths, reps, stress, nltk_data)
    ours = results["systems"].get("ours", {})
    if ours.get("status") == "ok":
        # the same splits with no nltk data at all
        with tempfile.TemporaryDirectory() as empty:
            bare = run_worker("ours", paths, 1, False, empty)
        same = bare.get("status") == "ok" and all(
            bare["datasets"][p].get("boundaries") == ours["datasets"][p].get("boundaries")
            for p in paths
        )
        results["ours_same_without_nltk_data"] = same

    for path in paths:
        gold = _gold(path)
        texts = _texts(path)
        size = sum(len(t.encode("utf-8")) for t in texts)
        entry = {
            "language": language_of(path),
            "docs": len(texts),
            "bytes": size,
            "scored": gold is not None,
            "systems": {},
        }
        for system in systems:
            r = results["systems"][system]
            if r["status"] != "ok":
                continue
            d = r["datasets"][path]
            if d["status"] != "ok":
                entry["systems"][system] = {"status": d["status"]}
                continue
            row = {"status": "ok", "mb_per_s": size / 1e6 / max(sum(d["seconds"]), 1e-12)}
            if gold is not None:
                row.update(score(gold, d["boundaries"]))
            entry["systems"][system] = row
        peers = {k: v for k, v in entry["systems"].items() if k not in OURS and "f1" in v}
        if peers:
            entry["best_peer"] = max(peers, key=lambda k: (peers[k]["f1"], peers[k]["mb_per_s"]))
        results["datasets"][path] = entry

    print_table(results, systems)
    if args.json:
        slim = json.loads(json.dumps(results))
        for r in slim["systems"].values():
            r.pop("datasets", None)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(slim, f, indent=2)
    return 0


def print_table(results: dict, systems: list[str]) -> None:
    head = f"{'':<3}{'system':<11}{'P':>7}{'R':>7}{'F1':>7}{'exact':>15}{'MB/s':>9}"
    print(head)
    for path, entry in results["datasets"].items():
        name = Path(path).name.removesuffix(".jsonl")
        print(f"{name} ({entry['language']}): {entry['docs']} docs, {entry['bytes'] / 1e3:.0f} KB")
        for system in systems:
            row = entry["systems"].get(system)
            if row is None:
                print(f"{'':<3}{system:<11}{results['systems'][system]['status']:>7}")
                continue
            if row["status"] != "ok":
                status = "-" if row["status"] == "unsupported" else row["status"]
                print(f"{'':<3}{system:<11}{status:>7}")
                continue
            mark = "*" if entry.get("best_peer") == system else " "
            if entry["scored"]:
                ex = f"{row['exact']}/{row['cases']} ({100 * row['exact'] / row['cases']:.0f}%)"
                scores = f"{100 * row['precision']:7.1f}{100 * row['recall']:7.1f}"
                scores += f"{100 * row['f1']:7.1f}{ex:>15}"
            else:
                scores = f"{'':>21}{'speed only':>15}"
            print(f"{'':<2}{mark}{system:<11}{scores}{row['mb_per_s']:9.2f}")
    print()
    print_summary(results)
    print()
    for system in systems:
        r = results["systems"][system]
        extra = f"import {r['import_s'] * 1e3:.0f} ms" if r["status"] == "ok" else r.get("detail")
        print(f"{system:<11}{r['status']:<15}{extra}")
    kw = results["systems"].get("ours", {}).get("language_keyword")
    if kw:
        used = sorted(k for k, v in kw.items() if v)
        unused = sorted(k for k, v in kw.items() if not v)
        print(
            f"ours: language= accepted for {' '.join(used) or 'none'}; "
            f"English rules (no keyword) for {' '.join(unused) or 'none'}"
        )
    print(f"nltk punkt model from NLTK_DATA={results['nltk_data']}")
    if "ours_same_without_nltk_data" in results:
        same = "yes" if results["ours_same_without_nltk_data"] else "NO"
        print(f"ours gives the same boundaries with an empty NLTK_DATA: {same}")
    stress = results["systems"].get("ours", {}).get("stress")
    if stress:
        print("ours on 10 MB inputs, seconds (sentences):")
        for k, v in stress.items():
            print(f"   {k:<28}{v['seconds']:7.2f}  ({v['sentences']:,})")


def print_summary(results: dict) -> None:
    """One line per scored file: ours (and the splitter alone) against the best peer."""
    print(
        f"{'file':<28}{'lang':<6}{'ours F1':>8}{'segment':>8}{'best peer':>11}{'F1':>7}"
        f"{'ours MB/s':>11}{'segment':>9}{'peer MB/s':>11}  target"
    )

    def cell(row: dict, key: str, width: int, scale: float = 1.0) -> str:
        return f"{scale * row[key]:{width}.1f}" if key in row else f"{'-':>{width}}"

    for path, entry in results["datasets"].items():
        if not entry["scored"]:
            continue
        name = Path(path).name.removesuffix(".jsonl")
        ours = entry["systems"].get("ours", {})
        alone = entry["systems"].get("segment", {})
        best = entry.get("best_peer")
        peer = entry["systems"].get(best, {}) if best else {}
        met = "" if "f1" not in ours or "f1" not in peer else (
            "met" if ours["f1"] >= peer["f1"] else "BEHIND"
        )  # fmt: skip
        print(
            f"{name:<28}{entry['language']:<6}{cell(ours, 'f1', 8, 100)}"
            f"{cell(alone, 'f1', 8, 100)}{best or '-':>11}{cell(peer, 'f1', 7, 100)}"
            f"{cell(ours, 'mb_per_s', 11)}{cell(alone, 'mb_per_s', 9)}"
            f"{cell(peer, 'mb_per_s', 11)}  {met}"
        )


if __name__ == "__main__":
    sys.exit(main())
