//! From drafts to model records, and the files of `seed-data/`.
//!
//! City ids are `{country}-{name slug}` (`fr-paris`). When several cities would share an id, the
//! record of the earlier stage keeps it (records of the twinning and ClimActor stages before those
//! the later sources added, so that adding a source does not rename a city), then the most
//! populous, and the others add their GeoNames admin-1 code (`us-portland-me`), or for places
//! without a GeoNames id the parent place or region their label named, then the GeoNames id, then
//! a number. A record merged into another keeps the id it would have had as an alias of the city
//! that absorbed it. Only cities that a partnership, a membership or a network refers to are
//! written. Records with facts of a restricted source go to the file named after it
//! ([`crate::file_for`]). Every file is sorted by id and every float is rounded, so the bytes
//! depend only on the inputs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::{
    City, CityId, Membership, MembershipId, Network, NetworkId, Partnership, PartnershipId,
};
use serde::Serialize;

use crate::dedupe::Decision;
use crate::error::SeedError;
use crate::normalize::slugify;
use crate::resolve::{CityOrigin, Draft};
use crate::{file_for, MembershipDraft, Report, Seed, OUTPUT_FILES};

/// Coordinates are written with five decimals (about one metre).
fn round5(x: f64) -> f64 {
    let r = (x * 1e5).round() / 1e5;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn truncate_slug(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Assigns ids to the drafts in `used` (see the module docs).
fn assign_ids(drafts: &[Draft], used: &BTreeSet<usize>) -> BTreeMap<usize, CityId> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &d in used {
        let draft = &drafts[d];
        let cc = draft.country.as_str().to_ascii_lowercase();
        let mut slug = truncate_slug(&slugify(&draft.name), 100);
        if slug.is_empty() {
            slug = draft
                .geonames
                .map_or_else(|| "place".to_owned(), |g| g.to_string());
        }
        groups.entry(format!("{cc}-{slug}")).or_default().push(d);
    }
    let mut taken: BTreeSet<String> = groups.keys().cloned().collect();
    let mut ids = BTreeMap::new();
    for (base, mut members) in groups {
        members.sort_by(|a, b| {
            let (x, y) = (&drafts[*a], &drafts[*b]);
            x.stage
                .cmp(&y.stage)
                .then(y.population.unwrap_or(0).cmp(&x.population.unwrap_or(0)))
                .then(y.geonames.is_some().cmp(&x.geonames.is_some()))
                .then(x.geonames.cmp(&y.geonames))
                .then(x.lat.total_cmp(&y.lat))
                .then(x.lon.total_cmp(&y.lon))
                .then(x.name.cmp(&y.name))
                .then(a.cmp(b))
        });
        for (i, &d) in members.iter().enumerate() {
            let id = if i == 0 {
                base.clone()
            } else {
                let draft = &drafts[d];
                let mut candidates = Vec::new();
                if let Some(a) = draft
                    .admin1
                    .as_deref()
                    .map(slugify)
                    .filter(|s| !s.is_empty())
                {
                    candidates.push(format!("{base}-{a}"));
                }
                if let Some(q) = draft
                    .qualifier
                    .as_deref()
                    .map(slugify)
                    .filter(|s| !s.is_empty())
                {
                    candidates.push(format!("{base}-{}", truncate_slug(&q, 24)));
                }
                if let Some(g) = draft.geonames {
                    candidates.push(format!("{base}-{g}"));
                }
                let mut n = 2;
                loop {
                    if let Some(c) = candidates.iter().find(|c| !taken.contains(*c)) {
                        break c.clone();
                    }
                    candidates.push(format!("{base}-{n}"));
                    n += 1;
                }
            };
            taken.insert(id.clone());
            ids.insert(d, CityId::new(&id).expect("ids are built from slugs"));
        }
    }
    ids
}

/// One NDJSON line: the record's JSON with `"type"` inserted first.
fn line<T: Serialize>(kind: &'static str, id: &str, value: &T) -> Result<String, SeedError> {
    let json = serde_json::to_string(value).map_err(|e| SeedError::Json {
        what: kind,
        id: id.to_owned(),
        source: e,
    })?;
    let body = json
        .strip_prefix('{')
        .expect("records serialize as JSON objects");
    Ok(format!("{{\"type\":\"{kind}\",{body}\n"))
}

fn write_file(path: &Path, content: &str) -> Result<(), SeedError> {
    std::fs::write(path, content).map_err(|e| SeedError::write(path, e))
}

fn membership(
    id_of: &BTreeMap<usize, CityId>,
    net: &str,
    d: usize,
    m: &MembershipDraft,
) -> Result<Membership, SeedError> {
    let city = id_of[&d].clone();
    let network = NetworkId::new(net).expect("network ids in the table are slugs");
    let id = MembershipId::conventional(&network, &city);
    let record = Membership {
        id: id.clone(),
        city,
        network,
        joined: m.joined,
        left: m.left,
        observed: m.observed.iter().copied().collect(),
        absent: m.absent.iter().copied().collect(),
        role: m.role.clone(),
        sources: m.sources.iter().cloned().collect(),
    };
    record.validate().map_err(|e| SeedError::Invalid {
        what: "membership",
        id: id.to_string(),
        source: e,
    })?;
    Ok(record)
}

/// Builds the records, writes every file into `out` and returns the finished report.
pub(crate) fn write(seed: Seed<'_>, out: &Path) -> Result<Report, SeedError> {
    let absorbed_by = crate::dedupe::absorbed_by(&seed);
    let Seed {
        resolver,
        pairs,
        networks,
        memberships,
        unresolved,
        mut report,
        duplicates,
        absorbed,
        ..
    } = seed;
    let drafts = &resolver.reg.drafts;
    std::fs::create_dir_all(out).map_err(|e| SeedError::write(out, e))?;

    let mut used: BTreeSet<usize> = BTreeSet::new();
    used.extend(pairs.keys().flat_map(|(a, b)| [*a, *b]));
    used.extend(memberships.keys().map(|(_, d)| *d));
    used.extend(networks.iter().filter_map(|n| n.secretariat));
    let mut named = used.clone();
    named.extend(absorbed.iter().copied());
    let id_of = assign_ids(drafts, &named);
    let final_of = |mut d: usize| -> usize {
        while let Some(next) = drafts[d].merged_into {
            d = next;
        }
        d
    };

    // Cities.
    let mut cities: Vec<City> = Vec::with_capacity(used.len());
    for &d in &used {
        let draft = &drafts[d];
        let id = id_of[&d].clone();
        let region =
            resolver
                .countries
                .region(draft.country)
                .ok_or_else(|| SeedError::Invalid {
                    what: "city",
                    id: id.to_string(),
                    source: citygraph_core::CoreError::InvalidRegion(format!(
                        "no survey region for {}",
                        draft.country
                    )),
                })?;
        let mut aliases: Vec<CityId> = absorbed_by
            .get(&d)
            .into_iter()
            .flatten()
            .filter_map(|a| id_of.get(a).cloned())
            .collect();
        aliases.sort();
        aliases.dedup();
        let city = City {
            id: id.clone(),
            name: draft.name.clone(),
            country: draft.country,
            region,
            lat: round5(draft.lat),
            lon: round5(draft.lon),
            population: draft.population,
            wikidata: draft.wikidata.clone(),
            geonames: draft.geonames,
            capacity: None,
            sources: draft.sources.iter().cloned().collect(),
            aliases,
        };
        city.validate().map_err(|e| SeedError::Invalid {
            what: "city",
            id: id.to_string(),
            source: e,
        })?;
        match draft.origin {
            CityOrigin::Gazetteer => report.output.cities_gazetteer += 1,
            CityOrigin::Geocode => report.output.cities_geocoded += 1,
            CityOrigin::ClimActor => report.output.cities_climactor += 1,
            CityOrigin::Etmun | CityOrigin::Urbact | CityOrigin::Eurocities => {
                report.output.cities_membership_sources += 1
            }
        }
        if city.wikidata.is_some() {
            report.output.cities_with_wikidata += 1;
        }
        if !city.aliases.is_empty() {
            report.output.cities_with_aliases += 1;
        }
        cities.push(city);
    }
    cities.sort_by(|a, b| a.id.cmp(&b.id));

    // The files of records, by name.
    let mut files: BTreeMap<String, String> = OUTPUT_FILES
        .iter()
        .filter(|f| f.ends_with(".ndjson"))
        .map(|f| ((*f).to_owned(), String::new()))
        .collect();
    let mut counts: BTreeMap<String, usize> = files.keys().map(|f| (f.clone(), 0)).collect();
    let mut put = |file: String, text: String| -> Result<(), SeedError> {
        match files.get_mut(&file) {
            Some(buf) => {
                buf.push_str(&text);
                *counts.get_mut(&file).expect("counted with the files") += 1;
                Ok(())
            }
            None => Err(SeedError::Write {
                path: out.join(&file),
                source: std::io::Error::other(format!(
                    "no seed file {file} is declared for this combination of sources"
                )),
            }),
        }
    };
    for c in &cities {
        put("cities.ndjson".to_owned(), line("city", c.id.as_str(), c)?)?;
    }

    // Networks.
    let mut nets: Vec<(String, Network)> = Vec::new();
    for n in &networks {
        let id = NetworkId::new(&n.id).expect("network ids are slugs");
        let net = Network {
            id: id.clone(),
            name: n.name.clone(),
            founded: n.founded,
            scope: Some(n.scope),
            region: n.region,
            focus: n.focus.clone(),
            secretariat: n.secretariat.map(|d| id_of[&d].clone()),
            website: n.website.clone(),
            sources: n.sources.clone(),
        };
        net.validate().map_err(|e| SeedError::Invalid {
            what: "network",
            id: id.to_string(),
            source: e,
        })?;
        if net.secretariat.is_some() {
            report.output.networks_with_secretariat += 1;
        }
        nets.push((file_for("networks", &n.tags), net));
    }
    nets.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for (file, n) in &nets {
        put(file.clone(), line("network", n.id.as_str(), n)?)?;
    }

    // Memberships.
    let mut ms: Vec<(String, Membership)> = Vec::with_capacity(memberships.len());
    report.climactor.memberships.clear();
    for ((net, d), m) in &memberships {
        let record = membership(&id_of, net, *d, m)?;
        if m.tags.contains(&crate::Restricted::ClimActor) {
            *report.climactor.memberships.entry(net.clone()).or_default() += 1;
            if m.curated {
                report.climactor.superseded_by_curated += 1;
            }
        }
        *report
            .output
            .memberships_per_network
            .entry(net.clone())
            .or_default() += 1;
        if m.open && !m.tags.is_empty() {
            report.output.memberships_open_in_tagged += 1;
        }
        ms.push((file_for("memberships", &m.tags), record));
    }
    ms.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for (file, m) in &ms {
        put(file.clone(), line("membership", m.id.as_str(), m)?)?;
    }

    // Partnerships.
    let mut ps: Vec<(String, Partnership)> = Vec::with_capacity(pairs.len());
    for ((a, b), p) in &pairs {
        let (x, y) = (id_of[a].clone(), id_of[b].clone());
        let cities = if x <= y { [x, y] } else { [y, x] };
        let id = PartnershipId::conventional(&cities[0], &cities[1]);
        let record = Partnership {
            id: id.clone(),
            cities,
            kind: p.kind,
            events: p.events.clone(),
            sources: p.sources.iter().cloned().collect(),
            note: p.note.clone(),
        };
        record.validate().map_err(|e| SeedError::Invalid {
            what: "partnership",
            id: id.to_string(),
            source: e,
        })?;
        if !record.events.is_empty() {
            report.output.partnerships_with_events += 1;
        }
        if record.established().is_some() {
            report.output.partnerships_established += 1;
        }
        if p.from_lists {
            report.output.partnerships_listed += 1;
        } else if p.from_curated {
            report.output.partnerships_curated_unlisted += 1;
        } else if p.from_wikidata {
            report.output.partnerships_wikidata_only += 1;
        } else if p.from_baltic {
            report.output.partnerships_baltic_only += 1;
        }
        if !p.tags.is_empty() && (p.from_lists || p.from_wikidata || p.from_curated) {
            report.output.partnerships_open_in_tagged += 1;
        }
        ps.push((file_for("partnerships", &p.tags), record));
    }
    ps.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for (file, p) in &ps {
        put(file.clone(), line("partnership", p.id.as_str(), p)?)?;
    }

    report.output.cities = cities.len();
    report.output.networks = nets.len();
    report.output.memberships = counts["memberships.ndjson"];
    report.output.memberships_climactor = counts["memberships-climactor.ndjson"];
    report.output.partnerships = ps.len();
    report.output.unresolved_rows = unresolved.len();
    report.output.files = counts;

    for (file, text) in &files {
        write_file(&out.join(file), text)?;
    }

    let path = out.join("unresolved.csv");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(["source", "name", "country", "reason"])
        .map_err(|e| SeedError::csv(&path, e))?;
    for u in &unresolved {
        w.write_record([&u.source, &u.name, &u.country, &u.reason])
            .map_err(|e| SeedError::csv(&path, e))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| SeedError::write(&path, e.into_error()))?;
    std::fs::write(&path, bytes).map_err(|e| SeedError::write(&path, e))?;

    // duplicates.csv: every merge, and every pair of alike records kept apart, with its reason.
    let mut rows: BTreeSet<(&'static str, String, String, String, String, String, String)> =
        BTreeSet::new();
    for n in &duplicates {
        let (kept, other) = match n.decision {
            Decision::Merged => (final_of(n.kept), n.other),
            Decision::KeptApart => (final_of(n.kept), final_of(n.other)),
        };
        if n.decision == Decision::KeptApart
            && (kept == other || !used.contains(&kept) || !used.contains(&other))
        {
            continue;
        }
        let (Some(k), Some(o)) = (id_of.get(&kept), id_of.get(&other)) else {
            continue;
        };
        let (k, o, kn, on) = if n.decision == Decision::KeptApart && o < k {
            (o, k, &drafts[other].name, &drafts[kept].name)
        } else {
            (k, o, &drafts[kept].name, &drafts[other].name)
        };
        rows.insert((
            n.decision.as_str(),
            k.to_string(),
            o.to_string(),
            kn.clone(),
            on.clone(),
            format!("{:.1}", n.km),
            n.reason.clone(),
        ));
    }
    // The figures count the rows written (a pair noted twice, or whose records merged later, is
    // one row or none).
    report.dedupe.merged = rows.iter().filter(|r| r.0 == "merged").count();
    report.dedupe.kept_apart = rows.len() - report.dedupe.merged;
    let path = out.join("duplicates.csv");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record([
        "decision",
        "city",
        "other",
        "city_name",
        "other_name",
        "distance_km",
        "reason",
    ])
    .map_err(|e| SeedError::csv(&path, e))?;
    for r in &rows {
        w.write_record([r.0, &r.1, &r.2, &r.3, &r.4, &r.5, &r.6])
            .map_err(|e| SeedError::csv(&path, e))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| SeedError::write(&path, e.into_error()))?;
    std::fs::write(&path, bytes).map_err(|e| SeedError::write(&path, e))?;

    write_file(&out.join("SOURCES.md"), &crate::sources::render(&report))?;
    Ok(report)
}
