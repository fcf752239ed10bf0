//! The figures of a seed build.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// Figures of the Wikipedia twin-town lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WikipediaFigures {
    /// Rows of `twin_cities_raw.csv`.
    pub rows_read: usize,
    /// Rows of `twin_cities_geocoded.csv` (coordinates of the places of most rows).
    pub geocoded_rows_read: usize,
    /// Distinct `(name, country)` labels.
    pub labels: usize,
    /// Labels resolved to a GeoNames city.
    pub labels_gazetteer: usize,
    /// Labels resolved to a place at its geocoded coordinates (no GeoNames id).
    pub labels_geocoded: usize,
    /// Labels that could not be resolved (listed in `unresolved.csv`).
    pub labels_unresolved: usize,
    /// Distinct pairs of labels (either order).
    pub distinct_pairs: usize,
    /// Distinct pairs whose two labels both resolved to city records with coordinates.
    pub pairs_resolved: usize,
    /// Distinct pairs with at least one unresolved label.
    pub pairs_unresolved: usize,
    /// Resolved pairs whose two labels are the same city (dropped).
    pub self_pairs: usize,
    /// Resolved pairs that merged into a partnership already found (other spellings, both directions).
    pub merged_duplicates: usize,
    /// Partnerships from these lists.
    pub partnerships: usize,
}

/// Figures of the Wikidata P190 crawl.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WikidataFigures {
    pub items: usize,
    pub relations_read: usize,
    pub distinct_pairs: usize,
    /// Items attached to a city because their twins' labels overlap the city's partners' names.
    pub qids_by_overlap: usize,
    /// Items attached because their label and the city's name are both unique.
    pub qids_by_unique_label: usize,
    /// Items whose label matched no city, or several equally well.
    pub qids_unmatched: usize,
    pub qids_ambiguous: usize,
    /// Pairs whose two items are attached and that match an existing partnership.
    pub pairs_corroborating: usize,
    /// Pairs added as partnerships of their own (both items attached by overlap).
    pub pairs_added: usize,
    /// Pairs not used: an item not attached, or attached only by a unique label.
    pub pairs_unused: usize,
}

/// A curated event that is not in the seed, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NotApplied {
    pub row: usize,
    pub what: String,
    pub reason: String,
}

/// Figures of the curated event files.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CuratedFigures {
    pub twinning_rows: usize,
    /// Rows that are an event of a partnership history.
    pub events_applied: usize,
    /// Rows folded into another event of the same pair (the other direction, a repeated report).
    pub events_merged: usize,
    pub not_applied: Vec<NotApplied>,
    /// Partnerships with a curated history.
    pub partnerships_with_history: usize,
    /// Curated pairs that no list had: partnerships of their own.
    pub partnerships_added: usize,
    pub membership_rows: usize,
    pub memberships_applied: usize,
    pub memberships_not_applied: Vec<NotApplied>,
}

/// Figures of one ClimActor file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClimactorFileFigures {
    pub actors_read: usize,
    pub regions_skipped: usize,
    /// Actors that are neither cities nor regions, or groupings of municipalities.
    pub other_skipped: usize,
    /// City actors with no tag of a network in the seed.
    pub without_network: usize,
    pub matched: usize,
    pub unmatched: usize,
}

/// Figures of the ClimActor membership snapshots.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClimactorFigures {
    pub files: BTreeMap<String, ClimactorFileFigures>,
    /// City records created for ClimActor actors (GeoNames cities, or ClimActor's coordinates).
    pub cities_added_gazetteer: usize,
    pub cities_added_climactor: usize,
    /// Memberships per network (as written to `memberships-climactor.ndjson`).
    pub memberships: BTreeMap<String, usize>,
    /// Memberships with an `absent` date per network (seen in 2019, not listed in 2022).
    pub absent: BTreeMap<String, usize>,
    /// Rows dropped as a homonym of a larger member of the same snapshot (`Guadalajara|ESP` in C40).
    pub homonyms_dropped: Vec<String>,
    /// Actors listed twice in one snapshot (one membership).
    pub duplicates_merged: usize,
    /// ClimActor memberships left out because a curated membership of the same city and network
    /// (in `memberships.ndjson`) has the same id.
    pub superseded_by_curated: usize,
    /// Tags that map to no network in the seed, with how many actors carry them.
    pub unmapped_tags: BTreeMap<String, usize>,
}

/// What the seed holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OutputFigures {
    pub cities: usize,
    pub cities_gazetteer: usize,
    pub cities_geocoded: usize,
    pub cities_climactor: usize,
    pub cities_with_wikidata: usize,
    pub networks: usize,
    pub networks_with_secretariat: usize,
    /// Lines of `memberships.ndjson`.
    pub memberships: usize,
    /// Lines of `memberships-climactor.ndjson`.
    pub memberships_climactor: usize,
    pub partnerships: usize,
    /// Partnerships a Wikipedia list has.
    pub partnerships_listed: usize,
    /// Partnerships no list has, from the curated events (with or without Wikidata).
    pub partnerships_curated_unlisted: usize,
    /// Partnerships only Wikidata has.
    pub partnerships_wikidata_only: usize,
    pub partnerships_with_events: usize,
    pub unresolved_rows: usize,
}

/// Everything a build counted: what was read, resolved, merged and left out, and what was written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub gazetteer_cities: usize,
    pub countries: usize,
    pub wikipedia: WikipediaFigures,
    pub wikidata: WikidataFigures,
    pub curated: CuratedFigures,
    pub climactor: ClimactorFigures,
    pub output: OutputFigures,
}

impl Report {
    /// Share of the distinct Wikipedia pairs resolved to two city records with coordinates.
    pub fn wikipedia_resolved_share(&self) -> f64 {
        if self.wikipedia.distinct_pairs == 0 {
            return 0.0;
        }
        self.wikipedia.pairs_resolved as f64 / self.wikipedia.distinct_pairs as f64
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = &self.wikipedia;
        writeln!(f, "Inputs")?;
        writeln!(
            f,
            "- GeoNames: {} cities, {} countries",
            self.gazetteer_cities, self.countries
        )?;
        writeln!(
            f,
            "- Wikipedia twin lists: {} rows read ({} geocoded rows), {} distinct labels",
            w.rows_read, w.geocoded_rows_read, w.labels
        )?;
        writeln!(
            f,
            "  - labels: {} resolved to GeoNames, {} to their geocoded coordinates, {} unresolved",
            w.labels_gazetteer, w.labels_geocoded, w.labels_unresolved
        )?;
        writeln!(
            f,
            "  - distinct pairs: {}; resolved to two cities with coordinates: {} ({:.2}%); unresolved: {}",
            w.distinct_pairs,
            w.pairs_resolved,
            100.0 * self.wikipedia_resolved_share(),
            w.pairs_unresolved
        )?;
        writeln!(
            f,
            "  - merged duplicates: {}; pairs of a city with itself dropped: {}; partnerships: {}",
            w.merged_duplicates, w.self_pairs, w.partnerships
        )?;
        let d = &self.wikidata;
        writeln!(
            f,
            "- Wikidata P190 (2016): {} items, {} relation lines, {} distinct pairs",
            d.items, d.relations_read, d.distinct_pairs
        )?;
        writeln!(
            f,
            "  - QIDs attached: {} by twin overlap, {} by unique label; {} unmatched, {} ambiguous",
            d.qids_by_overlap, d.qids_by_unique_label, d.qids_unmatched, d.qids_ambiguous
        )?;
        writeln!(
            f,
            "  - pairs corroborating a partnership: {}; added: {}; unused: {}",
            d.pairs_corroborating, d.pairs_added, d.pairs_unused
        )?;
        let c = &self.curated;
        writeln!(
            f,
            "- Curated twinning events: {} rows; applied {}, merged into another event {}, not applied {}",
            c.twinning_rows,
            c.events_applied,
            c.events_merged,
            c.not_applied.len()
        )?;
        writeln!(
            f,
            "  - partnerships with a curated history: {} (of which {} not in any list)",
            c.partnerships_with_history, c.partnerships_added
        )?;
        for n in &c.not_applied {
            writeln!(
                f,
                "  - not applied: row {}: {}: {}",
                n.row, n.what, n.reason
            )?;
        }
        writeln!(
            f,
            "- Curated network events: {} rows; applied {}, not applied {}",
            c.membership_rows,
            c.memberships_applied,
            c.memberships_not_applied.len()
        )?;
        for n in &c.memberships_not_applied {
            writeln!(
                f,
                "  - not applied: row {}: {}: {}",
                n.row, n.what, n.reason
            )?;
        }
        let a = &self.climactor;
        for (file, x) in &a.files {
            writeln!(
                f,
                "- ClimActor {file}: {} actors; {} regions skipped, {} other skipped, {} without a seed network; {} matched, {} unmatched",
                x.actors_read, x.regions_skipped, x.other_skipped, x.without_network, x.matched, x.unmatched
            )?;
        }
        writeln!(
            f,
            "  - city records added: {} from GeoNames, {} at ClimActor's coordinates; duplicate \
             listings merged: {}; left to a curated membership: {}",
            a.cities_added_gazetteer,
            a.cities_added_climactor,
            a.duplicates_merged,
            a.superseded_by_curated
        )?;
        for h in &a.homonyms_dropped {
            writeln!(f, "  - dropped as a homonym: {h}")?;
        }
        let memberships: Vec<String> = a
            .memberships
            .iter()
            .map(|(k, v)| match a.absent.get(k) {
                Some(x) => format!("{k} {v} ({x} absent in 2022)"),
                None => format!("{k} {v}"),
            })
            .collect();
        writeln!(f, "  - memberships: {}", memberships.join(", "))?;
        let o = &self.output;
        writeln!(f, "Outputs")?;
        writeln!(
            f,
            "- cities: {} ({} GeoNames, {} geocoded only, {} ClimActor only; {} with a Wikidata QID)",
            o.cities, o.cities_gazetteer, o.cities_geocoded, o.cities_climactor, o.cities_with_wikidata
        )?;
        writeln!(
            f,
            "- networks: {} ({} with a secretariat city)",
            o.networks, o.networks_with_secretariat
        )?;
        writeln!(
            f,
            "- memberships: {} in memberships.ndjson, {} in memberships-climactor.ndjson",
            o.memberships, o.memberships_climactor
        )?;
        writeln!(
            f,
            "- partnerships: {} ({} listed by Wikipedia, {} only in the curated events, {} only in \
             Wikidata; {} with events)",
            o.partnerships,
            o.partnerships_listed,
            o.partnerships_curated_unlisted,
            o.partnerships_wikidata_only,
            o.partnerships_with_events
        )?;
        write!(f, "- unresolved.csv: {} rows", o.unresolved_rows)
    }
}
