"""Build ``summarizer/data/stems_english.txt``: the stems of common English words, precomputed.

    apt-get install scowl      # Debian's SCOWL word lists, in /usr/share/dict/scowl
    python tools/build_stem_table.py [--scowl DIR] [--size 35] [--out PATH]

Why: the analyzer stems each word the first time it meets it (``summarizer.stem``,
about 1.5 us, plus the bookkeeping of a new chunk). In a process that summarizes many
documents most words are met before, but each new document still brings a few dozen
first sightings, and those cost more than the rest of the analysis together. The
analyzer starts its chunk cache from this table instead of empty, so the common words
are cached before the first document.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), as Debian's ``scowl``
package ships it: the English, American and British word lists, upper-case words and
proper names up to ``--size`` (SCOWL's sizes run from 10, the most common words, to 95;
Debian's default ``wamerican`` dictionary is size 50; why 35 is the default, measured:
``stems_english.md``). SCOWL's licence permits copying and redistribution with its
copyright notice, which ``stems_english.md`` reproduces.

Kept: lower-cased words of two or more ASCII letters that are not stop words, i.e. the
words the analyzer would stem; each is grouped under ``summarizer.stem.stem`` of it.
Rebuild after any change to the stemmer or the stop words (the tests check every entry
against both).

Format (ASCII, written for loading speed rather than for reading): ``#`` comment lines,
then three lines: the stems, space-separated; how many words each stem has; and those
words, stem by stem in the same order. The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.stem import stem  # noqa: E402
from summarizer.text import _MAX_WORD, _load_stop_words  # noqa: E402

DEFAULT_SCOWL = "/usr/share/dict/scowl"
DEFAULT_OUT = ROOT / "summarizer" / "data" / "stems_english.txt"
SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
SPELLINGS = ("english", "american", "british")
KINDS = ("words", "upper", "proper-names")


def read_words(scowl: Path, size: int) -> set[str]:
    """The lower-cased SCOWL words up to ``size`` that the analyzer would stem."""
    stop_words = _load_stop_words("english")
    words: set[str] = set()
    found = 0
    for level in (s for s in SIZES if s <= size):
        for spelling in SPELLINGS:
            for kind in KINDS:
                path = scowl / f"{spelling}-{kind}.{level}"
                if not path.exists():  # not every combination exists
                    continue
                found += 1
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    word = line.strip().lower()
                    if (
                        word.isascii()
                        and word.isalpha()
                        and 2 <= len(word) <= _MAX_WORD
                        and word not in stop_words
                    ):
                        words.add(word)
    if not found:
        sys.exit(f"no SCOWL lists in {scowl} (apt-get install scowl)")
    return words


def build(words: set[str], size: int) -> str:
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(stem(word), []).append(word)
    stems = sorted(groups)
    header = [
        f"# Snowball English stems (summarizer.stem) of {len(words)} SCOWL words, size <= {size}.",
        "# Built by tools/build_stem_table.py from Debian's scowl package; licence and format:",
        "# stems_english.md. Lines: the stems; how many words each has; the words, stem by stem.",
    ]
    body = [
        " ".join(stems),
        " ".join(str(len(groups[s])) for s in stems),
        " ".join(w for s in stems for w in groups[s]),
    ]
    return "\n".join(header + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scowl", type=Path, default=Path(DEFAULT_SCOWL))
    parser.add_argument("--size", type=int, choices=SIZES, default=35)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    words = read_words(args.scowl, args.size)
    text = build(words, args.size)
    args.out.write_text(text, encoding="ascii")
    print(f"{args.out}: {len(words)} words, {len(text) // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
