"""Who said each quotation, in what medium and when.

In order of trust: an attribution right after the quotation ("“…,” Harrison said", "said Acevedo", "their
statement read"); a reporting verb before it in the same clause ("Mayor Lori Lightfoot (D) announced that …
“…”", across asides and parentheses); a quotation with no attribution in its sentence continues the speaker of
the quotation before it (a split quotation, or a paragraph that is only a quotation). Pronouns and "the mayor"
point back to the person last named as a subject. A tweet's speaker is its signature.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from tui.ingest.draft import roles
from tui.ingest.draft.entities import GAVE_NAME, Entities
from tui.ingest.draft.interview import LayoutMixin
from tui.ingest.draft.layout import Paragraph
from tui.ingest.draft.medium import MediumMixin
from tui.ingest.draft.model import Quote, Span
from tui.ingest.draft.occasions import Occasions
from tui.ingest.draft.quotes import Tweet
from tui.ingest.draft.resolve import Resolver, Who, blank_asides
from tui.ingest.draft.sentences import split
from tui.ingest.draft.speaker_cues import (
    ACCORDING,
    AND,
    APPOSITIVE_ASIDE,
    AS_CLAUSE,
    CLAUSE_BREAK,
    FROM_COLON,
    INLINE,
    INVERTED,
    PERCEIVED,
    RELATIVE,
    REPORTED_SUBJECT,
    SHORT_ATTRIBUTION,
    SIGNATURE,
    WHAT_CALLED,
    WORD,
    WORDS_OF,
    reporting,
    who_said,
)


class Attributor(MediumMixin, LayoutMixin):
    def __init__(
        self,
        text: str,
        paras: list[Paragraph],
        quotes: list[Quote],
        tweets: list[Tweet],
        entities: Entities,
        published: date | None,
    ) -> None:
        self.text, self.paras, self.quotes, self.tweets = text, paras, quotes, tweets
        self.entities, self.published = entities, published
        self.sentences: list[Span] = []
        for para in paras:
            if para.kind == "body":
                inside = [q for q in quotes if not q.tweet and para.start <= q.span.start < para.end]
                self.sentences += split(text, para.start, para.end, inside)
        outer = [q.outer for q in quotes if q.outer]
        self.resolver = Resolver(text, entities, outer, self.sentences)
        self.occasions = Occasions(self)
        self.sentence_starts = [s.start for s in self.sentences]
        self.body_quotes = sorted((q for q in quotes if q.outer and not q.tweet), key=lambda q: q.outer.start)  # type: ignore[union-attr]
        self.quote_starts = [q.outer.start for q in self.body_quotes]  # type: ignore[union-attr]

    def run(self) -> None:
        self.occasions.record()
        previous: Quote | None = None
        for quote in self.quotes:
            if quote.tweet:
                self._tweet(quote)
            else:
                self._quote(quote, previous)
                if quote.speaker and quote.outer:
                    self.resolver.speaker_mentions.append((quote.outer.start, quote.speaker))
            previous = quote
        # A quotation running over paragraphs is attributed once, usually in its last paragraph.
        for quote, after in reversed(list(zip(self.quotes, self.quotes[1:], strict=False))):
            if quote.marks == "unclosed" and quote.speaker is None and quote.speaker_description is None:
                if after.paragraph == quote.paragraph + 1 and (after.speaker or after.speaker_description):
                    quote.speaker, quote.speaker_description = after.speaker, after.speaker_description
                    quote.confidence = round(0.5 * 0.8, 2)
                    quote.reason = (
                        "unclosed quote marks; speaker: the attribution of the same quotation's next paragraph"
                    )

    # --- speaker -----------------------------------------------------------------------------------

    def _sentence(self, at: int) -> Span:
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        return self.sentences[i] if i >= 0 and at < self.sentences[i].end else Span(at, at)

    def quotes_in(self, sentence: Span) -> list[Quote]:
        """The (non-tweet) quotations that open inside `sentence`, in order."""
        lo = bisect.bisect_left(self.quote_starts, sentence.start)
        hi = bisect.bisect_left(self.quote_starts, sentence.end)
        return self.body_quotes[lo:hi]

    def _quote(self, quote: Quote, previous: Quote | None) -> None:
        assert quote.outer is not None
        sentence = self._sentence(quote.outer.start)
        in_sentence = self.quotes_in(sentence)
        index = bisect.bisect_left([q.outer.start for q in in_sentence], quote.outer.start)  # type: ignore[union-attr]
        before = Span(in_sentence[index - 1].outer.end if index else sentence.start, quote.outer.start)  # type: ignore[union-attr]
        nxt = in_sentence[index + 1].outer.start if index + 1 < len(in_sentence) else sentence.end  # type: ignore[union-attr]
        after = Span(quote.outer.end, nxt)
        # "“A,” she urged residents to “B”": words running into the next quotation introduce it, not this one.
        into_next = index + 1 < len(in_sentence) and not self.text[after.start : after.end].rstrip().endswith(
            (",", ".", ":")
        )
        short = SHORT_ATTRIBUTION.match(self.text, after.start, after.end) if into_next else None
        # "“A,” Rep. X said Monday after chastising him for “B.”": a plain "X said" right after the quotation is
        # still its attribution, even when the sentence runs on into another quotation.
        who = self._after(Span(after.start, short.end())) if short else None if into_next else self._after(after)
        who = who or self._before(before, sentence, in_sentence[index - 1] if index else None)
        if who is None or (who.speaker is None and who.description is None):
            who = self._continuation(quote, previous, sentence)
        if who.speaker is None and who.description is not None:
            who = roles.named_later(self.resolver, who.description) or who  # "… The mother, Ana Ruiz, 34, …"
        quote.speaker = who.speaker
        if who.description is not None:
            quote.speaker_description = self.text[who.description.start : who.description.end]
        span_conf = {"curly": 0.95, "straight": 0.9, "mixed": 0.85, "unclosed": 0.5}.get(quote.marks, 0.8)
        quote.confidence = round(span_conf * (who.confidence or 0.3), 2)
        quote.reason = f"{quote.marks} quote marks; speaker: {who.reason or 'not found'}"
        if who.reason.startswith("continues") and previous is not None and quote.medium is None:
            quote.medium = previous.medium
        self._medium(quote, sentence, Span(before.start, quote.outer.end if into_next else after.end))
        self.occasions.date(quote, sentence)

    def _verbs(self, span: Span) -> list[re.Match[str]]:
        return [m for m in WORD.finditer(self.text, span.start, span.end) if reporting(m, self.text)]

    def _after(self, after: Span) -> Who | None:
        text = self.text
        lead = re.match(r"[\s,;—–-]*", text[after.start : after.end])
        start = after.start + (lead.end() if lead else 0)
        if start >= after.end:
            return None
        bare = next((m for m in self.entities.mentions if m.start == start and m.kind == "person"), None)
        if bare is not None and re.fullmatch(r"[\s.]*", text[bare.end : after.end]):
            # “…,” Saenz.: a name and nothing else after the quotation (the verb left out) is still its speaker
            return Who(bare.id, None, 0.6, f"a name right after the quote: “{text[bare.start : bare.end]}”")
        according = ACCORDING.match(text, start, after.end)
        if according:  # “…,” according to Mayor Tom Hale.
            who = self.resolver.subject(according.start("who"), according.end("who"))
            if who.speaker or who.description:
                who.reason = f"“according to” after the quote, {who.reason}"
                return who
        signed = SIGNATURE.match(text, after.start, after.end)
        if signed:  # “…” — Sheriff Ann Lee, Fulton County
            who = self.resolver.subject(signed.start("who"), signed.end("who"))
            if who.speaker or who.description:
                who.reason = f"signed after the quote, {who.reason}"
                return who
        first = WORD.match(text, start)
        given = GAVE_NAME.search(text, start, after.end) if first and first.group(0).lower() in INVERTED else None
        named = next((m for m in self.entities.mentions if m.start == given.start("name")), None) if given else None
        if given and named:  # “…,” said a man who gave only his first name, Jorge.
            return Who(named.id, None, 0.8, f"after the quote, the first name given: “{given.group('name')}”")
        if first and first.group(0).lower() in INVERTED:  # “…,” said Acevedo.
            stop = re.search(
                r"[,.;:!?]|\s(?:in|on|at|during|as|after|before|when|while|who|to)\s", text[first.end() : after.end]
            )
            end = first.end() + (stop.start() if stop else after.end - first.end())
            who = self.resolver.subject(first.end(), end)
            comma = re.match(r",\s+", text[end : end + 3])
            at = end + comma.end() if comma else -1
            person = next((m for m in self.entities.mentions if m.start == at and m.kind == "person"), None)
            if who.speaker is None and person is not None:
                # “…,” said his daughter, Sofia Vega, 17.: the name in apposition to the description
                who = Who(person.id, None, 0.85, f"named in apposition: “{text[person.start : person.end]}”")
            if who.speaker or who.description:
                who.confidence = max(who.confidence, 0.9 if who.speaker else 0.6)
                who.reason = f"after the quote, {who.reason}"
                return who
        verbs = self._verbs(Span(start, min(after.end, start + 180)))
        if not verbs:
            return None
        verb = verbs[0]
        subject = text[start : verb.start()]
        if not subject.strip() or re.match(r"\s*(?:and|but|while|as|because|which|who|that|to)\b", subject):
            return None
        subject = re.sub(r"[“\"][A-Z][a-z]+[”\"]", "", subject)  # a nickname inside a name is not a quotation
        subject = APPOSITIVE_ASIDE.sub(",", subject)  # "a spokesperson for X, an Austin-based group, told"
        if len(subject.split()) > 12 or "“" in subject or '"' in subject:
            return None
        who = self.resolver.subject(start, verb.start())
        if who.speaker or who.description:
            who.reason = f"after the quote, {who.reason}"
            who.confidence = max(who.confidence, 0.9 if who.speaker and who.confidence >= 0.9 else who.confidence)
            return who
        return None

    def _before(self, before: Span, sentence: Span, earlier: Quote | None) -> Who | None:
        work = blank_asides(self.text, before.start, before.end)
        what = WHAT_CALLED.search(work)
        if what:  # "in what immigration officials described as “…”": the subject of the "what" clause
            who = self.resolver.subject(before.start + what.start("who"), before.start + what.end("who"))
            if who.speaker or who.description:
                who.reason = f"“what … {what.group(0).split()[-1]}”, {who.reason}"
                return who
        inline = INLINE.search(work)
        if inline:  # "Many of them, she said, described …": the attribution set off by commas
            who = self.resolver.subject(before.start + inline.start("who"), before.start + inline.end("who"))
            if who.speaker:
                who.reason = f"“{inline.group(0).strip(', ')}” inside the sentence, {who.reason}"
                return who
        words_of = WORDS_OF.search(work)
        if words_of:  # "In Barrios' words, …" / "As one sheriff put it, …"
            group = "who" if words_of.group("who") else "who2"
            who = self.resolver.subject(before.start + words_of.start(group), before.start + words_of.end(group))
            if who.speaker or who.description:
                who.reason = f"“{words_of.group(0).strip(' ,')}”, {who.reason}"
                return who
        according = ACCORDING.search(work)
        if according and any(reporting(m, work) for m in WORD.finditer(work, according.end())):
            according = None  # "According to the minutes, Johnson had said …": the sentence's own speaker
        if according:
            who = self.resolver.subject(before.start + according.start("who"), before.start + according.end("who"))
            if who.speaker or who.description:
                who.reason = f"“according to”, {who.reason}"
                return who
        verbs = [m for m in WORD.finditer(work) if reporting(m, work)]
        hangs = RELATIVE.search(self.text, before.start, before.end)
        if hangs and (not verbs or before.start + verbs[-1].start() < hangs.start()):
            relative = who_said(self.text, self.entities, before)
            if relative is not None:  # "Tom Hale was praised by Sen. Ana Ruiz, who called …": the clause's verb
                return relative
        if verbs:
            verb = verbs[-1]
            breaks = [m.end() for m in CLAUSE_BREAK.finditer(work, 0, verb.start())]
            aside = APPOSITIVE_ASIDE.search(work, 0, verb.start())
            if aside:  # "Ruiz, a Democrat who took office after a close race, said": no clause starts inside it
                breaks = [x for x in breaks if x <= aside.start()]
            joined = AS_CLAUSE.search(work, 0, verb.start())
            if joined and "," not in work[joined.end() : verb.start()] and joined.end() > max(breaks, default=0):
                breaks.append(joined.end())  # "… a man from his truck as a bystander shouts, “…”": the bystander
            clause = breaks[-1] if breaks else 0
            if verb.group(0).endswith("ing") and work[: verb.start()].rstrip().endswith(","):
                clause = 0  # "Gov. X vetoed a bill that would …, calling it “…”": the sentence's own subject
            if len(verbs) > 1 and verbs[-2].start() >= clause:
                # "supporters called overdue and the sheriff called “…”": a second subject after "and"
                joins = [m.end() for m in AND.finditer(work, verbs[-2].end(), verb.start())]
                clause = joins[-1] if joins else clause
                if not joins and REPORTED_SUBJECT.fullmatch(work, verbs[-2].end(), verb.start()):
                    clause = verbs[-2].end()  # "Ana Ruiz said Tom Hale told her …": the words are Hale's
            seen = PERCEIVED.search(work, clause, verb.start()) if verb.group(0).endswith("ing") else None
            if seen:  # "The video shows the officer leaning in and asking, “…”": the one seen asking
                who = self.resolver.subject(before.start + seen.start("who"), before.start + seen.end("who"))
                if who.speaker or who.description:
                    who.reason = f"“{verb.group(0)}”, the one the sentence shows doing it, {who.reason}"
                    return who
            who = self.resolver.subject(before.start + clause, before.start + verb.start())
            if who.speaker or who.description:
                who.reason = f"“{verb.group(0)}” before the quote, {who.reason}"
                return who
            if not re.search(r"[A-Za-z]", work[clause : verb.start()].replace("and", "").replace("but", "")):
                # "X described it as “A” and said “B”": the verbs share the subject of the quotation before.
                if earlier is not None and (earlier.speaker or earlier.speaker_description):
                    return Who(
                        earlier.speaker, None, 0.85, f"“{verb.group(0)}” shares the subject of the quotation before"
                    )
                if earlier is None and breaks and before.start == sentence.start:
                    # "She told the lawmakers …, and said they lack “outdoor time”": the first clause's subject
                    first = [m for m in WORD.finditer(work, 0, breaks[-1]) if m.group(0)[:1].islower()]
                    who = self.resolver.subject(before.start, before.start + first[0].start()) if first else Who()
                    if who.speaker or who.description:
                        who.confidence = min(who.confidence, 0.6)
                        who.reason = f"“{verb.group(0)}” shares the first clause's subject, {who.reason}"
                        return who
        source = FROM_COLON.search(work)
        if source:  # "From ICE's Atlanta field office: “…”": whoever the words come from
            who = self.resolver.subject(before.start + source.start("who"), before.start + source.end("who"))
            if who.speaker or who.description:
                who.confidence = min(who.confidence, 0.6)
                who.reason = f"“From …:” before the quote, {who.reason}"
                return who
        if work.rstrip().endswith(":") and work.strip():
            breaks = [m.end() for m in CLAUSE_BREAK.finditer(work, 0, len(work.rstrip()) - 1)]
            who = self.resolver.subject(
                before.start + (breaks[-1] if breaks else 0), before.start + len(work.rstrip()) - 1
            )
            if who.speaker:
                who.confidence = min(who.confidence, 0.7)
                who.reason = f"introduced with a colon, {who.reason}"
                return who
        relative = who_said(self.text, self.entities, before)
        if relative is not None:
            return relative
        if before.start == sentence.start:
            return self._sentence_subject(before, work)
        return None

    def _sentence_subject(self, before: Span, work: str) -> Who | None:
        """No reporting verb: the subject of the sentence, if it is a person or body named at its head
        ("President X threatened to cut grants to cities that “…”") or a described group doing something
        ("a small group of protesters chanted “…”")."""
        verb = re.search(r"\b[a-z]{3,}ed\b", work)
        end = before.start + (verb.start() if verb else len(work))
        who = self.resolver.subject(before.start, end)
        if who.speaker is None and who.description is None:
            return None
        if who.description is not None:
            words = self.text[who.description.start : who.description.end]
            if verb is None or not re.match(
                r"(?:an?|the|some|several|many|dozens|hundreds|one|two|three)\b", words, re.I
            ):
                return None
        who.confidence = min(who.confidence, 0.5)
        who.reason = f"no reporting verb; the sentence's subject, {who.reason}"
        return who

    def _para(self, quote: Quote) -> Paragraph:
        return next(p for p in self.paras if p.index == quote.paragraph)


def attribute(
    text: str,
    paras: list[Paragraph],
    quotes: list[Quote],
    tweets: list[Tweet],
    entities: Entities,
    published: date | None,
) -> list[Span]:
    attributor = Attributor(text, paras, quotes, tweets, entities, published)
    attributor.run()
    return attributor.sentences
