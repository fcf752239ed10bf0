//! GeoJSON (RFC 7946): a FeatureCollection streamed one Feature at a time.
//!
//! - a city is a Point `[lon, lat]` with properties `entity` (`city`), `id`, `name`, `country`,
//!   `region`, `population`, `wikidata` (unknown values are `null`);
//! - a partnership is a LineString from its first city to its second with properties `entity`
//!   (`partnership`), `id`, `kind`, `status` (on `as_of`), `established`, `ended` (dates as
//!   strings or `null`), `source`, `target`, `source_name`, `target_name`. A line whose short way
//!   round crosses the antimeridian is split there into a MultiLineString (RFC 7946 §3.1.9, see
//!   [`split_at_antimeridian`]);
//! - bipartite: a network (properties `entity` = `network`, `id`, `name`, `region`, `scope`,
//!   `founded`, `secretariat`) is a Point at its secretariat city when that city is loaded, else a
//!   Feature with a `null` geometry; a membership is a LineString from the city to the network's
//!   secretariat (split the same way), or `null` when the network has no located secretariat.
//!
//! Feature ids are the node and edge ids of [`super::select::Selection`].

use std::io::Write;

use citygraph_core::model::City;
use citygraph_core::Snapshot;
use geojson::{Feature, FeatureWriter, Geometry, JsonObject, JsonValue};

use super::attrs::node_value;
use super::select::{EdgeRef, NodeRef, Selection};
use super::{buffered, finish, ExportError, ExportOptions, ExportSummary};

/// The geometry of the short way from `a` to `b` (`[lon, lat]` each), as one or two line parts.
///
/// When the two longitudes are more than 180 degrees apart, the short way crosses the
/// antimeridian: the segment is cut at ±180 with the latitude interpolated linearly along the
/// unwrapped segment, giving two parts, each within one hemisphere of longitude. An end that lies
/// on the antimeridian itself is taken on the side of the other end, so no part is degenerate.
/// No part ever spans more than 180 degrees of longitude.
pub fn split_at_antimeridian(a: [f64; 2], b: [f64; 2]) -> Vec<Vec<[f64; 2]>> {
    let (mut a, mut b) = (a, b);
    // An end on the antimeridian belongs to either side; put it on the other end's side.
    if a[0].abs() == 180.0 && b[0] != 0.0 {
        a[0] = 180.0_f64.copysign(b[0]);
    }
    if b[0].abs() == 180.0 && a[0] != 0.0 {
        b[0] = 180.0_f64.copysign(a[0]);
    }
    let delta = b[0] - a[0];
    if delta.abs() <= 180.0 {
        return vec![vec![a, b]];
    }
    // Unwrap b next to a, then cut where the unwrapped segment meets the antimeridian.
    let (edge, b_unwrapped) = if delta > 0.0 {
        (-180.0, b[0] - 360.0)
    } else {
        (180.0, b[0] + 360.0)
    };
    let t = (edge - a[0]) / (b_unwrapped - a[0]);
    let lat = a[1] + t * (b[1] - a[1]);
    vec![vec![a, [edge, lat]], vec![[-edge, lat], b]]
}

fn line_geometry(a: &City, b: &City) -> Geometry {
    let mut parts = split_at_antimeridian([a.lon, a.lat], [b.lon, b.lat]);
    if parts.len() == 1 {
        Geometry::new_line_string(parts.pop().expect("one part"))
    } else {
        Geometry::new_multi_line_string(parts)
    }
}

fn opt_str(v: Option<&str>) -> JsonValue {
    v.map_or(JsonValue::Null, |s| JsonValue::String(s.to_owned()))
}

fn feature(id: String, geometry: Option<Geometry>, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry,
        id: Some(geojson::feature::Id::String(id)),
        properties: Some(properties),
        foreign_members: None,
    }
}

fn node_feature(sel: &Selection<'_>, node: &NodeRef<'_>) -> Feature {
    let mut p = JsonObject::new();
    p.insert("entity".into(), node.type_name().into());
    p.insert("id".into(), node.raw_id().into());
    p.insert("name".into(), node.name().into());
    let geometry = match node {
        NodeRef::City(c) => {
            p.insert("country".into(), c.country.as_str().into());
            p.insert("region".into(), c.region.as_str().into());
            p.insert(
                "population".into(),
                c.population.map_or(JsonValue::Null, JsonValue::from),
            );
            p.insert("wikidata".into(), opt_str(c.wikidata.as_deref()));
            Some(Geometry::new_point([c.lon, c.lat]))
        }
        NodeRef::Network(n) => {
            p.insert("region".into(), opt_str(n.region.map(|r| r.as_str())));
            p.insert(
                "scope".into(),
                node_value(node, "scope")
                    .map_or(JsonValue::Null, |v| v.render().into_owned().into()),
            );
            p.insert(
                "founded".into(),
                n.founded.map_or(JsonValue::Null, |d| d.to_string().into()),
            );
            p.insert(
                "secretariat".into(),
                opt_str(n.secretariat.as_ref().map(|s| s.as_str())),
            );
            let seat = n
                .secretariat
                .as_ref()
                .and_then(|s| sel.snap.city(s.as_str()));
            seat.map(|c| Geometry::new_point([c.lon, c.lat]))
        }
    };
    feature(sel.node_id(node), geometry, p)
}

fn edge_feature(sel: &Selection<'_>, edge: &EdgeRef<'_>) -> Feature {
    let mut p = JsonObject::new();
    p.insert(
        "entity".into(),
        if matches!(edge, EdgeRef::Membership(_)) {
            "membership"
        } else {
            "partnership"
        }
        .into(),
    );
    p.insert("id".into(), edge.id().into());
    p.insert("kind".into(), edge.kind().into());
    p.insert("status".into(), edge.status().into());
    p.insert(
        "established".into(),
        edge.established()
            .map_or(JsonValue::Null, |d| d.to_string().into()),
    );
    p.insert(
        "ended".into(),
        edge.ended(sel.as_of())
            .map_or(JsonValue::Null, |d| d.to_string().into()),
    );
    let (source, target) = (edge.source_raw(), edge.target_raw());
    p.insert("source".into(), source.into());
    p.insert("target".into(), target.into());
    let source_city = sel.snap.city(source);
    p.insert(
        "source_name".into(),
        opt_str(source_city.map(|c| c.name.as_str())),
    );
    let (target_name, target_point) = match edge {
        EdgeRef::Partnership { .. } => {
            let c = sel.snap.city(target);
            (c.map(|c| c.name.as_str()), c.map(|c| &**c))
        }
        EdgeRef::Membership(m) => {
            let n = sel.snap.network(m.network.as_str());
            let seat = n
                .and_then(|n| n.secretariat.as_ref())
                .and_then(|s| sel.snap.city(s.as_str()));
            (n.map(|n| n.name.as_str()), seat.map(|c| &**c))
        }
    };
    p.insert("target_name".into(), opt_str(target_name));
    if let Some(role) = edge.role() {
        p.insert("role".into(), role.into());
    }
    let geometry = match (source_city, target_point) {
        (Some(a), Some(b)) => Some(line_geometry(a, b)),
        _ => None,
    };
    feature(edge.id().to_owned(), geometry, p)
}

/// Writes the selection as a GeoJSON FeatureCollection to `out`: city (and network) features first,
/// then link features.
pub fn write_geojson<W: Write>(
    snap: &Snapshot,
    opts: &ExportOptions,
    out: W,
) -> Result<ExportSummary, ExportError> {
    let sel = Selection::new(snap, opts);
    let mut buf = buffered(out);
    let mut summary = ExportSummary::default();
    {
        let mut fw = FeatureWriter::from_writer(&mut buf);
        for node in sel.nodes() {
            fw.write_feature(&node_feature(&sel, &node))?;
            summary.nodes += 1;
        }
        for edge in sel.edges() {
            fw.write_feature(&edge_feature(&sel, &edge))?;
            summary.edges += 1;
        }
        fw.finish()?;
    }
    buf.write_all(b"\n")?;
    finish(buf)?;
    Ok(summary)
}
