"""How close our TextRank comes to gensim's and summa's on their own test fixtures.

The fixtures (``textrank_fixtures.jsonl``: id, article, reference, reference_kind) are the test
inputs of gensim 3.8's and summa's TextRank with the outputs those libraries expect. A reference
is a library's output, not a human summary, so this is a sanity check, not a quality score:
ours need not match. For each fixture with a reference, ours takes as many sentences as the
reference has (split by our splitter, since some references are hard-wrapped), and the
table gives how many of them are reference sentences (whitespace
ignored) and the word overlap (F1 of word multisets). Fixtures without a reference only check
that a summary comes back; an empty reference (gensim and summa refuse texts with few distinct
words) is compared with our rule that a text with content always gets a sentence.

    python benchmarks/fixtures.py ../shared/data/summarization/textrank_fixtures.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from summarizer import split_sentences, summarize

_WORD = re.compile(r"\w+")


def _norm(sentence: str) -> str:
    return " ".join(sentence.split())


def _word_f1(ours: str, reference: str) -> float:
    a, b = Counter(_WORD.findall(ours.lower())), Counter(_WORD.findall(reference.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def compare(record: dict, method: str) -> dict:
    """One fixture: our summary against the library's expected output."""
    article, reference = record["article"], record.get("reference")
    row = {"id": record["id"], "method": method}
    if reference:
        wanted = [_norm(s.text) for s in split_sentences(reference)]  # lines may be wrapped
        summary = summarize(article, sentences=len(wanted), method=method)
        ours = [_norm(s.text) for s in summary]
        found = sum(1 for s in ours if s in set(wanted))
        row.update(
            reference_sentences=len(wanted),
            ours_in_reference=found,
            word_f1=_word_f1(" ".join(ours), " ".join(wanted)),
        )
    else:
        summary = summarize(article, method=method)
        row.update(reference_sentences=0 if reference == "" else None, ours=len(summary))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fixtures", type=Path, help="textrank_fixtures.jsonl")
    parser.add_argument("--methods", default="textrank,positional")
    parser.add_argument("--json", type=Path, help="write the rows as JSON here")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.fixtures.open(encoding="utf-8") if line.strip()]
    rows = [compare(r, m) for r in records for m in args.methods.split(",")]
    print("| fixture | method | reference sentences | ours in reference | word F1 | note |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        if "word_f1" in row:
            cells = (
                row["reference_sentences"],
                f"{row['ours_in_reference']}/{row['reference_sentences']}",
                f"{row['word_f1']:.2f}",
                "",
            )
        elif row["reference_sentences"] == 0:
            note = f"library returns nothing; ours {row['ours']} sentence(s), by design"
            cells = (0, "-", "-", note)
        else:
            cells = ("none", "-", "-", f"no reference; ours {row['ours']} sentence(s)")
        print(f"| {row['id']} | {row['method']} | " + " | ".join(map(str, cells)) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
