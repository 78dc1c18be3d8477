"""Per-document features of the quality dev sets, computed once and cached on disk.

Choosing a method means scoring thousands of configurations on ~1,500
documents. Reading, splitting, candidates, TF-IDF, centralities and ROUGE
tokenization do not depend on the configuration, so they are computed here once
per document with the library's public pieces, exactly as the API builds its
``Document`` for a plain string (``document_of``: ``readers.read``, the detected
language, ``segment``, ``split_at_blocks``, ``Document``), and pickled under
``--cache`` (default ``/work/out/quality2``, or ``$QUALITY_CACHE``; never the
repository). The cache key hashes the library's source and package data, this
file, and the data file's size and mtime, so an edit to any of them rebuilds it.

``fast_rouge`` scores a summary from cached ``rouge-score`` tokens: ROUGE-1 and
ROUGE-2 F1 exactly as ``RougeScorer(["rouge1", "rouge2"], use_stemmer=True)``
computes them for sentences joined by newlines (checked by
``benchmarks/choose.py --check``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np

from benchmarks import common

# Each dev set and its budget: a sentence count, or "ref" (the reference's line count).
SETS: dict[str, str] = {
    "cnndm_dev340": "3",
    "cnndm_dev100": "3",
    "bbc_dev": "ref",
    "scitldr_dev": "1",
}
# Derived copies (benchmarks/tokenized_copy.py), looked for under the cache's derived/:
# dev-only views of a dev set, never data of their own.
DERIVED: dict[str, str] = {"cnndm_dev340_tok": "3"}
DEFAULT_CACHE = Path(os.environ.get("QUALITY_CACHE", "/work/out/quality2"))


def data_path(set_name: str, data_dir: Path, cache=DEFAULT_CACHE) -> Path:
    """Where a set's JSONL is: the data folder, or the cache's derived/ for derived copies."""
    if set_name in DERIVED:
        return Path(cache) / "derived" / f"{set_name}.jsonl"
    return Path(data_dir) / f"{set_name}.jsonl"


def set_budget(set_name: str) -> str:
    return SETS.get(set_name) or DERIVED[set_name]


LENGTH_BUCKETS = ((0, 15, "<=15"), (16, 30, "16-30"), (31, 10**9, ">30"))
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


@dataclass
class Doc:
    """One document as the library sees it, plus what scoring a summary of it needs."""

    set: str
    id: str
    origin: str  # "cnn" / "dm" for cnndm_dev340, the set name otherwise
    k: int  # the budget in sentences
    n: int  # the Document's sentences
    n_segment: int  # ``segment(text)``'s sentences: quality.py's length buckets
    language: str  # the language the API detects (and analyzes in)
    sentences: list[str]
    headings: np.ndarray  # bool: Document.headings
    candidates: np.ndarray  # bool: Document.candidates (what select may take)
    positions: np.ndarray  # Document.body_positions
    paragraphs: np.ndarray  # paragraph index of each sentence (blank-line separated)
    terms: np.ndarray  # content terms per sentence (the analyzer's, with repeats)
    words: np.ndarray  # Document.word_counts
    tfidf: object  # Document.vectors.tfidf (dense or CSR): what select's MMR reads
    similarity: np.ndarray  # n x n TF-IDF cosine (rank.cosine_similarity), zero diagonal
    features: dict[str, np.ndarray] = field(default_factory=dict)  # per-sentence centralities
    tokens: list[list[str]] = field(default_factory=list)  # rouge-score tokens per sentence
    ref_tokens: list[str] = field(default_factory=list)
    ref_lines: list[str] = field(default_factory=list)
    oracle: np.ndarray | None = None  # SciTLDR: 1 where our sentence is the marked best one

    @property
    def bucket(self) -> str:
        for low, high, name in LENGTH_BUCKETS:
            if low <= self.n_segment <= high:
                return name
        return LENGTH_BUCKETS[-1][2]

    @property
    def n_body(self) -> int:
        """Sentences that are not headings (what the methods count as the text's length)."""
        return self.n - int(self.headings.sum())


def budget_for(row: dict, budget: str) -> int:
    if budget == "ref":
        return max(1, len(reference_lines(row["reference"])))
    return int(budget)


def reference_lines(reference: str) -> list[str]:
    return [line.strip() for line in reference.splitlines() if line.strip()]


def _data_key(path: Path) -> str:
    st = path.stat()
    return f"{path.name}:{st.st_size}:{st.st_mtime_ns}"


def _source_hash(path: Path) -> str:
    """The library's source and package data, this file, and the data file's identity."""
    h = hashlib.sha256()
    package = common.ROOT / "summarizer"
    sources = sorted(p for p in package.rglob("*.py"))
    sources += sorted(p for p in (package / "data").rglob("*") if p.is_file())
    for src in [*sources, Path(__file__)]:
        h.update(str(src.relative_to(common.ROOT)).encode())
        h.update(src.read_bytes())
    h.update(_data_key(path).encode())
    return h.hexdigest()[:16]


def paragraph_index(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """For each span, how many blank-line paragraph breaks precede its start."""
    breaks = np.array([m.start() for m in _PARAGRAPH.finditer(text)], dtype=np.int64)
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    return np.searchsorted(breaks, starts, side="left").astype(np.int64)


def document_of(text: str):
    """The ``Document`` the API builds for a plain string (format and language detected),
    from public pieces: ``readers.read``, ``detect_language``, ``segment``,
    ``split_at_blocks``, ``get_analyzer``."""
    from summarizer import readers
    from summarizer.detect import detect_language
    from summarizer.document import Document, split_at_blocks
    from summarizer.segment import segment
    from summarizer.text import get_analyzer

    extracted = readers.read(text)
    language = detect_language(extracted.text).language
    spans = split_at_blocks(extracted.text, segment(extracted.text, language), extracted)
    return Document(extracted.text, spans, get_analyzer(language), None, extracted)


def build_doc(set_name: str, row: dict, budget: str, tokenize) -> Doc:
    from benchmarks.quality import map_to_article_sentence
    from summarizer import rank
    from summarizer.segment import segment

    document = document_of(row["article"])
    text, spans, n = document.text, document.spans, document.n
    sentences = [text[s:e] for s, e in spans]
    if n:
        vectors = document.vectors
        tfidf = vectors.tfidf
        similarity = rank.cosine_similarity(tfidf)
        features = {
            "lexrank": rank.lexrank_scores(tfidf, 0.85, None),
            "textrank": rank.textrank_scores(vectors.tf, document.index.lengths, 0.85),
            "centroid": rank.centroid_scores(tfidf),
            # PacSum's two directed sums (beta 0): similarity to later / to earlier sentences
            "later": rank.pacsum_scores(tfidf, 0.0, 0.0, 1.0),
            "earlier": rank.pacsum_scores(tfidf, 0.0, 1.0, 0.0),
        }
    else:
        tfidf = np.zeros((0, 0))
        similarity = np.zeros((0, 0))
        features = {}
    oracle = None
    if "oracle_labels" in row and "article_sentences" in row:
        oracle = np.zeros(n, dtype=np.int8)
        for i, s in enumerate(sentences):
            j, _ = map_to_article_sentence(" ".join(s.split()), row["article_sentences"])
            if j is not None and row["oracle_labels"][j] == 1:
                oracle[i] = 1
    ref = reference_lines(row["reference"])
    return Doc(
        set=set_name,
        id=str(row.get("id")),
        origin=row.get("origin", set_name),
        k=budget_for(row, budget),
        n=n,
        n_segment=len(segment(row["article"])),
        language=document.language,
        sentences=sentences,
        headings=np.asarray(document.headings, dtype=bool),
        candidates=np.asarray(document.candidates, dtype=bool),
        positions=np.asarray(document.body_positions, dtype=np.float64),
        paragraphs=paragraph_index(text, spans),
        terms=np.asarray(document.index.lengths, dtype=np.int64),
        words=np.asarray(document.word_counts, dtype=np.int64),
        tfidf=tfidf,
        similarity=similarity,
        features=features,
        tokens=[tokenize(" ".join(s.split())) for s in sentences],
        ref_tokens=tokenize("\n".join(ref)),
        ref_lines=ref,
        oracle=oracle,
    )


def load_set(
    set_name: str, data_dir: Path = common.DEFAULT_DATA / "summarization", cache=DEFAULT_CACHE
) -> list[Doc]:
    """The documents of one dev set, from the cache or built (and cached) now."""
    path = data_path(set_name, data_dir, cache)
    key = _source_hash(path)
    cached = Path(cache) / f"{set_name}-{key}.pkl"
    if cached.exists():
        with open(cached, "rb") as f:
            return pickle.load(f)
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    rows = [r for r in common.read_jsonl(path) if isinstance(r.get("article"), str)]
    docs = [build_doc(set_name, r, set_budget(set_name), scorer._tokenizer.tokenize) for r in rows]
    Path(cache).mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump(docs, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cached)
    return docs


def load_sets(names=None, data_dir=None, cache=DEFAULT_CACHE) -> dict[str, list[Doc]]:
    data_dir = Path(data_dir) if data_dir else common.DEFAULT_DATA / "summarization"
    return {name: load_set(name, data_dir, cache) for name in (names or SETS)}


def _f1(overlap: int, produced: int, wanted: int) -> float:
    if overlap == 0:
        return 0.0
    p, r = overlap / produced, overlap / wanted
    return 2 * p * r / (p + r)


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(pairwise(tokens))


class RefCounts:
    """A document's reference unigram and bigram counts, built once."""

    __slots__ = ("bi", "n_bi", "n_uni", "uni")

    def __init__(self, tokens: list[str]) -> None:
        self.uni = Counter(tokens)
        self.bi = _bigrams(tokens)
        self.n_uni = len(tokens)
        self.n_bi = max(len(tokens) - 1, 0)


def fast_rouge(doc: Doc, chosen, ref: RefCounts | None = None) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 (0-1) of the sentences ``chosen`` (taken in document order)."""
    ref = ref or RefCounts(doc.ref_tokens)
    tokens: list[str] = []
    for i in sorted(int(i) for i in chosen):
        tokens.extend(doc.tokens[i])
    uni = Counter(tokens)
    bi = _bigrams(tokens)
    o1 = sum(min(c, ref.uni[t]) for t, c in uni.items() if t in ref.uni)
    o2 = sum(min(c, ref.bi[t]) for t, c in bi.items() if t in ref.bi)
    return _f1(o1, len(tokens), ref.n_uni), _f1(o2, max(len(tokens) - 1, 0), ref.n_bi)


def peer_scores(
    set_name: str,
    system: str,
    data_dir: Path = common.DEFAULT_DATA / "summarization",
    cache=DEFAULT_CACHE,
) -> np.ndarray:
    """Per-document ROUGE-1 and ROUGE-2 F1 x 100 of a peer (``benchmarks.peers`` name) on
    one dev set, shape (documents, 2), from ``rouge-score`` itself; cached like the sets."""
    import json
    import warnings

    from benchmarks import peers

    path = data_path(set_name, data_dir, cache)
    versions = common.package_versions()
    key = hashlib.sha256(
        f"{_data_key(path)}:{system}:{sorted(versions.items())}".encode()
    ).hexdigest()[:16]
    cached = Path(cache) / f"{set_name}-{system.replace(':', '_')}-{key}.json"
    if cached.exists():
        return np.asarray(json.loads(cached.read_text()), dtype=np.float64)
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    rows = [r for r in common.read_jsonl(path) if isinstance(r.get("article"), str)]
    warnings.simplefilter("ignore")
    fn = peers.build(system, [r["article"] for r in rows])
    out = []
    for row in rows:
        try:
            chosen = [
                peers.normalize(s)
                for s in fn(row["article"], budget_for(row, set_budget(set_name)))
            ]
        except Exception:
            chosen = []
        s = scorer.score("\n".join(reference_lines(row["reference"])), "\n".join(chosen))
        out.append([100.0 * s["rouge1"].fmeasure, 100.0 * s["rouge2"].fmeasure])
    Path(cache).mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(out))
    return np.asarray(out, dtype=np.float64)
