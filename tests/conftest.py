"""Shared test texts, written for this project (no external data), and the test tiers.

``pytest`` runs everything (the CI suite); ``pytest -m "not slow"`` is the fast tier. Hypothesis
tests take their number of examples from the profile: "full" (500) for the whole suite, "fast"
(20) for the fast tier; ``HYPOTHESIS_PROFILE`` overrides the choice.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "full",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("fast", parent=settings.get_profile("full"), max_examples=20)


def pytest_configure(config: pytest.Config) -> None:
    fast = "not slow" in (config.getoption("markexpr") or "")
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast" if fast else "full"))


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


def default_signals() -> None:
    """``preexec_fn`` for a child that a test signals: SIGINT and SIGHUP back to their default
    actions, as a process started from a terminal has them. A test run started in the
    background (``cmd &``) or under ``nohup`` ignores them, and children inherit that."""
    import signal

    for signum in (signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
