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
            r"\bfrom\b[^.;]{0,70}?\b(?:help\w*|assist\w*|cooperat\w*|using|enforc\w*|participat\w*|shar\w*|provid\w*|"
            r"communicat\w*|ask\w*|inquir\w*|detain\w*|hold\w*)",
            re.I,
        ),
        0.6,
    ),
    ("refuses", re.compile(r"\brevok\w+\b[^.;]{0,80}\baccess\b", re.I), 0.55),
    (
        "refuses",
        re.compile(
            r"\b(?:end\w*|terminat\w*|withdr\w*|pull\w* out of|cancel\w*|cut ties with)\b[^.;]{0,60}?"
            r"\b(?:287\(g\)|agreement|contract|partnership)",
            re.I,
        ),
        0.5,
    ),
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
        in_sentence: set[str] = set()
        for position, regex, confidence in CUES:
            cue = regex.search(words)
            if cue is None:
                continue
            if position == "mandated":
                in_sentence.add("mandated")  # even with no holder: a mandate's "cooperate" is not a cooperation
            if position == "cooperates" and (
                "mandated" in in_sentence or NEGATED.search(words[max(0, cue.start() - 40) : cue.start()])
            ):
                continue  # "mandates that officials must cooperate", "will not cooperate": not a cooperation
            holder = _holder(draft, found, sentence, cue.start(), position, taken)
            if holder is None:
                continue
            holder_id, kind, city, reason = holder
            if (holder_id, position) in seen or holder_id in in_sentence:
                continue  # one stance per holder and position; one position per holder and sentence
            seen.add((holder_id, position))
            in_sentence.update((holder_id, position))
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


NEGATED = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bno longer|\brefus\w*|\bdeclin\w*|\bstop\w*|\bend\w*)\W+(?:\w+\W+){0,3}$", re.I
)
CITY_SUBJECT = re.compile(
    r"\b[Tt]he city\s+(?:would|will|has|had|is|was|does|did|must|can|should|won[’']t|wouldn[’']t|plans|voted|"
    r"said|says|announced|no longer|also|now)\b"
)
COUNCIL = re.compile(r"\b(?:City Council|Council|Board of Supervisors|County Board|Commission)$")
POLICE_TITLES = ("Sheriff", "Police Chief", "Chief", "Police Commissioner", "Commissioner", "Police Superintendent")
NAMED_LAW = re.compile(r"\s*(?:that|which|barring|requiring|prohibiting|banning|mandating|forbidding|to\s+\w+)\b")
ENACTED = re.compile(
    r"\b(?:signed|passed|approved|enacted|adopted|issued|introduced|announced|under)\s+(?:\w+\s+){0,3}$"
)
NOT_IN_FORCE = re.compile(
    r"\b(?:vetoe?d?|vetoing|rejected|blocked|struck down|would have|failed|proposed)\b(?:\s+\w+){0,4}\s*$"
)


def _holder(
    draft: Draft, found: Entities, sentence: Span, cue_at: int, position: str, taken: set[str]
) -> tuple[str, str, str | None, str] | None:
    """The holder named nearest before the cue (else just after it): a law or policy the sentence names, a
    police department, a sheriff or police chief, "the city" (its mayor), a mayor, or a state official."""
    text = draft.text
    words = text[sentence.start : sentence.end]
    candidates: list[tuple[int, re.Match[str] | Org | Person | str]] = []
    for law in LAW.finditer(words):
        preceding = words[: law.start()]
        if NOT_IN_FORCE.search(preceding):
            continue  # a vetoed or proposed bill holds no stance
        if NAMED_LAW.match(words, law.end("kind")) or ENACTED.search(preceding):
            candidates.append((law.start(), law))
    for m in found.mentions:
        if not sentence.start <= m.start < sentence.end or m.kind == "city":
            continue
        entity = found.by_id(m.id)
        if isinstance(entity, Org) and (entity.kind == "police" or COUNCIL.search(entity.name)):
            candidates.append((m.start - sentence.start, entity))
        elif isinstance(entity, Person) and not m.possessive:
            if entity.title in POLICE_TITLES or entity.title == "Mayor" or entity.jurisdiction == "state":
                candidates.append((m.start - sentence.start, entity))
            elif entity.title in ("Governor", "Attorney General"):
                candidates.append((m.start - sentence.start, entity))
    for match in CITY_SUBJECT.finditer(words):
        candidates.append((match.start(), "the city"))
    people_before = [(c[0], c[1]) for c in candidates if c[0] <= cue_at and isinstance(c[1], Person)]
    if position == "mandated":  # only a law or policy mandates; a person's words do not
        candidates = [c for c in candidates if isinstance(c[1], re.Match)]
    before = [c for c in candidates if c[0] <= cue_at]
    after = [c for c in candidates if cue_at < c[0] <= cue_at + 60]
    if not before and not after:
        return None
    at, holder = max(before, key=lambda c: c[0]) if before else min(after, key=lambda c: c[0])
    if isinstance(holder, re.Match):
        signer = next((c[1] for c in sorted(people_before, key=lambda c: -c[0]) if c[0] <= at), None)
        return _policy(draft, found, sentence, holder, signer, taken)
    if isinstance(holder, Org):
        kind = "police" if holder.kind == "police" else "city policy"
        return holder.id, kind, holder.city, f"“{holder.name}” named in the sentence"
    if holder == "the city":
        in_sentence = [m for m in found.mentions if sentence.start <= m.start < sentence.end]
        city_id = next((m.id for m in in_sentence if m.kind == "city"), None) or _main_city(draft, found)
        mayor = next((p for p in draft.people if p.title == "Mayor" and p.city == city_id), None)
        if mayor is None:
            return None
        return mayor.id, "city policy", city_id, f"“the city”: its mayor, {mayor.name}"
    assert isinstance(holder, Person)
    if holder.title in POLICE_TITLES:
        police = next((o for o in draft.orgs if o.kind == "police" and o.city == holder.city and holder.city), None)
        if police is not None:
            return police.id, "police", holder.city, f"the department of {holder.name}"
        return holder.id, "police", holder.city, f"{holder.title} {holder.name}"
    if holder.title == "Mayor":
        police = next((o for o in draft.orgs if o.kind == "police" and o.city == holder.city and holder.city), None)
        if police is not None and re.search(r"\b(?:police|officers|law enforcement)\b", words[at:cue_at], re.I):
            return police.id, "police", holder.city, f"the police of {holder.name}'s city"
        return holder.id, "city policy", holder.city, f"the mayor, {holder.name}"
    return holder.id, "state guidance", None, f"a state official, {holder.name}"


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
    same = next((p for p in draft.policies if p.mention.start == start), None)
    if same is not None:
        return same.id, same.kind, same.city, f"the {kind_word} the sentence names"
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
