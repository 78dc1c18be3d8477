"""A tokenized, lower-cased copy of a summarization JSONL, like the research CNN/DM files.

    NLTK_DATA=/path/to/nltk_data python benchmarks/tokenized_copy.py IN.jsonl OUT.jsonl

The research versions of CNN/DailyMail (and SummEval's copy of its test
articles) are Penn-Treebank tokenized and lower-cased, with the first letter of
each sentence capitalized: ``( cnn ) two cnn heroes are among ... . And they
are ...``. Applying the same transform to an untokenized dev set gives the same
articles in that form, so a method can be checked for depending on the form
rather than the content. Sentences are split with nltk's punkt and tokenized
with ``nltk.word_tokenize``; double quotes become the treebank's two single
quotes. ``id`` gets a ``-tok`` suffix; references are kept as they are. The
copy is dev data derived from the input: keep it next to the cache
(``/work/out/quality/derived``), never in the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import common


def tokenize_like_cnndm(text: str) -> str:
    import nltk

    out = []
    for sentence in nltk.sent_tokenize(text):
        tokens = " ".join(nltk.word_tokenize(sentence)).lower().replace('"', "''")
        if tokens[:1].isalpha():
            tokens = tokens[0].upper() + tokens[1:]
        out.append(tokens)
    return " ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source")
    ap.add_argument("target")
    args = ap.parse_args(argv)
    rows = common.read_jsonl(args.source)
    Path(args.target).parent.mkdir(parents=True, exist_ok=True)
    with open(args.target, "w", encoding="utf-8") as f:
        for row in rows:
            copy = dict(row, article=tokenize_like_cnndm(row["article"]), id=f"{row.get('id')}-tok")
            f.write(json.dumps(copy, ensure_ascii=False) + "\n")
    print(f"{len(rows)} records -> {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
