"""Cities and organisations (see tui.ingest.draft.entities)."""

from __future__ import annotations

import re

from tui.ingest.draft import entities_bodies, vocab
from tui.ingest.draft.entities import Entities, Mention, slug, unique_id
from tui.ingest.draft.model import City, Org, Span

CITY_NAMES = sorted(vocab.CITIES | set(vocab.CITY_ALIASES), key=len, reverse=True)
CITY_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(c) for c in CITY_NAMES) + r")(?![\w])")
STATE_ALT = "|".join(re.escape(s) for s in sorted(set(vocab.STATES) | set(vocab.STATE_BY_ABBR), key=len, reverse=True))
CITY_STATE = re.compile(r"^\s*,\s*(" + STATE_ALT + r")(?![\w])")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'-]{2,40}?)(?:,\s*(?P<state>[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?))?"
    r"\s*(?:\((?:AP|[A-Z][\w ]{1,20})\)\s*)?(?:—|–|--|\s-\s)"
)
CITY_CONTEXT = re.compile(r"^\s+(?:Mayor|Police|police|Gov|City|city|Chief|officials|Council|County)\b")


def find_cities(text: str, regions: list[tuple[int, int]], found: Entities, taken: set[str]) -> None:
    by_name: dict[str, City] = {}

    def add(name: str, start: int, end: int, confidence: float, reason: str) -> City:
        city = by_name.get(name)
        if city is None:
            city = City(unique_id(slug(name), taken), name, Span(start, end), confidence=confidence, reason=reason)
            by_name[name] = city
            found.cities.append(city)
        found.mentions.append(Mention(start, end, "city", city.id, _possessive(text, end)))
        after = CITY_STATE.match(text, end)
        if city.state is None and after:
            city.state = vocab.STATE_BY_ABBR.get(after.group(1), after.group(1))
            city.state_evidence = Span(start, after.end())
        return city

    for start, end in regions:
        line = text[start:end]
        dateline = DATELINE.match(line)
        if dateline:
            name = dateline.group("city").strip().title().replace("L.a.", "L.A.")
            name = vocab.CITY_ALIASES.get(name, name)
            city = add(name, start, start + len(dateline.group("city").strip()), 0.9, "the dateline")
            if dateline.group("state") and city.state is None:
                state = dateline.group("state")
                city.state = vocab.STATE_BY_ABBR.get(state, state)
                city.state_evidence = Span(start, start + dateline.end("state"))
        for match in CITY_RE.finditer(text, start, end):
            raw = match.group(1)
            name = vocab.CITY_ALIASES.get(raw, raw)
            if name in vocab.AMBIGUOUS_CITIES and not CITY_CONTEXT.match(text, match.end()):
                continue
            if raw == "New York" and re.match(r"\s+(?:state|State)\b", text[match.end() : match.end() + 7]):
                continue
            add(name, match.start(), match.end(), 0.8, "a city name the drafter knows")


def _possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("’s", "'s")


AGENCY_BY_TEXT = {a[0]: a for a in vocab.AGENCIES} | {a[1]: a for a in reversed(vocab.AGENCIES) if a[1]}
AGENCY_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in sorted(AGENCY_BY_TEXT, key=len, reverse=True)) + r")(?![\w])"
)
AGENCY_ABBREVIATIONS = {a: re.compile(rf"(?<![\w.]){a}(?![\w])") for _, a, _ in vocab.AGENCIES if a}
PLACE = r"[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w.’'-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w.’'-]*|d[’']\w+|de|del|la|los|las)){0,3}"
POLICE_NAMED = re.compile(r"(?:\b[Tt]he\s+)?(?P<name>(?P<city>" + PLACE + r")\s+Police\s+Department)\b")
POLICE_LOWER = re.compile(
    r"\b(?P<city>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+police\b(?!\s+(?:[Cc]hief|[Cc]ommissioner|officers?|[Ss]uperintendent|union))"
)
POLICE_ACRONYM = re.compile(r"\b(?P<abbr>[A-Z]{1,4}PD)\b")
MEDIA_RE = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<name>(?:[A-Z][\w.]*\s+){1,3}(?:" + "|".join(vocab.MEDIA_SUFFIX) + r"))\b(?!\s+[A-Z])"
    r"|(?<![A-Z]\s)\b(?P<calls>(?!(?:WHAT|WHO|WHY|WHEN|WILL|WITH|WERE|WAS|KEY|KNOW|WANT|WORK|WEEK)\b)[KW][A-Z]{2,3}"
    r"(?:-TV)?(?!\s+[A-Z]{2,})|(?:ABC|NBC|CBS|FOX|Fox)\s?\d{1,2})\b"
    r"|(?<![\w.])(?P<known>"
    + "|".join(re.escape(m) for m in sorted(vocab.MEDIA_NAMES, key=len, reverse=True))
    + r")(?![\w])"
)
GENERIC_ORG = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<name>(?!(?:The|A|An|In|On|At|But|And|of|and|for|on|the)\s)(?:(?:[A-Z][\w.’'&-]*|of|and|for|on|the)\s+){0,6}?[A-Z][\w.’'&-]*\s+(?:"
    + "|".join(re.escape(s) for s in vocab.ORG_SUFFIX)
    + r")(?:\s+\d{1,5}(?=[,;:)]|\.(?!\d)|\s+[(“\"]))?"  # "LULAC Council 402", "Local 1199": the number is the body's
    r"(?:\s+(?:of|for|on)(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:\s+(?:[A-Z][\w’'-]*|and|the))+)?)(?![\w])(?!\s+[A-Z])"
    r"|\b(?P<office>(?:Office|Department|Bureau|Ministry)\s+of(?:\s+(?:[A-Z][\w’'-]*|and|the|for))+)"
)

DAY_ENDS_SENTENCE = re.compile(
    r".*\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\.\s+(?:The\s+)?"
)

# An acronym standing for a body the vocabulary does not know: "the ACLU said", "The ACLU of Northern California".
ACRONYM_ORG = re.compile(
    r"(?:(?<=\b[Tt]he\s)(?P<abbr>[A-Z]{2,6})|(?P<abbr2>[A-Z]{2,6})(?=\s+of\s+[A-Z]))"
    r"(?P<of>\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?(?![\w’'.-])"
)
NOT_ACRONYMS = frozenset({"US", "USA", "UK", "UN", "TV", "AM", "PM", "II", "III", "IV", "CEO", "FAQ", "GOP"})
# A body named at the head of a sentence, "The United Farm Workers called …": people are not "The X".
THE_BODY = re.compile(
    r"(?:(?<=^)|(?<=[.!?”\"]\s)|(?<=\n))The\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and)){1,5}?)"
    r"\s+(?:said|says|called|announced|urged|warned|condemned|praised|criticized|issued|released|vowed|welcomed)\b",
    re.MULTILINE,
)

# "A statement from Connecticut Students for a Dream said": the issuer of a statement, when its name has the
# connecting words of a body's name ("for", "of", "and") that a person's name does not.
ISSUER = re.compile(
    r"\b(?:statement|letter|release)\s+(?:from|by)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]*"
    r"(?:\s+(?:[A-Z][\w’'-]*|of|for|a|and|the)){1,6}?\s+[A-Z][\w’'-]*)(?=,|\s+(?:said|says|read|reads)\b)"
)

# "Grassroots Leadership, an Austin-based nonprofit,": a body the article introduces by what kind of body it is.
GROUP_APPOSITIVE = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and)){0,5}),\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:group|nonprofit|organization|organisation|coalition|network|charity|company|contractor|firm|chapter|"
    r"affiliate)"
    # "Cities for Action, a coalition of more than 170 mayors": what the body is made of may follow
    r"(?=[,.;]|\s+(?:that|which|based|of|for|representing|made|formed|led|founded|whose|with)\b)"
)

SCHOOL_DISTRICT = re.compile(
    r"(?<![\w.])(?P<name>(?:[A-Z][\w’'-]*\s+){1,3}(?:C?ISD|USD|Unified School District|Independent School District|"
    r"School District|Public Schools))(?![\w])"
)


def find_orgs(text: str, regions: list[tuple[int, int]], found: Entities, taken: set[str]) -> None:
    by_key: dict[str, Org] = {}
    claimed: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in claimed)

    def add(
        key: str,
        name: str,
        kind: str,
        start: int,
        end: int,
        abbreviation: str | None = None,
        city: str | None = None,
        reason: str = "",
    ) -> None:
        org = by_key.get(key)
        if org is None:
            base = slug(abbreviation) if abbreviation else slug(name)
            org = Org(
                unique_id(base, taken), name, kind, Span(start, end), abbreviation, city, confidence=0.8, reason=reason
            )
            by_key[key] = org
            found.orgs.append(org)
        elif name != org.name and name not in org.aliases and name != org.abbreviation:
            if len(name) > len(org.name) and org.name != org.abbreviation:
                org.aliases.append(org.name)
                org.name = name
            elif org.name == org.abbreviation and len(name) > len(org.name):
                org.name = name
            else:
                org.aliases.append(name)
        if abbreviation and not org.abbreviation:
            org.abbreviation = abbreviation
        found.mentions.append(Mention(start, end, "org", org.id, _possessive(text, end)))
        claimed.append((start, end))

    cities = {c.name: c for c in found.cities}
    initials = {_initials(name): c for name, c in cities.items()}
    has_abbr = {abbr for abbr, regex in AGENCY_ABBREVIATIONS.items() if regex.search(text)}
    for match in _within(AGENCY_RE, text, regions):
        a, b = match.start(), match.end()
        full, abbr, kind = AGENCY_BY_TEXT[match.group(0)]
        if not free(a, b):
            continue
        if match.group(0) == abbr:
            add(abbr, abbr, kind, a, b, abbr, reason="a federal agency's abbreviation")
        else:
            name = full.removeprefix("U.S. ")
            add(
                abbr or full,
                name,
                kind,
                a,
                b,
                abbr if abbr in has_abbr else None,
                reason="a federal body named in full",
            )
    for match in _within(POLICE_NAMED, text, regions):
        city = cities.get(vocab.CITY_ALIASES.get(match.group("city"), match.group("city")))
        key = f"police:{city.id if city else match.group('city')}"
        a = match.start() if match.group(0).lower().startswith("the ") else match.start("name")
        if free(match.start("name"), match.end("name")):
            city_id = city.id if city else None
            add(key, match.group("name"), "police", a, match.end("name"), city=city_id, reason="“… Police Department”")
    for match in _within(POLICE_ACRONYM, text, regions):
        city = initials.get(match.group("abbr")[:-2])
        key = f"police:{city.id}" if city else f"police:{match.group('abbr')}"
        if free(match.start(), match.end()):
            abbr = match.group("abbr")
            city_id = city.id if city else None
            add(key, abbr, "police", match.start(), match.end(), abbr, city_id, "a police department's initials")
    for match in _within(POLICE_LOWER, text, regions):
        city = cities.get(vocab.CITY_ALIASES.get(match.group("city"), match.group("city")))
        if city is not None and free(match.start(), match.end()):
            add(f"police:{city.id}", match.group(0), "police", match.start(), match.end(), city=city.id,
                reason="“<city> police”")  # fmt: skip
    for match in _within(MEDIA_RE, text, regions):
        group = "name" if match.group("name") else "calls" if match.group("calls") else "known"
        a, b = match.start(group), match.end(group)
        if match.group(0).lower().startswith("the ") and group == "name":
            a = match.start()
        if free(a, b):
            name = text[a:b]
            add(f"media:{name.lower().removeprefix('the ')}", name, "media", a, b, reason="a news outlet")
    for match in _within(GENERIC_ORG, text, regions):
        group = "name" if match.group("name") else "office"
        a, b = match.start(group), match.end(group)
        name = text[a:b]
        ended = DAY_ENDS_SENTENCE.match(name)
        if ended:  # "… spoke on Monday. The Riverside Tenants Union issued": the body starts after the sentence
            a, name = a + ended.end(), name[ended.end() :]
        if name.split()[0] in ("The", "A", "An", "In", "On", "At", "But", "And"):
            continue
        # The run may have started inside the person's name when the body's name is long ("Priya Raman-Holt of
        # the Chicago Immigrant Legal Defense Project"): the capitalised words before it count too.
        given = re.search(r"(?:[A-Z][\w’'-]+\s+){1,2}$", text[max(0, a - 40) : a]) if group == "name" else None
        lead = given.group(0) if given and not given.group(0).startswith(("The ", "A ", "An ")) else ""
        person_of = re.match(r"(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+\s+of\s+(?:the\s+)?", lead + name)
        if person_of and person_of.end() <= len(lead):
            person_of = None
        if person_of and lead:
            person_of = re.match(rf"(?s).{{{person_of.end() - len(lead)}}}", name)
        if person_of and not any(w in person_of.group(0) for w in vocab.ORG_SUFFIX + ("University", "College")):
            a += person_of.end()  # "Adelina Nicholls of the Georgia Latino Alliance": the person is not the body
            name = text[a:b]
        if match.group(0).lower().startswith("the ") and group == "name":
            a = match.start()
        owner = re.match(r".*?[’']s\s+", name)
        if owner and not free(a, b) and free(match.start(group) + owner.end(), b):
            # "Homeland Security's Office of Inspector General": the agency is named already; the office is its own
            a, name = match.start(group) + owner.end(), name[owner.end() :]
        if free(a, b) and not name.startswith(tuple(vocab.TITLES)):
            kind = "police" if "Police" in name or "Sheriff" in name else "office"
            add(f"org:{name.lower()}", name, kind, a, b, reason="a capitalised body’s name")
    known_abbr = {o.abbreviation for o in found.orgs if o.abbreviation} | set(AGENCY_ABBREVIATIONS)
    for match in sorted(_within(ACRONYM_ORG, text, regions), key=lambda m: not m.group("of")):
        group = "abbr" if match.group("abbr") else "abbr2"
        abbr = match.group(group)
        a, b = match.start(group), match.end()
        if abbr in NOT_ACRONYMS or abbr in known_abbr or abbr in vocab.STATE_BY_ABBR or not free(a, b):
            continue
        if any(o.abbreviation == abbr or o.name == abbr for o in found.orgs if o.kind == "media"):
            continue
        add(f"acronym:{abbr}", text[a:b], "office", a, b, abbr, reason="an acronym the article uses for a body")
    for match in _within(ISSUER, text, regions) if re.search(r"(?:statement|letter|release) (?:from|by)", text) else ():
        a, b = match.start("name"), match.end("name")
        name = match.group("name")
        if free(a, b) and re.search(r"\s(?:of|for|and)\s", name) and name.split()[0] not in vocab.TITLES:
            add(f"org:{name.lower()}", name, "office", a, b, reason="the issuer of a statement")
    for match in _within(SCHOOL_DISTRICT, text, regions) if re.search(r"SD\b|District|Schools", text) else ():
        a, b = match.start("name"), match.end("name")
        if free(a, b):
            add(f"org:{match.group('name').lower()}", match.group("name"), "office", a, b, reason="a school district")
    groupish = re.search(
        r"group|nonprofit|organi[sz]ation|coalition|network|charity|company|contractor|firm|chapter|affiliate", text
    )
    for match in _within(GROUP_APPOSITIVE, text, regions) if groupish else ():
        a, b = match.start("name"), match.end("name")
        name = match.group("name")
        if name.split()[0] in ("The", "A", "An", "In", "On", "At", "But", "And") or name.split()[0] in vocab.TITLES:
            continue
        if free(a, b) and name not in cities and name not in vocab.STATES:
            add(f"org:{name.lower()}", name, "office", a, b, reason="a body the article calls a group or nonprofit")
    for match in _within(THE_BODY, text, regions):
        a, b = match.start(), match.end("name")
        name = match.group("name")
        if not free(a, b) or name in cities or name in vocab.STATES or name.split()[0] in vocab.TITLES:
            continue
        add(f"org:{name.lower()}", name, "office", a, b, reason="“The <name>” speaking at the head of a sentence")
    taken = {o.abbreviation for o in found.orgs if o.abbreviation} | {o.name for o in found.orgs} | known_abbr
    entities_bodies.find(text, regions, taken | set(vocab.MEDIA_NAMES), free, add)
    first: dict[str, Mention] = {}
    for mention in found.mentions:
        if mention.kind == "org" and (mention.id not in first or mention.start < first[mention.id].start):
            first[mention.id] = mention
    for org in found.orgs:
        org.mention = Span(first[org.id].start, first[org.id].end)  # the article's first mention, not the first found
        if (org.kind == "police" or org.name.endswith(("Council", "Board of Supervisors"))) and org.city is None:
            city = next((c for c in found.cities if org.name.startswith(c.name)), None)
            org.city = city.id if city else None


def _within(regex: re.Pattern[str], text: str, regions: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Matches of `regex` inside each region (a name never runs from one paragraph into the next)."""
    return [match for start, end in regions for match in regex.finditer(text, start, end)]


def _initials(name: str) -> str:
    words = name.replace(".", " ").split()
    return "".join(w[0] for w in words).upper() if len(words) > 1 else name[:1].upper()
