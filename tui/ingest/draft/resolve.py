"""Who a stretch of words names: an entity at its head, a pronoun or "the mayor" pointing back, or a description.

The rule that keeps drafts honest: a subject phrase is credited to an entity only when the entity is its head
("The San Francisco Police Department said", "Schaaf's counterpart, San Francisco Mayor London Breed, said"). A
phrase that merely contains a name ("a spokesman for the LAPD", "the head of the NYPD sergeants' union") keeps the
article's own words as a description and is never given the organisation as its speaker.
"""

from __future__ import annotations

import re

from tui.ingest.draft import anaphora, roles
from tui.ingest.draft.entities import Entities, Mention
from tui.ingest.draft.model import Span
from tui.ingest.draft.phrases import (
    ADVERBIAL,
    APPOSITIVE_HEAD,
    BODY_KIND,
    COPULA_NAME,
    DATELINE_LEAD,
    DETERMINER,
    DISTRICT_WORDS,
    GOVERNMENT,
    GROUP_PRONOUNS,
    GROUP_WORDS,
    INVERTED_HEAD,
    ISSUED,
    ISSUED_FROM,
    KIN_BEFORE_NAME,
    LEAD,
    LOWER_ROLE,
    MODIFIED,
    ORG_PRONOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    PREDICATE,
    PRONOUN,
    QUALIFIES,
    RELATIVE_WORD,
    SPEECH_NOUN,
    SPOKESPEOPLE,
    TAIL,
    TITLE_PHRASE,
    blank_asides,
    of_kind,
)
from tui.ingest.draft.pronouns import OBJECT, PERSON_PRONOUNS, REPLY, PronounMixin
from tui.ingest.draft.who import Who


class Resolver(PronounMixin):
    def __init__(self, text: str, entities: Entities, quotes_outer: list[Span], sentences: list[Span]) -> None:
        self.text, self.entities = text, entities
        self.quotes_outer = quotes_outer
        self.sentences = sentences
        self.people_ids = {p.id for p in entities.people}
        self.org_ids = {o.id for o in entities.orgs}
        self.speaker_mentions: list[tuple[int, str]] = []  # (position, id) of resolved quote speakers

    def subject(self, start: int, end: int) -> Who:
        """Who the phrase text[start:end] (the words before a reporting verb, or after "said") names."""
        work = blank_asides(self.text, start, end)
        dateline = DATELINE_LEAD.match(work)
        if dateline and re.search(r"(?:^|\n)\s*$", self.text[max(0, start - 3) : start]):
            work = " " * dateline.end() + work[dateline.end() :]  # "EDGARTOWN, Mass. (Reuters) - …": no speaker
        bullet = re.match(r"\s*[-–—•*·]+\s+", work)
        if bullet and re.search(r"(?:^|\n)\s*$", self.text[max(0, start - 3) : start]):
            work = " " * bullet.end() + work[bullet.end() :]  # "- Mayor Ana Ruiz, Akron: “…”": a list's bullet
        description: Span | None = None
        pos = 0
        for piece in work.split(","):
            a = start + pos
            pos += len(piece) + 1
            stripped = piece.strip()
            if not stripped:
                continue
            a += len(piece) - len(piece.lstrip())
            lead = LEAD.match(stripped)
            if lead:
                a += lead.end()
                stripped = stripped[lead.end() :]
            tail = TAIL.search(stripped)
            if tail and tail.start() > 0:
                stripped = stripped[: tail.start()]
            verb = PREDICATE.search(stripped)
            if verb and not RELATIVE_WORD.search(stripped, 0, verb.end()):
                # "A federal judge on Friday ordered the release …, saying": the subject ends where its verb starts
                stripped = stripped[: verb.end()].rstrip()
                tail = TAIL.search(stripped)
                stripped = stripped[: tail.start()] if tail and tail.start() > 0 else stripped
            b = a + len(stripped)
            if not stripped or (ADVERBIAL.match(stripped) and not self._mention_at(a, b)):
                continue
            found = self.head(a, b)
            if found.speaker or (found.description is not None and found.reason):
                return found  # a named entity, or a pronoun that points back to a described person
            if re.fullmatch(r"(?:he|she|they|it|we|i|this|that|there|what|which|one|another|each)", stripped, re.I):
                continue  # a pronoun with nobody to point back to ("One read: …") is no description of a speaker
            if description is None:
                description = found.description or Span(a, b)
        if description is not None:
            member = anaphora.joined_member(self.text, description, self.entities, self.sentences)
            if member is not None:
                return Who(member, None, 0.5, "a group's words: the named member who joined it")
            earlier = anaphora.antecedent(self.text, description)
            if earlier is not None:
                return Who(None, earlier, 0.55, "an unnamed speaker: the article's first description of them")
            words = self.text[description.start : description.end]
            if len(words.split()) <= 14 and any(ch.isalpha() for ch in words):
                return Who(None, description, 0.6, "an unnamed speaker: the article's own description")
        return Who()

    def head(self, a: int, b: int) -> Who:
        phrase = self.text[a:b]
        mention = self._mention_at(a, b)
        if mention is not None:
            return Who(mention.id, None, 0.9, f"named: “{self.text[mention.start : mention.end]}”")
        owner = next((m for m in self.entities.mentions if m.start >= a and m.possessive and m.kind == "person"), None)
        if owner is not None and owner.start < b and SPEECH_NOUN.match(self.text, owner.end, b):
            # "Mayor Ana Ruiz's message to ICE: “…”": the words are the person's own
            return Who(owner.id, None, 0.7, f"“{self.text[owner.start : b].strip()}”: the person's own words")
        pronoun = PRONOUN.match(phrase)
        if pronoun:
            word = pronoun.group(1).lower()
            if pronoun.group(2) and pronoun.group(2).lower() in SPOKESPEOPLE:
                return Who(None, Span(a, b), 0.0, "")  # "his office said": the office's words, not the person's
            if pronoun.end() == len(phrase.rstrip()) or pronoun.group(2):
                return self.pronoun(word, a)
            if word in ("he", "she", "they") and re.match(r"\s+[a-z]+(?:ed|s)\b", phrase[pronoun.end() :]):
                return self.pronoun(word, a)  # "She expressed disappointment … and contended “…”": she
        title = TITLE_PHRASE.match(phrase)
        if title:
            who = self.title(title.group("t"), title.group("q") or title.group("place"), a)
            if who.speaker:
                return who
        role = roles.definite(self, a, b)
        if role is not None:  # "the provost", "the judge", "the family's lawyer": the person of that role
            return role
        body = roles.body(self, a, b)
        if body is not None:  # "the company said": the company named before
            return body
        issuer = ISSUED_FROM.match(phrase)
        if issuer:  # "A statement from the Farmworker Alliance said": the body that issued it
            named = self._mention_at(a + issuer.start("who"), b)
            if named is not None:
                return Who(named.id, None, 0.85, f"“{phrase}”: named as the issuer")
        issued = ISSUED.match(phrase)
        if issued:  # "“…,” the statement said": whoever was last named as issuing or saying something
            unnamed = roles.unnamed_issuer(self, a)
            if unnamed is not None:  # "An ICE spokesman wouldn't give details. “…,” a statement read."
                return unnamed
            sender = roles.sender(self, a)
            if sender is not None:  # "The district sent a message to families. “…,” the message read."
                return sender
            target = self._recent(a, self.people_ids | self.org_ids)
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: of the person or body named before")
        if DISTRICT_WORDS.match(phrase):  # "the district said": the school district named before
            districts = {o.id for o in self.entities.orgs if re.search(r"(?:ISD|USD|District|Schools)$", o.name)}
            target = self._recent(a, districts) if districts else None
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: the school district named before")
        group = GROUP_WORDS.match(phrase)
        if group:  # "the group said": the body last introduced as a group, never any other body named before
            groups = {o.id for o in self.entities.orgs if anaphora.introduced_as_group(self.text, o.mention.end)}
            target = self._recent(a, groups) if groups else None
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: the body the article introduced as a group")
            civic = {o.id for o in self.entities.orgs if o.kind == "office" and not GOVERNMENT.search(o.name)}
            earlier = [m for m in self.entities.mentions if m.start < a and m.kind in ("org", "person")]
            last = earlier[-1] if earlier else None
            if last is not None and last.id in civic and self._is_subject(last) and a - last.start < 400:
                # "The ACLU sued. In its complaint, the group said": the body the sentence before opened with
                return Who(last.id, None, 0.55, f"“{phrase}”: the body named just before, as its sentence's subject")
        org = ORG_WORDS.match(phrase)
        if org:  # "the department said": a body of that kind named before, never the outlet reporting it
            word = org.group("w")
            fits = {o.id for o in self.entities.orgs if o.kind != "media" and of_kind(word, o.kind, o.name)}
            target = self._recent(a, fits)
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: the {word.split()[-1]} named before")
        return Who(None, Span(a, b), 0.0, "")

    def _mention_at(self, a: int, b: int) -> Mention | None:
        """The person or body the phrase text[a:b] opens with: after "the", and after capitalised words of a
        place the drafter does not know ("Saint Ham Springs City Attorney José Phạm")."""
        lead = DETERMINER.match(self.text[a:b])
        place = PLACE_WORDS.match(self.text, a + (lead.end() if lead else 0), b)
        limit = place.end() if place else a + (lead.end() if lead else 0)
        role = LOWER_ROLE.match(self.text, limit, b)  # "said council president Maria Ortiz"
        limit = role.end() if role else limit
        kind = BODY_KIND.match(self.text, limit, b)  # "the advocacy group Mijente"
        limit = kind.end() if kind else limit
        kin = KIN_BEFORE_NAME.match(self.text, limit, b)  # "her 4-year-old son Antonio"
        limit = kin.end() if kin else limit
        owner = next((m for m in self.entities.mentions if m.possessive and a <= m.start <= limit and m.end < b), None)
        if owner is not None:  # "the Department of Homeland Security's Office of Inspector General": the office
            limit = max(limit, owner.end + 3)
        candidates = [
            m
            for m in self.entities.mentions
            if a <= m.start <= limit and m.start < b and m.kind in ("person", "org") and not m.possessive
        ]
        # "Madison City Council Member Deborah Smith", "LAPD Chief Michel Moore": the body only qualifies the person.
        people = [m for m in candidates if m.kind == "person"]
        if people:
            return people[0]
        for m in candidates:
            org = self.entities.by_id(m.id)
            person = next((x for x in self.entities.mentions if x.kind == "person" and m.end < x.start < b), None)
            if person is not None and QUALIFIES.fullmatch(self.text, m.end, person.start):
                return person  # "ICE acting Director Tom Hale": the body and a role only qualify the person
            if getattr(org, "kind", None) == "media" and m.end < b - 2:
                continue  # "CNN anchor Jake Doe": the outlet qualifies the speaker, it is not the speaker
            if MODIFIED.match(self.text, m.end, b):
                continue  # "ICE agents", "LAPD officers": the body's people, not the body
            return m
        return None

    def pronoun(self, word: str, at: int) -> Who:
        if word in ORG_PRONOUNS:  # "it said": a body named before, never the outlet that reports it
            media = {o.id for o in self.entities.orgs if o.kind == "media"}
            target = self._recent(at, (self.org_ids - media) | self.people_ids, prefer_org=True)
            return Who(target, None, 0.6, f"“{word}”: the body named before") if target else Who()
        if word in GROUP_PRONOUNS:
            group = self._group(word, at)
            if group is not None:
                return group
        if word in ("he", "she"):
            latest = self._described_last(word, at)
            if latest is not None:
                return latest
        candidates = self.people_ids
        if word in PERSON_PRONOUNS and word != "i":
            wanted = "f" if word in ("she", "her") else "m"
            genders = self.genders()
            candidates = {p for p in self.people_ids if genders.get(p, wanted) == wanted}
        target = self._recent(at, candidates)
        replies = REPLY.match(self.text, at)
        if target is not None and replies and self._calls_other(target, word, at):
            # "Okonkwo-Hale pressed him on cost. … “…,” he answered": a reply is the one addressed, not the asker
            other = self._recent(at, candidates - {target})
            if other is not None:
                return Who(other, None, 0.6, f"“{word}”: the one the sentence before calls “{OBJECT[word]}”")
        if target is None and word in GROUP_PRONOUNS:  # a body, never the outlet that reports it ("(AP)")
            target = self._recent(at, {o.id for o in self.entities.orgs if o.kind != "media"})
        if target is None:
            return self._described(word, at)
        if word in GROUP_PRONOUNS:
            return Who(target, None, 0.5, f"“{word}”: a group; the person named before is one of them")
        return Who(target, None, 0.75, f"“{word}”: the person named before")

    def title(self, title: str, qualifier: str | None, at: int) -> Who:
        people = [p for p in self.entities.people if p.title and title in p.title.lower()]
        if qualifier in ("Republican", "Democratic", "Democrat", "GOP", "Independent", "Former", "New"):
            qualifier = None  # "the Republican governor": a party, not a place that narrows who it is
        if qualifier:
            city = next((c for c in self.entities.cities if c.name == qualifier), None)
            narrowed = [
                p
                for p in people
                if (city and p.city == city.id) or qualifier in (p.title or "") or p.state == qualifier
            ]
            people = narrowed
        ids = {p.id for p in people}
        target = self._recent(at, ids) if ids else None
        if target is None and len(people) == 1:
            target = people[0].id
        if target is None:
            return Who()
        return Who(target, None, 0.75, f"“the {title}”: the only or last {title} named")

    def _recent(self, at: int, ids: set[str], prefer_org: bool = False) -> str | None:
        """The entity in `ids` named last before `at` as a subject (else named last at all), outside quotations."""
        para_floor = self._para_floor(at)
        best_any: str | None = None
        best_subject: str | None = None
        for m in self.entities.mentions:
            if m.start >= at:
                break
            if m.id not in ids or m.start < para_floor or self._in_quote(m.start):
                continue
            best_any = m.id
            if self._is_subject(m):
                best_subject = m.id
        for pos, who in self.speaker_mentions:
            if pos < at and who in ids and pos >= para_floor:
                best_subject = who if best_subject is None or pos > self._last_pos(best_subject, at) else best_subject
        return best_subject or best_any

    def _last_pos(self, entity_id: str, at: int) -> int:
        spots = [m.start for m in self.entities.mentions if m.id == entity_id and m.start < at]
        return max(spots, default=-1)

    def _para_floor(self, at: int) -> int:
        starts = [s.start for s in self.sentences if s.start <= at]
        return starts[-6] if len(starts) >= 6 else 0

    def _in_quote(self, pos: int) -> bool:
        return any(q.start < pos < q.end for q in self.quotes_outer)

    def _is_subject(self, m: Mention) -> bool:
        """Does the mention open its clause ("On Friday, Mayor X said", "“…,” Harrison said", "said Acevedo")?"""
        sentence = next((s for s in self.sentences if s.start <= m.start < s.end), None)
        if sentence is None:
            return False
        raw = self.text[sentence.start : m.start]
        raw = raw[DATELINE_LEAD.match(raw).end() :] if DATELINE_LEAD.match(raw) else raw  # type: ignore[union-attr]
        raw = re.sub(r"(?:^|(?<=\s))(?:the|The)\s+$", "", raw)  # "Every night, the Rev. X unlocks …"
        if DETERMINER.fullmatch(raw) or (PLACE_WORDS.fullmatch(raw) and not re.search(r"[,.;:]", raw)):
            return True  # "El Paso County Sheriff Luis Ortega said": a place before the title
        if not raw.strip() or re.search(r"[”\"],?\s*$", raw):
            return True
        if re.search(r"\b(?:said|says|added)\s+$", raw) and not re.match(r"\s+[a-z]", self.text[m.end : m.end + 3]):
            return True  # "“…,” said Acevedo." — not "said Abbott was trying …", whose Abbott is the object's subject
        # "according to her lawyer, Ana Ruiz.": the name in apposition is the one the sentence cites
        cited = re.search(r"\baccording\s+to\s+(?:(?:his|her|their|its|the)\s+[^,.;:“”\"]{1,60},\s*)?$", raw)
        if INVERTED_HEAD.match(raw) or cited or COPULA_NAME.search(raw):
            return True  # "Among those watching was Ana Ruiz", "according to Rev. X": the one the sentence quotes
        if APPOSITIVE_HEAD.fullmatch(raw) and re.match(r"\s*(?:\([^)]*\))?\s*,", self.text[m.end : m.end + 30]):
            return True  # "The Multnomah County sheriff, Nicole Ortiz, said": the name in apposition is the subject
        if not raw.rstrip().endswith(","):
            return False
        prefix = re.sub(r"[“\"][^”\"]*[”\"]", " ", raw).strip()
        # An introductory phrase may itself hold commas ("With some cities vowing to not only …, but …, X said").
        return bool(ADVERBIAL.match(prefix))
