"""The cues an attribution is read by (see tui.ingest.draft.speakers): reporting verbs and where a clause breaks,
"said X", "according to", "From X:", "In X's words", a dash signature."""

from __future__ import annotations

import re

from tui.ingest.draft.entities import Entities
from tui.ingest.draft.model import Span
from tui.ingest.draft.vocab import NOT_SPEAKING, REPORTING_VERBS
from tui.ingest.draft.who import Who

WORD = re.compile(r"[A-Za-z]+")
# "“…,” said X" and the present of features ("“…,” explains Sheriff X", "adds X").
INVERTED = frozenset(
    "said says added adds asked asks wrote writes continued continues explained explains tweeted recalled recalls "
    "noted notes insisted insists argued argues warned warns replied replies answered answers".split()
)
CLAUSE_BREAK = re.compile(
    r";|\s-\s|\bthat\b|,\s*while\b|\bwhile\b|,\s*but\b|\bbut\b|,\s*and\b|[”\"]|:|—|\b(?:after|before|when|because|since|"
    r"although|though|until|once|whereas|where)\b"
)
RELATIVE = re.compile(
    r",\s*who\s+(?:\w+\s+){0,3}?(?P<verb>said|says|told|wrote|tweeted|added|called|described|urged|warned|argued)\b"
)
INLINE = re.compile(
    r",\s*(?P<who>(?:he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))\s+(?:said|says|added|noted|explained)\s*,"
)
FROM_COLON = re.compile(
    r"(?:(?:^|[.!?]\s+)\s*From|(?:,|\b(?:statement|response|reply|letter|email|e-mail|message)\b[^:“”\"]{0,40}?)\s+from)"
    r"\s+(?P<who>[^:,“”\"]{2,80}?)(?:\s+(?:regarding|about|on|concerning|to)\b[^:“”\"]*)?:\s*$"
)
WORDS_OF = re.compile(
    r"\b(?:[Ii]n\s+(?P<who>[A-Z][\w.’' -]{1,60}?)(?:[’']s|[’'])\s+words|[Aa]s\s+(?P<who2>[^,“”\"]{2,80}?)\s+"
    r"(?:put\s+it|said|says|noted|wrote))\s*,"
)
SIGNATURE = re.compile(r"\s*(?:—|–|--)\s*(?P<who>[A-Z][^,\n—]{2,80}?)\s*(?:,[^\n]{0,60})?\s*$")
# The subject of a reported saying inside another ("said Tom Hale told her", "said the agent told her"): a few words,
# no comma, not a prepositional phrase or an object.
REPORTED_SUBJECT = re.compile(
    r"\s+(?!(?:in|on|at|to|for|with|by|from|during|after|before|of|about|over|into|against|as|whether|if|how|why|"
    r"what|when|it|him|her|them|us|me|reporters|that)\b)(?:(?!(?:who|which|that|whom)\b)[\w.’'-]+\s+){1,6}"
)
# "The video shows the officer leaning in and asking": what a recording or a witness shows someone doing.
PERCEIVED = re.compile(
    r"\b(?:shows?|showed|shown|showing|captures?|captured|depicts?|depicted|hears?|heard|sees?|saw|seen|records?|"
    r"recorded)\s+(?P<who>(?:the|a|an|one|two|his|her|their|[A-Z][\w’'.-]*)\s[^,;:“”\"]{0,60}?)(?=\s+[a-z]+ing\b)"
)
# "in what immigration officials described as “…”": the speaker is the subject inside the "what" clause.
WHAT_CALLED = re.compile(
    r"\bwhat\s+(?P<who>(?!(?:he|she|they|it|we|i|you)\s)[^,;:“”\"]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:described|describes|called|calls|termed|terms|dubbed|labeled|labelled|characterized|characterised)"
    r"(?:\s+as)?\s*$"
)
# "as a bystander shouts": "as" opening a clause with its own subject (the last one before the verb; not "such as").
AS_CLAUSE = re.compile(r"(?<!\bsuch)(?<!\bjust)\s+as\s+(?=(?:an?|the|one|another|his|her|their|[A-Z])\b)(?!.*\bas\s)")
APPOSITIVE_ASIDE = re.compile(r",\s+(?:a|an|the)\s[^,;“”\"]*,\s*$")
AND = re.compile(r"\band\b")
SHORT_ATTRIBUTION = re.compile(r"[\s,]*(?:[^,“”\"\s]+\s+){1,8}?(?:said|says|told|added|asked|wrote)\b")
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;“”\"]{2,80})", re.IGNORECASE)


def reporting(m: re.Match[str], text: str) -> bool:
    """A reporting verb; "states" only as "the bill states that …" ("Republican-led states" is a noun), "calls"
    only before what it calls ("calls her “the heart …”", not "respond to calls")."""
    word = m.group(0)
    if word.lower() == "states":
        return bool(re.match(r"\s+that\b|\s*:", text[m.end() : m.end() + 8]))
    if word.lower() in ("calls", "notes"):  # "calls her “the heart …”", never "respond to calls as usual"
        after = text[m.end() : m.end() + 40]
        return bool(re.match(r"\s+(?:(?:it|him|her|them|this|that|the\s+\w+|[A-Z][\w’'-]*)\s+)?(?:[“\"]|$)", after))
    return word.lower() in REPORTING_VERBS and word not in NOT_SPEAKING


def who_said(text: str, entities: Entities, before: Span) -> Who | None:
    """ "… Mayor David Holt, who wrote on Twitter that “…”": the person the relative clause hangs on (the
    first of "A and B, who said")."""
    clause = RELATIVE.search(text, before.start, before.end)
    if clause is None:
        return None
    people = [
        m
        for m in entities.mentions
        if before.start <= m.start and m.end <= clause.start() and m.kind in ("person", "org") and not m.possessive
    ]
    if not people:
        return None
    chosen = people[-1]
    for earlier in reversed(people[:-1]):
        if re.fullmatch(r"\s+(?:of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+)?and\s+", text[earlier.end : chosen.start]):
            chosen = earlier
    name = text[chosen.start : chosen.end]
    return Who(chosen.id, None, 0.7, f"“{name}, who {clause.group('verb')}”")
