"""Bodies the vocabulary does not know, found by how the article uses them (see entities_places.find_orgs):
an acronym that speaks ("LULAC called …", "“…,” RAICES said") and a name the article calls a group ("the advocacy
group Mijente", "the nonprofit Casa Verde")."""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.ingest.draft import vocab

VERBS = r"said|says|called|told|added|wrote|tweeted|urged|warned|argued|announced|condemned|criticized|praised"
ACRONYM_SPEAKER = re.compile(
    rf"(?<![\w.’'-])(?P<abbr>[A-Z]{{3,8}})(?![\w’'-])(?:,[^,“”\"]{{3,80}},)?\s+(?:{VERBS})\b"
    rf"|\b(?:said|says)\s+(?P<abbr2>[A-Z]{{3,8}})(?=[\s,.;])"
)
KIND_THEN_NAME = re.compile(
    r"\b(?:the|The)\s+(?:[\w-]+\s+){0,2}?(?:group|nonprofit|organization|organisation|coalition|network|charity|"
    r"company|firm|contractor|union)\s+(?P<name>[A-Z][\w’'&-]+(?:\s+(?:[A-Z][\w’'&-]+|de|del|of|for|the)){0,4})"
    r"(?<!\bthe)(?<!\bof)(?<!\bfor)"
)
# Capitals that are no body's name: headline words, call signs' neighbours, units.
NOT_BODIES = frozenset({"THE", "AND", "BUT", "FOR", "NOT", "NEW", "ONE", "TWO", "USA", "CEO", "COVID", "DACA", "TPS"})


def find(
    text: str,
    regions: list[tuple[int, int]],
    known: set[str],
    free: Callable[[int, int], bool],
    add: Callable[..., None],
) -> None:
    """Add each body found: `known` are abbreviations and names already taken (agencies, outlets, states)."""
    for start, end in regions:
        for m in ACRONYM_SPEAKER.finditer(text, start, end):
            group = "abbr" if m.group("abbr") else "abbr2"
            abbr = m.group(group)
            a, b = m.start(group), m.end(group)
            if abbr in known or abbr in NOT_BODIES or abbr in vocab.STATE_BY_ABBR or not free(a, b):
                continue
            if re.fullmatch(r"[KW][A-Z]{2,3}", abbr):
                continue  # a station's call sign is an outlet, found with the media
            kind = "police" if abbr.endswith("PD") else "office"
            add(f"acronym:{abbr}", abbr, kind, a, b, abbr, reason="an acronym the article has speak")
        for m in KIND_THEN_NAME.finditer(text, start, end):
            a, b = m.start("name"), m.end("name")
            name = m.group("name")
            if name in known or name in vocab.STATES or name in vocab.CITIES or not free(a, b):
                continue
            if name.split()[0] in vocab.TITLES:
                continue
            add(f"org:{name.lower()}", name, "office", a, b, reason="a name the article calls a group")
