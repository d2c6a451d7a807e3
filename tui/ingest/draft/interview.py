"""Quotations whose speaker the layout gives, not a reporting verb: a Q&A's answers, a statement read out.

- "Q: …" / "A: “…”": every answer is the interviewee's: the speaker of the answer before, else the person the
  introduction (the paragraphs before the first question) names most often.
- "X read a long statement before the vote." followed by paragraphs that are only the statement (see
  Attributor._introduced, which uses STATEMENT_CUE).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from tui.ingest.draft.model import Quote
from tui.ingest.draft.resolve import Who

if TYPE_CHECKING:
    from tui.ingest.draft.speakers import Attributor

ANSWER = re.compile(r"\s*(?:A|Answer)\s*[:.]\s*\Z")
QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.]\s")
STATEMENT_CUE = re.compile(
    r"\b(?:read|delivered|issued|released|gave|made)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|remarks|speech|letter|testimony)\b"
)


def answer(attributor: Attributor, quote: Quote, previous: Quote | None) -> Who | None:
    if quote.outer is None:
        return None
    text = attributor.text
    para = next(p for p in attributor.paras if p.index == quote.paragraph)
    if not ANSWER.match(text[para.start : quote.outer.start]):
        return None
    if previous is not None and previous.speaker and previous.reason.endswith("the interviewee"):
        return Who(previous.speaker, None, 0.7, "an answer in a Q&A: the interviewee")
    first_q = next((p for p in attributor.paras if p.kind == "body" and QUESTION.match(text, p.start, p.end)), None)
    if first_q is None:
        return None
    intro = [p for p in attributor.paras if p.kind == "body" and p.index < first_q.index]
    counts = Counter(
        m.id
        for m in attributor.entities.mentions
        if m.kind == "person" and any(p.start <= m.start < p.end for p in intro)
    )
    if not counts:
        return None
    who = counts.most_common(1)[0][0]
    return Who(who, None, 0.7, "an answer in a Q&A: the interviewee")
