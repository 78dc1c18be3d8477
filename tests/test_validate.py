"""The one validation layer: canonical values or InvalidOptionError in one message style."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from summarizer import validate
from summarizer.errors import InputTooLargeError, InvalidInputError, InvalidOptionError


def test_numbers_within_bounds():
    assert validate.number("x", 1) == 1.0 and isinstance(validate.number("x", 1), float)
    assert validate.number("x", np.float32(0.5), 0, 1) == 0.5
    for bad in (True, "1", None, float("nan"), float("inf"), 2, 0):
        with pytest.raises(InvalidOptionError, match=r"x must be a number in \(0, 1\]"):
            validate.number("x", bad, 0.0, 1.0, low_open=True)
    with pytest.raises(InvalidOptionError, match=r"None or a number in \[0, inf\)"):
        validate.number("x", -1, 0.0, or_none=True)


def test_integers_and_counts():
    assert validate.integer("n", 3.0) == 3 and validate.integer("n", np.int64(2)) == 2
    assert validate.count("n", 0) == 0
    for bad in (0, -1, 1.5, True, "3", float("inf"), None):
        with pytest.raises(InvalidOptionError, match="n must be a positive integer, not") as info:
            validate.integer("n", bad)
        assert info.value.option == "n"
    with pytest.raises(InvalidOptionError, match="an integer >= 0"):
        validate.count("n", -1)
    assert validate.max_chars(None) is None and validate.max_chars(5) == 5


def test_choices_and_unknown_options():
    assert validate.choice("order", "score", ("document", "score")) == "score"
    with pytest.raises(InvalidOptionError, match="unknown order 'x'; choose one of: a, b"):
        validate.choice("order", "x", ("a", "b"))
    with pytest.raises(InvalidOptionError, match="unknown option 'spam' for thing; allowed: a"):
        validate.check_options({"a": 1, "spam": 2}, ("a",), "thing")


def test_text():
    assert validate.text("abc", 3) == "abc"
    with pytest.raises(InvalidInputError, match="decode bytes first"):
        validate.text(b"abc")
    with pytest.raises(InputTooLargeError, match="max_chars=2"):
        validate.text("abc", 2)


def test_option_errors_pickle_with_their_option():
    error = pickle.loads(pickle.dumps(InvalidOptionError("x must be y", option="x")))
    assert str(error) == "x must be y" and error.option == "x"
