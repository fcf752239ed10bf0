//! `citygraph analytics QUERY ...`: one analytics query on the data folder, through the same
//! service function and the same parameter parsing as the HTTP route, printed as JSON or CSV.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use citygraph_service::analytics::request::{Query, QueryName};
use citygraph_service::{Cancel, Service};
use serde_json::{Map, Value};

/// How the answer is printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// Parses `[CITY] --name value ...` into the query's parameters, the output format and a timeout.
fn parse_args(
    name: QueryName,
    args: &[String],
) -> Result<(Map<String, Value>, Format, Option<Duration>)> {
    let mut params = Map::new();
    let mut format = Format::Json;
    let mut timeout = None;
    let mut i = 0;
    if name.takes_city_id() {
        match args.first() {
            Some(id) if !id.starts_with("--") => {
                params.insert("id".into(), Value::String(id.clone()));
                i = 1;
            }
            _ => {}
        }
    }
    while i < args.len() {
        let Some(flag) = args[i].strip_prefix("--") else {
            bail!(
                "unexpected argument {:?}: parameters are --name value",
                args[i]
            );
        };
        let (key, inline) = match flag.split_once('=') {
            Some((k, v)) => (k, Some(v.to_owned())),
            None => (flag, None),
        };
        let value = match inline {
            Some(v) => v,
            None => match args.get(i + 1).filter(|v| !v.starts_with("--")) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => "true".to_owned(),
            },
        };
        i += 1;
        let key = key.replace('-', "_");
        match key.as_str() {
            "format" => {
                format = match value.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => bail!("--format {other}: expected json or csv"),
                }
            }
            "timeout" => {
                let s: f64 = value.parse().context("--timeout SECONDS")?;
                timeout = Some(
                    Duration::try_from_secs_f64(s)
                        .ok()
                        .filter(|d| !d.is_zero())
                        .context("--timeout: a positive number of seconds")?,
                );
            }
            _ => {
                params.insert(key, Value::String(value));
            }
        }
    }
    Ok((params, format, timeout))
}

/// A query read from the command line, checked before the data folder is opened.
pub struct Prepared {
    name: QueryName,
    query: Query,
    format: Format,
    timeout: Option<Duration>,
}

/// Reads and checks `QUERY [CITY] --param value ...` (as the HTTP route checks its parameters).
pub fn prepare(query: &str, args: &[String]) -> Result<Prepared> {
    let name: QueryName = query.parse()?;
    let (params, format, timeout) = parse_args(name, args)?;
    let query = Query::parse(name.as_str(), &params)?;
    Ok(Prepared {
        name,
        query,
        format,
        timeout,
    })
}

/// Runs the query and prints its answer on standard output; a progress bar on standard error when
/// it is a terminal.
pub fn run(svc: &Service, p: Prepared) -> Result<()> {
    let Prepared {
        name,
        query,
        format,
        timeout,
    } = p;
    let cancel = Cancel::new(timeout.map(|t| Instant::now() + t));
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(1000);
        b.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {percent}% ({eta})")
                .expect("static template")
                .progress_chars("=> "),
        );
        b.set_message(name.as_str());
        b
    });
    let done = std::sync::atomic::AtomicBool::new(false);
    let answer = std::thread::scope(|sc| {
        if let Some(b) = &bar {
            let (cancel, done) = (&cancel, &done);
            sc.spawn(move || {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    b.set_position((cancel.progress().fraction() * 1000.0) as u64);
                    std::thread::sleep(Duration::from_millis(100));
                }
            });
        }
        let out = svc.run_now(query, &cancel);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        out
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let answer = answer?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            out.write_all(&answer.bytes)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let value: Value = serde_json::from_slice(&answer.bytes)?;
            write_csv(&value, name.rows_field(), &mut out)?;
        }
    }
    out.flush()?;
    eprintln!(
        "{} computed on graph version {} in {:.3} s",
        name,
        answer.version,
        answer.cost.as_secs_f64()
    );
    Ok(())
}

/// Flattens an object's scalars into `prefix.key` columns (arrays as JSON text).
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        Value::Null => out.push((prefix.to_owned(), String::new())),
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

/// The table of an answer: one row per element of `field`; a row holding an array of objects (a
/// survival group's table, a series' points) is expanded into one row per element, the outer
/// columns repeated.
fn rows(answer: &Value, field: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    for item in answer[field].as_array().into_iter().flatten() {
        let inner = item.as_object().and_then(|o| {
            o.iter()
                .find(|(_, v)| v.as_array().is_some_and(|a| a.iter().all(Value::is_object)))
        });
        match inner {
            Some((key, Value::Array(list))) if !list.is_empty() => {
                let mut outer = item.clone();
                if let Some(o) = outer.as_object_mut() {
                    o.remove(key);
                }
                for x in list {
                    let mut row = Vec::new();
                    flatten("", &outer, &mut row);
                    flatten(key, x, &mut row);
                    out.push(row);
                }
            }
            _ => {
                let mut row = Vec::new();
                flatten("", item, &mut row);
                out.push(row);
            }
        }
    }
    out
}

fn write_csv(answer: &Value, field: &str, out: &mut impl Write) -> Result<()> {
    let table = rows(answer, field);
    let mut header: Vec<String> = Vec::new();
    for row in &table {
        for (k, _) in row {
            if !header.contains(k) {
                header.push(k.clone());
            }
        }
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&header)?;
    for row in &table {
        let record: Vec<&str> = header
            .iter()
            .map(|h| {
                row.iter()
                    .find(|(k, _)| k == h)
                    .map_or("", |(_, v)| v.as_str())
            })
            .collect();
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_become_the_routes_parameters() {
        let args: Vec<String> = [
            "--metric",
            "betweenness",
            "--as-of=2018-06-01",
            "--top",
            "20",
            "--normalized",
            "--format",
            "csv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (p, f, t) = parse_args(QueryName::Centrality, &args).unwrap();
        assert_eq!(p["metric"], "betweenness");
        assert_eq!(p["as_of"], "2018-06-01");
        assert_eq!(p["top"], "20");
        assert_eq!(p["normalized"], "true");
        assert!(f == Format::Csv && t.is_none());
        let (p, _, _) = parse_args(
            QueryName::Neighbourhood,
            &["fr-paris".into(), "--depth".into(), "3".into()],
        )
        .unwrap();
        assert_eq!(p["id"], "fr-paris");
        assert!(parse_args(QueryName::Lapses, &["stray".into()]).is_err());
    }

    #[test]
    fn nested_rows_are_expanded() {
        let v = serde_json::json!({"series": [
            {"group": "all", "points": [{"year": 2000, "value": 3}, {"year": 2001, "value": 4}]}
        ]});
        let r = rows(&v, "series");
        assert_eq!(r.len(), 2);
        // Columns follow the keys of the JSON object (whose order serde_json's features decide).
        let mut row = r[1].clone();
        row.sort();
        assert_eq!(
            row,
            vec![
                ("group".to_owned(), "all".to_owned()),
                ("points.value".to_owned(), "4".to_owned()),
                ("points.year".to_owned(), "2001".to_owned())
            ]
        );
    }
}
