"""Stance candidates: a sentence saying a police department, a city or a state law refuses, cooperates with or is
made to cooperate with federal immigration enforcement, with the sentence as evidence.

Cues, strongest first: a law that mandates cooperation or bans sanctuary cities (mandated); a negated cooperation
verb ("will not cooperate", "won't play any role", "would not be participating"), a rule barring officers or
employees from helping, revoked access (refuses); cooperation without negation ("works with ICE") (cooperates);
a sanctuary policy with nothing more (unclear). The holder is the law or policy the sentence names, else the
police department it names, else the police or city of the person speaking. Without a holder there is no stance.
"""

from __future__ import annotations

import re
from datetime import date

from tui.ingest.draft import dates
from tui.ingest.draft.entities import Entities, slug, unique_id
from tui.ingest.draft.layout import Paragraph
from tui.ingest.draft.model import Draft, Org, Person, Policy, Span, Stance

TOPIC = re.compile(
    r"\b(?:ICE|immigration|deportations?|Customs and Border|federal agents|detainers?|sanctuary|raids?|"
    r"sweeps|287\(g\))\b",
    re.IGNORECASE,
)
NEGATION = r"(?:\bnot|n[’']t|\bnever|\bno longer|\brefus\w*|\bdeclin\w*)"
ACT = (
    r"(?:cooperat\w*|participat\w*|take part|taking part|play any role|play a role|assist\w*|help\w*|enforce\w*|"
    r"honou?r\w*|facilitat\w*|work(?:ing)? with|be participating|be involved|comply|complying)"
)
CUES = (
    (
        "mandated",
        re.compile(
            r"\b(?:mandat\w*|requir\w*|compel\w*|forces?|forced|must)\b[^.;]{0,80}?\b(?:cooperat\w*|honou?r|comply)"
            r"|\b(?:prohibit\w*|bans?|banned|banning|outlaw\w*)\s+sanctuary",
            re.I,
        ),
        0.6,
    ),
    ("refuses", re.compile(rf"{NEGATION}\b(?:\W+\w+){{0,4}}?\W+{ACT}\b|\bdoes not and will not\b", re.I), 0.6),
    (
        "refuses",
        re.compile(
            r"\b(?:prohibit\w*|bar|bars|barred|barring|ban|bans|banned|banning|forbid\w*)\b[^.;]{0,90}?"
            r"\bfrom\b[^.;]{0,70}?\b(?:help\w*|assist\w*|cooperat\w*|using|enforc\w*|participat\w*)",
            re.I,
        ),
        0.6,
    ),
    ("refuses", re.compile(r"\brevok\w+\b[^.;]{0,80}\baccess\b", re.I), 0.55),
    (
        "refuses",
        re.compile(r"\b(?:remain|will be|declared?\s+(?:itself|the city)?)\s+(?:a\s+)?sanctuary\b", re.I),
        0.45,
    ),
    (
        "cooperates",
        re.compile(
            r"\b(?:works?|working|cooperat\w*|partner\w*|collaborat\w*|assist\w*|honou?r\w*|"
            r"follow\w*)\s+(?:closely\s+|fully\s+)?(?:with\s+)?(?:ICE|federal immigration|immigration "
            r"(?:authorities|officials|agents|law)|detainers?)\b|\b287\(g\)",
            re.I,
        ),
        0.5,
    ),
    (
        "unclear",
        re.compile(r"\bsanctuary(?:\s+city)?\s+polic(?:y|ies)\b|\breview\w*\b[^.;]{0,40}\bpolic(?:y|ies)\b", re.I),
        0.35,
    ),
)
LAW = re.compile(
    r"\b(?:an?|the|new)\s+(?:new\s+)?(?P<kind>bill|law|statute|legislation|executive order|order|directive|ordinance|"
    r"(?:police department |city |sanctuary (?:city )?)?policy)\b[^,.;]{0,150}",
    re.I,
)


def find_stances(
    draft: Draft, found: Entities, paras: list[Paragraph], sentences: list[Span], published: date | None
) -> None:
    text = draft.text
    taken = {p.id for p in draft.people} | {o.id for o in draft.orgs} | {c.id for c in draft.cities}
    seen: set[tuple[str, str]] = set()
    for sentence in sentences:
        words = text[sentence.start : sentence.end]
        if not TOPIC.search(words):
            continue
        for position, regex, confidence in CUES:
            cue = regex.search(words)
            if cue is None:
                continue
            holder = _holder(draft, found, sentence, cue.start(), position, taken)
            if holder is None:
                break
            holder_id, kind, city, reason = holder
            if (holder_id, position) in seen:
                break
            seen.add((holder_id, position))
            stance = Stance(
                holder_id,
                kind,
                position,
                sentence,
                city,
                confidence=confidence,
                reason=f"“{cue.group(0)[:60]}”; holder: {reason}",
            )
            dated = [d for d in dates.find(text, sentence.start, sentence.end, published) if d.value]
            if dated:
                stance.date, stance.date_precision, stance.date_evidence = (
                    dated[0].value,
                    dated[0].precision,
                    dated[0].span,
                )
            draft.stances.append(stance)
            break


def _holder(
    draft: Draft, found: Entities, sentence: Span, cue_at: int, position: str, taken: set[str]
) -> tuple[str, str, str | None, str] | None:
    text = draft.text
    words = text[sentence.start : sentence.end]
    in_sentence = [m for m in found.mentions if sentence.start <= m.start < sentence.end]
    law = LAW.search(words)
    people = [found.by_id(m.id) for m in in_sentence if m.kind == "person"]
    person = next((p for p in people if isinstance(p, Person)), None)
    if law and (position == "mandated" or law.start() <= cue_at + 40):
        return _policy(draft, found, sentence, law, person, taken)
    police = [found.by_id(m.id) for m in in_sentence if m.kind == "org"]
    org = next((o for o in police if isinstance(o, Org) and o.kind == "police"), None)
    if org is not None:
        return org.id, "police", org.city, f"“{org.name}” named in the sentence"
    city_subject = re.search(
        r"\b(?:the city|(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*)?))\s+(?:\w+\s+){0,3}$", words[max(0, cue_at - 60) : cue_at]
    )
    if city_subject and (
        not city_subject.group("name") or any(c.name == city_subject.group("name") for c in draft.cities)
    ):
        city_id = next((m.id for m in in_sentence if m.kind == "city"), None) or _main_city(draft, found)
        mayor = next((p for p in draft.people if p.title == "Mayor" and p.city == city_id), None)
        if mayor is not None:
            return mayor.id, "city policy", city_id, f"“the city”: its mayor, {mayor.name}"
    if person is not None and (person.jurisdiction == "state" or person.title in ("Governor", "Attorney General")):
        return person.id, "state guidance", None, f"a state official, {person.name}"
    if person is not None and person.city:
        city_police = next((o for o in draft.orgs if o.kind == "police" and o.city == person.city), None)
        if city_police is not None and re.search(r"\b(?:police|officers|law enforcement|department)\b", words, re.I):
            return city_police.id, "police", person.city, f"the police of {person.name}'s city"
        if person.title == "Mayor":
            return person.id, "city policy", person.city, f"the mayor, {person.name}"
    return None


def _policy(
    draft: Draft, found: Entities, sentence: Span, law: re.Match[str], person: Person | None, taken: set[str]
) -> tuple[str, str, str | None, str]:
    kind_word = law.group("kind").lower()
    state = person.state if person is not None and person.jurisdiction == "state" else None
    statewide = state is not None or (person is not None and person.title in ("Governor", "Lieutenant Governor"))
    kind = "state law" if statewide and kind_word in ("bill", "law", "statute", "legislation") else "city policy"
    city = person.city if person is not None else None
    if kind == "city policy" and city is None:
        city = next((m.id for m in found.mentions if m.kind == "city" and m.start < sentence.end), None)
    start = sentence.start + law.start()
    mention = draft.text[start : sentence.start + law.end()].rstrip()
    name = re.sub(r"^(?:an?|the)\s+", "", mention, flags=re.I)
    policy = Policy(
        unique_id(slug(f"{state or city or 'local'} {kind_word}"), taken),
        name,
        kind,
        Span(start, start + len(mention)),
        city=None if state else city,
        state=state,
        signed_by=person.id
        if person is not None and re.search(r"\bsign\w*", draft.text[sentence.start : start])
        else None,
        reason=f"“{kind_word}” in the evidence sentence",
    )
    draft.policies.append(policy)
    return policy.id, kind, policy.city, f"the {kind_word} the sentence names"


def _main_city(draft: Draft, found: Entities) -> str | None:
    """The city the article is about: the one named most often."""
    counts: dict[str, int] = {}
    for m in found.mentions:
        if m.kind == "city":
            counts[m.id] = counts.get(m.id, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None
