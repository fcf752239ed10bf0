//! A small snapshot with the cases the exports must get right: lines across the antimeridian,
//! names that need escaping or quoting, suspended, resumed, lapsed, terminated and undated links,
//! and memberships that start and end.

#![allow(dead_code)] // reason: each test binary uses a different part of this module

use citygraph_core::algo::filter::Filter;
use citygraph_core::{Day, Snapshot};
use citygraph_interchange::read::{read_ndjson, snapshot_from_records};

/// A city name with every character XML escapes, a CSV field separator, quotes and a line break.
pub const SPECIAL_NAME: &str = "Saint \"Q\" & <Co>, 'A'\nNew line";

pub const FIXTURE: &str = r#"
{"type":"city","id":"tw-taipei","name":"Taipei","country":"TW","region":"asia-pacific","lat":25.033,"lon":121.5654,"population":2646204,"wikidata":"Q1867"}
{"type":"city","id":"us-los-angeles","name":"Los Angeles","country":"US","region":"north-america","lat":34.0522,"lon":-118.2437,"population":3898747,"wikidata":"Q65"}
{"type":"city","id":"fr-paris","name":"Paris","country":"FR","region":"europe","lat":48.8566,"lon":2.3522,"population":2102650,"wikidata":"Q90"}
{"type":"city","id":"it-rome","name":"Rome","country":"IT","region":"europe","lat":41.8933,"lon":12.4829}
{"type":"city","id":"us-chicago","name":"Chicago","country":"US","region":"north-america","lat":41.8781,"lon":-87.6298,"population":2746388}
{"type":"city","id":"gb-special","name":"Saint \"Q\" & <Co>, 'A'\nNew line","country":"GB","region":"europe","lat":51.5,"lon":-0.12}
{"type":"city","id":"nz-auckland","name":"Auckland","country":"NZ","region":"asia-pacific","lat":-36.8485,"lon":174.7633}
{"type":"city","id":"us-honolulu","name":"Honolulu","country":"US","region":"north-america","lat":21.3099,"lon":-157.8581}
{"type":"network","id":"c40","name":"C40 Cities","founded":"2005","scope":"global","secretariat":"gb-london"}
{"type":"network","id":"iclei","name":"ICLEI & <Local>","founded":"1990","scope":"global","secretariat":"fr-paris"}
{"type":"membership","city":"fr-paris","network":"c40","joined":"2005","role":"steering"}
{"type":"membership","city":"us-los-angeles","network":"c40","joined":"2006","left":"2020-03"}
{"type":"membership","city":"tw-taipei","network":"iclei","observed":["2015"]}
{"type":"membership","city":"us-chicago","network":"iclei","joined":"1995"}
{"type":"partnership","cities":["tw-taipei","us-los-angeles"],"kind":"sister_city","events":[{"type":"established","date":"1979-03-20"}]}
{"type":"partnership","cities":["fr-paris","it-rome"],"kind":"sister_city","events":[{"type":"established","date":"1956-01-30","sources":["https://example.org/paris-rome"]}]}
{"type":"partnership","cities":["fr-paris","us-chicago"],"kind":"friendship_city","events":[{"type":"established","date":"1996"},{"type":"terminated","date":"2010-06-15","reason":"not renewed"}]}
{"type":"partnership","cities":["us-chicago","gb-special"],"kind":"sister_city","events":[{"type":"established","date":"2001"},{"type":"suspended","date":"2005-04"},{"type":"resumed","date":"2007-09-01"}]}
{"type":"partnership","cities":["it-rome","us-chicago"],"kind":"cooperation_agreement","events":[]}
{"type":"partnership","cities":["tw-taipei","fr-paris"],"kind":"sister_city","events":[{"type":"established","date":"1990"},{"type":"lapsed","date":"2000"}]}
{"type":"partnership","cities":["nz-auckland","us-honolulu"],"kind":"sister_city","events":[{"type":"established","date":"1998"},{"type":"suspended","date":"2022-01-10"}]}
"#;

/// The fixture as a snapshot.
pub fn fixture() -> Snapshot {
    let records = read_ndjson(FIXTURE.as_bytes(), "fixture")
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    snapshot_from_records(records).unwrap()
}

pub fn day(s: &str) -> Day {
    s.parse::<citygraph_core::PartialDate>()
        .unwrap()
        .first_day()
}

pub fn filter_on(s: &str) -> Filter {
    Filter::on(day(s))
}
