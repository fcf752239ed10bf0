//! Exports of a fixture snapshot, read back with the format crates.

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use citygraph_core::{Day, Region};
use citygraph_interchange::export::{
    active_spells, export, split_at_antimeridian, write_csv_zip, write_edges_csv, write_geojson,
    write_gexf, write_graphml, write_ndjson, write_ndjson_all, write_nodes_csv, ExportFormat,
    ExportOptions, Projection, StatusFilter,
};
use citygraph_interchange::read::{read_ndjson, snapshot_from_records};
use common::{day, filter_on, fixture, SPECIAL_NAME};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use serde_json::Value;

fn geojson_of(opts: &ExportOptions) -> Value {
    let mut out = Vec::new();
    write_geojson(&fixture(), opts, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn feature<'a>(fc: &'a Value, id: &str) -> &'a Value {
    fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no feature {id}"))
}

fn lon_span(part: &[Value]) -> f64 {
    let lons: Vec<f64> = part.iter().map(|p| p[0].as_f64().unwrap()).collect();
    lons.iter().cloned().fold(f64::MIN, f64::max) - lons.iter().cloned().fold(f64::MAX, f64::min)
}

#[test]
fn taipei_to_los_angeles_is_split_at_the_antimeridian() {
    let fc = geojson_of(&ExportOptions::new(filter_on("2024")));
    assert_eq!(fc["type"], "FeatureCollection");
    let f = feature(&fc, "tw-taipei--us-los-angeles");
    assert_eq!(f["type"], "Feature");
    let g = &f["geometry"];
    assert_eq!(g["type"], "MultiLineString", "{g}");
    let parts = g["coordinates"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    for part in parts {
        let part = part.as_array().unwrap();
        assert!(
            lon_span(part) <= 180.0,
            "part spans more than 180 degrees: {part:?}"
        );
    }
    // Longitude first; from Taipei eastwards to +180, then from -180 to Los Angeles.
    assert_eq!(parts[0][0], serde_json::json!([121.5654, 25.033]));
    assert_eq!(parts[0][1][0], 180.0);
    assert_eq!(parts[1][0][0], -180.0);
    assert_eq!(
        parts[0][1][1], parts[1][0][1],
        "both parts meet at the same latitude"
    );
    let lat = parts[0][1][1].as_f64().unwrap();
    assert!(lat > 25.033 && lat < 34.0522, "interpolated latitude {lat}");
    assert_eq!(parts[1][1], serde_json::json!([-118.2437, 34.0522]));
    // A line that does not cross stays a LineString, and cities are Points at [lon, lat].
    assert_eq!(
        feature(&fc, "fr-paris--it-rome")["geometry"]["type"],
        "LineString"
    );
    assert_eq!(
        feature(&fc, "fr-paris")["geometry"],
        serde_json::json!({"type": "Point", "coordinates": [2.3522, 48.8566]})
    );
    let auckland = feature(&fc, "nz-auckland--us-honolulu");
    assert_eq!(auckland["geometry"]["type"], "MultiLineString");
    assert_eq!(auckland["properties"]["status"], "suspended");
}

#[test]
fn antimeridian_split_keeps_every_part_within_180_degrees() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut crossings = 0;
    for i in 0..20_000 {
        let mut point = || {
            let r = next();
            let lon = if i % 50 == 0 {
                [180.0, -180.0][(r * 2.0) as usize % 2]
            } else {
                r * 360.0 - 180.0
            };
            [lon, next() * 180.0 - 90.0]
        };
        let (a, b) = (point(), point());
        let parts = split_at_antimeridian(a, b);
        for p in &parts {
            let span = (p[0][0] - p[1][0]).abs();
            assert!(span <= 180.0, "{a:?} -> {b:?}: part {p:?} spans {span}");
            assert!(p
                .iter()
                .all(|q| (-180.0..=180.0).contains(&q[0]) && (-90.0..=90.0).contains(&q[1])));
        }
        assert_eq!(parts[0][0][1], a[1]);
        assert_eq!(parts.last().unwrap().last().unwrap()[1], b[1]);
        if parts.len() == 2 {
            crossings += 1;
            assert_eq!(
                parts[0][1][0], -parts[1][0][0],
                "parts meet on the antimeridian"
            );
            assert_eq!(parts[0][1][1], parts[1][0][1]);
            assert!(parts[0][1][0].abs() == 180.0);
        }
    }
    assert!(
        crossings > 1000,
        "the sample should cross often, crossed {crossings} times"
    );
    // Exactly on the antimeridian: no split, no degenerate part.
    assert_eq!(
        split_at_antimeridian([180.0, 10.0], [-170.0, 20.0]),
        vec![vec![[-180.0, 10.0], [-170.0, 20.0]]]
    );
}

/// Every attribute value (normalised as a conforming parser does) and every element text (with
/// entity and character references resolved), decoded.
fn xml_strings(doc: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_reader(doc);
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).unwrap();
        match &event {
            Event::Text(t) => text
                .get_or_insert_with(String::new)
                .push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.xml10_content().as_ref() {
                    "amp" => "&".to_owned(),
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "quot" => "\"".to_owned(),
                    "apos" => "'".to_owned(),
                    other => r
                        .resolve_char_ref()
                        .unwrap()
                        .map(String::from)
                        .unwrap_or_else(|| panic!("entity {other}")),
                };
                text.get_or_insert_with(String::new).push_str(&resolved);
            }
            _ => out.extend(text.take()),
        }
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    out.push(
                        a.unwrap()
                            .normalized_value(XmlVersion::Explicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

#[test]
fn xml_exports_escape_names_and_read_back_intact() {
    let snap = fixture();
    let opts = ExportOptions::new(filter_on("2024"));
    let mut graphml = Vec::new();
    write_graphml(&snap, &opts, &mut graphml).unwrap();
    let text = String::from_utf8(graphml.clone()).unwrap();
    assert!(!text.contains("<Co>"), "raw markup in the document");
    assert!(
        text.contains("Saint &quot;Q&quot; &amp; &lt;Co&gt;, &apos;A&apos;"),
        "{text}"
    );
    assert!(
        xml_strings(&graphml).iter().any(|s| s == SPECIAL_NAME),
        "name lost in GraphML text"
    );

    let mut gexf = Vec::new();
    write_gexf(&snap, &opts, &mut gexf).unwrap();
    let text = String::from_utf8(gexf.clone()).unwrap();
    assert!(!text.contains("<Co>"));
    // In attribute values the line break is a character reference, so parsers keep it.
    assert!(
        text.contains("&lt;Co&gt;, &apos;A&apos;&#10;New line"),
        "{text}"
    );
    assert!(
        xml_strings(&gexf).iter().any(|s| s == SPECIAL_NAME),
        "name lost in GEXF label"
    );

    // Bipartite: a network name with markup characters too.
    let mut bi = Vec::new();
    write_graphml(
        &snap,
        &opts.clone().with_projection(Projection::Bipartite),
        &mut bi,
    )
    .unwrap();
    assert!(xml_strings(&bi).iter().any(|s| s == "ICLEI & <Local>"));
}

#[test]
fn xml_drops_characters_xml_cannot_carry() {
    let line = r#"{"type":"city","id":"xx-ctrl","name":"Bell\u0007City","country":"FR","region":"europe","lat":1.0,"lon":2.0}"#;
    let records = read_ndjson(line.as_bytes(), "x")
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    let snap = snapshot_from_records(records).unwrap();
    let mut out = Vec::new();
    write_gexf(&snap, &ExportOptions::new(filter_on("2024")), &mut out).unwrap();
    let strings = xml_strings(&out);
    assert!(
        strings.iter().any(|s| s == "Bell\u{FFFD}City"),
        "{strings:?}"
    );
}

#[test]
fn xml_keeps_carriage_returns_in_names() {
    let line = r#"{"type":"city","id":"xx-crlf","name":"Two\r\nLines","country":"FR","region":"europe","lat":1.0,"lon":2.0}"#;
    let records = read_ndjson(line.as_bytes(), "x")
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    let snap = snapshot_from_records(records).unwrap();
    for format in [ExportFormat::GraphMl, ExportFormat::Gexf] {
        let mut out = Vec::new();
        export(
            &snap,
            &ExportOptions::new(filter_on("2024")),
            format,
            &mut out,
        )
        .unwrap();
        let strings = xml_strings(&out);
        assert!(
            strings.iter().any(|s| s == "Two\r\nLines"),
            "{format}: {strings:?}"
        );
    }
}

#[test]
fn a_network_restriction_keeps_its_members_on_as_of() {
    let snap = fixture();
    let mut f = filter_on("2024");
    f.network = Some("c40".parse().unwrap());
    let mut nodes = Vec::new();
    assert_eq!(
        write_nodes_csv(&snap, &ExportOptions::new(f.clone()), &mut nodes).unwrap(),
        1,
        "Los Angeles left in 2020"
    );
    assert!(String::from_utf8(nodes)
        .unwrap()
        .contains("\r\nfr-paris,Paris,"));
    f.as_of = day("2019");
    let mut nodes = Vec::new();
    assert_eq!(
        write_nodes_csv(&snap, &ExportOptions::new(f.clone()), &mut nodes).unwrap(),
        2
    );
    // Paris and Los Angeles share no link, so there is no edge.
    assert!(edge_ids_csv(&snap, &ExportOptions::new(f)).is_empty());
}

fn edge_ids_csv(
    snap: &citygraph_core::Snapshot,
    opts: &ExportOptions,
) -> BTreeMap<String, csv::StringRecord> {
    let mut out = Vec::new();
    write_edges_csv(snap, opts, &mut out).unwrap();
    let mut rdr = csv::Reader::from_reader(out.as_slice());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "source",
            "target",
            "kind",
            "status",
            "established",
            "ended"
        ]
    );
    rdr.records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_owned(), r))
        .collect()
}

#[test]
fn a_link_is_exported_before_its_termination_and_not_after() {
    let snap = fixture();
    let id = "fr-paris--us-chicago--friendship-city";
    let before = ExportOptions::new(filter_on("2010-06-14"));
    let after = ExportOptions::new(filter_on("2010-06-15"));
    let rows = edge_ids_csv(&snap, &before);
    assert_eq!(&rows[id][4], "active");
    assert_eq!(&rows[id][5], "1996");
    assert_eq!(&rows[id][6], "");
    assert!(!edge_ids_csv(&snap, &after).contains_key(id));
    // Not yet established: absent too.
    assert!(!edge_ids_csv(&snap, &ExportOptions::new(filter_on("1995-12-31"))).contains_key(id));

    // Every format agrees.
    for format in [
        ExportFormat::GeoJson,
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::Ndjson,
    ] {
        let mut b = Vec::new();
        export(&snap, &before, format, &mut b).unwrap();
        let mut a = Vec::new();
        export(&snap, &after, format, &mut a).unwrap();
        let needle = format!("\"{id}\"");
        assert!(
            String::from_utf8(b).unwrap().contains(&needle),
            "{format} before"
        );
        assert!(
            !String::from_utf8(a).unwrap().contains(&needle),
            "{format} after"
        );
    }

    // Keeping ended links shows it with its end date.
    let all = edge_ids_csv(&snap, &after.clone().with_status(StatusFilter::All));
    assert_eq!(&all[id][4], "terminated");
    assert_eq!(&all[id][6], "2010-06-15");
    let ended = edge_ids_csv(&snap, &after.clone().with_status(StatusFilter::Ended));
    assert_eq!(
        ended.keys().collect::<Vec<_>>(),
        ["fr-paris--tw-taipei", id]
    );
}

#[test]
fn status_and_kind_restrictions_select_links() {
    let snap = fixture();
    let on = |s: StatusFilter| {
        edge_ids_csv(&snap, &ExportOptions::new(filter_on("2024")).with_status(s))
    };
    let in_force = on(StatusFilter::InForce);
    assert_eq!(
        in_force.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "fr-paris--it-rome",
            "gb-special--us-chicago",
            "it-rome--us-chicago--cooperation-agreement",
            "nz-auckland--us-honolulu",
            "tw-taipei--us-los-angeles"
        ]
    );
    assert_eq!(
        on(StatusFilter::Suspended).keys().collect::<Vec<_>>(),
        ["nz-auckland--us-honolulu"]
    );
    assert_eq!(on(StatusFilter::Active).len(), 4);
    assert_eq!(on(StatusFilter::All).len(), 7);
    // The undated link exists on any day, with no establishment date.
    assert_eq!(
        &in_force["it-rome--us-chicago--cooperation-agreement"][5],
        ""
    );
    // While suspended, the Chicago link says so.
    let mid = edge_ids_csv(&snap, &ExportOptions::new(filter_on("2006")));
    assert_eq!(&mid["gb-special--us-chicago"][4], "suspended");

    let mut f = filter_on("2024");
    f.kind = Some(citygraph_core::PartnershipKind::CooperationAgreement);
    assert_eq!(edge_ids_csv(&snap, &ExportOptions::new(f)).len(), 1);
    let mut f = filter_on("2024");
    f.region = Some(Region::Europe);
    let europe = edge_ids_csv(&snap, &ExportOptions::new(f.clone()));
    assert_eq!(europe.keys().collect::<Vec<_>>(), ["fr-paris--it-rome"]);
    let mut nodes = Vec::new();
    let n = write_nodes_csv(&snap, &ExportOptions::new(f), &mut nodes).unwrap();
    assert_eq!(n, 3, "Paris, Rome and the special city");
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let snap = fixture();
    let opts = ExportOptions::new(filter_on("2024"));
    let mut out = Vec::new();
    let n = write_nodes_csv(&snap, &opts, &mut out).unwrap();
    assert_eq!(n, 8);
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(
        text.starts_with("id,name,country,region,lat,lon,population,wikidata\r\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "gb-special,\"Saint \"\"Q\"\" & <Co>, 'A'\nNew line\",GB,europe,51.5,-0.12,,\r\n"
        ),
        "{text}"
    );
    assert_eq!(
        text.matches("\r\n").count(),
        9,
        "header and eight rows, CRLF-terminated"
    );
    let mut rdr = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 8);
    let special = rows.iter().find(|r| &r[0] == "gb-special").unwrap();
    assert_eq!(&special[1], SPECIAL_NAME);
    let taipei = rows.iter().find(|r| &r[0] == "tw-taipei").unwrap();
    assert_eq!(
        taipei.iter().collect::<Vec<_>>(),
        [
            "tw-taipei",
            "Taipei",
            "TW",
            "asia-pacific",
            "25.033",
            "121.5654",
            "2646204",
            "Q1867"
        ]
    );
}

#[test]
fn the_zip_holds_the_two_csv_files() {
    let snap = fixture();
    let opts = ExportOptions::new(filter_on("2024"));
    let mut zip = Vec::new();
    let summary = write_csv_zip(&snap, &opts, &mut zip).unwrap();
    assert_eq!((summary.nodes, summary.edges), (8, 5));
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    assert_eq!(archive.len(), 2);
    let mut nodes = Vec::new();
    write_nodes_csv(&snap, &opts, &mut nodes).unwrap();
    let mut edges = Vec::new();
    write_edges_csv(&snap, &opts, &mut edges).unwrap();
    for (name, expect) in [("nodes.csv", nodes), ("edges.csv", edges)] {
        let mut entry = archive.by_name(name).unwrap();
        let mut got = Vec::new();
        entry.read_to_end(&mut got).unwrap();
        assert_eq!(got, expect, "{name}");
    }
}

#[test]
fn ndjson_export_of_everything_reimports_to_the_same_snapshot() {
    let snap = fixture();
    let mut out = Vec::new();
    let summary = write_ndjson_all(&snap, &mut out).unwrap();
    assert_eq!((summary.nodes, summary.edges), (10, 11));
    let records = read_ndjson(out.as_slice(), "export")
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    let again = snapshot_from_records(records).unwrap();
    assert_eq!(again.cities, snap.cities);
    assert_eq!(again.networks, snap.networks);
    assert_eq!(again.memberships, snap.memberships);
    assert_eq!(again.partnerships, snap.partnerships);
    assert_eq!(again.links_of, snap.links_of);
    assert_eq!(again.memberships_of_city, snap.memberships_of_city);
    assert_eq!(again.members_of_network, snap.members_of_network);
    // And exporting the re-import gives the same bytes.
    let mut twice = Vec::new();
    write_ndjson_all(&again, &mut twice).unwrap();
    assert_eq!(out, twice);
}

#[test]
fn filtered_ndjson_imports_on_its_own() {
    let snap = fixture();
    let mut out = Vec::new();
    let summary = write_ndjson(&snap, &ExportOptions::new(filter_on("2024")), &mut out).unwrap();
    // 8 cities + iclei (c40 keeps Paris too); memberships in force: Paris c40, Taipei and Chicago iclei;
    // 5 links in force.
    assert_eq!((summary.nodes, summary.edges), (10, 8));
    let records = read_ndjson(out.as_slice(), "export")
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    let part = snapshot_from_records(records).unwrap();
    assert_eq!(part.partnerships.len(), 5);
    assert!(
        part.membership("c40--us-los-angeles").is_none(),
        "left in 2020"
    );
    assert!(
        part.partnership("fr-paris--tw-taipei").is_none(),
        "lapsed in 2000"
    );
}

#[test]
fn gexf_spells_follow_the_active_periods() {
    let snap = fixture();
    let p = snap.partnership("gb-special--us-chicago").unwrap();
    let spells = active_spells(&p.events);
    let d = |s: &str| Some(day(s));
    assert_eq!(spells.len(), 2);
    assert_eq!(
        (spells[0].start, spells[0].end),
        (d("2001-01-01"), d("2005-03-31"))
    );
    assert_eq!((spells[1].start, spells[1].end), (d("2007-09-01"), None));
    let undated = active_spells(
        &snap
            .partnership("it-rome--us-chicago--cooperation-agreement")
            .unwrap()
            .events,
    );
    assert_eq!((undated[0].start, undated[0].end), (None, None));
    let lapsed = active_spells(&snap.partnership("fr-paris--tw-taipei").unwrap().events);
    assert_eq!(
        (lapsed[0].start, lapsed[0].end),
        (d("1990"), d("1999-12-31"))
    );

    let mut out = Vec::new();
    write_gexf(&snap, &ExportOptions::new(filter_on("2024")), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#),
        "{text}"
    );
    assert!(text.contains(r#"version="1.3""#));
    assert!(text.contains(r#"mode="dynamic""#) && text.contains(r#"timeformat="date""#));
    assert!(
        text.contains(r#"<spell start="2001-01-01" end="2005-03-31"/>"#),
        "{text}"
    );
    assert!(text.contains(r#"<spell start="2007-09-01"/>"#));
    assert!(text.contains(r#"<attribute id="lat" title="lat" type="double"/>"#));
    assert!(text.contains(r#"<attribute id="population" title="population" type="long"/>"#));
}

#[test]
fn graphml_declares_typed_keys() {
    let mut out = Vec::new();
    let s = write_graphml(&fixture(), &ExportOptions::new(filter_on("2024")), &mut out).unwrap();
    assert_eq!((s.nodes, s.edges), (8, 5));
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(r#"<key id="n_lat" for="node" attr.name="lat" attr.type="double"/>"#),
        "{text}"
    );
    assert!(text.contains(
        r#"<key id="n_population" for="node" attr.name="population" attr.type="long"/>"#
    ));
    assert!(text.contains(r#"<key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>"#));
    assert!(text.contains(r#"<graph id="citygraph" edgedefault="undirected">"#));
    assert!(
        text.contains(r#"<data key="n_name">Taipei</data>"#),
        "{text}"
    );
    assert_eq!(text.matches("<node ").count(), 8);
    assert_eq!(text.matches("<edge ").count(), 5);
}

#[test]
fn bipartite_exports_cities_networks_and_memberships_in_force() {
    let snap = fixture();
    let opts = |on: &str| ExportOptions::new(filter_on(on)).with_projection(Projection::Bipartite);
    let mut out = Vec::new();
    let s = write_edges_csv(&snap, &opts("2024"), &mut out).unwrap();
    assert_eq!(s, 3);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("id,source,target,kind,status,established,ended,role\r\n"));
    assert!(
        text.contains(
            "c40--fr-paris,city:fr-paris,network:c40,membership,active,2005,,steering\r\n"
        ),
        "{text}"
    );
    assert!(!text.contains("c40--us-los-angeles"));
    let mut out = Vec::new();
    assert_eq!(write_edges_csv(&snap, &opts("2019"), &mut out).unwrap(), 4);

    let mut nodes = Vec::new();
    assert_eq!(
        write_nodes_csv(&snap, &opts("2024"), &mut nodes).unwrap(),
        10
    );
    let text = String::from_utf8(nodes).unwrap();
    assert!(
        text.contains("network:iclei,network,ICLEI & <Local>,,,,,,,global,1990\r\n"),
        "{text}"
    );
    // Before Taipei was first observed in ICLEI (2015) and Chicago joined (1995), no ICLEI node.
    let mut nodes = Vec::new();
    assert_eq!(
        write_nodes_csv(&snap, &opts("1994"), &mut nodes).unwrap(),
        8
    );

    let fc: Value = {
        let mut out = Vec::new();
        write_geojson(&snap, &opts("2024"), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    };
    let iclei = feature(&fc, "network:iclei");
    assert_eq!(
        iclei["geometry"],
        serde_json::json!({"type": "Point", "coordinates": [2.3522, 48.8566]}),
        "at its secretariat"
    );
    assert_eq!(
        feature(&fc, "network:c40")["geometry"],
        Value::Null,
        "secretariat not loaded"
    );
    let taipei_iclei = feature(&fc, "iclei--tw-taipei");
    assert_eq!(taipei_iclei["geometry"]["type"], "LineString");
    assert_eq!(taipei_iclei["properties"]["established"], "2015");
}

#[test]
fn formats_parse_and_name_their_media_types() {
    for f in ExportFormat::ALL {
        assert_eq!(f.as_str().parse::<ExportFormat>().unwrap(), f);
        assert!(!f.media_type().is_empty() && !f.file_name().is_empty());
    }
    assert_eq!("zip".parse::<ExportFormat>().unwrap(), ExportFormat::CsvZip);
    assert_eq!(ExportFormat::GeoJson.media_type(), "application/geo+json");
    let e = "svg".parse::<ExportFormat>().unwrap_err();
    assert!(
        e.to_string().contains("unknown export format \"svg\""),
        "{e}"
    );
    for s in StatusFilter::ALL {
        assert_eq!(s.as_str().parse::<StatusFilter>().unwrap(), s);
    }
    assert_eq!(
        "bipartite".parse::<Projection>().unwrap(),
        Projection::Bipartite
    );
    assert!("lapsed".parse::<StatusFilter>().is_err());
}

#[test]
fn an_export_summary_counts_what_was_written() {
    let snap = fixture();
    let opts = ExportOptions::new(filter_on("2024"));
    for format in ExportFormat::ALL {
        let mut out = Vec::new();
        let s = export(&snap, &opts, format, &mut out).unwrap();
        let expect = match format {
            ExportFormat::NodesCsv => (8, 0),
            ExportFormat::EdgesCsv => (0, 5),
            ExportFormat::Ndjson => (10, 8),
            _ => (8, 5),
        };
        assert_eq!((s.nodes, s.edges), expect, "{format}");
    }
}

#[test]
fn a_failing_writer_is_an_error_not_a_short_file() {
    struct Full(usize);
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let opts = ExportOptions::new(
        Day::new(2024, 1, 1)
            .map(citygraph_core::algo::filter::Filter::on)
            .unwrap(),
    );
    for format in ExportFormat::ALL {
        let err = export(&fixture(), &opts, format, &mut Full(100)).unwrap_err();
        assert!(err.to_string().contains("disk full"), "{format}: {err}");
    }
}

#[test]
#[ignore = "prints every format of the fixture for inspection"]
fn print_fixture_exports() {
    let opts = ExportOptions::new(filter_on("2024"));
    for format in ExportFormat::ALL {
        let mut out = Vec::new();
        export(&fixture(), &opts, format, &mut out).unwrap();
        println!("==== {format}\n{}", String::from_utf8_lossy(&out));
    }
}
