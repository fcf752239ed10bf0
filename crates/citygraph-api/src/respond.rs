//! Helpers shared by handlers: parameters, versioned JSON responses, ETags.

use actix_web::body::MessageBody;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use citygraph_core::{CountryCode, Day, PartialDate, Region};
use citygraph_service::query;
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

/// Parses `as_of` (default: today) by the partial-date rule.
pub fn as_of(raw: Option<&str>) -> Result<Day, ApiError> {
    match raw {
        None | Some("") => Ok(Day::today()),
        Some(s) => s
            .parse::<PartialDate>()
            .map(PartialDate::first_day)
            .map_err(|e| {
                ApiError::http(
                    StatusCode::BAD_REQUEST,
                    "invalid_date",
                    format!("as_of: {e}"),
                )
            }),
    }
}

/// Parses an optional year bound (`from`/`to`).
pub fn year(name: &str, raw: Option<i32>) -> Result<Option<i32>, ApiError> {
    match raw {
        Some(y) if !(1..=9999).contains(&y) => Err(ApiError::http(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("{name}: {y} is not a year in 1..=9999"),
        )),
        other => Ok(other),
    }
}

pub fn limit(raw: Option<usize>) -> Result<usize, ApiError> {
    match raw {
        None => Ok(query::DEFAULT_LIMIT),
        Some(n) if (1..=query::MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::http(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("limit: {n} is not in 1..={}", query::MAX_LIMIT),
        )),
    }
}

/// The page of a sub-list (a city's partners and networks, a network's members): `None`, the
/// whole list, unless `limit` or `cursor` is given; then the size and cursor of one page.
pub fn sub_page(
    limit_raw: Option<usize>,
    cursor: Option<&str>,
) -> Result<Option<(usize, Option<String>)>, ApiError> {
    let cursor = cursor.filter(|c| !c.is_empty());
    if limit_raw.is_none() && cursor.is_none() {
        return Ok(None);
    }
    Ok(Some((limit(limit_raw)?, cursor.map(str::to_owned))))
}

/// The page of a sub-list that `limit` and `cursor` ask for ([`sub_page`]): the whole list when
/// neither is given, else one page in the list's order, `key` naming an item for the cursor.
pub fn sub_list_page<T>(
    items: Vec<T>,
    limit_raw: Option<usize>,
    cursor: Option<&str>,
    key: impl Fn(&T) -> &str,
) -> Result<query::Page<T>, ApiError> {
    Ok(match sub_page(limit_raw, cursor)? {
        None => query::Page { items, next: None },
        Some((limit, cursor)) => query::page_in_order(items, cursor.as_deref(), limit, key)?,
    })
}

pub fn country(raw: Option<&str>) -> Result<Option<CountryCode>, ApiError> {
    raw.filter(|s| !s.is_empty())
        .map(|s| {
            CountryCode::new(s).map_err(|e| {
                ApiError::http(StatusCode::BAD_REQUEST, "invalid_country", e.to_string())
            })
        })
        .transpose()
}

pub fn region(raw: Option<&str>) -> Result<Option<Region>, ApiError> {
    raw.filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<Region>().map_err(|e| {
                ApiError::http(StatusCode::BAD_REQUEST, "invalid_region", e.to_string())
            })
        })
        .transpose()
}

fn etag_for(version: u64, day: Option<Day>) -> String {
    match day {
        Some(d) => format!("\"v{version}-{d}\""),
        None => format!("\"v{version}\""),
    }
}

pub(crate) fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    req.headers().get_all(header::IF_NONE_MATCH).any(|v| {
        v.to_str().is_ok_and(|s| {
            s.split(',').any(|t| {
                let t = t.trim();
                t == "*" || t == etag || t.strip_prefix("W/") == Some(etag)
            })
        })
    })
}

/// The version named by a client's `If-None-Match` when its copy is still the answer: for an
/// analytics answer that depends on nothing written after `basis`, any copy computed at a version
/// `v` with `basis <= v <= current` (its ETag `"v{v}-{day}"`) is the current answer, whether or not
/// the cache still holds it.
pub fn fresh_copy(req: &HttpRequest, day: Option<Day>, basis: u64, current: u64) -> Option<u64> {
    let day = day.map(|d| d.to_string());
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|s| s.split(','))
        .filter_map(|t| {
            let t = t.trim();
            let t = t.strip_prefix("W/").unwrap_or(t);
            let t = t.strip_prefix('"')?.strip_suffix('"')?.strip_prefix('v')?;
            let (v, d) = match t.split_once('-') {
                Some((v, d)) => (v, Some(d)),
                None => (t, None),
            };
            (d == day.as_deref()).then_some(())?;
            v.parse::<u64>().ok()
        })
        .find(|v| (basis..=current).contains(v))
}

/// 304 for a copy computed at `version` (see [`fresh_copy`]).
pub fn not_modified_at(version: u64, day: Option<Day>) -> HttpResponse {
    HttpResponse::NotModified()
        .insert_header((header::ETAG, etag_for(version, day)))
        .insert_header(("X-Graph-Version", version))
        .finish()
}

/// A JSON answer that depends on the graph: carries `X-Graph-Version` and an ETag made of the
/// version (and the `as_of` day when the answer depends on time); answers 304 to a matching
/// `If-None-Match`. For analytics the version is the one the answer was computed on, which may be
/// below the current version when no write since touched what the answer reads.
pub fn graph_json<T: Serialize>(
    req: &HttpRequest,
    version: u64,
    day: Option<Day>,
    body: &T,
) -> HttpResponse {
    let bytes = serde_json::to_vec(body).expect("views serialize");
    graph_bytes(req, version, day, bytes)
}

/// As [`graph_json`], for a body already serialised (cached analytics).
pub fn graph_bytes(
    req: &HttpRequest,
    version: u64,
    day: Option<Day>,
    bytes: impl MessageBody + 'static,
) -> HttpResponse {
    let etag = etag_for(version, day);
    if not_modified(req, &etag) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header(("X-Graph-Version", version))
            .finish();
    }
    HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        ))
        .insert_header((header::ETAG, etag))
        .insert_header(("X-Graph-Version", version))
        .body(bytes)
}

/// A cheap read's answer (a city's partners or networks, a network's members, a partnership's
/// history) at `version` for `day`: from the read cache ([`crate::read_cache`]) when it holds the
/// request's target, else `compute`d and stored. Then as [`graph_bytes`].
pub fn cheap_read(
    st: &AppState,
    req: &HttpRequest,
    version: u64,
    day: Day,
    compute: impl FnOnce() -> Result<Vec<u8>, ApiError>,
) -> Result<HttpResponse, ApiError> {
    let target = req
        .uri()
        .path_and_query()
        .map_or(req.path(), |pq| pq.as_str());
    let bytes = match st.reads.get(version, day, target) {
        Some(bytes) => bytes,
        None => {
            let bytes = Bytes::from(compute()?);
            st.reads.put(version, day, target, bytes.clone());
            bytes
        }
    };
    Ok(graph_bytes(req, version, Some(day), bytes))
}

/// A JSON answer to a write: 200 or 201 with the new graph version.
pub fn written<T: Serialize>(status: StatusCode, version: u64, body: &T) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        ))
        .insert_header((header::ETAG, etag_for(version, None)))
        .insert_header(("X-Graph-Version", version))
        .body(serde_json::to_vec(body).expect("views serialize"))
}

/// Builds the URL of the next page from the current request's query, replacing the cursor.
pub fn next_link(req: &HttpRequest, cursor: Option<String>) -> Option<String> {
    let cursor = cursor?;
    let mut pairs: Vec<(String, String)> = url_pairs(req.query_string())
        .into_iter()
        .filter(|(k, _)| k != "cursor")
        .collect();
    pairs.push(("cursor".into(), cursor));
    let qs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    Some(format!("{}?{}", req.path(), qs.join("&")))
}

fn url_pairs(qs: &str) -> Vec<(String, String)> {
    serde_urlencoded_pairs(qs)
}

fn serde_urlencoded_pairs(qs: &str) -> Vec<(String, String)> {
    actix_web::web::Query::<Vec<(String, String)>>::from_query(qs)
        .map(|q| q.into_inner())
        .unwrap_or_default()
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
