"""Boilerplate every format shares: licence notices and Project Gutenberg's frame.

Rules (used by the plain-text reader to mark "skip" blocks and by the other
readers to leave blocks out of the extracted text)
- A licence notice: a paragraph with a phrase only licences use ("permission is
  hereby granted", "all rights reserved", "without warranty of any kind",
  "licensed under the", "SPDX-License-Identifier", the Project Gutenberg
  licence's own phrases, ...), or one that names a licence (the word
  "licence"/"license" with "released under", "distributed under", "under the
  terms", "see the ... licence", "public domain" or a licence's name).
- A licence section: a heading "License", "Licence", "Licensing", "Copyright",
  "Copying" or "Legal" (alone or followed by "and ..."), or the word for
  licence in German, Spanish, Portuguese, Italian, Russian, Chinese, Japanese
  or Korean, and what follows it up to the next heading. The notice rule knows
  the same words.
- Project Gutenberg's frame: everything up to the ``*** START OF THE PROJECT
  GUTENBERG EBOOK ... ***`` line (or the old ``*END*THE SMALL PRINT!``), and
  everything from ``*** END OF ...`` or "End of (the) Project Gutenberg" on.
"""

from __future__ import annotations

import re

__all__ = [
    "GUTENBERG_END",
    "GUTENBERG_START",
    "is_licence",
    "is_licence_heading",
    "may_have_gutenberg_frame",
]

GUTENBERG_START = re.compile(
    r"^[^\S\n]*(?:\*{3}[^\S\n]*START OF (?:THE |THIS )?PROJECT GUTENBERG[^\n]*"
    r"|\*END\*THE SMALL PRINT![^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
GUTENBERG_END = re.compile(
    r"^[^\S\n]*(?:\*{3}[^\S\n]*END OF (?:THE |THIS )?PROJECT GUTENBERG"
    r"|End of (?:the )?Project Gutenberg)",
    re.IGNORECASE | re.MULTILINE,
)
_STRONG = re.compile(
    r"permission is hereby granted|all rights reserved|without warranty of any kind"
    r"|without warranties or conditions|licensed under the|spdx-license-identifier"
    r"|redistribution and use in source and binary forms|this program is free software"
    r"|you may not use this file except|provided [\"\u201c]?as is[\"\u201d]?"
    r"|this ebook is for the use of anyone anywhere|project gutenberg(?:-tm)? licen[cs]e"
    r"|gutenberg-tm|creative commons attribution"
    r"|alle rechte vorbehalten|tous droits r\u00e9serv\u00e9s|todos los derechos reservados",
    re.IGNORECASE,
)
# The same phrases for lower-cased text: the literal ones as substrings, the rest as a small
# case-sensitive pattern (a case-insensitive alternation over a long paragraph is slow).
_STRONG_LITERALS = tuple(
    p for p in _STRONG.pattern.split("|") if re.escape(p) == p.replace(" ", "\\ ")
)
_STRONG_LOWER = re.compile(
    "|".join(p for p in _STRONG.pattern.split("|") if p not in _STRONG_LITERALS)
)
# "licence" in English and other languages (the CJK words have no word boundaries)
_LICENCE_WORD = re.compile(
    r"\blicen[cs](?:e[ds]?|ing)\b|\blizenz|\blicen[cç]a|\blicenza|\b\u043b\u0438\u0446\u0435\u043d\u0437\u0438"
    r"|\u8bb8\u53ef\u8bc1|\u6388\u6743\u534f\u8bae|\u30e9\u30a4\u30bb\u30f3\u30b9|\ub77c\uc774\uc120\uc2a4",
    re.IGNORECASE,
)
_LICENCE_CONTEXT = re.compile(
    r"released under|distributed under|under the terms|see the (?:\w+ )?licen[cs]e"
    r"|public domain|\b(?:MIT|BSD|GPL|LGPL|AGPL|Apache|MPL|CC[- ]BY|EUPL)\b",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"(?:licen[cs]e|licensing|copyright|copying|legal|lizenz|licencia|licen\u00e7a|licenza"
    r"|\u043b\u0438\u0446\u0435\u043d\u0437\u0438\u044f|\u8bb8\u53ef\u8bc1?|\u6388\u6743|\u7248\u6743"
    r"|\u30e9\u30a4\u30bb\u30f3\u30b9|\ub77c\uc774\uc120\uc2a4)"
    r"(?:\s+(?:and|&)\s+.*)?[\s:.]*",
    re.IGNORECASE,
)


# Every phrase of _STRONG and _LICENCE_WORD contains one of these (lower-cased): substring
# tests are far cheaper than a case-insensitive alternation over a long paragraph.
_NEEDLES = (
    "licen",
    "rights reserved",
    "without warrant",
    "permission is hereby",
    "redistribution",
    "free software",
    'as is"',
    "as is\u201d",
    "ebook",
    "gutenberg",
    "creative commons",
    "vorbehalten",
    "r\u00e9serv\u00e9s",
    "reservados",
    "lizenz",
    "licen\u00e7a",
    "licenza",
    "\u043b\u0438\u0446\u0435\u043d\u0437\u0438",
    "\u8bb8\u53ef\u8bc1",
    "\u6388\u6743\u534f\u8bae",
    "\u30e9\u30a4\u30bb\u30f3\u30b9",
    "\ub77c\uc774\uc120\uc2a4",
)


def is_licence(text: str) -> bool:
    """A licence notice (see the module's rules)."""
    lowered = text.lower()
    if not any(needle in lowered for needle in _NEEDLES):
        return False
    if any(phrase in lowered for phrase in _STRONG_LITERALS) or _STRONG_LOWER.search(lowered):
        return True
    return bool(_LICENCE_WORD.search(text) and _LICENCE_CONTEXT.search(text))


def may_have_gutenberg_frame(text: str) -> bool:
    """Cheap test before the Gutenberg patterns: the name or the old licence marker."""
    return "utenberg" in text or "UTENBERG" in text or "SMALL PRINT" in text


def is_licence_heading(text: str) -> bool:
    """A heading that opens a licence or copyright section."""
    return bool(_HEADING.fullmatch(text.strip()))
