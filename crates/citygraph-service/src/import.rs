//! Bulk import (NDJSON seed format, gen_graph CSV) and NDJSON export.
//!
//! An import is all or nothing: every record is checked against the current graph plus the records
//! before it; if any line is bad, every bad line is reported (file:line, code, message) and nothing
//! is written. Records are upserted by id; a record equal to what is stored is left alone.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Arc;

use citygraph_core::snapshot::BulkOutcome;
use citygraph_core::{Applied, Snapshot};
use citygraph_interchange::read::{self, Record};
use serde::Serialize;

use crate::{Error, LineProblem, Result, Service};

/// A record with where it came from.
#[derive(Clone, Debug)]
pub struct Located {
    /// The file name, shared by every record of the file.
    pub file: Arc<str>,
    pub line: usize,
    pub record: Record,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Lines that were rejected (always empty in a successful import's report).
    pub rejected: Vec<LineProblem>,
    /// Graph version after the import.
    pub version: u64,
}

/// Reads NDJSON or a gen_graph CSV folder from disk into located records.
pub fn read_path(path: &Path) -> Result<Vec<Located>> {
    let name = path.display().to_string();
    let shared: Arc<str> = Arc::from(name.as_str());
    let problem = |e: read::ReadError| {
        Error::ImportRejected(vec![LineProblem {
            file: e.file.clone(),
            line: e.line,
            code: "invalid_record".into(),
            message: e.message,
        }])
    };
    if path.is_dir() {
        let recs = read::read_gen_graph_dir(path).map_err(problem)?;
        return Ok(recs
            .into_iter()
            .map(|record| Located {
                file: shared.clone(),
                line: 0,
                record,
            })
            .collect());
    }
    // Read every line, so that every bad one is reported, not only the first.
    let f = std::fs::File::open(path).map_err(|e| {
        problem(read::ReadError {
            file: name.clone(),
            line: 0,
            message: format!("cannot open: {e}"),
        })
    })?;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in BufReader::with_capacity(1 << 20, f).lines().enumerate() {
        let line = line.map_err(|e| {
            problem(read::ReadError {
                file: name.clone(),
                line: i + 1,
                message: format!("cannot read: {e}"),
            })
        })?;
        parse_into(&line, &shared, i + 1, &mut out, &mut bad);
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(Error::ImportRejected(bad))
    }
}

/// Parses one NDJSON line into `out`, or records why it is bad in `bad`.
fn parse_into(
    line: &str,
    file: &Arc<str>,
    number: usize,
    out: &mut Vec<Located>,
    bad: &mut Vec<LineProblem>,
) {
    match read::parse_line(line) {
        Ok(Some(record)) => out.push(Located {
            file: file.clone(),
            line: number,
            record,
        }),
        Ok(None) => {}
        Err(message) => bad.push(LineProblem {
            file: file.to_string(),
            line: number,
            code: "invalid_record".into(),
            message,
        }),
    }
}

/// Parses an NDJSON body, collecting every bad line rather than stopping at the first.
pub fn parse_ndjson(body: &str, file: &str) -> std::result::Result<Vec<Located>, Vec<LineProblem>> {
    let (out, bad) = parse_ndjson_all(body, file);
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad)
    }
}

/// Parses an NDJSON body into the records it could read and the lines it could not.
pub fn parse_ndjson_all(body: &str, file: &str) -> (Vec<Located>, Vec<LineProblem>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let file: Arc<str> = Arc::from(file);
    for (i, line) in body.lines().enumerate() {
        parse_into(line, &file, i + 1, &mut out, &mut bad);
    }
    (out, bad)
}

/// What checking an import against a snapshot gives: the next snapshot, what each applied record
/// did, the changes to commit and how many records were left alone; or every problem found.
struct Plan {
    next: citygraph_core::Snapshot,
    applied: Vec<Applied>,
    changes: Vec<citygraph_core::Change>,
    unchanged: u64,
    problems: Vec<LineProblem>,
}

/// Sorts `records` into load order (references point backwards), then id order within a kind: the
/// snapshot's maps are then filled mostly in key order, which at millions of records is several
/// times faster than file order (each key comparison is a cache miss otherwise). The sort is
/// stable, so records with the same id stay in file order, next to each other.
fn sort_records(records: &mut [Located]) {
    records.sort_by(|a, b| (a.record.rank(), a.record.id()).cmp(&(b.record.rank(), b.record.id())));
}

/// The first record of the current (kind, id) of sorted records, to refuse a second one with
/// `duplicate_id_in_import` and name where the first is.
#[derive(Default)]
struct FirstOfId(Option<(u8, String, Arc<str>, usize)>);

impl FirstOfId {
    /// The problem of `record` when it repeats the (kind, id) of the record before it; else
    /// `None`, and `record` becomes the one later records are compared with.
    fn duplicate(&mut self, record: &Record, file: &Arc<str>, line: usize) -> Option<LineProblem> {
        let rank = record.rank();
        if let Some((r, id, f, l)) = &self.0 {
            if *r == rank && id == record.id() {
                return Some(LineProblem {
                    file: file.to_string(),
                    line,
                    code: "duplicate_id_in_import".into(),
                    message: format!(
                        "{} is also at {f}:{l}: an import names each record once",
                        record.id()
                    ),
                });
            }
        }
        self.0 = Some((rank, record.id().to_owned(), file.clone(), line));
        None
    }
}

/// Checks sorted `records` against `cur` plus the records before each (see the module docs). A
/// second record with the id of an earlier one of the same kind is `duplicate_id_in_import`.
fn plan(
    cur: &citygraph_core::Snapshot,
    records: Vec<Located>,
    progress: &(dyn Fn(u64) + Sync),
) -> Plan {
    let mut next = cur.clone();
    let mut applied = Vec::with_capacity(records.len());
    let mut changes = Vec::with_capacity(records.len());
    let mut problems = Vec::new();
    let mut unchanged = 0u64;
    let mut seen = FirstOfId::default();
    for (i, loc) in records.into_iter().enumerate() {
        if i % 10_000 == 0 {
            progress(i as u64);
        }
        let Located { file, line, record } = loc;
        if let Some(p) = seen.duplicate(&record, &file, line) {
            problems.push(p);
            continue;
        }
        let same = match &record {
            Record::City(c) => next.city(c.id.as_str()).is_some_and(|x| **x == *c),
            Record::Network(n) => next.network(n.id.as_str()).is_some_and(|x| **x == *n),
            Record::Membership(m) => next.membership(m.id.as_str()).is_some_and(|x| **x == *m),
            Record::Partnership(p) => next.partnership(p.id.as_str()).is_some_and(|x| **x == *p),
        };
        if same {
            unchanged += 1;
            continue;
        }
        let change = record.into_change();
        match next.apply(&change) {
            Ok(a) => {
                applied.push(a);
                changes.push(change);
            }
            Err(e) => problems.push(LineProblem {
                file: file.to_string(),
                line,
                code: e.code().to_owned(),
                message: format!("{} {}: {e}", change.target().0, change.target().1),
            }),
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Plan {
        next,
        applied,
        changes,
        unchanged,
        problems,
    }
}

fn is_empty(s: &Snapshot) -> bool {
    s.cities.is_empty()
        && s.networks.is_empty()
        && s.memberships.is_empty()
        && s.partnerships.is_empty()
}

/// The import into an empty graph: the same outcomes as applying the records one at a time
/// (`Snapshot::bulk_from_empty`), in one pass and one build of the snapshot.
fn import_into_empty(
    records: Vec<Located>,
    progress: &(dyn Fn(u64) + Sync),
    started: std::time::Instant,
) -> Result<crate::Prepared<u64>> {
    let total = records.len() as u64;
    let mut places = Vec::with_capacity(records.len());
    let mut all = Vec::with_capacity(records.len());
    let mut problems = Vec::new();
    // As in `plan`: a second record with the id of an earlier one of the same kind is refused,
    // not taken as an update.
    let mut seen = FirstOfId::default();
    for Located { file, line, record } in records {
        if let Some(p) = seen.duplicate(&record, &file, line) {
            problems.push(p);
            continue;
        }
        places.push((file, line));
        all.push(record.into_change());
    }
    progress(0);
    let (next, outcomes) =
        Snapshot::bulk_from_empty(&all).expect("records are puts, sorted into load order");
    progress(total);
    let mut changes = Vec::with_capacity(all.len());
    let mut applied = Vec::with_capacity(all.len());
    let mut unchanged = 0u64;
    for ((change, outcome), (file, line)) in all.into_iter().zip(outcomes).zip(places) {
        match outcome {
            BulkOutcome::Unchanged => unchanged += 1,
            BulkOutcome::Applied(a) => {
                applied.push(a);
                changes.push(change);
            }
            BulkOutcome::Refused(e) => problems.push(LineProblem {
                file: file.to_string(),
                line,
                code: e.code().to_owned(),
                message: format!("{} {}: {e}", change.target().0, change.target().1),
            }),
        }
    }
    tracing::info!(
        records = total,
        seconds = started.elapsed().as_secs_f64(),
        "import checked (into an empty graph)"
    );
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(Error::ImportRejected(problems));
    }
    Ok(crate::Prepared {
        changes,
        next,
        applied,
        extra: unchanged,
    })
}

impl Service {
    /// Imports records atomically (see the module docs). `progress` is called with the number of
    /// records checked so far. The records are moved into the new snapshot, not copied, so an
    /// import's peak memory is about the graph's own.
    #[tracing::instrument(skip_all, fields(records = records.len()))]
    pub fn import(
        &self,
        mut records: Vec<Located>,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<ImportReport> {
        sort_records(&mut records);
        let total = records.len() as u64;
        let started = std::time::Instant::now();
        let (snap, applied, unchanged) = self.commit_prepared("import", move |cur| {
            if is_empty(cur) {
                return import_into_empty(records, progress, started);
            }
            let p = plan(cur, records, progress);
            progress(total);
            tracing::info!(
                records = total,
                seconds = started.elapsed().as_secs_f64(),
                "import checked"
            );
            if !p.problems.is_empty() {
                return Err(Error::ImportRejected(p.problems));
            }
            Ok(crate::Prepared {
                changes: p.changes,
                next: p.next,
                applied: p.applied,
                extra: p.unchanged,
            })
        })?;
        tracing::info!(
            version = snap.version,
            seconds = started.elapsed().as_secs_f64(),
            "import committed"
        );
        let mut report = ImportReport {
            unchanged,
            version: snap.version,
            ..Default::default()
        };
        for a in applied {
            match a {
                Applied::Created => report.created += 1,
                Applied::Updated => report.updated += 1,
                Applied::Deleted => {}
            }
        }
        Ok(report)
    }

    /// The report of an import whose lines could not all be read: `unreadable` (the lines that are
    /// not records) together with every problem of the records that could be read, checked against
    /// the current version as [`Service::import`] would. Nothing is written.
    pub fn reject_import(&self, mut records: Vec<Located>, unreadable: Vec<LineProblem>) -> Error {
        sort_records(&mut records);
        let mut problems = plan(&self.snapshot(), records, &|_| {}).problems;
        problems.extend(unreadable);
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Error::ImportRejected(problems)
    }

    /// Writes every entity of the current version as NDJSON (cities, networks, memberships,
    /// partnerships; each in id order). Importing the output into an empty store reproduces it.
    pub fn export_ndjson(&self, out: &mut dyn Write) -> Result<u64> {
        let snap = self.snapshot();
        let summary = citygraph_interchange::export::write_ndjson_all(&snap, out)
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(summary.nodes + summary.edges)
    }
}
