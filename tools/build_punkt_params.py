"""Build ``summarizer/data/punkt_english.json``: the English Punkt parameters the splitter ships.

    python tools/build_punkt_params.py [--corpus DIR] [--out PATH]

Two sources, both ours to redistribute:

1. nltk's ``PunktTrainer`` run offline over the US State of the Union addresses 1945-2006
   (public domain; ``/work/shared/data/long/state_union/*.txt`` by default). From it come the
   orthographic context (which words are seen in lower case and never capitalised inside a
   sentence), the frequent sentence starters, the collocations, and the dotted abbreviations
   it finds (``u.s``, ``d.c``, ``p.m`` ...).
2. Hand-curated lists in this file: common English abbreviations, split by how they behave
   before a capitalised word (titles never end a sentence; ``etc.`` or ``Inc.`` may), and
   those that are abbreviations only before a number (``No. 5``, ``pp. 10``).

Learned single-word abbreviations are dropped: on speeches the trainer mostly finds
sentence-final words that follow a frequent sentence starter ("bay", "fox", "vet"), and
single letters and Roman numerals are handled as initials at run time anyway. ``i`` is
dropped from the sentence starters: "I" is always capitalised, so it says nothing about a
sentence start (Punkt's own orthographic rule already treats it as "unknown").

The output is deterministic (sorted lists), so rebuilding from the same corpus and nltk
version gives the same file.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "/work/shared/data/long/state_union"
DEFAULT_OUT = ROOT / "summarizer" / "data" / "punkt_english.json"


def _words(block: str) -> list[str]:
    return block.split()


# Titles and words that introduce what follows: never the last word of a sentence when the
# next word is capitalised or a number ("Dr. Smith", "e.g. The Times", "vs. Chicago").
PREPOSITIVE = _words("""
adm amb atty brig capt cdr cmdr col comdr cpl det dr drs e.g esp fr gen gov hon i.e incl insp
lt maj messrs mlle mme mmes mr mrs ms msgr pres prof profs pvt rep reps rev revd sen sens sgt
supt viz vs cf approx
""")

# Abbreviations that may end a sentence; before a capitalised word the orthographic rule decides.
GENERAL = _words("""
acad al alt apr assn assoc asst attn aug ave avg bldg blvd bros ca calif cir co colo conn corp
cres ct ctr cu dec dept dist div dol dr ed eds eng est et etc exec exp ext feb fig figs fla fri ft
ga gal govt hwy hr hrs ibid inc intl jan jr jul jun kan ky lb lbs ln ltd mar md mfg mgr mich min
mins minn misc mon mr mrs mt natl neb nev nov oct okla ont op ore oz pa pkwy pl pt qt rd ref
rte sat sec secs sept sep sr st ste sun tenn tex thu thur thurs tue tues univ va vol vols vt wed wis
wk wks wyo yd yds yr yrs
""")

# Abbreviations only when a number follows ("No. 5", "pp. 10-12", "N\u00b0. 7"); elsewhere words.
BEFORE_NUMBER = _words("""
no nos nr num p pp ch chap art arts para sect vol fig eq eqs ex tel ph fax col cols pg pgs
n\u00b0 n\u00ba
""")

# Curated lower-case words: a sentence may start with them, so after an abbreviation
# ("moved to the U.S. He said") a capitalised form signals a new sentence. The trainer finds
# nearly all of them in the corpus; this list makes sure of the common function words.
FUNCTION_WORDS = _words("""
a about above after again against all also although always am among an and another any are as
at be because been before being below between both but by can could did do does doing down during
each either every few for from further had has have having he her here hers herself him himself
his how however if in into is it its itself just let many may me meanwhile might more moreover most
much must my myself neither never nevertheless no nobody none nor not nothing now of off often on
once only or other others otherwise our ours ourselves out over perhaps please several she should
since so some such than that the their theirs them themselves then there therefore these they
this those though thus to today tomorrow tonight too under unless until up upon us very was we
were what whatever when whenever where whereas wherever whether which while who whom whose why
will with within without would yes yesterday yet you your yours yourself yourselves
""")


def train(corpus: str):
    """Run PunktTrainer over every ``*.txt`` in ``corpus``; return its parameters."""
    from nltk.tokenize.punkt import PunktTrainer

    files = sorted(glob.glob(str(Path(corpus) / "*.txt")))
    if not files:
        raise SystemExit(f"no *.txt files in {corpus}")
    trainer = PunktTrainer()
    for path in files:
        with open(path, encoding="utf-8") as f:
            trainer.train(f.read(), finalize=False)
    trainer.finalize_training()
    return trainer.get_params(), len(files)


def build(corpus: str) -> dict:
    from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC

    params, n_files = train(corpus)
    learned = sorted(params.abbrev_types)
    dotted = sorted(a for a in learned if "." in a.strip(".") and " " not in a)
    lowercase = {
        w
        for w, flags in params.ortho_context.items()
        if flags & _ORTHO_LC and not flags & _ORTHO_MID_UC and w.isascii() and w[:1].isalpha()
    }
    lowercase |= set(FUNCTION_WORDS)
    starters = sorted(s for s in params.sent_starters if s != "i")
    collocations = sorted([a, b] for a, b in params.collocations)
    prepositive = sorted(set(PREPOSITIVE))
    general = sorted((set(GENERAL) | set(dotted)) - set(prepositive))
    return {
        "about": (
            "English Punkt parameters for summarizer.segment. Built by "
            "tools/build_punkt_params.py: nltk PunktTrainer over "
            f"{n_files} US State of the Union addresses 1945-2006 (public domain) gives "
            "lowercase_words (orthographic context: seen in lower case, never capitalised "
            "inside a sentence), sentence_starters, collocations and the dotted "
            "abbreviations; the other abbreviation lists are curated by hand in that script."
        ),
        "prepositive_abbreviations": prepositive,
        "abbreviations": general,
        "number_abbreviations": sorted(set(BEFORE_NUMBER)),
        "sentence_starters": starters,
        "collocations": collocations,
        "lowercase_words": sorted(lowercase),
        "dropped_learned_abbreviations": [
            a for a in learned if a not in dotted and a not in prepositive and a not in general
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="directory of *.txt training text")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="JSON file to write")
    args = ap.parse_args(argv)
    data = build(args.corpus)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=0, sort_keys=False)
        f.write("\n")
    sizes = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    print(f"wrote {args.out}: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
