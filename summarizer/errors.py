"""Exceptions raised by the package, so callers can catch ours and nothing else."""

from __future__ import annotations

__all__ = [
    "InputTooLargeError",
    "InvalidDocumentError",
    "InvalidFileError",
    "InvalidInputError",
    "InvalidOptionError",
    "MissingDependencyError",
    "SummarizerError",
]


class SummarizerError(Exception):
    """Base class of every error the package raises on purpose."""


class InvalidOptionError(SummarizerError, ValueError):
    """An option (budget, method, language, parameter) is not one the package accepts.

    ``option`` names the option when one is to blame (the command line maps it to its flag).
    """

    def __init__(self, message: str, *, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option

    def __reduce__(self):
        return (_rebuild_option_error, (str(self), self.option))


class InvalidInputError(SummarizerError, TypeError):
    """The text to summarize is not a ``str``."""


class InputTooLargeError(SummarizerError, ValueError):
    """The text is longer than the configured ``max_chars`` limit."""


class InvalidFileError(SummarizerError, ValueError):
    """Saved summarizer state (``Summarizer.load``) is corrupt, foreign, or from a newer version."""


class MissingDependencyError(SummarizerError, ImportError):
    """An optional dependency (an extra such as ``extractive-summarizer[dask]``) is not
    installed; the message says what to install (``install_hint``)."""


class InvalidDocumentError(SummarizerError, ValueError):
    """The input cannot be read in its format (HTML without text, binary data, a failed fetch)."""


def _rebuild_option_error(message: str, option: str | None) -> InvalidOptionError:
    return InvalidOptionError(message, option=option)


DISTRIBUTION = "extractive-summarizer"  # the name to install from PyPI (imported as summarizer)


def install_hint(extra: str) -> str:
    """The command that installs one of the package's optional extras."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"
