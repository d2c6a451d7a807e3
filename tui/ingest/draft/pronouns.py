"""Pronouns (a mixin of resolve.Resolver): a group's "they", an unnamed person's "she", who is a man or a woman."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.ingest.draft import anaphora
from tui.ingest.draft.given_names import gender_of
from tui.ingest.draft.model import Span
from tui.ingest.draft.who import Who

if TYPE_CHECKING:
    from tui.ingest.draft.entities import Entities, Mention


FEMALE_KIN = {"wife", "mother", "daughter", "sister", "widow", "grandmother", "aunt", "niece", "girlfriend"}
MALE_KIN = {"husband", "father", "son", "brother", "widower", "grandfather", "uncle", "nephew", "boyfriend"}
KINSHIP = re.compile(
    r"\b(" + "|".join(sorted(FEMALE_KIN | MALE_KIN)) + r"|\w*(?:wo)?man),\s*(?:[^,]{0,20},\s*)?$", re.IGNORECASE
)
PAST = re.compile(r"\b[a-z]{3,}ed\b")  # "The groups reviewed 52 deaths": the verb after a group subject
PERSON_PRONOUNS = {"he", "she", "his", "her", "i"}
GAVE_AS = re.compile(r"\b(?:identified\s+(?:herself|himself|themselves)\s+(?:only\s+)?as|first\s+name,?)\s+$")
APPOSED = re.compile(r"(?:\bnamed|\bcalled|,)\s*$")
SAYING = re.compile(r"\b(?:said|says|told|asked|added|recalled|explained|shouted|yelled|wrote|writes)\b")


FEMALE_NOUNS = FEMALE_KIN | {"woman", "girl", "lady", "nun", "mom", "grandma", "businesswoman", "spokeswoman"}
MALE_NOUNS = MALE_KIN | {"man", "boy", "gentleman", "priest", "dad", "grandpa", "businessman", "spokesman"}


def described_gender(text: str, description: Span) -> str | None:
    """'f' or 'm' when an unnamed person's description says it in its first words ("a boy", "the mother of")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[description.start : description.end])[:5]]
    female, male = any(w in FEMALE_NOUNS for w in words), any(w in MALE_NOUNS for w in words)
    return "f" if female and not male else "m" if male and not female else None


# "One of the detainees was an undocumented woman who …": a sentence that introduces an unnamed person.
INTRODUCED = re.compile(
    r"(?:One\s+of\s+(?:the|them|those)\b[^,.;]{0,40}?|Among\s+them|Another)\s+(?:was|is)\s+"
    r"(?P<who>an?\s+(?:[\w-]+\s+){0,3}?[a-z]+)(?=\s+(?:who|from|with|in|of)\b|[,.])"
)


OBJECT = {"he": "him", "she": "her"}
REPLY = re.compile(r"(?:he|she)\s+(?:answered|answers|replied|replies|responded|responds|shot\s+back|retorted)\b")
# "Back in the library, one teacher raised her hand": an unnamed person doing something at a sentence's head.
UNNAMED_ACTOR = re.compile(
    r"(?:[A-Z][^,.;“”\"]{0,50},\s+)?(?P<who>(?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]he)\s+(?:[\w-]+\s+){0,3}?[a-z]+"
    # "The woman leading it, a lawyer with a legal aid group, held up a card": the appositive says who they are
    r"(?:,\s+(?:an?|the)\s+[^,.;“”\"]{2,60}(?=,))?),?\s+"
    r"(?:[a-z]{3,}ed|stood|rose|spoke|took|held|came|went|sat|ran|began|shook|put|got)\b"
)


class PronounMixin:
    text: str
    entities: Entities
    sentences: list[Span]
    org_ids: set[str]

    def _is_subject(self, m: Mention) -> bool:
        raise NotImplementedError

    def subject(self, start: int, end: int) -> Who:
        raise NotImplementedError

    def _group(self, word: str, at: int) -> Who | None:
        """ "they"/"their" after a sentence that opened with a group ("Members of the coalition said they …") or a
        body: that group, not one person named earlier."""
        if getattr(self, "_in_group", False):
            return None
        pair = self._pair_before(at)
        if pair is not None:
            return Who(pair, None, 0.5, f"“{word}”: the first of the people the sentence before names together")
        self._in_group = True
        try:
            for sentence in reversed([s for s in self.sentences if s.start < at][-2:]):
                verb = self._saying(sentence, at) or PAST.search(self.text, sentence.start, min(sentence.end, at))
                if verb is None or self._in_quote(verb.start()):
                    continue
                who = self.subject(sentence.start, verb.start())
                if who.speaker and who.speaker in self.org_ids:
                    return Who(who.speaker, None, 0.6, f"“{word}”: the body the sentence before opened with")
                if who.description is not None and not who.speaker and anaphora.is_group(self.text, who.description):
                    return Who(None, who.description, 0.5, f"“{word}”: the group the sentence before described")
                return None
            return None
        finally:
            self._in_group = False

    def _described(self, word: str, at: int) -> Who:
        """A pronoun nobody named fits: the unnamed person the sentence before (or this one) opened with, as the
        article describes them ("Maria, a 29-year-old mother from Guatemala, said she …; “…,” she said")."""
        if word not in PERSON_PRONOUNS:
            return Who()
        before = [s for s in self.sentences if s.start < at][-2:]
        for sentence in reversed(before):
            verb = self._saying(sentence, at)
            if verb is None:
                continue
            who = self.subject(sentence.start, verb.start())
            if who.description is not None and not who.speaker:
                if described_gender(self.text, who.description) not in (None, "f" if word in ("she", "her") else "m"):
                    continue
                return Who(None, who.description, 0.5, f"“{word}”: the person the article describes just before")
        return Who()

    def _described_last(self, word: str, at: int) -> Who | None:
        """ "The owner of one farm, who asked not to be named, said …. “…,” he said": when the latest sentence with a
        speaker (outside quotations) opened with an unnamed person, the pronoun is that person, not someone named
        earlier."""
        for sentence in reversed([s for s in self.sentences if s.start < at][-2:]):
            verb = self._saying(sentence, at)
            if verb is None:
                introduced = INTRODUCED.match(self.text, sentence.start, min(sentence.end, at))
                gender = (
                    described_gender(self.text, Span(introduced.start("who"), introduced.end("who")))
                    if introduced
                    else None
                )
                if introduced and gender == ("f" if word == "she" else "m") and not self._names_in(introduced):
                    # "One of the detainees was an undocumented woman who …. She told the lawmakers …"
                    span = Span(introduced.start("who"), introduced.end("who"))
                    return Who(None, span, 0.45, f"“{word}”: the person the sentence before introduces")
                acting = self._unnamed_actor(word, sentence, at)
                if acting is not None:
                    return acting
                continue
            # A name that the opening description gives ("a teacher named Carol Hughes", "One volunteer, Carol
            # Hughes,"), not one inside it ("A woman who lives next door to Mayor Ana Ruiz").
            named = [
                m
                for m in self.entities.mentions
                if m.kind == "person"
                and not m.possessive  # "Beto's employer, who …, says": the employer, not Beto
                and sentence.start <= m.start < verb.start()
                and (
                    APPOSED.search(self.text, sentence.start, m.start)
                    or self._is_subject(m)
                    or GAVE_AS.search(self.text, max(sentence.start, m.start - 40), m.start)
                )
            ]
            if named:  # "One volunteer, a teacher named Carol Hughes, says …": the person that description names
                wanted = "f" if word == "she" else "m"
                if self.genders().get(named[-1].id, wanted) != wanted:
                    return None
                return Who(named[-1].id, None, 0.6, f"“{word}”: the person the sentence before opened with")
            who = self.subject(sentence.start, verb.start())
            if who.description is not None and not who.speaker and not anaphora.is_group(self.text, who.description):
                if described_gender(self.text, who.description) not in (None, "f" if word == "she" else "m"):
                    return None  # "a boy asked …. “Not today,” she told him": she is not the boy
                return Who(None, who.description, 0.5, f"“{word}”: the unnamed person the sentence before opened with")
            return None
        return None

    def _unnamed_actor(self, word: str, sentence: Span, at: int) -> Who | None:
        """ "Back in the hall, one student raised her hand. “…?” she asked.": in the same paragraph, a sentence just
        before that opens with an unnamed person doing something, a her/his of the pronoun's gender after them, and
        nobody named in it: the pronoun is that person, not someone named further back."""
        if any(m.kind == "person" and sentence.start <= m.start < at for m in self.entities.mentions):
            return None
        actor = UNNAMED_ACTOR.match(self.text, sentence.start, sentence.end)
        if actor is None:
            return None
        span = Span(actor.start("who"), actor.end("who"))
        wanted = "f" if word == "she" else "m"
        gender = described_gender(self.text, span)
        if gender not in (None, wanted):
            return None
        own = r"\b(?:her|she|herself)\b" if word == "she" else r"\b(?:his|he|himself)\b"
        if gender != wanted and (
            "\n" in self.text[sentence.end : at] or not re.search(own, self.text[actor.end("who") : sentence.end])
        ):
            # only a her/his after them ties the pronoun to them, and only within the paragraph; "The woman …"
            # says it herself, across a paragraph break too
            return None
        return Who(None, span, 0.45, f"“{word}”: the unnamed person the sentence before opened with")

    def _calls_other(self, target: str, word: str, at: int) -> bool:
        """Does the sentence where `target` was last named, as far as `at`, call someone else "him"/"her" after
        them (outside quotations)? Then a following he/she is that other person."""
        last = [m for m in self.entities.mentions if m.id == target and m.start < at and not self._in_quote(m.start)]
        if not last:
            return False
        m = last[-1]
        sentence = next((s for s in self.sentences if s.start <= m.start < s.end), None)
        if sentence is None:
            return False
        rest = self.text[m.end : min(sentence.end, at)]
        rest = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group(0)), rest)
        pattern = r"\bhim\b" if word == "he" else r"\bher\b(?=\s*[.,;!?]|\s+(?:on|about|to|if|whether|why|how|what)\b)"
        return bool(re.search(pattern, rest))

    def _names_in(self, match: re.Match[str]) -> bool:
        return any(m.kind == "person" and match.start() <= m.start < match.end() for m in self.entities.mentions)

    def _pair_before(self, at: int) -> str | None:
        """ "Mike Lund and Eva Adams sent a joint letter …": the first of two people named together in the
        sentence before `at` (or in this one, before `at`)."""
        for sentence in reversed([s for s in self.sentences if s.start < at][-2:]):
            people = [
                m
                for m in self.entities.mentions
                if m.kind == "person" and sentence.start <= m.start < min(at, sentence.end)
            ]
            for first, second in zip(people, people[1:], strict=False):
                if first.id != second.id and re.fullmatch(r",?\s+and\s+", self.text[first.end : second.start]):
                    return first.id
        return None

    def _saying(self, sentence: Span, at: int) -> re.Match[str] | None:
        """The first "said"/"told" … of the sentence before `at`, outside quotations, near its start."""
        for verb in SAYING.finditer(self.text, sentence.start, min(sentence.end, at)):
            if verb.start() - sentence.start > 200:
                return None
            if re.search(r"\b(?:who|that|which)\s+$", self.text[max(0, verb.start() - 8) : verb.start()]):
                continue  # "a man who asked to be identified …, said": the relative clause's verb, not the sentence's
            if not self._in_quote(verb.start()):
                head = self.text[sentence.start : verb.start()]
                return None if any(mark in head for mark in '“”"') else verb
        return None

    def _in_quote(self, pos: int) -> bool:
        raise NotImplementedError

    def genders(self) -> dict[str, str]:
        """'m' or 'f' for people the article itself marks: Mr./Ms., a -man/-woman title, or the first he/his or
        she/her after them in a sentence they open (with nobody else named in between). Unmarked people fit any
        pronoun; a person marked both ways is left unmarked."""
        cached: dict[str, str] | None = getattr(self, "_genders", None)
        if cached is not None:
            return cached
        found: dict[str, set[str]] = {}
        strong: dict[str, str] = {}
        for p in self.entities.people:
            words = f"{self.text[p.mention.start : p.mention.end]} {p.title or ''}"
            for name in (p.name, *p.aliases):  # "Priya Raman-Holt", "Lisa Friedman": a name's -man says nothing
                words = words.replace(name, " ")
            if re.search(r"\b(?:Mr\b|\w+man\b)", words) and not re.search(r"\w+woman\b", words):
                found.setdefault(p.id, set()).add("m")
            if re.search(r"\b(?:Mrs\b|Ms\b|\w+woman\b)", words):
                found.setdefault(p.id, set()).add("f")
            kin = KINSHIP.search(self.text, max(0, p.mention.start - 40), p.mention.start)
            if kin:  # "His wife, Elena Ruiz," / "the boy's father, Jon Ruiz,": the word says it
                word = kin.group(1).lower()
                strong[p.id] = "f" if word in FEMALE_KIN or word.endswith("woman") else "m"
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
            pronoun = re.search(r"\b(?:(he|his|himself)|(she|herself))\b", rest, re.IGNORECASE)
            if pronoun is None:
                continue
            if re.search(r"\b(?:" + "|".join(FEMALE_KIN | MALE_KIN) + r")\b", rest[: pronoun.start()], re.IGNORECASE):
                continue  # "Ana Ruiz, whose husband was held past his release date": the pronoun is the relative's
            if any(m.id != subject.id and subject.end <= m.start < subject.end + pronoun.start() for m in people):
                continue
            found.setdefault(subject.id, set()).add("m" if pronoun.group(1) else "f")
        self._genders = {who: marks.pop() for who, marks in found.items() if len(marks) == 1}
        self._genders.update(strong)  # a pronoun read from a later clause ("said he had been …") may be someone else
        for p in self.entities.people:  # the weakest sign last: a given name that is a woman's or a man's
            given = gender_of(p.name)
            if p.id not in found and p.id not in strong and given is not None:
                self._genders[p.id] = given
        return self._genders
