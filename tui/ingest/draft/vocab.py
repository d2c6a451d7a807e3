"""Word lists the drafting rules use: reporting verbs, titles, states, city names, agency names.

These recognise words in an article; they never add a fact to a draft that the article does not state (a city's
state, for instance, is drafted only from the article's own "Houston, Texas" or "(D-Calif.)").
"""

from __future__ import annotations

from tui.ingest.draft.gazetteer import AMBIGUOUS_CITIES, CITIES, CITY_ALIASES, STATE_BY_ABBR, STATES  # noqa: F401

# Re-exported: the rules read every word list as vocab.X.
from tui.ingest.draft.vocab_titles import MORE_TITLES

# Verbs that introduce or follow a quotation ("said", "told CNN", "wrote"), any tense the news uses.
REPORTING_VERBS = frozenset(
    """
    say says said saying asking tell tells told telling add adds added adding write writes wrote writing tweeted
    tweeting posted stated explain explains explained explaining noted noting ask asks asked warn warns warned warning
    urge urges urged urging pledged pledges called calling described describing describes announced announces argued
    argues insisted insists continued acknowledged recalled claimed declared emphasized stressed vowed promised
    responded replied read reads anticipated predicted remarked testified countered conceded admitted suggested
    cautioned contended maintained complained charged exclaimed lamented quipped observed reiterated affirmed
    assured confirmed criticized blasted slammed praised echoed joked shouted agreed recounted declaring adding
    threatened accused demanded labeled labelled dubbed branded deemed characterized chanted
    yelled yells screamed whispered pleaded sobbed texted emailed shouts
    warns argues insists admits concedes tells cried sighed laughed snapped begged murmured muttered questioned
    answered answers replies responds recalls continues counters acknowledges
    """.split()
)
# Words that look like reporting verbs but announce what a newspaper or station reported, not who spoke.
NOT_SPEAKING = frozenset({"reported", "reports", "reporting"})

PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "org",
    "his": "person",
    "her": "person",
    "their": "group",
    "its": "org",
    "we": "group",
    "i": "person",
}

# Titles before a name, longest first so "Police Commissioner" wins over "Commissioner".
# Honorifics stand before a name like a title but are not one: the drafter records no title for them.
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Rev.", "Mr", "Mrs", "Ms", "Dr"})
TITLES = {
    "Mr.": "Mr.",
    "Mr": "Mr.",  # British style, no period: "Mr Kidd said"
    "Mrs": "Mrs.",
    "Ms": "Ms.",
    "Dr": "Dr.",
    "Mrs.": "Mrs.",
    "Ms.": "Ms.",
    "Dr.": "Dr.",
    "Rev.": "Rev.",
    "Lt. Gov.": "Lieutenant Governor",
    "Lieutenant Governor": "Lieutenant Governor",
    "Gov.": "Governor",
    "Governor": "Governor",
    "Vice President": "Vice President",
    "President": "President",
    "Mayor": "Mayor",
    "Police Commissioner": "Police Commissioner",
    "Commissioner": "Commissioner",
    "Police Chief": "Police Chief",
    "Assistant Chief": "Assistant Chief",
    "Deputy Chief": "Deputy Chief",
    "Chief": "Chief",
    "Sheriff": "Sheriff",
    "Sen.": "Senator",
    "Senator": "Senator",
    "Rep.": "Representative",
    "Representative": "Representative",
    "House Speaker": "House Speaker",
    "Speaker": "Speaker",
    "Attorney General": "Attorney General",
    "District Attorney": "District Attorney",
    "Secretary": "Secretary",
    "Acting Secretary": "Acting Secretary",
    "Director": "Director",
    "Acting Director": "Acting Director",
    "Councilman": "Councilman",
    "Councilwoman": "Councilwoman",
    "Council Member": "Council Member",
    "Councilmember": "Council Member",
    "Alderman": "Alderman",
    "Alderwoman": "Alderwoman",
    "Ald.": "Alderman",
    "Judge": "Judge",
    "Superintendent": "Superintendent",
    "Police Superintendent": "Police Superintendent",
    "Supervisor": "Supervisor",
    "Assemblyman": "Assemblyman",
    "Assemblywoman": "Assemblywoman",
    "City Manager": "City Manager",
    "Deputy Mayor": "Deputy Mayor",
    "Council President": "Council President",
    "Board President": "Board President",
    "County Commissioner": "County Commissioner",
    "City Attorney": "City Attorney",
    "County Attorney": "County Attorney",
    "U.S. Attorney": "U.S. Attorney",
    "US Attorney": "U.S. Attorney",
    "DA": "District Attorney",
    "AG": "Attorney General",
    "County Executive": "County Executive",
    "County Judge": "County Judge",
    "Police Capt.": "Police Captain",
    "Capt.": "Captain",
    "Lt.": "Lieutenant",
    "Sgt.": "Sergeant",
    "Det.": "Detective",
    "Deputy": "Deputy",
    "Public Defender": "Public Defender",
    "Deputy Public Defender": "Deputy Public Defender",
    "Prosecutor": "Prosecutor",
    "State Sen.": "State Senator",
    "State Rep.": "State Representative",
    "Commissioner of Police": "Police Commissioner",
}
TITLES.update(MORE_TITLES)
CITY_TITLES = frozenset(
    {
        "Mayor",
        "Police Commissioner",
        "Commissioner",
        "Police Chief",
        "Assistant Chief",
        "Deputy Chief",
        "Chief",
        "Councilman",
        "Councilwoman",
        "Council Member",
        "Alderman",
        "Alderwoman",
        "Police Superintendent",
        "Superintendent",
        "Supervisor",
        "Sheriff",
    }
)
STATE_TITLES = frozenset(
    {"Governor", "Lieutenant Governor", "State Senator", "State Representative", "Assemblyman", "Assemblywoman"}
)
NATIONAL_TITLES = frozenset({"President", "Vice President", "House Speaker", "Senator", "Representative"})
# Lower-case title words that, after "the" (and maybe a city or "police"), point back to a titled person.
TITLE_WORDS = {
    "mayor": "Mayor",
    "governor": "Governor",
    "president": "President",
    "chief": "Chief",
    "commissioner": "Commissioner",
    "sheriff": "Sheriff",
    "senator": "Senator",
    "speaker": "Speaker",
    "secretary": "Secretary",
    "director": "Director",
    "superintendent": "Superintendent",
    "attorney general": "Attorney General",
}

# Federal bodies the news names, with the abbreviation it uses; kind for the annotation file.
AGENCIES = (
    ("U.S. Immigration and Customs Enforcement", "ICE", "federal agency"),
    ("Immigration and Customs Enforcement", "ICE", "federal agency"),
    ("U.S. Customs and Border Protection", "CBP", "federal agency"),
    ("Customs and Border Protection", "CBP", "federal agency"),
    ("Department of Homeland Security", "DHS", "federal agency"),
    ("Homeland Security Investigations", "HSI", "federal agency"),
    ("U.S. Citizenship and Immigration Services", "USCIS", "federal agency"),
    ("Justice Department", "DOJ", "federal agency"),
    ("Department of Justice", "DOJ", "federal agency"),
    ("Federal Bureau of Investigation", "FBI", "federal agency"),
    ("Border Patrol", None, "federal agency"),
    ("White House", None, "office"),
)
MEDIA_NAMES = frozenset(
    {
        "CNN",
        "Fox News",
        "MSNBC",
        "NBC",
        "ABC",
        "CBS",
        "NPR",
        "Reuters",
        "The Associated Press",
        "Associated Press",
        "AP",
        "Univision",
        "Telemundo",
        "Politico",
        "Axios",
        "BuzzFeed News",
        "Bloomberg",
        "ProPublica",
    }
)
MEDIA_SUFFIX = (
    "Times",
    "Post",
    "Journal",
    "News",
    "Tribune",
    "Herald",
    "Chronicle",
    "Gazette",
    "NewsRadio",
    "Radio",
    "Sun",
    "Star",
    "Inquirer",
    "Observer",
    "Examiner",
    "Bee",
    "Register",
    "Daily",
)
ORG_SUFFIX = (
    "Police Department",
    "Sheriff's Office",
    "Sheriff’s Office",
    "Sheriff's Department",
    "Sheriff’s Department",
    "Department",
    "Office",
    "Agency",
    "Bureau",
    "Administration",
    "Commission",
    "Council",
    "Union",
    "Association",
    "Coalition",
    "Center",
    "Project",
    "Foundation",
    "Institute",
    "Alliance",
    "Network",
    "Committee",
    "Court",
    "Patrol",
    "Service",
    "Services",
    "Board",
    "Society",
    "Ministry",
    "Foods",
    "Farms",
    "Meats",
    "Industries",
    "Company",
    "Corporation",
    "Corp.",
    "Co.",
    "Inc.",
    "LLC",
    "Group",
    "Holdings",
    "Partners",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
