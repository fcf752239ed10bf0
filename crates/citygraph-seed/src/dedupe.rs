//! Records of one place that different labels created, merged by rule; and Wikidata items checked
//! against the coordinates the sources give for them.
//!
//! # When two records are one place
//!
//! Labels of one place differ: a list names `Rüdesheim`, another `Rüdesheim am Rhein`; ClimActor
//! names a town's government (`Ville de Chimay`, `Bollington Town Council`) beside the town. Two
//! city records of one country whose coordinates lie within [`MERGE_KM`] are merged when their
//! names say they are one place ([`relation`]):
//! - **the same name** once the words for the place's government are set aside (`Ville de Chimay`
//!   and `Chimay`; `Dobong-gu` and `Dobong`), or
//! - **one name and a locating suffix**: the longer name is the shorter one followed by a linking
//!   word and more words (`am Rhein`, `nad Jizerou`, `de Onís`, `an der Donau`, `sul Garda`,
//!   `im Innkreis`), unless those words are a number or name an area (`Prague 6`,
//!   `Bad Kreuznach (district)`) or a part (`Telve di Sopra` is not Telve).
//!
//! Two records with different GeoNames ids are never merged (GeoNames knows them as two places).
//! The record that stays is the GeoNames city, else the most populous, else the older record;
//! between a name and its longer form the longer (official) form stays, between a government's
//! name and the plain name the plain one. The merged record's partnerships and memberships move to
//! the one that stays (a link between the two is dropped), its names, sources and Wikidata item
//! join it, and its id stays an alias of the city that absorbed it.
//!
//! Other pairs of records within [`MERGE_KM`] whose names differ only by words before or after a
//! common name (`Pembroke` / `Pembroke Dock`, `Bonn` / `Bonn-Hardtberg`, `Los Angeles` /
//! `Los Angeles County`) are kept apart, and the report says why for each: a district, county or
//! province named after its town is a unit of its own, a numbered district is a part of its city,
//! a hyphenated name may be bilingual or a grouping of municipalities, and other words may make
//! another place.
//!
//! # Wikidata items and coordinates
//!
//! Where a source gives the coordinates of a Wikidata item (the Eurocities list), no city record
//! keeps that item more than [`QID_MAX_KM`] away: the item is detached. A record that a source
//! matched to an item (a Eurocities member) then takes the item when it has none and no other
//! record has it.

use std::collections::{BTreeMap, BTreeSet};

use crate::gazetteer::distance_km;
use crate::normalize::{government_name, tokens};
use crate::{PairDraft, Seed};

/// Two records of one place lie within this distance (km).
pub const MERGE_KM: f64 = 5.0;
/// A Wikidata item's coordinates (where a source gives them) lie within this distance (km) of the
/// city that carries it.
pub const QID_MAX_KM: f64 = 50.0;

/// Whether a pair of records was merged or kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    Merged,
    KeptApart,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Merged => "merged",
            Decision::KeptApart => "kept_apart",
        }
    }
}

/// One line of `duplicates.csv`: two records of one country within [`MERGE_KM`] whose names
/// are alike, and what became of them.
#[derive(Clone, Debug)]
pub(crate) struct DuplicateNote {
    pub decision: Decision,
    /// The record that stays (merged) or the first of the two (kept apart).
    pub kept: usize,
    pub other: usize,
    pub km: f64,
    pub reason: String,
}

/// How two names relate (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// One place under two names; the string says why.
    Same(String),
    /// Alike but perhaps two places; the string says why they are kept apart.
    Alike(String),
    Unrelated,
}

const LINK_WORDS: &[&str] = &[
    "am", "an", "auf", "im", "in", "ob", "nad", "pod", "na", "upon", "on", "sur", "les", "lez",
    "en", "de", "del", "dels", "d", "di", "della", "dello", "delle", "dei", "degli", "sul",
    "sulla", "sull", "al", "all", "a", "do", "da", "dos", "das", "du", "des",
];

/// Words that make a name another place (a part, an upper or lower, a new or old one).
const PART_WORDS: &[&str] = &[
    "east",
    "west",
    "north",
    "south",
    "new",
    "old",
    "upper",
    "lower",
    "great",
    "little",
    "nea",
    "neo",
    "pano",
    "kato",
    "ober",
    "unter",
    "nieder",
    "gross",
    "klein",
    "alt",
    "neu",
    "sopra",
    "sotto",
    "superiore",
    "inferiore",
    "alta",
    "alto",
    "bassa",
    "basso",
    "nuova",
    "nuovo",
    "vecchia",
    "vecchio",
    "vieux",
    "vieille",
    "haut",
    "haute",
    "bas",
    "basse",
    "mare",
    "marina",
    "terme",
    "bagni",
    "lido",
    "beach",
    "dock",
    "island",
    "village",
    "rural",
    "centre",
    "center",
];

/// Words that name an area (a unit of its own, not its seat town), besides the area units of
/// place labels ([`crate::normalize::AREA_UNITS`]).
const MORE_AREA_WORDS: &[&str] = &[
    "provincia",
    "kreis",
    "landkreis",
    "municipality",
    "kerulet",
    "sector",
    "arrondissement",
    "comarca",
    "gu",
    "gun",
    "amalgamated",
    "hromada",
    "council",
    "metropolitan",
];

fn is_area_word(w: &str) -> bool {
    crate::normalize::AREA_UNITS.contains(&w) || MORE_AREA_WORDS.contains(&w)
}

/// The words of a name as [`tokens`] gives them, with elisions split off (`L'Aquila` is `l`
/// `aquila`, `Municipalité d'Oslo` is `municipalite d oslo`).
fn words(name: &str) -> Vec<String> {
    tokens(&name.replace(['\'', '’', '`'], " "))
}

fn is_number(w: &str) -> bool {
    !w.is_empty()
        && (w.bytes().all(|b| b.is_ascii_digit())
            || w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
}

/// The words of a name once the words for its government, a trailing `City`/`Town` and an East
/// Asian unit suffix (`-gu`, `-si`) are set aside.
fn plain_tokens(name: &str) -> Vec<String> {
    let mut n = government_name(name).unwrap_or_else(|| name.to_owned());
    for suf in [" City", " Town", " city", " town"] {
        if let Some(rest) = n.strip_suffix(suf) {
            if !rest.trim().is_empty() {
                n = rest.trim().to_owned();
            }
        }
    }
    let mut t = words(&n);
    if t.len() > 1 && ["gu", "si", "shi", "ku"].contains(&t[t.len() - 1].as_str()) {
        t.pop();
    }
    t
}

/// Articles a place name may carry or drop (`La Vall d'Uixó`, `Il-Gżira`, `Ħal Tarxien`).
const ARTICLES: &[&str] = &[
    "la", "le", "les", "el", "il", "l", "lo", "los", "las", "o", "os", "as", "the", "hal", "haz",
    "is", "ix", "iz",
];

/// How two names of records of one country within [`MERGE_KM`] relate (see the module docs). A
/// qualifier in brackets that is not an area (`Frankfurt (Oder)`) is set aside, as the gazetteer
/// sets it aside.
pub fn relation(a: &str, b: &str) -> Relation {
    let (a, b) = (
        crate::normalize::parse_place_label(a).name,
        crate::normalize::parse_place_label(b).name,
    );
    let (a, b) = (a.as_str(), b.as_str());
    let (ta, tb) = (words(a), words(b));
    if ta.is_empty() || tb.is_empty() {
        return Relation::Unrelated;
    }
    if ta == tb {
        return Relation::Same("the same name".to_owned());
    }
    let (pa, pb) = (plain_tokens(a), plain_tokens(b));
    if !pa.is_empty() && pa == pb {
        return Relation::Same("the same name without the words for its government".to_owned());
    }
    let (short, long, long_name) = if pa.len() <= pb.len() {
        (&pa, &pb, b)
    } else {
        (&pb, &pa, a)
    };
    if short.is_empty() || short.len() == long.len() {
        return Relation::Unrelated;
    }
    let n = short.len();
    let leading = long[..n] == short[..];
    let trailing = long[long.len() - n..] == short[..];
    if !leading && !trailing {
        return Relation::Unrelated;
    }
    let extra: Vec<&str> = if leading {
        long[n..].iter().map(String::as_str).collect()
    } else {
        long[..long.len() - n].iter().map(String::as_str).collect()
    };
    let joined = extra.join(" ");
    if extra.iter().all(|w| ARTICLES.contains(w)) {
        return Relation::Same(format!("the same name with an article ({joined})"));
    }
    if extra.iter().any(|w| is_number(w)) {
        return Relation::Alike(format!(
            "a numbered part of the city ({joined}): a unit of its own"
        ));
    }
    if let Some(w) = extra.iter().find(|w| is_area_word(w)) {
        return Relation::Alike(format!(
            "an area or government named after the place ({w}): a unit of its own"
        ));
    }
    if let Some(w) = extra.iter().find(|w| PART_WORDS.contains(w)) {
        return Relation::Alike(format!(
            "the word {w:?} names another place or a part of it"
        ));
    }
    if leading && extra.len() >= 2 && LINK_WORDS.contains(&extra[0]) {
        return Relation::Same(format!("the same name with a locating suffix ({joined})"));
    }
    let hyphen = long_name.contains('-') || long_name.contains('–');
    if hyphen {
        return Relation::Alike(format!(
            "a hyphenated name ({joined}): a bilingual name or a grouping of municipalities, not merged by rule"
        ));
    }
    Relation::Alike(format!(
        "the words {joined:?} are not a locating suffix or a government's name: possibly another place"
    ))
}

/// Whether one name's words are a leading or trailing run of the other's (or the same words),
/// before any qualifier is set aside: the widest sense of "names that differ only by a suffix".
pub fn raw_alike(a: &str, b: &str) -> bool {
    let (ta, tb) = (words(a), words(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let (s, l) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    l[..s.len()] == s[..] || l[l.len() - s.len()..] == s[..]
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / 0.1).floor() as i32, (lon / 0.2).floor() as i32)
}

/// The records that a partnership, a membership or a network refers to (the ones written).
fn used(seed: &Seed<'_>) -> BTreeSet<usize> {
    let mut used: BTreeSet<usize> = BTreeSet::new();
    used.extend(seed.pairs.keys().flat_map(|(a, b)| [*a, *b]));
    used.extend(seed.memberships.keys().map(|(_, d)| *d));
    used.extend(seed.networks.iter().filter_map(|n| n.secretariat));
    used
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Which of two records stays (see the module docs): `true` when `a` does.
fn a_stays(seed: &Seed<'_>, a: usize, b: usize, why: &str) -> bool {
    let (x, y) = (&seed.resolver.reg.drafts[a], &seed.resolver.reg.drafts[b]);
    let by = |v: std::cmp::Ordering| v;
    let ord = by(x.geonames.is_some().cmp(&y.geonames.is_some()))
        .then(x.population.unwrap_or(0).cmp(&y.population.unwrap_or(0)))
        .then(y.stage.cmp(&x.stage))
        .then_with(|| {
            let (gx, gy) = (
                government_name(&x.name).is_none(),
                government_name(&y.name).is_none(),
            );
            gx.cmp(&gy)
        })
        .then_with(|| {
            if why.contains("locating suffix") {
                tokens(&x.name).len().cmp(&tokens(&y.name).len())
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .then(b.cmp(&a));
    ord.is_ge()
}

/// Merges the records of one place (see the module docs) and notes every pair kept apart.
pub(crate) fn merge_duplicates(seed: &mut Seed<'_>) {
    let used = used(seed);
    let drafts = &seed.resolver.reg.drafts;
    let mut grid: BTreeMap<(citygraph_core::CountryCode, i32, i32), Vec<usize>> = BTreeMap::new();
    for &d in &used {
        let x = &drafts[d];
        let (cy, cx) = cell(x.lat, x.lon);
        grid.entry((x.country, cy, cx)).or_default().push(d);
    }
    // Candidate pairs, in index order.
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for &a in &used {
        let x = &drafts[a];
        let (cy, cx) = cell(x.lat, x.lon);
        for dy in -1..=1 {
            for dx in -1..=1 {
                for &b in grid
                    .get(&(x.country, cy + dy, cx + dx))
                    .into_iter()
                    .flatten()
                {
                    if b <= a {
                        continue;
                    }
                    let y = &drafts[b];
                    let km = distance_km((x.lat, x.lon), (y.lat, y.lon));
                    if km <= MERGE_KM {
                        candidates.push((a, b, km));
                    }
                }
            }
        }
    }
    candidates.sort_by_key(|c| (c.0, c.1));

    let mut parent: Vec<usize> = (0..drafts.len()).collect();
    let mut notes: Vec<DuplicateNote> = Vec::new();
    for (a, b, km) in candidates {
        let (na, nb) = (
            seed.resolver.reg.drafts[a].name.clone(),
            seed.resolver.reg.drafts[b].name.clone(),
        );
        let rel = match relation(&na, &nb) {
            Relation::Unrelated if raw_alike(&na, &nb) => Relation::Alike(
                "the names differ only by a qualifier in brackets: possibly another place"
                    .to_owned(),
            ),
            r => r,
        };
        match rel {
            Relation::Unrelated => {}
            Relation::Alike(why) => notes.push(DuplicateNote {
                decision: Decision::KeptApart,
                kept: a,
                other: b,
                km,
                reason: why,
            }),
            Relation::Same(why) => {
                let (ga, gb) = (
                    seed.resolver.reg.drafts[a].geonames,
                    seed.resolver.reg.drafts[b].geonames,
                );
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                let (gra, grb) = (
                    seed.resolver.reg.drafts[ra].geonames,
                    seed.resolver.reg.drafts[rb].geonames,
                );
                let two_geonames =
                    |p: Option<u64>, q: Option<u64>| matches!((p, q), (Some(p), Some(q)) if p != q);
                if two_geonames(ga, gb) || two_geonames(gra, grb) {
                    notes.push(DuplicateNote {
                        decision: Decision::KeptApart,
                        kept: a,
                        other: b,
                        km,
                        reason: format!("{why}, but two GeoNames places"),
                    });
                    continue;
                }
                if ra == rb {
                    continue;
                }
                let (keep, gone) = if a_stays(seed, ra, rb, &why) {
                    (ra, rb)
                } else {
                    (rb, ra)
                };
                parent[gone] = keep;
                notes.push(DuplicateNote {
                    decision: Decision::Merged,
                    kept: keep,
                    other: gone,
                    km,
                    reason: why,
                });
            }
        }
    }

    // Apply the merges: every absorbed record points at the record that stays.
    let n = seed.resolver.reg.drafts.len();
    let roots: Vec<usize> = (0..n).map(|d| root(&mut parent, d)).collect();
    let mut absorbed: Vec<usize> = Vec::new();
    for (d, &r) in roots.iter().enumerate() {
        if r == d {
            continue;
        }
        absorbed.push(d);
        let gone = seed.resolver.reg.drafts[d].clone();
        seed.resolver.reg.drafts[d].merged_into = Some(r);
        let keep = &mut seed.resolver.reg.drafts[r];
        keep.sources.extend(gone.sources);
        keep.aliases.extend(gone.aliases);
        if keep.wikidata.is_none() {
            keep.wikidata = gone.wikidata;
        } else if gone.wikidata.is_some() && gone.wikidata != keep.wikidata {
            seed.report.dedupe.wikidata_dropped.push(format!(
                "{} ({}): {} kept, {} of {} dropped",
                keep.name,
                keep.country,
                keep.wikidata.clone().unwrap_or_default(),
                gone.wikidata.clone().unwrap_or_default(),
                gone.name
            ));
            // The absorbed record's item page is no source of the record that stays.
            if let Some(q) = &gone.wikidata {
                keep.sources
                    .remove(&format!("https://www.wikidata.org/wiki/{q}"));
            }
        }
        if keep.population.is_none() {
            keep.population = gone.population;
        }
    }
    if !absorbed.is_empty() {
        let pairs = std::mem::take(&mut seed.pairs);
        for ((a, b), p) in pairs {
            let (x, y) = (roots[a], roots[b]);
            if x == y {
                seed.report.dedupe.links_dropped += 1;
                continue;
            }
            let key = (x.min(y), x.max(y));
            match seed.pairs.get_mut(&key) {
                Some(q) => merge_pairs(q, p, &mut seed.report.dedupe.link_conflicts),
                None => {
                    seed.pairs.insert(key, p);
                }
            }
        }
        let memberships = std::mem::take(&mut seed.memberships);
        for ((net, d), m) in memberships {
            let key = (net, roots[d]);
            match seed.memberships.get_mut(&key) {
                Some(q) => q.absorb(m),
                None => {
                    seed.memberships.insert(key, m);
                }
            }
        }
        for n in &mut seed.networks {
            if let Some(s) = n.secretariat {
                n.secretariat = Some(roots[s]);
            }
        }
        for c in &mut seed.qid_claims {
            c.0 = roots[c.0];
        }
    }
    seed.report.dedupe.merged = notes
        .iter()
        .filter(|n| n.decision == Decision::Merged)
        .count();
    seed.report.dedupe.kept_apart = notes.len() - seed.report.dedupe.merged;
    seed.duplicates = notes;
    seed.absorbed = absorbed.into_iter().filter(|d| used.contains(d)).collect();
}

/// Folds a partnership of a merged record into the one already there.
fn merge_pairs(into: &mut PairDraft, p: PairDraft, conflicts: &mut Vec<String>) {
    into.sources.extend(p.sources);
    into.tags.extend(p.tags);
    into.from_lists |= p.from_lists;
    into.from_wikidata |= p.from_wikidata;
    into.from_curated |= p.from_curated;
    into.from_baltic |= p.from_baltic;
    if into.events.is_empty() {
        into.events = p.events;
    } else if !p.events.is_empty() && p.events != into.events {
        conflicts.push(format!(
            "two histories of one link after a merge: {} events kept, {} dropped",
            into.events.len(),
            p.events.len()
        ));
    }
    if into.note.is_none() {
        into.note = p.note;
    }
}

/// Detaches Wikidata items from records far from the item's coordinates, then attaches the items
/// the sources matched (see the module docs).
pub(crate) fn check_wikidata(seed: &mut Seed<'_>) {
    let mut holders: BTreeMap<String, usize> = BTreeMap::new();
    for (d, x) in seed.resolver.reg.drafts.iter_mut().enumerate() {
        if x.merged_into.is_some() {
            continue;
        }
        let Some(q) = x.wikidata.clone() else {
            continue;
        };
        if let Some(&p) = seed.qid_points.get(&q) {
            let km = distance_km(p, (x.lat, x.lon));
            if km > QID_MAX_KM {
                seed.report.dedupe.wikidata_detached.push(format!(
                    "{} ({}): {q} is {km:.0} km away",
                    x.name, x.country
                ));
                x.wikidata = None;
                x.sources
                    .remove(&format!("https://www.wikidata.org/wiki/{q}"));
                continue;
            }
        }
        holders.insert(q, d);
    }
    let claims = std::mem::take(&mut seed.qid_claims);
    for (d, q) in claims {
        let x = &mut seed.resolver.reg.drafts[d];
        if x.wikidata.is_some() || holders.contains_key(&q) {
            if x.wikidata.as_deref() != Some(q.as_str()) {
                seed.report.dedupe.wikidata_claims_declined += 1;
            }
            continue;
        }
        if let Some(&p) = seed.qid_points.get(&q) {
            if distance_km(p, (x.lat, x.lon)) > QID_MAX_KM {
                seed.report.dedupe.wikidata_claims_declined += 1;
                continue;
            }
        }
        x.wikidata = Some(q.clone());
        x.sources
            .insert(format!("https://www.wikidata.org/wiki/{q}"));
        holders.insert(q, d);
        seed.report.dedupe.wikidata_attached += 1;
    }
}

/// The records merged into each record that stays.
pub(crate) fn absorbed_by(seed: &Seed<'_>) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &d in &seed.absorbed {
        let mut r = d;
        while let Some(next) = seed.resolver.reg.drafts[r].merged_into {
            r = next;
        }
        out.entry(r).or_default().push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        matches!(relation(a, b), Relation::Same(_))
    }

    fn alike(a: &str, b: &str) -> bool {
        matches!(relation(a, b), Relation::Alike(_))
    }

    #[test]
    fn a_locating_suffix_or_a_governments_name_is_the_same_place() {
        assert!(same("Rüdesheim", "Rüdesheim am Rhein"));
        assert!(same("Benátky nad Jizerou", "Benátky"));
        assert!(same("Cangas", "Cangas de Onís"));
        assert!(same("Frankfurt", "Frankfurt am Main"));
        assert!(same("Frankfurt (Oder)", "Frankfurt an der Oder"));
        assert!(same("La Vall d'Uixó", "Vall d'Uixó"));
        assert!(same("L'Aquila", "Aquila"));
        assert!(same("Municipalité d'Oslo", "Oslo"));
        assert!(same("Dillingen", "Dillingen an der Donau"));
        assert!(same("Ville de Chimay", "Chimay"));
        assert!(same("Bollington Town Council", "Bollington"));
        assert!(same("Dobong-gu", "Dobong"));
        assert!(same("Administration communale de Tellin", "Tellin"));
    }

    #[test]
    fn areas_parts_and_numbered_districts_are_kept_apart() {
        assert!(alike("Bad Kreuznach", "Bad Kreuznach (district)"));
        assert!(alike("Prague", "Prague 6"));
        assert!(alike("Telve", "Telve di Sopra"));
        assert!(alike("Pembroke", "Pembroke Dock"));
        assert!(alike("Los Angeles", "Los Angeles County"));
        assert!(alike("Hollywood", "West Hollywood"));
        assert!(alike("Le Touquet", "Le Touquet-Paris-Plage"));
        assert!(alike("Reith bei Kitzbühel", "Kitzbühel"));
        assert!(alike("Terzo d'Aquileia", "Aquileia"));
        assert_eq!(relation("Paris", "Lyon"), Relation::Unrelated);
    }
}
