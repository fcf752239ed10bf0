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
    /// ClimActor memberships that a curated network event also concerns (one record carries
    /// both sources' facts).
    pub superseded_by_curated: usize,
    /// Tags that map to no network in the seed, with how many actors carry them.
    pub unmapped_tags: BTreeMap<String, usize>,
}

/// Figures of the ETMUN membership table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EtmunFigures {
    pub rows_read: usize,
    /// Rows of members that are places (the rest are left out, by kind).
    pub place_rows: usize,
    pub resolved_rows: usize,
    pub unresolved_rows: usize,
    /// Rows left out, by kind of member (regions, intermunicipal bodies, organisations).
    pub left_out: BTreeMap<String, usize>,
    /// City records created for ETMUN members: GeoNames cities, or at ETMUN's coordinates.
    pub cities_added_gazetteer: usize,
    pub cities_added_source: usize,
    /// Rows whose country code contradicted their coordinates, resolved at the coordinates.
    pub countries_corrected: usize,
    /// Place rows per network (as resolved).
    pub rows_per_network: BTreeMap<String, usize>,
    /// The year each network's list is observed at.
    pub snapshot_years: BTreeMap<String, i32>,
}

impl EtmunFigures {
    /// Share of the place rows resolved to a city.
    pub fn resolved_share(&self) -> f64 {
        if self.place_rows == 0 {
            return 0.0;
        }
        self.resolved_rows as f64 / self.place_rows as f64
    }
}

/// Figures of the URBACT participation table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UrbactFigures {
    pub networks: usize,
    pub rows_read: usize,
    pub resolved_rows: usize,
    /// Rows resolved straight through their GeoNames id.
    pub by_geonames_id: usize,
    pub unresolved_rows: usize,
    pub cities_added_gazetteer: usize,
    pub cities_added_source: usize,
}

impl UrbactFigures {
    /// Share of the rows resolved to a city.
    pub fn resolved_share(&self) -> f64 {
        if self.rows_read == 0 {
            return 0.0;
        }
        self.resolved_rows as f64 / self.rows_read as f64
    }
}

/// Figures of the Eurocities member list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EurocitiesFigures {
    pub listed: usize,
    pub resolved: usize,
    pub unresolved: usize,
    pub left_out: BTreeMap<String, usize>,
    pub cities_added: usize,
    /// Memberships observed in 2025.
    pub memberships: usize,
    /// Earlier memberships the 2025 list does not name (recorded absent in 2025).
    pub absent: usize,
}

/// Figures of the UNESCO Creative Cities list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UnescoFigures {
    pub rows_read: usize,
    pub resolved: usize,
    /// Names with no place or several places of that name (the list gives no country).
    pub unresolved: usize,
}

/// Figures of the Baltic twin-town years.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BalticFigures {
    pub rows_read: usize,
    pub rows_with_year: usize,
    pub rows_resolved: usize,
    pub rows_unresolved: usize,
    pub self_pairs: usize,
    /// Pairs no other source has: partnerships of their own.
    pub partnerships_added: usize,
    /// Years that became the `established` event of a partnership.
    pub years_applied: usize,
    /// Years equal to a curated establishment date.
    pub years_corroborated: usize,
    /// Years not applied because another source dates the link otherwise, with both dates.
    pub conflicts: Vec<String>,
}

/// Figures of the merging of duplicate records and of the Wikidata check.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DedupeFigures {
    /// Pairs of records merged (listed in `duplicates.csv`).
    pub merged: usize,
    /// Pairs of alike records kept apart, each with its reason (listed in `duplicates.csv`).
    pub kept_apart: usize,
    /// Links between two records that were merged (a city with itself), dropped.
    pub links_dropped: usize,
    pub link_conflicts: Vec<String>,
    /// Wikidata items of a merged record that differed from the item of the record that stays.
    pub wikidata_dropped: Vec<String>,
    /// Items detached because a source puts the item more than 50 km from the city.
    pub wikidata_detached: Vec<String>,
    /// Items attached from a source's match (Eurocities).
    pub wikidata_attached: usize,
    /// Matches not attached: the city has another item, or another city has this one.
    pub wikidata_claims_declined: usize,
}

/// What the seed holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OutputFigures {
    pub cities: usize,
    pub cities_gazetteer: usize,
    pub cities_geocoded: usize,
    pub cities_climactor: usize,
    /// Cities at the coordinates of the membership sources (ETMUN, URBACT, Eurocities).
    pub cities_membership_sources: usize,
    pub cities_with_wikidata: usize,
    /// Cities with former ids (records merged into them).
    pub cities_with_aliases: usize,
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
    /// Partnerships only the Baltic file has.
    pub partnerships_baltic_only: usize,
    /// Partnerships whose history starts with a dated establishment.
    pub partnerships_established: usize,
    pub unresolved_rows: usize,
    /// Records per written file.
    pub files: BTreeMap<String, usize>,
    /// Memberships in a tagged file that also cite an open source (lost with the file).
    pub memberships_open_in_tagged: usize,
    /// Partnerships in a tagged file that also cite an open source.
    pub partnerships_open_in_tagged: usize,
    /// Memberships per network (all files).
    pub memberships_per_network: BTreeMap<String, usize>,
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
    pub etmun: EtmunFigures,
    pub urbact: UrbactFigures,
    pub eurocities: EurocitiesFigures,
    pub unesco: UnescoFigures,
    pub baltic: BalticFigures,
    pub dedupe: DedupeFigures,
    /// Membership facts of two sources that disagree (the first is kept).
    pub membership_conflicts: Vec<String>,
    /// Restricted sources left out of this build (`citygraph seed build --without`).
    pub sources_left_out: Vec<String>,
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
        if !self.sources_left_out.is_empty() {
            writeln!(
                f,
                "- left out of this build: {} (their figures below are zero)",
                self.sources_left_out.join(", ")
            )?;
        }
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
             listings merged: {}; with curated facts merged in: {}",
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
        let e = &self.etmun;
        writeln!(
            f,
            "- ETMUN: {} rows; {} place rows, {} resolved ({:.2}%), {} unresolved; {} rows whose country code contradicted their coordinates resolved at the coordinates",
            e.rows_read,
            e.place_rows,
            e.resolved_rows,
            100.0 * e.resolved_share(),
            e.unresolved_rows,
            e.countries_corrected
        )?;
        let left: Vec<String> = e.left_out.iter().map(|(k, v)| format!("{v} {k}")).collect();
        writeln!(f, "  - left out (not places): {}", left.join(", "))?;
        writeln!(
            f,
            "  - city records added: {} from GeoNames, {} at ETMUN's coordinates",
            e.cities_added_gazetteer, e.cities_added_source
        )?;
        let per: Vec<String> = e
            .rows_per_network
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k} {v} ({})",
                    e.snapshot_years.get(k).copied().unwrap_or(0)
                )
            })
            .collect();
        writeln!(
            f,
            "  - resolved rows per network (observed in): {}",
            per.join(", ")
        )?;
        let u = &self.urbact;
        writeln!(
            f,
            "- URBACT: {} networks, {} rows; {} resolved ({:.2}%; {} by GeoNames id), {} unresolved; city records added: {} from GeoNames, {} at URBACT's GeoNames coordinates",
            u.networks,
            u.rows_read,
            u.resolved_rows,
            100.0 * u.resolved_share(),
            u.by_geonames_id,
            u.unresolved_rows,
            u.cities_added_gazetteer,
            u.cities_added_source
        )?;
        let c = &self.eurocities;
        let left: Vec<String> = c.left_out.iter().map(|(k, v)| format!("{v} {k}")).collect();
        writeln!(
            f,
            "- Eurocities 2025: {} listed; {} resolved, {} unresolved, left out: {}; {} memberships observed in 2025, {} earlier members absent in 2025; {} city records added",
            c.listed,
            c.resolved,
            c.unresolved,
            if left.is_empty() { "none".to_owned() } else { left.join(", ") },
            c.memberships,
            c.absent,
            c.cities_added
        )?;
        let x = &self.unesco;
        writeln!(
            f,
            "- UNESCO Creative Cities (2024-10): {} rows; {} resolved, {} unresolved (no country given: a name with no or several places stays unresolved)",
            x.rows_read, x.resolved, x.unresolved
        )?;
        let b = &self.baltic;
        writeln!(
            f,
            "- Baltic twin towns (Bussmann & Nickel): {} rows ({} with a year); {} resolved to two cities, {} unresolved, {} pairs of one city; new partnerships: {}",
            b.rows_read, b.rows_with_year, b.rows_resolved, b.rows_unresolved, b.self_pairs, b.partnerships_added
        )?;
        writeln!(
            f,
            "  - years applied as the establishment: {}; equal to a curated date: {}; conflicts (not applied): {}",
            b.years_applied,
            b.years_corroborated,
            b.conflicts.len()
        )?;
        for c in &b.conflicts {
            writeln!(f, "  - conflict: {c}")?;
        }
        writeln!(
            f,
            "- Membership facts in conflict between sources (the first kept): {}",
            self.membership_conflicts.len()
        )?;
        for c in &self.membership_conflicts {
            writeln!(f, "  - conflict: {c}")?;
        }
        let d = &self.dedupe;
        writeln!(
            f,
            "- Duplicate records (duplicates.csv): {} pairs merged, {} alike pairs kept apart with their reason; {} links between merged records dropped",
            d.merged, d.kept_apart, d.links_dropped
        )?;
        for c in &d.link_conflicts {
            writeln!(f, "  - link conflict: {c}")?;
        }
        for c in &d.wikidata_dropped {
            writeln!(f, "  - Wikidata item of a merged record dropped: {c}")?;
        }
        writeln!(
            f,
            "- Wikidata items: {} detached (more than 50 km from the item's coordinates in a source), {} attached from Eurocities' matches, {} matches declined",
            d.wikidata_detached.len(),
            d.wikidata_attached,
            d.wikidata_claims_declined
        )?;
        for c in &d.wikidata_detached {
            writeln!(f, "  - detached: {c}")?;
        }
        let o = &self.output;
        writeln!(f, "Outputs")?;
        writeln!(
            f,
            "- cities: {} ({} GeoNames, {} geocoded only, {} ClimActor only, {} at a membership source's coordinates; {} with a Wikidata QID, {} with former ids)",
            o.cities,
            o.cities_gazetteer,
            o.cities_geocoded,
            o.cities_climactor,
            o.cities_membership_sources,
            o.cities_with_wikidata,
            o.cities_with_aliases
        )?;
        writeln!(
            f,
            "- networks: {} ({} with a secretariat city)",
            o.networks, o.networks_with_secretariat
        )?;
        let files: Vec<String> = o.files.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(f, "- records per file: {}", files.join(", "))?;
        let (urbact_nets, urbact_members) = o
            .memberships_per_network
            .iter()
            .filter(|(k, _)| k.starts_with("urbact-"))
            .fold((0, 0), |(n, m), (_, v)| (n + 1, m + v));
        let mut nets: Vec<String> = o
            .memberships_per_network
            .iter()
            .filter(|(k, _)| !k.starts_with("urbact-"))
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        if urbact_nets > 0 {
            nets.push(format!(
                "the {urbact_nets} URBACT networks (urbact-*) {urbact_members}"
            ));
        }
        writeln!(f, "- memberships per network: {}", nets.join(", "))?;
        writeln!(
            f,
            "- partnerships: {} ({} listed by Wikipedia, {} only in the curated events, {} only in \
             Wikidata, {} only in the Baltic file; {} with events, {} with a dated establishment)",
            o.partnerships,
            o.partnerships_listed,
            o.partnerships_curated_unlisted,
            o.partnerships_wikidata_only,
            o.partnerships_baltic_only,
            o.partnerships_with_events,
            o.partnerships_established
        )?;
        write!(f, "- unresolved.csv: {} rows", o.unresolved_rows)
    }
}
