"""US states with their AP abbreviations, and the city names the drafter recognises.

Recognition only: a city's state is never drafted from this list, only from the article's own words.
"""

from __future__ import annotations

STATES = {
    "Alabama": "Ala.",
    "Alaska": "Alaska",
    "Arizona": "Ariz.",
    "Arkansas": "Ark.",
    "California": "Calif.",
    "Colorado": "Colo.",
    "Connecticut": "Conn.",
    "Delaware": "Del.",
    "Florida": "Fla.",
    "Georgia": "Ga.",
    "Hawaii": "Hawaii",
    "Idaho": "Idaho",
    "Illinois": "Ill.",
    "Indiana": "Ind.",
    "Iowa": "Iowa",
    "Kansas": "Kan.",
    "Kentucky": "Ky.",
    "Louisiana": "La.",
    "Maine": "Maine",
    "Maryland": "Md.",
    "Massachusetts": "Mass.",
    "Michigan": "Mich.",
    "Minnesota": "Minn.",
    "Mississippi": "Miss.",
    "Missouri": "Mo.",
    "Montana": "Mont.",
    "Nebraska": "Neb.",
    "Nevada": "Nev.",
    "New Hampshire": "N.H.",
    "New Jersey": "N.J.",
    "New Mexico": "N.M.",
    "New York": "N.Y.",
    "North Carolina": "N.C.",
    "North Dakota": "N.D.",
    "Ohio": "Ohio",
    "Oklahoma": "Okla.",
    "Oregon": "Ore.",
    "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.",
    "South Carolina": "S.C.",
    "South Dakota": "S.D.",
    "Tennessee": "Tenn.",
    "Texas": "Texas",
    "Utah": "Utah",
    "Vermont": "Vt.",
    "Virginia": "Va.",
    "Washington": "Wash.",
    "West Virginia": "W.Va.",
    "Wisconsin": "Wis.",
    "Wyoming": "Wyo.",
}
STATE_BY_ABBR = {abbr: state for state, abbr in STATES.items()}
STATE_BY_ABBR.update({"Cal.": "California", "Tex.": "Texas", "Penn.": "Pennsylvania", "Ore.": "Oregon"})

# US cities that immigration news names (the larger ones); recognising a name only, never its state.
CITIES = frozenset(
    """
    New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|
    Jacksonville|Fort Worth|Columbus|Charlotte|San Francisco|Indianapolis|Seattle|Denver|Washington|Boston|
    El Paso|Nashville|Detroit|Oklahoma City|Portland|Las Vegas|Memphis|Louisville|Baltimore|Milwaukee|
    Albuquerque|Tucson|Fresno|Mesa|Sacramento|Atlanta|Kansas City|Colorado Springs|Omaha|Raleigh|Miami|
    Long Beach|Virginia Beach|Oakland|Minneapolis|Tulsa|Tampa|Arlington|New Orleans|Wichita|Bakersfield|
    Cleveland|Aurora|Anaheim|Honolulu|Santa Ana|Riverside|Corpus Christi|Lexington|Henderson|Stockton|
    Saint Paul|St. Paul|Cincinnati|St. Louis|Pittsburgh|Greensboro|Lincoln|Anchorage|Plano|Orlando|Irvine|
    Newark|Durham|Chula Vista|Toledo|Fort Wayne|St. Petersburg|Laredo|Jersey City|Chandler|Madison|Lubbock|
    Scottsdale|Reno|Buffalo|Gilbert|Glendale|North Las Vegas|Winston-Salem|Chesapeake|Norfolk|Fremont|
    Garland|Irving|Hialeah|Richmond|Boise|Spokane|Baton Rouge|Tacoma|San Bernardino|Modesto|Fontana|
    Des Moines|Moreno Valley|Santa Clarita|Fayetteville|Birmingham|Oxnard|Rochester|Port St. Lucie|
    Grand Rapids|Huntsville|Salt Lake City|Frisco|Yonkers|Amarillo|Glendale|Huntington Beach|McKinney|
    Montgomery|Augusta|Aurora|Akron|Little Rock|Tempe|Columbus|Overland Park|Grand Prairie|Tallahassee|
    Cape Coral|Mobile|Knoxville|Shreveport|Worcester|Ontario|Vancouver|Sioux Falls|Chattanooga|Brownsville|
    Fort Lauderdale|Providence|Newport News|Rancho Cucamonga|Santa Rosa|Peoria|Oceanside|Elk Grove|Salem|
    Pembroke Pines|Eugene|Garden Grove|Cary|Fort Collins|Corona|Springfield|Jackson|Alexandria|Hayward|
    Clarksville|Lakewood|Lancaster|Salinas|Palmdale|Hollywood|Springfield|Sunnyvale|Macon|Pomona|Escondido|
    Pasadena|New Haven|Savannah|Bridgeport|Hartford|Paterson|Elizabeth|Trenton|Camden|Dayton|Syracuse|
    Albany|Santa Fe|McAllen|Harlingen|Yuma|Nogales|San Juan|Berkeley|Santa Cruz|Cambridge|Somerville|
    Evanston|Ann Arbor|Burlington|Charlottesville|Durham|Asheville|Waukegan|Elgin|Joliet|Atlanta|Decatur
    """.replace("\n", "").split("|")
)
CITIES = frozenset(c.strip() for c in CITIES) - {""}
CITY_ALIASES = {
    "L.A.": "Los Angeles",
    "LA": "Los Angeles",
    "NYC": "New York",
    "N.Y.C.": "New York",
    "New York City": "New York",
    "D.C.": "Washington",
    "Philly": "Philadelphia",
    "S.F.": "San Francisco",
}
# A city name that is also a state or a common word is only taken as a city in a city pattern ("Washington Mayor").
AMBIGUOUS_CITIES = frozenset(
    {
        "Washington",
        "Jackson",
        "Lincoln",
        "Mobile",
        "Aurora",
        "Columbus",
        "Salem",
        "Ontario",
        "Vancouver",
        "Springfield",
        "Peoria",
        "Elizabeth",
        "Hollywood",
        "Independence",
        "Cambridge",
        "Macon",
        "Glendale",
        "Richmond",
        "Arlington",
        "Alexandria",
    }
)
