"""Words that point back to a speaker the article introduced earlier, by kind of sentence.

- "the spokesman said" after "a DPS spokesman said …": the article's first, fuller description of the same person;
- "the coalition writes" after "Attorney General X joined a coalition …": the named member (the gold convention
  for a group's statement, as for "their statement read");
- "“…,” they said" after "Members of the coalition said they …": the group the sentence before opened with, not
  one person named earlier (see Resolver.pronoun).
"""

from __future__ import annotations

import re

from tui.ingest.draft.entities import Entities
from tui.ingest.draft.model import Span

DEFINITE = re.compile(r"(?:the|The)\s+(?P<head>[a-z]+(?:\s+[a-z]+)?)")
FUNCTION_WORDS = frozenset("the a an of and or to in on at for with by".split())
COLLECTIVE = re.compile(r"(?:the|The)\s+(?P<noun>coalition|group|alliance|signatories)")
JOINED = re.compile(r"\b(?:joined|co-led|signed|led)\b[^.;]{0,80}?\b(?P<noun>coalition|group|alliance|other|letter)\b")
GROUP_NOUN = re.compile(
    r"\b(?:members|officials|leaders|advocates|organizers|organisers|protesters|residents|activists|groups|families|"
    r"workers|parents|students|supporters|critics|coalition|group|alliance|union|mayors|lawmakers|council)\b",
    re.IGNORECASE,
)
DOCUMENTS = frozenset(
    "statement letter release report memo tweet post email order ruling lawsuit bill law measure ordinance directive "
    "policy rule".split()
)
WINDOW = 2000  # how far back (characters) an antecedent may be: a few paragraphs


def antecedent(text: str, description: Span) -> Span | None:
    """'the spokesman' -> the nearest earlier 'a DPS spokesman' / 'an agency spokesman for ICE' (same head noun)."""
    phrase = text[description.start : description.end]
    m = DEFINITE.fullmatch(phrase)
    if m is None:
        return None
    words = m.group("head").split()
    if any(w in FUNCTION_WORDS for w in words):
        return None
    head = words[-1]
    if head in DOCUMENTS:
        return None  # "the letter says": the document itself, whatever earlier letter the article mentions
    pattern = re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,3}}?{re.escape(head)}\b"
        r"(?:\s+(?:for|with|at|of)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|and))*)?"
    )
    found = [x for x in pattern.finditer(text, max(0, description.start - WINDOW), description.start)]
    if not found:
        return None
    best = found[-1]
    return Span(best.start(), best.end())


def joined_member(text: str, description: Span, entities: Entities, sentences: list[Span]) -> str | None:
    """'the coalition' -> the person named as the subject of an earlier "… joined a coalition …" sentence."""
    m = COLLECTIVE.fullmatch(text[description.start : description.end])
    if m is None:
        return None
    for sentence in reversed([s for s in sentences if s.end <= description.start][-8:]):
        joined = JOINED.search(text, sentence.start, sentence.end)
        if joined is None:
            continue
        people = [x for x in entities.mentions if x.kind == "person" and sentence.start <= x.start < joined.start()]
        if people:
            return people[0].id
    return None


def is_group(text: str, description: Span) -> bool:
    """Is the description a group of people ("Members of the coalition", "dozens of protesters")?"""
    if GROUP_NOUN.search(text, description.start, description.end):
        return True
    # A plural head noun ("Analysts on the call", "Two nurses who …") is a group too: never "he" or "she".
    head = HEAD.match(text, description.start, description.end)
    return bool(head and PLURAL.fullmatch(head.group("noun")))


# The head noun of a description: its last word before a preposition, a relative word or a comma.
HEAD = re.compile(
    r"(?:[\w’'-]+\s+){0,4}?(?P<noun>[A-Za-z]+)(?=\s+(?:of|on|at|for|from|in|with|who|that|whose|outside|near)\b|\s*$|,)"
)
PLURAL = re.compile(r"[A-Za-z]{2,}s(?<!ss)(?<!us)(?<!is)")


INTRODUCED_AS_GROUP = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:group|nonprofit|organization|organisation|coalition|network|charity|"
    r"chapter|affiliate)\b"
)


def introduced_as_group(text: str, end: int) -> bool:
    """Is the body named just before `end` followed by ", an immigrant advocacy group"?"""
    return bool(INTRODUCED_AS_GROUP.match(text, end))
