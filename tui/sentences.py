"""Where a sentence of an article begins and ends: the one sentence splitter, for quotes shown in context.

No imports from the rest of the package and no Textual. A fragment quoted alone can mislead ("raids in this
community" reads as a warning; the sentence says she had no specific information about them), so the browser,
the citation and the CLI show the sentence around it, cut from the article at these bounds: the offsets are the
article's, so `text[start:end]` is exactly the sentence shown.

A sentence ends at '.', '!' or '?' (with any closing quotation marks or brackets after it) followed by white
space and then a capital, a digit or an opening quotation mark; or at a line break. Abbreviations ('Gov.',
'Sept.', 'U.S.', 'D-Calif.') and initials ('Ras J. Baraka') do not end one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Longest context shown either side of the excerpt: a sentence longer than this (a run-on, a list, text with no
# punctuation at all) is cut at a word, and the cut is marked, rather than showing a page as "the sentence".
MAX_SIDE = 300

# Words that end with a full stop without ending a sentence (compared without the stop, case-folded).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st gov rep reps sen sens gen col lt sgt capt cmdr adm pres supt det insp atty ald rev
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc inc corp co ltd dept univ ave blvd rd mt ft calif fla tex ill ore wash mass penn
    conn ariz colo mich minn wis nev okla ala ark ga ky la md miss mo neb tenn va vt wyo
    """.split()
)
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A candidate end: the stop, any closers after it, then white space.
_END = re.compile(rf"[.!?][{re.escape(_CLOSERS)}]*(?=\s)")


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Whether the stop at `stop` (closers running to `after`) ends a sentence, judging the words around it."""
    nxt = len(text)
    for i in range(after, len(text)):
        if not text[i].isspace():
            nxt = i
            break
        if text[i] == "\n":
            return True  # a stop at the end of a line always ends its sentence
    if nxt < len(text):
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            return False
    if text[stop] != ".":
        return True
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENERS:
        word_start -= 1
    word = text[word_start:stop]
    last = word.rsplit("-", 1)[-1].rsplit(".", 1)[-1]  # 'D-Calif' -> 'Calif', 'U.S' -> 'S'
    if len(last) == 1 and last.isalpha():
        return False  # an initial ('J.') or the last letter of 'U.S.'
    return last.casefold() not in ABBREVIATIONS


class Bounds(NamedTuple):
    """A sentence's span in the article; `cut_before`/`cut_after`: it was cut there at `MAX_SIDE` characters."""

    start: int
    end: int
    cut_before: bool
    cut_after: bool


def sentence_bounds(text: str, start: int, end: int, max_side: int = MAX_SIDE) -> Bounds:
    """The span of the sentence(s) holding text[start:end], at most `max_side` characters either side of it.

    The span always contains the excerpt; white space around the sentence is left out. A sentence longer than
    `max_side` on a side is cut at a word boundary there, and the returned flags say so.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    floor = max(0, start - max_side)
    lo = floor
    # The last sentence end before the excerpt (a line break counts).
    newline = text.rfind("\n", floor, start)
    if newline != -1:
        lo = newline + 1
    for match in _END.finditer(text, lo, start):
        if match.end() <= start and _ends_sentence(text, match.start(), match.end()):
            lo = match.end()
    ceiling = min(len(text), end + max_side)
    hi = ceiling
    newline = text.find("\n", end, ceiling)
    if newline != -1:
        hi = newline
    # The excerpt may itself end with the stop ('“not panic.”'): look from just inside its last character.
    for match in _END.finditer(text, max(start, end - 1), hi):
        if _ends_sentence(text, match.start(), match.end()):
            hi = match.end()
            break
    cut_before = lo == floor and floor > 0
    if cut_before:
        space = text.find(" ", floor, start)
        lo = space + 1 if space != -1 else floor
    cut_after = hi == ceiling and ceiling < len(text)
    if cut_after:
        space = text.rfind(" ", end, ceiling)
        hi = space if space != -1 else ceiling
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return Bounds(lo, hi, cut_before, cut_after)
