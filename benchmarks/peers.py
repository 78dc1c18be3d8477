"""Every system the benchmarks compare, behind one signature: ``(text, k) -> [sentence, ...]``.

Our methods are enumerated from ``summarizer.METHODS`` at run time and called
through the public API only. Peers are called the way their documentation
shows a user calling them, with their own sentence splitters:

``lead-k``
    The first k sentences of ``nltk.sent_tokenize`` (nltk's Punkt, English).
``sumy:*``
    ``PlaintextParser.from_string(text, Tokenizer("english"))``, the summarizer
    class with ``Stemmer("english")`` and ``get_stop_words("english")``, called
    with ``parser.document`` and the sentence count (sumy's README example).
``summa:textrank``
    ``summa.summarizer.summarize`` splits and cleans the text itself. It takes a
    ratio or a word count, not a sentence count; ``int(n * ratio)`` rounding makes
    ``ratio=k/n`` miss k at times, so we call it with ``ratio=1.0, scores=True``
    (every sentence with its score, in document order) and keep the k best by a
    stable sort on the score: the same ranking and tie order as summa's own cut.
``lexrank``
    ``LexRank(documents, stopwords=STOPWORDS["en"])`` then
    ``get_summary(sentences, summary_size=k, threshold=0.1)`` as its README shows.
    lexrank has no sentence splitter; its README passes a list of sentences, so
    we split with ``nltk.sent_tokenize``. Its IDF needs a corpus: the caller's
    ``corpus`` (quality: the data set's articles; speed: the State of the Union
    speeches), built once, outside any timing.

Set-up objects (our ``Summarizer``, sumy's tokenizer and summarizer objects,
lexrank's IDF) are built once per system by ``build`` and reused for every
document, the fast path each library offers (``sumy:textrank-readme`` also times
sumy the way its README example is written, everything built per text). sumy and
nltk need nltk's Punkt model (``punkt_tab``): point ``NLTK_DATA`` at it; without
it those systems are reported as not available rather than failing the run.
Peers' warnings are the scripts' business (they silence them once, not per call,
to keep timings clean).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from benchmarks import common  # noqa: F401  (puts the checkout on sys.path)

SummarizeFn = Callable[[str, int], list[str]]

OURS_PREFIX = "ours:"
SUMY = {
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
}
PEERS: tuple[str, ...] = (
    "lead-k",
    *(f"sumy:{name}" for name in SUMY),
    "summa:textrank",
    "lexrank",
)


# Systems run only when named (speed.py's latency table names them by default): the same
# summaries as a listed system, timed another way.
#   sumy:textrank-readme  sumy's README recipe run whole for every text: a new Tokenizer
#                         (which loads the punkt model), Stemmer and summarizer per call.
EXTRA: tuple[str, ...] = ("sumy:textrank-readme",)


class NotAvailable(Exception):
    """A system cannot run here (package or model missing); the message says why."""


def our_methods() -> tuple[str, ...]:
    from summarizer import METHODS

    return tuple(METHODS)


def default_method() -> str:
    """Our default method, read from what ``summarize`` reports using."""
    from summarizer import summarize

    return summarize("One sentence here. Another one there.", 1).to_dict()["method"]


def all_systems() -> list[str]:
    """Our methods (``ours:<method>``) then the peers, in table order."""
    return [OURS_PREFIX + m for m in our_methods()] + list(PEERS)


def resolve(selection: str | None, default: Sequence[str] | None = None) -> list[str]:
    """Names from a comma-separated selection: exact names, ``ours``, ``peers``, ``sumy``, ``all``.

    ``ours:default`` stands for our default method. Unknown names raise ValueError.
    """
    if not selection:
        return list(default) if default is not None else all_systems()
    known = all_systems()
    out: list[str] = []
    named = known + list(EXTRA)
    for item in (s.strip() for s in selection.split(",")):
        if not item:
            continue
        if item == "all":
            names = known
        elif item == "ours":
            names = [n for n in known if n.startswith(OURS_PREFIX)]
        elif item == "peers":
            names = list(PEERS)
        elif item == "sumy":
            names = [n for n in PEERS if n.startswith("sumy:")]
        elif item == "ours:default":
            names = [OURS_PREFIX + default_method()]
        elif item in named:
            names = [item]
        else:
            raise ValueError(f"unknown system {item!r}; known: {', '.join(named)}")
        out.extend(n for n in names if n not in out)
    return out


def _require_punkt() -> None:
    try:
        import nltk
    except ImportError as e:
        raise NotAvailable("nltk not installed") from e
    try:
        nltk.data.find("tokenizers/punkt_tab/english/")
    except LookupError as e:
        raise NotAvailable("nltk punkt_tab model not found (set NLTK_DATA)") from e


def _ours(method: str) -> SummarizeFn:
    from summarizer import Summarizer

    # No input-size guard: the scaling run goes past the default max_chars on purpose.
    engine = Summarizer(method=method, max_chars=None).warm_up()  # no timed call imports scipy

    def run(text: str, k: int) -> list[str]:
        return [s.text for s in engine.summarize(text, k).sentences]

    return run


def _lead() -> SummarizeFn:
    _require_punkt()
    import nltk

    def run(text: str, k: int) -> list[str]:
        return nltk.sent_tokenize(text)[:k]

    return run


def _sumy(name: str, per_call: bool = False) -> SummarizeFn:
    import importlib

    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words

        module, cls = SUMY[name]
        summarizer_cls = getattr(importlib.import_module(module), cls)
    except ImportError as e:
        raise NotAvailable(f"sumy not installed ({e})") from e
    _require_punkt()
    try:
        tokenizer = Tokenizer("english")
    except LookupError as e:
        raise NotAvailable("sumy's Tokenizer('english') cannot load nltk punkt") from e
    engine = summarizer_cls(Stemmer("english"))
    engine.stop_words = get_stop_words("english")

    def run(text: str, k: int) -> list[str]:
        parser = PlaintextParser.from_string(text, tokenizer)
        return [str(s) for s in engine(parser.document, k)]

    def run_readme(text: str, k: int) -> list[str]:
        parser = PlaintextParser.from_string(text, Tokenizer("english"))
        fresh = summarizer_cls(Stemmer("english"))
        fresh.stop_words = get_stop_words("english")
        return [str(s) for s in fresh(parser.document, k)]

    return run_readme if per_call else run


def _summa() -> SummarizeFn:
    try:
        from summa import summarizer as summa_summarizer
    except ImportError as e:
        raise NotAvailable("summa not installed") from e

    def run(text: str, k: int) -> list[str]:
        scored = summa_summarizer.summarize(text, ratio=1.0, scores=True, language="english")
        if not scored:  # summa returns "" or [] when its graph is empty
            return []
        best = sorted(range(len(scored)), key=lambda i: scored[i][1], reverse=True)[:k]
        return [scored[i][0] for i in sorted(best)]

    return run


def _lexrank(corpus: Sequence[str]) -> SummarizeFn:
    try:
        from lexrank import STOPWORDS, LexRank
    except ImportError as e:
        raise NotAvailable("lexrank not installed") from e
    _require_punkt()
    import nltk

    if not corpus:
        raise NotAvailable("lexrank needs a corpus for its IDF")
    # lexrank's IDF only looks at the set of words of each document, so one
    # "sentence" per document gives the same IDF as a split corpus.
    engine = LexRank([[doc] for doc in corpus], stopwords=STOPWORDS["en"])

    def run(text: str, k: int) -> list[str]:
        sentences = nltk.sent_tokenize(text)
        if not sentences:
            return []
        return list(engine.get_summary(sentences, summary_size=k, threshold=0.1))

    return run


def build(name: str, corpus: Sequence[str] = ()) -> SummarizeFn:
    """The ``(text, k) -> sentences`` function of system ``name``.

    Raises NotAvailable when the system cannot run here. The returned function
    raises whatever the system raises; callers count that as a failure.
    """
    if name.startswith(OURS_PREFIX):
        return _ours(name[len(OURS_PREFIX) :])
    if name == "lead-k":
        return _lead()
    if name == "sumy:textrank-readme":
        return _sumy("textrank", per_call=True)
    if name.startswith("sumy:"):
        return _sumy(name[len("sumy:") :])
    if name == "summa:textrank":
        return _summa()
    if name == "lexrank":
        return _lexrank(corpus)
    raise ValueError(f"unknown system {name!r}")


def normalize(sentence: str) -> str:
    """One line per sentence, inner whitespace collapsed (the same for every system)."""
    return " ".join(str(sentence).split())
