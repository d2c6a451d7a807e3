"""People and where each is mentioned (see tui.ingest.draft.entities)."""

from __future__ import annotations

import re

from tui.ingest.draft import entities_names as names
from tui.ingest.draft import entities_same as same
from tui.ingest.draft import entities_surnames as surnames
from tui.ingest.draft import vocab
from tui.ingest.draft.entities import (
    APPOSITIVE_NAME,
    GAVE_NAME,
    MAYOR_OF,
    NAME_THEN_ROLE,
    NAMED,
    ORG_CHIEF,
    PAIR_NAMES,
    PARTY_NAME,
    PARTY_ONLY,
    ROLE_APPOSITIVE,
    ROLE_NAME,
    ROLES,
    SAID_APPOSITIVE,
    SAID_NAME,
    SPEAKER_NAME,
    TITLED,
    WHOSE_NAME,
    Entities,
    Mention,
    key_tokens,
    slug,
    unique_id,
)
from tui.ingest.draft.entities_names import NOT_NAMES, TITLE_INSIDE
from tui.ingest.draft.layout import Paragraph
from tui.ingest.draft.model import Person, Span
from tui.ingest.draft.quotes import Tweet

CITY_OF = re.compile(
    r"(?:(?P<city>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}?)(?:[’']s)?\s+)?(?:(?P<police>police|Police|County|county)\s+)?$"
)


def find_people(
    text: str,
    regions: list[tuple[int, int]],
    paras: list[Paragraph],
    tweets: list[Tweet],
    found: Entities,
    taken: set[str],
) -> None:
    people: dict[str, Person] = {}
    city_names = {c.name: c for c in found.cities}
    org_spans = [(m.start, m.end) for m in found.mentions if m.kind == "org"]

    def in_org(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in org_spans)

    heads = [(p.start, p.end) for p in paras if p.kind == "headline"]
    body = " ".join(text[p.start : p.end] for p in paras if p.kind == "body")

    def person(name: str, start: int, end: int, mention_end: int, **facts: str | None) -> Person | None:
        line = next(((a, b) for a, b in heads if a <= start < b), None)
        name_line = (
            line is not None
            and not text[mention_end : line[1]].strip(" :")
            and len(name.split()) <= 3
            and re.match(r"\s*[“\"]", text[line[1] : line[1] + 8])
        )
        if line is not None and not name_line:
            # "Attorney General Campbell Sues Over Courthouse Arrests": a headline's capitals run past the name;
            # keep the words up to the last one the article's body also writes as a name.
            words = name.split()
            while len(words) > 1 and not re.search(rf"(?<![\w’'-]){re.escape(words[-1])}(?![\w’'-])", body):
                words.pop()
            cut = len(name) - len(" ".join(words))
            name, end, mention_end = " ".join(words), end - cut, mention_end - cut
        lead = LEADING_NOT_NAME.match(name)
        if lead and len(name.split()) > 2:  # "Democrat Ana Ruiz", "Former Mayor …": the party is no part of a name
            name, start = name[lead.end() :], start + lead.end()
        first = name.split()[0]
        of_place = re.search(r"\bof\s+$", text[max(0, start - 4) : start])
        place = first in city_names or first in vocab.CITIES or first in vocab.STATES
        if len(name.split()) > 2 and of_place and place:
            # "Mayor of Chicago Lori Lightfoot said": the city is no part of the name
            name, start = name[len(first) :].lstrip(), start + len(first) + 1
        if name.split()[-1] in same.BODY_ENDINGS:
            return None  # "Summerfield United Methodist Church, the pastor": a body, not a person
        tokens = key_tokens(name)
        if not tokens or tokens[0] in NOT_NAMES or tokens[-1] in NOT_NAMES or in_org(start, mention_end):
            return None
        if name in city_names or name in vocab.STATES or name in vocab.MEDIA_NAMES:
            return None
        key = " ".join(tokens)
        match = people.get(key) or same.same_person(people, tokens) or same.nicknamed(people, name)
        if match is not None and key not in people:
            shorter = min(name, match.name, key=lambda n: len(key_tokens(n)))
            if surnames.ambiguous(text, regions, found, shorter):
                match = None  # "Ana Ortiz Benítez" and her son "Luis Ortiz Benítez": "Ortiz Benítez" is neither
        if match is None:
            match = Person(unique_id(slug(" ".join(tokens)), taken), name, Span(start, mention_end))
            people[key] = match
            found.people.append(match)
        elif len(tokens) > len(key_tokens(match.name)):
            match.aliases.append(match.name)  # "President Trump" first, "Donald Trump" later: keep the full name
            match.name = name
            people[key] = match
        for fact, value in facts.items():
            if value and not getattr(match, fact):
                setattr(match, fact, value)
        found.mentions.append(Mention(start, mention_end, "person", match.id, text[end : end + 2] in ("’s", "'s")))
        return match

    for start, end in regions:
        for m in TITLED.finditer(text, start, end):
            title = vocab.TITLES[m.group("title")]
            name = m.group("name")
            first = name.split()[0]
            if first in vocab.TITLES:
                if len(name.split()) < 3:
                    continue
                # "Deputy Secretary Lorena Iturbe-Santos": a title of two words, the name after both
                title, name = f"{title} {vocab.TITLES[first]}", name[len(first) :].lstrip()
            pre = CITY_OF.search(text[max(start, m.start() - 40) : m.start()])
            begin = m.start()
            city = state = None
            if pre and pre.group("city"):
                place = vocab.CITY_ALIASES.get(pre.group("city"), pre.group("city"))
                if place in city_names:
                    city = city_names[place].id
                    begin = m.start() - len(pre.group(0))
                elif place in vocab.STATES:
                    state = place
                    begin = m.start() - len(pre.group(0))
                elif place in ("House", "Homeland Security", "ICE", "Acting ICE", "U.S."):
                    title = f"{place} {title}".replace("House House", "House")
                    begin = m.start() - len(pre.group(0))
            if pre and pre.group("police") and title == "Chief":
                title = "Police Chief"
            honorific = m.group("title") in vocab.HONORIFICS
            p_state = m.group("pstate")
            person(
                name,
                begin,
                m.end("name"),
                m.end(),
                title=None if honorific else title,
                city=city,
                state=state or (vocab.STATE_BY_ABBR.get(f"{p_state}", p_state) if p_state else None),
                party=m.group("party"),
                reason="an honorific before the name" if honorific else "a title before the name",
            )
        for m in ROLE_NAME.finditer(text, start, end) if ROLE_WORD.search(text, start, end) else ():
            if any(x.kind == "person" and x.start < m.end("name") and m.start("name") < x.end for x in found.mentions):
                continue
            role = m.group("role")
            person(m.group("name"), m.start(), m.end("name"), m.end(), title=role[:1].upper() + role[1:],
                   party=m.group("party"), reason=f"a role before the name, “{role}”")  # fmt: skip
        for m in ROLE_APPOSITIVE.finditer(text, start, end) if COMMA_NAME.search(text, start, end) else ():
            if any(x.kind == "person" and x.start < m.end("name") and m.start("name") < x.end for x in found.mentions):
                continue
            if TITLE_INSIDE.search(m.group("name")) or split_role(m.group("name"))[1]:
                continue
            role = re.sub(r"^(?:[\w-]+[’']s\s+)+", "", m.group("role"))  # "the county's chief public defender"
            if not same.person_like(
                text, m.group("name"), m.end("name"), not same.BUSINESS_NOUN.fullmatch(role.split()[-1])
            ):
                continue  # "The manufacturer, Blue Ridge Motors, said": a body in apposition, not a person
            kin = same.KIN_WORD.search(role)  # "her son, Luis …": a relative, not a title
            person(m.group("name"), m.start("name"), m.end("name"), m.end("name"),
                   title=None if kin else role[:1].upper() + role[1:],
                   reason=f"a name in apposition to a role, “{m.group('role')}”")  # fmt: skip
        for m in NAME_THEN_ROLE.finditer(text, start, end) if APPOSITION.search(text, start, end) else ():
            if any(x.kind == "person" and x.start < m.end("name") and m.start("name") < x.end for x in found.mentions):
                continue
            if split_role(m.group("name"))[1] or TITLE_INSIDE.search(m.group("name")):
                continue
            role = m.group("role")
            person(m.group("name"), m.start("name"), m.end("name"), m.end("name"), title=role[:1].upper() + role[1:],
                   reason=f"a name with its role after it, “{role}”")  # fmt: skip
        for m in MAYOR_OF.finditer(text, start, end):
            place = vocab.CITY_ALIASES.get(m.group("place"), m.group("place"))
            city = city_names[place].id if place in city_names else None
            person(
                m.group("name"),
                m.start(),
                m.end("name"),
                m.end(),
                title=m.group("title").title(),
                city=city,
                party=m.group("party"),
                reason="“the mayor of <city>, <name>”",
            )
        for m in ORG_CHIEF.finditer(text, start, end):
            person(
                m.group("name"),
                m.start(),
                m.end("name"),
                m.end(),
                title=f"{m.group('org')} {m.group('title')}",
                party=m.group("party"),
                reason="“<organisation>’s chief, <name>”",
            )
        for m in PARTY_ONLY.finditer(text, start, end):
            if any(x.kind == "person" and x.start <= m.start("full") < x.end for x in found.mentions):
                continue
            words = m.group("name").split()
            # PARTY_ONLY's name may have swallowed a title or city before the real name ("Mayor Eric Garcetti").
            titled = [i for i, w in enumerate(words) if w in vocab.TITLES or w in ("The", "the", "House")]
            words = words[titled[-1] + 1 :] if titled else words
            if len(words) < 2:
                continue
            name = " ".join(words)
            a = m.end("name") - len(name)
            p_state = m.group("pstate")
            person(
                name,
                a,
                m.end("name"),
                m.end(),
                party=m.group("party"),
                state=vocab.STATE_BY_ABBR.get(f"{p_state}", p_state) if p_state else None,
                reason="a name with a party",
            )
    for tweet in tweets:
        raw = text[tweet.name.start : tweet.name.end]
        words = raw.split()
        signed: str | None = None
        while words and words[0] in vocab.TITLES:
            signed = vocab.TITLES[words[0]]
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        a = tweet.name.end - len(name)
        found_person = person(name, a, tweet.name.end, tweet.name.end, title=signed, reason="a tweet’s signature")
        if found_person and not found_person.handle:
            found_person.handle = tweet.handle
    # The rarer patterns run only on articles holding their key words (they cost as much as the common ones).
    rare = [rx for rx, key in ((NAMED, " named "), (WHOSE_NAME, ", who"), (PAIR_NAMES, " and "), (PAIR_SECOND, " and "))
            if key in text]  # fmt: skip
    for start, end in regions:
        for m in GAVE_NAME.finditer(text, start, end) if "first name" in text or "identified" in text else ():
            person(m.group("name"), m.start("name"), m.end("name"), m.end("name"), reason="the first name given")
        for regex in (SPEAKER_NAME, APPOSITIVE_NAME, SAID_NAME, SAID_APPOSITIVE, PARTY_NAME, *rare):
            for m in regex.finditer(text, start, end):
                if any(
                    x.start < m.end("name") and m.start("name") < x.end and x.kind == "person" for x in found.mentions
                ):
                    continue
                qualifier, role, name = split_role(m.group("name"))
                if (len(name.split()) < 2 and regex is not NAMED) or TITLE_INSIDE.search(name):
                    continue
                city = city_names[qualifier].id if qualifier in city_names else None
                reason = f"a named speaker, “{role}”" if role else "a named speaker; the article gives no title"
                person(
                    name, m.start("name"), m.end("name"), m.end("name"), title=role or None, city=city, reason=reason
                )
    names.named_earlier(text, regions, found, person)
    names.first_names(text, [(p.start, p.end) for p in paras if p.kind == "body"], found, person)
    names.kin_first_names(text, [(p.start, p.end) for p in paras if p.kind == "body"], found, person)
    names.labels(text, [(p.start, p.end) for p in paras if p.kind != "furniture"], found, person)
    names.linked_names(text, [(p.start, p.end) for p in paras if p.kind == "body"], found, person)
    names.clause_heads(text, [(p.start, p.end) for p in paras if p.kind == "body"], found, person)
    surnames.lengthen(text, regions, found, taken)
    surnames.tail_mentions(text, regions, found)
    names.surname_mentions(text, regions, found)


LEADING_NOT_NAME = re.compile(
    r"(?:Democrat|Democratic|Republican|GOP|Independent|Libertarian|Progressive|Conservative|Former|Ex-|Then-|"
    r"Incumbent|Freshman|Veteran|Longtime|Commissioners|Councilmembers|Supervisors|Trustees|Judges|Reps\.|Sens\.)\s*"
)
# Words of a role before a name ("Greenville City Manager José Smith", "School Board President Ann Lee").
ROLE_WORDS = frozenset(w.rstrip(".") for t in vocab.TITLES for w in t.split()) | frozenset(
    """Manager Board School Member Council Administrator Spokesman Spokeswoman Spokesperson Organizer Activist
    Executive Officer Agent Attorney Lawyer Pastor Rev Dr Professor Coordinator Advocate Founder CEO Chairman
    Chairwoman Chair Commissioner Trustee Clerk Treasurer Controller Comptroller Auditor Inspector Marshal
    Interim Deputy Assistant Acting Former Executive Senior Chief Head Leader President Director""".split()
)


def split_role(words: str) -> tuple[str, str, str]:
    """'Greenville City Manager José Smith' -> ('Greenville', 'City Manager', 'José Smith')."""
    tokens = words.split()
    last = max((i for i, t in enumerate(tokens) if t.rstrip(".") in ROLE_WORDS), default=-1)
    if last < 0:
        return "", "", words
    first = last
    while first > 0 and tokens[first - 1].rstrip(".") in ROLE_WORDS:
        first -= 1
    return " ".join(tokens[:first]), " ".join(tokens[first : last + 1]), " ".join(tokens[last + 1 :])


# The second of PAIR_NAMES's pair, as its own match (the loop reads the group "name").
PAIR_SECOND = re.compile(PAIR_NAMES.pattern.replace("(?P<name>", "(?:").replace("(?P<name2>", "(?P<name>"))
ROLE_WORD = re.compile(rf"(?i:\b(?:{ROLES})\b)")
COMMA_NAME = re.compile(r"[a-z],\s+[A-Z]")
APPOSITION = re.compile(r",\s+(?:the|a|an|its|their)\s")
