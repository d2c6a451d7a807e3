"""The word patterns a subject phrase is read with (see tui.ingest.draft.resolve): adverbials and tails to cut,
pronouns, titles and body words that point back, determiners and datelines to skip, and asides to blank out."""

from __future__ import annotations

import re

from tui.ingest.draft.pronouns import FEMALE_KIN, MALE_KIN

ADVERBIAL = re.compile(
    r"^(?:in|on|at|during|after|before|since|from|with|without|speaking|asked|responding|earlier|later|last|"
    r"this(?=\s+(?:week|month|year|morning|afternoon|evening|weekend|spring|summer|fall|winter|time|past)\b)|"
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
    r"earlier|at\s+the\s+time|(?!(?:family|ally|assembly|supply|reply|italy|july|lily|emily|kelly|sally|molly|holly|"
    r"polly|billy|willy|bully|belly|jelly|rally|tally|daily|weekly|monthly|county)\b)\w+ly))+\s*$",
    re.IGNORECASE,
)
GROUP_PRONOUNS = {"they", "their", "we", "our"}
SPOKESPEOPLE = {"office", "spokesman", "spokeswoman", "spokesperson", "campaign"}
ORG_PRONOUNS = {"it", "its"}
PRONOUN = re.compile(
    r"^(he|she|they|it|his|her|their|its|we|our)\b(?:\s+(statement|tweet|letter|post|"
    r"office|spokesman|spokeswoman|spokesperson|campaign|"
    # "Her answer: “…”": the words of the one the pronoun points to
    r"answer|reply|response|advice|words|warning|explanation|verdict|question|message|plea|promise|prediction))?",
    re.IGNORECASE,
)
TITLE_PHRASE = re.compile(
    r"^(?:(?:the|The)\s+)?(?:(?P<q>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?:[’']s)?\s+)?"
    r"(?:(?:city|city’s|city's|department’s|department's|police|new|acting|former|top|state’s|state's|county’s)\s+)*"
    r"(?P<t>mayor|governor|president|police chief|chief|police commissioner|commissioner|sheriff|senator|speaker|"
    r"secretary|director|superintendent|attorney general)"
    r"(?:\s+of\s+(?:nearby\s+|the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?\s*$"
)
DISTRICT_WORDS = re.compile(r"^(?:the|The)\s+(?:school\s+)?district\s*$")
GROUP_WORDS = re.compile(r"^(?:the|The)\s+(?:group|nonprofit|organization|organisation)\s*$")
ORG_WORDS = re.compile(
    r"^(?:the|The)\s+(?:city’s\s+|city's\s+)?(?P<w>department|police department|police|agency|"
    r"office|sheriff’s office|sheriff's office)\s*$"
)
MODIFIED = re.compile(
    r"\s+(?:officials?|officers?|agents?|spokes(?:man|woman|person)|leaders?|deputies|employees|staff|workers|"
    r"lawyers?|attorneys?|members?|supporters|critics|sources?|representatives?|investigators?|personnel|union)\b"
)
ISSUED = re.compile(
    r"^(?:the|that|this|a)\s+(?:joint\s+|written\s+)?(?:statement|letter|tweet|post|release|email|memo|message|"
    r"notice|announcement)\s*$"
)
# "The district sent a message to families": who sent the words a later "the message read" quotes.
SENT = re.compile(
    r"\b(?:sent|issued|released|posted|emailed|mailed|published|shared|put\s+out)\s+(?:a|an|its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|letter|tweet|post|release|email|memo|message|notice|announcement)\b"
)
INVERTED_HEAD = re.compile(r"(?:Among|Also|Joining|With|Next|First)\b[^,.;“”\"]{0,80}\b(?:was|were|is|are)\s+$")
APPOSITIVE_HEAD = re.compile(r"(?:The|A|An|His|Her|Its|Their)\s+[^,.;:“”\"]{1,60},\s*")
ISSUED_FROM = re.compile(
    r"(?:an?|the|in\s+a)\s+(?:joint\s+|written\s+)?(?:statement|letter|release|post|report|audit|review|study)\s+"
    r"(?:from|by)\s+(?P<who>.+)",
    re.I,
)
DETERMINER = re.compile(
    r"^(?:(?:the|The|former|Former|then-|acting|Acting|state|State|county|federal|city|U\.S\.)\s+)+"
)
DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[\w. ]+?)?\s*(?:\([^)]*\))?\s*(?:—|–|--|\s-\s)\s*")
PLACE_WORDS = re.compile(
    r"(?:(?:(?:Village|City|Town|Borough|Township|County|State|District|Port|Commonwealth|Mayor|Governor|Sheriff|"
    r"President|Director|Secretary|Commissioner|Superintendent|Chair|Chairman|Chairwoman)\s+of(?=\s+[A-Z])"
    r"|(?!(?:The|A|An|In|On|At|He|She|They|It|We|But|And)\s)[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w.’'-]*"
    r"|(?<=[A-Za-z]\s)\d{1,3}[A-Za-z]?(?=\s+[A-Z])"  # "Ward 1 Alderman X", "District 5 Supervisor Y"
    r"|d[’']\w+|de|del|la|los|las)\s+){0,7}"
)

LOWER_ROLE = re.compile(
    r"(?:(?:council|city|county|state|school|board|police|deputy|assistant|president|member|chair|chairman|"
    r"chairwoman|supervisor|commissioner|organizer|spokesman|spokeswoman|spokesperson|director|executive)\s+){1,3}"
)


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


# A finite verb after a subject's first two words ("A federal judge on Friday ordered …"); a relative clause before
# it ("Residents who were detained") keeps it, as part of the description.
PREDICATE = re.compile(r"(?<=\w\s\S)[^,]*?\s(?=[a-z]{3,}ed\s+(?:the|a|an|his|her|its|their|to|that|it|them|him)\s)")
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|that|which|named|called)\b")


BODY_KIND = re.compile(
    r"(?:[a-z-]+\s+){0,2}?(?:group|nonprofit|organization|organisation|coalition|network|charity|company|firm|"
    r"contractor|union)\s+(?=[A-Z])"
)
# Between a body and a person in one subject phrase: role words only ("ICE acting Director", "the union's president").
QUALIFIES = re.compile(r"(?:[’']s)?\s+(?:(?!(?:and|or|with|of|for|to|by|from)\b)[A-Za-z.-]+\s+){0,4}")


def of_kind(word: str, kind: str, name: str) -> bool:
    """Can a body of this kind and name be "the department" / "the agency" / "the office" / "the police"?"""
    if "police" in word:
        return kind == "police"
    if word.endswith("department"):
        return kind == "police" or "Department" in name
    if word.endswith("agency"):
        return kind == "federal agency" or bool(re.search(r"Agency|Administration|Service|Bureau|Patrol", name))
    return kind == "police" if "sheriff" in word else "Office" in name or kind == "office"


GOVERNMENT = re.compile(r"Department|Office|Agency|Court|Council|Board|City|County|State|Commission|Bureau|Police")
# What a person's words are called: "Ruiz's message", "the mayor's answer was short".
SPEECH_NOUN = re.compile(
    r"[’']s\s+(?:\w+\s+)?(?:message|response|answer|reply|words|comment|reaction|verdict|advice|warning|promise|"
    r"plea|retort|assessment|explanation|argument|view|take|statement|letter|tweet|post|email|remarks|testimony)\b"
)

KIN_BEFORE_NAME = re.compile(
    r"(?:his|her|their|His|Her|Their)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(FEMALE_KIN | MALE_KIN | {"partner", "cousin", "friend", "neighbor"}))
    + r"),?\s+(?=[A-Z])"
)

# "But the main speaker was United Farm Workers President Arturo Rodriguez": the name the sentence is about.
COPULA_NAME = re.compile(r"^[^,;“”\"]{0,60}\b(?:was|were|is)\s+(?:[A-Z][\w.’'-]*\s+){0,5}$")
