"""A role word that points to a named person: "the judge asked" after "U.S. District Judge Ana Pruitt", "the lawyer
said" after "Omar Bakri, the family's lawyer", and a lede's "A federal judge" whom the article names further down.

News text names a person once with their title or role and then goes on with "the provost", "the bishop", "the
lawyer". The rule is one for every role: the person whose title ends in the same noun, last named as a subject (the
same recency as pronouns), and only if no unnamed person of that role ("a DHS spokeswoman") was described after them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.ingest.draft import vocab
from tui.ingest.draft.entities import ROLES
from tui.ingest.draft.model import Span
from tui.ingest.draft.phrases import SENT
from tui.ingest.draft.who import Who

if TYPE_CHECKING:
    from tui.ingest.draft.resolve import Resolver

# Every noun that names a role: the last word of each title ("Provost", "Police Chief") and of each role word.
ROLE_NOUNS = frozenset(t.split()[-1].rstrip(".").lower() for t in vocab.TITLES.values()) | frozenset(
    r.split()[-1].lower().replace("\\", "").rstrip(".") for r in ROLES.split("|")
)
# "the provost", "the university's provost", "the family's lawyer", "the company's chief executive".
DEFINITE_ROLE = re.compile(
    r"(?:the|The)\s+(?:[A-Za-z]+[’']s\s+)?(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\s*",
)
# The head noun of "A Honduran mother of two who …", "One worker at the plant".
INDEFINITE_HEAD = re.compile(
    r"(?:a|an|A|An|One|one)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)"
    r"(?=\s+(?:of|on|at|for|from|in|with|who|that|whose|outside|near)\b|\s*$|,)"
)
APPOSED_HEAD = re.compile(
    r",\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)(?=\s+(?:of|on|at|for|from|in|with|who|that)\b|\s*$|,)"
)
INDEFINITE_ROLE = re.compile(r"(?:a|an|A|An)\s+(?:[a-z.-]+\s+){0,2}?(?P<noun>[a-z]+)\s*")
# Roles one person holds at a time in a story ("a federal judge" in a lede is the judge it names later); a lede's
# "a spokesman" or "an officer" may be one of several, so those never point forward.
PLURAL_NOUN = re.compile(r"[a-z]{2,}s(?<!ss)(?<!us)(?<!is)")
SINGLE_HOLDER = frozenset(
    "judge mayor governor sheriff superintendent provost chancellor principal bishop archbishop president "
    "warden dean rabbi imam pastor prosecutor".split()
)


def _holders(resolver: Resolver, noun: str) -> list[str]:
    """People whose title (or role in apposition) ends with `noun`: "Judge", "Family's lawyer", "ICE spokeswoman",
    and people the article gives that role in apposition ("Rep. Tom Hale, the bill's sponsor,")."""
    found = []
    for p in resolver.entities.people:
        words = re.findall(r"[a-z]+", (p.title or "").lower())
        if words and words[-1] == noun:
            found.append(p.id)
    apposed = re.compile(
        rf"(?:\s*\([^)]*\))?,\s+(?:the|a|an|its|their|his|her|[A-Z][\w.]*[’']s)\s+(?:[\w’'-]+\s+){{0,3}}?{noun}\b"
    )
    for m in resolver.entities.mentions:
        if m.kind == "person" and m.id not in found and apposed.match(resolver.text, m.end):
            found.append(m.id)
    return found


def definite(resolver: Resolver, a: int, b: int) -> Who | None:
    """ "the provost" / "the judge" / "the family's lawyer": the person of that role named last before `a`."""
    m = DEFINITE_ROLE.fullmatch(resolver.text, a, b)
    if m is None or m.group("noun") in NOT_BODY_NOUNS or PLURAL_NOUN.fullmatch(m.group("noun")):
        return None
    noun = m.group("noun")
    holders = set(_holders(resolver, noun))
    if not holders:
        return None
    target = resolver._recent(a, holders)
    if target is None:
        named_before = [x for x in resolver.entities.mentions if x.id in holders and x.start < a]
        if len(holders) != 1 or not named_before:
            return None
        target = next(iter(holders))
    last = max((x.end for x in resolver.entities.mentions if x.id == target and x.start < a), default=-1)
    # "A county spokeswoman said …" after the named one: "the spokeswoman" is the unnamed one described last.
    unnamed = re.compile(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,3}}?{noun}\b")
    if any(x.start() >= last for x in unnamed.finditer(resolver.text, max(0, last), a)):
        return None
    return Who(target, None, 0.7, f"“{resolver.text[a:b].strip()}”: the {noun} named before")


def named_later(resolver: Resolver, description: Span) -> Who | None:
    """ "A federal judge on Thursday ordered …" and further down "U.S. District Judge Renée Castillo": a role only
    one person holds in the story, described before the article names its only holder."""
    head = INDEFINITE_HEAD.match(resolver.text, description.start, description.end)
    if head is not None:
        linked = _linked_later(resolver, description, head.group("noun").lower())
        if linked is not None:
            return linked
    # "The woman leading it, a lawyer with a legal aid group" … "The lawyer, Priya …": the appositive's noun
    apposed = APPOSED_HEAD.search(resolver.text, description.start, description.end)
    if apposed is not None:
        linked = _linked_later(resolver, description, apposed.group("noun").lower())
        if linked is not None:
            return linked
    m = INDEFINITE_ROLE.fullmatch(resolver.text, description.start, description.end)
    if m is None or m.group("noun") not in SINGLE_HOLDER:
        return None
    holders = _holders(resolver, m.group("noun"))
    if len(holders) != 1:
        return None
    later = [x for x in resolver.entities.mentions if x.id == holders[0]]
    if not later or later[0].start < description.end:
        return None  # named before: "the judge" is the back-reference rule's job, not this one
    if later[0].start - description.end > 1500:
        return None  # named far down the article: may well be another judge
    noun = m.group("noun")
    if re.search(rf"\b(?:another|other|second|different|two|both)\s+(?:[\w-]+\s+)?{noun}s?\b", resolver.text, re.I):
        return None  # the article speaks of more than one
    name = resolver.text[later[0].start : later[0].end]
    return Who(holders[0], None, 0.5, f"“{resolver.text[description.start : description.end]}”: named later, “{name}”")


# "the company said" / "the group said" / "the union said": the body of that kind named last. A body is of a kind
# when its name says so ("Acme Corp.", "Farmworkers Union") or the article calls it that ("Harvest Foods, a
# meatpacking company"; "detention company GEO Group").
BODY_KINDS = {
    "company": r"Corp\.|Corporation|Co\.|Company|Inc\.|LLC|Group|Holdings|Partners|Foods|Farms|Meats|Industries",
    "firm": r"Corp\.|Corporation|Co\.|Company|Inc\.|LLC|Group|Partners|LLP",
    # "the United Farm Workers", "Service Employees International": a body named for its members is a union
    "union": r"Union|Association|Federation|Guild|Local\s+\d+|Workers|Employees|Teamsters|Laborers|Brotherhood",
    "coalition": r"Coalition|Alliance",
    "university": r"University",
    "college": r"College",
    "church": r"Church|Parish|Diocese|Cathedral",
    "hospital": r"Hospital|Medical Center|Health",
    "nonprofit": r"$^",
}
BODY_WORD = re.compile(r"(?:the|The)\s+(?P<noun>[a-z]+)\s*")
# Other nouns point to a body whose name holds them ("the project" after "the Texas Civil Rights Project"), except
# words other rules read (a role, a place, "the department", "the group") and words too loose to point anywhere.
NOT_BODY_NOUNS = frozenset(
    "city county state government administration department agency office police district group nonprofit "
    "organization organisation statement letter law bill order policy ruling lawsuit report plan program "
    "people public family families community board".split()
)
CONTRACTOR = {"company": "contractor|operator|corporation|employer|firm|company|business|meatpacker|processor"}


def _called(resolver: Resolver, org_id: str, noun: str) -> bool:
    words = CONTRACTOR.get(noun, noun)
    for m in resolver.entities.mentions:
        if m.id != org_id:
            continue
        before = resolver.text[max(0, m.start - 40) : m.start]
        after = resolver.text[m.end : m.end + 90]
        if re.search(rf"\b(?:{words})\s+(?:[Tt]he\s+)?$", before):
            return True  # "detention company GEO Group"
        if re.match(rf",\s+(?:an?|the|one of the)\s+(?:[\w-]+\s+){{0,5}}?(?:{words})s?\b", after):
            return True  # "Harvest Foods, a meatpacking company," / "GEO Group, one of the largest … operators"
    return False


def body(resolver: Resolver, a: int, b: int) -> Who | None:
    """ "the company said": the body of that kind named last before `a` (never a news outlet or a person)."""
    m = BODY_WORD.fullmatch(resolver.text, a, b)
    if m is None:
        return None
    noun = m.group("noun")
    if noun in BODY_KINDS:
        name_kind = re.compile(rf"\b(?:{BODY_KINDS[noun]})(?!\w)")
    elif noun not in NOT_BODY_NOUNS and noun not in ROLE_NOUNS:
        name_kind = re.compile(rf"\b{noun.capitalize()}\b")
    else:
        return None
    ids = {
        o.id
        for o in resolver.entities.orgs
        if o.kind != "media" and (name_kind.search(o.name) or _called(resolver, o.id, noun))
    }
    target = resolver._recent(a, ids) if ids else None
    if target is None:
        return None
    return Who(target, None, 0.6, f"“{resolver.text[a:b].strip()}”: the {noun} named before")


def _linked_later(resolver: Resolver, description: Span, noun: str) -> Who | None:
    """ "A Honduran mother of two said …" and further down "The mother, Ana Ruiz, 34, …": the article itself
    ties the description to a name (the same noun, "the", and the name in apposition) before anyone else of
    that noun is described."""
    link = re.compile(
        rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)},\s+(?:identified\s+as\s+|whose\s+name\s+is\s+)?"
    )
    for m in link.finditer(resolver.text, description.end):
        person = next((x for x in resolver.entities.mentions if x.start == m.end() and x.kind == "person"), None)
        if person is None:
            continue
        between = resolver.text[description.end : m.start()]
        if re.search(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b", between):
            return None  # a second one was described in between: the link may be to that one
        name = resolver.text[person.start : person.end]
        described = resolver.text[description.start : description.end]
        return Who(person.id, None, 0.55, f"“{described}”: the article names them later, “the {noun}, {name}”")
    return None


# The head of a sentence that describes an unnamed speaker for a body: "An ICE spokesman", "A county official".
UNNAMED_SPEAKER = re.compile(
    r"(?:An?|One|The)\s+(?:[\w’'.-]+\s+){0,6}?(?:spokes(?:man|woman|person)|official|representative|"
    r"spokespeople|officials)\b(?:\s+(?:for|from|at|with)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+)?"
)


def unnamed_issuer(resolver: Resolver, at: int) -> Who | None:
    """ "An ICE spokesman wouldn't give many details. “…,” a statement read.": a statement right after a sentence
    that opens with an unnamed spokesman or official is theirs, not the person named before them."""
    earlier = [s for s in resolver.sentences if s.end <= at]
    if not earlier:
        return None
    last = earlier[-1]
    m = UNNAMED_SPEAKER.match(resolver.text, last.start, last.end)
    if m is None or any(x.kind == "person" and m.start() <= x.start < m.end() for x in resolver.entities.mentions):
        return None
    return Who(None, Span(m.start(), m.end()), 0.5, "a statement after a sentence about an unnamed spokesperson")


def sender(resolver: Resolver, at: int) -> Who | None:
    """ "The district sent a message to families. “…,” the message read.": the words are whoever the sentence
    before says sent them, named or only described; None when no sentence just before says who sent anything."""
    for sentence in [s for s in resolver.sentences if s.end <= at][-1:]:
        sent = SENT.search(resolver.text, sentence.start, sentence.end)
        if sent is None or any(mark in resolver.text[sentence.start : sent.start()] for mark in '“”"'):
            continue
        who = resolver.subject(sentence.start, sent.start())
        if who.speaker or who.description is not None:
            return Who(who.speaker, who.description, 0.55, "the words of whoever the sentence before says sent them")
    return None
