"""Articles of the synthetic database (see tui.ingest.synth): text first, then the rows cut from it.

Each article is a headline, a lead, a claim and then paragraphs: quotations attributed as news prose does
("Oakland Mayor Libby Schaaf (D) said on Friday: “...”"), police statements of their stance on ICE, mayors'
policies, and "did not respond" lines. Every row's offsets are taken while the text is written, so
`text[start:end]` is the row's excerpt by construction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tui.ingest import synth_vocab as vocab
from tui.ingest.synth_cast import Cast, zipf_cum
from tui.search import fold

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Text:
    """An article being written: appends pieces and says where each one lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        return start, self.pos

    def mark(self) -> tuple[int, int]:
        """Where the next piece will go: (piece index, character offset), for `since`."""
        return len(self.parts), self.pos

    def since(self, mark: tuple[int, int]) -> tuple[str, int, int]:
        """The text written since `mark`, with its offsets, without joining the whole article."""
        return "".join(self.parts[mark[0] :]), mark[1], self.pos


# How a quotation is attributed, as news prose does it: P the passage, I the speaker, W maybe a time phrase.
ATTRIBUTIONS = (
    (None, ("P", " said ", "I", "W", ".")),
    ("statement", ("I", " said", "W", " in a statement: ", "P")),
    ("tweet", ("In a tweet", "W", ", ", "I", " wrote: ", "P")),
    ("remarks", ("I", " told reporters", "W", ": ", "P")),
    ("interview", ("P", " ", "I", " said in an interview", "W", ".")),
)


class ArticleWriter:
    """Writes articles for a cast; the rows of quotes, stances and claims collect in `rows` until flushed."""

    def __init__(self, rng: random.Random, cast: Cast) -> None:
        self.rng, self.cast = rng, cast
        self.words = vocab.vocabulary()
        self.word_cum = zipf_cum(len(self.words), 1.07, 2.7)
        self.rows: dict[str, list[tuple]] = {"quotes": [], "stances": [], "claims": []}
        self.slugs: dict[str, int] = {}
        self.quote_id = 0

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(4, 16)
        words = rng.choices(self.words, cum_weights=self.word_cum, k=n)
        words[0] = words[0][:1].upper() + words[0][1:]
        if n > 8 and rng.random() < 0.35:
            words[n // 2] += ","
        roll = rng.random()
        return " ".join(words) + ("." if roll < 0.9 else "?" if roll < 0.96 else "!")

    def _when(self, t: _Text, published: date) -> tuple[str | None, str | None, int | None, int | None]:
        """Maybe a time phrase ('on Friday', 'last week'); returns the date, its precision and where it stands."""
        roll = self.rng.random()
        if roll < 0.55:
            day = published - timedelta(days=self.rng.randrange(7))
            start, end = t.add(f" on {WEEKDAYS[day.weekday()]}")
            return day.isoformat(), "day", start + 1, end
        if roll < 0.7:
            monday = published - timedelta(days=published.weekday() + 7)
            start, end = t.add(" last week")
            return monday.isoformat(), "week", start + 1, end
        return None, None, None, None

    def _mention_city(self, t: _Text, source_id: int, index: int) -> None:
        start, end = t.add(self.cast.cities[index].name)
        if self.cast.cities[index].mention is None:
            self.cast.cities[index].mention = (source_id, start, end)

    def _intro(self, t: _Text, source_id: int, kind: str, who: int) -> None:
        """Name the speaker as news prose does, 'Oakland Mayor Libby Schaaf (D)', recording first mentions."""
        if kind == "org":
            org = self.cast.orgs[who]
            t.add("The " if org.kind == "police" else "")
            start, end = t.add(org.name)
            if org.mention is None:
                org.mention = (source_id, start, end)
            if org.city is not None and self.cast.cities[org.city].mention is None:  # "Oakland" in "Oakland Police..."
                self.cast.cities[org.city].mention = (source_id, start, start + len(self.cast.cities[org.city].name))
            return
        person = self.cast.officials[who]
        if person.city is not None:
            self._mention_city(t, source_id, person.city)
            t.add(f" {person.title} ")
        elif person.jurisdiction == "state":
            t.add(f"{person.state} {person.title} ")
        else:
            t.add(f"{person.title} ")
        start, end = t.add(person.name)
        if person.mention is None:
            person.mention = (source_id, start, end)
        if person.party:
            t.add(f" ({person.party})")

    def _speaker(self, kind: str, who: int) -> tuple[int | None, int | None, str, int | None]:
        if kind == "org":
            org = self.cast.orgs[who]
            return None, who + 1, org.name, None if org.city is None else org.city + 1
        person = self.cast.officials[who]
        return who + 1, None, person.name, None if person.city is None else person.city + 1

    def article(self, source_id: int, published: date, article_jobs: list[tuple], first: bool) -> tuple:
        """Write one article from its paragraph jobs; return its `sources` row, leaving its other rows in `rows`."""
        rng, t, buffers = self.rng, _Text(), self.rows
        place = rng.choice(self.cast.cities).name if self.cast.cities else "Cities"
        title = f"{place} {rng.choice(vocab.HEADLINES)}"
        t.add(f"{title}\n\n{self.sentence()} {self.sentence()}")
        if first:  # the first article names every federal agency, so each has a mention
            for i in range(len(vocab.FEDERAL_AGENCIES)):
                t.add(" " if i == 0 else ", ")
                start, end = t.add(self.cast.orgs[i].name)
                self.cast.orgs[i].mention = (source_id, start, end)
            t.add(" did not respond to requests for comment.")
        t.add("\n\n")
        mark = t.mark()
        t.add(f"{self.cast.orgs[0].name} planned to target about ")
        figure = f"{rng.randrange(2, 120) * 100:,} families"
        t.add(f"{figure} in up to {rng.randrange(2, 20)} cities.")
        evidence, start, end = t.since(mark)
        claim_row = (None, f"c{source_id}", figure, self.cast.orgs[0].name, None, 1, "families ICE planned to target")
        buffers["claims"].append((*claim_row, evidence, source_id, start, end))
        for job in article_jobs:
            t.add("\n\n")
            getattr(self, f"_para_{job[0]}")(t, source_id, published, job, buffers)
            if rng.random() < 0.08:
                t.add("\n\n" + " ".join(self.sentence() for _ in range(rng.randint(2, 4))))
        text = "".join(t.parts)
        slug = f"{published.isoformat()}-{fold(title).replace(' ', '-')}"
        self.slugs[slug] = self.slugs.get(slug, 0) + 1
        if self.slugs[slug] > 1:
            slug += f"-{self.slugs[slug]}"
        contributors = ", ".join(self.cast.person_name()[0] for _ in range(rng.randint(1, 2)))
        outlet = rng.choice(vocab.OUTLETS)
        url = f"https://example.org/{slug}"
        return (source_id, slug, title, outlet, published.isoformat(), url, contributors, text)

    def _para_quote(self, t: _Text, source_id: int, published: date, job: tuple, buffers: dict) -> None:
        _, kind, who, k, rows = job
        sentences = [self.sentence() for _ in range(k)]
        spans: list[tuple[int, int]] = []

        def passage() -> None:
            t.add("“")
            for i, sentence in enumerate(sentences):
                spans.append(t.add((" " if i else "") + sentence))
            spans[1:] = [(s + 1, e) for s, e in spans[1:]]  # the joining space is not part of the sentence
            t.add("”")

        medium, pieces = ATTRIBUTIONS[1 if kind == "org" else self.rng.randrange(len(ATTRIBUTIONS))]
        when: tuple = (None, None, None, None)
        for piece in pieces:
            if piece == "P":
                passage()
            elif piece == "I":
                self._intro(t, source_id, kind, who)
            elif piece == "W":
                when = self._when(t, published)
            else:
                t.add(piece)
        official_id, org_id, speaker, city_id = self._speaker(kind, who)
        texts = list(sentences)
        if k > 1:
            spans.append((spans[0][0], spans[-1][1]))
            texts.append(" ".join(sentences))
        quotes = buffers["quotes"]
        for (start, end), text in list(zip(spans, texts, strict=True))[:rows]:
            self.quote_id = number = self.quote_id + 1
            quotes.append(
                (number, f"q{number}", official_id, org_id, speaker, city_id, text, medium, *when,
                 source_id, start, end)
            )  # fmt: skip

    def _para_police(self, t: _Text, source_id: int, published: date, job: tuple, buffers: dict) -> None:
        city_index = job[1]
        city, org_index = self.cast.cities[city_index], len(vocab.FEDERAL_AGENCIES) + city_index
        position = self.cast.weighted(vocab.POSITION_WEIGHTS)
        phrase = self.rng.choice(vocab.POLICE_PHRASES[position])
        mark = t.mark()
        self._intro(t, source_id, "org", org_index)
        t.add(" in ")
        state_start, state_end = t.add(city.state)
        # The police paragraph names the city and its state together: both offsets point into this article.
        city.mention = (source_id, mark[1] + 4, mark[1] + 4 + len(city.name))
        city.state_mention = (source_id, state_start, state_end)
        t.add(" said")
        when = self._when(t, published)
        t.add(f" that it {phrase}.")
        evidence, start, end = t.since(mark)
        org = self.cast.orgs[org_index]
        summary = phrase[0].upper() + phrase[1:] + "."
        buffers["stances"].append(
            (None, f"s-police-{city_index + 1}", org_index + 1, None, city_index + 1, org.name, "police", "ICE",
             position, summary, evidence, *when, source_id, start, end)
        )  # fmt: skip

    def _para_policy(self, t: _Text, source_id: int, published: date, job: tuple, buffers: dict) -> None:
        city_index = job[1]
        position = self.cast.weighted((("refuses", 5), ("cooperates", 3), ("unclear", 2)))
        phrase = {"refuses": "will remain a sanctuary city", "cooperates": "will follow federal immigration law",
                  "unclear": "is reviewing its sanctuary policy"}[position]  # fmt: skip
        mark = t.mark()
        self._intro(t, source_id, "official", city_index)  # official i is the mayor of city i
        t.add(" said")
        when = self._when(t, published)
        t.add(" that ")
        self._mention_city(t, source_id, city_index)
        t.add(f" {phrase}.")
        evidence, start, end = t.since(mark)
        mayor = self.cast.officials[city_index]
        buffers["stances"].append(
            (None, f"s-policy-{city_index + 1}", None, city_index + 1, city_index + 1, mayor.name, "city policy",
             "ICE", position, f"The mayor says the city {phrase}.", evidence, *when, source_id, start, end)
        )  # fmt: skip

    def _para_silent(self, t: _Text, source_id: int, published: date, job: tuple, buffers: dict) -> None:
        self._intro(t, source_id, "official", job[1])
        t.add(" did not respond to a request for comment.")
