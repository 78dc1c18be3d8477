"""Choosing a method's constants on all dev sets together, with cross-validation.

    python benchmarks/choose.py [--family adaptive] [--grid "weight=4,5 decay=1.5,2"]
                                [--folds 5] [--objective z|raw] [--rule bagged|best]
                                [--json PATH] [--check]

A configuration is scored against the issue-15 targets, each a margin on one
(set, subset), in ROUGE or hit-rate points (positive = target met):

- ``cnn R1`` / ``cnn R2`` and ``dm R1`` / ``dm R2``: ``cnndm_dev340``'s CNN and
  DailyMail articles, R1 - (Lead-3 R1 + 0.5) and R2 - Lead-3 R2;
- ``d100 R1``: ``cnndm_dev100``, R1 - Lead-3 R1;
- ``short R1``: the articles of at most 15 of our sentences in both CNN/DM
  sets, R1 - Lead-3 R1 (the held-out tokenized articles are that short);
- ``bbc R1``: ``bbc_dev`` (reference-length budget), R1 - (summa R1 + 1.0);
- ``sci hit``: ``scitldr_dev`` (1 sentence), oracle-hit % - 30.

Lead-3 is the first k sentences of our splitter; summa's per-document scores
come from ``rouge-score`` on its own output (``quality_cache.peer_scores``).
Configurations are compared by their worst target (``--objective``): ``z``
divides each margin by its standard error over the documents (paired for the
margins to a baseline), so a noisy target such as SciTLDR's hit rate does not
decide alone; ``raw`` takes the points as they are. ``--rule bagged`` (the
default) chooses the configuration of best *mean* worst-target value over
``--boot`` bootstrap resamples of every set's documents (the same draws for
every configuration): most margins are inside their noise, and the plain
maximum (``--rule best``, round 1's rule: leximin, ties on the worst target
going to the better second-worst) picks whichever configuration the dev
documents happen to flatter. Cross-validation uses the same rule on the
training part.

Cross-validation shows whether a choice carries over to documents it was not
chosen on:

- leave one set out: choose on the targets of three sets, report the fourth
  set's margins for that choice, beside the choice made on all four;
- k-fold within sets: every set's documents are dealt into ``--folds`` folds
  (a fixed shuffle); choose on all sets minus one fold, report that fold's
  margins; the pooled row scores every document once, by a choice made
  without it.

Also printed: the grid's best configurations, and one-at-a-time changes of
each constant around the full choice, so a reader sees a plateau or a ridge
and which target each constant trades against which. A constant that helps
one set and hurts another shows there as a finding, not as a win.

Features come from ``benchmarks/quality_cache.py`` (cached under
``/work/out/quality2``); ROUGE-1/2 there are exact. Selection is
``summarizer.select.select`` itself over the cached candidates and TF-IDF
rows; ``--check`` compares every family's picks with the API's on every
document, and the fast ROUGE with ``rouge-score`` on a sample.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataclasses import dataclass

import numpy as np

from benchmarks import common
from benchmarks import quality_cache as qc

# --- the candidate families: (doc, params) -> scores; selection is MMR at params["diversity"]


def _body(doc) -> tuple[int, int]:
    n_body = doc.n_body
    return n_body, min(doc.k, n_body)


def positional_family(doc, weight=6.0, decay=1.5, cap=0.45, slot_cap=0.2, diversity=0.3):
    """The current default (``method="positional"``)."""
    from summarizer import rank

    n_body, k = _body(doc)
    prior = rank.lead_prior(doc.positions, k, n_body, weight, decay, cap, slot_cap)
    return rank.positional_scores(doc.features["lexrank"], prior, doc.headings)


def lead_odds_family(
    doc,
    weight=None,
    decay=None,
    fade=None,
    slot_cap=None,
    word_limit=None,
    length_power=None,
    centrality_power=None,
    full=None,
    slot_power=None,
    centrality="lexrank",
    diversity=None,
):
    """The proposal (``summarizer.lead_odds``); None takes the module's constant."""
    from summarizer import lead_odds as lo

    def given(value, default):
        return default if value is None else value

    n_body, k = _body(doc)
    probability = lo.lead_probability(
        doc.positions,
        k,
        n_body,
        given(weight, lo.WEIGHT),
        given(decay, lo.DECAY),
        given(fade, lo.FADE),
        given(slot_cap, lo.SLOT_CAP),
        given(full, lo.FULL),
        given(slot_power, lo.SLOT_POWER),
    )
    length = lo.length_factor(
        doc.words, given(word_limit, lo.WORD_LIMIT), given(length_power, lo.LENGTH_POWER)
    )
    return lo.lead_odds_scores(
        doc.features[centrality],
        probability,
        length,
        doc.headings,
        given(centrality_power, lo.CENTRALITY_POWER),
    )


def adaptive_family(
    doc,
    weight=None,
    decay=None,
    full=None,
    fade=None,
    slot_cap=None,
    word_limit=None,
    centrality_power=None,
    lead_centrality="lexrank",
    abridgement_centrality="textrank",
    diversity=None,
    fade_diversity=None,
):
    """The default (``summarizer.adaptive``); None takes the module's constant.
    ``fade_diversity=0`` (an ablation) keeps MMR at ``diversity`` in abridgements too."""
    from summarizer import adaptive as ad

    def given(value, default):
        return default if value is None else value

    n_body, k = _body(doc)
    return ad.adaptive_scores(
        doc.features[lead_centrality],
        doc.features[abridgement_centrality],
        doc.positions,
        doc.words,
        k,
        n_body,
        doc.headings,
        weight=given(weight, ad.WEIGHT),
        decay=given(decay, ad.DECAY),
        full=given(full, ad.FULL),
        fade=given(fade, ad.FADE),
        slot_cap=given(slot_cap, ad.SLOT_CAP),
        word_limit=given(word_limit, ad.WORD_LIMIT),
        centrality_power=given(centrality_power, ad.CENTRALITY_POWER),
    )


def adaptive_diversity(
    doc, full=None, fade=None, diversity=None, fade_diversity=None, **_
) -> float:
    """``Adaptive.diversity_for``: ``diversity`` in a lead summary, fading to 0."""
    from summarizer import adaptive as ad

    if fade_diversity == 0:
        return ad.DIVERSITY if diversity is None else diversity
    n_body, k = _body(doc)
    share = ad.abridgement(
        k, n_body, ad.FULL if full is None else full, ad.FADE if fade is None else fade
    )
    return ad.adaptive_diversity(share, ad.DIVERSITY if diversity is None else diversity)


def _constant_diversity(doc, diversity=None, **_) -> float:
    return 0.3 if diversity is None else diversity


FAMILIES = {
    "positional": positional_family,
    "lead_odds": lead_odds_family,
    "adaptive": adaptive_family,
}
# Each family's diversity for a document (what its method's ``diversity_for`` returns).
DIVERSITY_RULES = {"adaptive": adaptive_diversity}
DEFAULT_GRIDS = {
    "positional": "weight=4,6,8 decay=1.5,2 cap=0.45 slot_cap=0.2 diversity=0.3",
    # the grid the shipped constants were chosen on (QUALITY_NOTES.md)
    "lead_odds": "weight=3,4,5 decay=1.5,2,2.5 fade=0.45,0.5 full=0.25,0.3 "
    "slot_cap=0.15,0.2,0.25 slot_power=2 word_limit=40,45,50 length_power=2 "
    "centrality_power=1,1.5 diversity=0.3",
    # the grid the default's constants were chosen on (QUALITY_NOTES.md, round 2)
    "adaptive": "weight=4,5,6 decay=1.5,2,2.5 full=0.3,0.35 fade=0.4,0.45 "
    "slot_cap=0.15,0.2,0.25 word_limit=40,45 centrality_power=1,1.5",
}


def pick(doc, scores: np.ndarray, diversity: float) -> np.ndarray:
    """What the API selects from ``scores`` for a k-sentence budget: ``summarizer.select``
    itself, over the cached candidates and TF-IDF rows, in document order."""
    from summarizer.budget import Budget
    from summarizer.select import select

    return select(
        scores,
        Budget("sentences", doc.k),
        None,
        "document",
        diversity=diversity,
        vectors=doc.tfidf if diversity > 0.0 and doc.n > 1 else None,
        candidates=doc.candidates,
    )


# --- per-document scores


class Evaluator:
    """Per-document R1, R2 and oracle hit of configurations, with the baselines."""

    def __init__(self, sets: dict[str, list], summa: dict[str, np.ndarray]) -> None:
        self.sets = sets
        self.refs = {
            name: [qc.RefCounts(d.ref_tokens) for d in docs] for name, docs in sets.items()
        }
        self.summa = summa
        # Lead-k: the first k candidates (what method "lead" picks)
        self.lead = self.evaluate_picks(lambda d: np.flatnonzero(d.candidates)[: d.k])
        self._memo: dict[str, dict[str, np.ndarray]] = {}

    def evaluate_picks(self, pick) -> dict[str, np.ndarray]:
        out = {}
        for name, docs in self.sets.items():
            values = np.zeros((len(docs), 3))
            for j, doc in enumerate(docs):
                if doc.n == 0:
                    continue
                chosen = pick(doc)
                r1, r2 = qc.fast_rouge(doc, chosen, self.refs[name][j])
                hit = 0.0
                if doc.oracle is not None and len(chosen):
                    hit = 100.0 * float(doc.oracle[int(chosen[0])])
                values[j] = (100.0 * r1, 100.0 * r2, hit)
            out[name] = values
        return out

    def evaluate(self, family: str, params: dict) -> dict[str, np.ndarray]:
        key = json.dumps([family, sorted(params.items())], default=repr)
        if key not in self._memo:
            fn = FAMILIES[family]
            rule = DIVERSITY_RULES.get(family, _constant_diversity)
            self._memo[key] = self.evaluate_picks(
                lambda d: pick(d, fn(d, **params), rule(d, **params))
            )
        return self._memo[key]


# --- targets


@dataclass(frozen=True)
class Target:
    """A margin: mean over the chosen documents of (metric - baseline) - offset."""

    name: str
    sets: tuple[str, ...]
    subset: str | None  # a document's origin ("cnn", "dm") or length bucket ("<=15"); None: all
    column: int  # 0 R1, 1 R2, 2 oracle hit
    baseline: str | None  # "lead", "summa" or None (an absolute target)
    offset: float


TARGETS = (
    Target("cnn R1", ("cnndm_dev340",), "cnn", 0, "lead", 0.5),
    Target("cnn R2", ("cnndm_dev340",), "cnn", 1, "lead", 0.0),
    Target("dm R1", ("cnndm_dev340",), "dm", 0, "lead", 0.5),
    Target("dm R2", ("cnndm_dev340",), "dm", 1, "lead", 0.0),
    Target("d100 R1", ("cnndm_dev100",), None, 0, "lead", 0.0),
    # the held-out tokenized articles are short (median 13-16 sentences): the dev sets'
    # short CNN/DM articles stand in for them
    Target("short R1", ("cnndm_dev340", "cnndm_dev100"), "<=15", 0, "lead", 0.0),
    Target("bbc R1", ("bbc_dev",), None, 0, "summa", 1.0),
    Target("sci hit", ("scitldr_dev",), None, 2, None, 30.0),
)


def _in_subset(doc, subset: str | None) -> bool:
    return subset is None or doc.origin == subset or doc.bucket == subset


def target_differences(ev: Evaluator, values: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per target, the per-document differences over its sets, concatenated in set order;
    NaN for documents outside its subset."""
    out = {}
    for t in TARGETS:
        if not all(s in values for s in t.sets):
            continue
        parts = []
        for set_name in t.sets:
            docs = ev.sets[set_name]
            keep = np.array([_in_subset(d, t.subset) for d in docs], dtype=bool)
            x = values[set_name][:, t.column]
            if t.baseline == "lead":
                x = x - ev.lead[set_name][:, t.column]
            elif t.baseline == "summa":
                x = x - ev.summa[set_name][:, t.column]
            parts.append(np.where(keep, x, np.nan))
        out[t.name] = np.concatenate(parts)
    return out


def target_mask(t: Target, mask: dict[str, np.ndarray]) -> np.ndarray:
    return np.concatenate([mask[s] for s in t.sets])


def margins(diffs: dict[str, np.ndarray], mask: dict[str, np.ndarray] | None = None) -> dict:
    """``{target: (margin, standard error)}`` over the documents in ``mask`` (per set)."""
    out = {}
    for t in TARGETS:
        if t.name not in diffs:
            continue
        x = diffs[t.name]
        if mask is not None:
            x = x[target_mask(t, mask)]
        x = x[~np.isnan(x)]
        if x.size == 0:
            continue
        se = float(x.std(ddof=1) / np.sqrt(x.size)) if x.size > 1 else float("inf")
        out[t.name] = (float(x.mean()) - t.offset, se)
    return out


def _values(m: dict, kind: str, only: set | None) -> list[float]:
    return [
        (mg / se if kind == "z" and se > 0 else mg)
        for name, (mg, se) in m.items()
        if only is None or name in only
    ]


def objective(m: dict, kind: str, only: set | None = None) -> float:
    """The worst target's margin (``raw``) or margin in standard errors (``z``)."""
    vals = _values(m, kind, only)
    return min(vals) if vals else float("-inf")


def leximin(m: dict, kind: str, only: set | None = None) -> tuple[float, ...]:
    """The targets' values from worst to best, to compare configurations worst first:
    where two tie on the worst target (a constant it does not depend on), the next
    worst decides."""
    return tuple(round(v, 9) for v in sorted(_values(m, kind, only)))


def best_index(ms: list[dict], kind: str, only: set | None = None) -> int:
    """The first configuration of largest ``leximin`` (grid order breaks exact ties)."""
    keys = [leximin(m, kind, only) for m in ms]
    return max(range(len(keys)), key=lambda i: (keys[i], -i))


class Chooser:
    """Picks a configuration of the grid: ``rule="bagged"`` (default) takes the one of best
    mean objective over ``boot`` bootstrap resamples of the documents (each set resampled,
    the same draws for every configuration); ``rule="best"`` the one of best ``leximin``
    on the documents themselves. Bagging the choice damps the winner's curse: with margins
    inside their noise, the plain maximum picks whichever configuration the dev documents
    happen to flatter, while the bagged one prefers configurations good on most resamples."""

    def __init__(
        self,
        diffs: list[dict[str, np.ndarray]],
        sizes: dict[str, int],
        kind: str,
        rule: str = "bagged",
        boot: int = 200,
        seed: int = 0,
    ) -> None:
        self.diffs, self.kind, self.rule, self.boot, self.seed = diffs, kind, rule, boot, seed
        self.targets = [t for t in TARGETS if diffs and t.name in diffs[0]]
        self.stacked = {t.name: np.stack([d[t.name] for d in diffs]) for t in self.targets}
        self.sizes = sizes

    def scores(self, only: set | None = None, mask: dict | None = None) -> np.ndarray:
        """Each configuration's objective: bagged (mean over resamples) or on the documents."""
        if self.rule == "best":
            return np.array(
                [objective(margins(d, mask), self.kind, only) for d in self.diffs], dtype=float
            )
        rng = np.random.default_rng(self.seed)
        pools = {
            s: np.flatnonzero(mask[s]) if mask is not None else np.arange(n)
            for s, n in self.sizes.items()
        }
        total = np.zeros(len(self.diffs))
        targets = [t for t in self.targets if only is None or t.name in only]
        for _ in range(self.boot):
            draws = {s: rng.choice(p, p.size) for s, p in pools.items()}
            worst = np.full(len(self.diffs), np.inf)
            for t in targets:
                starts = np.cumsum([0, *(self.sizes[s] for s in t.sets)])
                cols = np.concatenate([starts[i] + draws[s] for i, s in enumerate(t.sets)])
                x = self.stacked[t.name][:, cols]
                x = x[:, ~np.isnan(x[0])]
                if x.shape[1] < 2:
                    continue
                value = x.mean(axis=1) - t.offset
                if self.kind == "z":
                    se = x.std(axis=1, ddof=1) / np.sqrt(x.shape[1])
                    value = np.where(se > 0, value / np.where(se > 0, se, 1.0), value)
                np.minimum(worst, value, out=worst)
            total += worst
        return total / self.boot

    def choose(self, only: set | None = None, mask: dict | None = None) -> int:
        if self.rule == "best":
            return best_index([margins(d, mask) for d in self.diffs], self.kind, only)
        values = self.scores(only, mask)
        return int(np.flatnonzero(values == values.max())[0])


# --- grids and cross-validation


def parse_grid(text: str) -> list[dict]:
    axes = []
    for item in text.split():
        name, _, values = item.partition("=")
        parsed = []
        for v in values.split(","):
            try:
                parsed.append(float(v))
            except ValueError:
                parsed.append(v)
        axes.append((name, parsed))
    return [
        dict(zip([a[0] for a in axes], combo, strict=True))
        for combo in itertools.product(*[a[1] for a in axes])
    ]


def folds_for(sets: dict[str, list], k: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Fold number of every document: each set shuffled with a fixed seed and dealt out."""
    out = {}
    for name, docs in sets.items():
        order = np.random.default_rng(seed + int(hashlib.sha256(name.encode()).hexdigest()[:8], 16))
        perm = order.permutation(len(docs))
        fold = np.empty(len(docs), dtype=np.int64)
        fold[perm] = np.arange(len(docs)) % k
        out[name] = fold
    return out


def _fmt_params(p: dict, grid_keys) -> str:
    return " ".join(
        f"{k}={p[k]:g}" if isinstance(p[k], float) else f"{k}={p[k]}" for k in grid_keys
    )


def _fmt_margins(m: dict, names) -> list[str]:
    return [f"{m[t][0]:+.2f}" if t in m else "" for t in names]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", default="adaptive", choices=sorted(FAMILIES))
    ap.add_argument("--grid", help="space-separated name=v1,v2,... (default: the family's grid)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--objective", default="z", choices=("z", "raw"))
    ap.add_argument(
        "--rule",
        default="bagged",
        choices=("bagged", "best"),
        help="how a configuration is chosen: best mean objective over bootstrap resamples "
        "(default), or best leximin on the documents themselves",
    )
    ap.add_argument("--boot", type=int, default=200, help="resamples of --rule bagged")
    ap.add_argument("--top", type=int, default=10, help="best grid points to print")
    ap.add_argument("--data", default=str(common.DEFAULT_DATA / "summarization"))
    ap.add_argument("--cache", default=str(qc.DEFAULT_CACHE))
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument(
        "--check",
        action="store_true",
        help="verify fast ROUGE and the selection replica against rouge-score and the API",
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    sets = qc.load_sets(None, args.data, args.cache)
    summa = {
        name: qc.peer_scores(name, "summa:textrank", Path(args.data), args.cache) for name in sets
    }
    summa = {name: np.column_stack([v, np.zeros(len(v))]) for name, v in summa.items()}
    ev = Evaluator(sets, summa)
    if args.check:
        return check(ev, args.data)
    grid = parse_grid(args.grid or DEFAULT_GRIDS[args.family])
    grid_keys = list(grid[0]) if grid else []
    print(
        f"# {args.family}: {len(grid)} configurations x {sum(map(len, sets.values()))} documents"
        f" ({', '.join(f'{k} {len(v)}' for k, v in sets.items())}); objective {args.objective}"
        f" (worst target{' in standard errors' if args.objective == 'z' else ''})"
    )
    diffs = []
    for i, params in enumerate(grid):
        diffs.append(target_differences(ev, ev.evaluate(args.family, params)))
        if (i + 1) % 50 == 0:
            print(f"... {i + 1}/{len(grid)} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    names = [t.name for t in TARGETS]
    full = [margins(d) for d in diffs]
    chooser = Chooser(
        diffs, {s: len(v) for s, v in sets.items()}, args.objective, args.rule, args.boot
    )
    scores = chooser.scores()
    best = chooser.choose()
    report: dict = {
        "family": args.family,
        "objective": args.objective,
        "rule": args.rule,
        "grid": grid,
    }

    # best grid points
    what = "mean objective over resamples" if args.rule == "bagged" else "objective"
    print(
        f"\n## Best {args.top} of the grid by {what}; margins on all documents, in points "
        "(+ = target met)"
    )
    order = sorted(range(len(grid)), key=lambda i: (scores[i], -i), reverse=True)[: args.top]
    rows = [
        [_fmt_params(grid[i], grid_keys), f"{scores[i]:+.2f}", *_fmt_margins(full[i], names)]
        for i in order
    ]
    print(common.format_table(["configuration", what, *names], rows))
    chosen = full[best]
    print("\nchosen on all dev sets: " + _fmt_params(grid[best], grid_keys))
    print(
        "margins with 95 % intervals (normal, paired): "
        + "; ".join(
            f"{t} {mg:+.2f} [{mg - 1.96 * se:+.2f}, {mg + 1.96 * se:+.2f}]"
            for t, (mg, se) in chosen.items()
        )
    )
    report["chosen"] = {"params": grid[best], "margins": chosen}

    # leave one set out
    print("\n## Leave one set out: choose on the other sets' targets, score the held-out set")
    loso_rows = []
    report["leave_one_set_out"] = []
    for held in sets:
        own = {t.name for t in TARGETS if held in t.sets}
        others = set(names) - own
        pick = chooser.choose(others)
        own_best = chooser.choose(own)
        held_m = {t: full[pick][t] for t in own if t in full[pick]}
        loso_rows.append(
            [
                held,
                _fmt_params(grid[pick], grid_keys),
                "; ".join(f"{t} {held_m[t][0]:+.2f}" for t in names if t in held_m),
                "; ".join(f"{t} {full[best][t][0]:+.2f}" for t in names if t in held_m),
                "; ".join(f"{t} {full[own_best][t][0]:+.2f}" for t in names if t in held_m),
            ]
        )
        report["leave_one_set_out"].append(
            {"held_out": held, "params": grid[pick], "held_out_margins": held_m}
        )
    print(
        common.format_table(
            [
                "held-out set",
                "chosen without it",
                "its margins then",
                "with the all-set choice",
                "best possible for it",
            ],
            loso_rows,
        )
    )

    # k-fold within sets
    print(
        f"\n## {args.folds}-fold within sets: choose on the other folds of every set, "
        "score the held-out fold"
    )
    fold_of = folds_for(sets, args.folds)
    fold_rows = []
    pooled = {t: [] for t in names}
    report["k_fold"] = []
    for f in range(args.folds):
        train = {s: fold_of[s] != f for s in sets}
        test = {s: fold_of[s] == f for s in sets}
        pick = chooser.choose(mask=train)
        m = margins(diffs[pick], test)
        for t in TARGETS:
            x = diffs[pick][t.name][target_mask(t, test)]
            pooled[t.name].extend(x[~np.isnan(x)].tolist())
        fold_rows.append([str(f + 1), _fmt_params(grid[pick], grid_keys), *_fmt_margins(m, names)])
        report["k_fold"].append({"fold": f + 1, "params": grid[pick], "margins": m})
    offsets = {t.name: t.offset for t in TARGETS}
    pooled_m = {t: float(np.mean(v)) - offsets[t] for t, v in pooled.items() if v}
    fold_rows.append(
        ["pooled", "(each document scored once)", *[f"{pooled_m[t]:+.2f}" for t in names]]
    )
    fold_rows.append(
        ["all-set choice", _fmt_params(grid[best], grid_keys), *_fmt_margins(full[best], names)]
    )
    print(common.format_table(["fold", "chosen on the other folds", *names], fold_rows))
    report["k_fold_pooled"] = pooled_m

    # one at a time around the choice
    print("\n## One constant at a time around the all-set choice (margins on all documents)")
    base = grid[best]
    oat_rows = []
    index = {json.dumps(sorted(p.items())): i for i, p in enumerate(grid)}
    for key in grid_keys:
        values = sorted({p[key] for p in grid}, key=lambda v: (isinstance(v, str), v))
        if len(values) < 2:
            continue
        for v in values:
            i = index.get(json.dumps(sorted({**base, key: v}.items())))
            if i is None:
                continue
            mark = " (chosen)" if v == base[key] else ""
            oat_rows.append(
                [
                    f"{key}={v:g}{mark}" if isinstance(v, float) else f"{key}={v}{mark}",
                    f"{scores[i]:+.2f}",
                    *_fmt_margins(full[i], names),
                ]
            )
    print(common.format_table(["change", "objective", *names], oat_rows))
    print(f"\n# {time.perf_counter() - t0:.0f} s")
    if args.json:
        common.write_json(args.json, report)
    return 0


def check(ev: Evaluator, data: str) -> int:
    """fast ROUGE against rouge-score; every family's picks (scores from cached features,
    selection by ``pick``) against the API's, on every document of every set."""
    from rouge_score import rouge_scorer

    from summarizer import Summarizer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    bad_rouge = sampled = 0
    bad_picks = dict.fromkeys(FAMILIES, 0)
    total = dict.fromkeys(FAMILIES, 0)
    for name, docs in ev.sets.items():
        rows = [
            r
            for r in common.read_jsonl(qc.data_path(name, Path(data)))
            if isinstance(r.get("article"), str)
        ]
        for family, fn in FAMILIES.items():
            engine = Summarizer(method=family, max_chars=None)
            rule = DIVERSITY_RULES.get(family, _constant_diversity)
            for j, (doc, row) in enumerate(zip(docs, rows, strict=True)):
                api = [s.index for s in engine.summarize(row["article"], doc.k).sentences]
                mine = pick(doc, fn(doc), rule(doc)).tolist() if doc.n else []
                total[family] += 1
                bad_picks[family] += mine != api
                if j % 5 == 0 and api:
                    sampled += 1
                    text = "\n".join(" ".join(doc.sentences[i].split()) for i in api)
                    s = scorer.score("\n".join(doc.ref_lines), text)
                    r1, r2 = qc.fast_rouge(doc, api)
                    if (
                        abs(r1 - s["rouge1"].fmeasure) > 1e-12
                        or abs(r2 - s["rouge2"].fmeasure) > 1e-12
                    ):
                        bad_rouge += 1
    print(
        "picks differing from the API: "
        + ", ".join(f"{f} {bad_picks[f]} of {total[f]}" for f in FAMILIES)
        + f"; ROUGE differing from rouge-score: {bad_rouge} of {sampled} sampled summaries"
    )
    return 0 if not any(bad_picks.values()) and bad_rouge == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
