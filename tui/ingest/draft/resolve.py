"""Who a stretch of words names: an entity at its head, a pronoun or "the mayor" pointing back, or a description.

The rule that keeps drafts honest: a subject phrase is credited to an entity only when the entity is its head
("The San Francisco Police Department said", "Schaaf's counterpart, San Francisco Mayor London Breed, said"). A
phrase that merely contains a name ("a spokesman for the LAPD", "the head of the NYPD sergeants' union") keeps the
article's own words as a description and is never given the organisation as its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.ingest.draft.entities import Entities, Mention
from tui.ingest.draft.model import Span

ADVERBIAL = re.compile(
    r"^(?:in|on|at|during|after|before|since|from|with|without|speaking|asked|responding|earlier|later|last|this|"
    r"according|despite|echoing|similarly|however|meanwhile|still|yet|separately|instead|then|now|also|today|"
    r"outside|inside|near|across|among|amid|under|over|through|throughout|along|around|behind|beyond|at|every|"
    r"yesterday|two|three|several|for|by|when|while\s+(?:in|at|on|speaking)|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|[a-z]+ly)\b",
    re.IGNORECASE,
)
LEAD = re.compile(
    r"^(?:and|but|while|as|so|also|then|however|meanwhile|that|even though|though|although|because|"
    r"when|where|if)(?:\s+|$)",
    re.IGNORECASE,
)
TAIL = re.compile(
    r"(?:\s+(?:had|has|have|was|were|is|are|did|does|do|also|later|then|previously|again|originally|once|first|"
    r"further|would|will|could|had|already|has\s+since|on\s+\w+|in\s+a\s+\w+(?:\s+\w+)?|last\s+\w+|this\s+\w+|"
    r"earlier|at\s+the\s+time|\w+ly))+\s*$",
    re.IGNORECASE,
)
PERSON_PRONOUNS = {"he", "she", "his", "her", "i"}
GROUP_PRONOUNS = {"they", "their", "we", "our"}
ORG_PRONOUNS = {"it", "its"}
PRONOUN = re.compile(
    r"^(he|she|they|it|his|her|their|its|we|our)\b(?:\s+(statement|tweet|letter|post|"
    r"office|spokesman|spokeswoman|spokesperson|campaign))?",
    re.IGNORECASE,
)
TITLE_PHRASE = re.compile(
    r"^(?:(?:the|The)\s+)?(?:(?P<q>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?:[’']s)?\s+)?"
    r"(?:(?:city|city’s|city's|department’s|department's|police|new|acting|former|top|state’s|state's|county’s)\s+)*"
    r"(?P<t>mayor|governor|president|police chief|chief|police commissioner|commissioner|sheriff|senator|speaker|"
    r"secretary|director|superintendent|attorney general)"
    r"(?:\s+of\s+(?:nearby\s+|the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?\s*$"
)
ORG_WORDS = re.compile(
    r"^(?:the|The)\s+(?:city’s\s+|city's\s+)?(?P<w>department|police department|police|agency|"
    r"office|sheriff’s office|sheriff's office)\s*$"
)
MODIFIED = re.compile(
    r"\s+(?:officials?|officers?|agents?|spokes(?:man|woman|person)|leaders?|deputies|employees|staff|workers|"
    r"lawyers?|attorneys?|members?|supporters|critics|sources?|representatives?|investigators?|personnel|union)\b"
)
ISSUED = re.compile(
    r"^(?:the|that|this|a)\s+(?:joint\s+|written\s+)?(?:statement|letter|tweet|post|release|email|memo)\s*$"
)
SAYING = re.compile(r"\b(?:said|says|told|asked|added|recalled|explained)\b")
DETERMINER = re.compile(
    r"^(?:(?:the|The|former|Former|then-|acting|Acting|state|State|county|federal|city|U\.S\.)\s+)+"
)
DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[\w. ]+?)?\s*(?:\([^)]*\))?\s*(?:—|–|--)\s*")
PLACE_WORDS = re.compile(
    r"(?:(?:(?!(?:The|A|An|In|On|At|He|She|They|It|We|But|And)\s)[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w.’'-]*"
    r"|d[’']\w+|de|del|la|los|las)\s+){0,7}"
)


@dataclass
class Who:
    speaker: str | None = None
    description: Span | None = None
    confidence: float = 0.0
    reason: str = ""


def blank_asides(text: str, start: int, end: int) -> str:
    """text[start:end] with parentheses and comma-enclosed asides (", who ...,", ", echoing ...,") as spaces."""
    work = list(text[start:end])
    chunk = text[start:end]
    participle = r"(?!(?:acting|during|including|according|morning|evening|building|spring)\b)\w+ing"
    for regex in (
        r"\([^()]*\)",
        rf",\s*(?:who|which|whose|whom|{participle})\b[^,“”\"]*,",
        r",\s*(?:who|which)\b[^,“”\"]*$",
    ):
        for m in re.finditer(regex, chunk):
            keep_comma = regex.startswith(",") and m.group(0).endswith(",")
            for i in range(m.start(), m.end() - (1 if keep_comma else 0)):
                work[i] = " "
            if keep_comma:
                work[m.start()] = ","
    return "".join(work)


class Resolver:
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
            b = a + len(stripped)
            if not stripped or (ADVERBIAL.match(stripped) and not self._mention_at(a, b)):
                continue
            found = self.head(a, b)
            if found.speaker or (found.description is not None and found.reason):
                return found  # a named entity, or a pronoun that points back to a described person
            if re.fullmatch(r"(?:he|she|they|it|we|i|this|that|there|what|which)", stripped, re.I):
                continue  # a pronoun with nobody to point back to is no description of a speaker
            if description is None:
                description = found.description or Span(a, b)
        if description is not None:
            words = self.text[description.start : description.end]
            if len(words.split()) <= 14 and any(ch.isalpha() for ch in words):
                return Who(None, description, 0.6, "an unnamed speaker: the article's own description")
        return Who()

    def head(self, a: int, b: int) -> Who:
        phrase = self.text[a:b]
        mention = self._mention_at(a, b)
        if mention is not None:
            return Who(mention.id, None, 0.9, f"named: “{self.text[mention.start : mention.end]}”")
        pronoun = PRONOUN.match(phrase)
        if pronoun:
            word = pronoun.group(1).lower()
            if pronoun.end() == len(phrase.rstrip()) or pronoun.group(2):
                return self.pronoun(word, a)
        title = TITLE_PHRASE.match(phrase)
        if title:
            who = self.title(title.group("t"), title.group("q") or title.group("place"), a)
            if who.speaker:
                return who
        issued = ISSUED.match(phrase)
        if issued:  # "“…,” the statement said": whoever was last named as issuing or saying something
            target = self._recent(a, self.people_ids | self.org_ids)
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: of the person or body named before")
        org = ORG_WORDS.match(phrase)
        if org:
            kind = "police" if "police" in org.group("w") or "department" in org.group("w") else None
            target = self._recent(a, {o.id for o in self.entities.orgs if kind is None or o.kind == kind})
            if target:
                return Who(target, None, 0.6, f"“{phrase}”: the {kind or 'body'} named before")
        return Who(None, Span(a, b), 0.0, "")

    def _mention_at(self, a: int, b: int) -> Mention | None:
        """The person or body the phrase text[a:b] opens with: after "the", and after capitalised words of a
        place the drafter does not know ("Saint Ham Springs City Attorney José Phạm")."""
        lead = DETERMINER.match(self.text[a:b])
        place = PLACE_WORDS.match(self.text, a + (lead.end() if lead else 0), b)
        limit = place.end() if place else a + (lead.end() if lead else 0)
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
            if getattr(org, "kind", None) == "media" and m.end < b - 2:
                continue  # "CNN anchor Jake Doe": the outlet qualifies the speaker, it is not the speaker
            if MODIFIED.match(self.text, m.end, b):
                continue  # "ICE agents", "LAPD officers": the body's people, not the body
            return m
        return None

    def pronoun(self, word: str, at: int) -> Who:
        if word in ORG_PRONOUNS:
            target = self._recent(at, self.org_ids | self.people_ids, prefer_org=True)
            return Who(target, None, 0.6, f"“{word}”: the body named before") if target else Who()
        candidates = self.people_ids
        if word in PERSON_PRONOUNS and word != "i":
            wanted = "f" if word in ("she", "her") else "m"
            genders = self.genders()
            candidates = {p for p in self.people_ids if genders.get(p, wanted) == wanted}
        target = self._recent(at, candidates)
        if target is None and word in GROUP_PRONOUNS:
            target = self._recent(at, self.org_ids)
        if target is None:
            return self._described(word, at)
        if word in GROUP_PRONOUNS:
            return Who(target, None, 0.5, f"“{word}”: a group; the person named before is one of them")
        return Who(target, None, 0.75, f"“{word}”: the person named before")

    def _described(self, word: str, at: int) -> Who:
        """A pronoun nobody named fits: the unnamed person the sentence before (or this one) opened with, as the
        article describes them ("Maria, a 29-year-old mother from Guatemala, said she …; “…,” she said")."""
        if word not in PERSON_PRONOUNS:
            return Who()
        before = [s for s in self.sentences if s.start < at][-2:]
        for sentence in reversed(before):
            verb = SAYING.search(self.text, sentence.start, min(sentence.end, at))
            if verb is None or verb.start() - sentence.start > 200:
                continue
            who = self.subject(sentence.start, verb.start())
            if who.description is not None and not who.speaker:
                return Who(None, who.description, 0.5, f"“{word}”: the person the article describes just before")
        return Who()

    def genders(self) -> dict[str, str]:
        """'m' or 'f' for people the article itself marks: Mr./Ms., a -man/-woman title, or the first he/his or
        she/her after them in a sentence they open (with nobody else named in between). Unmarked people fit any
        pronoun; a person marked both ways is left unmarked."""
        cached: dict[str, str] | None = getattr(self, "_genders", None)
        if cached is not None:
            return cached
        found: dict[str, set[str]] = {}
        for p in self.entities.people:
            words = f"{self.text[p.mention.start : p.mention.end]} {p.title or ''}"
            if re.search(r"\b(?:Mr\.|\w+man)\b", words) and not re.search(r"\w+woman\b", words):
                found.setdefault(p.id, set()).add("m")
            if re.search(r"\b(?:Mrs\.|Ms\.|\w+woman)\b", words):
                found.setdefault(p.id, set()).add("f")
        people = [m for m in self.entities.mentions if m.kind == "person"]
        for sentence in self.sentences:
            subject = next(
                (m for m in people if sentence.start <= m.start < sentence.end and self._is_subject(m)), None
            )
            if subject is None:
                continue
            rest = self.text[subject.end : sentence.end]
            rest = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group(0)), rest)  # not inside quotations
            # "her" and "him" are left out: as objects they usually point at someone else ("to take her in").
            pronoun = re.search(r"\b(?:(he|his|himself)|(she|hers|herself))\b", rest, re.IGNORECASE)
            if pronoun is None:
                continue
            if any(m.id != subject.id and subject.end <= m.start < subject.end + pronoun.start() for m in people):
                continue
            found.setdefault(subject.id, set()).add("m" if pronoun.group(1) else "f")
        self._genders = {who: marks.pop() for who, marks in found.items() if len(marks) == 1}
        return self._genders

    def title(self, title: str, qualifier: str | None, at: int) -> Who:
        people = [p for p in self.entities.people if p.title and title in p.title.lower()]
        if qualifier:
            city = next((c for c in self.entities.cities if c.name == qualifier), None)
            narrowed = [p for p in people if (city and p.city == city.id) or qualifier in (p.title or "")]
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
        if not raw.strip() or re.search(r"[”\"],?\s*$|\b(?:said|says|added)\s+$", raw):
            return True
        if not raw.rstrip().endswith(","):
            return False
        prefix = re.sub(r"[“\"][^”\"]*[”\"]", " ", raw).strip()
        # An introductory phrase may itself hold commas ("With some cities vowing to not only …, but …, X said").
        return bool(ADVERBIAL.match(prefix))
