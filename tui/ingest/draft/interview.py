"""Quotations whose speaker the layout gives, not a reporting verb: a Q&A's answers, a statement read out.

- "Q: …" / "A: “…”": every answer is the interviewee's: the speaker of the answer before, else the person the
  introduction (the paragraphs before the first question) names most often.
- "X read a long statement before the vote." followed by paragraphs that are only the statement (see
  Attributor._introduced, which uses STATEMENT_CUE).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from tui.ingest.draft import dates
from tui.ingest.draft.model import Quote, Span
from tui.ingest.draft.resolve import Who
from tui.ingest.draft.speaker_cues import FROM_COLON

if TYPE_CHECKING:
    from datetime import date

    from tui.ingest.draft.entities import Entities
    from tui.ingest.draft.layout import Paragraph
    from tui.ingest.draft.quotes import Tweet
    from tui.ingest.draft.resolve import Resolver
    from tui.ingest.draft.speakers import Attributor

ANSWER = re.compile(r"\s*(?:A|Answer)\s*[:.]\s*\Z")
QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.]\s")
STATEMENT_CUE = re.compile(
    r"\b(?:read|delivered|issued|released|gave|made|posted|shared|sent|published|tweeted)\s+"
    r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|remarks|speech|letter|testimony|message)\b"
)


def answer(attributor: Attributor, quote: Quote, previous: Quote | None) -> Who | None:
    if quote.outer is None:
        return None
    text = attributor.text
    para = next(p for p in attributor.paras if p.index == quote.paragraph)
    if not ANSWER.match(text[para.start : quote.outer.start]):
        return None
    if previous is not None and previous.speaker and previous.reason.endswith("the interviewee"):
        return Who(previous.speaker, None, 0.7, "an answer in a Q&A: the interviewee")
    first_q = next((p for p in attributor.paras if p.kind == "body" and QUESTION.match(text, p.start, p.end)), None)
    if first_q is None:
        return None
    intro = [p for p in attributor.paras if p.kind == "body" and p.index < first_q.index]
    counts = Counter(
        m.id
        for m in attributor.entities.mentions
        if m.kind == "person" and any(p.start <= m.start < p.end for p in intro)
    )
    if not counts:
        return None
    who = counts.most_common(1)[0][0]
    return Who(who, None, 0.7, "an answer in a Q&A: the interviewee")


SAID_AT_END = re.compile(
    r",\s*(?P<who>he|she|they|the\s+[a-z]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:says|said|adds|added|"
    r"explains|explained|recalls|recalled|recounts|recounted|writes|wrote)(?:\s+(?:to|in|on)\s+[^,.“”\"]{1,40})?"
    r"\.\s*$"
)


def said_before(attributor: Attributor, sentence: Span) -> Who | None:
    """ "He wants to be a firefighter, she says. “He tells everyone …”": a quotation with no attribution of its own
    after a sentence of the same paragraph that ends with one."""
    earlier = [s for s in attributor.sentences if s.end <= sentence.start]
    if not earlier:
        return None
    last = earlier[-1]
    same_para = [p for p in attributor.paras if p.start <= last.start < p.end and p.start <= sentence.start < p.end]
    words = attributor.text[last.start : last.end]
    if not same_para or any(mark in words for mark in '“”"'):
        return None
    tail = SAID_AT_END.search(words)
    if tail is None:
        return None
    who = attributor.resolver.subject(last.start + tail.start("who"), last.start + tail.end("who"))
    if who.speaker is None:
        return None
    who.confidence = min(who.confidence, 0.6)
    who.reason = f"attributed at the end of the sentence before: {who.reason}"
    return who


class LayoutMixin:
    """Attributor's speakers from the page's layout: a quotation with no attribution of its own continues the one
    before it or is introduced by the paragraph before (a colon, a statement read out, a Q&A, a name line), and
    embedded tweets."""

    text: str
    paras: list[Paragraph]
    quotes: list[Quote]
    sentences: list[Span]
    tweets: list[Tweet]
    entities: Entities
    resolver: Resolver
    published: date | None

    def quotes_in(self, sentence: Span) -> list[Quote]:
        raise NotImplementedError

    def _para(self, quote: Quote) -> Paragraph:
        raise NotImplementedError

    def _introduced(self, quote: Quote) -> Who | None:
        """A paragraph that opens with a quotation after a paragraph ending "… put it this way:"."""
        para = self._para(quote)
        if quote.outer is None or self.text[para.start : quote.outer.start].strip():
            return None
        before = [p for p in self.paras if p.kind == "body" and p.index < para.index]
        if not before:
            return None
        last = [s for s in self.sentences if before[-1].start <= s.start < before[-1].end]
        if not last:
            return None
        end = before[-1].end - 1
        cue = STATEMENT_CUE.search(self.text, last[-1].start, last[-1].end)
        if cue is not None:  # "Mayor X posted the following statement on social media on June 27:": X
            end = cue.start()
        if not self.text[before[-1].start : before[-1].end].rstrip().endswith(":"):
            # "X read a long statement before the vote." and then the statement, paragraph by paragraph
            cue = STATEMENT_CUE.search(self.text, last[-1].start, last[-1].end)
            if cue is None or self.quotes_in(last[-1]):
                return None
            end = cue.start()
        source = FROM_COLON.search(self.text, last[-1].start, before[-1].end)
        if source is not None:  # "Here is the full statement from an ICE spokeswoman regarding …:"
            who = self.resolver.subject(source.start("who"), source.end("who"))
            if who.speaker or who.description:
                who.confidence = min(who.confidence, 0.6)
                who.reason = f"a statement introduced as “from” its author: {who.reason}"
                return who
        who = self.resolver.subject(last[-1].start, end)
        if who.speaker is None:
            return None
        who.confidence = min(who.confidence, 0.7)
        who.reason = f"introduced by the paragraph before, ending in a colon: {who.reason}"
        return who

    def _continuation(self, quote: Quote, previous: Quote | None, sentence: Span) -> Who:
        introduced = (
            self._introduced(quote)
            or answer(self, quote, previous)  # type: ignore[arg-type]
            or said_before(self, sentence)  # type: ignore[arg-type]
            or self._standing_alone(quote)
        )
        if introduced is not None:
            return introduced
        lead_in = self._lead_in(quote, previous)
        if lead_in is not None:
            return lead_in
        if previous is None or previous.tweet or (previous.speaker is None and previous.speaker_description is None):
            return Who()
        same_para = previous.paragraph == quote.paragraph
        if not same_para:
            gap = self.text[previous.outer.end : quote.outer.start] if previous.outer and quote.outer else ""  # type: ignore[union-attr]
            prev_para = next((p for p in self.paras if p.index == previous.paragraph), None)
            starts_para = self.text[self._para(quote).start : quote.outer.start].strip() == ""  # type: ignore[union-attr]
            body_between = [
                p
                for p in self.paras
                if p.kind == "body" and previous.paragraph < p.index < quote.paragraph and not self._question(p)
            ]
            if not starts_para or body_between or prev_para is None or len(gap) > 400:
                return Who()
        # A person named as the subject between the two quotations takes over ("… Young said. Harrison disagreed.")
        between = Span(previous.outer.end, quote.outer.start)  # type: ignore[union-attr]
        for m in reversed(self.entities.mentions):
            if between.start <= m.start < between.end and m.kind == "person" and m.id != previous.speaker:
                if self.resolver._is_subject(m):
                    return Who(m.id, None, 0.5, "the person named between this quotation and the one before")
        description = None
        if previous.speaker is None and previous.speaker_description and previous.outer:
            description = None
        who = Who(
            previous.speaker,
            description,
            0.8 if same_para else 0.6,
            "continues the quotation before it" + ("" if same_para else " (previous paragraph)"),
        )
        if previous.speaker is None:
            quote.speaker_description = previous.speaker_description
        return who

    def _lead_in(self, quote: Quote, previous: Quote | None) -> Who | None:
        """ "Okonkwo-Hale pressed him on cost. “Who pays for the beds?”": a quotation with no attribution after a
        sentence of its own paragraph that quotes nobody and opens with a named person is that person's."""
        para = self._para(quote)
        if quote.outer is None or (previous is not None and previous.paragraph == quote.paragraph):
            return None
        lead = self.text[para.start : quote.outer.start]
        if not lead.strip() or any(mark in lead for mark in '“”"') or not re.search(r"[.!?]\s*$", lead):
            return None
        people = [m for m in self.entities.mentions if m.kind == "person" and para.start <= m.start < quote.outer.start]
        if not people or not self.resolver._is_subject(people[0]) or len({m.id for m in people}) > 1:
            return None
        name = self.text[people[0].start : people[0].end]
        return Who(people[0].id, None, 0.5, f"the person the paragraph's sentence before opens with, “{name}”")

    def _question(self, para: Paragraph) -> bool:
        """A Q&A's question set as its own paragraph ("What changed?"): the answer after it is the interviewee's."""
        words = self.text[para.start : para.end]
        return words.rstrip().endswith("?") and not any(mark in words for mark in '“”"') and len(words) < 300

    def _standing_alone(self, quote: Quote) -> Who | None:
        """ "Mayor Ana Ruiz spoke first." then a paragraph that is only a quotation: the person the paragraph before
        (which quotes nobody) ends on, as its subject. News sets a speaker's words apart like this."""
        para = self._para(quote)
        if quote.outer is None or re.search(r"\w", self.text[para.start : quote.outer.start]):
            return None
        if re.search(r"\w", self.text[quote.outer.end : para.end]) or len(self.quotes_of(para)) != 1:
            return None
        before = [p for p in self.paras if p.index < para.index and p.kind != "furniture"]
        if not before:
            return None
        line = before[-1]
        named = [m for m in self.entities.mentions if m.kind == "person" and line.start <= m.start < line.end]
        if (
            named
            and re.fullmatch(r"[-–—•*·]?\s*(?:[A-Z][\w.]*\s+)*?", self.text[line.start : named[0].start])
            and (re.fullmatch(r"\s*:?\s*", self.text[named[0].end : line.end]))
        ):  # "Tom Hale" (or "Mayor Tom Hale:") alone on the line before the answer
            name = self.text[named[0].start : named[0].end]
            return Who(named[0].id, None, 0.7, f"the line before the quotation is the name “{name}”")
        if line.kind != "body" or self.quotes_of(line):
            return None
        last_words = [s for s in self.sentences if line.start <= s.start < line.end]
        tail = SAID_AT_END.search(self.text, last_words[-1].start, last_words[-1].end) if last_words else None
        if tail is not None:  # "She was uncomfortable, the pastor recounted." then the pastor's words alone
            who = self.resolver.subject(tail.start("who"), tail.end("who"))
            if who.speaker or who.description:
                who.confidence = min(who.confidence, 0.5)
                who.reason = f"a quotation alone after a paragraph attributed at its end: {who.reason}"
                return who
        last = [s for s in self.sentences if before[-1].start <= s.start < before[-1].end]
        if not last:
            return None
        people = [
            m
            for m in self.entities.mentions
            if m.kind == "person" and last[-1].start <= m.start < last[-1].end and not m.possessive
        ]
        if not people or not self.resolver._is_subject(people[0]):
            return None
        name = self.text[people[0].start : people[0].end]
        return Who(people[0].id, None, 0.45, f"a paragraph that is only a quotation, after one about “{name}”")

    def quotes_of(self, para: Paragraph) -> list[Quote]:
        return [q for q in self.quotes if q.paragraph == para.index]

    def _tweet(self, quote: Quote) -> None:
        tweet = next(t for t in self.tweets if t.span.start == quote.span.start)
        person = next(
            (
                m
                for m in self.entities.mentions
                if m.kind in ("person", "org") and tweet.name.start <= m.start < tweet.name.end + 1
            ),
            None,
        )
        quote.speaker = person.id if person else None
        if person is None:
            quote.speaker_description = self.text[tweet.name.start : tweet.name.end]
        value = dates.find(self.text, tweet.date.start, tweet.date.end, self.published)
        if value and value[0].value:
            quote.date, quote.date_precision, quote.date_evidence = value[0].value, "day", tweet.date
        quote.confidence = 0.9 if person else 0.6
        quote.reason = "an embedded tweet; speaker and date from its signature line"
