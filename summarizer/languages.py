"""The supported languages: ISO 639-1 codes, English names, and how each one is analyzed.

``resolve_language`` turns a ``language=`` option (a code such as ``"de"`` or an English name
such as ``"German"``, in any case) into the code every module uses, or raises
``InvalidOptionError`` listing what is supported. ``Language`` says how a language's words are
analyzed: its Snowball stemmer (``stemmer``, None for Chinese and Japanese, whose terms are
character bigrams) and its writing system.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.errors import InvalidOptionError

__all__ = ["LANGUAGES", "Language", "get_language", "resolve_language"]


@dataclass(frozen=True)
class Language:
    """One supported language."""

    code: str  # ISO 639-1
    name: str  # English name, lower case
    stemmer: str | None  # Snowball algorithm; None: character bigrams (zh, ja)
    script: str  # "latin", "cyrillic", "greek", "arabic", "devanagari", "han", "japanese"


_ALL = (
    Language("ar", "arabic", "arabic", "arabic"),
    Language("cs", "czech", "czech", "latin"),
    Language("da", "danish", "danish", "latin"),
    Language("de", "german", "german", "latin"),
    Language("el", "greek", "greek", "greek"),
    Language("en", "english", "english", "latin"),
    Language("es", "spanish", "spanish", "latin"),
    Language("fi", "finnish", "finnish", "latin"),
    Language("fr", "french", "french", "latin"),
    Language("hi", "hindi", "hindi", "devanagari"),
    Language("it", "italian", "italian", "latin"),
    Language("ja", "japanese", None, "japanese"),
    Language("nl", "dutch", "dutch", "latin"),
    Language("no", "norwegian", "norwegian", "latin"),
    Language("pl", "polish", "polish", "latin"),
    Language("pt", "portuguese", "portuguese", "latin"),
    Language("ru", "russian", "russian", "cyrillic"),
    Language("sv", "swedish", "swedish", "latin"),
    Language("tr", "turkish", "turkish", "latin"),
    Language("zh", "chinese", None, "han"),
)
_BY_CODE = {language.code: language for language in _ALL}
_ALIASES = {
    **{language.name: language.code for language in _ALL},
    "nb": "no",
    "bokmal": "no",
    "bokmål": "no",
    "norwegian bokmal": "no",
    "norwegian bokmål": "no",
    "mandarin": "zh",
}
LANGUAGES: tuple[str, ...] = tuple(_BY_CODE)


def resolve_language(value: object) -> str:
    """The code of a ``language=`` value: a code or an English name, in any case."""
    if isinstance(value, str):
        key = value.strip().lower()
        code = key if key in _BY_CODE else _ALIASES.get(key)
        if code is not None:
            return code
    supported = ", ".join(f"{language.code} ({language.name})" for language in _ALL)
    raise InvalidOptionError(
        f"unsupported language {value!r}; choose one of: {supported}", option="language"
    )


def get_language(code: str) -> Language:
    """The ``Language`` of a code (see ``resolve_language`` for names)."""
    return _BY_CODE[resolve_language(code)]
