//! From drafts to model records, and the files of `seed-data/`.
//!
//! City ids are `{country}-{name slug}` (`fr-paris`). When several cities would share an id, the
//! most populous keeps it and the others add their GeoNames admin-1 code (`us-portland-me`), or for
//! places without a GeoNames id the parent place or region their label named, then the GeoNames id,
//! then a number. Only cities that a partnership, a membership or a network refers to are written.
//! Every file is sorted by id and every float is rounded, so the bytes depend only on the inputs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use citygraph_core::{
    City, CityId, Membership, MembershipId, Network, NetworkId, Partnership, PartnershipId,
};
use serde::Serialize;

use crate::error::SeedError;
use crate::networks::founded;
use crate::normalize::slugify;
use crate::resolve::{CityOrigin, Draft};
use crate::{MembershipDraft, Report, Seed};

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
            y.population
                .unwrap_or(0)
                .cmp(&x.population.unwrap_or(0))
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
    let Seed {
        resolver,
        pairs,
        networks,
        memberships_climactor,
        memberships,
        unresolved,
        mut report,
    } = seed;
    let drafts = &resolver.reg.drafts;
    std::fs::create_dir_all(out).map_err(|e| SeedError::write(out, e))?;

    // A curated membership and a ClimActor one of the same city and network would share an id;
    // the curated one (which states its dates) is kept.
    let before = memberships_climactor.len();
    let memberships_climactor: BTreeMap<(String, usize), MembershipDraft> = memberships_climactor
        .into_iter()
        .filter(|(k, _)| !memberships.contains_key(k))
        .collect();
    report.climactor.superseded_by_curated = before - memberships_climactor.len();

    let mut used: BTreeSet<usize> = BTreeSet::new();
    used.extend(pairs.keys().flat_map(|(a, b)| [*a, *b]));
    used.extend(memberships.keys().map(|(_, d)| *d));
    used.extend(memberships_climactor.keys().map(|(_, d)| *d));
    used.extend(networks.iter().filter_map(|n| n.secretariat));
    let id_of = assign_ids(drafts, &used);

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
            aliases: Vec::new(),
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
        }
        if city.wikidata.is_some() {
            report.output.cities_with_wikidata += 1;
        }
        cities.push(city);
    }
    cities.sort_by(|a, b| a.id.cmp(&b.id));

    // Networks.
    let mut nets: Vec<Network> = Vec::new();
    for n in &networks {
        let f = n.fact;
        let id = NetworkId::new(f.id).expect("network ids in the table are slugs");
        let net = Network {
            id: id.clone(),
            name: f.name.to_owned(),
            founded: founded(f),
            scope: Some(f.scope),
            region: f.region,
            focus: f.focus.iter().map(|s| (*s).to_owned()).collect(),
            secretariat: n.secretariat.map(|d| id_of[&d].clone()),
            website: Some(f.website.to_owned()),
            sources: f.sources.iter().map(|s| (*s).to_owned()).collect(),
        };
        net.validate().map_err(|e| SeedError::Invalid {
            what: "network",
            id: id.to_string(),
            source: e,
        })?;
        if net.secretariat.is_some() {
            report.output.networks_with_secretariat += 1;
        }
        nets.push(net);
    }
    nets.sort_by(|a, b| a.id.cmp(&b.id));

    // Memberships.
    let mut ms: Vec<Membership> = memberships
        .iter()
        .map(|((net, d), m)| membership(&id_of, net, *d, m))
        .collect::<Result<_, _>>()?;
    ms.sort_by(|a, b| a.id.cmp(&b.id));
    let mut mc: Vec<Membership> = memberships_climactor
        .iter()
        .map(|((net, d), m)| membership(&id_of, net, *d, m))
        .collect::<Result<_, _>>()?;
    mc.sort_by(|a, b| a.id.cmp(&b.id));

    // Partnerships.
    let mut ps: Vec<Partnership> = Vec::with_capacity(pairs.len());
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
        if p.from_lists {
            report.output.partnerships_listed += 1;
        } else if p.from_curated {
            report.output.partnerships_curated_unlisted += 1;
        } else if p.from_wikidata {
            report.output.partnerships_wikidata_only += 1;
        }
        ps.push(record);
    }
    ps.sort_by(|a, b| a.id.cmp(&b.id));

    report.output.cities = cities.len();
    report.output.networks = nets.len();
    report.output.memberships = ms.len();
    report.output.memberships_climactor = mc.len();
    report.output.partnerships = ps.len();
    report.output.unresolved_rows = unresolved.len();
    report.climactor.memberships.clear();
    for m in &mc {
        *report
            .climactor
            .memberships
            .entry(m.network.to_string())
            .or_default() += 1;
    }

    let mut text = String::new();
    for c in &cities {
        text.push_str(&line("city", c.id.as_str(), c)?);
    }
    write_file(&out.join("cities.ndjson"), &text)?;
    let mut text = String::new();
    for n in &nets {
        text.push_str(&line("network", n.id.as_str(), n)?);
    }
    write_file(&out.join("networks.ndjson"), &text)?;
    let mut text = String::new();
    for m in &ms {
        text.push_str(&line("membership", m.id.as_str(), m)?);
    }
    write_file(&out.join("memberships.ndjson"), &text)?;
    let mut text = String::new();
    for m in &mc {
        text.push_str(&line("membership", m.id.as_str(), m)?);
    }
    write_file(&out.join("memberships-climactor.ndjson"), &text)?;
    let mut text = String::new();
    for p in &ps {
        text.push_str(&line("partnership", p.id.as_str(), p)?);
    }
    write_file(&out.join("partnerships.ndjson"), &text)?;

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

    write_file(&out.join("SOURCES.md"), &crate::sources::render(&report))?;
    Ok(report)
}
