from __future__ import annotations

import pytest

from summarizer.errors import InvalidOptionError
from summarizer.text import get_analyzer


def test_terms_drop_stop_words_and_stem():
    terms = get_analyzer("english").terms("The runners were running quickly to the Station.")
    assert terms == ["runner", "run", "quick", "station"]


def test_curly_apostrophes_and_case():
    a = get_analyzer("english")
    assert a.terms("Russia\u2019s army") == a.terms("RUSSIA's army")


def test_unsupported_language():
    with pytest.raises(InvalidOptionError, match="english"):
        get_analyzer("klingon")
