"""Direct quotations: paired quote marks in body paragraphs, and tweets embedded with their signature line.

Marks pair within a paragraph: a curly “ opens and ” closes; a straight " opens or closes by what stands beside
it, so “…" (curly open, straight close, as real text has) pairs too. Single marks are quotation marks only in an
article whose body has no double marks at all (outlets that set quotations ‘like this’): in American news they
nest inside a quotation or stand in headlines, and ’ is also the apostrophe, so a ’ between letters or after a
plural's s before a lowercase word ("the workers’ union") never closes one.
Left out: a nickname inside a name (Bernard C. “Jack” Young), a title of a work ("the show “Open Borders”"),
anything in a headline or the page furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.ingest.draft.layout import Paragraph
from tui.ingest.draft.model import Quote, Span

OPEN, CLOSE = "“", "”"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
TWEET_SIGNATURE = re.compile(
    r"\s+(?:—|–|--|-)\s*(?P<name>[^()\n—]{2,80}?)\s*\((?P<handle>@\w{1,15})\)\s*(?P<date>"
    + MONTH
    + r"\s+\d{1,2},\s*\d{4})\s*$"
)
TRAILING_LINK = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")
TITLE_CUES = re.compile(
    r"\b(show|film|movie|book|song|album|series|program|programme|documentary|podcast|op-ed|column|article|essay|"
    r"titled|entitled|called|named|dubbed|nicknamed|hashtag|headline|slogan|campaign|operation|play|poem|report)\W*$",
    re.IGNORECASE,
)
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"})
EDGE = " \t\r\n,"


@dataclass
class Tweet:
    """An embedded tweet: its text, the signature's name, handle and date."""

    span: Span
    outer: Span
    name: Span
    handle: str
    date: Span


def find_tweets(text: str, paras: list[Paragraph]) -> list[Tweet]:
    tweets: list[Tweet] = []
    for para in paras:
        if para.kind == "furniture":
            continue
        line = text[para.start : para.end]
        match = TWEET_SIGNATURE.search(line)
        if not match:
            continue
        body_end = para.start + match.start()
        link = TRAILING_LINK.search(text, para.start, body_end)
        if link and link.end() == body_end:
            body_end = link.start()
        start = para.start
        # A copied tweet often starts with a stray ". " (a reply's leading dot) or quote mark; the text is after it.
        while start < body_end and (text[start].isspace() or text[start] in '.“"”'):
            start += 1
        while body_end > start and text[body_end - 1] in ' \t“"”':
            body_end -= 1
        if body_end - start < 3:
            continue
        name = Span(para.start + match.start("name"), para.start + match.end("name"))
        date = Span(para.start + match.start("date"), para.start + match.end("date"))
        tweets.append(Tweet(Span(start, body_end), Span(para.start, para.end), name, match.group("handle"), date))
    return tweets


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for a straight double mark at i, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit() and not after.isalnum():
        return "inch"
    opens = before.isspace() or before in "([{—–-/:;“"
    closes = after.isspace() or after in ".,;:!?)]}—–-”’'" or i + 1 >= len(text)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quotes(text: str, paras: list[Paragraph], tweets: list[Tweet]) -> list[Quote]:
    quotes: list[Quote] = []
    tweet_paras = {t.outer.start for t in tweets}
    body = [p for p in paras if p.kind == "body" and p.start not in tweet_paras]
    single = not any(ch in text[p.start : p.end] for p in body for ch in (OPEN, CLOSE, '"'))
    for para in body:
        quotes.extend(_single_pairs(text, para) if single else _pairs(text, para))
    for tweet in tweets:
        quote = Quote(tweet.span, "tweet", tweet=True, outer=tweet.outer, medium="tweet")
        quote.paragraph = next(p.index for p in paras if p.start == tweet.outer.start)
        quotes.append(quote)
    quotes.sort(key=lambda q: q.span.start)
    return quotes


def _pairs(text: str, para: Paragraph) -> list[Quote]:
    found: list[Quote] = []
    opened: tuple[int, str] | None = None
    for i in range(para.start, para.end):
        ch = text[i]
        if opened is not None and ch in "’'" and text[i + 1 : i + 2] == ch and DOUBLED_CLOSE.match(text, i + 2):
            # “…,’’ Garay said: two single marks typed for a closing double one
            quote = _make(text, para, opened[0], i, "mixed")
            if quote is not None and quote.outer is not None:
                quote.outer = Span(quote.outer.start, quote.outer.end + 1)
                found.append(quote)
            opened = None
            continue
        if ch not in (OPEN, CLOSE, '"'):
            continue
        role = "open" if ch == OPEN else "close" if ch == CLOSE else _role(text, i)
        if role == "inch":
            continue
        if opened is None:
            if role in ("open", "either"):
                opened = (i, ch)
            continue  # a closing mark with nothing open: a stray, or the end of a quotation from a paragraph before
        if role == "open" and ch == OPEN:
            opened = (i, ch)  # the earlier opening mark was never closed; start again here
            continue
        quote = _make(
            text,
            para,
            opened[0],
            i,
            "curly" if opened[1] == OPEN and ch == CLOSE else "straight" if opened[1] == ch == '"' else "mixed",
        )
        if quote is not None:
            found.append(quote)
        opened = None
    if opened is not None and _continues_next(text, para):
        quote = _make(text, para, opened[0], para.end, "unclosed")
        if quote is not None:
            found.append(quote)
    return found


DOUBLED_CLOSE = re.compile(r"[\s.,;:!?)\]—–]|$")
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))[‘'](?=\S)")
SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?=[\s.,;:!?)\]—–]|$)")


def _single_pairs(text: str, para: Paragraph) -> list[Quote]:
    """‘…’ (or '…') quotations in an article that uses no double marks."""
    found: list[Quote] = []
    at = para.start
    while True:
        opening = SINGLE_OPEN.search(text, at, para.end)
        if opening is None:
            return found
        closing = None
        for m in SINGLE_CLOSE.finditer(text, opening.end(), para.end):
            if text[m.start() - 1] == "s" and re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
                continue  # "the workers’ union": a plural's apostrophe
            closing = m
            break
        if closing is None:
            return found
        quote = _make(text, para, opening.start(), closing.start(), "single")
        if quote is not None:
            found.append(quote)
        at = closing.end()


def _continues_next(text: str, para: Paragraph) -> bool:
    """A quotation that runs on into the next paragraph: news leaves it open, and opens the next one again."""
    rest = text[para.end :].lstrip()
    return rest[:1] in (OPEN, '"')


def _make(text: str, para: Paragraph, open_at: int, close_at: int, marks: str) -> Quote | None:
    start, end = open_at + 1, close_at
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    if end <= start:
        return None
    inner = text[start:end]
    outer_end = close_at + 1 if close_at < para.end else close_at
    spoken = SPOKEN_AFTER.match(text, outer_end) is not None  # “Thank God,” she said: words said, not a title
    if _is_nickname(text, open_at, outer_end, inner) or (not spoken and _is_title(text, open_at, inner)):
        return None
    if _is_scare_modifier(text, open_at, outer_end, inner):
        return None
    quote = Quote(Span(start, end), marks, outer=Span(open_at, outer_end), paragraph=para.index)
    return quote


# An attribution right after the closing mark: the quotation is someone's words, whatever its capitals.
SPOKEN_AFTER = re.compile(
    r"\s*,?\s*(?:(?:he|she|they|I|we|the\s+\w+|an?\s+\w+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    r"(?:said|says|asked|asks|added|adds|told|wrote|shouted|yelled|cried|chanted)"
    r"|(?:said|says|asked|added)\s+(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}))"
    r"(?=\s*[,.;!?]|\s*$|\s+(?:on|in|at|to|of|during|after|as|while|when|before|from)\b)"
)


def _is_nickname(text: str, open_at: int, close_end: int, inner: str) -> bool:
    """Bernard C. “Jack” Young: one or two capitalised words between two parts of a name."""
    words = inner.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    # The word before is a first name or an initial ("Bernard C."), not the end of a sentence ("Monday.").
    before = re.search(r"(?:[A-Z][\w’'-]*|\b[A-Z]\.)[ \t]+$", text[max(0, open_at - 30) : open_at])
    after = re.match(r"[ \t]+[A-Z][\w’'-]+", text[close_end : close_end + 30])
    return bool(before and after)


MODIFIER_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our|the|a|an|this|so-called))\s*$", re.IGNORECASE)
NOT_NOUNS = frozenset(
    """from to and or in on at for of with by that which who is are was were be as than but into over under about
    after before during since until against between through across would will could should can may might must had
    has have did do does not never""".split()
)


def _is_scare_modifier(text: str, open_at: int, close_end: int, inner: str) -> bool:
    """its “protected areas” policy: a few words in marks between a determiner and the noun they name."""
    words = inner.split()
    if not 1 <= len(words) <= 3 or inner[-1] in ".?!,;:":
        return False
    if not MODIFIER_BEFORE.search(text[max(0, open_at - 12) : open_at]):
        return False
    after = re.match(r"[ \t]+([a-z]+)\b", text[close_end : close_end + 30])
    return bool(after and after.group(1) not in NOT_NOUNS)


def _is_title(text: str, open_at: int, inner: str) -> bool:
    """The title of a show, book or operation: capitalised words, no closing punctuation."""
    words = inner.split()
    if inner[-1:] == "." and re.search(r"(?:[’']s|\bon|\bin)\s*$", text[max(0, open_at - 12) : open_at]):
        words = inner[:-1].split()  # CNN's “State of the Union.”: a title the sentence ends on
        if len(words) < 2:
            return False
    elif not words or len(words) > 8 or inner[-1] in ".?!," or re.search(r"[.?!]\s", inner):
        return False  # "Full. Full. Full": sentences, not a title
    if len(words) > 8:
        return False
    capitalised = all(w[:1].isupper() or w.lower() in SMALL_WORDS or not w[:1].isalpha() for w in words)
    if not capitalised or not words[0][:1].isupper():
        return False
    if len(words) >= 2:
        return True
    return bool(TITLE_CUES.search(text[max(0, open_at - 40) : open_at]))
