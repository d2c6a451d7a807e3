"""The medium of a quotation (statement, tweet, interview with an outlet, letter, …) from the words around it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.ingest.draft.model import Quote, Span
from tui.ingest.draft.quotes import Tweet
from tui.search import fold

if TYPE_CHECKING:
    from tui.ingest.draft.entities import Entities
    from tui.ingest.draft.occasions import Occasions

MEDIA = (
    (re.compile(r"\bjoint statement\b", re.I), "joint statement"),
    (re.compile(r"\b(?:tweet|tweeted|on Twitter|Twitter)\b"), "tweet"),
    (re.compile(r"\bstatement\b", re.I), "statement"),
    (re.compile(r"\b(?:letter)\b", re.I), "letter"),
    (re.compile(r"\b(?:Facebook)\b"), "Facebook post"),
    (re.compile(r"\b(?:op-ed|column)\b", re.I), "op-ed"),
    (
        re.compile(
            r"\b(?:news conference|press conference|told reporters|speaking to reporters"
            r"|(?:in|during|his|her|their) remarks)\b",
            re.I,
        ),
        "remarks",
    ),
    (re.compile(r"\b(?:testimony|testified|hearing)\b", re.I), "testimony"),
    (re.compile(r"\b(?:speech)\b", re.I), "speech"),
    (re.compile(r"\b(?:email|e-mail)\b", re.I), "email"),
    (re.compile(r"\binterview\b", re.I), "interview"),
)


class MediumMixin:
    """Part of the Attributor (tui.ingest.draft.speakers): what it knows of the article, and the medium rules."""

    text: str
    quotes: list[Quote]
    tweets: list[Tweet]
    entities: Entities
    occasions: Occasions

    def quotes_in(self, sentence: Span) -> list[Quote]:
        raise NotImplementedError  # the Attributor's

    def _outside(self, span: Span) -> str:
        """The sentence's words outside its quotations."""
        chars = list(self.text[span.start : span.end])
        for q in self.quotes_in(span):
            assert q.outer is not None
            for i in range(q.outer.start - span.start, min(q.outer.end, span.end) - span.start):
                chars[i] = " "
        return "".join(chars)

    def _cues(self, sentence: Span) -> list[tuple[int, str]]:
        """Every medium named in the sentence outside its quotations, with where (worked out once a sentence)."""
        cache: dict[int, list[tuple[int, str]]] = self.__dict__.setdefault("_cue_cache", {})
        if sentence.start in cache:
            return cache[sentence.start]
        words = self._outside(sentence)
        cues: list[tuple[int, str]] = []
        for regex, medium in MEDIA:
            cues += [(m.start(), medium) for m in regex.finditer(words)]
        for m in re.finditer(r"\b(?:told|on|with|to)\s+(?P<outlet>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})", words):
            outlet = m.group("outlet").removeprefix("The ")
            org = next(
                (o for o in self.entities.orgs if o.kind == "media" and outlet.startswith(o.name.removeprefix("The "))),
                None,
            )
            if org is not None:
                cues.append((m.start(), f"interview ({org.name})"))
        cache[sentence.start] = cues
        return cues

    def _medium(self, quote: Quote, sentence: Span, own: Span) -> None:
        """The medium named nearest the quotation ("in a statement", "told CNN", "in a tweet"): in the words that
        attribute it (`own`) if they name one, else anywhere in its sentence."""
        assert quote.outer is not None
        cues = list(self._cues(sentence))
        if not cues and quote.medium is None and quote.speaker:
            quote.medium = self.occasions.medium(quote.speaker, quote.outer.start)
        if cues:
            q_start, q_end = quote.outer.start - sentence.start, quote.outer.end - sentence.start
            inside = own.start - sentence.start, own.end - sentence.start
            cues.sort(key=lambda c: (not inside[0] <= c[0] < inside[1], min(abs(c[0] - q_start), abs(c[0] - q_end))))
            quote.medium = cues[0][1]
        tweet = self._tweet_containing(quote)
        if tweet is not None and quote.medium is None:
            quote.medium = "tweet"

    def _tweet_containing(self, quote: Quote) -> Tweet | None:
        """The embedded tweet whose words include this quotation's (folded: case and accents aside)."""
        if not self.tweets:
            return None
        words = fold(self.text[quote.span.start : quote.span.end])
        if len(words.split()) < 2:
            return None
        folded = self.__dict__.setdefault("_folded_tweets", {})
        for tweet in self.tweets:
            if tweet.span.start not in folded:
                folded[tweet.span.start] = fold(self.text[tweet.span.start : tweet.span.end])
            if words in folded[tweet.span.start]:
                return tweet
        return None
