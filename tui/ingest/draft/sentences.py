"""Sentences of a paragraph, never split inside a quotation, and the word after a period that is an abbreviation.

A quotation that ends with its own period ends the sentence too, unless a short attribution follows it
("“Why?” Smith asked."), which belongs to the same sentence.
"""

from __future__ import annotations

import re

from tui.ingest.draft.model import Quote, Span
from tui.ingest.draft.vocab import REPORTING_VERBS
from tui.sentences import ABBREVIATIONS

# Words that open a new sentence rather than an attribution of the quotation before it.
OPENER = re.compile(
    r"(?:In|On|At|During|After|Before|Since|From|With|Asked|Later|Earlier|Meanwhile|However|But|And|Still|Then|"
    r"Last|This|When|While|Although|Though|If|As|Also|The\s+\w+\s+(?:also|then|later))\b"
)
BOUNDARY = re.compile(r"[.?!]+[”\"’']?(?=\s+[“\"A-Z0-9(])")
WORD = re.compile(r"[\w’'.-]+")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` part of an abbreviation or an initial ("Gov.", "C.", "U.S.", "Calif.")?"""
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    bare = word.replace(".", "").lower()
    if len(bare) == 1 and word[:1].isupper():
        return True  # an initial: "Bernard C. Young", "U.S."
    if "." in word:
        return True  # "U.S.", "L.A.", "a.m."
    from tui.ingest.draft.vocab import STATE_BY_ABBR, TITLES

    return bare in ABBREVIATIONS or f"{word}." in STATE_BY_ABBR or f"{word}." in TITLES  # "Msgr. Tom Hale"


def split(text: str, start: int, end: int, quotes: list[Quote]) -> list[Span]:
    """The sentences of text[start:end]; `quotes` are the quotations inside it, in order."""
    inside = [(q.outer.start, q.outer.end) for q in quotes if q.outer and start <= q.outer.start < end]
    cuts: list[int] = []
    for match in BOUNDARY.finditer(text, start, end):
        at = match.end()
        if any(a < at < b for a, b in inside):
            continue
        if _is_abbreviation(text, match.start()):
            continue
        opener = next((a for a, b in inside if b == at), None)
        begin = cuts[-1] if cuts else start
        # Only a quotation that opens its sentence takes the short "Smith asked." after it; one inside a sentence
        # that has its own speaker ("Sen. X called it “a stunt.” He said …") ends there.
        if opener is not None and not re.search(r"\w", text[begin:opener]) and _attribution_follows(text, at, end):
            continue
        cuts.append(at)
    spans: list[Span] = []
    begin = start
    for cut in cuts:
        spans.append(Span(begin, cut))
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append(Span(begin, end))
    return spans


def _attribution_follows(text: str, at: int, end: int) -> bool:
    """After a quotation that ends in a period: is the next sentence only a short "Smith said."?"""
    stop = next(
        (m.start() for m in BOUNDARY.finditer(text, at, min(end, at + 160)) if not _is_abbreviation(text, m.start())),
        None,
    )
    if stop is None:
        stop = end if end - at <= 160 else None
    if stop is None or "“" in text[at:stop] or '"' in text[at:stop]:
        return False
    following = text[at:stop].strip().rstrip(".!?")  # at the paragraph's end the stop is after its period
    if OPENER.match(following):
        return False  # "In a post on Facebook, the union urged …": a new sentence with its own subject
    words = [w.lower() for w in WORD.findall(following)]
    verb = next((i for i, w in enumerate(words[:16]) if w in REPORTING_VERBS), None)
    # "“…” Smith asked reporters on Monday." is an attribution; "Tulsa's chief said his department would …" is a new
    # sentence that says something of its own.
    return len(words) <= 22 and verb is not None and len(words) - verb - 1 <= 7
