"""Word and name lists for the synthetic database (tui.ingest.synth), most frequent first.

The lists are ordered by how often they should appear: the generator draws from them with Zipf-like weights, so
the head of each list is common (the, immigration, García, Springfield) and the tail is rare. Accented and
non-ASCII spellings are deliberate: search must find "Nguyễn" from "nguyen" and "San José" from "san jose".
"""

from __future__ import annotations

import random

# Function words, in roughly their English frequency order: they make up about half of running text.
FUNCTION_WORDS = """
the to of and a in that is for we will not our on it with are be this they have as by at from their who was has
all would but these an or do what no can us he she its more been about any if one there so out up them than those
when which were had my you your i me his her just also after into over only some very
""".split()

# The words that make the text read like immigration news; placed right after the function words, so they are common.
NEWS_WORDS = """
immigration ICE police families city federal community raids people enforcement immigrants residents deportation
agents sanctuary department mayor law state cooperate undocumented policy officials administration communities
president safety children border detention court rights protect support local government public fear trust
neighbors values county governor council attorney legal services schools workers homeland security customs arrests
detainer targeted operation asylum migrants citizens jail sheriff cooperation agreement funding lawsuit judge
ruling warrant criminal civil removal orders status refugees separation facilities shelter hotline vigilant resist
oppose condemn cruel inhumane heartless reckless ruthless terror panic crime deport deported deporting deportations
deportees
""".split()

# Everyday words of news prose.
GENERAL_WORDS = """
time year day week today tomorrow work home family life world country nation America American new good great
right never always every many must continue stand together take make keep know believe want need help ask call
tell say see come go going plan plans action actions report reports week weekend month months years weeks days
morning night statement tweet interview reporters press conference meeting hearing vote votes bill bills measure
office leaders leader members member staff team group groups number numbers thousands hundreds million millions
across against around before between during under without within through while because since until whether
could should might may still even already again back down off once here where how why whom whose each both few
other such same own first last next second third long short high low large small major minor big little early late
strong weak clear open close closed free fair safe unsafe full empty whole best better worse worst hard easy real
true false serious simple important possible necessary responsible dangerous difficult different similar recent
current former future past present national regional international political economic social legal medical
human moral personal private general special federal-state statewide citywide nationwide
said says told asked added noted warned urged called vowed pledged promised announced confirmed denied claimed
argued insisted explained described suggested expected planned refused agreed decided reported issued signed
passed filed launched opened ended started stopped moved held left found gave took made came went knew thought
felt saw heard met led lost paid sent set put ran read spoke wrote brought bought built caught chose drew fell
fought grew hid hit hurt kept laid lent let lit meant rode rose sang sat shook shot shut slept sold spent stood
stole struck swept swore taught threw understood woke wore won
""".split()

# US states with a rough population weight (millions): cities and state officials are drawn by it.
STATES: tuple[tuple[str, str, float], ...] = (
    ("California", "CA", 39.0), ("Texas", "TX", 30.0), ("Florida", "FL", 22.0), ("New York", "NY", 19.6),
    ("Pennsylvania", "PA", 13.0), ("Illinois", "IL", 12.5), ("Ohio", "OH", 11.8), ("Georgia", "GA", 11.0),
    ("North Carolina", "NC", 10.7), ("Michigan", "MI", 10.0), ("New Jersey", "NJ", 9.3), ("Virginia", "VA", 8.7),
    ("Washington", "WA", 7.8), ("Arizona", "AZ", 7.4), ("Tennessee", "TN", 7.1), ("Massachusetts", "MA", 7.0),
    ("Indiana", "IN", 6.8), ("Missouri", "MO", 6.2), ("Maryland", "MD", 6.2), ("Wisconsin", "WI", 5.9),
    ("Colorado", "CO", 5.8), ("Minnesota", "MN", 5.7), ("South Carolina", "SC", 5.3), ("Alabama", "AL", 5.1),
    ("Louisiana", "LA", 4.6), ("Kentucky", "KY", 4.5), ("Oregon", "OR", 4.2), ("Oklahoma", "OK", 4.0),
    ("Connecticut", "CT", 3.6), ("Utah", "UT", 3.4), ("Iowa", "IA", 3.2), ("Nevada", "NV", 3.2),
    ("Arkansas", "AR", 3.0), ("Mississippi", "MS", 2.9), ("Kansas", "KS", 2.9), ("New Mexico", "NM", 2.1),
    ("Nebraska", "NE", 2.0), ("Idaho", "ID", 1.9), ("West Virginia", "WV", 1.8), ("Hawaii", "HI", 1.4),
    ("New Hampshire", "NH", 1.4), ("Maine", "ME", 1.4), ("Montana", "MT", 1.1), ("Rhode Island", "RI", 1.1),
    ("Delaware", "DE", 1.0), ("South Dakota", "SD", 0.9), ("North Dakota", "ND", 0.8), ("Alaska", "AK", 0.7),
    ("District of Columbia", "DC", 0.7), ("Vermont", "VT", 0.6), ("Wyoming", "WY", 0.6),
)  # fmt: skip

# Town names that recur across many states, most repeated first; accented ones included on purpose.
_CITY_NAME_TEXT = """
Springfield|Franklin|Greenville|Clinton|Salem|Madison|Georgetown|Fairview|Riverside|Marion|Washington|Arlington
Chester|Ashland|Oxford|Jackson|Burlington|Manchester|Milton|Newport|Auburn|Dayton|Lexington|Milford|Winchester
Cleveland|Hudson|Kingston|Mount Vernon|Centerville|Bristol|Dover|Oakland|Columbia|Glendale|Lancaster|Troy
San José|Cañon City|Española|Coeur d'Alene|La Cañada Flintridge|Peñasco|Doña Ana|Bayamón|Mañana|Ñuñez Crossing
Los Angeles|Chicago|Houston|Miami|San Francisco|Newark|New York|Phoenix|Philadelphia|San Antonio|San Diego
Dallas|Austin|Jacksonville|Fort Worth|Columbus|Charlotte|Indianapolis|Seattle|Denver|Boston|El Paso|Nashville
Detroit|Portland|Las Vegas|Memphis|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Mesa
Atlanta|Omaha|Raleigh|Long Beach|Virginia Beach|Minneapolis|Tulsa|Tampa|New Orleans|Wichita|Bakersfield|Aurora
Anaheim|Santa Ana|Riverside|Corpus Christi|Stockton|St. Louis|Pittsburgh|Cincinnati|Anchorage|Henderson|Greensboro
Plano|Lincoln|Orlando|Irvine|Toledo|Durham|Chula Vista|Laredo|Hialeah|Garland|Reno|Baton Rouge|Scottsdale
Santa Fe|Los Alamos|Saint Paul|Winston-Salem|Ypsilanti|Worcester|Yonkers|Hoboken|Paterson|Elizabeth
"""
CITY_NAMES = [name for name in dict.fromkeys(_CITY_NAME_TEXT.replace("\n", "|").split("|")) if name]

# Pieces of generated town names: prefix + root + suffix ("North Ashbury Falls").
CITY_PREFIXES = ("", "", "", "", "North ", "South ", "East ", "West ", "New ", "Port ", "Fort ", "Lake ", "Mount ",
                 "San ", "Santa ", "Los ", "La ", "El ", "Saint ", "Glen ")  # fmt: skip
CITY_ROOTS = """
Ash Oak Elm Maple Cedar Pine Willow Birch Cherry Walnut Hazel Laurel River Brook Spring Stone Rock Hill Green Fair
Red White Black Silver Gold Iron Copper Clear Bright Sun Moon Star Wolf Bear Eagle Hawk Fox Deer Buffalo Mill
Bridge Harbor Bay Ocean Prairie Meadow Valley Canyon Mesa Sierra Cruz Rosa María Lucía Ángel Paloma Ciénega
Alamo Cordero Fresno Encino Sauce Nogales Marin Carmel Monte Vista Ventura Lowell Chandler Whit Hamp Went Marl
Wood Dale Ridge Crest Haven Bourne Cliff Ford Ham Wick Ley
""".split()
CITY_SUFFIXES = ("", "", "", "ville", "ton", "burg", "field", "wood", "dale", " Falls", " City", " Springs",
                 " Heights", " Park", " Junction", "port", " Beach", "ford", " Creek", " Valley")  # fmt: skip

# Given names, most common first, with accents and non-Latin-derived spellings that search must fold.
FIRST_NAMES = """
Maria José James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Juan Susan
Luis Jessica Carlos Sarah Jorge Karen Daniel Lisa Thomas Nancy Christopher Betty Ana Sandra Jesús Margaret Ángel
Ashley Andrés Zoë Kimberly Miguel Emily Francisco Donna Rafael Michelle Javier Carol Héctor Amanda Raúl Melissa
Ramón Deborah Sofía Stephanie Lucía Rebecca Renée Laura Chloë André Sharon François Cynthia Björn Kathleen Søren
Amy Łukasz Shirley Nguyễn Angela Thanh Helen Minh Anna Mai Brenda Hùng Pamela Jürgen Nicole Günther Samantha Inés
Katherine Ximena Christine Iñaki Debra Begoña Rachel Noël Catherine Joël Carolyn Hélène Janet Íñigo Ruth Élodie
Maria-José Ras Libby London Lori Eric Bill Ron Mark Nancy Keisha Aja Tanisha DeShawn Malik Aisha Omar Fatima
Priya Raj Anil Sunita Wei Ming Hiroshi Yuki Seo-yeon Ji-ho Oksana Dmitri Chiara Giuseppe Beatriz João Conceição
""".split()
# Surnames in roughly US frequency order (so many officials share one), with Spanish, Vietnamese, German, Polish...
SURNAMES = """
Smith García Johnson Rodríguez Williams Martínez Brown Hernández Jones López Nguyễn Miller González Davis Pérez
Wilson Sánchez Anderson Ramírez Thomas Torres Taylor Flores Moore Rivera Jackson Gómez Martin Díaz Lee Reyes
Thompson Cruz White Morales Harris Ortiz Clark Gutiérrez Lewis Chávez Robinson Ramos Walker Ruiz Young Álvarez
Allen Mendoza King Castillo Wright Jiménez Scott Vásquez Trần Romero Hill Herrera Green Medina Adams Aguilar
Baker Vargas Nelson Castro Carter Guzmán Mitchell Fernández Roberts Muñoz Phillips Rojas Campbell Domínguez
Parker Ríos Evans Núñez Edwards Peña Collins Ibáñez Müller Lê Phạm Huỳnh Hoàng Võ Đặng Bùi Đỗ Kim Park Choi
Wang Li Zhang Chen Liu Yang Huang Patel Shah Singh Kumar Khan Ali Haddad Nakamura Tanaka Sato O'Brien O'Connor
McCarthy Schmidt Schröder Weiß Bauer Groß Dubois Lefèvre Bélanger Côté Gagné Lindqvist Åberg Yılmaz Öztürk
Nowak Wiśniewski Dvořák Novák Horváth Kovačević Søndergaard de_la_Cruz de_Blasio Van_der_Berg García-López
Schaaf Breed Pelosi Garcetti Lightfoot Baraka DeSantis Morgan St._John D'Angelo MacDonald Okafor Adeyemi
""".split()
# An underscore joins the words of a multi-word surname in the list above ("de_la_Cruz").
SURNAMES = [s.replace("_", " ") for s in SURNAMES]

CITY_TITLES = (
    ("City Council Member", 40), ("Council President", 4), ("Deputy Mayor", 6), ("City Attorney", 5),
    ("Police Chief", 8), ("City Manager", 4), ("Alderman", 8), ("County Executive", 3), ("Sheriff", 5),
    ("School Board President", 3),
)  # fmt: skip
STATE_TITLES = (("State Senator", 40), ("State Representative", 50), ("Attorney General", 2),
                ("Lieutenant Governor", 2), ("Governor", 2))  # fmt: skip
NATIONAL_TITLES = (("Representative", 60), ("Senator", 20), ("Secretary of Homeland Security", 1),
                   ("ICE Director", 1), ("Border Patrol Chief", 1), ("President", 1))  # fmt: skip
PARTIES = (("D", 45), ("R", 36), ("I", 3), (None, 16))

FEDERAL_AGENCIES = (
    ("Immigration and Customs Enforcement", "ICE", "federal agency"),
    ("Customs and Border Protection", "CBP", "federal agency"),
    ("Department of Homeland Security", "DHS", "federal agency"),
    ("Justice Department", None, "federal agency"),
    ("Federal Bureau of Investigation", "FBI", "federal agency"),
    ("immigration courts", None, "court"),
    ("Office of Civic Engagement and Immigrant Affairs", None, "office"),
)
OUTLETS = ("The Washington Post", "Los Angeles Times", "Chicago Tribune", "The Texas Tribune", "El Nuevo Herald",
           "The Arizona Republic", "Miami Herald", "The Seattle Times", "Univision Noticias", "Houston Chronicle",
           "The Star-Ledger", "Denver Post", "ABC 7", "CNN", "Telemundo")  # fmt: skip

# What a police department says about cooperating with ICE, by position; each is cut out as a stance's evidence.
POLICE_PHRASES = {
    "refuses": ("will not cooperate with ICE", "does not and will not honor ICE detainers",
                "will not participate in immigration enforcement", "will not share its databases with ICE"),
    "cooperates": ("will assist federal immigration agents", "will honor every ICE detainer request",
                   "works closely with Immigration and Customs Enforcement"),
    "mandated": ("is required by state law to cooperate with ICE", "must hold people for ICE under the new state law"),
    "unclear": ("has not received any request from ICE", "is reviewing its policy on immigration detainers"),
}  # fmt: skip
POSITION_WEIGHTS = (("refuses", 30), ("cooperates", 35), ("mandated", 10), ("unclear", 25))
HEADLINES = ("officials vow to resist ICE raids", "police say they will not cooperate with ICE",
             "mayor pushes back on planned immigration sweeps", "families brace for deportation raids",
             "leaders condemn federal immigration operation", "sheriff defends cooperation with ICE",
             "residents rally against deportations", "council weighs sanctuary policy")  # fmt: skip

_SYLLABLES = (
    "ka ro mi ten sal vor ine ast ul pre con der mon tal ver ish ent ock ber lin gar tro pel fen dra "
    "qua zor nim bel cas tor wen ly ith ran sel dun mar plo vik rest"
).split()


def vocabulary(size: int = 20_000) -> list[str]:
    """The word list, most frequent first: real words, then made-up words for the long tail of rare words.

    The tail comes from a fixed seed, so every synthetic database shares one vocabulary whatever its --seed,
    and the benchmark can name its common and rare words in advance.
    """
    words = list(dict.fromkeys(FUNCTION_WORDS + NEWS_WORDS + GENERAL_WORDS))
    seen = {w.casefold() for w in words}
    tail_rng = random.Random(0)
    while len(words) < size:
        word = "".join(tail_rng.choice(_SYLLABLES) for _ in range(tail_rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words
