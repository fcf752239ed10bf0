//! The Wikidata P190 ("twinned administrative body") crawl of 2016: QIDs for cities, and pairs.
//!
//! The crawl has labels but no countries or coordinates, so an item is attached to a city only
//! when its label is one of the city's names *and* something else agrees:
//! - **twin overlap**: labels of the item's twins match names of the city's partners (the one city
//!   with the most such matches wins; a tie attaches nothing);
//! - **unique label**: no twin overlaps, but exactly one item has the label and exactly one city has
//!   the name.
//!
//! A Wikidata pair whose two items are attached corroborates the partnership of those cities (its
//! item is cited); when no list has the pair it becomes a partnership of its own, but only if both
//! items were attached by twin overlap.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::error::SeedError;
use crate::normalize::{name_key, parse_place_label};
use crate::read::read_bytes;
use crate::{PairDraft, Seed};

pub(crate) const DIR: &str = "wikidata-p190-2016-l3viathan";

fn qid_number(s: &str) -> Option<u64> {
    s.trim().strip_prefix('Q').and_then(|n| n.parse().ok())
}

/// The citation of a P190 statement of an item.
pub(crate) fn statement_source(q: u64) -> String {
    format!("https://www.wikidata.org/wiki/Q{q}#P190")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Overlap(usize),
    UniqueLabel,
}

pub(crate) fn load(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let dir = raw.join(DIR);
    let names_path = dir.join("names.tsv");
    let text = String::from_utf8_lossy(&read_bytes(&names_path)?).into_owned();
    let mut labels: BTreeMap<u64, String> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (q, label) = line
            .split_once('\t')
            .ok_or_else(|| SeedError::bad(&names_path, i as u64 + 1, "expected QID<TAB>label"))?;
        let q =
            qid_number(q).ok_or_else(|| SeedError::bad(&names_path, i as u64 + 1, "bad QID"))?;
        labels.insert(q, label.trim().to_owned());
    }
    seed.report.wikidata.items = labels.len();

    let rel_path = dir.join("relations.tsv");
    let text = String::from_utf8_lossy(&read_bytes(&rel_path)?).into_owned();
    let mut twins: BTreeMap<u64, BTreeSet<u64>> = BTreeMap::new();
    let mut pairs: BTreeMap<(u64, u64), u64> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        seed.report.wikidata.relations_read += 1;
        let mut it = line.split_whitespace();
        let (Some(a), Some(b)) = (
            it.next().and_then(qid_number),
            it.next().and_then(qid_number),
        ) else {
            return Err(SeedError::bad(
                &rel_path,
                i as u64 + 1,
                "expected QID<TAB>QID",
            ));
        };
        if a == b {
            continue;
        }
        twins.entry(a).or_default().insert(b);
        twins.entry(b).or_default().insert(a);
        // The statement cited for a pair: the one on the item with the smaller number, when present.
        let key = (a.min(b), a.max(b));
        let holder = pairs.entry(key).or_insert(a);
        *holder = (*holder).min(a);
    }
    seed.report.wikidata.distinct_pairs = pairs.len();

    // Label keys of items, and the names of each city's partners.
    let label_key: BTreeMap<u64, String> = labels
        .iter()
        .map(|(q, l)| (*q, name_key(&parse_place_label(l).name)))
        .collect();
    let mut items_by_key: BTreeMap<&str, usize> = BTreeMap::new();
    for k in label_key.values() {
        *items_by_key.entry(k.as_str()).or_default() += 1;
    }
    let drafts = &seed.resolver.reg.drafts;
    let mut cities_by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (d, draft) in drafts.iter().enumerate() {
        for k in &draft.aliases {
            cities_by_key.entry(k.as_str()).or_default().push(d);
        }
    }
    let mut partners: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (a, b) in seed.pairs.keys() {
        partners.entry(*a).or_default().insert(*b);
        partners.entry(*b).or_default().insert(*a);
    }
    let partner_names = |d: usize| -> BTreeSet<&str> {
        partners
            .get(&d)
            .into_iter()
            .flatten()
            .flat_map(|p| drafts[*p].aliases.iter().map(String::as_str))
            .collect()
    };

    // Candidate attachments, best per item.
    let mut best_for_city: BTreeMap<usize, Vec<(u64, How)>> = BTreeMap::new();
    for (q, key) in &label_key {
        let Some(cands) = cities_by_key.get(key.as_str()) else {
            seed.report.wikidata.qids_unmatched += 1;
            continue;
        };
        let twin_keys: BTreeSet<&str> = twins
            .get(q)
            .into_iter()
            .flatten()
            .filter_map(|t| label_key.get(t).map(String::as_str))
            .collect();
        let mut scored: Vec<(usize, usize)> = cands
            .iter()
            .map(|&d| (partner_names(d).intersection(&twin_keys).count(), d))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let (top, d) = scored[0];
        if top > 0 {
            if scored.get(1).is_some_and(|s| s.0 == top) {
                seed.report.wikidata.qids_ambiguous += 1;
                continue;
            }
            best_for_city
                .entry(d)
                .or_default()
                .push((*q, How::Overlap(top)));
        } else if cands.len() == 1 && items_by_key.get(key.as_str()) == Some(&1) {
            best_for_city
                .entry(d)
                .or_default()
                .push((*q, How::UniqueLabel));
        } else {
            seed.report.wikidata.qids_ambiguous += 1;
        }
    }

    // One item per city: the best overlap; a tie attaches none.
    let mut attached: BTreeMap<u64, (usize, How)> = BTreeMap::new();
    for (d, mut items) in best_for_city {
        let score = |h: How| match h {
            How::Overlap(n) => n,
            How::UniqueLabel => 0,
        };
        items.sort_by(|a, b| score(b.1).cmp(&score(a.1)).then(a.0.cmp(&b.0)));
        if items.len() > 1 && score(items[0].1) == score(items[1].1) {
            seed.report.wikidata.qids_ambiguous += items.len();
            continue;
        }
        seed.report.wikidata.qids_ambiguous += items.len() - 1;
        let (q, how) = items[0];
        match how {
            How::Overlap(_) => seed.report.wikidata.qids_by_overlap += 1,
            How::UniqueLabel => seed.report.wikidata.qids_by_unique_label += 1,
        }
        seed.resolver.reg.drafts[d].wikidata = Some(format!("Q{q}"));
        seed.resolver.reg.drafts[d]
            .sources
            .insert(format!("https://www.wikidata.org/wiki/Q{q}"));
        attached.insert(q, (d, how));
    }

    for ((a, b), holder) in pairs {
        let (Some(&(x, hx)), Some(&(y, hy))) = (attached.get(&a), attached.get(&b)) else {
            seed.report.wikidata.pairs_unused += 1;
            continue;
        };
        if x == y {
            seed.report.wikidata.pairs_unused += 1;
            continue;
        }
        let key = (x.min(y), x.max(y));
        if let Some(p) = seed.pairs.get_mut(&key) {
            p.sources.insert(statement_source(holder));
            p.from_wikidata = true;
            seed.report.wikidata.pairs_corroborating += 1;
        } else if matches!((hx, hy), (How::Overlap(_), How::Overlap(_))) {
            let mut p = PairDraft {
                from_wikidata: true,
                ..PairDraft::default()
            };
            p.sources.insert(statement_source(holder));
            seed.pairs.insert(key, p);
            seed.report.wikidata.pairs_added += 1;
        } else {
            seed.report.wikidata.pairs_unused += 1;
        }
    }
    Ok(())
}
