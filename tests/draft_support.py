"""Helpers for the drafting tests: draft a made-up article and read back (quote, speaker, date) triples."""

from __future__ import annotations

from tui.ingest.draft import Draft, draft_text

PUBLISHED = "2020-03-06"  # a Friday


def draft(text: str, published: str | None = PUBLISHED) -> Draft:
    result = draft_text(text, published=published)
    for quote in result.quotes:  # every excerpt is the article's own characters
        assert result.text[quote.span.start : quote.span.end].strip()
    return result


def quotes(text: str, published: str | None = PUBLISHED) -> list[str]:
    result = draft(text, published)
    return [result.text[q.span.start : q.span.end] for q in result.quotes]


def said(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    """(quotation, speaker's name or the article's description or None) for each drafted quotation."""
    result = draft(text, published)
    return [
        (result.text[q.span.start : q.span.end], result.name_of(q.speaker) or q.speaker_description)
        for q in result.quotes
    ]


def dated(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    result = draft(text, published)
    return [(result.text[q.span.start : q.span.end], q.date, q.date_precision) for q in result.quotes]
