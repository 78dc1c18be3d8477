"""Shared test texts, written for this project (no external data)."""

from __future__ import annotations

import pytest

ARTICLE = """\
The city council voted on Tuesday to build a new public library downtown.
The library will replace the old branch, which closed after a fire in 2019.
Council members said the new library would cost about $40 million.
Most of the money will come from a bond that voters approved last year.
Construction of the library is expected to start in the spring.
Local schools welcomed the news, saying students need quiet places to study.
The mayor said the library would also host job training and computer classes.
Some residents questioned the cost and asked for a smaller building.
The council plans to hold public meetings about the design of the library next month.
"""

WRAPPED = """\
Rivers carry sediment from the mountains to the sea. Over
thousands of years this sediment builds deltas and floodplains.

Farmers have long depended on floodplains for fertile soil. Dams,
however, trap sediment behind them. As a result, many deltas are now
shrinking and sinking.
"""


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def wrapped() -> str:
    return WRAPPED
