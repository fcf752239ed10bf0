//! The curated event files: dated partnership histories and network membership events.
//!
//! # How curated twinning events become a history
//!
//! Rows are grouped by pair, whichever direction they name it in. Within a pair, rows of the same
//! type and date are one event (sources and notes merged). Events are sorted by the first day of
//! their date (then established, renewed, resumed, suspended, lapsed, terminated) and replayed
//! through the model's transition rules: an event that repeats the one before it where the history
//! does not allow a repeat (Prague ending the Beijing agreement on 2019-10-07, Beijing ending it on
//! 2019-10-10; two sources dating one establishment differently) is folded into that earlier event,
//! whose date is kept and whose note records the other report. Any other event the history does not
//! allow is not applied, and the report says why.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use citygraph_core::model::transition;
use citygraph_core::{
    CountryCode, Event, EventType, PartialDate, PartnershipKind, Precision, Status,
};

use crate::error::SeedError;
use crate::read::{csv_reader, Columns};
use crate::report::NotApplied;
use crate::{Seed, Unresolved};

pub(crate) const DIR: &str = "curated-lapse-events";

fn event_type(s: &str) -> Option<EventType> {
    EventType::ALL
        .into_iter()
        .find(|e| e.as_str() == s.trim().to_ascii_lowercase())
}

fn lifecycle_rank(e: EventType) -> u8 {
    match e {
        EventType::Established => 0,
        EventType::Renewed => 1,
        EventType::Resumed => 2,
        EventType::Suspended => 3,
        EventType::Lapsed => 4,
        EventType::Terminated => 5,
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// Parses a date and checks it against the row's stated precision.
fn parse_date(date: &str, precision: &str) -> Result<PartialDate, String> {
    let d = PartialDate::from_str(date.trim()).map_err(|e| e.to_string())?;
    let stated = precision.trim().to_ascii_lowercase();
    if !stated.is_empty() && stated != precision_name(d.precision()) {
        return Err(format!(
            "date {d} has {} precision but the row says {stated}",
            precision_name(d.precision())
        ));
    }
    Ok(d)
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The kind of link a curated note says a pair has, when it is not a sister-city link.
fn kind_from_note(note: &str) -> Option<PartnershipKind> {
    let n = note.to_lowercase();
    if n.contains("friendship arrangement")
        || n.contains("friendship agreement")
        || n.contains("friendship city")
    {
        Some(PartnershipKind::FriendshipCity)
    } else if n.contains("not a sister city") || n.contains("not a classic twinning") {
        Some(PartnershipKind::CooperationAgreement)
    } else {
        None
    }
}

/// The host of a URL without `www.` (`spectator.co.uk`).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// A note that names other years than the event's (sources disagreeing on when a link was
/// established) gets a last sentence saying which date the event uses and whose it is.
fn say_which_date(note: String, date: PartialDate, source: Option<&str>) -> String {
    const DATING_WORDS: &[&str] = &[
        "since",
        "gives",
        "give",
        "signed",
        "twinned",
        "united",
        "established",
        "founded",
    ];
    let year = date.year_part().to_string();
    let words: Vec<String> = note
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let year_of = |w: &str| -> Option<String> {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
            .then_some(digits)
    };
    let conflict = note.to_lowercase().contains("conflict");
    let other_year = words.iter().enumerate().any(|(i, w)| {
        let Some(y) = year_of(w) else { return false };
        let dated = words[i.saturating_sub(2)..i]
            .iter()
            .any(|p| DATING_WORDS.contains(&p.as_str()));
        y != year && (dated || conflict)
    });
    if !other_year {
        return note;
    }
    match source {
        Some(url) => format!("{note}. The date used is {date}, as {} gives it", host(url)),
        None => format!("{note}. The date used is {date}"),
    }
}

struct Row {
    line: usize,
    what: String,
    kind: EventType,
    date: PartialDate,
    event: Event,
}

/// Reads `twinning_events.csv` and applies the histories to the partnerships.
pub(crate) fn load_twinning(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let path = raw.join(DIR).join("twinning_events.csv");
    let mut rdr = csv_reader(&path)?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &[
            "city_a",
            "country_a",
            "city_b",
            "country_b",
            "event",
            "event_date",
            "date_precision",
            "initiated_by",
            "reason",
            "source_url",
            "note",
        ],
    )?;
    let mut groups: BTreeMap<(usize, usize), Vec<Row>> = BTreeMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        let line = i + 2;
        seed.report.curated.twinning_rows += 1;
        let (a, b) = (cols.get(&rec, "city_a"), cols.get(&rec, "city_b"));
        let what = format!(
            "{a}–{b} {} {}",
            cols.get(&rec, "event"),
            cols.get(&rec, "event_date")
        );
        let mut fail = |reason: String| {
            seed.report.curated.not_applied.push(NotApplied {
                row: line,
                what: what.clone(),
                reason,
            });
        };
        let Some(kind) = event_type(cols.get(&rec, "event")) else {
            fail(format!("unknown event type {:?}", cols.get(&rec, "event")));
            continue;
        };
        let date = match parse_date(
            cols.get(&rec, "event_date"),
            cols.get(&rec, "date_precision"),
        ) {
            Ok(d) => d,
            Err(e) => {
                fail(e);
                continue;
            }
        };
        let mut ends = Vec::with_capacity(2);
        let mut failed = None;
        for (name, country) in [
            (a, cols.get(&rec, "country_a")),
            (b, cols.get(&rec, "country_b")),
        ] {
            let r = match CountryCode::new(country) {
                Ok(cc) => seed.resolver.resolve(name, cc, None),
                Err(_) => Err(format!("unknown country code {country:?}")),
            };
            match r {
                Ok(d) => ends.push(d),
                Err(reason) => {
                    seed.unresolved
                        .insert(Unresolved::new("curated", name, country, &reason));
                    failed.get_or_insert(format!("{name} ({country}) not resolved: {reason}"));
                }
            }
        }
        if let Some(reason) = failed {
            fail(reason);
            continue;
        }
        if ends[0] == ends[1] {
            fail("both names resolve to the same city".to_owned());
            continue;
        }
        let source = non_empty(cols.get(&rec, "source_url"));
        let mut note = non_empty(cols.get(&rec, "note"));
        if kind == EventType::Established {
            note = note.map(|n| say_which_date(n, date, source.as_deref()));
        }
        let event = Event {
            id: None,
            kind,
            date,
            reason: non_empty(cols.get(&rec, "reason")),
            initiated_by: non_empty(cols.get(&rec, "initiated_by")),
            sources: source.into_iter().collect(),
            note,
        };
        let key = (ends[0].min(ends[1]), ends[0].max(ends[1]));
        groups.entry(key).or_default().push(Row {
            line,
            what,
            kind,
            date,
            event,
        });
    }

    for (key, rows) in groups {
        let kind = rows
            .iter()
            .filter_map(|r| {
                r.event
                    .note
                    .as_deref()
                    .and_then(|n| kind_from_note(n).map(|k| (k, n.to_owned())))
            })
            .next();
        let history = build_history(seed, rows);
        if history.is_empty() {
            continue;
        }
        let existed = seed.pairs.contains_key(&key);
        let pair = seed.pairs.entry(key).or_default();
        pair.from_curated = true;
        if !existed {
            seed.report.curated.partnerships_added += 1;
            for e in &history {
                pair.sources.extend(e.sources.iter().cloned());
            }
        }
        if let Some((k, note)) = kind {
            pair.kind = k;
            pair.note = Some(format!("kind from the curated source: {note}"));
        }
        pair.events = history;
        seed.report.curated.partnerships_with_history += 1;
    }
    Ok(())
}

fn fold_into(prev: &mut Event, row: &Row) {
    for s in &row.event.sources {
        if !prev.sources.contains(s) {
            prev.sources.push(s.clone());
        }
    }
    let mut other = format!("{} on {}", row.kind, row.date);
    if let Some(by) = &row.event.initiated_by {
        other.push_str(&format!(" by {by}"));
    }
    let detail: Vec<&str> = [row.event.reason.as_deref(), row.event.note.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !detail.is_empty() {
        other.push_str(&format!(" ({})", detail.join("; ")));
    }
    let base = prev.note.take().unwrap_or_default();
    let sep = if base.is_empty() { "" } else { ". " };
    prev.note = Some(format!(
        "{base}{sep}Also reported: {other}. The date {} is used",
        prev.date
    ));
}

/// Turns one pair's rows into a valid history (see the module docs).
fn build_history(seed: &mut Seed<'_>, mut rows: Vec<Row>) -> Vec<Event> {
    // Same type and date: one event.
    let mut unique: Vec<Row> = Vec::new();
    for row in rows.drain(..) {
        if let Some(prev) = unique
            .iter_mut()
            .find(|p| p.kind == row.kind && p.date == row.date)
        {
            for s in &row.event.sources {
                if !prev.event.sources.contains(s) {
                    prev.event.sources.push(s.clone());
                }
            }
            if let Some(n) = &row.event.note {
                if prev.event.note.as_deref() != Some(n) {
                    let base = prev.event.note.take().unwrap_or_default();
                    let sep = if base.is_empty() { "" } else { "; " };
                    prev.event.note = Some(format!("{base}{sep}{n}"));
                }
            }
            if prev.event.initiated_by.is_none() {
                prev.event.initiated_by = row.event.initiated_by.clone();
            }
            if prev.event.reason.is_none() {
                prev.event.reason = row.event.reason.clone();
            }
            seed.report.curated.events_merged += 1;
            continue;
        }
        unique.push(row);
    }
    unique.sort_by(|a, b| {
        a.date
            .first_day()
            .cmp(&b.date.first_day())
            .then(lifecycle_rank(a.kind).cmp(&lifecycle_rank(b.kind)))
            .then(a.line.cmp(&b.line))
    });

    let mut history: Vec<Event> = Vec::new();
    let mut status: Option<Status> = match unique.first() {
        Some(r) if r.kind == EventType::Established => None,
        _ => Some(Status::Active),
    };
    for row in unique {
        match transition(status, row.kind) {
            Ok(s) => {
                status = Some(s);
                history.push(row.event.clone());
                seed.report.curated.events_applied += 1;
            }
            Err(why) => {
                // A repeated report of the event before it, or another date for the establishment.
                let same = if history.last().is_some_and(|e| e.kind == row.kind) {
                    history.last_mut()
                } else if row.kind == EventType::Established {
                    history
                        .iter_mut()
                        .find(|e| e.kind == EventType::Established)
                } else {
                    None
                };
                if let Some(prev) = same {
                    fold_into(prev, &row);
                    seed.report.curated.events_merged += 1;
                } else {
                    let state = status.map_or("not established".to_owned(), |s| s.to_string());
                    seed.report.curated.not_applied.push(NotApplied {
                        row: row.line,
                        what: row.what.clone(),
                        reason: format!("the link is {state} then: {why}"),
                    });
                }
            }
        }
    }
    history
}

/// Reads `network_membership_events.csv` into memberships of their own.
pub(crate) fn load_memberships(seed: &mut Seed<'_>, raw: &Path) -> Result<(), SeedError> {
    let path = raw.join(DIR).join("network_membership_events.csv");
    let mut rdr = csv_reader(&path)?;
    let cols = Columns::new(
        &path,
        &mut rdr,
        &[
            "network",
            "city",
            "country",
            "event",
            "event_date",
            "date_precision",
            "source_url",
        ],
    )?;
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| SeedError::csv(&path, e))?;
        let line = i + 2;
        seed.report.curated.membership_rows += 1;
        let (network, city, country, event) = (
            cols.get(&rec, "network"),
            cols.get(&rec, "city"),
            cols.get(&rec, "country"),
            cols.get(&rec, "event"),
        );
        let what = format!("{city} {event} {network} {}", cols.get(&rec, "event_date"));
        let mut fail = |reason: String| {
            seed.report
                .curated
                .memberships_not_applied
                .push(NotApplied {
                    row: line,
                    what: what.clone(),
                    reason,
                });
        };
        let Some(net) = crate::networks::id_by_name(&seed.networks, network) else {
            fail(format!("no network named {network:?} in the seed"));
            continue;
        };
        let date = match parse_date(
            cols.get(&rec, "event_date"),
            cols.get(&rec, "date_precision"),
        ) {
            Ok(d) => d,
            Err(e) => {
                fail(e);
                continue;
            }
        };
        let resolved = match CountryCode::new(country) {
            Ok(cc) => seed.resolver.resolve(city, cc, None),
            Err(_) => Err(format!("unknown country code {country:?}")),
        };
        let d = match resolved {
            Ok(d) => d,
            Err(reason) => {
                seed.unresolved
                    .insert(Unresolved::new("curated", city, country, &reason));
                fail(format!("{city} ({country}) not resolved: {reason}"));
                continue;
            }
        };
        let m = seed.memberships.entry((net.clone(), d)).or_default();
        m.curated = true;
        m.open = true;
        match event.trim() {
            "expelled" | "left" => m.left = Some(date),
            "joined" => {
                m.joined = Some(date);
                m.joined_by = Some("the curated events".to_owned());
            }
            "joined_associate" => {
                m.joined = Some(date);
                m.joined_by = Some("the curated events".to_owned());
                m.role = Some("associate".to_owned());
            }
            other => {
                fail(format!("unknown membership event {other:?}"));
                continue;
            }
        }
        if let Some(s) = non_empty(cols.get(&rec, "source_url")) {
            m.sources.insert(s);
        }
        seed.report.curated.memberships_applied += 1;
    }
    Ok(())
}
