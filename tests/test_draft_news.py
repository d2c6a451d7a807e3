"""Whole made-up news articles (tests/fixtures/drafting/, written for these tests, not copied from any source):
every quotation, its speaker and date, as a person annotating them would draft them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.draft_support import draft

HERE = Path(__file__).resolve().parent / "fixtures" / "drafting"

EXPECTED = {
    "sheriff-detainers": [
        ("We are not in the business of civil immigration enforcement", "Tomás Alvarado", None),
        ("That is the federal government's job, and they have the resources to do it.", "Tomás Alvarado", None),
        ("Probably", "Tomás Alvarado", None),
        ("will continue to carry out its mission", "A spokeswoman for U.S. Immigration and Customs Enforcement", None),
        ("a threat to public safety.", "A spokeswoman for U.S. Immigration and Customs Enforcement", None),
        ("This is a win for every family in this county", "Maya Chen", None),
        ("gone rogue", "Ray Dolan", None),
        ("I think the voters should decide", "Ray Dolan", None),
        ("Not one man.", "Ray Dolan", None),
    ],
    "mayor-sanctuary": [
        ("no police officer in this city will ask anyone about their papers.", "Lucia Fernandez", "2020-03-02"),
        ("harbor criminal aliens.", "Donald Trump", None),
        ("stands with me 100 percent.", "Lucia Fernandez", "2020-03-02"),
        ("Our officers don't do immigration enforcement", "Dwayne Harris", None),
        ("We never have.", "Dwayne Harris", None),
        ("reckless", "Beth Ortiz", None),
        ("puts politics ahead of safety.", "Beth Ortiz", None),
        ("Abolish ICE.", "a small group of protesters", None),
        ("People here are scared", "Rosa Delgado", None),
        ("My kids ask me every day if I'm going to be taken.", "Rosa Delgado", None),
    ],
    "governor-law": [
        ("Public safety is not negotiable", "Carl Whitmore", "2020-03-05"),
        ("Sheriffs will follow this law — or they will answer for it.", "Carl Whitmore", "2020-03-05"),
        ("This law turns every deputy into an immigration agent", "Ana Villareal", None),
        ("It's wrong, and we'll fight it in court.", "Ana Villareal", None),
        ("when a victim is too afraid to call 911?", "Ana Villareal", None),
        ("violates the Fourth Amendment.", "a statement from the group", None),
        ("We'll comply", "Luis Ortega", "2020-03-06"),
        ("but I have concerns about the cost.", "Luis Ortega", "2020-03-06"),
        ("We're reading it carefully", "a department spokesman", None),
        ("will do everything in its power", "Sylvester Turner", None),
    ],
    "police-chief-middle": [
        ("I found out from a text message", "Nadia Okafor", "2020-03-04"),
        ("That tells you how much they coordinate with us.", "Nadia Okafor", "2020-03-04"),
        ("We're caught in the middle", "Nadia Okafor", None),
        (
            "The community wants us to do more. The feds want us to do more. We can only do our jobs.",
            "Nadia Okafor",
            None,
        ),
        ("too timid.", "Peter Lindqvist", None),
        ("If you're going to be a sanctuary city, be one", "Peter Lindqvist", "2020-03-03"),
        ("prefers to work with local partners", "Carlos Mendez", None),
        ("Our mission doesn't change", "Carlos Mendez", None),
    ],
    "advocates-hiding": [
        ("Nobody is going to work. Nobody is sending their kids to school", "Isabel Fuentes", None),
        ("People are terrified.", "Isabel Fuentes", None),
        ("I tell them: know your rights, don't open the door", "Isabel Fuentes", None),
        ("an act of cruelty dressed up as law enforcement.", "Kevin Brandt", "2020-03-05"),
        ("Our police department will not take part in this, now or ever", "Kevin Brandt", "2020-03-05"),
        ("These are people who broke the law", "a White House spokesman", None),
    ],
    "county-board-split": [
        ("The board doesn't run my jail", "Dale Brenner", "2020-03-04"),
        ("State law is clear on this.", "Dale Brenner", "2020-03-04"),
        ("The contract is over. Period", "Priya Raman", None),
        ("afraid to drive to work.", "Priya Raman", None),
        ("values its partnership with Sheriff Brenner.", "Gail Porter", None),
        ("legally shaky at best.", "Luis Navarro", None),
        ("He can't just ignore the board", "Luis Navarro", None),
        ("Well, he can try.", "Luis Navarro", None),
    ],
    "president-sanctuary": [
        ("protect criminals, not citizens.", "Trump", "2020-03-05"),
        ("Look at what's happening in Chicago", "Trump", "2020-03-05"),
        ("It's a disgrace.", "Trump", "2020-03-05"),
        (
            "The president should spend less time attacking cities and more time fixing the broken immigration system "
            "his party refuses to reform",
            "Lori Lightfoot",
            None,
        ),
        ("the same tired lies.", "Bill de Blasio", None),
        ("Everything is on the table.", "Chad Wolf", None),
    ],
    "farm-arrests": [
        (
            "targeted based on prior criminal convictions or final orders of removal.",
            "Immigration and Customs Enforcement",
            None,
        ),
        ("These are people who pick the food on your table", "Armando Reyes", None),
        ("Now I have nobody to finish the harvest.", "Armando Reyes", None),
        ("went row by row", "Armando Reyes", None),
        ("an attack on the backbone of this valley.", "The United Farm Workers union", None),
        ("We learned about it the same way everyone else did", "Jerry Dyer", None),
        ("On the news.", "Jerry Dyer", None),
        (
            "We need a system that works for farmers and for the people who work for them. This is not it.",
            "Jim Costa",
            "2020-03-03",
        ),
    ],
    "denver-council": [
        ("Denver will not be a tool of the federal deportation machine", "Robin Kniech", None),
        ("Our officers are here to protect everyone", "Paul Pazen", None),
        ("That includes people who are undocumented.", "Paul Pazen", None),
        ("continue to work with ICE as the law allows.", "Jeff Shrader", None),
        ("puts politics over public safety", "A spokesman for ICE's Denver field office", None),
        (
            "have no choice but to conduct more arrests in neighborhoods.",
            "A spokesman for ICE's Denver field office",
            None,
        ),
        ("This is who we are", "Michael Hancock", "2020-03-02"),
    ],
    "waukegan-families": [
        ("I thought it was the police", "Elena Torres", None),
        ("Then I saw the vests.", "Elena Torres", None),
        ("Where are they taking Papa?", "Her 10-year-old daughter", None),
        ("Nobody tells us anything", "Elena Torres", None),
        ("We are seeing a real chilling effect", "Maria Gómez", None),
        ("People are skipping court dates because they're afraid ICE will be waiting.", "Maria Gómez", None),
        ("These families deserve answers", "Dick Durbin", "2020-03-01"),
        ("routine.", "An ICE official", None),
    ],
    "governor-veto": [
        ("unconstitutional", "Roy Cooper", "2020-03-04"),
        ("make our communities less safe.", "Roy Cooper", "2020-03-04"),
        ("The governor has chosen to side with criminals over victims", "Tim Moore", None),
        ("This is a good day for North Carolina", "Garry McFadden", "2020-03-05"),
    ],
    "church-sanctuary": [
        ("This is not a life", "Ana Lucía Reyes", None),
        ("But it is better than being separated from my children.", "Ana Lucía Reyes", None),
        ("We are doing what our faith asks of us", "Mark Ellison", None),
        ("sensitive locations.", None, None),
        ("respects the decision of the congregation", "Kate Snyder", None),
    ],
    "florida-sheriffs": [
        (
            "If you're in this country illegally and you commit a crime, you're going to be held for ICE",
            "Grady Judd",
            "2020-03-02",
        ),
        ("Period.", "Grady Judd", "2020-03-02"),
        ("That's not our job", "John Mina", None),
        ("Our job is to keep Orange County safe.", "John Mina", None),
        ("has created confusion and fear", "Annette Taddeo", None),
    ],
    "weekend-sweeps": [
        ("The NYPD does not and will not enforce federal immigration law", "Bill de Blasio", None),
        ("We are not going to be complicit", "Keisha Lance Bottoms", None),
        ("will not be asking anybody about their status.", "Art Acevedo", None),
        ("the rule of law matters.", "Ken Cuccinelli", None),
        ("We will be watching", "Adelina Nicholls", None),
    ],
    "empty-desks": [
        ("It was like someone turned off the lights", "Ronnie McGehee", None),
        ("Kids were crying in the hallways. Teachers were crying.", "Ronnie McGehee", None),
        ("Nobody here is alone.", "Roberto Mena", None),
        (
            "the largest single-state worksite enforcement action in our nation's history.",
            "Matthew Albence",
            "2020-03-04",
        ),
        ("The timing was based on the investigation.", "Matthew Albence", "2020-03-04"),
        ("was not aware", "A spokeswoman for Koch Foods", None),
    ],
    "new-jersey-directive": [
        (
            "No one should be afraid to call the police because of their immigration status",
            "Gurbir Grewal",
            "2020-03-05",
        ),
        ("This directive draws a clear line.", "Gurbir Grewal", "2020-03-05"),
        ("a blow to public safety", "Shaun Golden", None),
        ("This directive will result in dangerous criminals being released", "Matthew Albence", "2020-03-06"),
        ("It's a big deal", "Sara Cullinane", None),
    ],
    "border-pastor": [
        ("Whoever comes, we feed", "Gabriel Martinez", None),
        ("That's the Gospel. It isn't complicated.", "Gabriel Martinez", None),
        ("It was very cold", "Maria", None),
        ("They call it the icebox.", "Maria", None),
        (
            "treats all those in our custody with dignity and respect.",
            "A Customs and Border Protection spokesman",
            None,
        ),
        ("People get tired of the story", "Gabriel Martinez", None),
        ("But the families keep coming.", "Gabriel Martinez", None),
    ],
    "mayors-letter": [
        ("Children do not belong in cages", "the letter", None),
        ("We call on Congress to act now.", "the letter", None),
        ("cannot stay silent.", "Jenny Durkan", None),
        ("What I saw there haunts me", "Jenny Durkan", None),
        ("real criminals, not families.", "Sylvester Turner", None),
        ("should focus on their own cities.", "A Department of Homeland Security official", None),
        ("this is not a partisan issue.", "David Holt", None),
    ],
    "public-defender-qa": [
        ("People are choosing between defending themselves and being deported", "Lauren Hsu", None),
        ("He came to court because he was told to", "Lauren Hsu", None),
        ("That's what we want people to do, right?", "Lauren Hsu", None),
        ("undermine the integrity of these proceedings.", "Robert Amato", None),
        ("often the only place", "ICE", None),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_quotations_speakers_and_dates(name: str) -> None:
    text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    result = draft(text, published="2020-03-06")
    got = [
        (result.text[q.span.start : q.span.end], result.name_of(q.speaker) or q.speaker_description, q.date)
        for q in result.quotes
    ]
    assert got == EXPECTED[name]


def test_stances_of_the_made_up_articles() -> None:
    law = draft((HERE / "governor-law.txt").read_text(encoding="utf-8"))
    assert [(s.kind, s.position) for s in law.stances][:1] == [("state law", "mandated")]
    assert law.policies[0].signed_by == "carl-whitmore" and law.policies[0].kind == "state law"
