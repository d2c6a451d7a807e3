"""When a quotation was said: its own sentence's date words, else the occasion its speaker was last placed at.

News gives a date once and lets the following quotations inherit it: "President Trump on Saturday defended …"
then "Trump said that “…”". An occasion is a dated sentence whose subject is a person or body. It dates that
speaker's undated quotations in the same or the next paragraph, or anywhere after "at the time"; an occasion in
the article's first sentence (the lede, which states what the story is about) dates that speaker's undated
quotations throughout the article, until another dated occasion of theirs intervenes. A quotation whose words
appear in an embedded tweet takes the tweet's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.ingest.draft import dates
from tui.ingest.draft.model import Quote, Span

if TYPE_CHECKING:
    from tui.ingest.draft.speakers import Attributor

LIST_SUBJECT = re.compile(
    r"\s*(?P<a>(?:[A-Z][\w.]*[’']s\s+)?[\w ’']{2,60}?)\s+(?:and|&)\s+(?P<b>[\w ’']{2,40}?)\s+[a-z]+\b"
)
TITLE_SUBJECT = re.compile(
    r"(?:(?:the|The)\s+)?(?:(?P<q>[A-Z][\w.]*)[’']s\s+)?(?P<t>mayor|governor|police commissioner|commissioner|"
    r"police chief|chief|sheriff|president)$"
)


@dataclass
class Occasion:
    at: int
    who: str
    date: str | None
    precision: str | None
    evidence: Span | None
    lede: bool
    medium: str | None = None


class Occasions:
    def __init__(self, attributor: Attributor) -> None:
        self.a = attributor
        self.found: list[Occasion] = []

    def record(self) -> None:
        a = self.a
        skip = [q.outer for q in a.quotes if q.outer]
        body = [p for p in a.paras if p.kind == "body"]
        lede = next((s for s in a.sentences if body and body[0].start <= s.start < body[0].end), None)
        for sentence in a.sentences:
            found = [d for d in dates.find(a.text, sentence.start, sentence.end, a.published, skip) if d.value]
            medium = self._medium_cue(sentence)
            if not found and medium is None:
                continue
            first = found[0] if found else None
            for who in self._subjects(sentence):
                self.found.append(
                    Occasion(
                        sentence.start,
                        who,
                        first.value if first else None,
                        first.precision if first else None,
                        first.span if first else None,
                        sentence is lede,
                        medium,
                    )
                )

    def _medium_cue(self, sentence: Span) -> str | None:
        words = self.a.text[sentence.start : sentence.end]
        told = re.search(
            r"\b(?:told|appeared on|in an interview with|speaking (?:to|with))\s+"
            r"(?P<o>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})",
            words,
        )
        if told:
            org = next(
                (
                    o
                    for o in self.a.entities.orgs
                    if o.kind == "media"
                    and told.group("o").removeprefix("the ").startswith(o.name.removeprefix("The "))
                ),
                None,
            )
            if org is not None:
                return f"interview ({org.name})"
        return None

    def _subjects(self, sentence: Span) -> list[str]:
        a = self.a
        who: list[str] = []
        for m in a.entities.mentions:
            if sentence.start <= m.start < sentence.end and m.kind in ("person", "org") and not m.possessive:
                if a.resolver._is_subject(m) and m.id not in who:
                    who.append(m.id)
        head = LIST_SUBJECT.match(a.text, sentence.start, sentence.end)
        if head:  # "Baltimore’s mayor and police commissioner elaborated Wednesday …"
            words = a.text[head.start("b") : sentence.end].split()
            tries = (TITLE_SUBJECT.match(" ".join(words[:n])) for n in (3, 2, 1))
            second = next((t for t in tries if t), None)
            for match in (TITLE_SUBJECT.match(head.group("a").strip()), second):
                if match:
                    found = a.resolver.title(match.group("t"), match.group("q"), sentence.end)
                    if found.speaker and found.speaker not in who:
                        who.append(found.speaker)
        return who

    def medium(self, who: str, at: int) -> str | None:
        occasion = self._last(who, at, False, lambda o: o.medium is not None)
        return occasion.medium if occasion and not occasion.lede else None

    def date(self, quote: Quote, sentence: Span) -> None:
        a = self.a
        assert quote.outer is not None
        tweet = a._tweet_containing(quote)
        if tweet is not None:
            value = dates.find(a.text, tweet.date.start, tweet.date.end, a.published)
            author = next(
                (
                    m.id
                    for m in a.entities.mentions
                    if m.kind == "person" and tweet.name.start <= m.start <= tweet.name.end
                ),
                None,
            )
            if value and value[0].value and (author is None or author == quote.speaker):
                quote.date, quote.date_precision, quote.date_evidence = value[0].value, "day", tweet.date
                quote.reason += "; date from the embedded tweet with these words"
                return
        skip = [q.outer for q in a.quotes if q.outer]
        cache: dict[int, list[dates.DateExpr]] = self.__dict__.setdefault("_dates", {})
        if sentence.start not in cache:
            cache[sentence.start] = dates.find(a.text, sentence.start, sentence.end, a.published, skip)
        found = cache[sentence.start]
        own = next((d for d in found if d.value), None)
        at_the_time = any(d.inherit for d in found)
        if own is not None and not at_the_time:
            quote.date, quote.date_precision, quote.date_evidence = own.value, own.precision, own.span
            if quote.speaker:
                self.found.append(Occasion(quote.outer.start, quote.speaker, own.value, own.precision, own.span, False))
            return
        if quote.speaker is None:
            return
        occasion = self._last(quote.speaker, quote.outer.start, at_the_time, lambda o: o.date is not None)
        if occasion is not None:
            quote.date, quote.date_precision, quote.date_evidence = occasion.date, occasion.precision, occasion.evidence
            where = "the article's first sentence" if occasion.lede else "an earlier sentence"
            quote.reason += f"; date from {where} about the same speaker"
            quote.confidence = round(quote.confidence * 0.85, 2)
            self.found.append(
                Occasion(
                    quote.outer.start,
                    quote.speaker,
                    occasion.date,
                    occasion.precision,
                    occasion.evidence,
                    occasion.lede,
                )
            )

    def _last(self, who: str, at: int, at_the_time: bool, wanted) -> Occasion | None:  # type: ignore[no-untyped-def]
        a = self.a
        here = next((p.index for p in a.paras if p.start <= at < p.end), 0)
        body = [p.index for p in a.paras if p.kind == "body" and p.index < here]
        window = {here, *body[-1:]}
        latest = True
        for occasion in sorted(self.found, key=lambda o: o.at, reverse=True):
            if occasion.at >= at or occasion.who != who or not wanted(occasion):
                continue
            para = next((p.index for p in a.paras if p.start <= occasion.at < p.end), -1)
            if occasion.lede or (latest and (at_the_time or para in window)):
                return occasion
            latest = False  # an older occasion out of reach: only the lede's can still date this quotation
        return None
