"""Build ``summarizer/data/stopwords/<code>.txt``: the stop words of the 20 supported languages.

    python tools/build_stopwords.py [--snowball PATH] [--snowball-rev REV] [--out DIR]

Sources, chosen per language (the reasons are in ``summarizer/data/stopwords/README.md``):

- the Snowball project's lists (BSD-3-Clause) for da de en es fi fr it nl no pt ru sv, read
  from a copy of the ``snowballstem/snowball-website`` repository (``algorithms/<name>/stop.txt``):
  ``--snowball`` is a checkout or a git directory; in a git directory the files are read at
  ``--snowball-rev`` (default: the commit the shipped files were built from);
- stopwords-iso (MIT), as shipped by the PyPI package ``stopwordsiso``, for ar cs hi ja pl tr zh;
- spaCy's Greek list (MIT, ``spacy.lang.el.stop_words``) for el: stopwords-iso's Greek list is
  written mostly without accents, so it misses the accented forms of real text.

English is Snowball's list plus ``EXTRA_ENGLISH`` (contraction fragments and function words
common in news), the same set as ``summarizer/data/stopwords_english.txt``; the script checks
that while the old file exists.

Every word is normalised as a tokenizer sees it: NFC, lower case, ``\u2019`` as ``'``; Arabic
also without tashkeel (short-vowel marks, shadda, sukun, dagger alef) and tatweel, which are
optional in writing. Entries that are not words (punctuation, digits, ``o.o.``) or that are
mis-decoded (Turkish ``altm\u00fd\u00fe`` for ``altm\u0131\u015f``, Czech ``ted'`` for
``te\u010f``) are dropped. For zh and ja, whose words a character n-gram analyzer never sees
whole, ``<code>_chars.txt`` lists single characters to drop as unigrams (see the README).
Output is sorted: rebuilding from the same inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "summarizer" / "data" / "stopwords"
OLD_ENGLISH = ROOT / "summarizer" / "data" / "stopwords_english.txt"
DEFAULT_SNOWBALL = "/work/.mirror/snowballstem+snowball-website/repo"
SNOWBALL_REV = "a5c23fcf6cb8c34f450d5080d888e65bc4681c1b"

NAMES = {
    "ar": "Arabic", "zh": "Chinese", "cs": "Czech", "da": "Danish", "nl": "Dutch",
    "en": "English", "fi": "Finnish", "fr": "French", "de": "German", "el": "Greek",
    "hi": "Hindi", "it": "Italian", "ja": "Japanese", "no": "Norwegian (Bokmal)",
    "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "es": "Spanish", "sv": "Swedish",
    "tr": "Turkish",
}  # fmt: skip
SNOWBALL = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish",
    "fr": "french", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ru": "russian", "sv": "swedish",
}  # fmt: skip
ISO = ("ar", "cs", "hi", "ja", "pl", "tr", "zh")
SPACY = ("el",)


def _words(block: str) -> list[str]:
    return block.split()


# Added to Snowball's English list, as in the original stopwords_english.txt.
EXTRA_ENGLISH = _words("""
's also can d however just ll m may might mr mrs ms must n't one re s said say says shall t us
ve whose will yet
""")

# Chinese characters that are grammatical words (particles, pronouns, conjunctions,
# prepositions, adverbs of degree): dropped as unigrams by a character n-gram analyzer.
# Picked by hand from stopwords-iso's single characters, leaving out content characters
# it also lists (大 小 年 月 日 人 说 看 打 ...), which carry meaning in a summary.
ZH_CHARS = _words("""
的 了 着 过 是 在 和 与 及 或 而 之 其 也 都 就 又 且 则 即 并 但 却 所 将 已 很 更 最 还 再
只 因 如 若 虽 此 这 那 该 各 每 某 个 们 吗 呢 吧 啊 呀 把 被 对 从 向 于 为 以 由 等 给 跟
我 你 他 她 它 您 咱
""")

# harakat, shadda, sukun, dagger alef, tatweel
_TASHKEEL = {*range(0x064B, 0x0660), 0x0670, 0x0640}
_TURKISH = set("abc\u00e7defg\u011fh\u0131ijklmno\u00f6prs\u015ftu\u00fcvyz\u00e2\u00ee\u00fbqwx")


def normalise(word: str, code: str) -> str | None:
    """``word`` as a tokenizer sees it, or None when it is not a usable word."""
    word = unicodedata.normalize("NFC", word.strip()).replace("\u2019", "'")
    if code != "tr":  # the lists are lower case already; str.lower() is wrong for Turkish I
        word = word.lower()
    if code == "ar":
        word = "".join(c for c in word if ord(c) not in _TASHKEEL)
    if code == "tr" and not set(word) <= _TURKISH:
        return None  # mis-decoded: "altmýþ", "baţka"
    body = word.strip("'") if code == "en" else word  # English keeps "'s", "n't"
    if not body or not all(unicodedata.category(c)[0] in "LM" or c == "'" for c in body):
        return None
    if word.endswith("'") and code != "en":
        return None  # Czech "ted'" for "teď"
    return word


def read_snowball(source: str, rev: str, name: str) -> list[str]:
    """The words of Snowball's ``algorithms/<name>/stop.txt`` (``|`` starts a comment)."""
    rel = f"algorithms/{name}/stop.txt"
    path = Path(source)
    if (path / rel).is_file():
        text = (path / rel).read_text(encoding="utf-8")
    else:
        text = subprocess.run(
            ["git", "--git-dir", str(path), "show", f"{rev}:{rel}"],
            capture_output=True, text=True, check=True, encoding="utf-8",
        ).stdout  # fmt: skip
    words = []
    for line in text.splitlines():
        words.extend(line.split("|", 1)[0].split())
    return words


def read_iso() -> dict[str, list[str]]:
    import stopwordsiso

    path = Path(stopwordsiso.__file__).with_name("stopwords-iso.json")
    return json.loads(path.read_text(encoding="utf-8"))


def build(snowball: str, rev: str) -> dict[str, tuple[list[str], str]]:
    """``{file stem: (sorted words, header)}`` for every output file."""
    iso = read_iso()
    iso_version = metadata.version("stopwordsiso")
    out: dict[str, tuple[list[str], str]] = {}
    for code in sorted(NAMES):
        if code in SNOWBALL:
            raw = read_snowball(snowball, rev, SNOWBALL[code])
            source = (
                f"the Snowball project's {SNOWBALL[code]} list (BSD-3-Clause,\n"
                f"# https://snowballstem.org/algorithms/{SNOWBALL[code]}/stop.txt; "
                f"snowball-website {rev[:12]})"
            )
            if code == "en":
                raw += EXTRA_ENGLISH
                source += ",\n# plus contraction fragments and function words common in news"
        elif code in ISO:
            raw = iso[code]
            source = f"stopwords-iso (MIT, (c) 2016 Gene Diaz), PyPI stopwordsiso {iso_version}"
        else:
            from spacy.lang.el.stop_words import STOP_WORDS

            raw = list(STOP_WORDS)
            source = (
                "spaCy's Greek list (MIT, (c) 2016-2024 ExplosionAI GmbH,\n"
                f"# 2016 spaCy GmbH, 2015 Matthew Honnibal), spacy {metadata.version('spacy')}"
            )
        words = sorted({w for w in (normalise(x, code) for x in raw) if w})
        norm = "NFC, lower case, apostrophe as '"
        if code == "ar":
            norm += ", without tashkeel and tatweel"
        header = (
            f"# {NAMES[code]} stop words: {source}.\n"
            f"# Normalised ({norm}); see README.md. One per line.\n"
            "# Built by tools/build_stopwords.py; do not edit by hand.\n"
        )
        out[code] = (words, header)
    zh_words = set(out["zh"][0])
    missing = [c for c in ZH_CHARS if c not in zh_words]
    if missing:
        raise SystemExit(f"ZH_CHARS not in the zh list: {missing}")
    out["zh_chars"] = (
        sorted(set(ZH_CHARS)),
        "# Chinese function characters, for analyzers whose terms are character n-grams:\n"
        "# drop these as unigrams. A hand-picked subset of zh.txt (stopwords-iso, MIT,\n"
        "# (c) 2016 Gene Diaz). Built by tools/build_stopwords.py; do not edit by hand.\n",
    )
    kana = sorted(w for w in out["ja"][0] if len(w) == 1 and "\u3041" <= w <= "\u309f")
    out["ja_chars"] = (
        kana,
        "# Japanese single-kana function words (particles, auxiliary endings), for analyzers\n"
        "# whose terms are character n-grams: drop these as unigrams. The one-hiragana\n"
        "# entries of ja.txt (stopwords-iso, MIT, (c) 2016 Gene Diaz).\n"
        "# Built by tools/build_stopwords.py; do not edit by hand.\n",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snowball", default=DEFAULT_SNOWBALL, help="snowball-website copy")
    ap.add_argument("--snowball-rev", default=SNOWBALL_REV, help="commit, for a git directory")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="directory to write")
    args = ap.parse_args(argv)
    files = build(args.snowball, args.snowball_rev)
    if OLD_ENGLISH.exists():
        lines = OLD_ENGLISH.read_text(encoding="utf-8").splitlines()
        old = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
        if old != set(files["en"][0]):
            raise SystemExit(f"en differs from {OLD_ENGLISH}: {old ^ set(files['en'][0])}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for stem, (words, header) in files.items():
        with open(out / f"{stem}.txt", "w", encoding="utf-8", newline="\n") as f:
            f.write(header)
            f.writelines(w + "\n" for w in words)
    print(" ".join(f"{k}:{len(v[0])}" for k, v in files.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
