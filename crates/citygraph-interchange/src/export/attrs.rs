//! The attribute schema of the graph and table exports (GraphML keys, GEXF attributes, CSV columns):
//! one list, so the three formats carry the same attributes under the same names.

use std::borrow::Cow;

use citygraph_core::date::Day;

use super::select::{EdgeRef, NodeRef};

/// The type of an attribute, as GraphML (`attr.type`) and GEXF (`type`) name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttrType {
    String,
    Double,
    Long,
}

impl AttrType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Double => "double",
            AttrType::Long => "long",
        }
    }
}

/// One declared attribute.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AttrDef {
    pub name: &'static str,
    pub ty: AttrType,
}

const fn def(name: &'static str, ty: AttrType) -> AttrDef {
    AttrDef { name, ty }
}

const CITY_NODE: [AttrDef; 7] = [
    def("name", AttrType::String),
    def("country", AttrType::String),
    def("region", AttrType::String),
    def("lat", AttrType::Double),
    def("lon", AttrType::Double),
    def("population", AttrType::Long),
    def("wikidata", AttrType::String),
];

const BIPARTITE_NODE: [AttrDef; 10] = [
    def("type", AttrType::String),
    def("name", AttrType::String),
    def("country", AttrType::String),
    def("region", AttrType::String),
    def("lat", AttrType::Double),
    def("lon", AttrType::Double),
    def("population", AttrType::Long),
    def("wikidata", AttrType::String),
    def("scope", AttrType::String),
    def("founded", AttrType::String),
];

const TWINNING_EDGE: [AttrDef; 4] = [
    def("kind", AttrType::String),
    def("status", AttrType::String),
    def("established", AttrType::String),
    def("ended", AttrType::String),
];

const BIPARTITE_EDGE: [AttrDef; 5] = [
    def("kind", AttrType::String),
    def("status", AttrType::String),
    def("established", AttrType::String),
    def("ended", AttrType::String),
    def("role", AttrType::String),
];

/// The node attributes of a projection.
pub(crate) fn node_attrs(bipartite: bool) -> &'static [AttrDef] {
    if bipartite {
        &BIPARTITE_NODE
    } else {
        &CITY_NODE
    }
}

/// The edge attributes of a projection.
pub(crate) fn edge_attrs(bipartite: bool) -> &'static [AttrDef] {
    if bipartite {
        &BIPARTITE_EDGE
    } else {
        &TWINNING_EDGE
    }
}

/// An attribute value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Str(Cow<'a, str>),
    Double(f64),
    Long(u64),
}

impl Value<'_> {
    /// The text form (shortest round-trip form for doubles).
    pub(crate) fn render(&self) -> Cow<'_, str> {
        match self {
            Value::Str(s) => Cow::Borrowed(s.as_ref()),
            Value::Double(x) => Cow::Owned(x.to_string()),
            Value::Long(n) => Cow::Owned(n.to_string()),
        }
    }
}

fn s(x: &str) -> Option<Value<'_>> {
    Some(Value::Str(Cow::Borrowed(x)))
}

fn owned<'a>(x: String) -> Option<Value<'a>> {
    Some(Value::Str(Cow::Owned(x)))
}

/// The value of attribute `name` of a node, if it has one.
pub(crate) fn node_value<'a>(node: &NodeRef<'a>, name: &str) -> Option<Value<'a>> {
    match (node, name) {
        (_, "type") => s(node.type_name()),
        (_, "name") => s(node.name()),
        (NodeRef::City(c), "country") => s(c.country.as_str()),
        (NodeRef::City(c), "region") => s(c.region.as_str()),
        (NodeRef::City(c), "lat") => Some(Value::Double(c.lat)),
        (NodeRef::City(c), "lon") => Some(Value::Double(c.lon)),
        (NodeRef::City(c), "population") => c.population.map(Value::Long),
        (NodeRef::City(c), "wikidata") => c.wikidata.as_deref().and_then(s),
        (NodeRef::Network(n), "region") => n.region.map(|r| r.as_str()).and_then(s),
        (NodeRef::Network(n), "scope") => n.scope.and_then(|sc| {
            s(match sc {
                citygraph_core::model::Scope::Global => "global",
                citygraph_core::model::Scope::Regional => "regional",
                citygraph_core::model::Scope::National => "national",
            })
        }),
        (NodeRef::Network(n), "founded") => n.founded.and_then(|d| owned(d.to_string())),
        _ => None,
    }
}

/// The value of attribute `name` of an edge, if it has one.
pub(crate) fn edge_value<'a>(edge: &EdgeRef<'a>, name: &str, as_of: Day) -> Option<Value<'a>> {
    match name {
        "kind" => s(edge.kind()),
        "status" => s(edge.status()),
        "established" => edge.established().and_then(|d| owned(d.to_string())),
        "ended" => edge.ended(as_of).and_then(|d| owned(d.to_string())),
        "role" => edge.role().and_then(s),
        _ => None,
    }
}
