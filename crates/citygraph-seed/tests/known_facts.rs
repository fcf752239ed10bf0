//! Loads the committed `seed-data/` into a `Snapshot`, as the importer does, and checks facts that
//! any correct build must show.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use citygraph_core::{Change, City, Day, Membership, Network, Partnership, Snapshot, Status};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seed-data")
}

/// Parses one seed file: every line is an object whose first field is `"type": kind`; the rest must
/// deserialize into the model type.
fn records<T: DeserializeOwned>(file: &str, kind: &str) -> Vec<T> {
    let path = seed_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let prefix = format!("{{\"type\":\"{kind}\",");
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            assert!(
                line.starts_with(&prefix),
                "{file}:{}: does not start with {prefix}",
                i + 1
            );
            let mut v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1));
            v.as_object_mut().expect("an object").remove("type");
            serde_json::from_value(v).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1))
        })
        .collect()
}

/// The seed files of a kind (`memberships`, `memberships-etmun`, ...), in name order.
fn files_of(kind: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(seed_dir())
        .expect("read seed-data")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| {
            f.ends_with(".ndjson")
                && (f == &format!("{kind}.ndjson") || f.starts_with(&format!("{kind}-")))
        })
        .collect();
    out.sort();
    out
}

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let mut changes = Vec::new();
        changes.extend(
            records::<City>("cities.ndjson", "city")
                .into_iter()
                .map(|c| Change::PutCity(Arc::new(c))),
        );
        for f in files_of("networks") {
            changes.extend(
                records::<Network>(&f, "network")
                    .into_iter()
                    .map(|n| Change::PutNetwork(Arc::new(n))),
            );
        }
        for f in files_of("memberships") {
            changes.extend(
                records::<Membership>(&f, "membership")
                    .into_iter()
                    .map(|m| Change::PutMembership(Arc::new(m))),
            );
        }
        for f in files_of("partnerships") {
            changes.extend(
                records::<Partnership>(&f, "partnership")
                    .into_iter()
                    .map(|p| Change::PutPartnership(Arc::new(p))),
            );
        }
        let (snap, applied) = Snapshot::default()
            .with_changes(&changes)
            .unwrap_or_else(|(i, e)| panic!("change {i} ({:?}) fails: {e}", changes[i].target()));
        assert!(
            applied
                .iter()
                .all(|a| *a == citygraph_core::Applied::Created),
            "every record has an id of its own"
        );
        snap
    })
}

fn day(s: &str) -> Day {
    s.parse::<citygraph_core::PartialDate>()
        .expect("a date")
        .first_day()
}

/// The id of the city of that name and country (the most populous if several).
fn city(name: &str, country: &str) -> String {
    snapshot()
        .cities
        .values()
        .filter(|c| c.name == name && c.country.as_str() == country)
        .max_by_key(|c| c.population.unwrap_or(0))
        .map(|c| c.id.to_string())
        .unwrap_or_else(|| panic!("no city {name} ({country}) in the seed"))
}

/// The partnership of two cities given as `(name, country)`.
fn link(a: (&str, &str), b: (&str, &str)) -> Arc<Partnership> {
    let (a, b) = (city(a.0, a.1), city(b.0, b.1));
    let a_id = citygraph_core::CityId::new(&a).expect("an id");
    snapshot()
        .partnerships_of(&a)
        .find(|p| p.other(&a_id).as_str() == b)
        .cloned()
        .unwrap_or_else(|| panic!("no partnership between {a} and {b}"))
}

#[test]
fn the_seed_loads_without_error() {
    let s = snapshot();
    assert!(s.cities.len() > 15_000, "{} cities", s.cities.len());
    assert!(
        s.partnerships.len() > 20_000,
        "{} partnerships",
        s.partnerships.len()
    );
    assert!(s.networks.len() >= 12);
    for id in [
        "c40",
        "iclei",
        "uclg",
        "gcom",
        "eu-covenant-of-mayors",
        "metropolis",
        "eurocities",
        "citynet",
    ] {
        assert!(s.network(id).is_some(), "network {id} is missing");
    }
    for id in [
        "mayors-for-peace",
        "ubc",
        "climate-alliance",
        "under2-coalition",
    ] {
        assert!(s.network(id).is_some(), "network {id} is missing");
    }
}

#[test]
fn every_record_cites_its_sources() {
    let s = snapshot();
    assert!(s.cities.values().all(|c| !c.sources.is_empty()));
    assert!(s.networks.values().all(|n| !n.sources.is_empty()));
    assert!(s.memberships.values().all(|m| !m.sources.is_empty()));
    assert!(s.partnerships.values().all(|p| !p.sources.is_empty()));
    assert!(s
        .partnerships
        .values()
        .flat_map(|p| p.events.iter())
        .all(|e| !e.sources.is_empty()));
}

#[test]
fn chicago_is_twinned_with_durban_warsaw_milan_and_osaka() {
    let chicago = city("Chicago", "US");
    let partners: Vec<String> = snapshot()
        .partnerships_of(&chicago)
        .map(|p| {
            p.other(&citygraph_core::CityId::new(&chicago).unwrap())
                .to_string()
        })
        .collect();
    for (name, cc) in [
        ("Durban", "ZA"),
        ("Warsaw", "PL"),
        ("Milan", "IT"),
        ("Osaka", "JP"),
    ] {
        assert!(
            partners.contains(&city(name, cc)),
            "Chicago is not linked with {name}: {partners:?}"
        );
    }
}

#[test]
fn prague_and_beijing_were_partners_until_2019() {
    let p = link(("Prague", "CZ"), ("Beijing", "CN"));
    assert_eq!(p.status_on(day("2018-06-01")), Some(Status::Active));
    assert_eq!(p.status_on(day("2020-06-01")), Some(Status::Terminated));
    assert_eq!(
        p.established().map(|d| d.to_string()).as_deref(),
        Some("2016-02")
    );
}

#[test]
fn coventry_and_volgograd_are_suspended_in_2023() {
    let p = link(("Coventry", "GB"), ("Volgograd", "RU"));
    assert_eq!(p.status_on(day("2023-01-01")), Some(Status::Suspended));
    assert_eq!(p.status_on(day("2021-01-01")), Some(Status::Active));
}

#[test]
fn osaka_ended_its_link_with_san_francisco_in_2018() {
    let p = link(("Osaka", "JP"), ("San Francisco", "US"));
    assert_eq!(p.status_on(day("2018-10-01")), Some(Status::Active));
    assert_eq!(p.status_on(day("2019-01-01")), Some(Status::Terminated));
}

#[test]
fn paris_and_london_are_c40_members_in_2019() {
    let s = snapshot();
    for (name, cc) in [("Paris", "FR"), ("London", "GB")] {
        let id = city(name, cc);
        let m = s
            .memberships_of(&id)
            .find(|m| m.network.as_str() == "c40")
            .unwrap_or_else(|| panic!("{name} has no C40 membership"));
        assert!(
            m.in_force_on(day("2019-06-01")),
            "{name}'s C40 membership is not in force on 2019-06-01: {m:?}"
        );
        assert!(m.joined.is_none(), "no join date is invented");
    }
}

#[test]
fn ubc_expelled_saint_petersburg_in_2022() {
    let s = snapshot();
    let id = city("Saint Petersburg", "RU");
    let m = s
        .memberships_of(&id)
        .find(|m| m.network.as_str() == "ubc")
        .expect("a UBC membership");
    assert!(m.in_force_on(day("2000-06-01")), "{m:?}");
    assert!(m.in_force_on(day("2021-12-31")));
    assert!(!m.in_force_on(day("2022-01-01")));
    assert!(!m.in_force_on(day("2023-06-01")));
    assert_eq!(m.joined.map(|d| d.to_string()).as_deref(), Some("1991"));
}

/// The membership of a city in a network.
fn membership(network: &str, name: &str, country: &str) -> Arc<Membership> {
    let id = city(name, country);
    snapshot()
        .memberships_of(&id)
        .find(|m| m.network.as_str() == network)
        .cloned()
        .unwrap_or_else(|| panic!("{name} ({country}) has no {network} membership"))
}

#[test]
fn ubc_lists_gdansk_and_turku_as_members_since_1991() {
    for (name, cc) in [
        ("Gdańsk", "PL"),
        ("Turku", "FI"),
        ("Riga", "LV"),
        ("Kalmar", "SE"),
    ] {
        let m = membership("ubc", name, cc);
        assert_eq!(
            m.joined.map(|d| d.to_string()).as_deref(),
            Some("1991"),
            "{m:?}"
        );
        assert!(!m.in_force_on(day("1990-12-31")) && m.in_force_on(day("1991-06-01")));
    }
    // Helsinki joined in 1994, Tampere in 1995 (other rows of the same table).
    assert_eq!(
        membership("ubc", "Helsinki", "FI")
            .joined
            .map(|d| d.to_string())
            .as_deref(),
        Some("1994")
    );
    assert_eq!(
        membership("ubc", "Tampere", "FI")
            .joined
            .map(|d| d.to_string())
            .as_deref(),
        Some("1995")
    );
}

#[test]
fn iclei_has_at_least_120_member_cities() {
    let members: std::collections::BTreeSet<&str> = snapshot()
        .members_of("iclei")
        .map(|m| m.city.as_str())
        .collect();
    assert!(
        members.len() >= 120,
        "{} ICLEI member cities",
        members.len()
    );
}

#[test]
fn climate_alliance_has_members_joining_in_every_year_from_1991_to_2019() {
    let mut years = std::collections::BTreeSet::new();
    for m in snapshot().members_of("climate-alliance") {
        if let Some(j) = m.joined {
            years.insert(j.year_part());
        }
    }
    let missing: Vec<i32> = (1991..=2019).filter(|y| !years.contains(y)).collect();
    assert!(
        missing.is_empty(),
        "no Climate Alliance member joined in {missing:?}"
    );
}

#[test]
fn baltic_links_are_established_in_their_year_and_not_before() {
    for (a, b, year) in [
        (("Vantaa", "FI"), ("Kineshma", "RU"), 1969),
        (("Kotka", "FI"), ("Kronstadt", "RU"), 1993),
        (("Lappeenranta", "FI"), ("Klin", "RU"), 1966),
        (("Turku", "FI"), ("Gdańsk", "PL"), 1958),
        // `Halle an der Saale` is Halle (Saale), not Halle (Westfalen): its year dates the link
        // Wikipedia lists, with no second link beside it.
        (("Karlsruhe", "DE"), ("Halle (Saale)", "DE"), 1987),
        (("Riga", "LV"), ("Saint Petersburg", "RU"), 2002),
        (("Sigulda", "LV"), ("Türi", "EE"), 2004),
    ] {
        let p = link(a, b);
        assert_eq!(
            p.established().map(|d| d.year_part()),
            Some(year),
            "{}: {:?}",
            p.id,
            p.events
        );
        assert_eq!(
            p.status_on(day(&format!("{}-12-31", year - 1))),
            None,
            "{}",
            p.id
        );
        assert_eq!(
            p.status_on(day(&format!("{year}-06-01"))),
            Some(Status::Active)
        );
    }
}

#[test]
fn a_qualified_name_does_not_take_a_namesake() {
    let karlsruhe = city("Karlsruhe", "DE");
    let to_halle: Vec<_> = snapshot()
        .partnerships_of(&karlsruhe)
        .filter(|p| p.cities.iter().any(|c| c.as_str().starts_with("de-halle")))
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(to_halle, ["de-halle-saale--de-karlsruhe"]);
}

#[test]
fn at_least_900_links_have_a_dated_establishment() {
    let dated = snapshot()
        .partnerships
        .values()
        .filter(|p| {
            p.events
                .first()
                .is_some_and(|e| e.kind == citygraph_core::EventType::Established)
        })
        .count();
    assert!(
        dated >= 900,
        "{dated} links start with a dated establishment"
    );
}

#[test]
fn etmun_urbact_unesco_and_eurocities_facts_are_in_the_seed() {
    // URBACT: Naples led 2nd Chance, 2015 to 2018.
    let m = membership("urbact-2nd-chance", "Naples", "IT");
    assert_eq!(m.role.as_deref(), Some("lead partner"));
    assert_eq!(m.joined.map(|d| d.to_string()).as_deref(), Some("2015"));
    assert_eq!(m.left.map(|d| d.to_string()).as_deref(), Some("2018"));
    assert!(m.in_force_on(day("2016-06-01")) && !m.in_force_on(day("2019-06-01")));
    let n = snapshot()
        .network("urbact-2nd-chance")
        .expect("the network");
    assert_eq!(
        n.secretariat.as_ref().map(|c| c.to_string()),
        Some(city("Naples", "IT"))
    );
    // ETMUN: the Covenant of Mayors is the EU Covenant of Mayors, with adhesion years.
    assert!(snapshot().network("covenant-of-mayors").is_none());
    let com = snapshot()
        .members_of("eu-covenant-of-mayors")
        .filter(|m| m.joined.is_some())
        .count();
    assert!(com >= 8_000, "{com} dated Covenant of Mayors memberships");
    // Eurocities 2025 is an observation, not a join date.
    let m = membership("eurocities", "Paris", "FR");
    assert!(
        m.observed.iter().any(|d| d.year_part() == 2025) && m.joined.is_none(),
        "{m:?}"
    );
    // UNESCO: Kraków, City of Literature.
    let m = membership("unesco-creative-cities", "Kraków", "PL");
    assert_eq!(m.role.as_deref(), Some("literature"));
    // Networks new to the seed carry their facts.
    let efus = snapshot().network("efus").expect("EFUS");
    assert_eq!(efus.founded.map(|d| d.to_string()).as_deref(), Some("1987"));
    assert_eq!(
        efus.secretariat.as_ref().map(|c| c.to_string()),
        Some(city("Paris", "FR"))
    );
    assert!(efus.name.contains("(Efus)") && efus.website.is_some() && !efus.sources.is_empty());
}

#[test]
fn restricted_facts_stay_in_their_tagged_files() {
    // Every record of a tagged file cites that source; untagged files cite none of them.
    let tags = [
        ("climactor", "ClimActor"),
        ("etmun", "ETMUN"),
        ("urbact", "URBACT"),
        ("baltic", "Bussmann & Nickel"),
    ];
    for kind in ["memberships", "partnerships", "networks"] {
        for f in files_of(kind) {
            let text = std::fs::read_to_string(seed_dir().join(&f)).expect("read");
            for line in text.lines() {
                for (tag, citation) in tags {
                    let tagged = f.trim_end_matches(".ndjson").split('-').any(|t| t == tag);
                    assert_eq!(
                        line.contains(citation),
                        tagged,
                        "{f}: {tag} facts belong in files tagged {tag}: {}",
                        &line[..line.len().min(200)]
                    );
                }
            }
        }
    }
}

#[test]
fn merged_records_keep_their_old_ids_as_aliases() {
    let s = snapshot();
    for (old, new) in [
        ("de-frankfurt", "de-frankfurt-am-main"),
        ("cz-benatky", "cz-benatky-nad-jizerou"),
        ("de-rudesheim", "de-rudesheim-am-rhein"),
        ("es-cangas", "es-cangas-de-onis"),
        ("be-ville-de-chimay", "be-chimay"),
    ] {
        assert!(s.city(old).is_none(), "{old} is still a city of its own");
        assert_eq!(
            s.resolve_city(old).map(|c| c.id.to_string()).as_deref(),
            Some(new),
            "{old} does not resolve to {new}"
        );
    }
    // Frankfurt am Main keeps its own Wikidata item, not Frankfurt (Oder)'s.
    assert_eq!(
        s.city("de-frankfurt-am-main").unwrap().wikidata.as_deref(),
        Some("Q1794")
    );
    // Its links from the list that geocoded "Frankfurt" there moved with it.
    assert!(s.partnerships_of("de-frankfurt-am-main").count() >= 17);
    // Distinct units stay apart.
    for id in [
        "de-bad-kreuznach",
        "de-bad-kreuznach-district",
        "cz-prague",
        "hu-budapest",
    ] {
        assert!(s.city(id).is_some(), "{id} is missing");
    }
}

/// Folded words of a name (the test's own, independent of the builder's normalisation).
fn words(name: &str) -> Vec<String> {
    let folded: String = name
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' | 'ė' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' => 'n',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_two_cities_of_a_country_within_5_km_differ_only_by_a_suffix_unless_the_report_says_why() {
    // Pairs the report keeps apart, with their reasons.
    let text = std::fs::read_to_string(seed_dir().join("duplicates.csv")).expect("duplicates.csv");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut explained: std::collections::BTreeSet<(String, String)> = Default::default();
    for r in rdr.records() {
        let r = r.expect("a row");
        if &r[0] == "kept_apart" {
            assert!(
                !r[6].trim().is_empty(),
                "no reason for {} / {}",
                &r[1],
                &r[2]
            );
            explained.insert((r[1].to_owned(), r[2].to_owned()));
            explained.insert((r[2].to_owned(), r[1].to_owned()));
        }
    }
    let cities: Vec<&Arc<City>> = snapshot().cities.values().collect();
    let mut grid: std::collections::BTreeMap<(String, i64, i64), Vec<usize>> = Default::default();
    for (i, c) in cities.iter().enumerate() {
        grid.entry((
            c.country.to_string(),
            (c.lat * 10.0).floor() as i64,
            (c.lon * 5.0).floor() as i64,
        ))
        .or_default()
        .push(i);
    }
    let mut unexplained = Vec::new();
    for (i, a) in cities.iter().enumerate() {
        let (y, x) = ((a.lat * 10.0).floor() as i64, (a.lon * 5.0).floor() as i64);
        for dy in -1..=1 {
            for dx in -1..=1 {
                let key = (a.country.to_string(), y + dy, x + dx);
                for &j in grid.get(&key).into_iter().flatten() {
                    if j <= i {
                        continue;
                    }
                    let b = cities[j];
                    if citygraph_seed::gazetteer::distance_km((a.lat, a.lon), (b.lat, b.lon)) > 5.0
                    {
                        continue;
                    }
                    let (wa, wb) = (words(&a.name), words(&b.name));
                    let (s, l) = if wa.len() <= wb.len() {
                        (&wa, &wb)
                    } else {
                        (&wb, &wa)
                    };
                    let suffix =
                        !s.is_empty() && (l[..s.len()] == s[..] || l[l.len() - s.len()..] == s[..]);
                    if suffix && !explained.contains(&(a.id.to_string(), b.id.to_string())) {
                        unexplained.push(format!("{} ({}) / {} ({})", a.id, a.name, b.id, b.name));
                    }
                }
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "{} pairs neither merged nor explained, e.g. {:?}",
        unexplained.len(),
        &unexplained[..unexplained.len().min(20)]
    );
    // The report lists the merges of the examples.
    for (kept, other) in [
        ("de-frankfurt-am-main", "de-frankfurt"),
        ("de-rudesheim-am-rhein", "de-rudesheim"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("merged,{kept},{other},"))),
            "the merge of {other} into {kept} is not reported"
        );
    }
}

#[test]
fn network_secretariats_are_cities_of_the_seed() {
    let s = snapshot();
    for n in s.networks.values() {
        if let Some(sec) = &n.secretariat {
            assert!(
                s.city(sec.as_str()).is_some(),
                "{} secretariat {sec} is not a city of the seed",
                n.id
            );
        }
    }
    assert_eq!(
        s.network("c40")
            .and_then(|n| n.secretariat.clone())
            .map(|c| c.to_string()),
        Some(city("London", "GB"))
    );
}
