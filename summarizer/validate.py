"""One validation layer: every option the package accepts is checked here, with one message style.

Each check returns the value in its canonical type or raises ``InvalidOptionError`` whose message
reads ``"<name> must be <what is allowed>, not <value>"`` and whose ``option`` attribute names the
option, so the command line can point at its flag. ``Option`` describes a named option with its
default and its check, so that methods declare their options once and the API, the saved state
and the command line are all generated from those declarations.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.errors import InputTooLargeError, InvalidInputError, InvalidOptionError

__all__ = [
    "Option",
    "check_options",
    "choice",
    "count",
    "fail",
    "integer",
    "max_chars",
    "number",
    "text",
]


def fail(name: str, allowed: str, value: object) -> InvalidOptionError:
    """The error for ``name``: ``"<name> must be <allowed>, not <value>"``."""
    return InvalidOptionError(f"{name} must be {allowed}, not {value!r}", option=name)


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _interval(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    lo = "-inf" if low is None else f"{low:g}"
    hi = "inf" if high is None else f"{high:g}"
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    return f"{left}{lo}, {hi}{right}"


def number(
    name: str,
    value: object,
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
    or_none: bool = False,
) -> float:
    """``value`` as a float if it is a finite real number within the bounds (not a bool)."""
    number_ = float(value) if _is_real(value) else math.nan  # type: ignore[arg-type]
    ok = math.isfinite(number_)
    ok = ok and (low is None or (number_ > low if low_open else number_ >= low))
    ok = ok and (high is None or (number_ < high if high_open else number_ <= high))
    if not ok:
        none = "None or " if or_none else ""
        interval = _interval(low, high, low_open, high_open)
        raise fail(name, f"{none}a number in {interval}", value)
    return number_


def integer(name: str, value: object, low: int = 1, *, or_none: bool = False) -> int:
    """``value`` as an int if it is a whole number >= ``low`` (3.0 counts, True does not)."""
    whole = isinstance(value, numbers.Integral) or (
        _is_real(value) and math.isfinite(value) and float(value).is_integer()  # type: ignore[arg-type]
    )
    if isinstance(value, bool) or not whole or int(value) < low:  # type: ignore[call-overload]
        what = "a positive integer" if low == 1 else f"an integer >= {low}"
        raise fail(name, f"None or {what}" if or_none else what, value)
    return int(value)  # type: ignore[call-overload]


def count(name: str, value: object, high: int | None = None) -> int:
    """A non-negative integer count (``0`` allowed), at most ``high`` if given."""
    if high is None:
        return integer(name, value, 0)
    try:
        number_ = integer(name, value, 0)
    except InvalidOptionError:
        number_ = -1
    if not 0 <= number_ <= high:
        raise fail(name, f"an integer from 0 to {high:,}", value)
    return number_


def choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """``value`` if it is one of ``allowed`` (strings)."""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidOptionError(
            f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}", option=name
        )
    return value


@dataclass(frozen=True)
class Option:
    """A named option: its default, its check, and a one-line description.

    ``check(name, value)`` returns the canonical value or raises ``InvalidOptionError``.
    ``kind`` says how the command line parses it: ``"float"``, ``"int"``, or ``"float?"``
    (a float or ``none``).
    """

    name: str
    default: Any
    check: Callable[[str, object], Any]
    help: str
    kind: str = "float"

    def validate(self, value: object) -> Any:
        return self.check(self.name, value)


def check_options(given: dict[str, Any], allowed: Sequence[str], what: str) -> None:
    """InvalidOptionError naming the allowed options if ``given`` has any other."""
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise InvalidOptionError(
            f"unknown option {names} for {what}; allowed: {', '.join(allowed) or 'none'}",
            option=unknown[0],
        )


def text(value: object, max_chars: int | None = None, *, what: str = "text") -> str:
    """``value`` if it is a ``str`` of at most ``max_chars`` characters.

    InvalidInputError for a non-str (with a hint for bytes), InputTooLargeError if too long.
    """
    if not isinstance(value, str):
        hint = (
            "; decode bytes first, e.g. data.decode('utf-8')"
            if isinstance(value, (bytes, bytearray))
            else ""
        )
        raise InvalidInputError(f"{what} must be str, not {type(value).__name__}{hint}")
    if max_chars is not None and len(value) > max_chars:
        raise InputTooLargeError(
            f"{what} has {len(value):,} characters, more than max_chars={max_chars:,}; "
            "pass a larger max_chars (or None for no limit) to summarize it anyway"
        )
    return value


def max_chars(value: object) -> int | None:
    """A ``max_chars=`` limit: a positive ``int`` (not a float), or None for no limit."""
    if value is None:
        return None
    if not isinstance(value, numbers.Integral):
        raise fail("max_chars", "None or a positive integer", value)
    return integer("max_chars", value, or_none=True)
