"""Build the Punkt parameters the splitter ships: ``summarizer/data/punkt/<code>.json``.

    python tools/build_punkt_params.py --language CODE [--corpus DIR] [--mirrors DIR] [--out PATH]
    python tools/build_punkt_params.py --all

Sources, all ours to redistribute parameters from (``summarizer/data/punkt/README.md``):

1. nltk's ``PunktTrainer`` run offline over open text in the language. From it come the
   orthographic context (which words are seen in lower case and never capitalised inside a
   sentence), the frequent sentence starters, the collocations, and the dotted abbreviations
   it finds (``u.s``, ``z.b`` ...). The texts (``SOURCES``) are public domain (the US State of
   the Union addresses for English; novels of the European Literary Text Collection, ELTeC,
   1840-1920; older public-domain books) or Universal Dependencies TRAIN splits under CC BY-SA
   4.0 -- never a dev or test split, never a NonCommercial treebank. They are read from local
   copies of their repositories (``--mirrors``; git directories, read at the pinned commit),
   at most ``MAX_CHARS`` characters per language, files in sorted order.
2. Hand-curated lists: English in this file, the other languages in ``tools/punkt_curated.py``
   -- abbreviations split by how they behave before a capitalised word (titles never end a
   sentence; ``etc.`` may), those that are abbreviations only before a number (``No. 5``),
   and per-language facts the rules need (terminal marks, ordinals with a full stop, months).

Learned single-word abbreviations are dropped: the trainer mostly finds sentence-final words
that follow a frequent sentence starter ("bay", "fox", "vet"), and single letters and Roman
numerals are handled as initials at run time anyway. ``i`` is dropped from the English
sentence starters: "I" is always capitalised, so it says nothing about a sentence start.

English keeps exactly the keys and rules of the original ``punkt_english.json`` (the output is
byte-identical to it). The other languages add ``language``, ``months``,
``ordinal_full_stop``, ``terminals``, ``openers``, ``case``, ``spaces`` and ``sources``; their
``lowercase_words`` are the trained ones seen at least ``MIN_COUNT`` times (at most
``MAX_LOWERCASE``, the most frequent first) plus the language's stop words. Languages without
training text (da; ar, hi, zh, ja, which have no letter case or no spaces) get the curated
lists and, for da, the stop words as lowercase words.

The output is deterministic (sorted lists, pinned commits), so rebuilding from the same
sources and nltk version gives the same file.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from punkt_curated import CURATED, LATIN_TERMINALS

ROOT = Path(__file__).resolve().parents[1]


def _words(block: str) -> list[str]:
    return block.split()


DEFAULT_CORPUS = "/work/shared/data/long/state_union"
DEFAULT_MIRRORS = "/work/.mirror"
PUNKT_DIR = ROOT / "summarizer" / "data" / "punkt"
STOPWORDS_DIR = ROOT / "summarizer" / "data" / "stopwords"
LANGUAGES = _words("ar zh cs da nl en fi fr de el hi it ja no pl pt ru es sv tr")
MAX_CHARS = 8_000_000  # training text per language
MIN_COUNT = 3  # a trained lowercase word must be seen this often
MAX_LOWERCASE = 30_000


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


# ----------------------------------------------------------------------------- training text
@dataclass(frozen=True)
class Source:
    """Open text in a repository copy: files, or every ``*.xml`` of a folder ending in "/"."""

    repo: str  # owner/name
    commit: str
    paths: tuple[str, ...]
    kind: str  # "tei" (ELTeC level-1 TEI), "conllu", "php" (Faker Text.php), "elm"
    text: str  # what the text is
    licence: str
    detokenize: bool = False  # CoNLL-U "# text" written with spaces before punctuation
    modern_case: bool = False  # skip texts that capitalise nouns (older Dano-Norwegian)


_ELTEC = "public domain (novels 1840-1920); TEI markup CC BY 4.0"
_UD = "CC BY-SA 4.0"


def _eltec(code3: str, commit: str, **kw) -> Source:
    return Source(
        f"COST-ELTeC/ELTeC-{code3}", commit, ("level1/",), "tei",
        f"ELTeC-{code3}, European Literary Text Collection (level 1)", _ELTEC, **kw,
    )  # fmt: skip


SOURCES: dict[str, tuple[Source, ...]] = {
    "cs": (
        Source("UniversalDependencies/UD_Czech-CLTT", "b1d6be45b00d0d6fb9c7ec576b2d3d822b991254",
               ("cs_cltt-ud-train.conllu",), "conllu",
               "UD Czech-CLTT train split (legal texts)", _UD),
        _eltec("cze", "25cb4e935424a0254cf736bc88cfb8217721de15"),
    ),
    "de": (_eltec("deu", "d1eed488bd579ee95151b1a291a0056a90c36fa4"),),
    "el": (
        Source("UniversalDependencies/UD_Greek-GUD", "f8fde02d49115dd6b2a870159d9a1d2b89ca3eb5",
               ("el_gud-ud-train.conllu",), "conllu", "UD Greek-GUD train split", _UD),
        Source("FakerPHP/Faker", "054058d29557027ad71f7506ad0dc39b0d8e0129",
               ("src/Faker/Provider/el_GR/Text.php",), "php",
               "Penelope Delta (1874-1941), Trelantonis, as excerpted in FakerPHP",
               "public domain (author died 1941)"),
        _eltec("gre", "cdcf83f52ede512f355774c244466c085fe131ba"),
    ),
    "es": (_eltec("spa", "83e2a22d5ef66f96e59f47f7ef810358c4236322"),),
    "fi": (
        Source("ohanhi/muhkeimmat-sanaparit", "2bd89b82beb29a894519b4cdd0fbe2514e092fc0",
               ("DataSource.elm",), "elm",
               "Volter Kilpi (1874-1939), Alastalon salissa (Projekti Lonnrot no. 460)",
               "public domain (author died 1939)"),
    ),
    "fr": (_eltec("fra", "83f0a43fdb967cd1db646027a1a237307e4924a1"),),
    "it": (_eltec("ita", "100a4851ed1a1092f082c0ecd109f621c8f62ed4"),),
    "nl": (
        Source("UniversalDependencies/UD_Dutch-Alpino", "4b8df797c614ee8828871d6f366711f06cfa1725",
               ("nl-ud-train.conllu",), "conllu", "UD Dutch-Alpino train split (UD 2.1)", _UD),
    ),
    "no": (_eltec("nor", "78bf7c179d863908be2f932a89b0e793cb4d6f03", modern_case=True),),
    "pl": (_eltec("pol", "95fe196e35720b3de9644ef3ef1d1bb242bae99a"),),
    "pt": (_eltec("por", "8886868916311001a8a8dd99aa6f18f6a2c68408"),),
    "ru": (
        Source("UniversalDependencies/UD_Russian-Taiga", "445b06171246417ae52da5b989d6ee619c112177",
               ("ru_taiga-ud-train.conllu",), "conllu", "UD Russian-Taiga train split (UD 2.7)",
               _UD),
        Source("FakerPHP/Faker", "054058d29557027ad71f7506ad0dc39b0d8e0129",
               ("src/Faker/Provider/ru_RU/Text.php",), "php",
               "Nikolai Gogol (1809-1852), Dead Souls, as excerpted in FakerPHP", "public domain"),
        Source("COST-ELTeC/ELTeC-rus", "fc5014be10be291a000d7f7397c1f1ff60746d2b", ("level0/",),
               "tei", "ELTeC-rus draft (level 0): 20 novels 1840-1912 by authors who died by 1938",
               "public domain (the repository states no licence for its markup, which is unused)"),
    ),
    "sv": (_eltec("swe", "eef89d94921e48ff00f75dcdb0f8bcf7d4e273e4"),),
    "tr": (
        Source("UniversalDependencies/UD_Turkish-FrameNet",
               "9ec12b793b6c1dc11ca22c46f661228503f777c6", ("tr_framenet-ud-train.conllu",),
               "conllu", "UD Turkish-FrameNet train split", _UD, detokenize=True),
    ),
}  # fmt: skip

_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SPACES = re.compile(r"\s+")
_DETOK_BEFORE = re.compile(r" +([.,;:!?%)\]}\u00bb])")
_DETOK_AFTER = re.compile(r"([(\[{\u00ab]) +")
_WORD = re.compile(r"\w+")
# a learned dotted abbreviation: short letter groups joined by full stops ("z.b", "u.s")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}")
_POLYTONIC = re.compile("[\u1f00-\u1fff]")  # Greek Extended: polytonic spelling


class _Git:
    """Reads files of one repository copy (a git directory) at pinned commits."""

    def __init__(self, mirrors: str, repo: str):
        self.dir = Path(mirrors) / repo.replace("/", "+") / "repo"
        if not self.dir.exists():
            raise SystemExit(f"no copy of {repo} at {self.dir} (see the README for sources)")

    def _git(self, *args: str) -> bytes:
        cmd = ["git", "--git-dir", str(self.dir), *args]
        return subprocess.run(cmd, capture_output=True, check=True).stdout

    def list(self, commit: str, folder: str) -> list[str]:
        out = self._git("ls-tree", "--name-only", "-z", commit, folder).decode("utf-8")
        return sorted(p for p in out.split("\0") if p.endswith(".xml"))

    def read(self, commit: str, path: str) -> str:
        return self._git("show", f"{commit}:{path}").decode("utf-8")


def _tei_text(raw: str) -> tuple[str, str]:
    """The paragraphs of an ELTeC level-1 text, one per block, and its ``xml:lang``."""
    root = ET.fromstring(raw.encode("utf-8"))
    lang = root.get(_XML_LANG, "")
    body = root.find(f".//{_TEI}body")  # under <text>; some level-0 drafts have no <text>
    if body is None:
        return "", lang
    for parent in body.iter():
        for note in parent.findall(f"{_TEI}note"):
            parent.remove(note)
    paragraphs = (_SPACES.sub(" ", "".join(p.itertext())).strip() for p in body.iter(f"{_TEI}p"))
    return "\n\n".join(p for p in paragraphs if p), lang


def _conllu_text(raw: str, path: str, detokenize: bool) -> str:
    """Sentences (``# text``) joined by spaces, paragraphs and documents by a blank line."""
    if re.search(r"(?:^|[-_.])(?:dev|test)(?:[-_.]|$)", Path(path).name):
        raise SystemExit(f"refusing {path}: only TRAIN splits may train shipped parameters")
    blocks: list[list[str]] = [[]]
    for line in raw.splitlines():
        if line.startswith(("# newdoc", "# newpar")) and blocks[-1]:
            blocks.append([])
        elif line.startswith("# text = "):
            sentence = line[9:].strip()
            if detokenize:
                sentence = _DETOK_AFTER.sub(r"\1", _DETOK_BEFORE.sub(r"\1", sentence))
            blocks[-1].append(sentence)
    return "\n\n".join(" ".join(b) for b in blocks if b)


def _between(raw: str, start: str, end: str) -> str:
    i = raw.index(start) + len(start)
    return raw[i : raw.index(end, i)]


def _capitalised_inside(text: str) -> float:
    """Share of capitalised words not at a sentence start: about 0.05 for text that writes
    nouns in lower case, 0.2 and more for text that capitalises them."""
    inside = upper = 0
    for m in _WORD.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip()
        if not before or before[-1] in ".!?:;\"'\u00bb\u00ab\u201d\u201c-\u2013\u2014":
            continue
        inside += 1
        upper += m.group()[:1].isupper()
    return upper / inside if inside else 0.0


def read_sources(code: str, mirrors: str) -> Iterator[tuple[Source, str, str]]:
    """``(source, path, text)`` for the training text of ``code``, up to ``MAX_CHARS``."""
    total = 0
    for src in SOURCES.get(code, ()):
        git = _Git(mirrors, src.repo)
        paths = [p for entry in src.paths for p in
                 (git.list(src.commit, entry) if entry.endswith("/") else [entry])]  # fmt: skip
        for path in paths:
            if total >= MAX_CHARS:
                return
            raw = git.read(src.commit, path)
            if src.kind == "tei":
                text, lang = _tei_text(raw)
                if code == "no" and lang != "nb":
                    continue  # Nynorsk is another written standard
            elif src.kind == "conllu":
                text = _conllu_text(raw, path, src.detokenize)
            elif src.kind == "php":
                text = _between(raw, "<<<'EOT'", "\nEOT")
            else:  # elm
                text = _between(raw, '"""', '"""')
            text = unicodedata.normalize("NFC", text)
            if not text.strip():
                continue
            if src.modern_case and _capitalised_inside(text) > 0.12:
                continue  # capitalises nouns: would teach that common nouns are capitalised
            text = text[: MAX_CHARS - total]
            total += len(text)
            yield src, path, text


def train(texts: Iterator[str]):
    """Run PunktTrainer over ``texts``; return its parameters and the trainer."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    n = 0
    for text in texts:
        trainer.train(text, finalize=False)
        n += 1
    if not n:
        raise SystemExit("no training text")
    trainer.finalize_training()
    return trainer.get_params(), trainer


# ----------------------------------------------------------------------------- English
def train_files(corpus: str):
    """Run PunktTrainer over every ``*.txt`` in ``corpus``; return its parameters."""
    files = sorted(glob.glob(str(Path(corpus) / "*.txt")))
    if not files:
        raise SystemExit(f"no *.txt files in {corpus}")

    def texts():
        for path in files:
            with open(path, encoding="utf-8") as f:
                yield f.read()

    return train(texts())[0], len(files)


def build_english(corpus: str) -> dict:
    from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC

    params, n_files = train_files(corpus)
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


# ----------------------------------------------------------------------------- other languages
def _stop_words(code: str) -> set[str]:
    path = STOPWORDS_DIR / f"{code}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return {w for w in lines if w and not w.startswith("#")}


def _is_word(w: str) -> bool:
    return (
        w[:1].isalpha()
        and all(c.isalpha() or c in "-'" for c in w)
        and not _POLYTONIC.search(w)  # older Greek spelling: never matches modern text
    )


def build_language(code: str, mirrors: str) -> dict:
    """The parameters of ``code`` (not English): trained where ``SOURCES`` has text."""
    from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC

    cur = CURATED[code]
    case = cur.get("case", True)
    used: list[dict] = []
    learned: list[str] = []
    starters: list[str] = []
    collocations: list[list[str]] = []
    lowercase: set[str] = set()
    if code in SOURCES:

        def texts():
            for src, path, text in read_sources(code, mirrors):
                used.append({
                    "text": src.text, "licence": src.licence,
                    "where": f"{src.repo}@{src.commit[:12]}:{path}", "chars": len(text),
                })  # fmt: skip
                yield text

        params, trainer = train(texts())
        learned = sorted(params.abbrev_types)
        counts = trainer._type_fdist
        candidates = [
            w
            for w, flags in params.ortho_context.items()
            if flags & _ORTHO_LC and not flags & _ORTHO_MID_UC and _is_word(w)
            and counts[w] >= MIN_COUNT
        ]  # fmt: skip
        candidates.sort(key=lambda w: (-counts[w], w))
        lowercase = set(candidates[:MAX_LOWERCASE])
        starters = sorted(w for w in params.sent_starters if _is_word(w))
        collocations = sorted([a, b] for a, b in params.collocations)
    if case:
        lowercase |= _stop_words(code)
    dotted = sorted(a for a in learned if _DOTTED.fullmatch(a))
    prepositive = sorted(set(cur["prepositive"]))
    general = sorted((set(cur["general"]) | set(dotted)) - set(prepositive))
    chars = sum(u["chars"] for u in used)
    if used:
        trained = (
            f"nltk PunktTrainer over {chars:,} characters of open text (see sources) gives "
            "lowercase_words (orthographic context: seen in lower case, never capitalised "
            f"inside a sentence, at least {MIN_COUNT} times; plus the stop words), "
            "sentence_starters, collocations and the dotted abbreviations; "
        )
    elif case:
        trained = "no training text: lowercase_words are the stop words; "
    else:
        trained = "no training (the script has no letter case); "
    return {
        "about": (
            f"{code} Punkt parameters for summarizer.segment. Built by "
            f"tools/build_punkt_params.py --language {code}: {trained}the abbreviation "
            "lists, months, terminals and flags are curated by hand in tools/punkt_curated.py."
        ),
        "prepositive_abbreviations": prepositive,
        "abbreviations": general,
        "number_abbreviations": sorted(set(cur["before_number"])),
        "sentence_starters": starters,
        "collocations": collocations,
        "lowercase_words": sorted(lowercase),
        "dropped_learned_abbreviations": [
            a for a in learned if a not in dotted and a not in prepositive and a not in general
        ],
        "language": code,
        "months": sorted(set(cur["months"])),
        "ordinal_full_stop": cur["ordinal_full_stop"],
        "terminals": cur.get("terminals", LATIN_TERMINALS),
        "openers": cur.get("openers", ""),
        "case": case,
        "spaces": cur.get("spaces", True),
        "sources": used,
    }


def write(data: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=0, sort_keys=False)
        f.write("\n")
    sizes = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    print(f"wrote {out}: {sizes}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--language", choices=LANGUAGES, help="ISO 639-1 code")
    ap.add_argument("--all", action="store_true", help="every language, one after the other")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="English: directory of *.txt")
    ap.add_argument("--mirrors", default=DEFAULT_MIRRORS, help="repository copies (git dirs)")
    ap.add_argument("--out", help="JSON file to write (default: summarizer/data/punkt/CODE.json)")
    args = ap.parse_args(argv)
    if args.all == bool(args.language) or (args.all and args.out):
        ap.error("give --language CODE (optionally --out) or --all")
    for code in LANGUAGES if args.all else [args.language]:
        data = build_english(args.corpus) if code == "en" else build_language(code, args.mirrors)
        write(data, Path(args.out) if args.out else PUNKT_DIR / f"{code}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
