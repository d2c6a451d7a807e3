"""Search policy: how user text becomes a query, how names match, how results are ranked. No Textual, no SQL.

One implementation serves the browser, the command palette and `events-tui search`:
- names (cities, officials, organisations, with aliases and derived initials) match on a folded key:
  exact, then prefix, then substring (trigram index), then typo-tolerant (names sharing the query's rarer
  3- and 4-letter pieces, re-ranked here by similarity) when nothing matched the text as typed;
- quotes match word by word in FTS5, the last word as a prefix; bm25 ranking only for small match sets,
  because FTS5 computes it for every match whatever the LIMIT.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tui.models import SearchHit, Stance
from tui.present import describe

if TYPE_CHECKING:
    from tui.store import Store

# Anything but a letter or digit of any script: punctuation, symbols, emoji, controls and FTS5 syntax all go.
# Not [^0-9a-z]: that would make every name in Chinese, Hebrew, Arabic... unsearchable.
_NOT_WORD = re.compile(r"[\W_]+")
# Words left out of derived initials: "Immigration and Customs Enforcement" -> "ice".
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "u", "s"})
# Above this many quote matches, bm25 ranking costs seconds at a million quotes: order by recency instead.
RANK_LIMIT = 2000
# Longest query we look at: more text cannot make a better name match, and FTS5 cost grows with terms.
MAX_QUERY_CHARS = 200
MAX_QUOTE_TERMS = 8
# Most results one search returns: a larger --limit would overflow SQLite's integers (limit * 4 and all).
MAX_RESULTS = 10_000
# Highlighting looks at no more of a result's text than this (a snippet is shorter).
MAX_HIGHLIGHT_CHARS = 2_000

# Name scores by tier; each less 0.01 per alias weight, so the tiers never overlap. A typo scores its similarity.
EXACT, PREFIX, WORD_START, SUBSTRING = 4.0, 3.0, 2.5, 2.0
# Below this similarity a name is not offered as a typo match.
TYPO_FLOOR = 0.7
# The typo pass runs only for text of this many letters that matched no name as typed: shorter text shares too
# little with any name to tell a typo from a different name, and a text that matches is probably spelled right.
TYPO_MIN_LETTERS = 4
# Typo candidates: names holding the query's 3- and 4-letter pieces ("grams"), each piece weighted by how few
# names hold it. A piece's names are read no further than GRAM_CAP: the first thousands of names with "son"
# say little, and reading all of them (with bm25, as `ORDER BY rank` would) cost 50-200 ms at 450k names.
GRAM_CAP = 2000
MAX_TYPO_GRAMS = 40
TYPO_CANDIDATES = 200
# Of this many names holding the most weight, the candidates are those with the most weight per letter of key:
# 'chicago' shares only 'chi' and 'ago' with 'chiago', less than any 'Chiara' shares, but in a shorter key.
TYPO_POOL = 1000
TYPICAL_KEY_LENGTH = 16


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: 'Ras J. Baraka' -> 'ras j baraka'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped).strip()


def initials(name: str) -> str | None:
    """Initials of a name of three or more words, small words left out: 'Los Angeles Police Department' -> 'lapd'.

    A derived search key, not a fact: it lets 'sfpd' find the San Francisco Police Department without
    recording an abbreviation the sources never state.
    """
    words = [w for w in fold(name).split() if w not in _SMALL_WORDS]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def search_keys(name: str, aliases: list[str], kind: str) -> list[tuple[str, int]]:
    """Every (folded key, weight) under which an entity is found; lower weight ranks first.

    An alias written with stops between letters ('L.A.', 'N.Y.C.') folds to single letters ('l a'); it is also
    kept with the letters joined ('la'), so that 'LA' finds it as an exact match, as 'L.A.' does.
    """
    keys = [(fold(name), 0)] + [(fold(alias), 1) for alias in aliases]
    keys += [(key.replace(" ", ""), weight) for key, weight in keys if _spelled_out(key)]
    if kind == "organization":
        derived = initials(name)
        if derived:
            keys.append((derived, 2))
    unique: dict[str, int] = {}
    for key, weight in keys:
        if key and key not in unique:
            unique[key] = weight
    return list(unique.items())


def _spelled_out(key: str) -> bool:
    """'l a', 'n y c': a folded key of two or more single letters (an initialism written with stops)."""
    letters = key.split()
    return len(letters) > 1 and all(len(letter) == 1 for letter in letters)


def typo_grams(key: str) -> list[str]:
    """The distinct 3- and 4-letter pieces of each word of a folded key, in order: 'garcety' -> 'gar', 'garc', ...

    A 4-letter piece is far more selective than its two trigrams; the trigrams still find a word whose typo
    sits in the middle ('chiago' shares 'chi' and 'ago' with 'chicago' but no 4-letter piece).
    """
    pieces = [key[i : i + n] for i in range(len(key)) for n in (3, 4) if i + n <= len(key)]
    return list(dict.fromkeys(p for p in pieces if " " not in p))[:MAX_TYPO_GRAMS]


def quote_words(text: str) -> list[str]:
    """Words of a query for the quotes FTS index: letters and digits only, so no FTS5 syntax gets through.

    A last word of one letter after other words is left out: as a prefix it would expand to every word with
    that letter (80 ms at a million quotes) while narrowing little, and it is mostly "s" of "city's".
    """
    words = fold(text[:MAX_QUERY_CHARS]).split()[:MAX_QUOTE_TERMS]
    if len(words) > 1 and len(words[-1]) == 1:
        words.pop()
    return words


def fts_query(words: list[str], prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression that means 'all these words': each word quoted, the last one a prefix.

    The words come from `quote_words`, so they hold only letters and digits (never '"'); quoting each one still
    guards keywords like OR/NEAR.
    """
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)


def name_similarity(query: str, key: str, floor: float = 0.0) -> float:
    """How alike a folded query and key are, 0..1, best over the whole key and each of its word-runs.

    'blasio' against 'bill de blasio' scores 1.0 through the word 'blasio'; 'garcety' against 'eric garcetti'
    scores through 'garcetti'. Parts whose upper bound (lengths, shared letters) cannot beat `floor` or the best
    so far are skipped: the answer is exact whenever it is at least `floor`, at half the cost.
    """
    matcher = difflib.SequenceMatcher(None, query)
    words = key.split()
    n = len(query.split())
    best = 0.0
    for part in [key, *(" ".join(words[i : i + n]) for i in range(len(words)))]:
        matcher.set_seq2(part)
        bar = max(best, floor)
        if bar and (matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar):
            continue
        best = max(best, matcher.ratio())
    return best


def search(store: Store, text: str, limit: int = 20, quotes: bool = True) -> list[SearchHit]:
    """Names first (best match first), then what the articles say: stances, claims, quotes (unless `quotes` is
    False, for names only). Never raises on any user text."""
    return search_page(store, text, limit, quotes).hits


@dataclass(frozen=True, slots=True)
class SearchPage:
    """The first `limit` results of a search and what is known of the rest.

    `quote_matches`: every quote matching, counted while searching when there are at most RANK_LIMIT of them,
    else None (the caller may count them with `count_quotes`). `more`: results exist beyond those returned.
    `counts`: how many names, stances and claims match in all ("name", "stance", "claim"); a kind is left out
    when its count is not known (names that fill the page; more than COUNT_CAP stances or claims; a kind not
    searched).
    """

    hits: list[SearchHit]
    more: bool
    quote_matches: int | None
    expression: str | None  # the quotes' FTS expression, for `count_quotes`
    skipped: tuple[str, ...] = ()  # kinds not searched (see `search_page`'s max_scan)
    counts: dict[str, int] = field(default_factory=dict)


# Stances or claims counted for the status line no further than this.
COUNT_CAP = 10_000
# A limit no table reaches, for counting every match; small enough that search_names' limit * 4 stays a 64-bit int.
EVERY_ROW = 10**9


def search_page(
    store: Store,
    text: str,
    limit: int,
    quotes: bool = True,
    max_scan: int | None = None,
    counted: Callable[[], int | None] | None = None,
) -> SearchPage:
    """Names, then stances, claims and quotes holding every word (the last as a prefix), `limit` in all.

    `max_scan`: stances and claims without a full-text index in this database are searched by reading every
    row; a table of more rows than this is left out (and named in `skipped`), so that typing stays fast.
    `counted`: how many quotes the text's words match, if already counted elsewhere (`count_quotes` of
    `SearchPage.expression`), else None; called once, when the quotes are searched, and must not wait.
    """
    query = fold(text[:MAX_QUERY_CHARS])
    if not query or limit <= 0:
        return SearchPage([], False, 0, None)
    limit = min(limit, MAX_RESULTS)
    # One more than asked of each kind says whether anything is left beyond the page.
    hits = search_names(store, query, limit + 1)
    counts = {"name": len(hits)} if len(hits) <= limit else {}
    if not quotes:
        return SearchPage(hits[:limit], len(hits) > limit, 0, None, counts=counts)
    words = quote_words(text)
    skipped = tuple(
        table
        for table in ("stances", "claims")
        if max_scan is not None and not store.text_index(table) and store.row_count(table) > max_scan
    )
    for kind, table, match_ids in (
        ("stance", "stances", store.stance_match_ids),
        ("claim", "claims", store.claim_match_ids),
    ):
        if table in skipped:
            continue
        room = limit + 1 - len(hits)
        ids = match_ids(words, max(room, 0))
        if room > 0:
            hits += _hits_of(store, kind, ids)
        # All of them when the page had room for all; else counted up to COUNT_CAP (more is left uncounted: a
        # capped count shown as the total would be wrong).
        counted_ids = len(ids) if 0 <= len(ids) < room else len(match_ids(words, COUNT_CAP + 1))
        if counted_ids <= COUNT_CAP:
            counts[kind] = counted_ids
    expression = fts_query(words)
    total: int | None = None  # not counted: the page was full before the quotes
    if len(hits) <= limit:
        found, total = search_quotes_counted(store, text, limit + 1 - len(hits), counted)
        hits += found
    return SearchPage(hits[:limit], len(hits) > limit, total, expression, skipped, counts)


def list_stops() -> str:
    """What the dialog and the CLI say of a list cut at MAX_RESULTS."""
    return f"the list stops at {MAX_RESULTS:,}: add words to narrow it"


def counted_in_full(store: Store, text: str, page: SearchPage) -> SearchPage:
    """`page` with every kind counted that it left uncounted to stay fast (names that filled it, stances or claims
    past COUNT_CAP): for a caller that can wait, the CLI. Quotes are counted apart (`count_quotes`)."""
    counts = dict(page.counts)
    words = quote_words(text)
    if "name" not in counts:
        counts["name"] = len(search_names(store, fold(text[:MAX_QUERY_CHARS]), EVERY_ROW))
    for kind, match_ids in (("stance", store.stance_match_ids), ("claim", store.claim_match_ids)):
        if kind not in counts and f"{kind}s" not in page.skipped:
            counts[kind] = len(match_ids(words, EVERY_ROW))
    return replace(page, counts=counts)


def result_count(page: SearchPage, quote_total: int | None) -> tuple[int, bool]:
    """How many results the search has in all (names, stances, claims, quotes), and whether that is exact; when
    not, the number is a bound the search is known to reach (a kind with more than COUNT_CAP matches counts as
    COUNT_CAP + 1; quotes not counted as RANK_LIMIT + 1 if they were read, else as the page shows them).

    `quote_total`: the page's own `quote_matches`, or the dialog's separate count of them; None if not counted.
    Kinds not searched (`page.skipped`) count as none: the status line and the CLI say they were not searched.
    """
    if not page.more:
        return len(page.hits), True
    shown = {kind: sum(1 for h in page.hits if h.kind == kind) for kind in ("stance", "claim", "quote")}
    shown["name"] = len(page.hits) - sum(shown.values())
    total, exact = 0, True
    for kind in ("name", "stance", "claim"):
        if kind in page.counts:
            total += page.counts[kind]
        elif f"{kind}s" not in page.skipped:
            total += shown[kind] if kind == "name" else COUNT_CAP + 1
            exact = False
    if quote_total is not None:
        total += quote_total
    else:
        total += RANK_LIMIT + 1 if shown["quote"] else 0
        exact = False
    return (total if exact else max(total, len(page.hits) + 1)), exact  # a bound: past the page, at least one more


def _hits_of(store: Store, kind: str, ids: list[int]) -> list[SearchHit]:
    if kind == "stance":
        return [SearchHit("stance", s.id, s.holder, stance_snippet(s), 0.0) for s in store.stances_by_id(ids)]
    return [SearchHit("claim", c.id, c.figure, c.evidence, 0.0) for c in store.claims_by_id(ids)]


def stance_snippet(stance: Stance) -> str:
    """What a stance hit shows: its kind and position, and the article's words."""
    return f"{stance.kind} · {stance.position}: {stance.evidence}"


def count_quotes(store: Store, expression: str | None, seconds: float = 0.1) -> int | None:
    """Every quote matching the expression, or None if counting takes longer than `seconds`."""
    return store.quote_match_total(expression, seconds) if expression else 0


def name_score(query: str, key: str, weight: int) -> float | None:
    """The tier score of a name's key for a folded query (None: no match); lower alias weights rank first."""
    if key == query:
        score = EXACT
    elif key.startswith(query):
        score = PREFIX
    elif f" {query}" in f" {key}":
        score = WORD_START  # a word of the name starts with the query: 'blasio', 'lightfoot'
    elif query in key:
        score = SUBSTRING
    else:
        score = name_similarity(query, key, TYPO_FLOOR)
        if score < TYPO_FLOOR:
            return None
    return score - weight * 0.01


def search_names(store: Store, query: str, limit: int) -> list[SearchHit]:
    """Names matching the folded query: exact, prefix and substring matches; typo-tolerant ones if none."""
    scored: dict[tuple[str, int], SearchHit] = {}

    def add(kind: str, entity_id: int, name: str, key: str, weight: int) -> None:
        score = name_score(query, key, weight)
        if score is None:
            return
        current = scored.get((kind, entity_id))
        if current is None or score > current.score:
            scored[(kind, entity_id)] = SearchHit(kind, entity_id, name, key, score)  # type: ignore[arg-type]

    for row in store.names_with_prefix(query, limit * 4):
        add(*row)
    if len(query) >= 3 and len(scored) < limit:
        for row in store.names_containing(query, limit * 4):
            add(*row)
    if not scored and len(query.replace(" ", "")) >= TYPO_MIN_LETTERS:
        for row in typo_candidates(store, query):
            add(*row)
    hits = sorted(scored.values(), key=lambda h: (-h.score, len(h.name), h.name))[:limit]
    return _with_display(store, hits)


def typo_candidates(store: Store, query: str, limit: int = TYPO_CANDIDATES) -> list[tuple[str, int, str, str, int]]:
    """Names that may be a misspelling of the folded query, most shared rare pieces first (to be scored)."""
    grams = typo_grams(query)
    if not grams:
        return []
    counts = store.name_gram_counts(grams, GRAM_CAP)
    # An inverse document frequency, with 4 x GRAM_CAP standing for the number of names so that even a piece
    # held by GRAM_CAP names or more keeps a small positive weight.
    weighted = [(g, math.log(4 * GRAM_CAP / n)) for g, n in zip(grams, counts, strict=True) if n]
    if not weighted:
        return []
    return store.names_sharing_grams(weighted, GRAM_CAP, max(TYPO_POOL, limit), limit, TYPICAL_KEY_LENGTH)


def _with_display(store: Store, hits: list[SearchHit]) -> list[SearchHit]:
    """Replace each matched key by a human snippet: what the entity is."""
    return [SearchHit(h.kind, h.id, h.name, describe(store, h.kind, h.id), h.score) for h in hits]


def search_quotes(store: Store, text: str, limit: int) -> list[SearchHit]:
    """Quotes containing every word of the query (the last word as a prefix); best first when few match."""
    return search_quotes_counted(store, text, limit)[0]


def search_quotes_counted(
    store: Store, text: str, limit: int, counted: Callable[[], int | None] | None = None
) -> tuple[list[SearchHit], int | None]:
    """`search_quotes`, and how many quotes match in all (None: more than RANK_LIMIT, not counted here).

    `counted`: see `search_page`. A known count decides between ranking and the latest added first by itself, so
    the index is read once; without one, a first read learns whether few enough match to rank, and a second ranks
    them.
    """
    words = quote_words(text)
    expression = fts_query(words)
    if expression is None or limit <= 0:
        return [], 0
    known = counted() if counted is not None else None
    if known is None and len(words) > 1:
        # Every quote holding all the words holds the words before the last, which are whole words (no prefix to
        # merge): counting those up to RANK_LIMIT is a fraction of a millisecond. Few of them means few matches,
        # so the ranked read alone gives the page and the total; the first read, which for a short last word
        # merges the lists of every word it starts ("south white be": 190 ms at 1M quotes), is not needed.
        bound = store.count_quote_matches(fts_query(words[:-1], prefix_last=False) or "", RANK_LIMIT + 1)
        if bound <= RANK_LIMIT:
            ids = store.quote_match_ids(expression, RANK_LIMIT + 1, ranked=True) if bound else []
            return _quote_hits(store, ids[:limit]), len(ids)
    if known is not None:
        total = known if known <= RANK_LIMIT else None
        ranked = total is not None
        ids = store.quote_match_ids(expression, limit, ranked) if known else []
    else:
        # One read gives both the latest added matches and whether there are few enough to rank: for a short prefix
        # FTS5 merges every matching word's list before the first row, so a separate count would pay that twice.
        # Unranked, the page goes as deep as asked (to MAX_RESULTS): it once stopped at RANK_LIMIT + 1 quotes
        # and the dialog then said "3,003 results" of 44,012 matching quotes.
        ids = store.quote_match_ids(expression, max(limit, RANK_LIMIT + 1), ranked=False)
        total = len(ids) if len(ids) <= RANK_LIMIT else None
        if total is not None:
            ids = store.quote_match_ids(expression, limit, ranked=True) if ids else []
    return _quote_hits(store, ids[:limit]), total


def _quote_hits(store: Store, ids: list[int]) -> list[SearchHit]:
    return [SearchHit("quote", q.id, q.speaker, q.text, 0.0) for q in store.quotes_by_id(ids)]


_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char) or " "


def match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the folded `words` occur in `text` at the start of a word, as (start, end) character offsets of
    `text`, for highlighting a result. Matching folds case, accents and punctuation as search does."""
    if not words or not text:
        return []
    text = text[:MAX_HIGHLIGHT_CHARS]
    if text.isascii():
        # Folding keeps ASCII one character for one: lower case, anything but a letter or digit a space.
        haystack = _NOT_ASCII_WORD.sub(" ", text.lower())
        owner: Sequence[int] = range(len(text))
    else:
        pieces = [_fold_char(char) for char in text]
        haystack = "".join(pieces)
        owner = [index for index, piece in enumerate(pieces) for _ in piece]  # folded character -> text index
    spans: list[tuple[int, int]] = []
    for word in dict.fromkeys(w for w in words if w):
        for match in re.finditer(rf"(?<![^\W_]){re.escape(word)}", haystack):  # at the start of a word
            spans.append((owner[match.start()], owner[match.end() - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- is it a typo? (resolving one name: tui.resolve) -----------------------------------------------------

# A one-letter slip is taken for a typo in names of this many letters (two letters swapped: SWAP_MIN_LETTERS):
# in shorter ones a letter more, less or changed turns a name into another too often (Moran and Morgan,
# Canton and Canyon, Duran and Dunran).
SLIP_MIN_LETTERS = 7
SWAP_MIN_LETTERS = 5
# Keys one finger-width apart on a QWERTY keyboard (each row sits half a key right of the one above): a letter
# struck for its neighbour is a typo, 'n' for 's' (Bernal, Bersal) is another name.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (x + 0.5 * y, float(y)) for y, row in enumerate(_ROWS) for x, ch in enumerate(row)}


# Letters written for one another by ear, not by finger: 'fransisco', 'kristopher' (not d/t: Schmidt, Schmitt).
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("cs", "ck", "sz", "iy"))


def _near(a: str, b: str) -> bool:
    """Whether two letters are neighbouring keys (or the same key)."""
    if a not in _KEY_AT or b not in _KEY_AT:
        return a == b
    (ax, ay), (bx, by) = _KEY_AT[a], _KEY_AT[b]
    return (ax - bx) ** 2 + (ay - by) ** 2 <= 1.6


def _shape(word: str) -> str:
    """A word with doubled letters single and a final y as i: how 'garcetti' and 'garcety' sound alike."""
    single = "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])
    return single[:-1] + "i" if single.endswith("y") else single


def _one_slip(typed: str, word: str) -> bool:
    """Whether one slip of the fingers inside the word turns `word` into `typed` (both shaped).

    A letter dropped, two neighbours swapped, a letter struck for the key beside it (or for one that sounds the
    same), or an extra key struck beside a letter; never the first or last letter, because names differ there
    (Mark/Marks, Blasi/Blasio, Rivera/Rivers, Boston/Houston).
    """
    if typed[0] != word[0] or typed[-1] != word[-1] or len(word) < SWAP_MIN_LETTERS:
        return False
    if len(typed) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            return typed[i] == word[i + 1] and typed[i + 1] == word[i]
        if len(diffs) != 1 or len(word) < SLIP_MIN_LETTERS:
            return False
        a, b = typed[diffs[0]], word[diffs[0]]
        return _near(a, b) or frozenset((a, b)) in _SOUND_ALIKE
    if len(word) < SLIP_MIN_LETTERS:
        return False
    if len(typed) + 1 == len(word):
        # A dropped vowel rarely leaves another name; a dropped consonant often does (Schmidt, Schmitt).
        return any(
            typed == word[:i] + word[i + 1 :] and (word[i] in "aeiouy" or len(word) > SLIP_MIN_LETTERS)
            for i in range(1, len(word) - 1)
        )
    if len(typed) == len(word) + 1:
        return any(
            typed[:i] + typed[i + 1 :] == word and (_near(typed[i], typed[i - 1]) or _near(typed[i], typed[i + 1]))
            for i in range(1, len(typed) - 1)
        )
    return False


def _word_typo(typed: str, word: str) -> bool:
    """Whether `typed` reads as a misspelling of `word` rather than as another name (both folded, one word).

    The same shape (doubled letters, a final y for i: 'garcety', 'lightfot'), or one slip of the fingers
    inside a long enough word ('chicgo', 'pelsoi'). Not a letter that merely sounds alike: 'hanson' is not
    'hansen', and 'moran' is not 'morgan'.
    """
    if typed == word:
        return True
    if len(typed) < TYPO_MIN_LETTERS or typed[0] != word[0]:  # people rarely miss a name's first letter
        return False
    a, b = _shape(typed), _shape(word)
    return a == b or _one_slip(a, b) or _one_slip(typed, word)  # as typed too: 'wliliams' swaps an 'l' of 'll'


def plausible_typo(query: str, key: str, from_start: bool = False) -> bool:
    """Whether the folded `query` is a misspelling of the folded name `key` or of a run of its words.

    Compared word by word against each run of as many words (so 'eric garcety' and 'garcety' both reach
    'eric garcetti'), only the first run if `from_start`, and with its spaces ignored against runs of one or
    two words more ('deblasio'). A run of the very same words is not a typo (resolve_name decides whether whole
    words name an entity). Ratio-alike is not enough: 'boston' is 77% like 'houston' and 'moran' like 'morgan',
    and both are names.
    """
    typed, words = query.split(), key.split()
    n = len(typed)
    for i in range(min(len(words) - n + 1, 1 if from_start else len(words))):
        run = words[i : i + n]
        if run != typed and all(_word_typo(t, w) for t, w in zip(typed, run, strict=True)):
            return True
    joined = "".join(typed)
    for size in range(n + 1, n + 3):  # spaces left out, never added: 'new york' is not a typo of 'newark'
        for i in range(min(len(words) - size + 1, 1 if from_start else len(words))):
            run = words[i : i + size]
            # Not ending on an initial: 'Robert S.' run together reads 'roberts', another name.
            if len(run[-1]) > 1 and _word_typo(joined, "".join(run)):
                return True
    return False


def __getattr__(name: str) -> Any:
    """`resolve_name` and `NameNotResolved` moved to tui.resolve (which builds on this module); found here too."""
    if name in ("resolve_name", "resolve_id", "NameNotResolved"):
        from tui import resolve

        return getattr(resolve, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
