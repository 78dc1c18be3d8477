"""Real documents: web pages against their gold article body, and a folder of real files.

``html``: over the article-extraction benchmark's pages (JSONL with ``html`` and
the gold ``body``), for each system: bag-of-words F1 of the text it gives the
summarizer against the body, the share of summary sentences inside the body (a
sentence is inside when at least 80 % of its word 3-grams occur in the body;
shorter sentences: all their words), and the median milliseconds per page
(extraction + ``summarize(..., sentences=3)``). Systems: our readers
(``summarizer.readers.read``) summarized as ``summarize(html)`` does (the ``Extracted``
with its blocks, so headings, skip blocks and non-prose are not candidates), the same text
with the blocks dropped, trafilatura's default ``extract()``, the page's visible text
(every text node but scripts and styles), and the raw HTML string.

``corpus``: every file of a folder (see its MANIFEST), read in the format its
name or content tells and summarized two ways: ``summarize(extracted)`` (what
``summarize`` does with a file: the candidate rules of the blocks apply) and, for
comparison, ``summarize(extracted.text)`` (plain text, blocks dropped). Each summary
sentence is checked for junk
by rules independent of ``summarizer.readers.prose`` (markup, tags, entities,
header lines, dot leaders, front matter, code, licence boilerplate, giant
sentences), and each finding is reported.

    python benchmarks/documents.py html ../shared/data/html/scrapinghub_dev.jsonl
    python benchmarks/documents.py corpus /work/corpus/documents --show
    python benchmarks/documents.py speed ../shared/data/summarization/cnndm_dev340.jsonl \\
        --long ../shared/data/long/state_union
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from common import format_table, print_run_info, read_jsonl, run_info, write_json

from summarizer import summarize
from summarizer.errors import SummarizerError
from summarizer.readers import detect_format, read

_TOKEN = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def bag_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 (lower-cased ``\\w+`` tokens, multiset overlap)."""
    p, g = Counter(words(predicted)), Counter(words(gold))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def inside(sentence: str, body_words: set[str], body_grams: set[tuple[str, ...]]) -> bool:
    tokens = words(sentence)
    if len(tokens) < 3:
        return all(t in body_words for t in tokens)
    grams = trigrams(tokens)
    return sum(g in body_grams for g in grams) >= 0.8 * len(grams)


def _visible_text(html: str) -> str:
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    return tree.text_content()


def _trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _ours(html: str):
    """What ``summarize(html)`` does: the page read once, its blocks kept, so the core's
    candidate rules (no headings, skip blocks or non-prose) apply."""
    return read(html, format="html")


def _ours_text(html: str) -> str:
    return read(html, format="html").text


SYSTEMS = {
    "summarizer.readers (html), summarize(page)": _ours,
    "summarizer.readers, text only (blocks dropped)": _ours_text,
    "trafilatura extract() defaults": _trafilatura_default,
    "page's visible text": _visible_text,
    "raw HTML string (no reader)": lambda html: html,
}


def run_html(path: str, limit: int | None) -> list[dict]:
    pages = read_jsonl(path, limit)
    rows = []
    for name, extract in SYSTEMS.items():
        extract(pages[0]["html"])  # warm-up: imports, caches
        f1s, inside_flags, total_ms, extract_ms, failures = [], [], [], [], 0
        for page in pages:
            body = page["body"]
            body_words = words(body)
            grams, vocabulary = trigrams(body_words), set(body_words)
            started = time.perf_counter()
            try:
                text = extract(page["html"])
            except SummarizerError:
                text, failures = "", failures + 1
            extracted = time.perf_counter()
            source = text
            if not isinstance(text, str):
                text = text.text
            picked = summarize(source, sentences=3).sentences if text.strip() else []
            done = time.perf_counter()
            extract_ms.append(1000 * (extracted - started))
            total_ms.append(1000 * (done - started))
            f1s.append(bag_f1(text, body))
            inside_flags.extend(inside(s.text, vocabulary, grams) for s in picked)
        rows.append(
            {
                "system": name,
                "pages": len(pages),
                "errors": failures,
                "f1_mean": statistics.fmean(f1s),
                "f1_median": statistics.median(f1s),
                "summary_sentences": len(inside_flags),
                "inside_share": sum(inside_flags) / max(1, len(inside_flags)),
                "extract_ms_median": statistics.median(extract_ms),
                "total_ms_median": statistics.median(total_ms),
            }
        )
    print(
        format_table(
            [
                "system",
                "pages",
                "errors",
                "F1 mean / median",
                "summary sentences inside body",
                "ms/page extract",
                "ms/page total",
            ],
            [
                [
                    r["system"],
                    r["pages"],
                    r["errors"],
                    f"{r['f1_mean']:.3f} / {r['f1_median']:.3f}",
                    f"{100 * r['inside_share']:.1f} % of {r['summary_sentences']}",
                    f"{r['extract_ms_median']:.1f}",
                    f"{r['total_ms_median']:.1f}",
                ]
                for r in rows
            ],
        )
    )
    return rows


# --- junk in summaries of real documents: rules of their own, not summarizer.readers.prose --

JUNK_RULES: dict[str, re.Pattern[str]] = {
    "html tag": re.compile(r"</?(?:[a-z]+[1-6]?)(?:\s[^<>]*)?/?>|<!doctype|<!--", re.I),
    "entity": re.compile(r"&(?:[a-z]{2,8}|#\d+|#x[0-9a-f]+);", re.I),
    "markdown markup": re.compile(r"\*\*|\]\(|!\[|^#{1,6} |```|^\s*[-*+] |^\s*>"),
    "rst markup": re.compile(r"^\.\. |::\s*$|:[a-z]+:`|`_\b|``"),
    "header line": re.compile(
        r"^(?:received|from|to|subject|date|message-id|content-type|mime-version|x-[\w-]+"
        r"|return-path|references|in-reply-to|title|author|layout|tags|category):\s",
        re.I | re.M,
    ),
    "dot leader": re.compile(r"\.{5,}|(?:\. ){4,}"),  # ". . ." is a printed ellipsis
    "front matter": re.compile(r"^---\s*$|^\+\+\+\s*$", re.M),
    "code": re.compile(
        r"[{}]\s*$|\)\s*;\s*$|\w\(\)|==|=>|\bdef \w+\(|^import \w+|\$ \w|#include", re.M
    ),
    "licence": re.compile(
        r"project gutenberg(?:-tm)? licen|this ebook is for the use|gutenberg\.org"
        r"|\blicen[cs]e[ds]? (?:under|agreement|terms)|all rights reserved|warrant(?:y|ies)"
        r"|copyright (?:\(c\)|\u00a9|\d{4})|released under|public domain, see",
        re.I,
    ),
    "url": re.compile(r"https?://|www\.", re.I),
    "symbol run": re.compile(r"([=*_~#|+-])\1{3,}"),
}
GIANT_WORDS = 120  # more words than any sentence a reader would call one


def junk(sentence: str) -> list[str]:
    found = [name for name, rule in JUNK_RULES.items() if rule.search(sentence)]
    if len(sentence.split()) > GIANT_WORDS:
        found.append("giant sentence")
    return found


def run_corpus(folder: str, show: bool) -> list[dict]:
    files = sorted(
        p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith("MANIFEST")
    )
    rows = []
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        try:
            extracted = read(data, name=path.name)
            api = [s.text for s in summarize(extracted.text, sentences=5).sentences]
            read_ms = 1000 * (time.perf_counter() - started)
            candidates = [s.text for s in summarize(extracted, sentences=5).sentences]
            error = ""
        except SummarizerError as exc:
            extracted, api, candidates, error = None, [], [], f"{type(exc).__name__}: {exc}"
            read_ms = 1000 * (time.perf_counter() - started)
        found_api = [(s, junk(s)) for s in api]
        found = [(s, junk(s)) for s in candidates]
        rows.append(
            {
                "file": str(path.relative_to(folder)),
                "format": extracted.format if extracted else detect_format(data, path.name),
                "chars": len(extracted.text) if extracted else 0,
                "api_junk": sum(1 for _, j in found_api if j),
                "sentences": len(candidates),
                "junk_sentences": sum(1 for _, j in found if j),
                "junk": sorted({k for _, j in found for k in j}),
                "error": error,
                "ms": read_ms,
                "summary": candidates,
            }
        )
        if show:
            print(f"== {path.name} ({rows[-1]['format']}, {read_ms:.0f} ms) {error}")
            for s, j in found:
                print(("  JUNK " + ",".join(j) + ": " if j else "  ") + " ".join(s.split())[:300])
    print(
        format_table(
            [
                "file",
                "format",
                "chars",
                "junk, API today",
                "summary sentences",
                "junk, candidates",
                "junk kinds",
                "ms read+summarize",
            ],
            [
                [
                    r["file"],
                    r["format"],
                    r["chars"],
                    r["api_junk"],
                    r["sentences"],
                    r["junk_sentences"],
                    ", ".join(r["junk"]) or r["error"],
                    f"{r['ms']:.0f}",
                ]
                for r in rows
            ],
        )
    )
    total = sum(r["sentences"] for r in rows)
    bad = sum(r["junk_sentences"] for r in rows)
    bad_api = sum(r["api_junk"] for r in rows)
    clean = sum(1 for r in rows if not r["junk_sentences"] and not r["error"])
    print(
        f"\n{len(rows)} documents: candidates emulated, {clean} with clean summaries, "
        f"{bad} of {total} summary sentences flagged; public API on Extracted.text today: "
        f"{bad_api} flagged"
    )
    return rows


def _best_of(function, repeats: int = 5, number: int = 20) -> float:
    """The best mean seconds per call over ``repeats`` runs of ``number`` calls."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(number):
            function()
        best = min(best, (time.perf_counter() - started) / number)
    return best


def run_speed(cnndm: str, long_folder: str | None) -> list[dict]:
    """What the readers add per document: the prose test per 30 sentences and the plain
    reader on news articles (both run on every input), against the splitter's own cost."""
    from summarizer import split_sentences
    from summarizer.readers import plain
    from summarizer.readers.prose import is_prose, prose_mask

    articles = [r["article"] for r in read_jsonl(cnndm)]
    per30_prose, per30_mask, plain_ms, split_ms = [], [], [], []
    for text in articles:
        sentences = split_sentences(text)
        spans = [(s.start, s.end) for s in sentences]
        texts = [s.text for s in sentences]
        scale = 30 / max(1, len(texts))
        per30_prose.append(1000 * scale * _best_of(lambda t=texts: [is_prose(x) for x in t]))
        per30_mask.append(1000 * scale * _best_of(lambda a=text, s=spans: prose_mask(a, s)))
        plain_ms.append(1000 * _best_of(lambda a=text: plain.blocks(a), number=5))
        split_ms.append(1000 * _best_of(lambda a=text: split_sentences(a), number=5))
    rows = [
        {"what": "is_prose, per 30 sentences", "ms_median": statistics.median(per30_prose)},
        {"what": "prose_mask, per 30 sentences", "ms_median": statistics.median(per30_mask)},
        {"what": "plain reader blocks(), per article", "ms_median": statistics.median(plain_ms)},
        {
            "what": "split_sentences (reference), per article",
            "ms_median": statistics.median(split_ms),
        },
    ]
    if long_folder:
        text = "\n\n".join(
            p.read_text(encoding="utf-8") for p in sorted(Path(long_folder).glob("*.txt"))
        )
        started = time.perf_counter()
        plain.blocks(text)
        rows.append(
            {
                "what": f"plain reader blocks(), {len(text) / 1e6:.1f} MB of speeches",
                "ms_median": 1000 * (time.perf_counter() - started),
            }
        )
    print(
        format_table(
            ["what", "ms (median over articles, best of 5)"],
            [[r["what"], f"{r['ms_median']:.4f}"] for r in rows],
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    html = sub.add_parser("html", help="web pages against their gold body")
    html.add_argument("path", help="scrapinghub_dev.jsonl")
    html.add_argument("--limit", type=int, help="only the first N pages")
    corpus = sub.add_parser("corpus", help="junk in summaries of a folder of real documents")
    corpus.add_argument("folder")
    corpus.add_argument("--show", action="store_true", help="print every summary")
    speed = sub.add_parser("speed", help="cost of the prose rules and the plain reader")
    speed.add_argument("cnndm", help="cnndm_dev340.jsonl")
    speed.add_argument("--long", help="a folder of long .txt files (state_union)")
    for p in (html, corpus, speed):
        p.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    info = run_info()
    print_run_info(info)
    if args.command == "html":
        rows = run_html(args.path, args.limit)
    elif args.command == "corpus":
        rows = run_corpus(args.folder, args.show)
    else:
        rows = run_speed(args.cnndm, args.long)
    if args.json:
        write_json(args.json, {"run": info, "rows": rows})
    sys.stdout.flush()


if __name__ == "__main__":
    main()
