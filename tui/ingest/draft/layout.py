"""The shape of a copied page: the date header, paragraphs, headlines and the page furniture after the article.

Real copied pages carry a section label, headlines, "RELATED:" links, promos and lists of other stories. Quotes in
those lines are not the article's quotations (a headline's 'scare quotes'), so each paragraph is classed as
`body`, `headline` or `furniture` before anything is drafted from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
TERMINAL = ".?!:;”\"’'…)"
# Lines that end an article on a copied page; what follows them is never the article.
END_MARKERS = re.compile(
    r"^(report a correction|related topics\b|top stories\b|more videos\b|copyright\b|©|sign up\b|subscribe\b"
    r"|follow us\b|stay connected\b|tune in\b|share this\b|advertisement\b|recommended\b|most popular\b)",
    re.IGNORECASE,
)
# Of those, the ones a page also sets between two paragraphs of the story (an ad slot, a newsletter promo): they end
# the article only when no paragraph of prose follows them.
INTERRUPTIONS = re.compile(r"^(advertisement\b|sign up\b|subscribe\b)", re.IGNORECASE)
FURNITURE = re.compile(r"^(related|read more|see also|watch|more|photos?|video|listen)\s*:", re.IGNORECASE)

PULL_QUOTE = re.compile(r"^[“\"].*[.?!][”\"]\s*(?:—|–|--)\s*\S")


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str  # "body" | "headline" | "furniture"
    index: int


def date_header(text: str) -> tuple[str, int, int] | None:
    """A leading 'date YYYY-MM-DD' line: (the date, start, end of 'date YYYY-MM-DD')."""
    match = DATE_HEADER.match(text)
    if not match:
        return None
    start = match.start(0) + len(match.group(0)) - len(match.group(0).lstrip())
    return match.group(1), start, match.end(0)


def paragraphs(text: str) -> list[Paragraph]:
    """Each non-empty line is a paragraph; hard-wrapped lines (long, no end punctuation) join the next line."""
    spans: list[list[int]] = []
    pos = 0
    joinable = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            start, end = pos + lead, pos + len(body.rstrip())
            if joinable and spans:
                spans[-1][1] = end
            else:
                spans.append([start, end])
            joinable = len(stripped) >= 60 and not stripped.endswith(tuple(TERMINAL))
        else:
            joinable = False
        pos += len(line)
    header = date_header(text)
    lines: list[tuple[int, int]] = []
    for start, end in spans:
        if header and start <= header[2] <= end:
            start = header[2]
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
        lines.append((start, end))
    result: list[Paragraph] = []
    ended = False
    for number, (start, end) in enumerate(lines):
        line = text[start:end]
        marker = END_MARKERS.match(line)
        if marker and not (INTERRUPTIONS.match(line) and _prose_follows(text, lines[number + 1 :])):
            ended = True
        kind = "furniture" if ended or marker or FURNITURE.match(line) else _kind(line)
        result.append(Paragraph(start, end, kind, len(result)))
    return result


def _prose_follows(text: str, rest: list[tuple[int, int]]) -> bool:
    """Whether the story goes on after an ad slot or a promo line: the next line that is not itself page
    furniture is a sentence of some length. After the end of an article come headlines and link lists instead."""
    for start, end in rest:
        line = text[start:end]
        if END_MARKERS.match(line) or FURNITURE.match(line):
            if INTERRUPTIONS.match(line):
                continue  # two ad slots in a row
            return False
        return len(line.split()) >= 10 and line.endswith(tuple(TERMINAL))
    return False


def _kind(line: str) -> str:
    words = line.split()
    if line.endswith(tuple(TERMINAL)) or len(words) > 24:
        return "body"
    if PULL_QUOTE.match(line):
        return "body"  # “…” — Sheriff Ann Lee, Fulton County: a quotation signed by its speaker
    return "headline"


def headline(text: str, paras: list[Paragraph]) -> tuple[int, int] | None:
    """The article's headline: the first headline-like line of three words or more before the first body line."""
    for para in paras:
        if para.kind == "body":
            return None
        if para.kind == "headline" and len(text[para.start : para.end].split()) >= 3:
            return para.start, para.end
    return None
