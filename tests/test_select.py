from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from summarizer.budget import Budget
from summarizer.errors import InvalidOptionError
from summarizer.select import check_diversity, rank_order, select

WORDS = np.array([5, 10, 3, 8])
CHARS = WORDS * 6


def test_rank_order_breaks_ties_by_position():
    assert rank_order(np.array([0.5, 0.9, 0.5, 0.9])).tolist() == [1, 3, 0, 2]
    assert rank_order(np.array([1.0, 1.0 + 1e-15, 1.0])).tolist() == [0, 1, 2]
    assert rank_order(np.zeros(0)).tolist() == []


def test_sentences_budget_document_and_score_order():
    scores = np.array([0.1, 0.4, 0.3, 0.2])
    assert select(scores, Budget("sentences", 2)).tolist() == [1, 2]
    assert select(scores, Budget("sentences", 2), None, "score").tolist() == [1, 2]
    assert select(scores, Budget("sentences", 3), None, "score").tolist() == [1, 2, 3]


def test_ratio_rounds_half_up_and_takes_at_least_one():
    scores = np.arange(4.0)
    assert len(select(scores, Budget("ratio", 0.5))) == 2
    assert len(select(scores, Budget("ratio", 0.375))) == 2  # 1.5 -> 2
    assert len(select(scores, Budget("ratio", 0.01))) == 1


def test_words_budget_skips_sentences_that_overflow():
    scores = np.array([0.4, 0.3, 0.2, 0.1])  # best first: 5, 10, 3, 8 words
    assert select(scores, Budget("words", 9), WORDS).tolist() == [0, 2]
    assert select(scores, Budget("words", 2), WORDS).tolist() == [0]  # best kept
    assert select(scores, Budget("chars", 48), CHARS).tolist() == [0, 2]


def test_empty_scores():
    assert select(np.zeros(0), Budget("sentences", 3)).tolist() == []


# Redundancy control (diversity=, Maximal Marginal Relevance) ---------------------------------

# Sentences 0 and 1 say the same thing; 2 and 3 say other things.
VECTORS = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.6, 0.8]])
NEAR_TIE = np.array([1.0, 0.95, 0.5, 0.4])


def test_diversity_zero_is_plain_best_first():
    rng = np.random.default_rng(1)
    for _ in range(20):
        scores = rng.random(6)
        for budget in (Budget("sentences", 3), Budget("ratio", 0.5), Budget("words", 12)):
            words = rng.integers(1, 8, 6)
            plain = select(scores, budget, words)
            assert select(scores, budget, words, diversity=0.0).tolist() == plain.tolist()


def test_diversity_skips_a_repeated_sentence():
    # relevance (min-max) is [1, 0.92, 0.17, 0]; after 0 is taken, 1 is fully redundant
    two = Budget("sentences", 2)
    assert select(NEAR_TIE, two).tolist() == [0, 1]
    assert select(NEAR_TIE, two, diversity=0.3, vectors=VECTORS).tolist() == [0, 1]
    assert select(NEAR_TIE, two, diversity=0.5, vectors=VECTORS).tolist() == [0, 2]
    three = Budget("sentences", 3)
    taken = select(NEAR_TIE, three, diversity=0.5, vectors=VECTORS)
    assert taken.tolist() == [0, 1, 2]  # taken 0, 2, 1: 3 adds no relevance and overlaps 2
    best_first = select(NEAR_TIE, three, None, "score", diversity=0.5, vectors=VECTORS)
    assert best_first.tolist() == [0, 1, 2]  # order="score" stays best score first


def test_small_diversity_keeps_the_ranking():
    taken = select(NEAR_TIE, Budget("sentences", 3), diversity=0.01, vectors=VECTORS)
    assert taken.tolist() == [0, 1, 2]


def test_full_diversity_still_starts_with_the_best():
    scores = np.array([0.2, 0.9, 0.5, 0.1])
    taken = select(scores, Budget("sentences", 1), diversity=1.0, vectors=VECTORS)
    assert taken.tolist() == [1]


def test_diversity_with_sparse_vectors_matches_dense():
    rng = np.random.default_rng(2)
    dense = rng.random((8, 5)) * (rng.random((8, 5)) < 0.5)
    dense[dense.sum(axis=1) == 0, 0] = 1.0
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    scores = rng.random(8)
    budget = Budget("sentences", 4)
    a = select(scores, budget, diversity=0.4, vectors=dense)
    b = select(scores, budget, diversity=0.4, vectors=sp.csr_matrix(dense))
    assert a.tolist() == b.tolist() and len(a) == 4


def test_diversity_respects_word_and_char_budgets():
    # best first would be 0 (5 words) then 1 (10, overflows 12) then 2 (3): [0, 2]
    taken = select(NEAR_TIE, Budget("words", 12), WORDS, diversity=0.3, vectors=VECTORS)
    assert WORDS[taken].sum() <= 12 and 0 in taken.tolist()
    assert select(
        NEAR_TIE, Budget("chars", 48), CHARS, diversity=0.3, vectors=VECTORS
    ).tolist() == [0, 2]
    # even the best sentence overflows: it is taken alone
    assert select(NEAR_TIE, Budget("words", 2), WORDS, diversity=0.3, vectors=VECTORS).tolist() == [
        0
    ]


def test_diversity_ratio_budget_and_degenerate_inputs():
    assert len(select(NEAR_TIE, Budget("ratio", 0.5), diversity=0.5, vectors=VECTORS)) == 2
    one = np.array([0.7])
    assert select(one, Budget("sentences", 3), diversity=0.5, vectors=VECTORS[:1]).tolist() == [0]
    assert select(np.zeros(0), Budget("sentences", 3), diversity=0.5).tolist() == []
    flat = select(np.full(4, 0.5), Budget("sentences", 2), diversity=0.5, vectors=VECTORS)
    assert flat.tolist() == [0, 2]  # equal scores: earliest first, then least redundant


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), "0.3", True, None])
def test_diversity_is_validated(bad):
    with pytest.raises(InvalidOptionError, match=r"diversity must be a number in \[0, 1\]"):
        select(NEAR_TIE, Budget("sentences", 2), diversity=bad, vectors=VECTORS)
    with pytest.raises(InvalidOptionError):
        check_diversity(bad)


def test_diversity_needs_one_vector_per_sentence():
    with pytest.raises(InvalidOptionError, match="vector"):
        select(NEAR_TIE, Budget("sentences", 2), diversity=0.3)
    with pytest.raises(InvalidOptionError, match="vector"):
        select(NEAR_TIE, Budget("sentences", 2), diversity=0.3, vectors=VECTORS[:2])


def test_score_order_with_diversity_breaks_ties_by_position():
    scores = np.array([0.5, 0.9, 0.5, 0.1])
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    # taken 1, then 2 (0 repeats 1), then 0; listed best first, the tie 0/2 in document order
    three = Budget("sentences", 3)
    taken = select(scores, three, None, "score", diversity=0.6, vectors=vectors)
    assert taken.tolist() == [1, 0, 2]


# The lazy MMR (a priority queue of upper bounds) against the plain algorithm: every
# candidate's value recomputed at each pick, all products taken in full, values compared after
# rounding to 12 decimals, ties to the more relevant and then the earlier sentence.


def _reference_mmr(scores, budget, sizes, diversity, vectors):
    n = len(scores)
    low, high = scores.min(), scores.max()
    relevance = (scores - low) / (high - low) if high > low else np.ones(n)
    count = {"sentences": min(n, int(budget.value)), "ratio": None}.get(budget.kind)
    if budget.kind == "ratio":
        count = min(n, max(1, int(np.floor(budget.value * n + 0.5))))
    room = int(budget.value)
    redundancy, free, taken = np.zeros(n), np.ones(n, dtype=bool), []
    while count is None or len(taken) < count:
        fits = free if count is not None else free & (sizes <= room)
        candidates = np.flatnonzero(fits)
        if candidates.size == 0:
            if not taken:
                taken.append(int(rank_order(scores)[0]))
            break
        value = (1 - diversity) * relevance[candidates] - diversity * redundancy[candidates]
        keys = np.round(value, 12)
        order = np.lexsort((candidates, -relevance[candidates], -keys))
        pick = int(candidates[order[0]])
        taken.append(pick)
        free[pick] = False
        room -= int(sizes[pick]) if count is None else 0
        row = vectors @ vectors[pick].T
        row = row.toarray().ravel() if sp.issparse(row) else np.asarray(row).ravel()
        redundancy = np.maximum(redundancy, row)
    return sorted(taken)


def _tied_rows(rng, n, d):
    """Unit non-negative sparse rows with exact duplicates and scores with many exact ties."""
    x = sp.random(n, d, density=4 / d, random_state=rng, format="csr")
    x.data = np.round(x.data * 4) + 1.0  # few distinct weights
    x = x.toarray()
    x[rng.integers(0, n, n // 5)] = x[rng.integers(0, n, n // 5)]  # duplicates
    x[x.sum(axis=1) == 0, 0] = 1.0
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    scores = np.round(rng.random(n) * 6) / 6  # seven distinct scores
    return sp.csr_matrix(x), scores


def test_lazy_mmr_equals_the_plain_algorithm_once():
    """The fast tier's check of the lazy queue (the slow tests below run many more cases)."""
    rng = np.random.default_rng(42)
    vectors, scores = _tied_rows(rng, 300, 20)
    sizes = rng.integers(1, 30, 300)
    for budget in (Budget("ratio", 0.3), Budget("words", 400)):
        expected = _reference_mmr(scores, budget, sizes, 0.5, vectors)
        assert select(scores, budget, sizes, diversity=0.5, vectors=vectors).tolist() == expected


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_mmr_equals_the_plain_algorithm(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(300, 700))  # larger than the pool: it is rebuilt
    vectors, scores = _tied_rows(rng, n, int(rng.integers(8, 60)))
    if seed % 2:
        scores = scores + rng.random(n) * 1e-3  # fewer ties
    sizes = rng.integers(1, 30, n)
    for budget in (Budget("ratio", 0.3), Budget("sentences", 40), Budget("words", 900)):
        for diversity in (0.3, 0.7, 1.0):
            expected = _reference_mmr(scores, budget, sizes, diversity, vectors)
            got = select(scores, budget, sizes, diversity=diversity, vectors=vectors)
            assert got.tolist() == expected
            dense = select(scores, budget, sizes, diversity=diversity, vectors=vectors.toarray())
            assert dense.tolist() == expected


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_mmr_equals_the_plain_algorithm_on_a_few_sentences_repeated(seed):
    """Large groups of exactly equal values: the tie queue must take them in tie order."""
    rng = np.random.default_rng(100 + seed)
    distinct, scores_of = _tied_rows(rng, 6, 5)
    which = rng.integers(0, 6, int(rng.integers(400, 900)))
    vectors, scores = distinct[which], scores_of[which]
    if seed % 2:
        scores = scores.copy()
        scores[:20] += np.linspace(0.5, 0.1, 20)  # a distinct lead, then ties
    n = len(scores)
    sizes = rng.integers(1, 30, n)
    for budget in (Budget("ratio", 0.5), Budget("sentences", 120), Budget("words", 2000)):
        for diversity in (0.3, 1.0):
            expected = _reference_mmr(scores, budget, sizes, diversity, vectors)
            got = select(scores, budget, sizes, diversity=diversity, vectors=vectors)
            assert got.tolist() == expected


def test_a_length_budget_needs_sizes():
    with pytest.raises(InvalidOptionError, match="size"):
        select(NEAR_TIE, Budget("words", 10))


def _overlapping_rows(n, pattern):
    """Rows sharing the terms 0 and 1 with weights ``pattern[i % len(pattern)]``, plus one
    term of their own: every candidate overlaps every pick a little."""
    rows = np.repeat(np.arange(n), 3)
    cols = np.concatenate([[0, 1, 2 + i] for i in range(n)])
    shared = np.asarray([pattern[i % len(pattern)] for i in range(n)], dtype=np.float64)
    data = np.column_stack([shared, np.ones(n)]).ravel()
    x = sp.csr_matrix((data, (rows, cols)))
    return sp.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))


@pytest.mark.parametrize("pattern", [[(1, 1)], [(3, 1), (1, 3)], [(1, 1), (2, 1), (1, 2)]])
@pytest.mark.parametrize("tops_work", [0, 10**9])
def test_lazy_mmr_bounds_give_the_plain_algorithm(monkeypatch, pattern, tops_work):
    """The bounds that skip comparisons (the top weight per term, the cosine with the picks
    holding them) are tried on every update (tops_work 0) or never: the same picks."""
    from summarizer import select as select_module

    monkeypatch.setattr(select_module, "_TOPS_WORK", tops_work)
    monkeypatch.setattr(select_module, "_DENSE_MMR_MAX", 8)
    rng = np.random.default_rng(len(pattern))
    x = _overlapping_rows(400, [tuple(map(float, p)) for p in pattern])
    for scores in (1.0 - np.arange(400) * 1e-6, np.round(rng.random(400) * 5) / 5):
        for budget in (Budget("ratio", 0.5), Budget("sentences", 150)):
            for diversity in (0.3, 0.9):
                expected = _reference_mmr(scores, budget, None, diversity, x)
                got = select(scores, budget, None, diversity=diversity, vectors=x)
                assert got.tolist() == expected


def test_lazy_mmr_with_random_rows_and_bounds_always_tried(monkeypatch):
    from summarizer import select as select_module

    monkeypatch.setattr(select_module, "_TOPS_WORK", 0)
    rng = np.random.default_rng(7)
    vectors, scores = _tied_rows(rng, 400, 12)
    sizes = rng.integers(1, 30, 400)
    for budget in (Budget("ratio", 0.5), Budget("words", 2000)):
        for diversity in (0.3, 1.0):
            expected = _reference_mmr(scores, budget, sizes, diversity, vectors)
            got = select(scores, budget, sizes, diversity=diversity, vectors=vectors)
            assert got.tolist() == expected


def test_mmr_on_sentences_that_all_overlap_a_little_needs_few_products():
    """Every sentence shares a few terms with every other: the bounds settle nearly every
    update, so exact MMR multiplies far fewer pairs than candidates times picks."""
    from summarizer import select as select_module

    n = 3000
    x = _overlapping_rows(n, [(1.0, 1.0)])
    scores = 1.0 - np.arange(n) * 1e-6
    engine = select_module._LazyMMR(scores, None, 0.3, x)
    budget = engine.work_left
    picks = engine.run(n // 2, None)
    assert picks == list(range(n // 2))  # what exact MMR picks here: all overlaps are equal
    assert budget - engine.work_left < 20 * n


def test_mmr_cost_stays_bounded_when_the_bounds_do_not_help(monkeypatch):
    """Weights that the bounds cannot settle (two shared terms, weighted 3:1 and 1:3 in
    turn): exact MMR would compare each candidate with each pick; past the work bound it
    stops. (The bound is lowered here so that 3,000 sentences reach it.)"""
    from summarizer import select as select_module

    monkeypatch.setattr(select_module, "_WORK_PER_ENTRY", 16)
    n = 3000
    x = _overlapping_rows(n, [(3.0, 1.0), (1.0, 3.0)])
    rng = np.random.default_rng(3)
    scores = rng.random(n)
    engine = select_module._LazyMMR(scores, None, 0.3, x)
    picks = engine.run(n // 2, None)
    assert engine.work_left == 0  # the bound was reached: later picks skip the comparisons
    assert len(set(picks)) == n // 2
