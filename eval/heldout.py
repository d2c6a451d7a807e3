"""Score `events-tui draft` on held-out made-up articles: eval/heldout/batchNN/<slug>.txt + hand-written <slug>.toml.

    python -m eval.heldout                 # every batch, current drafter
    python -m eval.heldout batch11         # one batch

Each batch was written, with its gold file, before the drafter was run on it, and scored once with the drafter as it
stood (recorded in eval/RESULTS.md with that commit). Gold files give quotations, speakers, media and dates only:
stances are not annotated here, so only quotation F1 (exact spans), speaker accuracy and date accuracy are scored,
with the same rules as `eval.drafting`. After a batch is recorded its misses may be studied and fixed; its figure is
then no longer an unseen estimate, only the next fresh batch is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval.drafting import Score, score_article

HELDOUT = Path(__file__).resolve().parent / "heldout"


def batches() -> list[Path]:
    return sorted(p for p in HELDOUT.iterdir() if p.is_dir() and p.name.startswith("batch"))


def score_batch(folder: Path) -> tuple[list[Score], Score]:
    scores = []
    for path in sorted(folder.glob("*.toml")):
        score = score_article(path)
        score.errors = [e for e in score.errors if ": stance " not in e]  # stances are not annotated here
        scores.append(score)
    total = Score(folder.name)
    for score in scores:
        total.add(score)
    return scores, total


def row(s: Score) -> str:
    return (
        f"| {s.name} | {s.gold_quotes} | {s.drafted_quotes} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.3f} | "
        f"{s.speaker:.2f} ({s.speaker_right}/{s.matched}) | {s.date:.2f} ({s.date_right}/{s.dated}) |"
    )


HEADER = "| article | gold quotes | drafted | exact-span P | R | F1 | speaker | dates |\n" + "|---" * 8 + "|"


def current() -> tuple[str, list[str]]:
    """The table of every batch scored by the drafter as it is now, and every miss."""
    lines, misses = [HEADER], []
    for folder in batches():
        scores, total = score_batch(folder)
        lines += [row(s) for s in scores]
        lines.append(row(total).replace(f"| {total.name} |", f"| **{total.name}** |", 1))
        misses += total.errors
    return "\n".join(lines), misses


# Each batch scored once, right after it was written and committed, with the drafter as it then stood; the same
# batches scored with the drafter of `main` before this work (bd9a9f7) are the control: what the new rules bought.
FIRST_CONTACT = """\
| batch | articles | gold written at | drafter at | quotations found (exact span) | drafted, not quotations | F1 | \
speaker right | date right | main's drafter (bd9a9f7): speaker |
|---|---|---|---|---|---|---|---|---|---|
| 10 | ag-protected-areas, aurora-vigil, border-troopers, courthouse-ruling, hartford-ordinance, \
immigrant-affairs-qa, merced-jail-contract, salinas-fields | 68f7c9f | bd9a9f7 | 52/59 | 1 | 0.929 | 36/52 (0.69) | \
5/5 | (same drafter) |
| 11 | charlotte-287g, folkston-inspection, houston-checkin, ilrc-hotline, nyc-shelters, springfield-plate-readers, \
travis-detainers | 7e142dc | 9716d82 | 45/45 | 1 | 0.989 | 37/45 (0.82) | 7/7 | 38/45 (0.84) |
| 12 | asylum-wait, colorado-detainers, pasadena-school, san-diego-statement, title42-cities, vineyard-flights \
| c204bcb | 5e51ee7 | 31/31 | 0 | 1.000 | 19/31 (0.61) | 4/5 | 18/31 (0.58) |
| 13 | buoys-ruling, council-vote, interpreter-farmworker, lake-worth-video, mayors-work-permits, \
sheriffs-287g-analysis | 7f22ef2 | 4cc6845 | 31/31 | 0 | 1.000 | 25/31 (0.81) | 3/3 | 25/31 (0.81) |
| 14 | chief-email, georgia-lawsuit, randalls-island, reactions-list, two-chiefs, yuma-shelter | 737fbdf | d4d216d \
| 30/31 | 0 | 0.984 | 26/30 (0.87) | 6/6 | 25/30 (0.83) |
| 15 | alamance-meeting, day-laborers, detention-deaths-explainer, protest-chants, tweet-then-quote, updates-blog \
| fc97eee | 15a82e9 | 30/30 | 0 | 1.000 | 23/30 (0.77) | 4/6 | 23/30 (0.77) |
| 16 | bond-hearing, boston-post, campus-email, earnings-call, illinois-plates, school-board | 77f177d | bd5249a \
| 33/33 | 0 | 1.000 | 21/33 (0.64) | 4/8 | 21/33 (0.64) |
| **11–16 (unseen)** | 37 articles | | | **200/201** | **1** | **0.995** | **151/200 (0.76)** | **28/35** | \
150/200 (0.75) |
"""

# Batches 17-19 were written blind by a helper while another tuned the drafter on batches 10-16 (the `speakers`
# branch), and scored once by the lead when that work ended: with its drafter (b5a3e75) and, as the control, with
# main's drafter from before it (586594b, the drafter of the batch-16 row above).
FRESH = """\
| batch | articles | gold written at | quotations found (exact span) | drafted, not quotations | F1 | \
speaker right, drafter b5a3e75 | speaker right, control 586594b | date right (b5a3e75 / 586594b) |
|---|---|---|---|---|---|---|---|---|
| 17 | bakery-feature, colorado-jail-bill, elgin-schools-tv, north-star-release, salem-council, sunday-shows, \
worcester-courthouse | e108a51 | 60/61 | 0 | 0.992 | 48/60 (0.80) | 43/60 (0.72) | 6/10 / 6/10 |
| 18 | 6 articles (denver-weekend-arrests, jail-data-rule, orchard-raid, …) | 3bc1403 | 63/63 | 1 | 0.992 | \
50/63 (0.79) | 50/63 (0.79) | 15/17 / 13/17 |
| 19 | 6 articles (lowell-officers, school-training-radio, senate-hearing, …) | 12602fc | 54/56 | 0 | 0.982 | \
42/54 (0.78) | 40/54 (0.74) | 12/17 / 10/17 |
| **17–19 (unseen)** | 19 articles | | **177/180** | **1** | **0.989** | **140/177 (0.79)** | **133/177 (0.75)** | \
**33/44 / 29/44** |

The 37 speaker misses of b5a3e75 on batches 17–19, by kind: a later mention by a two-part surname (Spanish double
surnames, hyphenated ones: "Ortiz Benítez", "Montes de Oca", "Raman-Holt") not tied to the full name given before,
or a hyphenated name cut at the hyphen (14); he/she or a quotation-only paragraph given to the wrong one of
several people (7); a body the drafter did not know, kept as "the group" / "a coalition" / "a message" instead of
the named body (6); no speaker found in a radio transcript's exchanges and one "immigration officials" (6); an
unnamed speaker given a word or name from nearby ("Beto" for his employer, "One" for a flyer, "a day after the
video"), or a described person not tied to the name given later (4).
"""

# Batches 20-21 were written blind by a second helper while a third tuned the drafter on batches 17-19 (the
# `speakers2` branch), and scored once by the lead when that work ended: with its drafter (151528d) and, as the
# control, with the drafter before it (b5a3e75, the drafter of the 17-19 table above).
FRESH_2 = """\
| batch | articles | gold written at | quotations found (exact span) | drafted, not quotations | F1 | \
speaker right, drafter 151528d | speaker right, control b5a3e75 | date right (both) |
|---|---|---|---|---|---|---|---|---|
| 20 | arizona-detainer-hearing, charlotte-taqueria-feature, grand-island-daycare-tv, louisiana-transfers, \
paterson-x-posts, sheriff-287g-release | 456ae65 | 52/59 | 0 | 0.937 | 49/52 (0.94) | 47/52 (0.90) | 6/7 |
| 21 | atlanta-raids-wire, calhoun-coalition-release, el-paso-sb4-tv, newark-release-order, richfield-council, \
salt-lake-x-feud, story-county-brief | 456ae65 | 52/58 | 0 | 0.945 | 50/52 (0.96) | 48/52 (0.92) | 14/17 |
| **20–21 (unseen)** | 13 articles | | **104/117** | **0** | **0.941** | **99/104 (0.95)** | **95/104 (0.91)** | \
**20/24** |

Of the 13 quotations not found, 12 are in two local-TV pages whose drafts stopped at a line of page furniture in
the middle of the story ("ADVERTISEMENT", "SIGN UP: Get the … newsletter"), taken for the end of the article;
the 13th is a post on X. The 5 speaker misses: a witness named only "Marta" credited to the senator questioning her
(2), an anonymous roofer credited to the person named before him (2), and one quotation with no speaker found (1).
Four of the five are wrong names, the kind of miss a reviewer must catch.
"""

# Batches 22-23 were written blind by a third helper after the ad-slot fix (b8d5bd8) and scored once by the lead:
# the unseen estimate for the drafter as it is at the end of this work (after b8d5bd8 only eval and README changes).
FRESH_3 = """\
| batch | articles | gold written at | quotations found (exact span) | drafted, not quotations | F1 | \
speaker right, drafter b8d5bd8 | date right |
|---|---|---|---|---|---|---|---|
| 22 | chicago-schools-radio, folkston-lawsuit-release, greeley-plant-wire, lowell-council-ordinance, \
portland-courthouse-hearing, tulare-sheriff-tv | 7e2ecfc | 60/60 | 0 | 1.000 | 56/60 (0.93) | 14/19 |
| 23 | cabarrus-jail-contract, eagle-pass-park-wire, nashville-x-exchange, norfolk-rumors-tv, st-cloud-student, \
yakima-family-feature | 5968cc1 | 57/59 | 0 | 0.983 | 55/57 (0.96) | 11/14 |
| **22–23 (unseen)** | 12 articles | | **117/119** | **0** | **0.992** | **111/117 (0.95)** | **25/33** |

The 6 speaker misses: a body named in the article given as the article's generic words or its own phrase instead of
the body ("the group" for a named families' coalition, "Lowell First" and "ICE's New Orleans field office" drafted as
descriptions, not bodies: 3); a speaker known only by initials ("J.M.R.") drafted as a description (2); an unnamed
"retired farmworker" left without a speaker (1). None is a wrong person. The 2 quotations not found are both posts
on X set as whole lines.
"""

# Every speaker miss (and span miss) at first contact, by kind of sentence; the rule each became is in the git log
# and tests/test_draft_kinds.py (batches 10-15) and tests/test_draft_roles.py, test_draft_pronouns.py,
# test_draft_sentences_kinds.py (batch 16 and the kinds behind it, on the speakers branch).
BY_KIND = """\
| kind of sentence (batches 10–15: 63 first-contact misses, 53 speakers, 8 spans, 2 extra) | misses | batches |
|---|---|---|
| the layout names the speaker (Q&A "A:" answers, a statement read out over paragraphs, "X issued the following \
statement:", "…, she says." before the quotation, a pull quote signed "— Name", "From X:") | 10 | 10, 11, 12, 14 |
| quotation marks (an outlet setting quotations in single marks: 7 spans; a scare-quoted modifier and a show's \
title drafted; a chant's translation set off by dashes) | 10 | 10, 11, 15 |
| a body the vocabulary does not know ("The United Farm Workers called", "the ACLU said", "Grassroots Leadership, \
an Austin-based nonprofit,", an agency's own office, "the Legal Aid Society", a ministry, a company) | 7 | \
10, 11, 14, 15 |
| he/she to the wrong person (gender read from another clause's pronoun, "The sheriff, Name, said … she") | 7 | \
10, 11, 12, 13 |
| a person named after their description ("the sheriff called" then "Sheriff X"; "a woman who gave only her first \
name, Marisol"; "a teacher named Carol Hughes … she says") | 5 | 10, 14, 15 |
| wording ("In X's words", "As X put it", "heard asking", "the bill states that", "According to the minutes, X had \
said") | 5 | 12, 13, 15 |
| a definite description pointing back ("the spokesman", "the district", "the group said") | 4 | 10, 11, 12 |
| groups and joint words ("they said" after a group, "the coalition writes", two mayors' joint letter, "they \
concluded" under a Q&A heading) | 4 | 10, 12, 15 |
| a name the person detector missed ("Her rival, X, called", "a junior named X", "Press secretary X", "X, whose …") \
| 4 | 10, 11, 12 |
| a speaker named by first name only ("Rosa says", "Karla said") | 2 | 12 |
| a sentence boundary misread (a following sentence taken as the quotation's attribution, a hyphen dateline) | 2 | \
12, 14 |
| the gold's choice, arguable ("any and all plate hits" credited to ICE, which asked for them; "the mayors" \
drafted as the article's fuller "A group of big-city mayors") | 3 | 11, 13 |
"""


def drafter_commit() -> str:
    """The commit whose drafter produced the tables (marked when tui/ingest/draft/ has uncommitted changes)."""
    import subprocess

    root = HELDOUT.parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "tui/ingest/draft"], cwd=root, capture_output=True, text=True
        )
    except OSError:
        return "(unknown: git not available)"
    if head.returncode != 0:
        return "(unknown: not a git checkout)"
    return head.stdout.strip() + (" with uncommitted changes to tui/ingest/draft/" if dirty.stdout.strip() else "")


def section() -> str:
    """The held-out part of eval/RESULTS.md: first contact per batch, then every batch with today's drafter."""
    table, misses = current()
    listed = "\n".join(f"- {m}" for m in misses) or "- none"
    return f"""## Held-out made-up articles (eval/heldout/)

Written with their gold files (`python -m eval.heldout`) by a helper that did not look at the drafter's output
first, in the styles of wire copy, local TV, newspapers, press releases, a Q&A, a feature. Each batch was committed,
then scored once (first contact), and only then were its misses studied and turned into rules and unit tests
(tests/test_draft_kinds.py). Batch 16 was the unseen estimate for the drafter of main (bd5249a; after it only
4710048, a speed change with the same drafts); batch 15 was it for 15a82e9 (f21cbaf scores the same), 14
for d4d216d, 13 for 4cc6845, 12 for 5e51ee7, 11 for 9716d82.

{FIRST_CONTACT}
{BY_KIND}
Rules made for one batch fixed that batch and barely moved the next: on batches 11 to 16 the drafter of each
batch's first contact credits 151 of 200 quotations rightly and the drafter before this work 150, each winning and
losing a few (a rule that names a first-name-only speaker also handed that person a "he" that meant an unnamed farmer).
Batch 16's 12 first-contact speaker misses, by kind: a judge described ("A federal judge") long before she is
named (3), a title the drafter did not know ("Provost X", 2), a name with initials ("JB Pritzker", "J. David
Donahue", 3), a quotation inside a sentence merged with the next ("…“on short notice.” Analysts on the call asked
…", "… called it “a stunt.” He said …", 2), "the company said" (1), a lowercase role before a particle name
("Board vice president Marlene De La Rosa", 1). Each fresh batch brought kinds of sentence no earlier batch had.
Quotation spans hold up (F1 0.99 on unseen text); speakers did not reach the 0.90 bar.

**Batches 10–16 are now development data.** On the `speakers` branch (first commit 59943cc) every speaker miss
of batches 10–16 was studied and each kind was made a general rule with made-up unit tests
(tests/test_draft_roles.py, test_draft_pronouns.py, test_draft_sentences_kinds.py): a role word points back to
the person holding that role ("the provost", "the judge", "the family's lawyer"), and "the company"/"the union"/
"the project" to the body of that kind; a lede's "a federal judge" is the only judge the article names later;
titles of campuses, churches, ranks and companies; names with initials and particles; a full name with no title
that a he/she follows is a person; a quotation inside a sentence with its own speaker ends there; he/she never a
plural group or an unnamed person of the other sex, and a given name that is a woman's or a man's rules a person
out for the other pronoun; lists and transcripts labelled with the speaker; a paragraph that is only a quotation
after one about a named person; acronyms that speak. The same rules were then tried, without keeping any of the
text, on excerpts of real news reports about immigration enforcement, which found further wrong names (a
statement credited to the person named before an unnamed spokesman, "said Abbott was trying …" making Abbott a
subject, a church named before "the pastor" taken for a person); each became a rule with a made-up test. The
figures below for batches 10–16 are therefore **not unseen estimates** any more (batch 16 went from 21/33 to 33/33
by being studied); only fresh batches (17 on, scored by the lead) measure the drafter on text it has not seen.

### Fresh batches 17–19: the drafter after the work on batches 10–16, first contact

{FRESH}
### Fresh batches 20–21: the drafter after the work on batches 17–19, first contact

{FRESH_2}
### Fresh batches 22–23: the drafter at the end of this work, first contact

{FRESH_3}
### Every batch with the drafter as it is now (10–21 are development data; 22–23 were until the table above)

Drafted by the code of commit {drafter_commit()}.

{table}

Differences from the gold files:

{listed}
"""


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or [p.name for p in batches()]
    for name in names:
        scores, total = score_batch(HELDOUT / name)
        print(HEADER)
        for s in [*scores, total]:
            print(row(s))
        for error in total.errors:
            print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
