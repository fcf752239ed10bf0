//! Readers: the NDJSON seed format and the CSV layout of `gen_graph.py`.
//!
//! # The seed format
//! One JSON object per line with a `type` field (`city`, `network`, `membership`, `partnership`); the
//! other fields are those of the core model (see `citygraph_core::model`). Blank lines are skipped.
//! Unknown fields are rejected, so a misspelt field is an error rather than silently lost.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use citygraph_core::model::{Event, EventType, Scope};
use citygraph_core::{
    Change, City, CityId, CountryCode, Membership, MembershipId, Network, NetworkId, PartialDate,
    Partnership, PartnershipKind, Region, Snapshot,
};
use serde::{Deserialize, Serialize};

/// One line of the seed format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    City(City),
    Network(Network),
    Membership(Membership),
    Partnership(Partnership),
}

impl Record {
    /// Load order: cities, networks, memberships, partnerships (references point backwards).
    pub fn rank(&self) -> u8 {
        match self {
            Record::City(_) => 0,
            Record::Network(_) => 1,
            Record::Membership(_) => 2,
            Record::Partnership(_) => 3,
        }
    }
    pub fn id(&self) -> &str {
        match self {
            Record::City(c) => c.id.as_str(),
            Record::Network(n) => n.id.as_str(),
            Record::Membership(m) => m.id.as_str(),
            Record::Partnership(p) => p.id.as_str(),
        }
    }
    pub fn into_change(self) -> Change {
        match self {
            Record::City(c) => Change::PutCity(Arc::new(c)),
            Record::Network(n) => Change::PutNetwork(Arc::new(n)),
            Record::Membership(m) => Change::PutMembership(Arc::new(m)),
            Record::Partnership(p) => Change::PutPartnership(Arc::new(p)),
        }
    }
    /// The record as one NDJSON line (without the newline).
    /// The record as one NDJSON line; a partnership's event ids are left out when they are
    /// `e1`, `e2`, ... in order (reading the line gives them again).
    pub fn to_line(&self) -> String {
        match self {
            Record::Partnership(p) if p.events.iter().any(|e| e.id.is_some()) => {
                serde_json::to_string(&Record::Partnership(p.for_interchange()))
            }
            other => serde_json::to_string(other),
        }
        .expect("model values always serialize")
    }
}

/// A problem at a place in an input file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct ReadError {
    pub file: String,
    /// 1-based line number; 0 when the problem is not tied to a line.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

fn err(file: &str, line: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// Parses one line of the seed format; `Ok(None)` for a blank line.
pub fn parse_line(line: &str) -> Result<Option<Record>, String> {
    let t = line.trim();
    if t.is_empty() {
        return Ok(None);
    }
    serde_json::from_str::<Record>(t).map(Some).map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line 1 column N"; the line is ours to report, keep the column.
        msg.replace(" at line 1 column", " at column")
    })
}

/// Reads a whole NDJSON stream, returning each record with its 1-based line number.
pub fn read_ndjson(reader: impl BufRead, file: &str) -> Result<Vec<(usize, Record)>, ReadError> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| err(file, i + 1, format!("cannot read: {e}")))?;
        if let Some(r) = parse_line(&line).map_err(|m| err(file, i + 1, m))? {
            out.push((i + 1, r));
        }
    }
    Ok(out)
}

/// Reads an NDJSON file.
pub fn read_ndjson_file(path: &Path) -> Result<Vec<(usize, Record)>, ReadError> {
    let name = path.display().to_string();
    let f = File::open(path).map_err(|e| err(&name, 0, format!("cannot open: {e}")))?;
    read_ndjson(BufReader::with_capacity(1 << 20, f), &name)
}

fn opt_year(
    s: &str,
    file: &str,
    line: usize,
    field: &str,
) -> Result<Option<PartialDate>, ReadError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<PartialDate>()
        .map(Some)
        .map_err(|e| err(file, line, format!("{field}: {e}")))
}

fn csv_rows(dir: &Path, name: &str) -> Result<(String, csv::Reader<File>), ReadError> {
    let path = dir.join(name);
    let file = path.display().to_string();
    let rdr = csv::ReaderBuilder::new()
        .from_path(&path)
        .map_err(|e| err(&file, 0, format!("cannot open: {e}")))?;
    Ok((file, rdr))
}

fn header_index(
    rdr: &mut csv::Reader<File>,
    file: &str,
    names: &[&str],
) -> Result<Vec<usize>, ReadError> {
    let headers = rdr
        .headers()
        .map_err(|e| err(file, 1, e.to_string()))?
        .clone();
    names
        .iter()
        .map(|n| {
            headers.iter().position(|h| h == *n).ok_or_else(|| {
                err(
                    file,
                    1,
                    format!(
                        "missing column {n:?} (found {:?})",
                        headers.iter().collect::<Vec<_>>()
                    ),
                )
            })
        })
        .collect()
}

/// Reads the four CSV files that `gen_graph.py` writes (cities, networks, memberships, partnerships).
///
/// Mapping: a city row becomes a city; a network row a network (`global`/`elite` kinds are global in
/// scope, `regional` ones regional); a membership row a membership with `joined`/`left` years; a
/// partnership row a sister-city link with an `established` event and, when `lapsed` is set, a
/// `lapsed` event.
pub fn read_gen_graph_dir(dir: &Path) -> Result<Vec<Record>, ReadError> {
    let mut out = Vec::new();

    let (file, mut rdr) = csv_rows(dir, "cities.csv")?;
    let ix = header_index(
        &mut rdr,
        &file,
        &[
            "id",
            "name",
            "country",
            "region",
            "lat",
            "lon",
            "population",
        ],
    )?;
    for (i, row) in rdr.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| err(&file, line, e.to_string()))?;
        let f = |k: usize| row.get(ix[k]).unwrap_or("");
        let bad = |m: String| err(&file, line, m);
        let city = City {
            id: CityId::new(f(0)).map_err(|e| bad(e.to_string()))?,
            name: f(1).to_owned(),
            country: CountryCode::new(f(2)).map_err(|e| bad(e.to_string()))?,
            region: f(3).parse::<Region>().map_err(|e| bad(e.to_string()))?,
            lat: f(4)
                .parse()
                .map_err(|_| bad(format!("lat: {:?} is not a number", f(4))))?,
            lon: f(5)
                .parse()
                .map_err(|_| bad(format!("lon: {:?} is not a number", f(5))))?,
            population: if f(6).is_empty() {
                None
            } else {
                Some(
                    f(6).parse()
                        .map_err(|_| bad(format!("population: {:?}", f(6))))?,
                )
            },
            wikidata: None,
            geonames: None,
            capacity: None,
            sources: vec![],
            aliases: vec![],
        };
        city.validate().map_err(|e| bad(e.to_string()))?;
        out.push(Record::City(city));
    }

    let (file, mut rdr) = csv_rows(dir, "networks.csv")?;
    let ix = header_index(
        &mut rdr,
        &file,
        &["id", "name", "kind", "region", "founded"],
    )?;
    for (i, row) in rdr.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| err(&file, line, e.to_string()))?;
        let f = |k: usize| row.get(ix[k]).unwrap_or("");
        let bad = |m: String| err(&file, line, m);
        let region = if f(3).is_empty() {
            None
        } else {
            Some(f(3).parse::<Region>().map_err(|e| bad(e.to_string()))?)
        };
        let network = Network {
            id: NetworkId::new(f(0)).map_err(|e| bad(e.to_string()))?,
            name: f(1).to_owned(),
            founded: opt_year(f(4), &file, line, "founded")?,
            scope: Some(if f(2) == "regional" {
                Scope::Regional
            } else {
                Scope::Global
            }),
            region,
            focus: vec![],
            secretariat: None,
            website: None,
            sources: vec![],
        };
        network.validate().map_err(|e| bad(e.to_string()))?;
        out.push(Record::Network(network));
    }

    let (file, mut rdr) = csv_rows(dir, "memberships.csv")?;
    let ix = header_index(&mut rdr, &file, &["city", "network", "joined", "left"])?;
    for (i, row) in rdr.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| err(&file, line, e.to_string()))?;
        let f = |k: usize| row.get(ix[k]).unwrap_or("");
        let bad = |m: String| err(&file, line, m);
        let city = CityId::new(f(0)).map_err(|e| bad(e.to_string()))?;
        let network = NetworkId::new(f(1)).map_err(|e| bad(e.to_string()))?;
        let m = Membership {
            id: MembershipId::conventional(&network, &city),
            city,
            network,
            joined: opt_year(f(2), &file, line, "joined")?,
            left: opt_year(f(3), &file, line, "left")?,
            observed: vec![],
            absent: vec![],
            role: None,
            sources: vec![],
        };
        m.validate().map_err(|e| bad(e.to_string()))?;
        out.push(Record::Membership(m));
    }

    let (file, mut rdr) = csv_rows(dir, "partnerships.csv")?;
    let ix = header_index(&mut rdr, &file, &["a", "b", "established", "lapsed"])?;
    for (i, row) in rdr.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| err(&file, line, e.to_string()))?;
        let f = |k: usize| row.get(ix[k]).unwrap_or("");
        let bad = |m: String| err(&file, line, m);
        let a = CityId::new(f(0)).map_err(|e| bad(e.to_string()))?;
        let b = CityId::new(f(1)).map_err(|e| bad(e.to_string()))?;
        let mut events = Vec::with_capacity(2);
        for (k, kind) in [(2, EventType::Established), (3, EventType::Lapsed)] {
            if let Some(date) = opt_year(
                f(k),
                &file,
                line,
                if k == 2 { "established" } else { "lapsed" },
            )? {
                events.push(Event {
                    id: None,
                    kind,
                    date,
                    reason: None,
                    initiated_by: None,
                    sources: vec![],
                    note: None,
                });
            }
        }
        let mut p = Partnership {
            id: Partnership::default_id(&a, &b, PartnershipKind::SisterCity),
            cities: [a, b],
            kind: PartnershipKind::SisterCity,
            events,
            sources: vec![],
            note: None,
        };
        p.assign_event_ids();
        p.validate().map_err(|e| bad(e.to_string()))?;
        out.push(Record::Partnership(p));
    }
    Ok(out)
}

/// Sorts records into load order (stable: file order within a kind).
pub fn sort_for_loading(records: &mut [Record]) {
    records.sort_by_key(Record::rank);
}

/// Builds a snapshot (version 0) from records, checking every reference.
pub fn snapshot_from_records(mut records: Vec<Record>) -> Result<Snapshot, ReadError> {
    sort_for_loading(&mut records);
    let changes: Vec<Change> = records.into_iter().map(Record::into_change).collect();
    Snapshot::default()
        .with_changes(&changes)
        .map(|(s, _)| s)
        .map_err(|(i, e)| {
            let (kind, id) = changes[i].target();
            err("records", 0, format!("{kind} {id}: {e}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_lines_round_trip() {
        let lines = [
            r#"{"type":"city","id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":48.8566,"lon":2.3522}"#,
            r#"{"type":"network","id":"c40","name":"C40 Cities","founded":"2005"}"#,
            r#"{"type":"membership","id":"c40--fr-paris","city":"fr-paris","network":"c40","joined":"2005"}"#,
            r#"{"type":"partnership","id":"fr-paris--it-rome","cities":["fr-paris","it-rome"],"kind":"sister_city","events":[{"type":"established","date":"1956-01-30","sources":["x"]}]}"#,
        ];
        for l in lines {
            let r = parse_line(l).unwrap().unwrap();
            assert_eq!(r.to_line(), l);
        }
    }

    #[test]
    fn bad_lines_name_their_line() {
        let input = "\n{\"type\":\"city\",\"id\":\"fr-paris\",\"name\":\"Paris\",\"country\":\"FR\",\"region\":\"europe\",\"lat\":1,\"lon\":2}\n{\"type\":\"city\",\"id\":\"Bad Id\"}\n";
        let e = read_ndjson(input.as_bytes(), "x.ndjson").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("x.ndjson:3: "), "{e}");
        let e = parse_line(r#"{"type":"planet","id":"x"}"#).unwrap_err();
        assert!(e.contains("unknown variant"), "{e}");
        let e = parse_line(r#"{"type":"network","id":"c40","name":"C40","foundd":"2005"}"#)
            .unwrap_err();
        assert!(e.contains("unknown field"), "{e}");
    }

    #[test]
    fn reads_the_gen_graph_layout() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("cities.csv"), "id,name,country,region,subregion,lat,lon,population\nc1,City-1,FR,europe,Western Europe,48.1,2.2,50000\nc2,City-2,DE,europe,Western Europe,50.0,8.0,60000\n").unwrap();
        std::fs::write(dir.path().join("networks.csv"), "id,name,kind,region,founded\nn0,GlobalNet-0,global,,1990\nn1,RegionalNet-1,regional,europe,2001\n").unwrap();
        std::fs::write(
            dir.path().join("memberships.csv"),
            "city,network,joined,left\nc1,n0,1995,\nc2,n1,2002,2010\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("partnerships.csv"),
            "a,b,established,lapsed\nc2,c1,1960,1999\n",
        )
        .unwrap();
        let snap = snapshot_from_records(read_gen_graph_dir(dir.path()).unwrap()).unwrap();
        assert_eq!(
            (
                snap.cities.len(),
                snap.networks.len(),
                snap.memberships.len(),
                snap.partnerships.len()
            ),
            (2, 2, 2, 1)
        );
        let p = snap.partnership("c1--c2").unwrap();
        assert_eq!(p.status_now(), citygraph_core::Status::Lapsed);
        std::fs::write(
            dir.path().join("partnerships.csv"),
            "a,b,established,lapsed\nc2,c1,1960,1999\nc1,c1,1960,\n",
        )
        .unwrap();
        let e = read_gen_graph_dir(dir.path()).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("itself"), "{e}");
    }
}
