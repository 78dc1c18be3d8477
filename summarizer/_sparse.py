"""scipy.sparse on first use: short documents never need it, and importing it costs about
0.15 s of a command-line run."""

from __future__ import annotations

import sys

__all__ = ["issparse", "sparse"]


def sparse():
    """The scipy.sparse module, imported now if it was not yet."""
    import scipy.sparse

    return scipy.sparse


def issparse(matrix) -> bool:
    """Whether ``matrix`` is a scipy sparse matrix, without importing scipy to find out."""
    module = sys.modules.get("scipy.sparse")  # not imported: cannot be a scipy matrix
    return module is not None and module.issparse(matrix)
