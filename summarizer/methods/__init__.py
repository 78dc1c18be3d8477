"""The registered summarization methods: one module each, all registered on import.

``METHODS`` lists their names in a fixed order, ``DEFAULT_METHOD`` is the default, and
``get_method(name)`` returns a class. See ``summarizer.methods.base`` for what a method is.
"""

from __future__ import annotations

from summarizer import validate
from summarizer.methods import (  # noqa: F401 - each registers its method
    adaptive,
    lead,
    lead_odds,
    lexrank,
    pacsum,
    positional,
    textrank,
    tfidf,
)
from summarizer.methods.base import REGISTRY, Method, register

__all__ = ["DEFAULT_METHOD", "METHODS", "Method", "get_method", "register"]

_ORDER = (
    *("textrank", "lexrank", "tfidf", "lead", "pacsum", "positional", "lead_odds", "adaptive"),
)
METHODS: tuple[str, ...] = _ORDER + tuple(name for name in REGISTRY if name not in _ORDER)
DEFAULT_METHOD = "adaptive"


def get_method(name: object) -> type[Method]:
    """The method class registered as ``name``; InvalidOptionError naming the choices if none."""
    allowed = METHODS + tuple(n for n in REGISTRY if n not in METHODS)  # plug-ins after ours
    return REGISTRY[validate.choice("method", name, allowed)]
