"""`events-tui draft`: a first annotation file for a new article, drafted by rules, for a person to review.

Pure Python, no model and nothing downloaded: the article's layout (layout), its quotations (quotes), the people,
organisations and cities it names (entities*), who said each quotation, how and when (speakers, resolve, dates),
stance candidates (stances), and the annotation file or JSON (output). Every item carries a confidence and a
reason, and the file says `reviewed = false` until a person has checked it.
"""

from __future__ import annotations

from tui.ingest.draft.model import Draft, Source, Span

__all__ = ["draft_text", "Draft"]


def draft_text(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> Draft:
    """Draft the annotations of one article. `published` (YYYY-MM-DD) wins over the text's "date" header."""
    from tui.ingest.draft import dates, entities, layout, quotes, speakers, stances

    paras = layout.paragraphs(text)
    source = Source(title=title, outlet=outlet, url=url, published=published)
    header = layout.date_header(text)
    if published is None and header is not None:
        source.published = header[0]
        source.published_evidence = Span(header[1], header[2])
    if title is None:
        head = layout.headline(text, paras)
        if head is not None:
            source.title = text[head[0] : head[1]]
    published_date = dates.parse_iso(source.published) if source.published else None
    tweets = quotes.find_tweets(text, paras)
    found_quotes = quotes.find_quotes(text, paras, tweets)
    dateline = _dateline_city(text, paras)
    found = entities.find_entities(text, paras, tweets, None)
    if dateline is not None:
        city = next((c for c in found.cities if c.mention.start == dateline), None)
        if city is not None:
            from tui.ingest.draft.jurisdiction import place_people

            for person in found.people:
                person.city = None if person.reason.endswith(("same paragraph", "headline", "names")) else person.city
            place_people(text, paras, found, city.id)
    sentences = speakers.attribute(text, paras, found_quotes, tweets, found, published_date)
    draft = Draft(text, source, found.cities, found.people, found.orgs, [], found_quotes, [])
    stances.find_stances(draft, found, paras, sentences, published_date)
    return draft


def _dateline_city(text: str, paras: list) -> int | None:
    from tui.ingest.draft.entities_places import DATELINE

    for para in paras:
        if para.kind == "body":
            return para.start if DATELINE.match(text, para.start, para.end) else None
    return None
