"""What a summarization method is: a named scorer of a ``Document``'s sentences, with options.

A method class declares its ``options`` (each an ``Option``: name, default, check, help) and
implements ``score(document, budget)``, returning one float per sentence, higher is better;
``diversity_for(document, budget)`` may choose the redundancy control per document (by
default ``default_diversity``; a caller's ``diversity=`` always wins).
Decorated with ``@register``, it becomes a ``method=`` name: the API, the saved state and the
command line's ``--method`` choices and option flags are all generated from the registry, so
every option is reachable everywhere, and an option the chosen method does not take is an
``InvalidOptionError`` rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np

from summarizer import validate
from summarizer.budget import Budget
from summarizer.document import Document
from summarizer.validate import Option

__all__ = ["DAMPING", "REGISTRY", "Method", "register"]

REGISTRY: dict[str, type[Method]] = {}


class Method:
    """Base class of the registered methods; see the module docstring."""

    name: ClassVar[str]
    summary: ClassVar[str]  # one line, for help texts
    options: ClassVar[tuple[Option, ...]] = ()
    default_diversity: ClassVar[float] = 0.0  # diversity= when the caller gives none
    uses_terms: ClassVar[bool] = True  # whether score() reads the sentences' terms or vectors

    def __init__(self, **options: Any) -> None:
        names = [o.name for o in self.options]
        validate.check_options(options, names, f"method {self.name!r}")
        self.params: dict[str, Any] = {
            o.name: o.validate(options[o.name]) if o.name in options else o.default
            for o in self.options
        }

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        return tuple(o.name for o in cls.options)

    def score(self, document: Document, budget: Budget) -> np.ndarray:
        """One score per sentence of ``document`` (higher is better) for this ``budget``."""
        raise NotImplementedError

    def diversity_for(self, document: Document, budget: Budget) -> float:
        """The ``diversity=`` to select with when the caller gives none: ``default_diversity``,
        unless a method makes it depend on the document and budget."""
        return self.default_diversity

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{type(self).__name__}({params})"


def register(cls: type[Method]) -> type[Method]:
    """Class decorator: make ``cls`` available as ``method=cls.name``."""
    if cls.name in REGISTRY:
        raise RuntimeError(f"method {cls.name!r} is registered twice")
    REGISTRY[cls.name] = cls
    return cls


def options_of(names: Mapping[str, Any], method: type[Method]) -> dict[str, Any]:
    """The entries of ``names`` that are options of ``method``."""
    allowed = set(method.option_names())
    return {k: v for k, v in names.items() if k in allowed}


DAMPING = Option(
    "damping",
    0.85,
    lambda name, v: validate.number(name, v, 0.0, 1.0, low_open=True, high_open=True),
    "PageRank damping factor, in (0, 1)",
)
