"""Summaries as documents for people: one self-contained HTML page, or Markdown.

``html_page(summary)`` shows the whole (extracted) text with every sentence shaded by its score
on one colour scale (darker is more central), the summary's sentences highlighted in place and
numbered, sentences that can never be picked (headings, boilerplate, non-prose) greyed, and the
summary and keyphrases above. It needs ``Summary.ranking`` (``summarize(..., ranking=True)``);
without it only the summary's own sentences are shaded. The page has no script and loads
nothing: styles are inline, the text is escaped.

``markdown(summary)`` is the summary as a Markdown list, with its keyphrases and a line on how
it was made.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from summarizer.summary import Sentence, Summary, flatten

__all__ = ["html_page", "markdown"]

_STYLE = """
body { font: 16px/1.55 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
.meta { color: #666; font-size: .9rem; }
ol.summary li { margin: .4rem 0; }
.kw { display: inline-block; background: #eef3ff; border: 1px solid #c9d8ff;
      border-radius: 1rem; padding: 0 .6rem; margin: .15rem; font-size: .9rem; }
.doc { white-space: pre-wrap; border-top: 1px solid #ddd; padding-top: 1rem; }
.s { border-radius: 3px; }
.pick { outline: 2px solid #d9480f; font-weight: 600; }
.pick sup { color: #d9480f; font-weight: 700; margin-right: .15rem; }
.no { color: #999; }
.scale { display: inline-block; width: 10rem; height: .8rem; vertical-align: middle;
         background: linear-gradient(to right, rgba(255,196,0,0), rgba(255,196,0,.85)); }
"""


def _shade(score: float | None, low: float, high: float) -> str:
    if score is None:
        return ""
    level = 0.85 * (score - low) / (high - low) if high > low else 0.5
    return f' style="background: rgba(255,196,0,{level:.3f})"'


def _sentences(summary: Summary) -> Sequence[Sentence]:
    return summary.ranking if summary.ranking is not None else summary.sentences


def _document(summary: Summary, number: int) -> str:
    """The text with each sentence wrapped in a shaded span, summary sentences marked."""
    text = summary.text
    picked = {s.index: n for n, s in enumerate(sorted(summary.sentences, key=lambda s: s.index), 1)}
    shown = _sentences(summary)
    scores = [s.score for s in shown if s.score is not None]
    low, high = (min(scores), max(scores)) if scores else (0.0, 1.0)
    parts, at = [], 0
    for s in shown:
        parts.append(html.escape(text[at : s.start]))
        body = html.escape(text[s.start : s.end])
        title = "not a candidate" if s.score is None else f"score {s.score:.4g}"
        if s.index in picked:
            number = picked[s.index]
            parts.append(
                f'<span class="s pick" id="d{number}s{s.index}" title="{title}"'
                f"{_shade(s.score, low, high)}><sup>{number}</sup>{body}</span>"
            )
        elif s.score is None:
            parts.append(f'<span class="s no" title="{title}">{body}</span>')
        else:
            shade = _shade(s.score, low, high)
            parts.append(f'<span class="s" title="{title}"{shade}>{body}</span>')
        at = s.end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def html_page(summaries: Sequence[tuple[str, Summary]], title: str = "Summary") -> str:
    """One self-contained HTML page with a section per ``(name, summary)``: the summary, its
    keyphrases, and the document with the summary's sentences highlighted in place and every
    sentence shaded by its score."""
    sections = "".join(_section(name, summary, n) for n, (name, summary) in enumerate(summaries))
    language = summaries[0][1].language if summaries else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"{sections}</body></html>\n"
    )


def _section(name: str, summary: Summary, number: int) -> str:
    """One document's part of the page; ``number`` keeps the anchors of documents apart."""
    items = "".join(
        f'<li><a href="#d{number}s{s.index}">{html.escape(flatten(s.text))}</a></li>'
        for s in summary.sentences
    )
    keywords = ""
    if summary.keywords:
        chips = "".join(f'<span class="kw">{html.escape(k.text)}</span>' for k in summary.keywords)
        keywords = f"<h2>Keyphrases</h2><p>{chips}</p>"
    budget = f"{summary.budget.kind}={summary.budget.value:g}"
    meta = (
        f"{len(summary)} of {summary.n_sentences} sentences ({summary.n_candidates} candidates), "
        f"method {summary.method}, {budget}, language {summary.language}, "
        f"format {summary.format}"
    )
    legend = '<p class="meta">score: low <span class="scale"></span> high</p>'
    return (
        f'<section><h1>{html.escape(name)}</h1><p class="meta">{html.escape(meta)}</p>'
        f'<h2>Summary</h2><ol class="summary">{items}</ol>{keywords}'
        f'<h2>Document</h2>{legend}<div class="doc">{_document(summary, number)}</div></section>'
    )


def _escape_markdown(text: str) -> str:
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def markdown(summary: Summary, title: str = "Summary") -> str:
    """The summary as Markdown: a heading, one list item per sentence, the keyphrases."""
    lines = [f"## {_escape_markdown(title)}", ""]
    lines += [f"- {_escape_markdown(flatten(s.text))}" for s in summary.sentences]
    if summary.keywords:
        phrases = ", ".join(_escape_markdown(k.text) for k in summary.keywords)
        lines += ["", f"**Keyphrases:** {phrases}"]
    budget = f"{summary.budget.kind}={summary.budget.value:g}"
    lines += [
        "",
        f"_{len(summary)} of {summary.n_sentences} sentences; method {summary.method}, "
        f"{budget}, language {summary.language}._",
    ]
    return "\n".join(lines) + "\n"
